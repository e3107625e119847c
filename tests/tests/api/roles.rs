//! The role matrix: anonymous callers, editors and admins against every write.

use portal_api::Role;
use portal_tests::{on_every_database, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

/// Every write, with a body that is valid for it once `{category}` and `{article}` exist.
fn writes(
    category: i64,
    article: i64,
    link: i64,
    user: i64,
) -> Vec<(Method, String, Option<Value>, bool)> {
    // (method, path, body, editors may do it)
    vec![
        (
            Method::POST,
            "/api/v1/articles".into(),
            Some(json!({"title": "矩阵", "category_id": category})),
            true,
        ),
        (
            Method::PATCH,
            format!("/api/v1/articles/{article}"),
            Some(json!({"pinned": true})),
            true,
        ),
        (
            Method::POST,
            "/api/v1/categories".into(),
            Some(json!({"name": "矩阵", "slug": "matrix"})),
            false,
        ),
        (
            Method::PATCH,
            format!("/api/v1/categories/{category}"),
            Some(json!({"description": "矩阵"})),
            false,
        ),
        (
            Method::POST,
            "/api/v1/friend-links".into(),
            Some(json!({"name": "矩阵", "url": "https://example.org/"})),
            false,
        ),
        (
            Method::PATCH,
            format!("/api/v1/friend-links/{link}"),
            Some(json!({"name": "矩阵"})),
            false,
        ),
        (
            Method::PATCH,
            "/api/v1/site".into(),
            Some(json!({"footer_text": "矩阵"})),
            false,
        ),
        (Method::GET, "/api/v1/users".into(), None, false),
        (Method::GET, format!("/api/v1/users/{user}"), None, false),
        (
            Method::POST,
            "/api/v1/users".into(),
            Some(json!({"username": "matrix", "password": "matrix password", "role": "editor"})),
            false,
        ),
        (
            Method::PATCH,
            format!("/api/v1/users/{user}"),
            Some(json!({"disabled": false})),
            false,
        ),
        (
            Method::DELETE,
            format!("/api/v1/friend-links/{link}"),
            None,
            false,
        ),
        (
            Method::DELETE,
            format!("/api/v1/articles/{article}"),
            None,
            true,
        ),
    ]
}

async fn fixtures(app: &TestApp) -> (i64, i64, i64) {
    let category = i64::from(app.category_id("xinzhou").await);
    let article = app
        .get("/api/v1/articles?pinned=false&per_page=1")
        .await
        .json()["items"][0]["id"]
        .as_i64()
        .unwrap();
    let link = app.get("/api/v1/friend-links").await.json()[0]["id"]
        .as_i64()
        .unwrap();
    (category, article, link)
}

on_every_database! {
    async fn anonymous_callers_can_write_nothing(app: TestApp) {
        let (category, article, link) = fixtures(&app).await;
        for (method, path, body, _) in writes(category, article, link, 1) {
            let reply = app.send(method.clone(), &path, None, body.as_ref()).await;
            reply.assert_problem(401, "unauthorized");
        }
        assert_eq!(app.get(&format!("/api/v1/articles/{article}")).await.json()["pinned"], false);
    }

    async fn editors_manage_articles_and_nothing_else(app: TestApp) {
        let (editor_user, editor) = app.user_token("matrix-editor", Role::Editor).await;
        let (category, article, link) = fixtures(&app).await;
        for (method, path, body, editors_may) in writes(category, article, link, i64::from(editor_user.id)) {
            let reply = app.send(method.clone(), &path, Some(&editor), body.as_ref()).await;
            if editors_may {
                assert!(reply.status.is_success(), "{method} {path}: {}", reply.text);
            } else {
                reply.assert_problem(403, "forbidden");
            }
        }
        assert_ne!(app.get("/api/v1/site").await.json()["footer_text"], "矩阵");
        assert_eq!(app.get("/api/v1/friend-links").await.json().as_array().unwrap().len(), 4);
    }

    async fn admins_may_do_every_write(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor_user, _) = app.user_token("matrix-target", Role::Editor).await;
        let (category, article, link) = fixtures(&app).await;
        for (method, path, body, _) in writes(category, article, link, i64::from(editor_user.id)) {
            let reply = app.send(method.clone(), &path, Some(&admin), body.as_ref()).await;
            assert!(reply.status.is_success(), "{method} {path}: {}", reply.text);
        }
    }
}
