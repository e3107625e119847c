use portal_api::{ErrorCode, LoginRequest, Role, UserPatch};
use portal_tests::{on_every_database, TestApp, ADMIN_PASSWORD, ADMIN_USER, EDITOR_PASSWORD};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A login from the address `client` names, through a trusted proxy on 127.0.0.1.
async fn login_from(
    app: &TestApp,
    client: &str,
    username: &str,
    password: &str,
) -> portal_tests::Reply {
    TestApp::read(
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("X-Forwarded-For", client)
            .json(&LoginRequest {
                username: username.into(),
                password: password.into(),
            }),
    )
    .await
}

on_every_database! {
    async fn the_admin_logs_in_and_reads_their_account(app: TestApp) {
        let answer = app.login(ADMIN_USER, ADMIN_PASSWORD).await;
        assert_eq!(answer.header("cache-control"), Some("no-store"));
        let token = answer.ok();
        assert_eq!(token.token_type, "Bearer");
        assert_eq!(token.expires_in, 1800);
        assert_eq!(token.user.role, Role::Admin);
        // The contract's User has no password field; the raw answer must not carry one either.
        let raw = app.post("/api/v1/auth/login", None, &json!({"username": ADMIN_USER, "password": ADMIN_PASSWORD})).await;
        assert!(raw.json()["user"].get("password_hash").is_none());
        let me = app.api_as(&token.access_token).me().await;
        assert!(me.header("cache-control").unwrap().contains("private"));
        assert_eq!(me.ok().username, ADMIN_USER);
    }

    async fn user_names_are_not_case_sensitive(app: TestApp) {
        app.login("ADMIN", ADMIN_PASSWORD).await.ok();
    }

    async fn a_wrong_password_or_unknown_user_is_unauthorized(app: TestApp) {
        let problem = app.login(ADMIN_USER, "wrong password!").await.problem(401, ErrorCode::Unauthorized);
        assert_eq!(problem.detail, "wrong user name or password");
        let unknown = app.login("nobody", "whatever password").await.problem(401, ErrorCode::Unauthorized);
        assert_eq!(unknown.detail, problem.detail, "no hint whether the name exists");
    }

    async fn repeated_failed_logins_are_throttled(app: TestApp) {
        for _ in 0..5 {
            app.login(ADMIN_USER, "wrong password!").await.problem(401, ErrorCode::Unauthorized);
        }
        let throttled = app.login(ADMIN_USER, ADMIN_PASSWORD).await;
        let wait: u64 = throttled.header("retry-after").unwrap().parse().unwrap();
        throttled.problem(429, ErrorCode::TooManyRequests);
        assert!(wait > 0 && wait <= 900);
        // Another account from the same client is not locked out.
        app.login("someone-else", "wrong password!").await.problem(401, ErrorCode::Unauthorized);
    }

    async fn missing_malformed_and_forged_tokens_are_refused(app: TestApp) {
        app.api().me().await.problem(401, ErrorCode::Unauthorized);
        let answer = app.api_as("not-a-jwt").me().await;
        assert!(answer.header("www-authenticate").unwrap().starts_with("Bearer"));
        answer.problem(401, ErrorCode::Unauthorized);
        let basic = TestApp::read(app.client.get(app.url("/api/v1/auth/me")).basic_auth("admin", Some("x"))).await;
        basic.assert_problem(401, "unauthorized");

        let token = app.admin_token().await;
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[2] = parts[2].chars().rev().collect();
        app.api_as(&parts.join(".")).me().await.problem(401, ErrorCode::Unauthorized);
        // A public read with a bad token says so rather than silently showing less.
        app.api_as("not-a-jwt")
            .list_articles(&Default::default())
            .await
            .problem(401, ErrorCode::Unauthorized);
    }

    async fn a_disabled_accounts_token_stops_working(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor, token) = app.user_token("wang.editor", Role::Editor).await;
        app.api_as(&token).me().await.ok();
        let disable = UserPatch { disabled: Some(true), ..Default::default() };
        assert!(app.api_as(&admin).update_user(editor.id, &disable).await.ok().disabled);
        app.api_as(&token).me().await.problem(401, ErrorCode::Unauthorized);
        app.login("wang.editor", EDITOR_PASSWORD).await.problem(401, ErrorCode::Unauthorized);
    }

    async fn logging_out_ends_that_token_and_no_other(app: TestApp) {
        let first = app.admin_token().await;
        let second = app.admin_token().await;
        app.api_as(&first).logout().await.ok_with(204);
        app.api_as(&first).me().await.problem(401, ErrorCode::Unauthorized);
        // The other session lives on.
        app.api_as(&second).me().await.ok();
        app.api_as(&first).logout().await.problem(401, ErrorCode::Unauthorized);
        app.api().logout().await.problem(401, ErrorCode::Unauthorized);
    }

    async fn a_password_reset_or_role_change_voids_every_earlier_token(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor, before_reset) = app.user_token("li.editor", Role::Editor).await;
        let as_admin = app.api_as(&admin);
        let reset = UserPatch { password: Some("a brand new password".into()), ..Default::default() };
        as_admin.update_user(editor.id, &reset).await.ok();
        app.api_as(&before_reset).me().await.problem(401, ErrorCode::Unauthorized);
        app.login("li.editor", EDITOR_PASSWORD).await.problem(401, ErrorCode::Unauthorized);
        let after_reset = app.login("li.editor", "a brand new password").await.ok().access_token;
        app.api_as(&after_reset).me().await.ok();

        let promote = UserPatch { role: Some(Role::Admin), ..Default::default() };
        as_admin.update_user(editor.id, &promote).await.ok();
        app.api_as(&after_reset).me().await.problem(401, ErrorCode::Unauthorized);

        // A change that changes nothing voids nothing.
        let current = app.login("li.editor", "a brand new password").await.ok().access_token;
        let unchanged = UserPatch { role: Some(Role::Admin), disabled: Some(false), ..Default::default() };
        as_admin.update_user(editor.id, &unchanged).await.ok();
        app.api_as(&current).me().await.ok();
    }

    async fn disabling_and_enabling_again_does_not_revive_old_tokens(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor, token) = app.user_token("zhao.editor", Role::Editor).await;
        let as_admin = app.api_as(&admin);
        for disabled in [true, false] {
            let patch = UserPatch { disabled: Some(disabled), ..Default::default() };
            as_admin.update_user(editor.id, &patch).await.ok();
        }
        app.api_as(&token).me().await.problem(401, ErrorCode::Unauthorized);
        app.login("zhao.editor", EDITOR_PASSWORD).await.ok();
    }

    async fn logins_carry_the_ietf_rate_limit_fields(app: TestApp) {
        let ok = app.login(ADMIN_USER, ADMIN_PASSWORD).await;
        assert_eq!(ok.header("ratelimit-policy"), Some("\"login\";q=5;w=900"));
        let failed = app.login(ADMIN_USER, "wrong password!").await;
        let state = failed.header("ratelimit").unwrap();
        assert!(state.starts_with("\"login\";r=4;t="), "{state}");
    }

    async fn an_overlong_name_is_refused_before_the_throttle_counts_it(app: TestApp) {
        let long = "x".repeat(2000);
        for _ in 0..8 {
            let problem = app.login(&long, "whatever password").await.problem(422, ErrorCode::ValidationFailed);
            assert_eq!(problem.errors[0].field, "username");
        }
        app.login(ADMIN_USER, ADMIN_PASSWORD).await.ok();
    }

    async fn an_oversized_login_body_is_refused_without_being_read(app: TestApp) {
        // 64 MiB announced, a few bytes sent: the answer must come from the header alone.
        let address = app.address.trim_start_matches("http://").to_owned();
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        let head = format!(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: 67108864\r\n\r\n{{\"username\":\""
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut answer = vec![0u8; 4096];
        let read = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer))
            .await
            .expect("answered before the body was sent")
            .unwrap();
        let answer = String::from_utf8_lossy(&answer[..read]);
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        assert!(answer.contains("application/problem+json"), "{answer}");

        let big = LoginRequest { username: "admin".into(), password: "x".repeat(8 * 1024) };
        app.api().login(&big).await.problem(413, ErrorCode::PayloadTooLarge);
    }

    async fn a_spoofed_forwarded_for_is_ignored_without_a_trusted_proxy(app: TestApp) {
        for n in 0..5 {
            let reply = login_from(&app, &format!("198.51.100.{n}"), ADMIN_USER, "wrong password!").await;
            reply.assert_problem(401, "unauthorized");
        }
        let reply = login_from(&app, "198.51.100.99", ADMIN_USER, ADMIN_PASSWORD).await;
        reply.assert_problem(429, "too_many_requests");
    }

    async fn a_malformed_login_body_is_refused(app: TestApp) {
        // Shapes the contract's LoginRequest cannot take.
        app.post("/api/v1/auth/login", None, &json!({"username": "admin"})).await.assert_problem(422, "invalid_body");
        app.post("/api/v1/auth/login", None, &json!([1, 2])).await.assert_problem(422, "invalid_body");
    }
}

