//! The pieces every console form and table shares: a labelled field with the server's message
//! for it, the form's overall error, a notice after a change, and buttons that ask before they
//! destroy anything.

use yew::prelude::*;

use crate::editorial::FormError;
use crate::services::ApiError;

/// The value of the input, select or textarea an event came from.
pub fn value_of(event: &Event) -> String {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// A callback that keeps `state` equal to the text typed into the input it is attached to.
pub fn set_text(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |event: InputEvent| state.set(value_of(&event)))
}

/// Whether the checkbox an event came from is now checked.
pub fn checked_of(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"checked".into()).ok())
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}

/// Asks the browser's own confirmation dialog; `false` when it cannot be shown.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Asks for one line of text (a new password); `None` when cancelled.
pub fn prompt(question: &str) -> Option<String> {
    web_sys::window()?
        .prompt_with_message(question)
        .ok()
        .flatten()
}

/// Why a form was not saved: refused by the form itself or by the API.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Form(FormError),
    Api(ApiError),
}

impl Failure {
    /// The message to show next to `field`.
    pub fn field(&self, field: &str) -> Option<String> {
        match self {
            Failure::Form(error) => (error.field == field).then(|| error.message.clone()),
            Failure::Api(error) => error.field_message(field),
        }
    }
}

/// The message for `field` from an optional failure.
pub fn field_error(failure: &Option<Failure>, field: &str) -> Option<String> {
    failure.as_ref().and_then(|failure| failure.field(field))
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub label: AttrValue,
    /// The control's id, which the label points at.
    pub id: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub classes: Classes,
    pub children: Html,
}

/// A label, its control (the children), a hint, and the server's message for it.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    html! {
        <div class={classes!("field", props.classes.clone(), props.error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            { props.children.clone() }
            if let Some(hint) = &props.hint {
                <p class="field-hint">{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="field-error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormAlertProps {
    pub failure: Option<Failure>,
}

/// The form's overall error: the API's words (a conflict's reason, say), or a pointer to the
/// fields marked below.
#[component]
pub fn FormAlert(props: &FormAlertProps) -> Html {
    let Some(failure) = &props.failure else {
        return html! {};
    };
    let (headline, detail) = match failure {
        Failure::Form(_) => ("请检查标出的项目。".to_owned(), None),
        Failure::Api(error) => (error.headline().to_owned(), Some(error.detail())),
    };
    html! {
        <div class="error-box" role="alert">
            <p class="error-headline">{ headline }</p>
            if let Some(detail) = detail {
                <p class="error-detail">{ detail }</p>
            }
        </div>
    }
}

/// What the last action in a list did, shown above it.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Done(String),
    Failed(ApiError),
}

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    match &props.notice {
        None => html! {},
        Some(Notice::Done(text)) => html! { <p class="notice" role="status">{ text.clone() }</p> },
        Some(Notice::Failed(error)) => {
            html! { <FormAlert failure={Some(Failure::Api(error.clone()))} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmButtonProps {
    /// The question asked first; the action runs only on 确定.
    pub question: AttrValue,
    pub onconfirm: Callback<()>,
    #[prop_or_default]
    pub danger: bool,
    pub children: Html,
}

/// A small button that asks before it acts (publish, archive, delete).
#[component]
pub fn ConfirmButton(props: &ConfirmButtonProps) -> Html {
    let onclick = {
        let question = props.question.clone();
        let onconfirm = props.onconfirm.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm(&question) {
                onconfirm.emit(());
            }
        })
    };
    html! {
        <button type="button" class={classes!("link-button", props.danger.then_some("danger"))} {onclick}>
            { props.children.clone() }
        </button>
    }
}
