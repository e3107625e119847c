//! Links to portal pages are plain `<a href>` elements: a real address a reader can open in a
//! new tab or bookmark and a crawler can follow. One click listener for the whole portal
//! ([`use_in_app_links`]) turns a plain click on a link to a portal page into navigation inside
//! the app, links in an article's own text included. The links are not components of their
//! own: a server-rendered page holds dozens, and each component costs the renderer more than
//! the element it draws.

use wasm_bindgen::JsCast;
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

/// `aria-current` of a link that leads to the page being shown.
pub fn aria_current(current: bool) -> Option<AttrValue> {
    current.then_some(AttrValue::Static("page"))
}

/// Navigates inside the app on a plain click on a link to one of the portal's pages (the
/// console, files, feeds, other sites, links with a `#` target and links meant for a new tab or
/// a download are left to the browser).
#[hook]
pub fn use_in_app_links() {
    let navigator = use_navigator();
    use_effect_with(navigator, |navigator| {
        let navigator = navigator.clone();
        let listener = web_sys::window()
            .and_then(|window| window.document())
            .zip(navigator)
            .map(|(document, navigator)| {
                // Not passive: the listener cancels the browser's own navigation.
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(
                    &document,
                    "click",
                    options,
                    move |event| {
                        let Some(event) = event.dyn_ref::<MouseEvent>() else {
                            return;
                        };
                        if let Some((route, query)) = in_app_target(event) {
                            event.prevent_default();
                            // A query the history refuses loses only its query, never the navigation.
                            if query.is_empty()
                                || navigator
                                    .push_with_query(
                                        &Routed(route.clone()),
                                        yew_router::query::Raw(query.as_str()),
                                    )
                                    .is_err()
                            {
                                navigator.push(&Routed(route));
                            }
                        }
                    },
                )
            });
        move || drop(listener)
    });
}

/// The page and query a click leads to, when the app should take it.
fn in_app_target(event: &MouseEvent) -> Option<(Route, String)> {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if modified || event.button() != 0 || event.default_prevented() {
        return None;
    }
    let anchor = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    if anchor.has_attribute("download")
        || anchor
            .get_attribute("target")
            .is_some_and(|target| !target.is_empty() && target != "_self")
    {
        return None;
    }
    in_app_address(&anchor.get_attribute("href")?)
}

/// The portal page an `href` as written names: only a path on this site (`/article/7`,
/// `/search?q=…`) that is one of the portal's pages.
fn in_app_address(href: &str) -> Option<(Route, String)> {
    // A `#` target is the browser's to scroll to (a footnote in an article's text).
    if !href.starts_with('/') || href.starts_with("//") || href.contains('#') {
        return None;
    }
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    match Route::recognize(path) {
        Route::NotFound | Route::Console => None,
        route => Some((route, query.to_owned())),
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
    fn only_links_to_portal_pages_on_this_site_are_taken_in_app() {
        assert_eq!(
            in_app_address("/article/7"),
            Some((Route::Article { id: 7 }, String::new()))
        );
        assert_eq!(
            in_app_address("/search?q=%E6%B0%91&page=2"),
            Some((Route::Search, "q=%E6%B0%91&page=2".to_owned()))
        );
        for elsewhere in [
            "https://example.org/article/7",
            "//example.org/article/7",
            "#main",
            "/article/7#notes",
            "article/7",
            "/admin/articles",
            "/feed.xml",
            "/media/photo.jpg",
        ] {
            assert_eq!(in_app_address(elsewhere), None, "{elsewhere}");
        }
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