/// Behind a reverse proxy on 127.0.0.1, so that tests can speak for many client addresses.
mod behind_a_proxy {
    use super::*;

    on_every_database! {
        settings = |settings: &mut portal_tests::Settings| {
            settings.trusted_proxies = portal_backend::http::TrustedProxies::parse("127.0.0.1").unwrap();
        };

        async fn spraying_one_password_over_many_names_is_throttled(app: TestApp) {
            for n in 0..30 {
                let reply = login_from(&app, "203.0.113.7", &format!("guess{n}"), "Spring2026!").await;
                reply.assert_problem(401, "unauthorized");
            }
            let sprayed = login_from(&app, "203.0.113.7", "guess99", "Spring2026!").await;
            sprayed.assert_problem(429, "too_many_requests");
            assert!(sprayed.header("retry-after").is_some());
            assert!(sprayed.header("ratelimit").unwrap().starts_with("\"login\";r=0;"));
            // Another address is not affected, and the real admin still gets in from it.
            assert_eq!(login_from(&app, "203.0.113.8", ADMIN_USER, ADMIN_PASSWORD).await.status, 200);
        }

        async fn concurrent_guesses_cannot_share_one_reading_of_the_quota(app: TestApp) {
            let guesses = (0..20).map(|n| {
                let app = &app;
                async move { login_from(app, "198.51.100.23", ADMIN_USER, &format!("wrong password {n}")).await }
            });
            let replies = futures::future::join_all(guesses).await;
            let checked = replies.iter().filter(|reply| reply.status == 401).count();
            let refused = replies.iter().filter(|reply| reply.status == 429).count();
            assert_eq!(checked + refused, 20, "{:?}", replies.iter().map(|r| r.status).collect::<Vec<_>>());
            assert!(checked <= 5, "{checked} guesses were checked at once; the limit is 5");
        }

        async fn the_owner_gets_in_from_a_known_address_while_guessers_elsewhere_are_refused(app: TestApp) {
            assert_eq!(login_from(&app, "203.0.113.50", ADMIN_USER, ADMIN_PASSWORD).await.status, 200);
            for n in 0..20 {
                let reply = login_from(&app, &format!("192.0.2.{n}"), ADMIN_USER, "wrong password!").await;
                reply.assert_problem(401, "unauthorized");
            }
            login_from(&app, "192.0.2.201", ADMIN_USER, ADMIN_PASSWORD)
                .await
                .assert_problem(429, "too_many_requests");
            assert_eq!(
                login_from(&app, "203.0.113.50", ADMIN_USER, ADMIN_PASSWORD).await.status,
                200,
                "the account's known address is not locked out"
            );
        }

        async fn guessing_one_account_from_many_addresses_is_throttled(app: TestApp) {
            for n in 0..20 {
                let reply = login_from(&app, &format!("192.0.2.{n}"), ADMIN_USER, "wrong password!").await;
                reply.assert_problem(401, "unauthorized");
            }
            login_from(&app, "192.0.2.200", ADMIN_USER, ADMIN_PASSWORD)
                .await
                .assert_problem(429, "too_many_requests");
            // The client is the right-most address our proxy did not write: made-up entries on
            // the left do not make it someone new.
            for n in 0..5 {
                let reply = login_from(&app, &format!("10.9.9.{n}, 192.0.2.1"), "someone", "wrong password!").await;
                reply.assert_problem(401, "unauthorized");
            }
            login_from(&app, "10.9.9.77, 192.0.2.1", "someone", "wrong password!")
                .await
                .assert_problem(429, "too_many_requests");
        }
    }
}
