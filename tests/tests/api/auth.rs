use portal_api::Role;
use portal_tests::{on_every_database, TestApp, ADMIN_PASSWORD, ADMIN_USER};
use serde_json::json;

on_every_database! {
    async fn the_admin_logs_in_and_reads_their_account(app: TestApp) {
        let reply = app.login(ADMIN_USER, ADMIN_PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        assert_eq!(reply.header("cache-control"), Some("no-store"));
        let token = reply.json();
        assert_eq!(token["token_type"], "Bearer");
        assert_eq!(token["expires_in"], 1800);
        assert_eq!(token["user"]["role"], "admin");
        assert!(token["user"].get("password_hash").is_none());
        let me = app.get_as("/api/v1/auth/me", token["access_token"].as_str().unwrap()).await;
        assert_eq!(me.status, 200);
        assert_eq!(me.json()["username"], ADMIN_USER);
        assert!(me.header("cache-control").unwrap().contains("private"));
    }

    async fn user_names_are_not_case_sensitive(app: TestApp) {
        assert_eq!(app.login("ADMIN", ADMIN_PASSWORD).await.status, 200);
    }

    async fn a_wrong_password_or_unknown_user_is_unauthorized(app: TestApp) {
        let problem = app.login(ADMIN_USER, "wrong password!").await.assert_problem(401, "unauthorized");
        assert_eq!(problem["detail"], "wrong user name or password");
        let unknown = app.login("nobody", "whatever password").await.assert_problem(401, "unauthorized");
        assert_eq!(unknown["detail"], problem["detail"], "no hint whether the name exists");
    }

    async fn repeated_failed_logins_are_throttled(app: TestApp) {
        for _ in 0..5 {
            app.login(ADMIN_USER, "wrong password!").await.assert_problem(401, "unauthorized");
        }
        let throttled = app.login(ADMIN_USER, ADMIN_PASSWORD).await;
        throttled.assert_problem(429, "too_many_requests");
        let wait: u64 = throttled.header("retry-after").unwrap().parse().unwrap();
        assert!(wait > 0 && wait <= 900);
        // Another account from the same client is not locked out.
        app.login("someone-else", "wrong password!").await.assert_problem(401, "unauthorized");
    }

    async fn missing_malformed_and_forged_tokens_are_refused(app: TestApp) {
        app.get("/api/v1/auth/me").await.assert_problem(401, "unauthorized");
        let reply = app.get_as("/api/v1/auth/me", "not-a-jwt").await;
        reply.assert_problem(401, "unauthorized");
        assert!(reply.header("www-authenticate").unwrap().starts_with("Bearer"));
        let basic = TestApp::read(app.client.get(app.url("/api/v1/auth/me")).basic_auth("admin", Some("x"))).await;
        basic.assert_problem(401, "unauthorized");

        let token = app.admin_token().await;
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[2] = parts[2].chars().rev().collect();
        app.get_as("/api/v1/auth/me", &parts.join(".")).await.assert_problem(401, "unauthorized");
        // A public read with a bad token says so rather than silently showing less.
        app.get_as("/api/v1/articles", "not-a-jwt").await.assert_problem(401, "unauthorized");
    }

    async fn a_disabled_accounts_token_stops_working(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor, token) = app.user_token("wang.editor", Role::Editor).await;
        assert_eq!(app.get_as("/api/v1/auth/me", &token).await.status, 200);
        let reply = app.patch(&format!("/api/v1/users/{}", editor.id), Some(&admin), &json!({"disabled": true})).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        app.get_as("/api/v1/auth/me", &token).await.assert_problem(401, "unauthorized");
        app.login("wang.editor", portal_tests::EDITOR_PASSWORD).await.assert_problem(401, "unauthorized");
    }

    async fn a_malformed_login_body_is_refused(app: TestApp) {
        app.post("/api/v1/auth/login", None, &json!({"username": "admin"})).await.assert_problem(422, "invalid_body");
        app.post("/api/v1/auth/login", None, &json!([1, 2])).await.assert_problem(422, "invalid_body");
    }
}
