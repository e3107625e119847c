//! The contract: the served spec is the committed one, and the docs page works offline.

use portal_tests::{Backend, TestApp};

fn committed_spec() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let text = std::fs::read_to_string(path).expect("openapi/openapi.json is committed");
    serde_json::from_str(&text).expect("openapi/openapi.json is JSON")
}

#[test]
fn the_committed_spec_equals_what_the_backend_generates() {
    let generated: serde_json::Value =
        serde_json::from_str(&portal_backend::openapi::spec_json().unwrap()).unwrap();
    assert!(
        generated == committed_spec(),
        "openapi/openapi.json is stale: run `just openapi` and commit the result"
    );
}

#[tokio::test]
async fn the_served_spec_is_the_committed_one_and_documents_every_route() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let reply = app.get("/api-docs/openapi.json").await;
    assert_eq!(reply.status, 200);
    let served = reply.json();
    assert_eq!(served, committed_spec());
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = served["paths"].as_object().unwrap();
    for path in [
        "/api/v1/articles",
        "/api/v1/articles/{id}",
        "/api/v1/categories",
        "/api/v1/categories/{id}",
        "/api/v1/friend-links",
        "/api/v1/site",
        "/api/v1/auth/login",
        "/api/v1/auth/me",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/healthz",
        "/readyz",
    ] {
        assert!(paths.contains_key(path), "{path} is missing from the spec");
    }
    assert_eq!(
        served["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn the_docs_page_is_served_without_any_cdn() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let bare = app.get("/docs").await;
    assert_eq!(bare.status, 308);
    assert_eq!(bare.header("location"), Some("/docs/"));
    let reply = app.get("/docs/").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(reply.text.contains("swagger"), "{}", reply.text);
    assert!(
        !reply.text.contains("cdn") && !reply.text.contains("unpkg"),
        "{}",
        reply.text
    );
    let initializer = app.get("/docs/swagger-initializer.js").await;
    assert_eq!(initializer.status, 200);
    assert!(initializer.text.contains("/api-docs/openapi.json"));
}

#[tokio::test]
async fn portal_routes_fall_back_to_the_single_page_app_with_honest_statuses() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for path in ["/", "/article/1", "/category/xinzhou", "/search?q=普法"] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply
                .header("content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
    }
    assert_eq!(app.get("/missing-asset.js").await.status, 404);
}

#[test]
fn every_pattern_in_the_spec_is_one_the_server_enforces() {
    use portal_api::patterns::*;
    fn collect<'a>(value: &'a serde_json::Value, found: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, child) in map {
                    match (key.as_str(), child.as_str()) {
                        ("pattern", Some(pattern)) => found.push(pattern),
                        _ => collect(child, found),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, found)),
            _ => {}
        }
    }
    let spec = committed_spec();
    let mut found = Vec::new();
    collect(&spec, &mut found);
    assert!(found.len() > 20, "{found:?}");
    let known = [
        ONE_LINE,
        NO_NUL,
        NOT_BLANK,
        SLUG,
        HTTP_URL,
        FROM_YEAR_1000,
        USERNAME,
        LIST_CURSOR,
        TIME_ZONE_NAME,
    ];
    for pattern in found {
        assert!(
            known.contains(&pattern),
            "{pattern} is not in portal_api::patterns"
        );
    }
}
