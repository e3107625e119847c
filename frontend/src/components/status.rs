//! What a reader sees while data loads and when it could not be loaded: never a blank area,
//! never a frozen page; an error says what happened in words and offers to try again.

use yew::prelude::*;

use crate::services::ApiError;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    #[prop_or(AttrValue::Static("正在加载…"))]
    pub text: AttrValue,
}

#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            { props.text.clone() }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: ApiError,
    /// Offered as a 重试 button when present.
    #[prop_or_default]
    pub retry: Option<Callback<()>>,
    /// What failed to load, e.g. `文章列表`.
    #[prop_or_default]
    pub what: Option<AttrValue>,
}

#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let retry = props.retry.clone().map(|retry| {
        let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
        html! { <button type="button" class="button" {onclick}>{ "重试" }</button> }
    });
    let headline = match &props.what {
        Some(what) => format!("{what}加载失败: {}", props.error.headline()),
        None => props.error.headline().to_owned(),
    };
    html! {
        <div class="error-box" role="alert">
            <p class="error-headline">{ headline }</p>
            <p class="error-detail">{ props.error.detail() }</p>
            { for retry }
        </div>
    }
}
