//! Writes never fail for each other: eight writers mixing category creates, renames and
//! deletes, article creates, edits and publishing, and view beacons for twenty seconds. Not
//! one answer may be a 5xx, and every write the server acknowledged must read back as written.

use std::time::{Duration, Instant};

use portal_tests::{on_every_database, TestApp};
use serde_json::{json, Value};

const WRITERS: usize = 8;
const RUN_FOR: Duration = Duration::from_secs(20);

/// What one writer was told had happened.
#[derive(Default)]
struct Acknowledged {
    /// (id, name) of categories that exist at the end.
    categories: Vec<(i64, String)>,
    /// (id, title, status) of articles.
    articles: Vec<(i64, String, String)>,
    requests: usize,
    failures: Vec<String>,
}

impl Acknowledged {
    fn check(&mut self, what: &str, reply: &portal_tests::Reply) -> bool {
        self.requests += 1;
        if reply.status.is_server_error() {
            self.failures
                .push(format!("{what}: {} {}", reply.status, reply.text));
        }
        reply.status.is_success()
    }
}

async fn writer(
    app: &TestApp,
    token: &str,
    number: usize,
    parent: i64,
    category: i64,
) -> Acknowledged {
    let mut done = Acknowledged::default();
    let started = Instant::now();
    let mut round = 0;
    while started.elapsed() < RUN_FOR {
        round += 1;
        let tag = format!("w{number}-{round}");
        match number % 4 {
            // Categories: create, rename, and delete every other one.
            0 | 1 => {
                let created = app
                    .post("/api/v1/categories", Some(token), &json!({"name": format!("栏目{tag}"), "slug": format!("c-{tag}"), "parent_id": parent}))
                    .await;
                if !done.check("create category", &created) {
                    continue;
                }
                let id = created.json()["category"]["id"].as_i64().unwrap();
                let renamed = format!("改名{tag}");
                let reply = app
                    .patch(
                        &format!("/api/v1/categories/{id}"),
                        Some(token),
                        &json!({"name": renamed}),
                    )
                    .await;
                let name = if done.check("rename category", &reply) {
                    renamed
                } else {
                    format!("栏目{tag}")
                };
                if round % 2 == 0 {
                    let reply = app
                        .delete(&format!("/api/v1/categories/{id}"), Some(token))
                        .await;
                    if done.check("delete category", &reply) {
                        continue;
                    }
                }
                done.categories.push((id, name));
            }
            // Articles: create a draft, edit it, publish it.
            2 => {
                let created = app
                    .post("/api/v1/articles", Some(token), &json!({"title": format!("文章{tag}"), "category_id": category, "body": "<p>示例</p>"}))
                    .await;
                if !done.check("create article", &created) {
                    continue;
                }
                let id = created.json()["id"].as_i64().unwrap();
                let mut title = format!("文章{tag}");
                let mut status = "draft".to_owned();
                let edited = format!("修改{tag}");
                if done.check(
                    "edit article",
                    &app.patch(
                        &format!("/api/v1/articles/{id}"),
                        Some(token),
                        &json!({"title": edited}),
                    )
                    .await,
                ) {
                    title = edited;
                }
                if done.check(
                    "publish article",
                    &app.patch(
                        &format!("/api/v1/articles/{id}"),
                        Some(token),
                        &json!({"status": "published"}),
                    )
                    .await,
                ) {
                    status = "published".to_owned();
                }
                done.articles.push((id, title, status));
            }
            // Readers: beacons for the newest articles.
            _ => {
                for article in 1..=5 {
                    let reply = app
                        .view(
                            article,
                            &format!(
                                "Mozilla/5.0 Chrome/131.0.{number}.{round}.{article} Safari/537.36"
                            ),
                        )
                        .await;
                    done.check("view beacon", &reply);
                }
            }
        }
    }
    done
}

on_every_database! {
    async fn concurrent_writes_of_every_kind_never_fail_and_are_all_kept(app: TestApp) {
        let token = app.admin_token().await;
        let parent = i64::from(app.category_id("pufa-dongtai").await);
        let category = i64::from(app.category_id("xinzhou").await);
        let writers = (0..WRITERS).map(|number| {
            let (app, token) = (&app, token.as_str());
            async move { writer(app, token, number, parent, category).await }
        });
        let results = futures::future::join_all(writers).await;
        let requests: usize = results.iter().map(|done| done.requests).sum();
        let errors: Vec<&String> = results.iter().flat_map(|done| &done.failures).collect();
        assert!(errors.is_empty(), "{} of {requests} requests failed: {errors:#?}", errors.len());
        assert!(requests > 200, "the writers ran: {requests} requests");

        for done in &results {
            for (id, name) in &done.categories {
                let reply = app.get(&format!("/api/v1/categories/{id}")).await;
                assert_eq!(reply.status, 200, "acknowledged category {id}: {}", reply.text);
                assert_eq!(reply.json()["category"]["name"], Value::from(name.as_str()));
            }
            for (id, title, status) in &done.articles {
                let reply = app.get_as(&format!("/api/v1/articles/{id}"), &token).await;
                assert_eq!(reply.status, 200, "acknowledged article {id}: {}", reply.text);
                let article = reply.json();
                assert_eq!(article["title"], Value::from(title.as_str()));
                assert_eq!(article["status"], Value::from(status.as_str()));
            }
        }
        eprintln!(
            "{:?}: {requests} requests, {} categories and {} articles kept, all answered 2xx",
            app.backend,
            results.iter().map(|done| done.categories.len()).sum::<usize>(),
            results.iter().map(|done| done.articles.len()).sum::<usize>(),
        );
    }
}
