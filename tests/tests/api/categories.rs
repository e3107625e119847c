use portal_api::{CategoryPatch, ErrorCode, NewCategory};
use portal_tests::{category, on_every_database, TestApp};

on_every_database! {
    async fn the_tree_holds_the_seed_pages_sections(app: TestApp) {
        let tree = app.api().category_tree().await.ok();
        let pufa = tree
            .iter()
            .find(|node| node.name == "普法动态")
            .expect("普法动态 is a top-level category");
        assert!(pufa.children.iter().any(|child| child.name == "新洲区"));
    }

    async fn a_category_read_by_slug_or_id_carries_its_breadcrumb(app: TestApp) {
        let detail = app.api().get_category("xinzhou").await.ok();
        assert_eq!(detail.category.name, "新洲区");
        let ancestors: Vec<&str> = detail.ancestors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(ancestors, ["普法动态"]);

        let by_id = app.api().get_category(&detail.category.id.to_string()).await.ok();
        assert_eq!(by_id, detail);

        let parent = app.api().get_category("pufa-dongtai").await.ok();
        assert!(parent.children.iter().any(|c| c.slug == "xinzhou"));
        assert!(parent.ancestors.is_empty());
    }

    async fn an_unknown_category_is_a_not_found_problem(app: TestApp) {
        app.api().get_category("no-such-section").await.problem(404, ErrorCode::NotFound);
        app.api().get_category("999999").await.problem(404, ErrorCode::NotFound);
    }

    async fn an_admin_creates_renames_moves_and_deletes_a_category(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let parent = app.category_id("pufa-dongtai").await;
        let created = as_admin
            .create_category(&NewCategory {
                description: "街道动态".into(),
                ..category("阳逻街", "yangluo", Some(parent))
            })
            .await;
        let location = created.header("location").map(str::to_owned);
        let created = created.ok_with(201);
        let id = created.category.id;
        assert_eq!(location, Some(format!("/api/v1/categories/{id}")));
        assert_eq!(created.ancestors[0].slug, "pufa-dongtai");

        let renamed = as_admin
            .update_category(id, &CategoryPatch { name: Some("阳逻街道".into()), sort_order: Some(9), ..Default::default() })
            .await
            .ok();
        assert_eq!(renamed.category.name, "阳逻街道");
        assert_eq!(renamed.category.sort_order, 9);

        let moved = as_admin
            .update_category(id, &CategoryPatch { parent_id: Some(None), ..Default::default() })
            .await
            .ok();
        assert!(moved.category.parent_id.is_none());
        assert!(moved.ancestors.is_empty());

        as_admin.delete_category(id).await.ok_with(204);
        app.api().get_category(&id.to_string()).await.problem(404, ErrorCode::NotFound);
    }

    async fn a_category_cannot_move_under_its_own_subtree(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let parent = app.category_id("pufa-dongtai").await;
        let child = app.category_id("xinzhou").await;
        for new_parent in [child, parent] {
            as_admin
                .update_category(parent, &CategoryPatch { parent_id: Some(Some(new_parent)), ..Default::default() })
                .await
                .problem(409, ErrorCode::TreeCycle);
        }
        // Nothing moved.
        let still = app.api().get_category("pufa-dongtai").await.ok();
        assert!(still.category.parent_id.is_none());
    }

    async fn a_category_with_children_or_articles_is_not_deleted(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let parent = app.category_id("pufa-dongtai").await;
        let leaf = app.category_id("xinzhou").await;
        let problem = as_admin.delete_category(parent).await.problem(409, ErrorCode::NotEmpty);
        assert!(problem.detail.contains("sub-categories"), "{problem:?}");
        let problem = as_admin.delete_category(leaf).await.problem(409, ErrorCode::NotEmpty);
        assert!(problem.detail.contains("articles"), "{problem:?}");
        app.api().get_category("xinzhou").await.ok();
    }

    async fn a_taken_or_malformed_slug_is_refused(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        as_admin
            .create_category(&category("重复", "xinzhou", None))
            .await
            .problem(409, ErrorCode::NameTaken);
        let problem = as_admin
            .create_category(&category(" ", "Bad Slug", None))
            .await
            .problem(422, ErrorCode::ValidationFailed);
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "slug"]);
        let problem = as_admin
            .create_category(&category("孤儿", "orphan", Some(987654)))
            .await
            .problem(422, ErrorCode::ReferenceNotFound);
        assert_eq!(problem.errors[0].field, "parent_id");
    }
}
