//! Demo content and the site a fresh install starts with: the demo is marked 示例 wherever a
//! reader sees it and can be loaded and removed on a live site; without it the site names no
//! office and carries no registration number.

use portal_backend::services::demo;
use portal_tests::{on_every_database, TestApp};
use serde_json::json;

async fn all_titles(app: &TestApp) -> Vec<String> {
    let mut titles = Vec::new();
    for page in 1.. {
        let reply = app
            .get(&format!("/api/v1/articles?per_page=100&page={page}"))
            .await
            .json();
        let items = reply["items"].as_array().unwrap();
        titles.extend(
            items
                .iter()
                .map(|item| item["title"].as_str().unwrap().to_owned()),
        );
        if page >= reply["total_pages"].as_u64().unwrap() {
            break;
        }
    }
    titles
}

on_every_database! {
    async fn every_demo_article_is_marked_as_an_example(app: TestApp) {
        let titles = all_titles(&app).await;
        assert!(titles.len() > 400, "{}", titles.len());
        let unmarked: Vec<&String> = titles.iter().filter(|title| !title.starts_with(demo::TITLE_MARK)).collect();
        assert!(unmarked.is_empty(), "{unmarked:?}");
        let first = app.get("/api/v1/articles?per_page=1").await.json()["items"][0]["id"].as_i64().unwrap();
        let body = app.get(&format!("/api/v1/articles/{first}")).await.json()["body"].as_str().unwrap().to_owned();
        assert!(body.contains("不是真实新闻"), "{body}");
        let site = app.get("/api/v1/site").await.json();
        assert!(!site["icp_number"].as_str().unwrap().contains("ICP备"), "no real registration number: {site}");
    }
}

mod without_demo_content {
    use super::*;

    on_every_database! {
        settings = |settings: &mut portal_tests::Settings| settings.demo_content = false;

        async fn a_fresh_site_names_no_office_and_shows_no_demo(app: TestApp) {
            let site = app.get("/api/v1/site").await.json();
            assert_eq!(site["site_name"], demo::NEUTRAL_SITE_NAME);
            assert_eq!(site["icp_number"], "");
            assert_eq!(site["footer_text"], "");
            assert_eq!(site["copyright"], "");
            assert_eq!(app.get("/api/v1/categories").await.json(), json!([]));
            assert_eq!(app.get("/api/v1/friend-links").await.json(), json!([]));
            assert_eq!(app.get("/api/v1/articles").await.json()["total"], 0);
        }

        async fn the_demo_is_loaded_and_removed_without_touching_the_editors_work(app: TestApp) {
            let loaded = demo::load(&app.db).await.unwrap();
            assert!(loaded.articles > 400 && loaded.categories > 10 && loaded.friend_links == 4, "{loaded:?}");
            assert!(demo::load(&app.db).await.is_err(), "a second load is refused");
            let site = app.get("/api/v1/site").await.json();
            assert_eq!(site["site_name"], demo::NEUTRAL_SITE_NAME, "loading the demo leaves the settings alone");

            // An editor's own work: an article in a demo category, and a category of their own.
            let admin = app.admin_token().await;
            let xinzhou = app.category_id("xinzhou").await;
            let own = app
                .post("/api/v1/articles", Some(&admin), &json!({"title": "本站自己的文章", "category_id": xinzhou, "status": "published"}))
                .await;
            assert_eq!(own.status, 201, "{}", own.text);
            let own_id = own.json()["id"].as_i64().unwrap();
            let mine = app.post("/api/v1/categories", Some(&admin), &json!({"name": "本站栏目", "slug": "bengzhan"})).await;
            assert_eq!(mine.status, 201, "{}", mine.text);

            let removed = demo::remove(&app.db, None).await.unwrap();
            assert_eq!(removed.articles, loaded.articles as u64);
            assert_eq!(removed.friend_links, 4);
            assert_eq!(removed.kept_categories, ["普法动态", "新洲区"], "{removed:?}");
            tokio::time::sleep(std::time::Duration::from_millis(2100)).await; // the category cache
            assert_eq!(all_titles(&app).await, ["本站自己的文章"]);
            assert_eq!(app.get(&format!("/api/v1/articles/{own_id}")).await.status, 200);
            let tree = app.get("/api/v1/categories").await.json();
            let names: Vec<&str> = tree.as_array().unwrap().iter().map(|node| node["name"].as_str().unwrap()).collect();
            assert!(names.contains(&"本站栏目") && names.contains(&"普法动态"), "{tree}");
            assert_eq!(app.get("/api/v1/friend-links").await.json(), json!([]));
        }
    }

    mod with_a_configured_name {
        use super::*;

        on_every_database! {
            settings = |settings: &mut portal_tests::Settings| {
                settings.demo_content = false;
                settings.site_name = Some("某某区普法网".into());
            };

            async fn the_configured_site_name_is_the_first_name(app: TestApp) {
                assert_eq!(app.get("/api/v1/site").await.json()["site_name"], "某某区普法网");
            }
        }
    }
}
