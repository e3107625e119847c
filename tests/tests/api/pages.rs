//! What crawlers, link previews, readers without JavaScript and feed readers get: each page
//! rendered on the server with its head and status in the portal's shell, `/robots.txt`,
//! `/sitemap.xml` and the RSS feeds.

use std::time::Duration;

use chrono::Utc;
use portal_api::{ArticlePatch, NewArticle};
use portal_tests::{draft, on_every_database, published, TestApp};
use serde_json::Value;

/// A shell like the one the frontend build writes: its own title and description, which each
/// page's head replaces, and the "loading" note in the app's root, where each page's body goes.
fn shell_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "portal-shell-{}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html>\n<html lang=\"zh-CN\">\n  <head>\n    <meta charset=\"utf-8\" />\n    \
         <meta name=\"description\" content=\"构建时的描述\" />\n    <title>构建时的标题</title>\n  \
         </head>\n  <body><div id=\"app\"><!--page--><div class=\"boot\">正在加载…</div><!--/page--></div></body>\n</html>\n",
    )
    .unwrap();
    dir
}

/// A server with the shell and a configured public address.
fn with_shell(settings: &mut portal_tests::Settings) {
    settings.static_dir = shell_dir();
    settings.public_url = Some("https://pufa.example.gov.cn".parse().unwrap());
}

/// A published notice; [`publish`] puts it in 通知公告.
fn notice(title: &str, body: &str) -> NewArticle {
    NewArticle {
        body: body.into(),
        ..published(title, 0)
    }
}

async fn publish(app: &TestApp, token: &str, article: NewArticle) -> i32 {
    let category_id = app.category_id("tongzhi-gonggao").await;
    let article = NewArticle {
        category_id,
        ..article
    };
    app.api_as(token)
        .create_article(&article)
        .await
        .ok_with(201)
        .id
}

/// Waits until a page kept by the micro-cache has expired.
async fn wait_out_the_page_cache() {
    let ttl = portal_tests::Settings::defaults().micro_cache_ttl;
    tokio::time::sleep(ttl + Duration::from_millis(100)).await;
}

async fn site_name(app: &TestApp) -> String {
    app.api().get_site().await.ok().site_name
}

/// The `content` of the first `<meta>` whose `key` attribute is `name`.
fn meta<'a>(page: &'a str, key: &str, name: &str) -> Option<&'a str> {
    let marker = format!("<meta {key}=\"{name}\" content=\"");
    let start = page.find(&marker)? + marker.len();
    Some(&page[start..start + page[start..].find('"')?])
}

fn between<'a>(page: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    page.split(open)
        .skip(1)
        .filter_map(|rest| rest.find(close).map(|end| &rest[..end]))
        .collect()
}

fn structured(page: &str) -> Vec<Value> {
    between(page, "<script type=\"application/ld+json\">", "</script>")
        .into_iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect()
}

/// What a reader sees of a page's body without JavaScript: its text, without tags, comments
/// and scripts, with runs of white space as one space.
fn visible_text(page: &str) -> String {
    let body = &page[page.find("<body").unwrap_or(0)..];
    let mut text = String::new();
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let tag = &rest[start..];
        let end = if tag.starts_with("<!--") {
            tag.find("-->").map(|end| end + 3)
        } else if tag.starts_with("<script") {
            tag.find("</script>").map(|end| end + 9)
        } else {
            tag.find('>').map(|end| end + 1)
        };
        let Some(end) = end else { break };
        text.push(' ');
        rest = &tag[end..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The API answers a rendered page carries for the client.
fn page_data(page: &str) -> Value {
    let data = between(
        page,
        "<script type=\"application/json\" id=\"page-data\">",
        "</script>",
    );
    assert_eq!(data.len(), 1, "{page}");
    serde_json::from_str(data[0]).unwrap()
}

fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|error| panic!("{error}: {text}"))
}

/// The `<link>`s of an RSS feed's items, in order.
fn feed_links(text: &str) -> Vec<String> {
    let document = parse_xml(text);
    assert_eq!(document.root_element().tag_name().name(), "rss");
    document
        .descendants()
        .filter(|node| node.has_tag_name("item"))
        .filter_map(|item| {
            item.children()
                .find(|child| child.has_tag_name("link"))
                .and_then(|link| link.text())
                .map(str::to_owned)
        })
        .collect()
}

fn sitemap_locations(text: &str) -> Vec<String> {
    parse_xml(text)
        .descendants()
        .filter(|node| node.has_tag_name("loc"))
        .filter_map(|node| node.text().map(str::to_owned))
        .collect()
}

