//! The authorization matrix: every operation in the OpenAPI document, called by an anonymous
//! caller, an editor, an admin, and with three tokens that must no longer work (a disabled
//! account's, a logged-out one, one issued before a password reset), each answering exactly
//! the status in the table. An operation missing from the table fails the test, so a new
//! route cannot ship without its row.
//!
//! A token that no longer works is refused (401) wherever the operation reads tokens (its
//! `security` in the spec names `bearer`); operations that read none treat it as anonymous.

use std::sync::atomic::{AtomicUsize, Ordering};

use portal_api::{
    ArticleListQuery, ArticlePatch, ArticlePreviewRequest, CategoryPatch, FriendLinkPatch,
    LoginRequest, NewCategory, NewFriendLink, NewUser, Role, SiteSettingsPatch, UserPatch,
};
use portal_tests::{
    account, category, draft, friend_link, on_every_database, TestApp, ADMIN_PASSWORD, ADMIN_USER,
    EDITOR_PASSWORD,
};
use serde::Serialize;
use serde_json::Value;

/// (method, path template, anonymous, editor, admin)
const MATRIX: &[(&str, &str, u16, u16, u16)] = &[
    ("GET", "/api/v1/articles", 200, 200, 200),
    ("POST", "/api/v1/articles", 401, 201, 201),
    ("POST", "/api/v1/articles/preview", 401, 200, 200),
    ("GET", "/api/v1/articles/{id}", 200, 200, 200),
    ("PATCH", "/api/v1/articles/{id}", 401, 200, 200),
    ("DELETE", "/api/v1/articles/{id}", 401, 204, 204),
    ("POST", "/api/v1/articles/{id}/views", 200, 200, 200),
    ("POST", "/api/v1/auth/login", 200, 200, 200),
    ("POST", "/api/v1/auth/logout", 401, 204, 204),
    ("GET", "/api/v1/auth/me", 401, 200, 200),
    ("GET", "/api/v1/categories", 200, 200, 200),
    ("POST", "/api/v1/categories", 401, 403, 201),
    ("GET", "/api/v1/categories/{id}", 200, 200, 200),
    ("PATCH", "/api/v1/categories/{id}", 401, 403, 200),
    ("DELETE", "/api/v1/categories/{id}", 401, 403, 204),
    ("GET", "/api/v1/friend-links", 200, 200, 200),
    ("POST", "/api/v1/friend-links", 401, 403, 201),
    ("GET", "/api/v1/friend-links/{id}", 200, 200, 200),
    ("PATCH", "/api/v1/friend-links/{id}", 401, 403, 200),
    ("DELETE", "/api/v1/friend-links/{id}", 401, 403, 204),
    ("GET", "/api/v1/media", 401, 200, 200),
    ("POST", "/api/v1/media", 401, 201, 201),
    ("GET", "/api/v1/media/{id}", 401, 200, 200),
    ("DELETE", "/api/v1/media/{id}", 401, 204, 204),
    ("GET", "/api/v1/search", 200, 200, 200),
    ("GET", "/api/v1/search/suggest", 200, 200, 200),
    ("GET", "/api/v1/site", 200, 200, 200),
    ("PATCH", "/api/v1/site", 401, 403, 200),
    ("GET", "/api/v1/stats/categories", 401, 200, 200),
    ("GET", "/api/v1/stats/daily", 401, 200, 200),
    ("GET", "/api/v1/stats/most-read", 200, 200, 200),
    ("GET", "/api/v1/stats/summary", 401, 200, 200),
    ("GET", "/api/v1/users", 401, 403, 200),
    ("POST", "/api/v1/users", 401, 403, 201),
    ("GET", "/api/v1/users/{id}", 401, 403, 200),
    ("PATCH", "/api/v1/users/{id}", 401, 403, 200),
    ("DELETE", "/api/v1/users/{id}", 401, 403, 204),
    ("GET", "/healthz", 200, 200, 200),
    ("GET", "/readyz", 200, 200, 200),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Editor,
    Admin,
    Disabled,
    LoggedOut,
    BeforeReset,
}

const CALLERS: [Caller; 6] = [
    Caller::Anonymous,
    Caller::Editor,
    Caller::Admin,
    Caller::Disabled,
    Caller::LoggedOut,
    Caller::BeforeReset,
];

static UNIQUE: AtomicUsize = AtomicUsize::new(0);

fn unique() -> usize {
    UNIQUE.fetch_add(1, Ordering::Relaxed)
}

struct Fixture {
    admin: String,
    category: i64,
    article: i64,
    link: i64,
    media: i64,
    user: i64,
    editor: String,
    dead_tokens: [(Caller, String); 3],
}

