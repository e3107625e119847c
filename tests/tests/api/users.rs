use portal_api::{ErrorCode, Role, UserPatch};
use portal_tests::{account, on_every_database, TestApp, EDITOR_PASSWORD};
use serde_json::json;

on_every_database! {
    async fn an_admin_creates_an_editor_who_can_log_in(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let user = as_admin
            .create_user(&account("Li.Editor", "a long enough password", Role::Editor))
            .await
            .ok_with(201);
        assert_eq!(user.username, "li.editor");
        assert_eq!(user.role, Role::Editor);
        // The contract's User has no password field; the raw answer must not carry one either.
        let raw = app.get_as(&format!("/api/v1/users/{}", user.id), &admin).await.json();
        assert!(raw.get("password").is_none() && raw.get("password_hash").is_none(), "{raw}");
        app.login("li.editor", "a long enough password").await.ok();

        assert_eq!(as_admin.list_users().await.ok().len(), 2);
        assert_eq!(as_admin.get_user(user.id).await.ok().username, "li.editor");
    }

    async fn an_admin_resets_a_password(app: TestApp) {
        let admin = app.admin_token().await;
        let (editor, _) = app.user_token("zhao", Role::Editor).await;
        let reset = UserPatch { password: Some("a brand new password".into()), ..Default::default() };
        app.api_as(&admin).update_user(editor.id, &reset).await.ok();
        app.login("zhao", EDITOR_PASSWORD).await.problem(401, ErrorCode::Unauthorized);
        app.login("zhao", "a brand new password").await.ok();
    }

    async fn a_taken_name_or_weak_password_is_refused(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        as_admin
            .create_user(&account("ADMIN", "a long enough password", Role::Editor))
            .await
            .problem(409, ErrorCode::NameTaken);
        let problem = as_admin
            .create_user(&account("x", "short", Role::Editor))
            .await
            .problem(422, ErrorCode::ValidationFailed);
        assert_eq!(problem.errors.len(), 2);
        // A role the contract does not have.
        app.post("/api/v1/users", Some(&admin), &json!({"username": "someone", "password": "a long enough password", "role": "owner"}))
            .await
            .assert_problem(422, "invalid_body");
    }

    async fn the_last_admin_can_be_neither_demoted_disabled_nor_deleted(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let me = as_admin.me().await.ok();
        let demote = UserPatch { role: Some(Role::Editor), ..Default::default() };
        let disable = UserPatch { disabled: Some(true), ..Default::default() };
        as_admin.update_user(me.id, &demote).await.problem(409, ErrorCode::LastAdmin);
        as_admin.update_user(me.id, &disable).await.problem(409, ErrorCode::LastAdmin);
        as_admin.delete_user(me.id).await.problem(409, ErrorCode::LastAdmin);

        // With a second admin, the first may step down.
        app.user_token("second-admin", Role::Admin).await;
        let demoted = as_admin.update_user(me.id, &demote).await.ok();
        assert_eq!(demoted.role, Role::Editor);
    }

    async fn deleting_an_unknown_user_is_not_found(app: TestApp) {
        let admin = app.admin_token().await;
        app.api_as(&admin).delete_user(424242).await.problem(404, ErrorCode::NotFound);
    }
}

mod last_admin_race {
    use portal_api::{Role, UserPatch};
    use portal_tests::{on_every_database, TestApp, EDITOR_PASSWORD};

    on_every_database! {
        async fn two_admins_disabling_each_other_at_once_leave_one_enabled(app: TestApp) {
            let first_id = app.api_as(&app.admin_token().await).me().await.ok().id;
            let disable = UserPatch { disabled: Some(true), ..Default::default() };
            let enable = UserPatch { disabled: Some(false), ..Default::default() };
            for round in 0..5 {
                let name = format!("second-admin{round}");
                let (second, second_token) = app.user_token(&name, Role::Admin).await;
                let admin = app.admin_token().await;
                let (as_second, as_first) = (app.api_as(&second_token), app.api_as(&admin));
                let (a, b) = tokio::join!(
                    as_second.update_user(first_id, &disable),
                    as_first.update_user(second.id, &disable),
                );
                // Refused as the last admin (409), or because its sender was disabled a moment
                // earlier (401): never both changes.
                for answer in [&a, &b] {
                    assert!([200, 401, 409].contains(&answer.status.as_u16()), "{answer:?}");
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
                    let token = app.login(&name, EDITOR_PASSWORD).await.ok().access_token;
                    app.api_as(&token).update_user(first_id, &enable).await.ok();
                    let admin = app.admin_token().await;
                    app.api_as(&admin).update_user(second.id, &disable).await.ok();
                }
            }
        }
    }
}
