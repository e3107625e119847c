//! `/api/v1/search` and `/api/v1/search/suggest`: Chinese words, ranking, marks, filters,
//! and an index that follows every write, also another instance's.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use portal_api::{
    ArticleListQuery, ArticlePage, ArticlePatch, ArticleStatus, ArticleStatusFilter, ErrorCode,
    NewArticle, SearchPage, SearchQuery, SearchSort, SuggestQuery,
};
use portal_tests::{draft, on_every_database, published, TestApp};

fn words(q: &str) -> SearchQuery {
    SearchQuery {
        q: q.into(),
        ..Default::default()
    }
}

async fn search(app: &TestApp, q: &str) -> SearchPage {
    app.api().search_articles(&words(q)).await.ok()
}

fn ids(page: &SearchPage) -> Vec<i32> {
    page.items.iter().map(|hit| hit.article.id).collect()
}

fn listed_ids(page: &ArticlePage) -> Vec<i32> {
    page.items.iter().map(|item| item.id).collect()
}

async fn publish(app: &TestApp, token: &str, title: &str, body: &str) -> i32 {
    let category = app.category_id("tongzhi-gonggao").await;
    let article = NewArticle {
        body: body.into(),
        ..published(title, category)
    };
    app.api_as(token)
        .create_article(&article)
        .await
        .ok_with(201)
        .id
}

fn unchanged() -> ArticlePatch {
    ArticlePatch::default()
}

