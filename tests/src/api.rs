//! The API as a typed client for the tests: one method per operation of the OpenAPI document,
//! named after its `operationId`, taking and returning the contract crate's (`portal-api`)
//! types. A test then reads like a caller of the API, and every answer it gets is checked
//! against the contract on the way: a success must decode into the operation's response type
//! and a failure must be an RFC 9457 problem document, or the test fails there.
//!
//! Requests a typed client cannot make (malformed JSON, unknown fields, wrong types) are what
//! the untyped [`TestApp::send`] is for.

use std::fmt::Debug;

use portal_api::{
    Article, ArticleListQuery, ArticlePage, ArticlePatch, ArticlePreview, ArticlePreviewRequest,
    CategoryDetail, CategoryHits, CategoryNode, CategoryPatch, DailyQuery, DailySeries, ErrorCode,
    FriendLink, FriendLinkPatch, Health, LoginRequest, Media, MediaList, MediaQuery,
    MostReadArticle, MostReadQuery, NewArticle, NewCategory, NewFriendLink, NewUser, Problem,
    Readiness, Role, SearchPage, SearchQuery, SiteSettings, SiteSettingsPatch, SiteSummary,
    SuggestQuery, SuggestionList, TokenResponse, User, UserPatch, ViewRecorded,
};
use reqwest::{header::HeaderMap, Method, RequestBuilder, StatusCode};
use serde::{de::DeserializeOwned, Serialize};

use crate::TestApp;

/// What an operation answered: the status, the headers and either its typed body or the
/// problem document it sent instead.
#[derive(Debug)]
pub struct Answer<T> {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Result<T, Problem>,
}

impl<T: Debug> Answer<T> {
    /// The body of a successful answer; fails the test with the problem otherwise.
    #[track_caller]
    pub fn ok(self) -> T {
        match self.body {
            Ok(body) => body,
            Err(problem) => panic!("expected a success, got {}: {problem:?}", self.status),
        }
    }

    /// The body, asserting this exact success status (e.g. 201 for a create).
    #[track_caller]
    pub fn ok_with(self, status: u16) -> T {
        assert_eq!(self.status.as_u16(), status, "{:?}", self.body);
        self.ok()
    }

