//! The view beacon and the hit counter behind it.

use chrono::{Duration, TimeZone, Utc};
use portal_api::{
    ArticleListQuery, DailyQuery, ErrorCode, MostReadQuery, NewArticle, StatsPeriod, ViewRecorded,
};
use portal_backend::hits::ClientInfo;
use portal_tests::{draft, on_every_database, published, Reply, TestApp};

/// A desktop browser; `n` makes each one a different visitor.
fn browser(n: usize) -> String {
    format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.{n}.0 Safari/537.36")
}

/// The ids of the public articles `query` lists, in its order.
async fn newest_articles(app: &TestApp, query: ArticleListQuery) -> Vec<i32> {
    let page = app.api().list_articles(&query).await.ok();
    page.items.iter().map(|item| item.id).collect()
}

async fn newest_article(app: &TestApp) -> i32 {
    newest_articles(
        app,
        ArticleListQuery {
            per_page: Some(1),
            ..Default::default()
        },
    )
    .await[0]
}

async fn stored_hits(app: &TestApp, id: i32) -> i64 {
    let admin = app.admin_token().await;
    app.api_as(&admin).get_article(id).await.ok().hits
}

/// Whether the beacon counted: `reply` is a beacon sent with headers of the test's own.
fn counted(reply: &Reply) -> bool {
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.parse::<ViewRecorded>().counted
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
        let answers = futures::future::join_all(views).await;
        let mut highest = 0;
        for answer in answers {
            assert_eq!(answer.header("cache-control"), Some("no-store"));
            let recorded = answer.ok();
            assert!(recorded.counted);
            highest = highest.max(recorded.hits);
        }
        assert_eq!(highest, before + 40, "the beacon answers the live count");

        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before + 40);
        let admin = app.admin_token().await;
        let summary = app.api_as(&admin).summary().await.ok();
        assert_eq!(summary.today_hits, 40);
        assert_eq!(summary.visitors_today, 40);
        // Flushing again adds nothing.
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before + 40);
    }

    async fn one_address_rotating_its_user_agent_counts_at_most_the_cap(app: TestApp) {
        let id = newest_article(&app).await;
        let before = stored_hits(&app, id).await;
        let mut counted = 0;
        for n in 0..200 {
            counted += usize::from(app.view(id, &browser(1000 + n)).await.ok().counted);
        }
        assert_eq!(counted, 50, "PORTAL_VIEWS_PER_ADDRESS defaults to 50");
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before + 50);
        // Another article from the same address is counted on its own.
        let other = newest_articles(&app, ArticleListQuery { per_page: Some(2), ..Default::default() }).await[1];
        assert!(app.view(other, &browser(5000)).await.ok().counted);
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
        assert!(!counted(&beacon(Some("https://evil.example.com"), None).await));
        assert!(!counted(&beacon(None, Some("https://evil.example.com/page")).await));
        assert!(!counted(&beacon(None, None).await), "no page named: a script, not a reader");
        assert!(!counted(&beacon(Some("null"), None).await));
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, before);
        // The same visitor from the site's own page counts.
        assert!(app.view(id, &browser(77)).await.ok().counted);
    }

    async fn reading_an_article_never_counts_a_view(app: TestApp) {
        let id = newest_article(&app).await;
        for _ in 0..3 {
            app.api().get_article(id).await.ok();
        }
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, 0);
    }

    async fn robots_and_reloads_are_not_counted_but_show_in_raw_numbers(app: TestApp) {
        let id = newest_article(&app).await;
        assert!(app.view(id, &browser(1)).await.ok().counted);
        assert!(!app.view(id, &browser(1)).await.ok().counted, "a reload");
        for robot in [
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "curl/8.5.0",
            "",
        ] {
            assert!(!app.view(id, robot).await.ok().counted, "{robot}");
        }
        app.flush_hits().await;
        assert_eq!(stored_hits(&app, id).await, 1);

        let admin = app.admin_token().await;
        let of_article = DailyQuery { article_id: Some(id), ..Default::default() };
        let series = app.api_as(&admin).daily(&of_article).await.ok();
        let today = series.days.last().unwrap();
        assert_eq!(today.hits, 1);
        assert_eq!(today.raw_hits, Some(6));
        let editor = app.editor_token().await;
        let series = app.api_as(&editor).daily(&of_article).await.ok();
        assert!(series.days[0].raw_hits.is_none(), "raw numbers are for admins");
    }

    async fn a_prefetch_is_no_view_even_from_a_known_visitor_and_a_visitor_is_listed_once(app: TestApp) {
        let newest = newest_articles(&app, ArticleListQuery { per_page: Some(2), ..Default::default() }).await;
        let (first, second) = (newest[0], newest[1]);
        let prefetch = |id: i32| {
            TestApp::read(
                app.client
                    .post(app.url(&format!("/api/v1/articles/{id}/views")))
                    .header(reqwest::header::USER_AGENT, browser(7))
                    .header("Sec-Purpose", "prefetch;prerender"),
            )
        };
        assert!(!counted(&prefetch(first).await), "a prefetch before any view");
        assert!(app.view(first, &browser(7)).await.ok().counted, "the prefetch held no window");
        assert!(!counted(&prefetch(second).await), "a known visitor's prefetch");
        assert!(app.view(second, &browser(7)).await.ok().counted);
        assert!(app.view(first, &browser(8)).await.ok().counted);
        app.flush_hits().await;

        let admin = app.admin_token().await;
        let summary = app.api_as(&admin).summary().await.ok();
        assert_eq!(summary.today_hits, 3);
        assert_eq!(summary.visitors_today, 2, "two visitors, however many views");
    }

    async fn unknown_draft_and_scheduled_articles_count_nothing(app: TestApp) {
        let editor = app.editor_token().await;
        let category_id = app.category_id("xinzhou").await;
        let as_editor = app.api_as(&editor);
        let draft = as_editor.create_article(&draft("草稿", category_id)).await.ok_with(201).id;
        let scheduled = as_editor
            .create_article(&NewArticle {
                published_at: Some(Utc::now() + Duration::days(1)),
                ..published("定时", category_id)
            })
            .await
            .ok_with(201)
            .id;
        for id in [draft, scheduled, 987_654] {
            app.view(id, &browser(7)).await.problem(404, ErrorCode::NotFound);
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
        assert_eq!(app.api_as(&admin).summary().await.ok().total_hits, 0);
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
        app.hits.record_view(id, &reader(1), before_midnight).await.unwrap();
        app.hits.record_view(id, &reader(2), after_midnight).await.unwrap();
        app.flush_hits().await;
        let admin = app.admin_token().await;
        let four_days = DailyQuery {
            article_id: Some(id),
            from: Some("2026-11-26".parse().unwrap()),
            to: Some("2026-11-29".parse().unwrap()),
        };
        let series = app.api_as(&admin).daily(&four_days).await.ok();
        let hits: Vec<i64> = series.days.iter().map(|day| day.hits).collect();
        assert_eq!(hits, [0, 1, 1, 0], "days with no views appear as zero");
        assert_eq!(series.total, 2);
    }

    async fn most_read_lists_follow_the_period_and_category(app: TestApp) {
        let list = newest_articles(
            &app,
            ArticleListQuery {
                category: Some("xinzhou".into()),
                include_descendants: Some(false),
                per_page: Some(2),
                ..Default::default()
            },
        )
        .await;
        let (first, second) = (list[0], list[1]);
        for n in 0..3 {
            assert!(app.view(first, &browser(n)).await.ok().counted);
        }
        assert!(app.view(second, &browser(9)).await.ok().counted);
        app.flush_hits().await;

        let most_read = |period, category: Option<&str>, limit| MostReadQuery {
            period: Some(period),
            category: category.map(str::to_owned),
            limit,
        };
        let week = app.api().most_read(&most_read(StatsPeriod::Week, None, Some(5))).await.ok();
        let ids: Vec<i32> = week.iter().map(|article| article.id).collect();
        assert_eq!(ids, [first, second]);
        assert_eq!(week[0].hits, 3);
        assert_eq!(week[0].category.slug, "xinzhou");
        let in_parent = app.api().most_read(&most_read(StatsPeriod::All, Some("pufa-dongtai"), None)).await.ok();
        assert_eq!(in_parent.len(), 2, "descendants included");
        let elsewhere = app.api().most_read(&most_read(StatsPeriod::Day, Some("tongzhi-gonggao"), None)).await;
        assert!(elsewhere.status == 200 || elsewhere.status == 404, "{elsewhere:?}");
        // Values the typed query cannot hold.
        app.get("/api/v1/stats/most-read?limit=0").await.assert_problem(400, "bad_request");
        app.get("/api/v1/stats/most-read?period=year").await.assert_problem(400, "bad_request");

        let admin = app.admin_token().await;
        let categories = app.api_as(&admin).per_category().await.ok();
        let parent = categories.iter().find(|c| c.category.slug == "pufa-dongtai").unwrap();
        assert_eq!(parent.hits, 4);
        assert_eq!(parent.own_hits, 0);
    }

    async fn statistics_beyond_most_read_are_for_staff(app: TestApp) {
        app.api().summary().await.problem(401, ErrorCode::Unauthorized);
        app.api().daily(&DailyQuery::default()).await.problem(401, ErrorCode::Unauthorized);
        app.api().per_category().await.problem(401, ErrorCode::Unauthorized);
        let editor = app.editor_token().await;
        let as_editor = app.api_as(&editor);
        as_editor.summary().await.ok();
        let between = |from: &str, to: &str| DailyQuery {
            from: Some(from.parse().unwrap()),
            to: Some(to.parse().unwrap()),
            article_id: None,
        };
        let backwards = as_editor.daily(&between("2026-11-02", "2026-11-01")).await.ok();
        assert!(backwards.days.is_empty());
        let long = as_editor.daily(&between("2020-01-01", "2026-11-01")).await.ok();
        assert_eq!(long.from.to_string(), "2025-11-01", "shortened to 366 days");
        assert_eq!(long.days.len(), 366);
        app.get_as("/api/v1/stats/daily?from=yesterday", &editor).await.assert_problem(400, "bad_request");
        as_editor
            .daily(&DailyQuery { article_id: Some(987654), ..Default::default() })
            .await
            .problem(404, ErrorCode::NotFound);
        assert_eq!(as_editor.daily(&DailyQuery::default()).await.ok().days.len(), 30);
    }
}
