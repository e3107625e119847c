//! The search box: a plain GET form to `/search?q=…` (it works before the app has started)
//! that navigates inside the app once it has.

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::services::articles::MAX_QUERY_CHARS;

#[derive(Properties, PartialEq)]
pub struct SearchFormProps {
    /// The `id` of the input, unique on the page (the header and the search page both have one).
    pub input_id: AttrValue,
    /// The words already searched for.
    #[prop_or_default]
    pub initial: AttrValue,
    #[prop_or_default]
    pub classes: Classes,
}

#[component]
pub fn SearchForm(props: &SearchFormProps) -> Html {
    let navigator = use_navigator();
    let text = use_state(|| props.initial.to_string());
    {
        // Navigating to other results (back, a new search elsewhere) refills the box.
        let text = text.clone();
        use_effect_with(props.initial.clone(), move |initial| {
            text.set(initial.to_string())
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            text.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = {
        let text = text.clone();
        Callback::from(move |event: SubmitEvent| {
            let Some(navigator) = navigator.as_ref() else {
                return;
            };
            event.prevent_default();
            let words: String = text.trim().chars().take(MAX_QUERY_CHARS).collect();
            let query = [("q", words)];
            if navigator.push_with_query(&Route::Search, &query).is_err() {
                navigator.push(&Route::Search);
            }
        })
    };
    html! {
        <form class={classes!("search-form", props.classes.clone())} role="search"
            action="/search" method="get" {onsubmit}>
            <label class="visually-hidden" for={props.input_id.clone()}>{ "搜索文章" }</label>
            <input
                id={props.input_id.clone()}
                type="search"
                name="q"
                maxlength={MAX_QUERY_CHARS.to_string()}
                placeholder="请输入关键词"
                autocomplete="off"
                value={(*text).clone()}
                {oninput}
            />
            <button type="submit">{ "搜索" }</button>
        </form>
    }
}
