//! `GET /api/v1/articles?after=`: keyset pages, next to page numbers, for deep lists.

use portal_api::{ArticleListQuery, ArticlePage, ArticleSort, NewArticle};
use portal_backend::services::demo;
use portal_tests::{on_every_database, published, TestApp};

/// The list as `token`'s holder sees it, or as a reader without one.
async fn list_as(
    app: &TestApp,
    token: Option<&str>,
    query: &ArticleListQuery,
) -> portal_tests::Answer<ArticlePage> {
    match token {
        Some(token) => app.api_as(token).list_articles(query).await,
        None => app.api().list_articles(query).await,
    }
}

fn ids(page: &ArticlePage) -> Vec<i32> {
    page.items.iter().map(|item| item.id).collect()
}

async fn walk_by_cursor(app: &TestApp, first: &ArticleListQuery) -> Vec<i32> {
    walk_by_cursor_as(app, None, first).await
}

/// The walk by `next_after` cursors, as `token`'s holder when given.
async fn walk_by_cursor_as(
    app: &TestApp,
    token: Option<&str>,
    first: &ArticleListQuery,
) -> Vec<i32> {
    let mut seen = Vec::new();
    let mut query = first.clone();
    loop {
        let answer = list_as(app, token, &query).await;
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
    walk_by_number_as(app, None, first).await
}

async fn walk_by_number_as(
    app: &TestApp,
    token: Option<&str>,
    first: &ArticleListQuery,
) -> Vec<i32> {
    let mut seen = Vec::new();
    for page in 1.. {
        let query = ArticleListQuery {
            page: Some(page),
            ..first.clone()
        };
        let answer = list_as(app, token, &query).await;
        let found = ids(&answer.ok());
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

    async fn deep_pages_by_number_match_the_cursor_walk_before_and_after_a_write(app: TestApp) {
        // Past a thousand articles a page by number starts from a remembered position
        // instead of walking the list from its start.
        demo::fill(&app.db, 2_600).await.expect("filling the list");
        let token = app.editor_token().await;
        let category = app.category_id("tongzhi-gonggao").await;
        for sort in [ArticleSort::Newest, ArticleSort::Oldest] {
            let first = ArticleListQuery { per_page: Some(100), sort: Some(sort), ..Default::default() };
            let deep = |page| ArticleListQuery { page: Some(page), ..first.clone() };
            // A deep page asked for first, before any position is remembered.
            let page_25 = ids(&app.api().list_articles(&deep(25)).await.ok());
            let by_cursor = walk_by_cursor(&app, &first).await;
            assert!(by_cursor.len() > 3_000, "{}", by_cursor.len());
            assert_eq!(page_25, by_cursor[2_400..2_500], "{sort:?}");
            assert_eq!(walk_by_number(&app, &first).await, by_cursor, "{sort:?}");

            // A new article moves every later one down a place: the remembered positions
            // are forgotten with the write.
            let at = match sort {
                ArticleSort::Oldest => chrono::Utc::now() - chrono::Duration::days(365 * 30),
                _ => chrono::Utc::now() - chrono::Duration::minutes(1),
            };
            let new = NewArticle { published_at: Some(at), ..published("排在最前的新文章", category) };
            let created = app.api_as(&token).create_article(&new).await.ok_with(201).id;
            let moved = ids(&app.api().list_articles(&deep(25)).await.ok());
            assert_eq!(moved[0], by_cursor[2_399], "{sort:?}");
            let by_cursor = walk_by_cursor(&app, &first).await;
            assert_eq!(by_cursor[0], created, "{sort:?}");
            assert_eq!(walk_by_number(&app, &first).await, by_cursor, "{sort:?}");
        }

        // Drafts without a publish time come last in both orders, after every dated cursor.
        let mut drafts = Vec::new();
        for title in ["未定时的草稿一", "未定时的草稿二", "未定时的草稿三"] {
            let draft = NewArticle { status: Some(portal_api::ArticleStatus::Draft), ..published(title, category) };
            drafts.push(app.api_as(&token).create_article(&draft).await.ok_with(201).id);
        }
        for sort in [ArticleSort::Newest, ArticleSort::Oldest] {
            let any = ArticleListQuery {
                per_page: Some(100),
                sort: Some(sort),
                status: Some(portal_api::ArticleStatusFilter::Any),
                ..Default::default()
            };
            let by_cursor = walk_by_cursor_as(&app, Some(&token), &any).await;
            for draft in &drafts {
                assert!(by_cursor.contains(draft), "{sort:?}: draft {draft} reached by the cursors");
            }
            assert_eq!(walk_by_number_as(&app, Some(&token), &any).await, by_cursor, "{sort:?}");
        }
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
