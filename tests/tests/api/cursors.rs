//! `GET /api/v1/articles?after=`: keyset pages, next to page numbers, for deep lists.

use portal_tests::{on_every_database, TestApp};
use serde_json::Value;

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_i64().unwrap())
        .collect()
}

async fn walk_by_cursor(app: &TestApp, first: &str) -> Vec<i64> {
    let mut seen = Vec::new();
    let mut path = first.to_owned();
    loop {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let page = reply.json();
        seen.extend(ids(&page));
        let continued = path.contains("after=");
        let link = reply.header("link").unwrap_or_default().to_owned();
        let Some(next) = page["next_after"].as_str() else {
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
        path = format!("{first}&after={next}");
    }
    seen
}

async fn walk_by_number(app: &TestApp, first: &str) -> Vec<i64> {
    let mut seen = Vec::new();
    for page in 1.. {
        let found = app.get(&format!("{first}&page={page}")).await.json();
        if ids(&found).is_empty() {
            break;
        }
        seen.extend(ids(&found));
    }
    seen
}

on_every_database! {
    async fn cursors_walk_the_same_list_as_page_numbers(app: TestApp) {
        for sort in ["newest", "oldest"] {
            let first = format!("/api/v1/articles?per_page=50&sort={sort}");
            let by_cursor = walk_by_cursor(&app, &first).await;
            let by_number = walk_by_number(&app, &first).await;
            assert!(by_number.len() > 400, "the demo content is long enough");
            assert_eq!(by_cursor, by_number, "{sort}");
        }
        let in_category = "/api/v1/articles?per_page=7&category=falv-fagui";
        assert_eq!(walk_by_cursor(&app, in_category).await, walk_by_number(&app, in_category).await);
    }

    async fn cursors_are_checked(app: TestApp) {
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
        let due = (chrono::Utc::now() + chrono::Duration::days(30)).to_rfc3339();
        let scheduled = app.post("/api/v1/articles", Some(&token), &serde_json::json!({
            "category_id": category, "title": "下月发布的通知", "body": "<p>定时</p>",
            "status": "published", "published_at": due,
        })).await.json()["id"].as_i64().unwrap();
        let future = app.get("/api/v1/articles?after=9999999999-1&per_page=100").await.json();
        assert!(!ids(&future).contains(&scheduled));
        assert_eq!(ids(&future).len(), 100);
        let beyond = app.get("/api/v1/articles?after=1-1").await.json();
        assert_eq!(ids(&beyond), Vec::<i64>::new());
        assert!(beyond["next_after"].is_null());
    }
}
