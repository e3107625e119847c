//! Moving a DedeCMS site in: its database (DedeCMS's own tables, in GBK, loaded into the
//! MariaDB every machine runs; see tests/fixtures/dedecms) and a copy of its uploads come across
//! with the category tree, dates, view counts, drafts, files and every old address answering
//! with a 301; a dry run changes nothing and a second run updates instead of duplicating.

use std::path::{Path, PathBuf};

use portal_backend::import::dedecms::{import, Charset, Options};
use portal_backend::storage::MediaStore;
use portal_tests::{on_every_database, replace_database, server_url, Backend, TestApp};
use sea_orm::{ConnectionTrait, Database};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dedecms")
}

/// A DedeCMS database made for one test from the fixture, dropped with it.
struct DedeDatabase {
    server: String,
    name: String,
    url: String,
}

impl DedeDatabase {
    async fn load() -> Self {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let server = server_url(Backend::MySql);
        let name = format!(
            "dedecms_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let admin = Database::connect(&server)
            .await
            .expect("MariaDB must be running");
        admin
            .execute_unprepared(&format!(
                "CREATE DATABASE `{name}` CHARACTER SET gbk COLLATE gbk_chinese_ci"
            ))
            .await
            .unwrap();
        let url = replace_database(&server, &name);
        let site = Database::connect(&url).await.unwrap();
        for file in ["schema.sql", "site.sql"] {
            let text = std::fs::read_to_string(fixture().join(file)).unwrap();
            let text: String = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("--"))
                .collect::<Vec<_>>()
                .join("\n");
            for statement in text.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
                site.execute_unprepared(statement)
                    .await
                    .unwrap_or_else(|error| panic!("{file}: {error}\n{statement}"));
            }
        }
        Self { server, name, url }
    }

    async fn drop_it(self) {
        let admin = Database::connect(&self.server).await.unwrap();
        admin
            .execute_unprepared(&format!("DROP DATABASE `{}`", self.name))
            .await
            .unwrap();
    }
}

fn options(from: &str, dry_run: bool) -> Options {
    Options {
        from: from.to_owned(),
        prefix: "dede_".into(),
        uploads: Some(fixture().join("uploads")),
        charset: Charset::Auto,
        dry_run,
        media_max_bytes: 20 * 1024 * 1024,
    }
}

fn redirect_target(reply: &portal_tests::Reply) -> String {
    assert_eq!(reply.status, 301, "{}", reply.text);
    reply.header("location").unwrap().to_owned()
}

async fn article(app: &TestApp, target: &str, token: &str) -> portal_api::Article {
    let path = format!("/api/v1{}", target.replace("/article/", "/articles/"));
    app.get_as(&path, token).await.parse()
}