    /// The problem document, asserting its status and code.
    #[track_caller]
    pub fn problem(self, status: u16, code: ErrorCode) -> Problem {
        match self.body {
            Err(problem) => {
                assert_eq!(self.status.as_u16(), status, "{problem:?}");
                assert_eq!(problem.code, code, "{problem:?}");
                problem
            }
            Ok(body) => panic!(
                "expected a {status} {code:?} problem, got {}: {body:?}",
                self.status
            ),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

/// The API as one caller sees it: anonymous, or with a bearer token.
pub struct Api<'a> {
    app: &'a TestApp,
    token: Option<&'a str>,
}

impl TestApp {
    /// The API for an anonymous caller.
    pub fn api(&self) -> Api<'_> {
        Api {
            app: self,
            token: None,
        }
    }

    /// The API for the holder of `token`.
    pub fn api_as<'a>(&'a self, token: &'a str) -> Api<'a> {
        Api {
            app: self,
            token: Some(token),
        }
    }
}

impl Api<'_> {
    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let request = self.app.client.request(method, self.app.url(path));
        match self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    async fn answer<T: DeserializeOwned>(request: RequestBuilder) -> Answer<T> {
        let reply = TestApp::read(request).await;
        let body = if reply.status.is_success() {
            // A 204 has no body: `()` is read from JSON's null.
            let text = if reply.text.is_empty() {
                "null"
            } else {
                reply.text.as_str()
            };
            Ok(serde_json::from_str(text).unwrap_or_else(|error| {
                panic!(
                    "a {} answer does not match the contract's {} ({error}): {}",
                    reply.status,
                    std::any::type_name::<T>(),
                    reply.text
                )
            }))
        } else {
            assert_eq!(
                reply.header("content-type"),
                Some("application/problem+json"),
                "a {} answer must be a problem document: {}",
                reply.status,
                reply.text
            );
            let problem: Problem = reply.parse();
            assert_eq!(problem.status, reply.status.as_u16(), "{problem:?}");
            assert_eq!(
                problem.problem_type,
                problem.code.problem_type(),
                "{problem:?}"
            );
            Err(problem)
        };
        Answer {
            status: reply.status,
            headers: reply.headers,
            body,
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Answer<T> {
        Self::answer(self.request(Method::GET, path)).await
    }

    async fn get_with<T: DeserializeOwned>(&self, path: &str, query: &impl Serialize) -> Answer<T> {
        Self::answer(self.request(Method::GET, path).query(query)).await
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &impl Serialize,
    ) -> Answer<T> {
        Self::answer(self.request(method, path).json(body)).await
    }

    async fn delete(&self, path: &str) -> Answer<()> {
        Self::answer(self.request(Method::DELETE, path)).await
    }

    // Articles

    pub async fn list_articles(&self, query: &ArticleListQuery) -> Answer<ArticlePage> {
        self.get_with("/api/v1/articles", query).await
    }

    pub async fn create_article(&self, article: &NewArticle) -> Answer<Article> {
        self.send(Method::POST, "/api/v1/articles", article).await
    }

    pub async fn preview_article(&self, body: &ArticlePreviewRequest) -> Answer<ArticlePreview> {
        self.send(Method::POST, "/api/v1/articles/preview", body)
            .await
    }

    pub async fn get_article(&self, id: i32) -> Answer<Article> {
        self.get(&format!("/api/v1/articles/{id}")).await
    }

    pub async fn update_article(&self, id: i32, patch: &ArticlePatch) -> Answer<Article> {
        self.send(Method::PATCH, &format!("/api/v1/articles/{id}"), patch)
            .await
    }

    pub async fn delete_article(&self, id: i32) -> Answer<()> {
        self.delete(&format!("/api/v1/articles/{id}")).await
    }

    /// The view beacon, sent as a browser with `user_agent` from the portal's own page.
    pub async fn record_view(&self, id: i32, user_agent: &str) -> Answer<ViewRecorded> {
        Self::answer(
            self.request(Method::POST, &format!("/api/v1/articles/{id}/views"))
                .header(reqwest::header::USER_AGENT, user_agent)
                .header(reqwest::header::ORIGIN, &self.app.address),
        )
        .await
    }

    // Accounts and sessions

    pub async fn login(&self, credentials: &LoginRequest) -> Answer<TokenResponse> {
        self.send(Method::POST, "/api/v1/auth/login", credentials)
            .await
    }

    pub async fn logout(&self) -> Answer<()> {
        Self::answer(self.request(Method::POST, "/api/v1/auth/logout")).await
    }

    pub async fn me(&self) -> Answer<User> {
        self.get("/api/v1/auth/me").await
    }

    pub async fn list_users(&self) -> Answer<Vec<User>> {
        self.get("/api/v1/users").await
    }

    pub async fn create_user(&self, user: &NewUser) -> Answer<User> {
        self.send(Method::POST, "/api/v1/users", user).await
    }

    pub async fn get_user(&self, id: i32) -> Answer<User> {
        self.get(&format!("/api/v1/users/{id}")).await
    }

    pub async fn update_user(&self, id: i32, patch: &UserPatch) -> Answer<User> {
        self.send(Method::PATCH, &format!("/api/v1/users/{id}"), patch)
            .await
    }

    pub async fn delete_user(&self, id: i32) -> Answer<()> {
        self.delete(&format!("/api/v1/users/{id}")).await
    }

    // Categories

    pub async fn category_tree(&self) -> Answer<Vec<CategoryNode>> {
        self.get("/api/v1/categories").await
    }

    pub async fn create_category(&self, category: &NewCategory) -> Answer<CategoryDetail> {
        self.send(Method::POST, "/api/v1/categories", category)
            .await
    }

    /// `id_or_slug`: the category's id or its slug, as the path takes either.
    pub async fn get_category(&self, id_or_slug: &str) -> Answer<CategoryDetail> {
        self.get(&format!("/api/v1/categories/{id_or_slug}")).await
    }

    pub async fn update_category(&self, id: i32, patch: &CategoryPatch) -> Answer<CategoryDetail> {
        self.send(Method::PATCH, &format!("/api/v1/categories/{id}"), patch)
            .await
    }

    pub async fn delete_category(&self, id: i32) -> Answer<()> {
        self.delete(&format!("/api/v1/categories/{id}")).await
    }

    // Friend links

    pub async fn list_friend_links(&self) -> Answer<Vec<FriendLink>> {
        self.get("/api/v1/friend-links").await
    }

    pub async fn create_friend_link(&self, link: &NewFriendLink) -> Answer<FriendLink> {
        self.send(Method::POST, "/api/v1/friend-links", link).await
    }

    pub async fn get_friend_link(&self, id: i32) -> Answer<FriendLink> {
        self.get(&format!("/api/v1/friend-links/{id}")).await
    }

    pub async fn update_friend_link(&self, id: i32, patch: &FriendLinkPatch) -> Answer<FriendLink> {
        self.send(Method::PATCH, &format!("/api/v1/friend-links/{id}"), patch)
            .await
    }

    pub async fn delete_friend_link(&self, id: i32) -> Answer<()> {
        self.delete(&format!("/api/v1/friend-links/{id}")).await
    }

    // Media library (uploads are multipart: see the media tests)

    pub async fn list_media(&self, query: &MediaQuery) -> Answer<MediaList> {
        self.get_with("/api/v1/media", query).await
    }

    pub async fn get_media(&self, id: i32) -> Answer<Media> {
        self.get(&format!("/api/v1/media/{id}")).await
    }

    pub async fn delete_media(&self, id: i32) -> Answer<()> {
        self.delete(&format!("/api/v1/media/{id}")).await
    }

    // Search

    pub async fn search_articles(&self, query: &SearchQuery) -> Answer<SearchPage> {
        self.get_with("/api/v1/search", query).await
    }

    pub async fn suggest_titles(&self, query: &SuggestQuery) -> Answer<SuggestionList> {
        self.get_with("/api/v1/search/suggest", query).await
    }

    // Site settings

    pub async fn get_site(&self) -> Answer<SiteSettings> {
        self.get("/api/v1/site").await
    }

    pub async fn update_site(&self, patch: &SiteSettingsPatch) -> Answer<SiteSettings> {
        self.send(Method::PATCH, "/api/v1/site", patch).await
    }

    // Statistics

    pub async fn per_category(&self) -> Answer<Vec<CategoryHits>> {
        self.get("/api/v1/stats/categories").await
    }

    pub async fn daily(&self, query: &DailyQuery) -> Answer<DailySeries> {
        self.get_with("/api/v1/stats/daily", query).await
    }

    pub async fn most_read(&self, query: &MostReadQuery) -> Answer<Vec<MostReadArticle>> {
        self.get_with("/api/v1/stats/most-read", query).await
    }

    pub async fn summary(&self) -> Answer<SiteSummary> {
        self.get("/api/v1/stats/summary").await
    }

    // Health

    pub async fn healthz(&self) -> Answer<Health> {
        self.get("/healthz").await
    }

    pub async fn readyz(&self) -> Answer<Readiness> {
        self.get("/readyz").await
    }
}

/// A new published article with empty optional fields, for tests to adjust with
/// `NewArticle { body: ..., ..published(title, category_id) }`.
pub fn published(title: &str, category_id: i32) -> NewArticle {
    NewArticle {
        title: title.to_owned(),
        category_id,
        summary: None,
        body: String::new(),
        source: String::new(),
        author: String::new(),
        status: Some(portal_api::ArticleStatus::Published),
        published_at: None,
        pinned: false,
        attachments: Vec::new(),
    }
}

/// A new category without description or explicit order.
pub fn category(name: &str, slug: &str, parent_id: Option<i32>) -> NewCategory {
    NewCategory {
        parent_id,
        name: name.to_owned(),
        slug: slug.to_owned(),
        description: String::new(),
        sort_order: None,
    }
}

/// A new friend link at the end of the list.
pub fn friend_link(name: &str, url: &str) -> NewFriendLink {
    NewFriendLink {
        name: name.to_owned(),
        url: url.to_owned(),
        sort_order: None,
    }
}

/// A new account.
pub fn account(username: &str, password: &str, role: Role) -> NewUser {
    NewUser {
        username: username.to_owned(),
        password: password.to_owned(),
        role,
    }
}

/// [`published`], but kept as a draft.
pub fn draft(title: &str, category_id: i32) -> NewArticle {
    NewArticle {
        status: Some(portal_api::ArticleStatus::Draft),
        ..published(title, category_id)
    }
}
