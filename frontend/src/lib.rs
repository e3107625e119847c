//! The portal's browser client: a Yew single-page app that reads the public API and renders the
//! portal a reader of the old 普法 site knows (header with today's date, category navigation,
//! breadcrumbs, article pages with their view counter, search, friend links).
//!
//! Under `/admin` the editors' console (login, articles, categories, friend links, site
//! settings, users, statistics) uses only the public API with a bearer token. It is an app of
//! its own with a bundle of its own (`portal-console`, see [`run_console`]): the portal's
//! bundle (`portal-frontend`, see [`run_portal`]) never refers to it, so the linker leaves it
//! out and readers download only what they read with.
//!
//! The same components render the public pages on the server (the `ssr` build on the host,
//! see [`app::AppProps`] and [`page_data`]); the browser then hydrates them.
//!
//! The formatting rules (dates, breadcrumbs, page numbers, font sizes, the article editor's
//! form, chart scaling) live in plain modules without browser calls, so
//! `cargo test -p portal-frontend` checks them on the host. Everything that touches the DOM,
//! the network or storage sits in `admin`, `components`, `pages`, `hooks` and `services`.

pub mod admin;
pub mod app;
pub mod breadcrumb;
pub mod chart;
pub mod components;
pub mod dates;
pub mod editorial;
pub mod embed;
pub mod font_size;
pub mod hooks;
pub mod page_data;
pub mod pages;
pub mod pagination;
pub mod sections;
pub mod services;
pub mod state;

/// Starts the portal in the browser. A page the server rendered (it carries its data) is
/// hydrated: the app takes over the HTML already on screen without drawing it again. Any other
/// page (the editors' console, or a page the server could not render) is drawn anew in place of
/// the "loading" note.
#[cfg(target_arch = "wasm32")]
pub fn run_portal() {
    use portal_api::{PageData, APP_ROOT_ID, PAGE_DATA_ID};

    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let page_data = document
        .get_element_by_id(PAGE_DATA_ID)
        .and_then(|element| element.text_content())
        .and_then(|text| serde_json::from_str::<PageData>(&text).ok());
    let Some(root) = document.get_element_by_id(APP_ROOT_ID) else {
        yew::Renderer::<app::App>::new().render();
        return;
    };
    match page_data {
        Some(answers) => {
            let props = app::AppProps {
                url: None,
                preloaded: page_data::Preloaded::new(answers),
            };
            yew::Renderer::<app::App>::with_root_and_props(root, props).hydrate();
        }
        None => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
    }
}

/// Starts the editors' console in place of the "loading" note (the server never renders it).
#[cfg(target_arch = "wasm32")]
pub fn run_console() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(portal_api::APP_ROOT_ID));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<admin::ConsoleApp>::with_root(root).render();
        }
        None => {
            yew::Renderer::<admin::ConsoleApp>::new().render();
        }
    }
}