on_every_database! {
    async fn a_dedecms_site_comes_across_with_its_old_links(app: TestApp) {
        let dede = DedeDatabase::load().await;
        let editor = app.editor_token().await;
        let store = MediaStore::attach(&app.data_dir, None).await.unwrap();

        let dry = import(&app.db, &store, &options(&dede.url, true)).await.unwrap();
        // 普法动态 and 基层普法 are new, 通知公告 is the site's own (same address), 法治图片 holds
        // image sets; four articles, three skipped (recycle bin, image set, jump); three files
        // (the thumbnail, the photo, the PDF; one linked image was never copied).
        assert_eq!((dry.categories.created, dry.categories.unchanged, dry.categories.skipped_count()), (2, 1, 1), "{dry}");
        assert_eq!((dry.articles.created, dry.articles.skipped_count()), (4, 3), "{dry}");
        assert_eq!((dry.media.created, dry.media.skipped_count()), (3, 1), "{dry}");
        assert_eq!(app.get("/plus/view.php?aid=1").await.status, 404, "a dry run changes nothing");

        let first = import(&app.db, &store, &options(&dede.url, false)).await.unwrap();
        assert_eq!((first.categories.created, first.articles.created, first.media.created), (2, 4, 3), "{first}");
        assert_eq!(first.articles.skipped_count(), 3, "{first}");
        let summary = first.to_string();
        assert!(summary.contains("in the recycle bin"), "{summary}");
        assert!(summary.contains("image set"), "{summary}");
        assert!(summary.contains("跳转"), "{summary}");
        // The server learns of categories written beside it within its cache's two seconds.
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;

        // The headline: GBK text read right, dated by pubdate, its view count kept, pinned (the
        // `h` flag), byline and source kept; its photo and PDF from the library.
        let target = redirect_target(&app.get("/plus/view.php?aid=1").await);
        assert!(target.starts_with("/article/"), "{target}");
        // Its static page, dated 4 March in China's hours though sent on 3 March in UTC.
        assert_eq!(redirect_target(&app.get("/a/pufadongtai/2021/0304/1.html").await), target);
        assert_eq!(redirect_target(&app.get("/plus/view-1-1.html").await), target);
        let headline = article(&app, &target, &editor).await;
        assert_eq!(headline.title, "【示例】某县开展宪法宣传周活动");
        assert_eq!(headline.published_at.unwrap().to_rfc3339(), "2021-03-03T16:30:00+00:00");
        assert_eq!(headline.hits, 1234);
        assert!(headline.pinned);
        assert_eq!((headline.author.as_str(), headline.source.as_str()), ("示例作者", "示例来源"));
        assert_eq!(headline.summary, "示例摘要：宪法宣传周期间开展的普法活动（示例内容）。");
        assert_eq!(headline.category.slug, "pufadongtai");
        assert_eq!(headline.category.name, "普法动态（示例）");
        assert!(!headline.body.contains("/uploads/allimg/210304/1-2103041A2540.jpg"), "{}", headline.body);
        let links = regex::Regex::new(r#"(?:src|href)="(/media/[^"]+)""#).unwrap();
        let files: Vec<String> = links.captures_iter(&headline.body).map(|found| found[1].to_owned()).collect();
        assert_eq!(files.len(), 2, "{}", headline.body);
        assert!(files[1].ends_with("/%E7%A4%BA%E4%BE%8B%E9%80%9A%E7%9F%A5.pdf"), "{files:?}");
        for file in &files {
            assert_eq!(app.get(file).await.status, 200, "{file}");
        }
        // The file that was never copied keeps its old address.
        assert!(headline.body.contains("/uploads/allimg/210304/not-copied.jpg"));
        // Old file addresses, the thumbnail's too, lead to the library's copies.
        let old_pdf = "/uploads/soft/210304/%E7%A4%BA%E4%BE%8B%E9%80%9A%E7%9F%A5.pdf";
        assert_eq!(redirect_target(&app.get(old_pdf).await), files[1]);
        let thumbnail = redirect_target(&app.get("/uploads/allimg/210304/1-2103041A2540-L.jpg").await);
        assert!(thumbnail.starts_with("/media/"), "{thumbnail}");
        assert_eq!(app.get(&thumbnail).await.status, 200);

        // A page of three: one text with the second part's own title as a heading; its static
        // pages by its own file name, the later ones too, lead to it.
        let target = redirect_target(&app.get("/plus/view.php?aid=2").await);
        for page in ["mingbairen-peixun.html", "mingbairen-peixun_2.html", "mingbairen-peixun_3.html"] {
            let old = format!("/a/pufadongtai/jicengpufa/2022/0115/{page}");
            assert_eq!(redirect_target(&app.get(&old).await), target, "{old}");
        }
        let training = article(&app, &target, &editor).await;
        assert_eq!(training.body, "<p>第一部分（示例）。</p><p>第二部分（示例）。</p><h2>培训安排</h2><p>第三部分（示例）。</p>");
        let path: Vec<&str> = training.category_path.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(path, ["pufadongtai", "jicengpufa"]);
        assert_eq!(training.hits, 56);

        // Pending (待审核) is a draft, off the portal.
        let pending = redirect_target(&app.get("/plus/view.php?aid=3").await);
        assert_eq!(article(&app, &pending, &editor).await.status, portal_api::ArticleStatus::Draft);
        let reply = app.get(&format!("/api/v1{}", pending.replace("/article/", "/articles/"))).await;
        reply.assert_problem(404, "not_found");

        // A dynamic article (no static page) in the site's own 通知公告, its title unescaped.
        let target = redirect_target(&app.get("/plus/view.php?aid=6").await);
        let notice = article(&app, &target, &editor).await;
        assert_eq!(notice.title, "【示例】关于\"八五\"普法的示例说明");
        assert_eq!(notice.category.slug, "tongzhi-gonggao");
        assert_eq!(app.get("/a/tongzhi-gonggao/6.html").await.status, 404);
        // Skipped ones have no old address.
        for skipped in [4, 5, 7] {
            assert_eq!(app.get(&format!("/plus/view.php?aid={skipped}")).await.status, 404);
        }

        // Categories: by id, by folder, by index page and by list page.
        for old in ["/plus/list.php?tid=2", "/a/pufadongtai/jicengpufa/", "/a/pufadongtai/jicengpufa/index.html", "/a/pufadongtai/jicengpufa/list_2_1.html"] {
            assert_eq!(redirect_target(&app.get(old).await), "/category/jicengpufa", "{old}");
        }
        assert_eq!(app.get("/plus/list.php?tid=3").await.status, 404, "an image-set category is not imported");

        // Again: updated, nothing duplicated; views counted here since then stay.
        let second = import(&app.db, &store, &options(&dede.url, false)).await.unwrap();
        assert_eq!((second.articles.created, second.articles.updated), (0, 4), "{second}");
        assert_eq!((second.categories.created, second.media.created), (0, 0), "{second}");
        assert_eq!(second.media.unchanged, 3, "{second}");
        dede.drop_it().await;
    }
}
