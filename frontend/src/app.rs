//! The portal's shell: its routes (real URLs, which the backend answers with the app on reload),
//! the frame every page shares (header, navigation, footer) and the site-wide data behind it.
//! Everything under `/admin` is the editors' console instead, with a frame of its own.

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::admin::Console;
use crate::components::{Footer, Header, Navigation};
use crate::hooks::use_api;
use crate::pages::{ArticlePage, CategoryPage, HomePage, NotFoundPage, SearchPage};
use crate::services;
use crate::state::PortalContext;

/// The portal's pages. A malformed id (`/article/abc`) matches nothing and lands on the 404.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/category/:slug")]
    Category { slug: String },
    #[at("/article/:id")]
    Article { id: i32 },
    /// `?q=words&page=n`
    #[at("/search")]
    Search,
    /// The editors' console; its own router takes it from here.
    #[at("/admin")]
    Admin,
    #[at("/admin/*")]
    AdminPage,
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Category { slug } => html! { <CategoryPage {slug} /> },
        Route::Article { id } => html! { <ArticlePage {id} /> },
        Route::Search => html! { <SearchPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
        // Rendered by `Root` without the portal's frame.
        Route::Admin | Route::AdminPage => html! {},
    }
}

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Root />
        </BrowserRouter>
    }
}

/// The console or the portal, by address.
#[component]
fn Root() -> Html {
    match use_route::<Route>() {
        Some(Route::Admin | Route::AdminPage) => html! { <Console /> },
        _ => html! { <Portal /> },
    }
}

/// The frame around the current page, inside the router so every part can link and navigate.
#[component]
fn Portal() -> Html {
    let site = use_api((), |()| services::site::get());
    let tree = use_api((), |()| services::categories::tree());
    let friend_links = use_api((), |()| services::friend_links::list());
    let section = use_state_eq(|| None::<String>);
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

    html! {
        <ContextProvider<PortalContext> {context}>
            <a class="skip-link" href="#main">{ "跳到正文" }</a>
            <Header />
            <Navigation retry={tree.retry} />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </ContextProvider<PortalContext>>
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
