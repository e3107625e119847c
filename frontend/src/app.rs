//! The portal's shell: its routes (real URLs, which the backend answers with the app on reload),
//! the frame every page shares (header, navigation, footer) and the site-wide data behind it.
//! Everything under `/admin` is the editors' console instead: an app of its own, in a bundle of
//! its own (see [`crate::admin::ConsoleApp`]), so readers never download it.

use std::collections::HashMap;

use portal_api::Article;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

use crate::components::{use_in_app_links, Footer, Header, Navigation};
use crate::hooks::use_get;
use crate::page_data::Preloaded;
use crate::pages::{ArticlePage, CategoryPage, HomePage, NotFoundPage, SearchPage};
use crate::services;
use crate::state::PortalContext;

/// The portal's pages, listed once in portal-api: the server reads addresses with the same
/// rules when it renders a page and sets its status.
pub use portal_api::PageRoute as Route;

/// yew-router's handle on a [`Route`]: the router asks it to read and write addresses, and it
/// answers with portal-api's rules (a derived `Routable` would state the addresses again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routed(pub Route);

impl Routable for Routed {
    fn from_path(path: &str, _params: &HashMap<&str, &str>) -> Option<Self> {
        Self::recognize(path)
    }

    fn to_path(&self) -> String {
        self.0.path()
    }

    fn routes() -> Vec<&'static str> {
        // `recognize` reads every address itself; this list only feeds the derive's matcher.
        vec!["/*path"]
    }

    fn not_found_route() -> Option<Self> {
        Some(Routed(Route::NotFound))
    }

    fn recognize(pathname: &str) -> Option<Self> {
        Some(Routed(Route::recognize(pathname)))
    }
}

/// The page the router is on.
#[hook]
pub fn use_page_route() -> Option<Route> {
    use_route::<Routed>().map(|routed| routed.0)
}

fn switch(routed: Routed) -> Html {
    match routed.0 {
        Route::Home => html! { <HomePage /> },
        Route::Category { slug } => html! { <CategoryPage {slug} /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::Search => html! { <SearchPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
        // Rendered by `Root` without the portal's frame.
        Route::Console => html! {},
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The page's address (path and query) when the server renders it; in the browser the
    /// app follows the browser's address.
    #[prop_or_default]
    pub url: Option<AttrValue>,
    /// The API answers the page is drawn from (see [`crate::page_data`]).
    #[prop_or_default]
    pub preloaded: Preloaded,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    {
        // Effects run after the whole first render: every component has taken its answer.
        let preloaded = props.preloaded.clone();
        use_effect_with((), move |()| {
            preloaded.spend();
            mark_app_ready();
        });
    }
    let router = match &props.url {
        Some(url) => html! {
            <Router history={fixed_history(url)}>
                <Root />
            </Router>
        },
        None => html! {
            <BrowserRouter>
                <Root />
            </BrowserRouter>
        },
    };
    html! {
        <ContextProvider<Preloaded> context={props.preloaded.clone()}>
            { router }
        </ContextProvider<Preloaded>>
    }
}

/// Marks the page as taken over by an app: from here on buttons that need it (font size, print,
/// 点击排行's periods, the console's forms) work; the browser tests wait for this mark before
/// using them.
pub fn mark_app_ready() {
    if let Some(html) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// A history holding the one address the server renders.
fn fixed_history(url: &str) -> AnyHistory {
    let history = MemoryHistory::new();
    // The address comes from a request line: no fragment, and always an absolute path.
    let url = url.split('#').next().unwrap_or_default();
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = if path.starts_with('/') { path } else { "/" };
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    if pairs.is_empty() {
        history.replace(path);
    } else {
        // Pairs of strings always encode.
        let _ = history.replace_with_query(path, pairs);
    }
    history.into()
}

/// The console or the portal, by address.
#[component]
fn Root() -> Html {
    match use_page_route() {
        Some(Route::Console) => html! { <LoadsConsole /> },
        _ => html! { <Portal /> },
    }
}

/// The console is not in the portal's bundle: an address under `/admin` reached without a page
/// load (history, a typed-in `pushState`) loads the page, which brings the console's bundle.
#[component]
fn LoadsConsole() -> Html {
    use_effect_with((), |()| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    html! { <div class="boot" role="status">{ "正在加载管理后台…" }</div> }
}

/// The frame around the current page, inside the router so every part can link and navigate.
#[component]
fn Portal() -> Html {
    let site = use_get(Some(services::site::url()));
    let tree = use_get(Some(services::categories::tree_url()));
    let friend_links = use_get(Some(services::friend_links::list_url()));
    let route = use_page_route();
    let preloaded = use_context::<Preloaded>();
    // Pages report their section from an effect, which a server-rendered page never runs: the
    // first render finds it from the address (and the article the page brought along), so the
    // navigation shows where the reader is without JavaScript too.
    let section = use_state_eq(|| first_section(route.as_ref(), preloaded.as_ref()));
    let set_section = {
        let section = section.clone();
        Callback::from(move |slug: Option<String>| section.set(slug))
    };
    let context = PortalContext {
        site: site.state,
        tree: tree.state,
        friend_links: friend_links.state,
        section: (*section).clone(),
        set_section,
    };

    use_page_start();
    use_in_app_links();

    html! {
        <ContextProvider<PortalContext> {context}>
            <a class="skip-link" href="#main">{ "跳到正文" }</a>
            <Header />
            <Navigation retry={tree.retry} />
            <main id="main" tabindex="-1">
                <Switch<Routed> render={switch} />
            </main>
            <Footer />
        </ContextProvider<PortalContext>>
    }
}

/// The section of the page at `route`, as far as the address and the page's data tell.
fn first_section(route: Option<&Route>, preloaded: Option<&Preloaded>) -> Option<String> {
    match route? {
        Route::Category { slug } => Some(slug.clone()),
        Route::Article { id } => preloaded?
            .answer::<Article>(&services::articles::url(*id))?
            .ready()
            .map(|article| article.category.slug.clone()),
        _ => None,
    }
}

/// A new page starts at its top, as a page load would: the router alone keeps the old scroll
/// position, which leaves a reader who followed a link at the bottom of a list at the bottom.
/// Focus moves to the page's content too, so keyboard and screen reader users continue there
/// rather than on a link that no longer exists.
#[hook]
fn use_page_start() {
    let location = use_location();
    let key = location.map(|location| format!("{}{}", location.path(), location.query_str()));
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        window.scroll_to_with_x_and_y(0.0, 0.0);
        let main = window
            .document()
            .and_then(|document| document.get_element_by_id("main"))
            .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            // Focusing can only fail on elements that cannot take focus; `main` has a tabindex.
            let _ = main.focus();
        }
    });
}
