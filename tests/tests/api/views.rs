//! The view beacon and the hit counter behind it.

use chrono::{TimeZone, Utc};
use portal_backend::hits::ClientInfo;
use portal_tests::{on_every_database, TestApp};
use serde_json::json;

/// A desktop browser; `n` makes each one a different visitor.
fn browser(n: usize) -> String {
    format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.{n}.0 Safari/537.36")
}

async fn newest_article(app: &TestApp) -> i64 {
    app.get("/api/v1/articles?per_page=1").await.json()["items"][0]["id"]
        .as_i64()
        .unwrap()
}

async fn stored_hits(app: &TestApp, id: i64) -> i64 {
    let editor = app.admin_token().await;
    app.get_as(&format!("/api/v1/articles/{id}"), &editor)
        .await
        .json()["hits"]
        .as_i64()
        .unwrap()
}

on_every_database! {
    async fn concurrent_views_are_counted_exactly_once_flushed(app: TestApp) {
        let id = newest_article(&app).await;
        let before = stored_hits(&app, id).await;
        // 40 browsers on one address: under the per-address cap (50), each a reader.
        let views = (0..40).map(|n| {
            let app = &app;
            async move { app.view(id, &browser(n)).await }
        });
        let replies = futures::future::join_all(views).await;
        for reply in &replies {
            assert_eq!(reply.status, 200, "{}", reply.text);
            assert_eq!(reply.header("cache-control"), Some("no-store"));
            assert_eq!(reply.json()["counted"], true);
        }
        let highest = replies.iter().map(|r| r.json()["hits"].as_i64().unwrap()).max().unwrap();
        assert_eq!(highest, before + 40, "the beacon answers the live count");

        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before + 40);
        let admin = app.admin_token().await;
        let summary = app.get_as("/api/v1/stats/summary", &admin).await.json();
        assert_eq!(summary["today_hits"], 40);
        assert_eq!(summary["visitors_today"], 40);
        // Flushing again adds nothing.
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before + 40);
    }

    async fn one_address_rotating_its_user_agent_counts_at_most_the_cap(app: TestApp) {
        let id = newest_article(&app).await;
        let before = stored_hits(&app, id).await;
        let mut counted = 0;
        for n in 0..200 {
            let reply = app.view(id, &browser(1000 + n)).await;
            assert_eq!(reply.status, 200, "{}", reply.text);
            counted += usize::from(reply.json()["counted"] == true);
        }
        assert_eq!(counted, 50, "PORTAL_VIEWS_PER_ADDRESS defaults to 50");
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before + 50);
        // Another article from the same address is counted on its own.
        let other = app.get("/api/v1/articles?per_page=2").await.json()["items"][1]["id"].as_i64().unwrap();
        assert_eq!(app.view(other, &browser(5000)).await.json()["counted"], true);
    }

    async fn a_beacon_from_another_site_or_from_no_page_counts_nothing(app: TestApp) {
        let id = newest_article(&app).await;
        let before = stored_hits(&app, id).await;
        let beacon = |origin: Option<&'static str>, referer: Option<&'static str>| {
            let mut request = app
                .client
                .post(app.url(&format!("/api/v1/articles/{id}/views")))
                .header(reqwest::header::USER_AGENT, browser(77));
            if let Some(origin) = origin {
                request = request.header(reqwest::header::ORIGIN, origin);
            }
            if let Some(referer) = referer {
                request = request.header(reqwest::header::REFERER, referer);
            }
            TestApp::read(request)
        };
        let foreign = beacon(Some("https://evil.example.com"), None).await;
        assert_eq!(foreign.status, 200, "{}", foreign.text);
        assert_eq!(foreign.json()["counted"], false);
        assert_eq!(beacon(None, Some("https://evil.example.com/page")).await.json()["counted"], false);
        assert_eq!(beacon(None, None).await.json()["counted"], false, "no page named: a script, not a reader");
        assert_eq!(beacon(Some("null"), None).await.json()["counted"], false);
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before);
        // The same visitor from the site's own page counts.
        assert_eq!(app.view(id, &browser(77)).await.json()["counted"], true);
    }

    async fn reading_an_article_never_counts_a_view(app: TestApp) {
        let id = newest_article(&app).await;
        for _ in 0..3 {
            app.get(&format!("/api/v1/articles/{id}")).await;
        }
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, 0);
    }

    async fn robots_and_reloads_are_not_counted_but_show_in_raw_numbers(app: TestApp) {
        let id = newest_article(&app).await;
        assert_eq!(app.view(id, &browser(1)).await.json()["counted"], true);
        assert_eq!(app.view(id, &browser(1)).await.json()["counted"], false, "a reload");
        for robot in [
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "curl/8.5.0",
            "",
        ] {
            let reply = app.view(id, robot).await;
            assert_eq!(reply.status, 200);
            assert_eq!(reply.json()["counted"], false, "{robot}");
        }
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, 1);

        let admin = app.admin_token().await;
        let series = app.get_as(&format!("/api/v1/stats/daily?article_id={id}"), &admin).await.json();
        let today = series["days"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(today["hits"], 1);
        assert_eq!(today["raw_hits"], 6);
        let editor = app.editor_token().await;
        let series = app.get_as(&format!("/api/v1/stats/daily?article_id={id}"), &editor).await.json();
        assert!(series["days"][0]["raw_hits"].is_null(), "raw numbers are for admins");
    }

    async fn a_prefetch_is_no_view_even_from_a_known_visitor_and_a_visitor_is_listed_once(app: TestApp) {
        let newest = app.get("/api/v1/articles?per_page=2").await.json();
        let (first, second) = (newest["items"][0]["id"].as_i64().unwrap(), newest["items"][1]["id"].as_i64().unwrap());
        let prefetch = |id: i64| {
            TestApp::read(
                app.client
                    .post(app.url(&format!("/api/v1/articles/{id}/views")))
                    .header(reqwest::header::USER_AGENT, browser(7))
                    .header("Sec-Purpose", "prefetch;prerender"),
            )
        };
        assert_eq!(prefetch(first).await.json()["counted"], false, "a prefetch before any view");
        assert_eq!(app.view(first, &browser(7)).await.json()["counted"], true, "the prefetch held no window");
        assert_eq!(prefetch(second).await.json()["counted"], false, "a known visitor's prefetch");
        assert_eq!(app.view(second, &browser(7)).await.json()["counted"], true);
        assert_eq!(app.view(first, &browser(8)).await.json()["counted"], true);
        app.flush_hits().await;

        let admin = app.admin_token().await;
        let summary = app.get_as("/api/v1/stats/summary", &admin).await.json();
        assert_eq!(summary["today_hits"], 3);
        assert_eq!(summary["visitors_today"], 2, "two visitors, however many views");
    }

    async fn unknown_draft_and_scheduled_articles_count_nothing(app: TestApp) {
        let editor = app.editor_token().await;
        let category_id = app.category_id("xinzhou").await;
        let draft = app
            .post("/api/v1/articles", Some(&editor), &json!({"title": "草稿", "category_id": category_id}))
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        let tomorrow = (Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let scheduled = app
            .post(
                "/api/v1/articles",
                Some(&editor),
                &json!({"title": "定时", "category_id": category_id, "status": "published", "published_at": tomorrow}),
            )
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        for id in [draft, scheduled, 987_654] {
            app.view(id, &browser(7)).await.assert_problem(404, "not_found");
        }
        // Editors can see these articles: for them they exist, but count nothing either.
        for id in [draft, scheduled] {
            let reply = TestApp::read(
                app.client
                    .post(app.url(&format!("/api/v1/articles/{id}/views")))
                    .bearer_auth(&editor)
                    .header(reqwest::header::USER_AGENT, browser(8)),
            )
            .await;
            reply.assert_problem(409, "not_public");
        }
        app.flush_hits().await;
        assert_eq!(app.hits.pending(), (0, 0));
        let admin = app.admin_token().await;
        let summary = app.get_as("/api/v1/stats/summary", &admin).await.json();
        assert_eq!(summary["total_hits"], 0);
    }

    async fn day_buckets_roll_over_at_the_sites_midnight(app: TestApp) {
        let id = newest_article(&app).await;
        let agents = [browser(1), browser(2)];
        let reader = |n: u8| ClientInfo {
            ip: std::net::IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, n)),
            user_agent: &agents[usize::from(n) - 1],
            marked_as_no_view: false,
        };
        // 23:59:59 and 00:00:00 in Asia/Shanghai.
        let before_midnight = Utc.with_ymd_and_hms(2026, 11, 27, 15, 59, 59).unwrap();
        let after_midnight = Utc.with_ymd_and_hms(2026, 11, 27, 16, 0, 0).unwrap();
        app.hits.record_view(id as i32, &reader(1), before_midnight).await.unwrap();
        app.hits.record_view(id as i32, &reader(2), after_midnight).await.unwrap();
        app.flush_hits().await;
        let admin = app.admin_token().await;
        let series = app
            .get_as(&format!("/api/v1/stats/daily?article_id={id}&from=2026-11-26&to=2026-11-29"), &admin)
            .await
            .json();
        let hits: Vec<i64> = series["days"].as_array().unwrap().iter().map(|d| d["hits"].as_i64().unwrap()).collect();
        assert_eq!(hits, [0, 1, 1, 0], "days with no views appear as zero");
        assert_eq!(series["total"], 2);
    }

    async fn most_read_lists_follow_the_period_and_category(app: TestApp) {
        let list = app.get("/api/v1/articles?category=xinzhou&include_descendants=false&per_page=2").await.json();
        let first = list["items"][0]["id"].as_i64().unwrap();
        let second = list["items"][1]["id"].as_i64().unwrap();
        for n in 0..3 {
            app.view(first, &browser(n)).await;
        }
        app.view(second, &browser(9)).await;
        app.flush_hits().await;

        let week = app.get("/api/v1/stats/most-read?period=week&limit=5").await.json();
        let ids: Vec<i64> = week.as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [first, second]);
        assert_eq!(week[0]["hits"], 3);
        assert_eq!(week[0]["category"]["slug"], "xinzhou");
        let in_parent = app.get("/api/v1/stats/most-read?period=all&category=pufa-dongtai").await.json();
        assert_eq!(in_parent.as_array().unwrap().len(), 2, "descendants included");
        let elsewhere = app.get("/api/v1/stats/most-read?period=day&category=tongzhi-gonggao").await;
        assert!(elsewhere.status == 200 || elsewhere.status == 404, "{}", elsewhere.text);
        app.get("/api/v1/stats/most-read?limit=0").await.assert_problem(400, "bad_request");
        app.get("/api/v1/stats/most-read?period=year").await.assert_problem(400, "bad_request");

        let admin = app.admin_token().await;
        let categories = app.get_as("/api/v1/stats/categories", &admin).await.json();
        let parent = categories.as_array().unwrap().iter().find(|c| c["category"]["slug"] == "pufa-dongtai").unwrap();
        assert_eq!(parent["hits"], 4);
        assert_eq!(parent["own_hits"], 0);
    }

    async fn statistics_beyond_most_read_are_for_staff(app: TestApp) {
        for path in ["/api/v1/stats/summary", "/api/v1/stats/daily", "/api/v1/stats/categories"] {
            app.get(path).await.assert_problem(401, "unauthorized");
        }
        let editor = app.editor_token().await;
        assert_eq!(app.get_as("/api/v1/stats/summary", &editor).await.status, 200);
        let backwards = app.get_as("/api/v1/stats/daily?from=2026-11-02&to=2026-11-01", &editor).await.json();
        assert!(backwards["days"].as_array().unwrap().is_empty());
        let long = app.get_as("/api/v1/stats/daily?from=2020-01-01&to=2026-11-01", &editor).await.json();
        assert_eq!(long["from"], "2025-11-01", "shortened to 366 days");
        assert_eq!(long["days"].as_array().unwrap().len(), 366);
        app.get_as("/api/v1/stats/daily?from=yesterday", &editor).await.assert_problem(400, "bad_request");
        app.get_as("/api/v1/stats/daily?article_id=987654", &editor).await.assert_problem(404, "not_found");
        let series = app.get_as("/api/v1/stats/daily", &editor).await.json();
        assert_eq!(series["days"].as_array().unwrap().len(), 30);
    }
}
