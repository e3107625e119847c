//! The editors' console under `/admin`: login, then articles, the media library, statistics and (for admins)
//! categories, friend links, site settings and users. It uses only the API, with the bearer
//! token the request helper adds; admin-only areas are hidden from editors here and refused to
//! them by the API anyway. It must never keep a token anywhere but the tab's session storage.

mod articles;
mod categories;
mod editor;
mod form;
mod login;
mod media;
mod settings;
mod stats;
mod users;

use std::future::Future;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use portal_api::{Role, TokenResponse, User};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::dates::{self, Zone};
use crate::hooks::{use_api, use_document_title, ApiHandle, Remote};
use crate::services::{auth, session, site, ApiError};

/// The console as an app of its own, which the `portal-console` bundle starts under `/admin`:
/// the portal's bundle does not carry it, so readers never download the editors' code. Its
/// links to the portal are plain links (a page load into the portal's bundle).
#[component]
pub fn ConsoleApp() -> Html {
    use_effect_with((), |()| crate::app::mark_app_ready());
    html! {
        <BrowserRouter>
            <Console />
        </BrowserRouter>
    }
}

/// The console's pages; every one is a real URL the server answers with the app.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum AdminRoute {
    #[at("/admin")]
    Dashboard,
    #[at("/admin/articles")]
    Articles,
    #[at("/admin/articles/new")]
    NewArticle,
    #[at("/admin/articles/:id")]
    EditArticle { id: i32 },
    #[at("/admin/articles/:id/stats")]
    ArticleStats { id: i32 },
    #[at("/admin/media")]
    Media,
    #[at("/admin/categories")]
    Categories,
    #[at("/admin/friend-links")]
    FriendLinks,
    #[at("/admin/site")]
    Site,
    #[at("/admin/users")]
    Users,
    #[not_found]
    #[at("/admin/404")]
    NotFound,
}

fn switch(route: AdminRoute) -> Html {
    match route {
        AdminRoute::Dashboard => html! { <stats::Dashboard /> },
        AdminRoute::Articles => html! { <articles::ArticlesPage /> },
        AdminRoute::NewArticle => html! { <editor::EditorPage /> },
        AdminRoute::EditArticle { id } => html! { <editor::EditorPage id={Some(id)} /> },
        AdminRoute::ArticleStats { id } => html! { <stats::ArticleStatsPage {id} /> },
        AdminRoute::Media => html! { <media::MediaPage /> },
        AdminRoute::Categories => html! { <AdminOnly><categories::CategoriesPage /></AdminOnly> },
        AdminRoute::FriendLinks => html! { <AdminOnly><settings::FriendLinksPage /></AdminOnly> },
        AdminRoute::Site => html! { <AdminOnly><settings::SitePage /></AdminOnly> },
        AdminRoute::Users => html! { <AdminOnly><users::UsersPage /></AdminOnly> },
        AdminRoute::NotFound => html! {
            <section class="panel"><h1 class="page-title">{ "页面不存在" }</h1></section>
        },
    }
}

/// What every console page knows: who is logged in, the site's time zone, and how to send the
/// editor back to the login form when the API no longer accepts the token.
#[derive(Clone, PartialEq)]
pub struct ConsoleContext {
    pub user: Rc<User>,
    pub zone: Zone,
    /// The API answered 401: log out, keeping the URL and every unsaved form.
    pub expired: Callback<()>,
}

impl ConsoleContext {
    pub fn is_admin(&self) -> bool {
        self.user.role == Role::Admin
    }

    /// Sends `request`; a 401 ends the session before `done` sees the result.
    pub fn run<T: 'static>(
        &self,
        request: impl Future<Output = Result<T, ApiError>> + 'static,
        done: impl FnOnce(Result<T, ApiError>) + 'static,
    ) {
        let expired = self.expired.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = request.await;
            if matches!(&result, Err(error) if error.is_unauthorized()) {
                expired.emit(());
            }
            done(result);
        });
    }
}

/// The console context; outside the console (which never happens) an editor's rights.
#[hook]
pub fn use_console() -> ConsoleContext {
    use_context::<ConsoleContext>().unwrap_or_else(|| ConsoleContext {
        user: Rc::new(User {
            id: 0,
            username: String::new(),
            role: Role::Editor,
            disabled: false,
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        }),
        zone: Zone::default(),
        expired: Callback::noop(),
    })
}

/// [`use_api`] for the console: a 401 answer sends the editor back to the login form.
#[hook]
pub fn use_staff_api<T, D, F, Fut>(deps: D, load: F) -> ApiHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let expired = use_console().expired;
    let handle = use_api(deps, load);
    let unauthorized = matches!(&handle.state, Remote::Failed(error) if error.is_unauthorized());
    use_effect_with(unauthorized, move |unauthorized| {
        if *unauthorized {
            expired.emit(());
        }
    });
    handle
}

