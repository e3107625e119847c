//! Writes never fail for each other: eight writers mixing category creates, renames and
//! deletes, article creates, edits and publishing, and view beacons for twenty seconds. Not
//! one answer may be a 5xx, and every write the server acknowledged must read back as written.

use std::fmt::Debug;
use std::time::{Duration, Instant};

use portal_api::{ArticlePatch, ArticleStatus, CategoryPatch, NewArticle};
use portal_tests::{draft, on_every_database, Answer, TestApp};

const WRITERS: usize = 8;
const RUN_FOR: Duration = Duration::from_secs(20);

/// What one writer was told had happened.
#[derive(Default)]
struct Acknowledged {
    /// (id, name) of categories that exist at the end.
    categories: Vec<(i32, String)>,
    /// (id, title, status) of articles.
    articles: Vec<(i32, String, ArticleStatus)>,
    requests: usize,
    failures: Vec<String>,
}

impl Acknowledged {
    /// The body of a success; notes a server error.
    fn check<T: Debug>(&mut self, what: &str, answer: Answer<T>) -> Option<T> {
        self.requests += 1;
        if answer.status.is_server_error() {
            self.failures
                .push(format!("{what}: {} {:?}", answer.status, answer.body));
        }
        answer.body.ok()
    }
}

async fn writer(
    app: &TestApp,
    token: &str,
    number: usize,
    parent: i32,
    category: i32,
) -> Acknowledged {
    let api = app.api_as(token);
    let mut done = Acknowledged::default();
    let started = Instant::now();
    let mut round = 0;
    while started.elapsed() < RUN_FOR {
        round += 1;
        let tag = format!("w{number}-{round}");
        match number % 4 {
            // Categories: create, rename, and delete every other one.
            0 | 1 => {
                let new = portal_tests::category(
                    &format!("栏目{tag}"),
                    &format!("c-{tag}"),
                    Some(parent),
                );
                let Some(created) = done.check("create category", api.create_category(&new).await)
                else {
                    continue;
                };
                let id = created.category.id;
                let rename = CategoryPatch {
                    name: Some(format!("改名{tag}")),
                    ..Default::default()
                };
                let name =
                    match done.check("rename category", api.update_category(id, &rename).await) {
                        Some(renamed) => renamed.category.name,
                        None => new.name,
                    };
                if round % 2 == 0
                    && done
                        .check("delete category", api.delete_category(id).await)
                        .is_some()
                {
                    continue;
                }
                done.categories.push((id, name));
            }
            // Articles: create a draft, edit it, publish it.
            2 => {
                let new = NewArticle {
                    body: "<p>示例</p>".into(),
                    ..draft(&format!("文章{tag}"), category)
                };
                let Some(created) = done.check("create article", api.create_article(&new).await)
                else {
                    continue;
                };
                let mut kept = (created.id, created.title, created.status);
                let edit = ArticlePatch {
                    title: Some(format!("修改{tag}")),
                    ..Default::default()
                };
                if let Some(edited) =
                    done.check("edit article", api.update_article(created.id, &edit).await)
                {
                    kept.1 = edited.title;
                }
                let publish = ArticlePatch {
                    status: Some(ArticleStatus::Published),
                    ..Default::default()
                };
                if let Some(published) = done.check(
                    "publish article",
                    api.update_article(created.id, &publish).await,
                ) {
                    kept.2 = published.status;
                }
                done.articles.push(kept);
            }
            // Readers: beacons for the newest articles.
            _ => {
                for article in 1..=5 {
                    let agent = format!(
                        "Mozilla/5.0 Chrome/131.0.{number}.{round}.{article} Safari/537.36"
                    );
                    done.check("view beacon", app.view(article, &agent).await);
                }
            }
        }
    }
    done
}

on_every_database! {
    async fn concurrent_writes_of_every_kind_never_fail_and_are_all_kept(app: TestApp) {
        let token = app.admin_token().await;
        let parent = app.category_id("pufa-dongtai").await;
        let category = app.category_id("xinzhou").await;
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
                let detail = app.api().get_category(&id.to_string()).await.ok();
                assert_eq!(&detail.category.name, name, "acknowledged category {id}");
            }
            for (id, title, status) in &done.articles {
                let article = app.api_as(&token).get_article(*id).await.ok();
                assert_eq!(&article.title, title, "acknowledged article {id}");
                assert_eq!(&article.status, status, "acknowledged article {id}");
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
