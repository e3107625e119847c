//! The portal's browser client: a Yew single-page app that reads the public API and renders the
//! portal a reader of the old 普法 site knows (header with today's date, category navigation,
//! breadcrumbs, article pages with their view counter, search, friend links).
//!
//! Under `/admin` the same app is the editors' console (login, articles, categories, friend
//! links, site settings, users, statistics), using only the public API with a bearer token.
//!
//! The formatting rules (dates, breadcrumbs, page numbers, search highlighting, font sizes, the
//! article editor's form, chart scaling) live in plain modules without browser calls, so
//! `cargo test -p portal-frontend` checks them on the host. Everything that touches the DOM,
//! the network or storage sits in `admin`, `components`, `pages`, `hooks` and `services`.

pub mod admin;
pub mod app;
pub mod breadcrumb;
pub mod chart;
pub mod components;
pub mod dates;
pub mod editorial;
pub mod font_size;
pub mod highlight;
pub mod hooks;
pub mod pages;
pub mod pagination;
pub mod sections;
pub mod services;
pub mod state;

/// Mounts the portal on the page's `<body>`, replacing the static "loading" note that
/// `index.html` shows while the wasm downloads.
pub fn run() {
    if let Some(boot) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("boot"))
    {
        boot.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