on_every_database! {
    async fn chinese_words_are_found_whole_and_not_across_words(app: TestApp) {
        let token = app.editor_token().await;
        let bridge = publish(&app, &token, "南京市长江大桥普法宣传点启用",
            "<p>南京市长江大桥旁的普法宣传点今天启用。</p>").await;
        assert!(ids(&search(&app, "长江大桥").await).contains(&bridge));
        assert!(ids(&search(&app, "南京").await).contains(&bridge));
        assert!(!ids(&search(&app, "市长").await).contains(&bridge), "市长 is not a word of 南京市长江大桥");
    }

    async fn hits_are_ranked_marked_and_escaped(app: TestApp) {
        let token = app.editor_token().await;
        let in_title = publish(&app, &token, "直播带货<合规>提示",
            "<p>本文介绍合规要点。</p>").await;
        let in_body = publish(&app, &token, "社区工作简报",
            &format!("<p>{}本周社区开展了直播带货法律风险讲座。</p>", "社区日常工作记录。".repeat(30))).await;
        let page = search(&app, "直播带货").await;
        let found = ids(&page);
        let (title_at, body_at) = (
            found.iter().position(|id| *id == in_title).unwrap(),
            found.iter().position(|id| *id == in_body).unwrap(),
        );
        assert!(title_at < body_at, "a title match ranks first: {found:?}");
        let hit = &page.items[title_at];
        // Adjacent marked words are marked as one.
        assert_eq!(hit.title_highlight, "<mark>直播带货</mark>&lt;合规&gt;提示");
        assert!(hit.score > 0.0);
        let snippet = &page.items[body_at].snippet;
        assert!(snippet.contains("<mark>直播带货</mark>"), "{snippet}");
        assert!(snippet.starts_with('…'), "the snippet starts near the match: {snippet}");
        assert!(snippet.chars().count() <= 140, "{snippet}");
        assert_eq!(page.page.total, found.len() as u64);
        assert_eq!(page.terms, ["带", "直播", "货"]);
    }

    async fn phrases_and_exclusions(app: TestApp) {
        let token = app.editor_token().await;
        let together = publish(&app, &token, "垃圾分类宣传周活动", "<p>垃圾分类宣传周在广场举行。</p>").await;
        let apart = publish(&app, &token, "宣传工作与垃圾分类学习", "<p>垃圾分类学习和宣传同步推进。</p>").await;
        let page = search(&app, "\"垃圾分类宣传周\"").await;
        assert!(ids(&page).contains(&together));
        assert!(!ids(&page).contains(&apart));
        let both = ids(&search(&app, "垃圾分类 宣传").await);
        assert!(both.contains(&together) && both.contains(&apart));
        let excluded = ids(&search(&app, "垃圾分类 -广场").await);
        assert!(excluded.contains(&apart) && !excluded.contains(&together));

        // Two-word phrases are looked up as one pair of words standing side by side.
        let pair = search(&app, "\"分类学习\"").await;
        assert_eq!(pair.terms, ["分类", "学习"]);
        assert!(ids(&pair).contains(&apart) && !ids(&pair).contains(&together));
        // Both words are in `apart` (title and body), never side by side in this order.
        let reversed = search(&app, "\"宣传学习\"").await;
        assert_eq!(reversed.terms, ["学习", "宣传"]);
        assert!(!ids(&reversed).contains(&apart) && !ids(&reversed).contains(&together));
        let without_pair = ids(&search(&app, "垃圾分类 -\"分类学习\"").await);
        assert!(without_pair.contains(&together) && !without_pair.contains(&apart));
    }

    async fn only_public_articles_are_found_and_writes_show_at_once(app: TestApp) {
        let token = app.editor_token().await;
        let category = app.category_id("tongzhi-gonggao").await;
        let as_editor = app.api_as(&token);
        let new = NewArticle { body: "<p>诉讼时效</p>".into(), ..draft("草稿里的诉讼时效提示", category) };
        let draft = as_editor.create_article(&new).await.ok_with(201).id;
        assert!(!ids(&search(&app, "诉讼时效").await).contains(&draft));

        // Published: found at once, because the write waits for the index.
        let publish = ArticlePatch { status: Some(ArticleStatus::Published), ..unchanged() };
        as_editor.update_article(draft, &publish).await.ok();
        assert!(ids(&search(&app, "诉讼时效").await).contains(&draft));
        // Edited: found by the new words, not the old.
        let edit = ArticlePatch {
            title: Some("仲裁时效提示".into()),
            body: Some("<p>仲裁时效</p>".into()),
            summary: Some(String::new()),
            ..unchanged()
        };
        as_editor.update_article(draft, &edit).await.ok();
        assert!(ids(&search(&app, "仲裁时效").await).contains(&draft));
        assert!(!ids(&search(&app, "诉讼时效").await).contains(&draft));
        // Archived, then deleted: gone.
        let archive = ArticlePatch { status: Some(ArticleStatus::Archived), ..unchanged() };
        as_editor.update_article(draft, &archive).await.ok();
        assert!(!ids(&search(&app, "仲裁时效").await).contains(&draft));
        as_editor.delete_article(draft).await.ok_with(204);
        assert!(!ids(&search(&app, "仲裁时效").await).contains(&draft));

        // Scheduled: absent until due, then present without another write.
        let due = Utc::now() + chrono::Duration::seconds(3);
        let new = NewArticle {
            body: "<p>人民调解</p>".into(),
            published_at: Some(due),
            ..published("定时发布的调解公告", category)
        };
        let scheduled = as_editor.create_article(&new).await.ok_with(201).id;
        assert!(!ids(&search(&app, "调解公告").await).contains(&scheduled));
        tokio::time::sleep(Duration::from_secs(4)).await;
        assert!(ids(&search(&app, "调解公告").await).contains(&scheduled));
    }

    async fn filters_sorting_and_paging(app: TestApp) {
        let token = app.editor_token().await;
        let category = app.category_id("guojia-falv").await;
        let mut made = Vec::new();
        for (n, day) in ["2024-03-01", "2024-06-01", "2025-01-15"].iter().enumerate() {
            let at: DateTime<Utc> = format!("{day}T02:00:00Z").parse().unwrap();
            let new = NewArticle {
                body: "<p>竞业限制</p>".into(),
                published_at: Some(at),
                ..published(&format!("竞业限制纠纷问答第{}期", n + 1), category)
            };
            made.push(app.api_as(&token).create_article(&new).await.ok_with(201).id);
        }
        let find = |query: SearchQuery| {
            let app = &app;
            async move { app.api().search_articles(&query).await }
        };
        let newest = find(SearchQuery { sort: Some(SearchSort::Newest), ..words("竞业限制") }).await;
        assert_eq!(newest.header("x-total-count"), Some("3"));
        assert_eq!(ids(&newest.ok())[..3], [made[2], made[1], made[0]]);

        let between = |from: &str, to: &str| SearchQuery {
            from: Some(from.parse().unwrap()),
            to: Some(to.parse().unwrap()),
            ..words("竞业限制")
        };
        let ranged = find(between("2024-05-01", "2024-12-31")).await.ok();
        assert_eq!(ids(&ranged), vec![made[1]]);
        // The last day is included, in the site's time zone (10:00 on 2024-03-01 in Shanghai).
        let one_day = find(between("2024-03-01", "2024-03-01")).await.ok();
        assert_eq!(ids(&one_day), vec![made[0]]);

        let paged = find(SearchQuery {
            per_page: Some(2),
            page: Some(2),
            sort: Some(SearchSort::Newest),
            ..words("竞业限制")
        })
        .await;
        assert!(paged.header("link").unwrap_or_default().contains("rel=\"prev\""));
        let paged = paged.ok();
        assert_eq!(ids(&paged), vec![made[0]]);
        assert_eq!(paged.page.total, 3);

        let in_category = |category: &str| SearchQuery { category: Some(category.into()), ..words("竞业限制") };
        assert_eq!(find(in_category("xinzhou")).await.ok().page.total, 0);
        // The parent category includes its children's articles.
        assert_eq!(find(in_category("falv-fagui")).await.ok().page.total, 3);
    }

    async fn bad_searches_get_problem_documents(app: TestApp) {
        // Values the typed query cannot hold go through the untyped request.
        for (query, status, code) in [
            ("/api/v1/search?q=", 400, "bad_request"),
            ("/api/v1/search?q=%20%20", 400, "bad_request"),
            ("/api/v1/search", 400, "bad_request"),
            ("/api/v1/search?q=-%E8%8D%89%E6%A1%88", 400, "bad_request"),
            ("/api/v1/search?q=a&from=yesterday", 400, "bad_request"),
            ("/api/v1/search?q=a&category=no-such-thing", 404, "not_found"),
            ("/api/v1/search?q=a&sort=random", 400, "bad_request"),
            ("/api/v1/search/suggest?q=", 400, "bad_request"),
            ("/api/v1/articles?q=a&sort=most_read", 400, "bad_request"),
        ] {
            app.get(query).await.assert_problem(status, code);
        }
        let long = "法".repeat(101);
        app.api().search_articles(&words(&long)).await.problem(400, ErrorCode::BadRequest);
        app.api()
            .suggest_titles(&SuggestQuery { q: long })
            .await
            .problem(400, ErrorCode::BadRequest);
        // Blank is what the document's pattern calls blank (ECMA-262's `\s`): an ideographic
        // space is, NEL (U+0085) is not, so completing it is an empty answer, not an error.
        app.get("/api/v1/search/suggest?q=%E3%80%80").await.assert_problem(400, "bad_request");
        let nel = app.api().suggest_titles(&SuggestQuery { q: "\u{85}".into() }).await.ok();
        assert!(nel.items.is_empty());
        // Only punctuation, or words found nowhere: an answer, not an error, for the latter.
        assert_eq!(search(&app, "量子引力弦论").await.page.total, 0);
        // A range that ends before it starts finds nothing; dates past tantivy's span
        // (1677 to 2262) are held at its edges rather than overflowing.
        let day = |date: &str| Some(date.parse().unwrap());
        for (from, to) in [(day("2025-02-01"), day("2025-01-01")), (None, day("0193-02-12")), (day("9444-03-28"), None)] {
            let range = SearchQuery { from, to, ..words("民法典") };
            assert_eq!(app.api().search_articles(&range).await.ok().page.total, 0, "{range:?}");
        }
        let all_time = SearchQuery { from: day("0193-02-12"), to: day("9444-03-28"), ..words("民法典") };
        assert_eq!(
            app.api().search_articles(&all_time).await.ok().page.total,
            search(&app, "民法典").await.page.total
        );
    }

    async fn pages_past_the_ranked_depth_are_empty_with_the_exact_total(app: TestApp) {
        let total = search(&app, "法").await.page.total;
        assert!(total > 0);
        let page = |page, per_page| SearchQuery { page: Some(page), per_page: Some(per_page), ..words("法") };
        let deep = app.api().search_articles(&page(241, 12)).await.ok();
        assert!(deep.items.is_empty());
        assert_eq!(deep.page.total, total);
        let last = app.api().search_articles(&page(1000, 1)).await.ok();
        assert_eq!(last.page.total, total);
        // Past the last page that can hold a ranked hit the page is out of range, as the
        // OpenAPI document's maximum says.
        app.api().search_articles(&page(1001, 20)).await.problem(400, ErrorCode::BadRequest);
        let listed = app
            .api()
            .list_articles(&ArticleListQuery {
                q: Some("法".into()),
                page: Some(1_000_000),
                per_page: Some(100),
                ..Default::default()
            })
            .await
            .ok();
        assert!(listed.items.is_empty());
    }

    async fn an_article_dated_beyond_the_index_span_is_still_indexed(app: TestApp) {
        let token = app.editor_token().await;
        let category = app.category_id("tongzhi-gonggao").await;
        for (title, at) in [("示例：远期日期的归档条目", "9444-03-28T00:00:00Z"),
                            ("示例：早年日期的归档条目", "1100-01-01T00:00:00Z")] {
            let new = NewArticle {
                body: "<p>日期</p>".into(),
                status: Some(ArticleStatus::Archived),
                published_at: Some(at.parse().unwrap()),
                ..published(title, category)
            };
            app.api_as(&token).create_article(&new).await.ok_with(201);
        }
        // The writer survives it: a published article after it is found as usual.
        let id = publish(&app, &token, "示例：随后发布的条目", "<p>随后</p>").await;
        let found = search(&app, "随后发布").await;
        assert_eq!(ids(&found).first(), Some(&id), "{found:?}");
    }

    async fn titles_are_suggested_as_the_reader_types(app: TestApp) {
        let token = app.editor_token().await;
        let id = publish(&app, &token, "民法典婚姻家庭编解读", "<p>解读</p>").await;
        let suggest = |typed: &str| {
            let app = &app;
            let query = SuggestQuery { q: typed.into() };
            async move { app.api().suggest_titles(&query).await.ok().items }
        };
        for typed in ["民", "民法", "民法典", "民法典 婚"] {
            let items = suggest(typed).await;
            assert!(items.len() <= 8);
            assert!(items.iter().any(|item| item.id == id), "{typed}: {items:?}");
        }
        assert!(!suggest("婚姻 刑法").await.iter().any(|item| item.id == id));
    }

    // Other instances follow the database every 500 ms, so they usually catch up within one
    // or two rounds; the time is printed (`--nocapture`) rather than asserted (timings are
    // measured, not asserted: a loaded 2-core CI run can stall any one round). The test fails
    // when the other instance does not follow at all within 20 rounds.
    async fn another_instance_follows_the_database(app: TestApp) {
        const FOLLOWS_WITHIN: Duration = Duration::from_secs(10);
        let other = app.another_instance().await;
        let token = app.editor_token().await;
        let id = publish(&app, &token, "跨实例同步的法治讲座通知", "<p>法治讲座</p>").await;
        let started = Instant::now();
        loop {
            if ids(&search(&other, "法治讲座").await).contains(&id) {
                break;
            }
            assert!(
                started.elapsed() < FOLLOWS_WITHIN,
                "the other instance did not find the new article in {FOLLOWS_WITHIN:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let found_after = started.elapsed();
        app.api_as(&token).delete_article(id).await.ok_with(204);
        let started = Instant::now();
        loop {
            if !ids(&search(&other, "法治讲座").await).contains(&id) {
                break;
            }
            assert!(
                started.elapsed() < FOLLOWS_WITHIN,
                "the other instance still finds the deleted article after {FOLLOWS_WITHIN:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        println!(
            "another instance on {:?}: found a new article after {} ms, dropped a deleted one after {} ms",
            app.backend,
            found_after.as_millis(),
            started.elapsed().as_millis()
        );
    }

    async fn the_article_list_searches_through_the_index(app: TestApp) {
        let token = app.editor_token().await;
        let category = app.category_id("tongzhi-gonggao").await;
        let as_editor = app.api_as(&token);
        let new = NewArticle { body: "<p>草稿</p>".into(), ..draft("草稿中的长江大桥通告", category) };
        let draft = as_editor.create_article(&new).await.ok_with(201).id;
        let matching = |q: &str, status| ArticleListQuery { q: Some(q.into()), status, ..Default::default() };
        let public = app.api().list_articles(&matching("长江大桥", None)).await.ok();
        assert!(!listed_ids(&public).contains(&draft));
        let drafts = as_editor.list_articles(&matching("长江大桥", Some(ArticleStatusFilter::Draft))).await.ok();
        assert_eq!(listed_ids(&drafts), vec![draft]);
        let mayor = as_editor.list_articles(&matching("市长", Some(ArticleStatusFilter::Any))).await.ok();
        assert!(!listed_ids(&mayor).contains(&draft));
    }
}
