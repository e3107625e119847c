//! Text with the reader's search words marked (`<mark>`), for search results.

use yew::prelude::*;

use crate::highlight;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// The search words; nothing is marked when empty.
    #[prop_or_default]
    pub query: AttrValue,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    highlight::split(&props.text, &props.query)
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
