use portal_api::{ErrorCode, FriendLinkPatch};
use portal_tests::{friend_link, on_every_database, TestApp};

on_every_database! {
    async fn the_seed_pages_four_friend_links_come_in_footer_order(app: TestApp) {
        let links = app.api().list_friend_links().await.ok();
        let names: Vec<&str> = links.iter().map(|link| link.name.as_str()).collect();
        assert_eq!(names, ["中国普法网", "湖北司法行政", "湖北法治网", "武汉律师网"]);
    }

    async fn an_admin_adds_changes_and_removes_a_link(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let link = as_admin
            .create_friend_link(&friend_link("武汉普法", "https://example.org/wuhan"))
            .await
            .ok_with(201);
        assert_eq!(link.sort_order, 4, "appended after the four demo links");
        let rename = FriendLinkPatch { name: Some("武汉市普法网".into()), ..Default::default() };
        let changed = as_admin.update_friend_link(link.id, &rename).await.ok();
        assert_eq!(changed.name, "武汉市普法网");
        assert_eq!(changed.url, "https://example.org/wuhan");
        assert_eq!(app.api().get_friend_link(link.id).await.ok().name, "武汉市普法网");
        as_admin.delete_friend_link(link.id).await.ok_with(204);
        as_admin.delete_friend_link(link.id).await.problem(404, ErrorCode::NotFound);
    }

    async fn a_link_must_be_an_absolute_web_address(app: TestApp) {
        let admin = app.admin_token().await;
        for url in ["javascript:alert(1)", "/relative", "not a url"] {
            let problem = app
                .api_as(&admin)
                .create_friend_link(&friend_link("x", url))
                .await
                .problem(422, ErrorCode::ValidationFailed);
            assert_eq!(problem.errors[0].field, "url");
        }
        assert_eq!(app.api().list_friend_links().await.ok().len(), 4);
    }
}