on_every_database! {
    settings = super::with_shell;
    async fn an_article_page_carries_its_own_head(app: TestApp) {
        let token = app.editor_token().await;
        let id = publish(&app, &token, NewArticle {
            summary: Some("示例摘要：服务点自下月起周六上午开放。".into()),
            ..notice("示例：社区法律服务点开放时间调整", "<p>正文 <img src=\"/media/photo.jpg\" alt=\"服务点\"></p>")
        })
        .await;
        let reply = app.get(&format!("/article/{id}")).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let page = &reply.text;
        let site = site_name(&app).await;
        assert_eq!(
            between(page, "<title>", "</title>"),
            vec![format!("示例：社区法律服务点开放时间调整 - {site}")],
            "the shell's own title is replaced, not repeated"
        );
        assert!(!page.contains("构建时的"), "{page}");
        assert_eq!(meta(page, "name", "description"), Some("示例摘要：服务点自下月起周六上午开放。"));
        let url = format!("https://pufa.example.gov.cn/article/{id}");
        assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\" />")), "{page}");
        assert_eq!(meta(page, "property", "og:url"), Some(url.as_str()));
        assert_eq!(meta(page, "property", "og:type"), Some("article"));
        assert_eq!(meta(page, "property", "og:site_name"), Some(site.as_str()));
        assert_eq!(
            meta(page, "property", "og:image"),
            Some("https://pufa.example.gov.cn/media/photo.jpg")
        );
        assert!(meta(page, "property", "article:published_time").is_some());
        let data = structured(page);
        let news = data.iter().find(|item| item["@type"] == "NewsArticle").unwrap();
        assert_eq!(news["headline"], "示例：社区法律服务点开放时间调整");
        assert_eq!(news["publisher"]["name"], site.as_str());
        assert!(news["datePublished"].is_string() && news["dateModified"].is_string());
        let trail = data.iter().find(|item| item["@type"] == "BreadcrumbList").unwrap();
        let names: Vec<&str> = trail["itemListElement"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.first(), Some(&"主页"));
        assert_eq!(names.last(), Some(&"通知公告"));
        // Reading the head counts no view.
        app.flush_hits().await;
        assert_eq!(app.api().get_article(id).await.ok().hits, 0);
    }

    async fn pages_are_rendered_on_the_server_for_readers_without_javascript(app: TestApp) {
        let token = app.editor_token().await;
        let id = publish(&app, &token, NewArticle {
            summary: Some("示例摘要：申请法律援助需要准备的材料。".into()),
            ..notice(
                "示例：法律援助申请指南",
                "<p>示例正文：申请人可到服务窗口递交材料。</p><h2>示例小标题</h2><p>第二段 <b>加粗</b> &lt;原样&gt;</p>",
            )
        })
        .await;
        let site = site_name(&app).await;

        let reply = app.get(&format!("/article/{id}")).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let text = visible_text(&reply.text);
        for expected in [
            "跳到正文",
            site.as_str(),
            "您当前所在的位置: 主页 > 通知公告",
            "示例：法律援助申请指南",
            "示例正文：申请人可到服务窗口递交材料。",
            "示例小标题",
            "第二段 加粗 <原样>",
            "浏览次数: 0",
            "相关文章",
            "友情连接",
        ] {
            assert!(text.contains(expected), "{expected:?} is not on the page: {text}");
        }
        assert!(!text.contains("正在加载"), "{text}");
        assert!(reply.text.contains("<h1 id=\"article-title\">示例：法律援助申请指南</h1>"));
        assert!(reply.text.contains("<h2>示例小标题</h2>"), "the body is kept as HTML");
        // The client hydrates from the answers the page was drawn from, without asking again.
        let data = page_data(&reply.text);
        let article = &data[format!("/api/v1/articles/{id}")]["ok"];
        assert_eq!(article["title"], "示例：法律援助申请指南");
        assert!(data["/api/v1/site"]["ok"]["site_name"].is_string());
        assert!(data["/api/v1/categories"]["ok"].is_array());

        // Without JavaScript the view is counted by the page's image, under the beacon's rules.
        let image = format!("/article/{id}/view.gif");
        assert!(reply.text.contains(&format!("<noscript><img class=\"view-counter\" src=\"{image}\"")));
        let load = |user_agent: &'static str| {
            app.client
                .get(app.url(&image))
                .header("User-Agent", user_agent)
                .header("Referer", app.url(&format!("/article/{id}")))
        };
        let counted = TestApp::read(load("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0")).await;
        assert_eq!(counted.status, 200, "{}", counted.text);
        assert_eq!(counted.header("content-type"), Some("image/gif"));
        assert_eq!(counted.header("cache-control"), Some("no-store"));
        let crawler = TestApp::read(load(
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
        ))
        .await;
        assert_eq!(crawler.status, 200);
        let elsewhere = TestApp::read(
            app.client
                .get(app.url(&image))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0")
                .header("Referer", "https://elsewhere.example.com/"),
        )
        .await;
        assert_eq!(elsewhere.status, 200);
        app.flush_hits().await;
        let article = app.api().get_article(id).await.ok();
        assert_eq!(article.hits, 1, "one reader, one view: no robot, no other site");
        // The page drawn before the view may be sent again for the micro-cache's second; the
        // next rendering after it shows the view, and rendering itself counted nothing.
        wait_out_the_page_cache().await;
        let again = visible_text(&app.get(&format!("/article/{id}")).await.text);
        assert!(again.contains("浏览次数: 1"), "{again}");
        app.get("/article/999999/view.gif").await.assert_problem(404, "not_found");

        // Lists, search and the 404 page are rendered too, their links plain links.
        let category = app.get("/category/tongzhi-gonggao").await;
        assert_eq!(category.status, 200);
        assert!(category.text.contains(&format!("href=\"/article/{id}\"")), "{}", category.text);
        assert!(visible_text(&category.text).contains("示例：法律援助申请指南"));
        let home = visible_text(&app.get("/").await.text);
        assert!(home.contains("通知公告") && home.contains("点击排行"), "{home}");
        let search = app.get("/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9").await;
        assert_eq!(search.status, 200);
        assert!(search.text.contains("<mark>"), "{}", search.text);
        assert!(visible_text(&search.text).contains("找到"), "{}", search.text);
        assert!(
            between(&search.text, "<form", ">").iter().any(|form| form.contains("category-filter")
                && form.contains("method=\"get\"")
                && form.contains("action=\"/search\"")),
            "the category filter works without JavaScript: {}",
            search.text
        );
        let missing = app.get("/article/999999").await;
        assert_eq!(missing.status, 404);
        assert!(visible_text(&missing.text).contains("页面未找到"), "{}", missing.text);
        // The console is the editors' app, drawn by the client.
        let console = app.get("/admin").await;
        assert!(console.text.contains("正在加载"), "{}", console.text);
        assert!(!console.text.contains("id=\"page-data\""));
    }

    async fn a_rendered_page_is_kept_a_second_and_drawn_anew_after_a_write(app: TestApp) {
        let token = app.editor_token().await;
        let id = publish(&app, &token, notice("示例：开放日安排", "<p>开放日</p>")).await;
        let path = format!("/article/{id}");
        let first = app.get(&path).await;
        assert_eq!(first.status, 200);
        // A view changes no content: the page drawn before it is sent again for a second…
        assert!(app.view(id, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0").await.ok().counted);
        app.flush_hits().await;
        let kept = app.get(&path).await;
        assert_eq!(kept.text, first.text, "within the second the page is the one drawn before");
        // …and after it the page shows the view.
        wait_out_the_page_cache().await;
        assert!(visible_text(&app.get(&path).await.text).contains("浏览次数: 1"));
        // A write through this server is shown at once.
        let retitle = ArticlePatch { title: Some("示例：开放日安排调整".into()), ..Default::default() };
        app.api_as(&token).update_article(id, &retitle).await.ok();
        let changed = app.get(&path).await;
        assert!(visible_text(&changed.text).contains("示例：开放日安排调整"), "{}", changed.text);
        // Unknown pages are kept with their status.
        for _ in 0..2 {
            assert_eq!(app.get("/article/987654").await.status, 404);
        }
    }

    async fn a_page_carries_only_the_answers_it_was_drawn_from(app: TestApp) {
        let token = app.editor_token().await;
        let id = publish(&app, &token, notice("示例：搬家的通知", "<p>通知</p>")).await;
        let path = format!("/article/{id}");
        let keys = |page: &str| -> Vec<String> {
            page_data(page).as_object().unwrap().keys().cloned().collect()
        };
        // Drawn twice: the second time from the reads remembered from the first.
        let before = keys(&app.get(&path).await.text);
        wait_out_the_page_cache().await;
        assert_eq!(keys(&app.get(&path).await.text), before, "the same reads, in one pass or three");
        let in_old_category = |keys: &[String]| keys.iter().any(|key| key.contains("tongzhi-gonggao"));
        assert!(in_old_category(&before), "{before:?}");

        // Moved to another category, it no longer carries the old category's answers.
        let elsewhere = app.category_id("xinzhou").await;
        let moved = ArticlePatch { category_id: Some(elsewhere), ..Default::default() };
        app.api_as(&token).update_article(id, &moved).await.ok();
        let after = app.get(&path).await;
        assert!(visible_text(&after.text).contains("新洲区"));
        let after = keys(&after.text);
        assert!(!in_old_category(&after), "{after:?}");
        assert!(after.iter().any(|key| key.contains("xinzhou")), "{after:?}");
    }

    async fn unknown_hidden_and_past_the_end_pages_answer_404(app: TestApp) {
        let token = app.editor_token().await;
        let category = app.category_id("tongzhi-gonggao").await;
        let new = NewArticle { body: "<p>草稿</p>".into(), ..draft("示例：草稿", category) };
        let draft = app.api_as(&token).create_article(&new).await.ok_with(201).id;
        for path in [
            format!("/article/{draft}"),
            "/article/999999".to_owned(),
            "/article/abc".to_owned(),
            "/category/no-such-category".to_owned(),
            "/category/tongzhi-gonggao?page=999".to_owned(),
            "/category/tongzhi-gonggao?page=0".to_owned(),
            "/no/such/page".to_owned(),
        ] {
            let reply = app.get(&path).await;
            assert_eq!(reply.status, 404, "{path}");
            assert!(reply.text.contains("<title>页面未找到 - "), "{path}: {}", reply.text);
            assert_eq!(meta(&reply.text, "name", "robots"), Some("noindex"), "{path}");
        }
        let first = app.get("/category/tongzhi-gonggao").await;
        assert_eq!(first.status, 200);
        assert!(first.text.contains("<title>通知公告 - "), "{}", first.text);
        assert!(first.text.contains(
            "<link rel=\"canonical\" href=\"https://pufa.example.gov.cn/category/tongzhi-gonggao\" />"
        ));
        let home = app.get("/").await;
        assert_eq!(home.status, 200);
        let website = structured(&home.text);
        assert_eq!(website[0]["@type"], "WebSite");
        assert_eq!(
            website[0]["potentialAction"]["target"],
            "https://pufa.example.gov.cn/search?q={search_term_string}"
        );
        let search = app.get("/search?q=%E6%B0%91%E6%B3%95%E5%85%B8").await;
        assert_eq!(search.status, 200);
        assert!(search.text.contains("<title>“民法典”的搜索结果 - "), "{}", search.text);
        let console = app.get("/admin").await;
        assert_eq!(meta(&console.text, "name", "robots"), Some("noindex"));
    }

    async fn robots_point_at_the_sitemap_which_lists_what_is_public(app: TestApp) {
        let robots = app.get("/robots.txt").await;
        assert_eq!(robots.status, 200);
        assert!(robots.text.contains("Disallow: /admin"));
        assert!(robots.text.contains("Sitemap: https://pufa.example.gov.cn/sitemap.xml"));

        let token = app.editor_token().await;
        let id = publish(&app, &token, notice("示例：新发布的通知", "<p>通知</p>")).await;
        let later = publish(&app, &token, NewArticle {
            published_at: Some(Utc::now() + chrono::Duration::seconds(3)),
            ..notice("示例：定时发布的通知", "<p>定时</p>")
        })
        .await;
        let reply = app.get("/sitemap.xml").await;
        assert_eq!(reply.status, 200);
        assert!(reply.header("content-type").unwrap().starts_with("application/xml"));
        assert!(reply.header("last-modified").is_some());
        let urls = sitemap_locations(&reply.text);
        assert_eq!(urls[0], "https://pufa.example.gov.cn/");
        assert!(urls.contains(&"https://pufa.example.gov.cn/category/tongzhi-gonggao".to_owned()));
        assert!(urls.contains(&format!("https://pufa.example.gov.cn/article/{id}")));
        assert!(!urls.contains(&format!("https://pufa.example.gov.cn/article/{later}")));
        tokio::time::sleep(Duration::from_secs(4)).await;
        let urls = sitemap_locations(&app.get("/sitemap.xml").await.text);
        assert!(urls.contains(&format!("https://pufa.example.gov.cn/article/{later}")));
        app.get("/sitemap-9.xml").await.assert_problem(404, "not_found");
    }

    async fn feeds_list_the_newest_due_articles_and_answer_conditional_requests(app: TestApp) {
        let token = app.editor_token().await;
        let id = publish(&app, &token, notice("示例：R&D 新通知", "<p>通知</p>")).await;
        let later = publish(&app, &token, NewArticle {
            published_at: Some(Utc::now() + chrono::Duration::seconds(3)),
            ..notice("示例：定时发布的公告", "<p>定时</p>")
        })
        .await;
        let reply = app.get("/feed.xml").await;
        assert_eq!(reply.status, 200);
        assert!(reply.header("content-type").unwrap().starts_with("application/rss+xml"));
        let links = feed_links(&reply.text);
        assert_eq!(links[0], format!("https://pufa.example.gov.cn/article/{id}"));
        assert!(links.len() <= 20);
        assert!(!links.contains(&format!("https://pufa.example.gov.cn/article/{later}")));
        assert!(reply.text.contains("<title>示例：R&amp;D 新通知</title>"));

        let in_category = feed_links(&app.get("/category/tongzhi-gonggao/feed.xml").await.text);
        assert_eq!(in_category[0], links[0]);
        let parent = app.get("/category/falv-fagui/feed.xml").await;
        assert_eq!(parent.status, 200);
        assert!(!feed_links(&parent.text).contains(&links[0]));
        app.get("/category/no-such/feed.xml").await.assert_problem(404, "not_found");

        let etag = reply.header("etag").unwrap().to_owned();
        let modified = reply.header("last-modified").unwrap().to_owned();
        assert!(reply.header("cache-control").unwrap().contains("max-age"));
        let client = reqwest::Client::new();
        let again = client
            .get(app.url("/feed.xml"))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304);
        let since = client
            .get(app.url("/feed.xml"))
            .header("If-Modified-Since", &modified)
            .send()
            .await
            .unwrap();
        assert_eq!(since.status(), 304);

        tokio::time::sleep(Duration::from_secs(4)).await;
        let links = feed_links(&app.get("/feed.xml").await.text);
        assert_eq!(links[0], format!("https://pufa.example.gov.cn/article/{later}"));
    }
}

