//! Demo content and the site a fresh install starts with: the demo is marked 示例 wherever a
//! reader sees it and can be loaded and removed on a live site; without it the site names no
//! office and carries no registration number.

use portal_api::ArticleListQuery;
use portal_backend::services::demo;
use portal_tests::{category, on_every_database, published, TestApp};

async fn all_titles(app: &TestApp) -> Vec<String> {
    let mut titles = Vec::new();
    for page in 1.. {
        let query = ArticleListQuery {
            per_page: Some(100),
            page: Some(page),
            ..Default::default()
        };
        let found = app.api().list_articles(&query).await.ok();
        titles.extend(found.items.into_iter().map(|item| item.title));
        if page >= found.page.total_pages {
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
        let newest = ArticleListQuery { per_page: Some(1), ..Default::default() };
        let first = app.api().list_articles(&newest).await.ok().items[0].id;
        let body = app.api().get_article(first).await.ok().body;
        assert!(body.contains("不是真实新闻"), "{body}");
        let site = app.api().get_site().await.ok();
        assert!(!site.icp_number.contains("ICP备"), "no real registration number: {site:?}");
    }
}

mod without_demo_content {
    use super::*;

    on_every_database! {
        settings = |settings: &mut portal_tests::Settings| settings.demo_content = false;

        async fn a_fresh_site_names_no_office_and_shows_no_demo(app: TestApp) {
            let site = app.api().get_site().await.ok();
            assert_eq!(site.site_name, demo::NEUTRAL_SITE_NAME);
            assert_eq!(site.icp_number, "");
            assert_eq!(site.footer_text, "");
            assert_eq!(site.copyright, "");
            assert!(app.api().category_tree().await.ok().is_empty());
            assert!(app.api().list_friend_links().await.ok().is_empty());
            assert_eq!(app.api().list_articles(&Default::default()).await.ok().page.total, 0);
        }

        async fn the_demo_is_loaded_and_removed_without_touching_the_editors_work(app: TestApp) {
            let loaded = demo::load(&app.db).await.unwrap();
            assert!(loaded.articles > 400 && loaded.categories > 10 && loaded.friend_links == 4, "{loaded:?}");
            assert!(demo::load(&app.db).await.is_err(), "a second load is refused");
            let site = app.api().get_site().await.ok();
            assert_eq!(site.site_name, demo::NEUTRAL_SITE_NAME, "loading the demo leaves the settings alone");

            // An editor's own work: an article in a demo category, and a category of their own.
            let admin = app.admin_token().await;
            let as_admin = app.api_as(&admin);
            let xinzhou = app.category_id("xinzhou").await;
            let own_id = as_admin.create_article(&published("本站自己的文章", xinzhou)).await.ok_with(201).id;
            as_admin.create_category(&category("本站栏目", "bengzhan", None)).await.ok_with(201);

            let removed = demo::remove(&app.db, None).await.unwrap();
            assert_eq!(removed.articles, loaded.articles as u64);
            assert_eq!(removed.friend_links, 4);
            assert_eq!(removed.kept_categories, ["普法动态", "新洲区"], "{removed:?}");
            tokio::time::sleep(std::time::Duration::from_millis(2100)).await; // the category cache
            assert_eq!(all_titles(&app).await, ["本站自己的文章"]);
            app.api().get_article(own_id).await.ok();
            let tree = app.api().category_tree().await.ok();
            let names: Vec<&str> = tree.iter().map(|node| node.name.as_str()).collect();
            assert!(names.contains(&"本站栏目") && names.contains(&"普法动态"), "{tree:?}");
            assert!(app.api().list_friend_links().await.ok().is_empty());
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
                assert_eq!(app.api().get_site().await.ok().site_name, "某某区普法网");
            }
        }
    }
}
