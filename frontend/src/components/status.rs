//! What a reader sees while data loads and when it could not be loaded: never a blank area,
//! never a frozen page; an error says what happened in words and offers to try again.
//!
//! Plain view functions, not components: they keep no state, and every component costs the wasm
//! bundle its own copy of Yew's lifecycle code (about 3 KB each before wasm-opt).

use yew::prelude::*;

use crate::services::ApiError;

/// The words shown while something loads, when nothing more particular fits.
pub const LOADING: &str = "正在加载…";

pub fn loading(text: &'static str) -> Html {
    html! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            { text }
        </div>
    }
}

/// `what` failed to load (e.g. `文章列表`); `retry`, when given, is offered as a 重试 button.
pub fn error_box(error: &ApiError, retry: Option<&Callback<()>>, what: Option<&str>) -> Html {
    let retry = retry.cloned().map(|retry| {
        let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
        html! { <button type="button" class="button" {onclick}>{ "重试" }</button> }
    });
    let headline = match what {
        Some(what) => format!("{what}加载失败: {}", error.headline()),
        None => error.headline().to_owned(),
    };
    html! {
        <div class="error-box" role="alert">
            <p class="error-headline">{ headline }</p>
            <p class="error-detail">{ error.detail() }</p>
            { for retry }
        </div>
    }
}