/// The built portal's content-named files are sent from memory, as the compressed copy the
/// browser accepts, with a year's caching and an ETag per coding; one written after the start
/// is still found in the folder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn built_files_are_sent_in_the_coding_the_browser_accepts() {
    let dir = shell_dir();
    let name = "style-0123456789abcdef.css";
    std::fs::write(dir.join(name), "body { color: #222 }").unwrap();
    std::fs::write(dir.join(format!("{name}.br")), "brotli bytes").unwrap();
    std::fs::write(dir.join(format!("{name}.gz")), "gzip bytes").unwrap();
    let app = TestApp::spawn_with(portal_tests::Backend::Sqlite, |settings| {
        settings.static_dir = dir.clone();
    })
    .await;
    let fetch = |accept: &'static str, etag: Option<String>| {
        let mut request = app
            .client
            .get(app.url(&format!("/{name}")))
            .header("accept-encoding", accept);
        if let Some(etag) = etag {
            request = request.header("if-none-match", etag);
        }
        TestApp::read(request)
    };
    for (accept, body, coding) in [
        ("gzip, deflate, br, zstd", "brotli bytes", Some("br")),
        ("gzip", "gzip bytes", Some("gzip")),
        ("br;q=0, identity", "body { color: #222 }", None),
    ] {
        let reply = fetch(accept, None).await;
        assert_eq!(reply.status, 200, "{accept}");
        assert_eq!(reply.text, body, "{accept}");
        assert_eq!(reply.header("content-encoding"), coding, "{accept}");
        assert_eq!(reply.header("content-type"), Some("text/css"), "{accept}");
        assert_eq!(
            reply.header("cache-control"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(reply.header("vary"), Some("Accept-Encoding"));
        let etag = reply.header("etag").expect("an ETag").to_owned();
        // Only the plain file's tag is weak: the server may compress it on the way.
        assert_eq!(etag.starts_with("W/"), coding.is_none(), "{accept}: {etag}");
        let again = fetch(accept, Some(etag.clone())).await;
        assert_eq!(again.status, 304, "{accept}");
        assert_eq!(again.text, "");
        assert_eq!(again.header("etag"), Some(etag.as_str()));
    }
    // Another coding's tag is another representation.
    let brotli_tag = fetch("br", None).await.header("etag").unwrap().to_owned();
    assert_eq!(fetch("gzip", Some(brotli_tag)).await.status, 200);

    // Written by a build after the start: read from the folder.
    let later = "portal-frontend-fedcba9876543210.js";
    std::fs::write(dir.join(later), "export default 1;").unwrap();
    let reply = app.get(&format!("/{later}")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.text, "export default 1;");
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(app.get("/style-ffffffffffffffff.css").await.status, 404);
}
