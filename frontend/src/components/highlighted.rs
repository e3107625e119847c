//! Text with the reader's search words marked (`<mark>`), for search results.

use yew::prelude::*;

use crate::highlight;

/// `text` with the words of `query` marked; nothing is marked when `query` is empty. A function
/// rather than a component: every title of a list goes through it.
pub fn highlighted(text: &str, query: &str) -> Html {
    highlight::split(text, query)
        .into_iter()
        .map(|run| {
            if run.matched {
                html! { <mark>{ run.text }</mark> }
            } else {
                html! { { run.text } }
            }
        })
        .collect()
}
