use chrono::{Duration, Utc};
use portal_tests::{on_every_database, TestApp};
use reqwest::header;
use serde_json::{json, Value};

const SEED_TITLE: &str = "【示例】新洲区委政研室“七五”普法工作总结";

async fn seed_article(app: &TestApp) -> Value {
    let list = app
        .get(&format!(
            "/api/v1/articles?category=xinzhou&q={}",
            urlencode(SEED_TITLE)
        ))
        .await
        .json();
    let id = list["items"][0]["id"]
        .as_i64()
        .expect("the seed article is listed");
    app.get(&format!("/api/v1/articles/{id}")).await.json()
}

fn urlencode(value: &str) -> String {
    value.bytes().map(|b| format!("%{b:02X}")).collect()
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_owned())
        .collect()
}

on_every_database! {
    async fn the_seed_article_reads_as_on_the_seed_page(app: TestApp) {
        let article = seed_article(&app).await;
        assert_eq!(article["title"], SEED_TITLE);
        // 2021-07-26 09:38 in Asia/Shanghai.
        assert_eq!(article["published_at"], "2021-07-26T01:38:00Z");
        let path: Vec<&str> =
            article["category_path"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(path, ["普法动态", "新洲区"]);
        let body = article["body"].as_str().unwrap();
        assert!(body.contains("区委政研室自2019年成立以来"));
        assert!(body.contains("努力实现普法教育全覆盖"));
        assert!(body.starts_with("<p class=\"demo-note\"><strong>【示例】</strong>"), "marked as an example: {body}");
        assert!(article["previous"].is_object() || article["next"].is_object());
    }

    async fn a_category_list_is_newest_first_and_paginated(app: TestApp) {
        let first = app.get("/api/v1/articles?category=pufa-dongtai&per_page=10").await;
        assert_eq!(first.status, 200);
        let page = first.json();
        let total = page["total"].as_u64().unwrap();
        assert!(total > 30, "several pages of demo content: {total}");
        assert_eq!(first.header("x-total-count"), Some(total.to_string().as_str()));
        assert_eq!(page["items"].as_array().unwrap().len(), 10);
        assert_eq!(page["total_pages"].as_u64().unwrap(), total.div_ceil(10));
        assert!(first.header("link").unwrap().contains("rel=\"next\""));

        let times: Vec<&str> =
            page["items"].as_array().unwrap().iter().map(|i| i["published_at"].as_str().unwrap()).collect();
        let mut sorted = times.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(times, sorted, "newest first");

        let second = app.get("/api/v1/articles?category=pufa-dongtai&per_page=10&page=2").await.json();
        assert!(titles(&page).iter().all(|t| !titles(&second).contains(t)), "pages do not overlap");

        let only_parent = app
            .get("/api/v1/articles?category=pufa-dongtai&include_descendants=false")
            .await
            .json();
        assert!(only_parent["total"].as_u64().unwrap() < total);

        let oldest = app.get("/api/v1/articles?category=xinzhou&sort=oldest&per_page=1").await.json();
        let newest = app.get("/api/v1/articles?category=xinzhou&per_page=1").await.json();
        assert!(oldest["items"][0]["published_at"].as_str() < newest["items"][0]["published_at"].as_str());
    }

    async fn bad_pagination_is_a_bad_request(app: TestApp) {
        for query in ["per_page=0", "per_page=101", "page=0", "page=abc", "per_page=-1", "sort=sideways", "include_descendants=maybe"] {
            app.get(&format!("/api/v1/articles?{query}")).await.assert_problem(400, "bad_request");
        }
        app.get("/api/v1/articles?category=no-such-section").await.assert_problem(404, "not_found");
        let beyond = app.get("/api/v1/articles?page=999").await;
        assert_eq!(beyond.status, 200);
        assert!(beyond.json()["items"].as_array().unwrap().is_empty());
    }

    async fn drafts_and_scheduled_articles_stay_hidden_from_the_public(app: TestApp) {
        let editor = app.editor_token().await;
        let category_id = app.category_id("xinzhou").await;
        let draft = app
            .post("/api/v1/articles", Some(&editor), &json!({"title": "草稿文章", "category_id": category_id, "body": "<p>草稿</p>"}))
            .await;
        assert_eq!(draft.status, 201, "{}", draft.text);
        assert_eq!(draft.json()["status"], "draft");
        let draft_id = draft.json()["id"].as_i64().unwrap();

        let tomorrow = (Utc::now() + Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let scheduled = app
            .post(
                "/api/v1/articles",
                Some(&editor),
                &json!({"title": "定时文章", "category_id": category_id, "body": "<p>明天发布</p>", "status": "published", "published_at": tomorrow}),
            )
            .await;
        assert_eq!(scheduled.status, 201, "{}", scheduled.text);
        let scheduled_id = scheduled.json()["id"].as_i64().unwrap();

        for id in [draft_id, scheduled_id] {
            app.get(&format!("/api/v1/articles/{id}")).await.assert_problem(404, "not_found");
            assert_eq!(app.get_as(&format!("/api/v1/articles/{id}"), &editor).await.status, 200);
        }
        let public = app.get("/api/v1/articles?category=xinzhou&per_page=100").await.json();
        assert!(!titles(&public).iter().any(|t| t == "草稿文章" || t == "定时文章"));
        let search = app.get(&format!("/api/v1/articles?q={}", urlencode("定时文章"))).await.json();
        assert_eq!(search["total"], 0);

        app.get("/api/v1/articles?status=draft").await.assert_problem(401, "unauthorized");
        let drafts = app.get_as("/api/v1/articles?status=draft", &editor).await.json();
        assert_eq!(titles(&drafts), ["草稿文章"]);
        let planned = app.get_as("/api/v1/articles?status=scheduled", &editor).await.json();
        assert_eq!(titles(&planned), ["定时文章"]);

        // Publishing the draft makes it public at once.
        let published = app
            .patch(&format!("/api/v1/articles/{draft_id}"), Some(&editor), &json!({"status": "published"}))
            .await;
        assert_eq!(published.status, 200, "{}", published.text);
        assert!(published.json()["published_at"].is_string());
        assert_eq!(app.get(&format!("/api/v1/articles/{draft_id}")).await.status, 200);
        let newest = app.get("/api/v1/articles?category=xinzhou&per_page=1").await.json();
        assert_eq!(titles(&newest), ["草稿文章"]);

        // Archiving hides it again.
        app.patch(&format!("/api/v1/articles/{draft_id}"), Some(&editor), &json!({"status": "archived"})).await;
        app.get(&format!("/api/v1/articles/{draft_id}")).await.assert_problem(404, "not_found");
    }

    async fn an_editor_writes_pins_and_deletes_an_article(app: TestApp) {
        let editor = app.editor_token().await;
        let category_id = app.category_id("xinzhou").await;
        let created = app
            .post(
                "/api/v1/articles",
                Some(&editor),
                &json!({
                    "title": "  民法典进社区  ",
                    "category_id": category_id,
                    "body": "<p onclick=\"x()\">宣传<script>alert(1)</script>民法典</p><a href=\"javascript:alert(1)\">链接</a>",
                    "source": "新洲区司法局",
                    "author": "普法办",
                    "status": "published"
                }),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let article = created.json();
        let id = article["id"].as_i64().unwrap();
        assert_eq!(created.header("location"), Some(format!("/api/v1/articles/{id}").as_str()));
        assert_eq!(article["title"], "民法典进社区", "titles are trimmed");
        let body = article["body"].as_str().unwrap();
        assert!(!body.contains("script") && !body.contains("onclick") && !body.contains("javascript"), "{body}");
        assert!(body.contains("宣传民法典"));
        assert_eq!(article["summary"], "宣传民法典 链接", "derived from the body");
        assert_eq!(article["hits"], 0);
        assert_eq!(article["category_path"][1]["slug"], "xinzhou");

        let pinned = app.patch(&format!("/api/v1/articles/{id}"), Some(&editor), &json!({"pinned": true})).await;
        assert_eq!(pinned.json()["pinned"], true);
        assert_eq!(pinned.json()["title"], "民法典进社区", "untouched fields stay");
        let featured = app.get("/api/v1/articles?pinned=true&per_page=100").await.json();
        assert!(titles(&featured).contains(&"民法典进社区".to_owned()));

        assert_eq!(app.delete(&format!("/api/v1/articles/{id}"), Some(&editor)).await.status, 204);
        app.get_as(&format!("/api/v1/articles/{id}"), &editor).await.assert_problem(404, "not_found");
    }

    async fn clients_cannot_set_server_owned_fields(app: TestApp) {
        let editor = app.editor_token().await;
        let category_id = app.category_id("xinzhou").await;
        for field in [json!({"hits": 1000}), json!({"id": 1}), json!({"created_at": "2020-01-01T00:00:00Z"})] {
            let mut body = json!({"title": "t", "category_id": category_id});
            body.as_object_mut().unwrap().extend(field.as_object().unwrap().clone());
            let problem = app.post("/api/v1/articles", Some(&editor), &body).await.assert_problem(422, "invalid_body");
            assert!(problem["detail"].as_str().unwrap().contains("unknown field"), "{problem}");
        }
        let seed = seed_article(&app).await;
        let id = seed["id"].as_i64().unwrap();
        app.patch(&format!("/api/v1/articles/{id}"), Some(&editor), &json!({"hits": 5}))
            .await
            .assert_problem(422, "invalid_body");
        assert_eq!(app.get(&format!("/api/v1/articles/{id}")).await.json()["hits"], seed["hits"]);
    }

    async fn invalid_articles_are_refused_field_by_field(app: TestApp) {
        let editor = app.editor_token().await;
        let problem = app
            .post(
                "/api/v1/articles",
                Some(&editor),
                &json!({"title": "   ", "category_id": 1, "source": "x".repeat(101), "published_at": "0001-01-01T00:00:00Z"}),
            )
            .await
            .assert_problem(422, "validation_failed");
        let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(fields, ["title", "source", "published_at"]);

        let problem = app
            .post("/api/v1/articles", Some(&editor), &json!({"title": "t", "category_id": 424242}))
            .await
            .assert_problem(422, "reference_not_found");
        assert_eq!(problem["errors"][0]["field"], "category_id");
        app.post("/api/v1/articles", Some(&editor), &json!([null, null]))
            .await
            .assert_problem(422, "invalid_body");
        app.post("/api/v1/articles", Some(&editor), &json!({"title": "t", "category_id": 1.5}))
            .await
            .assert_problem(422, "invalid_body");
        app.post("/api/v1/articles", Some(&editor), &json!({"title": "t\u{0}", "category_id": 1}))
            .await
            .assert_problem(422, "validation_failed");
        app.post("/api/v1/articles", Some(&editor), &json!({"title": 5, "category_id": "one"}))
            .await
            .assert_problem(422, "invalid_body");
        app.post("/api/v1/articles", Some(&editor), &json!({"category_id": 1}))
            .await
            .assert_problem(422, "invalid_body");
        app.patch("/api/v1/articles/999999", Some(&editor), &json!({"title": "x"}))
            .await
            .assert_problem(404, "not_found");
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
        let count = app.get_as("/api/v1/articles?status=any", &editor).await.json()["total"].clone();
        let before = app.get("/api/v1/articles").await.json()["total"].clone();
        assert_eq!(count, before, "nothing was stored");
    }

    async fn a_public_read_revalidates_with_its_etag(app: TestApp) {
        let seed = seed_article(&app).await;
        let path = format!("/api/v1/articles/{}", seed["id"]);
        let first = app.get(&path).await;
        let etag = first.header("etag").expect("an ETag").to_owned();
        assert!(first.header("cache-control").unwrap().contains("public"));
        let again = TestApp::read(app.client.get(app.url(&path)).header(header::IF_NONE_MATCH, &etag)).await;
        assert_eq!(again.status, 304);
        assert!(again.text.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));

        // A change gives a new tag.
        let editor = app.editor_token().await;
        app.patch(&path, Some(&editor), &json!({"summary": "新的摘要"})).await;
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
        let newest = app.get("/api/v1/articles?category=xinzhou&include_descendants=false&per_page=3").await.json();
        let middle_id = newest["items"][1]["id"].as_i64().unwrap();
        let middle = app.get(&format!("/api/v1/articles/{middle_id}")).await.json();
        assert_eq!(middle["next"]["id"], newest["items"][0]["id"]);
        assert_eq!(middle["previous"]["id"], newest["items"][2]["id"]);
        let first = app.get(&format!("/api/v1/articles/{}", newest["items"][0]["id"])).await.json();
        assert!(first["next"].is_null());
    }

    async fn neighbours_skip_hidden_articles_and_break_ties_by_id(app: TestApp) {
        let admin = app.admin_token().await;
        let category = app
            .post("/api/v1/categories", Some(&admin), &json!({"name": "邻文测试", "slug": "neighbours"}))
            .await;
        assert_eq!(category.status, 201, "{}", category.text);
        let category_id = category.json()["category"]["id"].clone();
        let write = |title: &'static str, extra: Value| {
            let mut body = json!({"title": title, "category_id": category_id, "body": "<p>正文</p>"});
            body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            let app = &app;
            let admin = admin.clone();
            async move {
                let reply = app.post("/api/v1/articles", Some(&admin), &body).await;
                assert_eq!(reply.status, 201, "{}", reply.text);
                reply.json()["id"].as_i64().unwrap()
            }
        };
        let at = |time: &str| json!({"status": "published", "published_at": time});
        let oldest = write("最早", at("2026-01-01T08:00:00Z")).await;
        let _draft = write("草稿", json!({})).await;
        let twin_a = write("同时甲", at("2026-02-01T08:00:00Z")).await;
        let twin_b = write("同时乙", at("2026-02-01T08:00:00Z")).await;
        let tomorrow = (Utc::now() + Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let _scheduled = write("定时", at(&tomorrow)).await;

        let app = &app;
        let read = |id: i64| async move { app.get(&format!("/api/v1/articles/{id}")).await.json() };
        let first = read(oldest).await;
        assert!(first["previous"].is_null());
        assert_eq!(first["next"]["id"], twin_a);
        let middle = read(twin_a).await;
        assert_eq!(middle["previous"]["id"], oldest);
        assert_eq!(middle["next"]["id"], twin_b);
        assert_eq!(middle["next"]["title"], "同时乙");
        let last = read(twin_b).await;
        assert_eq!(last["previous"]["id"], twin_a);
        assert!(last["next"].is_null(), "the scheduled article is not a neighbour yet");
    }
}
