//! `GET /api/v1/articles?after=`: keyset pages, next to page numbers, for deep lists.

use portal_api::{ArticleListQuery, ArticlePage, ArticleSort, NewArticle};
use portal_tests::{on_every_database, published, TestApp};

fn ids(page: &ArticlePage) -> Vec<i32> {
    page.items.iter().map(|item| item.id).collect()
}

async fn walk_by_cursor(app: &TestApp, first: &ArticleListQuery) -> Vec<i32> {
    let mut seen = Vec::new();
    let mut query = first.clone();
    loop {
        let answer = app.api().list_articles(&query).await;
        let link = answer.header("link").unwrap_or_default().to_owned();
        let page = answer.ok();
        seen.extend(ids(&page));
        let continued = query.after.is_some();
        let Some(next) = page.next_after else {
            if continued {
                assert!(
                    !link.contains("rel=\"next\""),
                    "no next link after the last page"
                );
            }
            break;
        };
        if continued {
            // Pages continued from a cursor link to the next one by its cursor.
            assert!(link.contains(&format!("after={next}")), "{link}");
        }
        query = ArticleListQuery {
            after: Some(next),
            ..first.clone()
        };
    }
    seen
}

async fn walk_by_number(app: &TestApp, first: &ArticleListQuery) -> Vec<i32> {
    let mut seen = Vec::new();
    for page in 1.. {
        let query = ArticleListQuery {
            page: Some(page),
            ..first.clone()
        };
        let found = ids(&app.api().list_articles(&query).await.ok());
        if found.is_empty() {
            break;
        }
        seen.extend(found);
    }
    seen
}

on_every_database! {
    async fn cursors_walk_the_same_list_as_page_numbers(app: TestApp) {
        for sort in [ArticleSort::Newest, ArticleSort::Oldest] {
            let first = ArticleListQuery { per_page: Some(50), sort: Some(sort), ..Default::default() };
            let by_cursor = walk_by_cursor(&app, &first).await;
            let by_number = walk_by_number(&app, &first).await;
            assert!(by_number.len() > 400, "the demo content is long enough");
            assert_eq!(by_cursor, by_number, "{sort:?}");
        }
        let in_category = ArticleListQuery {
            per_page: Some(7),
            category: Some("falv-fagui".into()),
            ..Default::default()
        };
        assert_eq!(walk_by_cursor(&app, &in_category).await, walk_by_number(&app, &in_category).await);
    }

    async fn cursors_are_checked(app: TestApp) {
        // Cursors the typed query could carry but the server must refuse, and combinations
        // it does not allow.
        for path in [
            "/api/v1/articles?after=yesterday",
            "/api/v1/articles?after=1-",
            "/api/v1/articles?after=99999999999999999999-1",
            "/api/v1/articles?after=1700000000-1&page=2",
            "/api/v1/articles?after=1700000000-1&sort=most_read",
            "/api/v1/articles?after=1700000000-1&q=%E6%99%AE%E6%B3%95",
        ] {
            app.get(path).await.assert_problem(400, "bad_request");
        }
        // A cursor in the future shows no scheduled article.
        let token = app.editor_token().await;
        let category = app.category_id("tongzhi-gonggao").await;
        let new = NewArticle {
            body: "<p>定时</p>".into(),
            published_at: Some(chrono::Utc::now() + chrono::Duration::days(30)),
            ..published("下月发布的通知", category)
        };
        let scheduled = app.api_as(&token).create_article(&new).await.ok_with(201).id;
        let after = |cursor: &str, per_page| ArticleListQuery {
            after: Some(cursor.into()),
            per_page,
            ..Default::default()
        };
        let future = app.api().list_articles(&after("9999999999-1", Some(100))).await.ok();
        assert!(!ids(&future).contains(&scheduled));
        assert_eq!(ids(&future).len(), 100);
        let beyond = app.api().list_articles(&after("1-1", None)).await.ok();
        assert!(beyond.items.is_empty());
        assert!(beyond.next_after.is_none());
    }
}
