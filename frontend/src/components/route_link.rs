//! A link to a portal page: a real `href` (so it can be opened in a new tab, bookmarked and
//! read by crawlers) that navigates inside the app on a plain click.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, Routed};

/// The address of `route` with `query` appended (`/category/xinzhou?page=2`).
pub fn href(route: &Route, query: &[(&'static str, String)]) -> String {
    let path = route.path();
    match serde_urlencoded::to_string(query) {
        Ok(query) if !query.is_empty() => format!("{path}?{query}"),
        _ => path,
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct RouteLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub query: Vec<(&'static str, String)>,
    #[prop_or_default]
    pub classes: Classes,
    /// The link leads to the page being shown (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    /// An accessible name when the visible text alone is not enough (`更多` → `更多普法动态`).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn RouteLink(props: &RouteLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        let query = props.query.clone();
        Callback::from(move |event: MouseEvent| {
            // Let the browser handle new-tab and new-window clicks itself.
            let modified = event.ctrl_key() || event.meta_key() || event.shift_key();
            if modified || event.alt_key() || event.button() != 0 {
                return;
            }
            let Some(navigator) = navigator.as_ref() else {
                return;
            };
            event.prevent_default();
            // A query that cannot be encoded loses only its query, never the navigation.
            if query.is_empty()
                || navigator
                    .push_with_query(&Routed(to.clone()), &query)
                    .is_err()
            {
                navigator.push(&Routed(to.clone()));
            }
        })
    };
    html! {
        <a
            href={href(&props.to, &props.query)}
            class={props.classes.clone()}
            aria-current={props.current.then_some("page")}
            aria-label={props.label.clone()}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_without_a_query_is_its_path() {
        assert_eq!(href(&Route::Article { id: 7 }, &[]), "/article/7");
        assert_eq!(href(&Route::Home, &[]), "/");
    }

    #[test]
    fn a_query_is_encoded_after_the_path() {
        let route = Route::Category {
            slug: "xinzhou".into(),
        };
        assert_eq!(
            href(&route, &[("page", "2".into())]),
            "/category/xinzhou?page=2"
        );
        assert_eq!(
            href(
                &Route::Search,
                &[("q", "民法典".into()), ("page", "3".into())]
            ),
            "/search?q=%E6%B0%91%E6%B3%95%E5%85%B8&page=3"
        );
    }
}