/// Sets the tab's title to `page - 管理后台`.
#[hook]
pub fn use_console_title(page: &'static str) {
    use_document_title(Some(format!("{page} - {}", portal_api::CONSOLE_TITLE)));
}

/// A session still worth trying: the server has the last word, but a token past its expiry
/// time would only fail.
fn live_session() -> Option<TokenResponse> {
    session::stored().filter(|session| session.expires_at > dates::now())
}

/// The console: the login form until someone logs in, then the frame and the current page.
#[component]
pub fn Console() -> Html {
    let session = use_state(live_session);
    let notice = use_state(|| None::<AttrValue>);
    let site = use_api((), |()| site::get());
    let zone = site
        .state
        .ready()
        .map(|site| Zone::new(&site.timezone))
        .unwrap_or_default();

    let on_login = {
        let session = session.clone();
        let notice = notice.clone();
        Callback::from(move |token: TokenResponse| {
            session::store(&token);
            notice.set(None);
            session.set(Some(token));
        })
    };
    let end = |message: Option<&'static str>| {
        let session = session.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            session::clear();
            notice.set(message.map(AttrValue::Static));
            session.set(None);
        })
    };
    let expired = end(Some(
        "登录已过期,请重新登录。未保存的内容已保留在本机,登录后可继续编辑。",
    ));
    // The token is revoked on the server before it is forgotten here; if the server cannot be
    // reached the tab forgets it anyway (it expires on its own).
    let logout = {
        let end = end(None);
        Callback::from(move |()| {
            let end = end.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = auth::logout().await;
                end.emit(());
            });
        })
    };

    let Some(current) = &*session else {
        return html! { <login::LoginPage {on_login} notice={(*notice).clone()} /> };
    };
    let context = ConsoleContext {
        user: Rc::new(current.user.clone()),
        zone,
        expired,
    };
    html! {
        <ContextProvider<ConsoleContext> {context}>
            <ConsoleFrame {logout} />
        </ContextProvider<ConsoleContext>>
    }
}

#[derive(Properties, PartialEq)]
struct ConsoleFrameProps {
    logout: Callback<()>,
}

#[component]
fn ConsoleFrame(props: &ConsoleFrameProps) -> Html {
    let console = use_console();
    let route = use_route::<AdminRoute>();
    let logout = props.logout.reform(|_: MouseEvent| ());
    let admin = console.is_admin();
    let section = |target: &AdminRoute| match (&route, target) {
        (Some(AdminRoute::NewArticle), AdminRoute::NewArticle) => true,
        (
            Some(
                AdminRoute::Articles
                | AdminRoute::EditArticle { .. }
                | AdminRoute::ArticleStats { .. },
            ),
            AdminRoute::Articles,
        ) => true,
        (Some(current), target) => current == target,
        (None, _) => false,
    };
    let entries = [
        (AdminRoute::Dashboard, "统计概览", false),
        (AdminRoute::Articles, "文章管理", false),
        (AdminRoute::NewArticle, "写文章", false),
        (AdminRoute::Media, "媒体库", false),
        (AdminRoute::Categories, "栏目管理", true),
        (AdminRoute::FriendLinks, "友情链接", true),
        (AdminRoute::Site, "站点设置", true),
        (AdminRoute::Users, "用户管理", true),
    ];
    let links = entries
        .into_iter()
        .filter(|(_, _, admin_only)| admin || !admin_only)
        .map(|(target, label, _)| {
            let current = section(&target);
            html! {
                <li>
                    <Link<AdminRoute> to={target} classes={classes!(current.then_some("active"))}>
                        { label }
                    </Link<AdminRoute>>
                </li>
            }
        });
    let role = match console.user.role {
        Role::Admin => "管理员",
        Role::Editor => "编辑",
    };
    html! {
        <div class="console">
            <header class="console-bar">
                <Link<AdminRoute> to={AdminRoute::Dashboard} classes="console-brand">{ "管理后台" }</Link<AdminRoute>>
                <span class="console-user">{ format!("{} ({role})", console.user.username) }</span>
                <a class="console-link" href="/" target="_blank" rel="noopener noreferrer">{ "查看网站" }</a>
                <button type="button" class="button button-small" onclick={logout}>{ "退出登录" }</button>
            </header>
            <div class="console-body">
                <nav class="console-nav" aria-label="管理菜单"><ul>{ for links }</ul></nav>
                <main id="main" class="console-main" tabindex="-1">
                    <Switch<AdminRoute> render={switch} />
                </main>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AdminOnlyProps {
    children: Html,
}

/// Shows its page to admins only; editors are told why instead.
#[component]
fn AdminOnly(props: &AdminOnlyProps) -> Html {
    if use_console().is_admin() {
        props.children.clone()
    } else {
        html! {
            <section class="panel forbidden" role="alert">
                <h1 class="page-title">{ "无权访问" }</h1>
                <p>{ "此页面仅限管理员使用。如需调整栏目、友情链接、站点设置或用户,请联系管理员。" }</p>
            </section>
        }
    }
}
