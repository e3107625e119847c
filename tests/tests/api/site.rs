use portal_tests::{on_every_database, TestApp};
use serde_json::json;

on_every_database! {
    async fn the_site_settings_name_the_portal(app: TestApp) {
        let site = app.get("/api/v1/site").await.json();
        assert!(!site["site_name"].as_str().unwrap().is_empty());
        // The demo site says it is one, and poses as no registered site.
        assert!(site["footer_text"].as_str().unwrap().contains("示例"), "{site}");
        assert_eq!(site["icp_number"], "");
        assert_eq!(site["timezone"], "Asia/Shanghai");
    }

    async fn an_admin_changes_only_the_fields_sent(app: TestApp) {
        let admin = app.admin_token().await;
        let before = app.get("/api/v1/site").await.json();
        let reply = app
            .patch("/api/v1/site", Some(&admin), &json!({"site_name": "新洲区普法网", "icp_number": "鄂ICP备00000000号"}))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let after = app.get("/api/v1/site").await.json();
        assert_eq!(after["site_name"], "新洲区普法网");
        assert_eq!(after["icp_number"], "鄂ICP备00000000号");
        assert_eq!(after["copyright"], before["copyright"]);
    }

    async fn an_unknown_time_zone_is_refused(app: TestApp) {
        let admin = app.admin_token().await;
        let problem = app
            .patch("/api/v1/site", Some(&admin), &json!({"timezone": "Mars/Olympus"}))
            .await
            .assert_problem(422, "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "timezone");
        assert_eq!(app.get("/api/v1/site").await.json()["timezone"], "Asia/Shanghai");
    }
}
