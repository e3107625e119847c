use portal_tests::{on_every_database, TestApp};
use serde_json::json;

on_every_database! {
    async fn the_tree_holds_the_seed_pages_sections(app: TestApp) {
        let reply = app.get("/api/v1/categories").await;
        assert_eq!(reply.status, 200);
        let tree = reply.json();
        let pufa = tree
            .as_array()
            .unwrap()
            .iter()
            .find(|node| node["name"] == "普法动态")
            .expect("普法动态 is a top-level category");
        assert!(pufa["children"].as_array().unwrap().iter().any(|child| child["name"] == "新洲区"));
    }

    async fn a_category_read_by_slug_or_id_carries_its_breadcrumb(app: TestApp) {
        let by_slug = app.get("/api/v1/categories/xinzhou").await;
        assert_eq!(by_slug.status, 200);
        let detail = by_slug.json();
        assert_eq!(detail["category"]["name"], "新洲区");
        let ancestors: Vec<&str> = detail["ancestors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(ancestors, ["普法动态"]);

        let id = detail["category"]["id"].as_i64().unwrap();
        let by_id = app.get(&format!("/api/v1/categories/{id}")).await;
        assert_eq!(by_id.json(), detail);

        let parent = app.get("/api/v1/categories/pufa-dongtai").await.json();
        assert!(parent["children"].as_array().unwrap().iter().any(|c| c["slug"] == "xinzhou"));
        assert!(parent["ancestors"].as_array().unwrap().is_empty());
    }

    async fn an_unknown_category_is_a_not_found_problem(app: TestApp) {
        app.get("/api/v1/categories/no-such-section").await.assert_problem(404, "not_found");
        app.get("/api/v1/categories/999999").await.assert_problem(404, "not_found");
    }

    async fn an_admin_creates_renames_moves_and_deletes_a_category(app: TestApp) {
        let admin = app.admin_token().await;
        let parent = app.category_id("pufa-dongtai").await;
        let created = app
            .post(
                "/api/v1/categories",
                Some(&admin),
                &json!({"parent_id": parent, "name": "阳逻街", "slug": "yangluo", "description": "街道动态"}),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let id = created.json()["category"]["id"].as_i64().unwrap();
        assert_eq!(created.header("location"), Some(format!("/api/v1/categories/{id}").as_str()));
        assert_eq!(created.json()["ancestors"][0]["slug"], "pufa-dongtai");

        let renamed = app
            .patch(&format!("/api/v1/categories/{id}"), Some(&admin), &json!({"name": "阳逻街道", "sort_order": 9}))
            .await;
        assert_eq!(renamed.status, 200, "{}", renamed.text);
        assert_eq!(renamed.json()["category"]["name"], "阳逻街道");
        assert_eq!(renamed.json()["category"]["sort_order"], 9);

        let moved = app
            .patch(&format!("/api/v1/categories/{id}"), Some(&admin), &json!({"parent_id": null}))
            .await;
        assert_eq!(moved.status, 200, "{}", moved.text);
        assert!(moved.json()["category"]["parent_id"].is_null());
        assert!(moved.json()["ancestors"].as_array().unwrap().is_empty());

        assert_eq!(app.delete(&format!("/api/v1/categories/{id}"), Some(&admin)).await.status, 204);
        app.get(&format!("/api/v1/categories/{id}")).await.assert_problem(404, "not_found");
    }

    async fn a_category_cannot_move_under_its_own_subtree(app: TestApp) {
        let admin = app.admin_token().await;
        let parent = app.category_id("pufa-dongtai").await;
        let child = app.category_id("xinzhou").await;
        app.patch(&format!("/api/v1/categories/{parent}"), Some(&admin), &json!({"parent_id": child}))
            .await
            .assert_problem(409, "tree_cycle");
        app.patch(&format!("/api/v1/categories/{parent}"), Some(&admin), &json!({"parent_id": parent}))
            .await
            .assert_problem(409, "tree_cycle");
        // Nothing moved.
        let still = app.get("/api/v1/categories/pufa-dongtai").await.json();
        assert!(still["category"]["parent_id"].is_null());
    }

    async fn a_category_with_children_or_articles_is_not_deleted(app: TestApp) {
        let admin = app.admin_token().await;
        let parent = app.category_id("pufa-dongtai").await;
        let leaf = app.category_id("xinzhou").await;
        let refused = app.delete(&format!("/api/v1/categories/{parent}"), Some(&admin)).await;
        let problem = refused.assert_problem(409, "not_empty");
        assert!(problem["detail"].as_str().unwrap().contains("sub-categories"));
        let refused = app.delete(&format!("/api/v1/categories/{leaf}"), Some(&admin)).await;
        let problem = refused.assert_problem(409, "not_empty");
        assert!(problem["detail"].as_str().unwrap().contains("articles"));
        assert_eq!(app.get("/api/v1/categories/xinzhou").await.status, 200);
    }

    async fn a_taken_or_malformed_slug_is_refused(app: TestApp) {
        let admin = app.admin_token().await;
        app.post("/api/v1/categories", Some(&admin), &json!({"name": "重复", "slug": "xinzhou"}))
            .await
            .assert_problem(409, "name_taken");
        let bad = app
            .post("/api/v1/categories", Some(&admin), &json!({"name": " ", "slug": "Bad Slug"}))
            .await;
        let problem = bad.assert_problem(422, "validation_failed");
        let fields: Vec<&str> =
            problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(fields, ["name", "slug"]);
        let problem = app
            .post("/api/v1/categories", Some(&admin), &json!({"name": "孤儿", "slug": "orphan", "parent_id": 987654}))
            .await
            .assert_problem(422, "reference_not_found");
        assert_eq!(problem["errors"][0]["field"], "parent_id");
    }
}