async fn token_for(app: &TestApp, name: &str, password: &str) -> String {
    app.login(name, password).await.ok().access_token
}

/// A request body of the contract's type, as the matrix sends it.
fn body(value: impl Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

fn new_category(n: usize, slug: String) -> NewCategory {
    category(&format!("矩阵{n}"), &slug, None)
}

fn new_link(n: usize) -> NewFriendLink {
    friend_link(&format!("矩阵{n}"), "https://example.org/")
}

fn new_user(username: String) -> NewUser {
    account(&username, "matrix password", Role::Editor)
}

async fn fixture(app: &TestApp) -> Fixture {
    let admin = app.admin_token().await;
    let (_, editor) = app.user_token("matrix-editor", Role::Editor).await;
    let as_admin = app.api_as(&admin);
    let (disabled_user, disabled) = app.user_token("matrix-disabled", Role::Editor).await;
    let disable = UserPatch {
        disabled: Some(true),
        ..Default::default()
    };
    as_admin.update_user(disabled_user.id, &disable).await.ok();
    let (_, logged_out) = app.user_token("matrix-out", Role::Editor).await;
    app.api_as(&logged_out).logout().await.ok_with(204);
    let (reset_user, before_reset) = app.user_token("matrix-reset", Role::Admin).await;
    let reset = UserPatch {
        password: Some("a brand new password".into()),
        ..Default::default()
    };
    as_admin.update_user(reset_user.id, &reset).await.ok();
    let category = i64::from(app.category_id("xinzhou").await);
    let unpinned = ArticleListQuery {
        pinned: Some(false),
        per_page: Some(1),
        ..Default::default()
    };
    let article = i64::from(app.api().list_articles(&unpinned).await.ok().items[0].id);
    let link = i64::from(app.api().list_friend_links().await.ok()[0].id);
    let media = upload(app, &admin).await;
    Fixture {
        admin,
        category,
        article,
        link,
        media,
        user: i64::from(reset_user.id),
        editor,
        dead_tokens: [
            (Caller::Disabled, disabled),
            (Caller::LoggedOut, logged_out),
            (Caller::BeforeReset, before_reset),
        ],
    }
}

/// A small upload form: a text attachment of its own.
fn upload_form() -> reqwest::multipart::Form {
    let text = format!("矩阵附件 {}", unique()).into_bytes();
    reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(text).file_name("矩阵.txt"),
    )
}

