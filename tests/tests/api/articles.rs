use chrono::{DateTime, Duration, Utc};
use portal_api::{
    Article, ArticleLink, ArticleListQuery, ArticlePage, ArticlePatch, ArticleSort, ArticleStatus,
    ArticleStatusFilter, ErrorCode, NewArticle,
};
use portal_tests::{category, draft, on_every_database, published, TestApp};
use reqwest::header;
use serde_json::json;

const SEED_TITLE: &str = "【示例】新洲区委政研室“七五”普法工作总结";

fn query() -> ArticleListQuery {
    ArticleListQuery::default()
}

async fn seed_article(app: &TestApp) -> Article {
    let list = app
        .api()
        .list_articles(&ArticleListQuery {
            category: Some("xinzhou".into()),
            q: Some(SEED_TITLE.into()),
            ..query()
        })
        .await
        .ok();
    let id = list.items.first().expect("the seed article is listed").id;
    app.api().get_article(id).await.ok()
}

fn titles(page: &ArticlePage) -> Vec<&str> {
    page.items.iter().map(|item| item.title.as_str()).collect()
}

fn neighbour_id(link: &Option<ArticleLink>) -> Option<i32> {
    link.as_ref().map(|link| link.id)
}

on_every_database! {
    async fn the_seed_article_reads_as_on_the_seed_page(app: TestApp) {
        let article = seed_article(&app).await;
        assert_eq!(article.title, SEED_TITLE);
        // 2021-07-26 09:38 in Asia/Shanghai.
        assert_eq!(article.published_at, Some("2021-07-26T01:38:00Z".parse().unwrap()));
        let path: Vec<&str> = article.category_path.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(path, ["普法动态", "新洲区"]);
        assert!(article.body.contains("区委政研室自2019年成立以来"));
        assert!(article.body.contains("努力实现普法教育全覆盖"));
        assert!(
            article.body.starts_with("<p class=\"demo-note\"><strong>【示例】</strong>"),
            "marked as an example: {}",
            article.body
        );
        assert!(article.previous.is_some() || article.next.is_some());
    }

    async fn a_category_list_is_newest_first_and_paginated(app: TestApp) {
        let in_category = |page: u32| ArticleListQuery {
            category: Some("pufa-dongtai".into()),
            per_page: Some(10),
            page: Some(page),
            ..query()
        };
        let first = app.api().list_articles(&in_category(1)).await;
        let total_header = first.header("x-total-count").map(str::to_owned);
        let has_next = first.header("link").unwrap().contains("rel=\"next\"");
        let page = first.ok();
        let total = page.page.total;
        assert!(total > 30, "several pages of demo content: {total}");
        assert_eq!(total_header, Some(total.to_string()));
        assert_eq!(page.items.len(), 10);
        assert_eq!(u64::from(page.page.total_pages), total.div_ceil(10));
        assert!(has_next);

        let times: Vec<_> = page.items.iter().map(|item| item.published_at).collect();
        let mut sorted = times.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(times, sorted, "newest first");

        let second = app.api().list_articles(&in_category(2)).await.ok();
        assert!(titles(&page).iter().all(|t| !titles(&second).contains(t)), "pages do not overlap");

        let only_parent = app
            .api()
            .list_articles(&ArticleListQuery {
                category: Some("pufa-dongtai".into()),
                include_descendants: Some(false),
                ..query()
            })
            .await
            .ok();
        assert!(only_parent.page.total < total);

        let first_of = |sort| ArticleListQuery {
            category: Some("xinzhou".into()),
            sort,
            per_page: Some(1),
            ..query()
        };
        let oldest = app.api().list_articles(&first_of(Some(ArticleSort::Oldest))).await.ok();
        let newest = app.api().list_articles(&first_of(None)).await.ok();
        assert!(oldest.items[0].published_at < newest.items[0].published_at);
    }

    async fn bad_pagination_is_a_bad_request(app: TestApp) {
        // Values the typed query cannot hold go through the untyped request.
        for query in ["per_page=0", "per_page=101", "page=0", "page=abc", "per_page=-1", "sort=sideways", "include_descendants=maybe"] {
            app.get(&format!("/api/v1/articles?{query}")).await.assert_problem(400, "bad_request");
        }
        app.api()
            .list_articles(&ArticleListQuery { category: Some("no-such-section".into()), ..query() })
            .await
            .problem(404, ErrorCode::NotFound);
        let beyond = app.api().list_articles(&ArticleListQuery { page: Some(999), ..query() }).await.ok();
        assert!(beyond.items.is_empty());
    }

    async fn drafts_and_scheduled_articles_stay_hidden_from_the_public(app: TestApp) {
        let editor = app.editor_token().await;
        let as_editor = app.api_as(&editor);
        let category_id = app.category_id("xinzhou").await;
        let draft = as_editor
            .create_article(&NewArticle { body: "<p>草稿</p>".into(), ..draft("草稿文章", category_id) })
            .await
            .ok_with(201);
        assert_eq!(draft.status, ArticleStatus::Draft);

        let tomorrow = Utc::now() + Duration::days(1);
        let scheduled = as_editor
            .create_article(&NewArticle {
                body: "<p>明天发布</p>".into(),
                published_at: Some(tomorrow),
                ..published("定时文章", category_id)
            })
            .await
            .ok_with(201);

        for id in [draft.id, scheduled.id] {
            app.api().get_article(id).await.problem(404, ErrorCode::NotFound);
            as_editor.get_article(id).await.ok();
        }
        let public = app
            .api()
            .list_articles(&ArticleListQuery { category: Some("xinzhou".into()), per_page: Some(100), ..query() })
            .await
            .ok();
        assert!(!titles(&public).iter().any(|t| *t == "草稿文章" || *t == "定时文章"));
        let search = app.api().list_articles(&ArticleListQuery { q: Some("定时文章".into()), ..query() }).await.ok();
        assert_eq!(search.page.total, 0);

        let with_status = |status| ArticleListQuery { status: Some(status), ..query() };
        app.api()
            .list_articles(&with_status(ArticleStatusFilter::Draft))
            .await
            .problem(401, ErrorCode::Unauthorized);
        let drafts = as_editor.list_articles(&with_status(ArticleStatusFilter::Draft)).await.ok();
        assert_eq!(titles(&drafts), ["草稿文章"]);
        let planned = as_editor.list_articles(&with_status(ArticleStatusFilter::Scheduled)).await.ok();
        assert_eq!(titles(&planned), ["定时文章"]);

        // Publishing the draft makes it public at once.
        let publish = ArticlePatch { status: Some(ArticleStatus::Published), ..Default::default() };
        let now_public = as_editor.update_article(draft.id, &publish).await.ok();
        assert!(now_public.published_at.is_some());
        app.api().get_article(draft.id).await.ok();
        let newest = app
            .api()
            .list_articles(&ArticleListQuery { category: Some("xinzhou".into()), per_page: Some(1), ..query() })
            .await
            .ok();
        assert_eq!(titles(&newest), ["草稿文章"]);

        // Archiving hides it again.
        let archive = ArticlePatch { status: Some(ArticleStatus::Archived), ..Default::default() };
        as_editor.update_article(draft.id, &archive).await.ok();
        app.api().get_article(draft.id).await.problem(404, ErrorCode::NotFound);
    }

    async fn an_editor_writes_pins_and_deletes_an_article(app: TestApp) {
        let editor = app.editor_token().await;
        let as_editor = app.api_as(&editor);
        let category_id = app.category_id("xinzhou").await;
        let created = as_editor
            .create_article(&NewArticle {
                body: "<p onclick=\"x()\">宣传<script>alert(1)</script>民法典</p><a href=\"javascript:alert(1)\">链接</a>".into(),
                source: "新洲区司法局".into(),
                author: "普法办".into(),
                ..published("  民法典进社区  ", category_id)
            })
            .await;
        let location = created.header("location").map(str::to_owned);
        let article = created.ok_with(201);
        assert_eq!(location, Some(format!("/api/v1/articles/{}", article.id)));
        assert_eq!(article.title, "民法典进社区", "titles are trimmed");
        let body = &article.body;
        assert!(!body.contains("script") && !body.contains("onclick") && !body.contains("javascript"), "{body}");
        assert!(body.contains("宣传民法典"));
        assert_eq!(article.summary, "宣传民法典 链接", "derived from the body");
        assert_eq!(article.hits, 0);
        assert_eq!(article.category_path[1].slug, "xinzhou");

        let pinned = as_editor
            .update_article(article.id, &ArticlePatch { pinned: Some(true), ..Default::default() })
            .await
            .ok();
        assert!(pinned.pinned);
        assert_eq!(pinned.title, "民法典进社区", "untouched fields stay");
        let featured = app
            .api()
            .list_articles(&ArticleListQuery { pinned: Some(true), per_page: Some(100), ..query() })
            .await
            .ok();
        assert!(titles(&featured).contains(&"民法典进社区"));

        as_editor.delete_article(article.id).await.ok_with(204);
        as_editor.get_article(article.id).await.problem(404, ErrorCode::NotFound);
    }

    async fn clients_cannot_set_server_owned_fields(app: TestApp) {
        // The contract's types have no such fields: these bodies are written by hand.
        let editor = app.editor_token().await;
        let category_id = app.category_id("xinzhou").await;
        for field in [json!({"hits": 1000}), json!({"id": 1}), json!({"created_at": "2020-01-01T00:00:00Z"})] {
            let mut body = json!({"title": "t", "category_id": category_id});
            body.as_object_mut().unwrap().extend(field.as_object().unwrap().clone());
            let problem = app.post("/api/v1/articles", Some(&editor), &body).await.assert_problem(422, "invalid_body");
            assert!(problem["detail"].as_str().unwrap().contains("unknown field"), "{problem}");
        }
        let seed = seed_article(&app).await;
        app.patch(&format!("/api/v1/articles/{}", seed.id), Some(&editor), &json!({"hits": 5}))
            .await
            .assert_problem(422, "invalid_body");
        assert_eq!(app.api().get_article(seed.id).await.ok().hits, seed.hits);
    }

    async fn invalid_articles_are_refused_field_by_field(app: TestApp) {
        let editor = app.editor_token().await;
        let as_editor = app.api_as(&editor);
        let problem = as_editor
            .create_article(&NewArticle {
                source: "x".repeat(101),
                published_at: Some("0001-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()),
                ..draft("   ", 1)
            })
            .await
            .problem(422, ErrorCode::ValidationFailed);
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "source", "published_at"]);

        let problem = as_editor
            .create_article(&draft("t", 424242))
            .await
            .problem(422, ErrorCode::ReferenceNotFound);
        assert_eq!(problem.errors[0].field, "category_id");
        as_editor.create_article(&draft("t\u{0}", 1)).await.problem(422, ErrorCode::ValidationFailed);
        as_editor
            .update_article(999999, &ArticlePatch { title: Some("x".into()), ..Default::default() })
            .await
            .problem(404, ErrorCode::NotFound);
        // Shapes the contract's types cannot take.
        app.post("/api/v1/articles", Some(&editor), &json!([null, null]))
            .await
            .assert_problem(422, "invalid_body");
        app.post("/api/v1/articles", Some(&editor), &json!({"title": "t", "category_id": 1.5}))
            .await
            .assert_problem(422, "invalid_body");
        app.post("/api/v1/articles", Some(&editor), &json!({"title": 5, "category_id": "one"}))
            .await
            .assert_problem(422, "invalid_body");
        app.post("/api/v1/articles", Some(&editor), &json!({"category_id": 1}))
            .await
            .assert_problem(422, "invalid_body");
        app.get("/api/v1/articles/not-a-number").await.assert_problem(404, "not_found");
        app.get("/api/v1/articles/99999999999").await.assert_problem(404, "not_found");
    }

    async fn malformed_unsupported_and_oversized_bodies_get_problems(app: TestApp) {
        let editor = app.editor_token().await;
        let send = |body: reqwest::Body, content_type: &'static str| {
            app.client
                .post(app.url("/api/v1/articles"))
                .bearer_auth(&editor)
                .header(header::CONTENT_TYPE, content_type)
                .body(body)
        };
        TestApp::read(send("{\"title\": ".into(), "application/json")).await.assert_problem(400, "bad_request");
        TestApp::read(send("title=x".into(), "application/x-www-form-urlencoded"))
            .await
            .assert_problem(415, "unsupported_media_type");
        let huge = format!("{{\"title\": \"t\", \"category_id\": 1, \"body\": \"{}\"}}", "x".repeat(5 * 1024 * 1024));
        TestApp::read(send(huge.into(), "application/json")).await.assert_problem(413, "payload_too_large");
        let every = ArticleListQuery { status: Some(ArticleStatusFilter::Any), ..query() };
        let count = app.api_as(&editor).list_articles(&every).await.ok().page.total;
        let public = app.api().list_articles(&query()).await.ok().page.total;
        assert_eq!(count, public, "nothing was stored");
    }

    async fn a_public_read_revalidates_with_its_etag(app: TestApp) {
        let seed = seed_article(&app).await;
        let path = format!("/api/v1/articles/{}", seed.id);
        let first = app.get(&path).await;
        let etag = first.header("etag").expect("an ETag").to_owned();
        assert!(first.header("cache-control").unwrap().contains("public"));
        let again = TestApp::read(app.client.get(app.url(&path)).header(header::IF_NONE_MATCH, &etag)).await;
        assert_eq!(again.status, 304);
        assert!(again.text.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));

        // A change gives a new tag.
        let editor = app.editor_token().await;
        let new_summary = ArticlePatch { summary: Some("新的摘要".into()), ..Default::default() };
        app.api_as(&editor).update_article(seed.id, &new_summary).await.ok();
        let changed = TestApp::read(app.client.get(app.url(&path)).header(header::IF_NONE_MATCH, &etag)).await;
        assert_eq!(changed.status, 200);
        assert_ne!(changed.header("etag"), Some(etag.as_str()));

        // Logged-in reads may hold drafts: never publicly cacheable.
        let private = app.get_as(&path, &editor).await;
        assert!(private.header("cache-control").unwrap().contains("private"));
        for list in ["/api/v1/articles", "/api/v1/categories", "/api/v1/friend-links", "/api/v1/site"] {
            let reply = app.get(list).await;
            let etag = reply.header("etag").unwrap().to_owned();
            let again = TestApp::read(app.client.get(app.url(list)).header(header::IF_NONE_MATCH, etag)).await;
            assert_eq!(again.status, 304, "{list}");
        }
    }

    async fn public_reads_are_open_to_other_origins(app: TestApp) {
        let reply = TestApp::read(
            app.client.get(app.url("/api/v1/articles")).header(header::ORIGIN, "https://news.example.org"),
        )
        .await;
        assert_eq!(reply.status, 200);
        assert!(reply.header("access-control-allow-origin").is_some());
        let exposed = reply.header("access-control-expose-headers").unwrap().to_ascii_lowercase();
        assert!(exposed.contains("x-total-count") && exposed.contains("etag"), "{exposed}");
    }

    async fn previous_and_next_stay_in_the_category(app: TestApp) {
        let newest = app
            .api()
            .list_articles(&ArticleListQuery {
                category: Some("xinzhou".into()),
                include_descendants: Some(false),
                per_page: Some(3),
                ..query()
            })
            .await
            .ok();
        let ids: Vec<i32> = newest.items.iter().map(|item| item.id).collect();
        let middle = app.api().get_article(ids[1]).await.ok();
        assert_eq!(neighbour_id(&middle.next), Some(ids[0]));
        assert_eq!(neighbour_id(&middle.previous), Some(ids[2]));
        let first = app.api().get_article(ids[0]).await.ok();
        assert!(first.next.is_none());
    }

    async fn neighbours_skip_hidden_articles_and_break_ties_by_id(app: TestApp) {
        let admin = app.admin_token().await;
        let as_admin = app.api_as(&admin);
        let category = as_admin
            .create_category(&category("邻文测试", "neighbours", None))
            .await
            .ok_with(201);
        let category_id = category.category.id;
        let write = |article: NewArticle| {
            let as_admin = &as_admin;
            async move {
                let article = NewArticle { body: "<p>正文</p>".into(), ..article };
                as_admin.create_article(&article).await.ok_with(201).id
            }
        };
        let at = |title: &str, time: DateTime<Utc>| NewArticle {
            published_at: Some(time),
            ..published(title, category_id)
        };
        let oldest = write(at("最早", "2026-01-01T08:00:00Z".parse().unwrap())).await;
        let _draft = write(draft("草稿", category_id)).await;
        let twin_a = write(at("同时甲", "2026-02-01T08:00:00Z".parse().unwrap())).await;
        let twin_b = write(at("同时乙", "2026-02-01T08:00:00Z".parse().unwrap())).await;
        let _scheduled = write(at("定时", Utc::now() + Duration::days(1))).await;

        let read = |id: i32| {
            let app = &app;
            async move { app.api().get_article(id).await.ok() }
        };
        let first = read(oldest).await;
        assert!(first.previous.is_none());
        assert_eq!(neighbour_id(&first.next), Some(twin_a));
        let middle = read(twin_a).await;
        assert_eq!(neighbour_id(&middle.previous), Some(oldest));
        assert_eq!(neighbour_id(&middle.next), Some(twin_b));
        assert_eq!(middle.next.as_ref().map(|link| link.title.as_str()), Some("同时乙"));
        let last = read(twin_b).await;
        assert_eq!(neighbour_id(&last.previous), Some(twin_a));
        assert!(last.next.is_none(), "the scheduled article is not a neighbour yet");
    }
}
