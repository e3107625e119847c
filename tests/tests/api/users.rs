use portal_tests::{on_every_database, TestApp};
use serde_json::json;

on_every_database! {
    async fn an_admin_creates_an_editor_who_can_log_in(app: TestApp) {
        let admin = app.admin_token().await;
        let created = app
            .post("/api/v1/users", Some(&admin), &json!({"username": "Li.Editor", "password": "a long enough password", "role": "editor"}))
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let user = created.json();
        assert_eq!(user["username"], "li.editor");
        assert_eq!(user["role"], "editor");
        assert!(user.get("password").is_none() && user.get("password_hash").is_none());
        assert_eq!(app.login("li.editor", "a long enough password").await.status, 200);

        let list = app.get_as("/api/v1/users", &admin).await.json();
        assert_eq!(list.as_array().unwrap().len(), 2);
        let id = user["id"].as_i64().unwrap();
        assert_eq!(app.get_as(&format!("/api/v1/users/{id}"), &admin).await.json()["username"], "li.editor");
    }

    async fn an_admin_resets_a_password(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor, _) = app.user_token("zhao", portal_api::Role::Editor).await;
        let reply = app
            .patch(&format!("/api/v1/users/{}", editor.id), Some(&admin), &json!({"password": "a brand new password"}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        app.login("zhao", portal_tests::EDITOR_PASSWORD).await.assert_problem(401, "unauthorized");
        assert_eq!(app.login("zhao", "a brand new password").await.status, 200);
    }

    async fn a_taken_name_or_weak_password_is_refused(app: TestApp) {
        let admin = app.admin_token().await;
        app.post("/api/v1/users", Some(&admin), &json!({"username": "ADMIN", "password": "a long enough password", "role": "editor"}))
            .await
            .assert_problem(409, "name_taken");
        let problem = app
            .post("/api/v1/users", Some(&admin), &json!({"username": "x", "password": "short", "role": "editor"}))
            .await
            .assert_problem(422, "validation_failed");
        assert_eq!(problem["errors"].as_array().unwrap().len(), 2);
        app.post("/api/v1/users", Some(&admin), &json!({"username": "someone", "password": "a long enough password", "role": "owner"}))
            .await
            .assert_problem(422, "invalid_body");
    }

    async fn the_last_admin_can_be_neither_demoted_disabled_nor_deleted(app: TestApp) {
        let admin = app.admin_token().await;
        let me = app.get_as("/api/v1/auth/me", &admin).await.json();
        let path = format!("/api/v1/users/{}", me["id"]);
        app.patch(&path, Some(&admin), &json!({"role": "editor"})).await.assert_problem(409, "last_admin");
        app.patch(&path, Some(&admin), &json!({"disabled": true})).await.assert_problem(409, "last_admin");
        app.delete(&path, Some(&admin)).await.assert_problem(409, "last_admin");

        // With a second admin, the first may step down.
        app.user_token("second-admin", portal_api::Role::Admin).await;
        let demoted = app.patch(&path, Some(&admin), &json!({"role": "editor"})).await;
        assert_eq!(demoted.status, 200, "{}", demoted.text);
        assert_eq!(demoted.json()["role"], "editor");
    }

    async fn deleting_an_unknown_user_is_not_found(app: TestApp) {
        let admin = app.admin_token().await;
        app.delete("/api/v1/users/424242", Some(&admin)).await.assert_problem(404, "not_found");
    }
}

mod last_admin_race {
    use portal_api::Role;
    use portal_tests::{on_every_database, TestApp};
    use serde_json::json;

    on_every_database! {
        async fn two_admins_disabling_each_other_at_once_leave_one_enabled(app: TestApp) {
            let admin = app.admin_token().await;
            let first_id = app.get_as("/api/v1/auth/me", &admin).await.json()["id"].as_i64().unwrap();
            for round in 0..5 {
                let (second, second_token) = app.user_token(&format!("second-admin{round}"), Role::Admin).await;
                let admin = app.admin_token().await;
                let (first_path, second_path) = (format!("/api/v1/users/{first_id}"), format!("/api/v1/users/{}", second.id));
                let disabled = json!({"disabled": true});
                let (a, b) = tokio::join!(
                    app.patch(&first_path, Some(&second_token), &disabled),
                    app.patch(&second_path, Some(&admin), &disabled),
                );
                // Refused as the last admin (409), or because its sender was disabled a moment
                // earlier (401): never both changes.
                for reply in [&a, &b] {
                    assert!([200, 401, 409].contains(&reply.status.as_u16()), "{} {}", reply.status, reply.text);
                }
                let enabled_admins = portal_backend::services::users::list(&app.db)
                    .await
                    .unwrap()
                    .into_iter()
                    .filter(|user| user.role == Role::Admin && !user.disabled)
                    .count();
                assert!(enabled_admins >= 1, "round {round}: no enabled admin left ({} / {})", a.status, b.status);
                // Back to one admin: the bootstrap admin enabled, the second one disabled.
                if a.status == 200 {
                    let token = app.login(&format!("second-admin{round}"), portal_tests::EDITOR_PASSWORD).await.json()["access_token"].as_str().unwrap().to_owned();
                    assert_eq!(app.patch(&format!("/api/v1/users/{first_id}"), Some(&token), &json!({"disabled": false})).await.status, 200);
                    let admin = app.admin_token().await;
                    assert_eq!(app.patch(&format!("/api/v1/users/{}", second.id), Some(&admin), &json!({"disabled": true})).await.status, 200);
                }
            }
        }
    }
}
