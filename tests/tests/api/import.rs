//! Moving a WordPress site in: its export (made by a real WordPress 6.1, see
//! scripts/wordpress-fixture.sh) with its uploads comes across with categories, dates, authors,
//! images and attachments, its old addresses answer with a 301, a dry run changes nothing, and
//! a second run updates instead of duplicating.

use std::path::{Path, PathBuf};

use portal_backend::import::{
    wordpress::{import, Options},
    wxr::{Entry, WxrReader},
};
use portal_backend::storage::MediaStore;
use portal_tests::{on_every_database, TestApp};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/wordpress")
}

pub(crate) fn options(dry_run: bool) -> Options {
    Options {
        file: fixture().join("export.xml"),
        uploads: Some(fixture().join("uploads")),
        dry_run,
        zone: "Asia/Shanghai".parse().unwrap(),
        media_max_bytes: 20 * 1024 * 1024,
    }
}

/// The export's published posts: (id, permalink path).
fn published_posts() -> Vec<(String, String)> {
    let file = std::fs::File::open(fixture().join("export.xml")).unwrap();
    let mut reader = WxrReader::new(std::io::BufReader::new(file));
    let mut posts = Vec::new();
    while let Some(entry) = reader.next_entry().unwrap() {
        if let Entry::Item(item) = entry {
            if item.post_type == "post" && item.status == "publish" {
                let path = url::Url::parse(&item.link).unwrap().path().to_owned();
                posts.push((item.post_id.clone(), path));
            }
        }
    }
    posts
}

/// Counted in the database: the running server's list totals are cached for a moment, and the
/// import (a command) writes beside it.
async fn article_total(app: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    portal_backend::db::entities::article::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

fn redirect_target(reply: &portal_tests::Reply) -> String {
    assert_eq!(reply.status, 301, "{}", reply.text);
    reply.header("location").unwrap().to_owned()
}

on_every_database! {
    async fn a_wordpress_site_comes_across_with_its_old_links(app: TestApp) {
        let editor = app.editor_token().await;
        let store = MediaStore::attach(&app.data_dir, None).await.unwrap();
        let before = article_total(&app).await;

        let dry = import(&app.db, &store, &options(true)).await.unwrap();
        // WordPress's `admin` is the portal's own admin; 张三 and 李四 are new.
        assert_eq!((dry.articles.created, dry.media.created, dry.authors.created), (11, 3, 2), "{dry}");
        assert_eq!(article_total(&app).await, before, "a dry run changes nothing");
        assert_eq!(app.get("/2024/03/shili-jiangzuo/").await.status, 404);

        let first = import(&app.db, &store, &options(false)).await.unwrap();
        assert_eq!((first.articles.created, first.media.created, first.authors.created), (11, 3, 2), "{first}");
        // Two pages; the demo site's 普法动态 takes the posts filed under the same address.
        assert_eq!(first.articles.skipped_count(), 2, "{first}");
        assert!(first.categories.created >= 3 && first.categories.unchanged >= 1, "{first}");
        assert_eq!(article_total(&app).await, before + 11);
        // The server learns of categories written beside it (as by another instance) within
        // its cache's two seconds.
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;

        // Every published post's permalink, and `?p=ID`, lead to its article.
        for (id, path) in published_posts() {
            let target = redirect_target(&app.get(&path).await);
            assert!(target.starts_with("/article/"), "{path} → {target}");
            assert_eq!(redirect_target(&app.get(&format!("/?p={id}&utm_source=old")).await), target);
            // Spelt with capitals in its escapes, as some clients do.
            let shouted = path.replace("%e", "%E").replace("%b", "%B");
            assert_eq!(redirect_target(&app.get(&shouted).await), target, "{shouted}");
        }

        // The lecture notice: dated as WordPress had it (00:30 in Shanghai is the day before in
        // UTC), filed under 基层普法 below 普法动态, its captioned photo from the library.
        let target = redirect_target(&app.get("/2024/03/shili-jiangzuo/").await);
        let id = target.trim_start_matches("/article/");
        let article: portal_api::Article = app.get(&format!("/api/v1/articles/{id}")).await.parse();
        assert_eq!(article.title, "示例：社区普法讲座通知");
        assert_eq!(article.published_at.unwrap().to_rfc3339(), "2024-03-14T16:30:00+00:00");
        assert_eq!(article.author, "张三");
        assert_eq!(article.category.slug, "jiceng");
        let path: Vec<&str> = article.category_path.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(path, ["pufa-dongtai", "jiceng"]);
        assert!(article.body.contains("<figure>") && article.body.contains("<figcaption>"), "{}", article.body);
        assert!(article.body.contains("src=\"/media/"), "{}", article.body);
        assert!(!article.body.contains("old-site.example.gov.cn/wp-content"), "{}", article.body);
        let image = regex::Regex::new(r#"src="(/media/[^"]+)""#).unwrap();
        let src = &image.captures(&article.body).unwrap()[1];
        assert_eq!(app.get(src).await.status, 200);

        // The notice with its PDF: listed under the text; the old file address follows it.
        let pdf_notice: Vec<_> = published_posts().into_iter().filter(|(id, _)| id == "11").collect();
        let target = redirect_target(&app.get(&pdf_notice[0].1).await);
        let article: portal_api::Article = app.get(&format!("/api/v1{}", target.replace("/article/", "/articles/"))).await.parse();
        assert_eq!(article.attachments.len(), 1, "{article:?}");
        assert_eq!(article.attachments[0].file_name, "示例通知.pdf");
        assert_eq!(article.attachments[0].content_type, "application/pdf");
        let old_pdf = "/wp-content/uploads/2025/01/%E7%A4%BA%E4%BE%8B%E9%80%9A%E7%9F%A5.pdf";
        assert_eq!(redirect_target(&app.get(old_pdf).await), article.attachments[0].url);
        let download = app.get(&article.attachments[0].url).await;
        assert_eq!(download.status, 200);
        assert!(download.text.starts_with("%PDF"));

        // Drafts, pending and private posts stay off the portal; their authors cannot log in.
        assert_eq!(app.get("/?p=18").await.status, 301);
        let draft = redirect_target(&app.get("/?p=18").await);
        let reply = app.get(&format!("/api/v1{}", draft.replace("/article/", "/articles/"))).await;
        reply.assert_problem(404, "not_found");
        let staff: portal_api::Article = app.get_as(&format!("/api/v1{}", draft.replace("/article/", "/articles/")), &editor).await.parse();
        assert_eq!(staff.status, portal_api::ArticleStatus::Draft);
        let users: serde_json::Value = app.get_as("/api/v1/users", &app.admin_token().await).await.json();
        let zhangsan = users.as_array().unwrap().iter().find(|user| user["username"] == "zhangsan").unwrap().clone();
        assert_eq!(zhangsan["disabled"], true);
        assert_eq!(zhangsan["role"], "editor");

        // Again: the same articles are updated, nothing is duplicated; the portal's own
        // addresses are not redirected.
        let second = import(&app.db, &store, &options(false)).await.unwrap();
        assert_eq!((second.articles.created, second.articles.updated), (0, 11), "{second}");
        assert_eq!((second.media.created, second.authors.created, second.categories.created), (0, 0, 0), "{second}");
        assert_eq!(article_total(&app).await, before + 11);
        assert_eq!(app.get("/").await.status, 200);
        assert_eq!(app.get("/category/jiceng").await.status, 200);
        assert_eq!(app.get("/no/such/old/page/").await.status, 404);
    }
}