/// A file uploaded by `token`'s holder.
async fn upload(app: &TestApp, token: &str) -> i64 {
    let reply = TestApp::read(
        app.client
            .post(app.url("/api/v1/media"))
            .bearer_auth(token)
            .multipart(upload_form()),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    reply.json()["id"].as_i64().unwrap()
}

/// A fresh record for a call that changes or deletes one, made by the admin.
async fn fresh(app: &TestApp, fixture: &Fixture, kind: &str) -> i64 {
    if kind == "media" {
        return upload(app, &fixture.admin).await;
    }
    let n = unique();
    let as_admin = app.api_as(&fixture.admin);
    let id = match kind {
        "articles" => {
            let category = i32::try_from(fixture.category).unwrap();
            let article = draft(&format!("矩阵{n}"), category);
            as_admin.create_article(&article).await.ok_with(201).id
        }
        "categories" => {
            let category = new_category(n, format!("matrix-{n}"));
            as_admin
                .create_category(&category)
                .await
                .ok_with(201)
                .category
                .id
        }
        "friend-links" => {
            as_admin
                .create_friend_link(&new_link(n))
                .await
                .ok_with(201)
                .id
        }
        _ => {
            let user = new_user(format!("matrix{n}"));
            as_admin.create_user(&user).await.ok_with(201).id
        }
    };
    i64::from(id)
}

/// The path and body of one call of `template` by `caller`.
async fn call_for(
    app: &TestApp,
    fixture: &Fixture,
    method: &str,
    template: &str,
) -> (String, Option<Value>) {
    let n = unique();
    let kind = template
        .trim_start_matches("/api/v1/")
        .split('/')
        .next()
        .unwrap_or_default();
    let id = if !template.contains("{id}") {
        0
    } else if matches!(method, "PATCH" | "DELETE") {
        fresh(app, fixture, kind).await
    } else {
        match kind {
            "articles" => fixture.article,
            "categories" => fixture.category,
            "friend-links" => fixture.link,
            "media" => fixture.media,
            _ => fixture.user,
        }
    };
    let path = match template {
        "/api/v1/search" | "/api/v1/search/suggest" => format!("{template}?q=%E6%99%AE%E6%B3%95"),
        _ => template.replace("{id}", &id.to_string()),
    };
    let category = i32::try_from(fixture.category).unwrap();
    let body = match (method, template) {
        ("POST", "/api/v1/articles") => Some(body(draft(&format!("矩阵{n}"), category))),
        ("POST", "/api/v1/articles/preview") => Some(body(ArticlePreviewRequest {
            body: "<p>矩阵</p>".into(),
        })),
        ("PATCH", "/api/v1/articles/{id}") => Some(body(ArticlePatch {
            pinned: Some(true),
            ..Default::default()
        })),
        ("POST", "/api/v1/auth/login") => Some(body(LoginRequest {
            username: ADMIN_USER.into(),
            password: ADMIN_PASSWORD.into(),
        })),
        ("POST", "/api/v1/categories") => Some(body(new_category(n, format!("matrix-new-{n}")))),
        ("PATCH", "/api/v1/categories/{id}") => Some(body(CategoryPatch {
            description: Some("矩阵".into()),
            ..Default::default()
        })),
        ("POST", "/api/v1/friend-links") => Some(body(new_link(n))),
        ("PATCH", "/api/v1/friend-links/{id}") => Some(body(FriendLinkPatch {
            name: Some("矩阵".into()),
            ..Default::default()
        })),
        ("PATCH", "/api/v1/site") => Some(body(SiteSettingsPatch {
            footer_text: Some("矩阵".into()),
            ..Default::default()
        })),
        ("POST", "/api/v1/users") => Some(body(new_user(format!("matrix-new{n}")))),
        ("PATCH", "/api/v1/users/{id}") => Some(body(UserPatch {
            disabled: Some(false),
            ..Default::default()
        })),
        _ => None,
    };
    (path, body)
}

/// Whether the spec says the operation reads bearer tokens.
fn reads_tokens(spec: &Value, method: &str, template: &str) -> bool {
    spec["paths"][template][method.to_ascii_lowercase()]["security"]
        .as_array()
        .is_some_and(|options| options.iter().any(|option| option.get("bearer").is_some()))
}

on_every_database! {
    async fn every_operation_answers_each_kind_of_caller_as_the_matrix_says(app: TestApp) {
        let spec = app.get("/api-docs/openapi.json").await.json();
        let mut in_spec: Vec<(String, String)> = spec["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object().unwrap().keys()
                    .filter(|method| ["get", "post", "patch", "put", "delete"].contains(&method.as_str()))
                    .map(|method| (method.to_ascii_uppercase(), path.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut in_matrix: Vec<(String, String)> = MATRIX.iter().map(|(m, p, ..)| (m.to_string(), p.to_string())).collect();
        in_spec.sort();
        in_matrix.sort();
        assert_eq!(in_matrix, in_spec, "every operation in the spec has its row, and no other");

        let fixture = fixture(&app).await;
        let mut failures = Vec::new();
        for &(method, template, anonymous, editor, admin) in MATRIX {
            for caller in CALLERS {
                let token = match caller {
                    Caller::Anonymous => None,
                    // Logging out ends the token it is sent with: a fresh one each time.
                    Caller::Editor if template.ends_with("/logout") => Some(token_for(&app, "matrix-editor", EDITOR_PASSWORD).await),
                    Caller::Admin if template.ends_with("/logout") => Some(token_for(&app, ADMIN_USER, ADMIN_PASSWORD).await),
                    Caller::Editor => Some(fixture.editor.clone()),
                    Caller::Admin => Some(fixture.admin.clone()),
                    dead => fixture.dead_tokens.iter().find(|(kind, _)| *kind == dead).map(|(_, token)| token.clone()),
                };
                let expected = match caller {
                    Caller::Anonymous => anonymous,
                    Caller::Editor => editor,
                    Caller::Admin => admin,
                    _ if reads_tokens(&spec, method, template) => 401,
                    _ => anonymous,
                };
                let (path, body) = call_for(&app, &fixture, method, template).await;
                let mut request = app.client.request(method.parse().unwrap(), app.url(&path));
                if let Some(token) = &token {
                    request = request.bearer_auth(token);
                }
                if let Some(body) = &body {
                    request = request.json(body);
                }
                if method == "POST" && template == "/api/v1/media" {
                    request = request.multipart(upload_form());
                }
                if template.ends_with("/views") {
                    request = request.header(reqwest::header::ORIGIN, &app.address);
                }
                let reply = TestApp::read(request).await;
                if reply.status.as_u16() != expected {
                    failures.push(format!("{method} {template} as {caller:?}: {} (expected {expected}) {}", reply.status, reply.text));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
