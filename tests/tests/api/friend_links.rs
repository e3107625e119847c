use portal_tests::{on_every_database, TestApp};
use serde_json::json;

on_every_database! {
    async fn the_seed_pages_four_friend_links_come_in_footer_order(app: TestApp) {
        let reply = app.get("/api/v1/friend-links").await;
        assert_eq!(reply.status, 200);
        let names: Vec<String> = reply
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|link| link["name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["中国普法网", "湖北司法行政", "湖北法治网", "武汉律师网"]);
    }

    async fn an_admin_adds_changes_and_removes_a_link(app: TestApp) {
        let admin = app.admin_token().await;
        let created = app
            .post("/api/v1/friend-links", Some(&admin), &json!({"name": "武汉普法", "url": "https://example.org/wuhan"}))
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let link = created.json();
        assert_eq!(link["sort_order"], 4, "appended after the four demo links");
        let id = link["id"].as_i64().unwrap();
        let changed = app
            .patch(&format!("/api/v1/friend-links/{id}"), Some(&admin), &json!({"name": "武汉市普法网"}))
            .await;
        assert_eq!(changed.json()["name"], "武汉市普法网");
        assert_eq!(changed.json()["url"], "https://example.org/wuhan");
        assert_eq!(app.get(&format!("/api/v1/friend-links/{id}")).await.json()["name"], "武汉市普法网");
        assert_eq!(app.delete(&format!("/api/v1/friend-links/{id}"), Some(&admin)).await.status, 204);
        app.delete(&format!("/api/v1/friend-links/{id}"), Some(&admin)).await.assert_problem(404, "not_found");
    }

    async fn a_link_must_be_an_absolute_web_address(app: TestApp) {
        let admin = app.admin_token().await;
        for url in ["javascript:alert(1)", "/relative", "not a url"] {
            let problem = app
                .post("/api/v1/friend-links", Some(&admin), &json!({"name": "x", "url": url}))
                .await
                .assert_problem(422, "validation_failed");
            assert_eq!(problem["errors"][0]["field"], "url");
        }
        assert_eq!(app.get("/api/v1/friend-links").await.json().as_array().unwrap().len(), 4);
    }
}
