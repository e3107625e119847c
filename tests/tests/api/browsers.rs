//! What browsers are told: CORS for apps on other origins (reads and bearer-token writes), and
//! the headers that keep pages from being sniffed, framed or made to run foreign scripts.

use portal_tests::{on_every_database, TestApp};
use reqwest::Method;

async fn preflight(app: &TestApp, method: &str, path: &str) -> portal_tests::Reply {
    TestApp::read(
        app.client
            .request(Method::OPTIONS, app.url(path))
            .header("Origin", "https://app.example.org")
            .header("Access-Control-Request-Method", method)
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type",
            ),
    )
    .await
}

on_every_database! {
    async fn browser_apps_on_other_origins_may_write_with_a_bearer_token(app: TestApp) {
        for (method, path) in [("POST", "/api/v1/articles"), ("PATCH", "/api/v1/articles/1"), ("DELETE", "/api/v1/articles/1"), ("POST", "/api/v1/auth/login")] {
            let reply = preflight(&app, method, path).await;
            assert_eq!(reply.status, 204, "{method} {path}: {:?}", reply.headers);
            assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
            let methods = reply.header("access-control-allow-methods").unwrap_or_default();
            assert!(methods.contains(method), "{methods}");
            let headers = reply.header("access-control-allow-headers").unwrap_or_default().to_ascii_lowercase();
            assert!(headers.contains("authorization") && headers.contains("content-type"), "{headers}");
            assert_eq!(reply.header("access-control-allow-credentials"), None, "tokens, never cookies");
        }
        let admin = app.admin_token().await;
        let write = TestApp::read(
            app.client
                .patch(app.url("/api/v1/site"))
                .header("Origin", "https://app.example.org")
                .bearer_auth(&admin)
                .json(&serde_json::json!({"footer_text": "跨域写入"})),
        )
        .await;
        assert_eq!(write.status, 200, "{}", write.text);
        assert_eq!(write.header("access-control-allow-origin"), Some("*"));
    }

    async fn every_answer_forbids_sniffing_and_leaks_no_full_referrer(app: TestApp) {
        for path in ["/api/v1/site", "/api/v1/nothing", "/healthz", "/"] {
            let reply = app.get(path).await;
            assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{path}");
            assert_eq!(reply.header("referrer-policy"), Some("strict-origin-when-cross-origin"), "{path}");
            assert_eq!(reply.header("strict-transport-security"), None, "not configured for TLS");
        }
    }

    async fn pages_carry_a_policy_and_the_console_is_never_framed(app: TestApp) {
        let portal = app.get("/").await;
        let policy = portal.header("content-security-policy").unwrap_or_default().to_owned();
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"), "{policy}");
        assert!(policy.contains("object-src 'none'"), "{policy}");
        assert!(policy.ends_with("frame-ancestors 'self'"), "{policy}");
        let console = app.get("/admin").await;
        let policy = console.header("content-security-policy").unwrap_or_default().to_owned();
        assert!(policy.ends_with("frame-ancestors 'none'"), "{policy}");
        assert_eq!(console.header("x-frame-options"), Some("DENY"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hsts_is_sent_once_the_operator_says_the_site_is_on_tls() {
    let app = TestApp::spawn_with(portal_tests::Backend::Sqlite, |settings| {
        settings.hsts_max_age = Some(31_536_000);
    })
    .await;
    let reply = app.get("/api/v1/site").await;
    assert_eq!(
        reply.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
}
