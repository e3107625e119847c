//! The relevance set (`tests/relevance/set.json`): hand-judged queries over the demo content,
//! run through `GET /api/v1/search`, reporting MRR and recall@10.

use portal_api::{ArticleListQuery, NewArticle, SearchQuery};
use portal_tests::{published, Backend, TestApp};
use serde::Deserialize;

#[derive(Deserialize)]
struct Set {
    fixtures: Vec<Fixture>,
    queries: Vec<Judged>,
}

#[derive(Deserialize)]
struct Fixture {
    category: String,
    title: String,
    body: String,
}

#[derive(Deserialize)]
struct Judged {
    q: String,
    relevant: Vec<String>,
    #[serde(default)]
    forbidden: Vec<String>,
}

const TARGET_MRR: f64 = 0.8;

async fn every_public_title(app: &TestApp) -> Vec<String> {
    let mut titles = Vec::new();
    for page in 1.. {
        let query = ArticleListQuery {
            per_page: Some(100),
            page: Some(page),
            ..Default::default()
        };
        let items = app.api().list_articles(&query).await.ok().items;
        if items.is_empty() {
            break;
        }
        titles.extend(items.into_iter().map(|item| item.title));
    }
    titles
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relevance_set_ranks_what_readers_look_for_first() {
    let set: Set = serde_json::from_str(include_str!("../../relevance/set.json")).unwrap();
    assert!(set.queries.len() >= 30, "the set holds at least 30 queries");
    let app = TestApp::spawn(Backend::Sqlite).await;
    let token = app.editor_token().await;
    for fixture in &set.fixtures {
        let category = app.category_id(&fixture.category).await;
        let article = NewArticle {
            body: fixture.body.clone(),
            ..published(&fixture.title, category)
        };
        app.api_as(&token)
            .create_article(&article)
            .await
            .ok_with(201);
    }
    let all_titles = every_public_title(&app).await;

    let (mut reciprocal_ranks, mut recalls) = (Vec::new(), Vec::new());
    let mut report = Vec::new();
    for judged in &set.queries {
        let is_relevant = |title: &str| judged.relevant.iter().any(|part| title.contains(part));
        let query = SearchQuery {
            q: judged.q.clone(),
            per_page: Some(10),
            ..Default::default()
        };
        let page = app.api().search_articles(&query).await.ok();
        let top: Vec<String> = page
            .items
            .into_iter()
            .map(|hit| hit.article.title)
            .collect();
        for forbidden in &judged.forbidden {
            assert!(
                !top.iter().any(|title| title.contains(forbidden.as_str())),
                "{}: found {forbidden}, which it must not: {top:?}",
                judged.q
            );
        }
        let rank = top
            .iter()
            .position(|title| is_relevant(title))
            .map(|at| at + 1);
        let relevant_total = all_titles.iter().filter(|title| is_relevant(title)).count();
        assert!(
            relevant_total > 0,
            "{}: nothing in the corpus is relevant",
            judged.q
        );
        let found = top.iter().filter(|title| is_relevant(title)).count();
        let recall = found as f64 / relevant_total.min(10) as f64;
        reciprocal_ranks.push(rank.map_or(0.0, |rank| 1.0 / rank as f64));
        recalls.push(recall);
        report.push(format!(
            "  {:<24} rank {:<4} recall@10 {:.2}  (of {relevant_total}; first: {})",
            judged.q,
            rank.map_or("-".into(), |rank| rank.to_string()),
            recall,
            top.first().map_or("none", String::as_str)
        ));
    }
    let mrr = reciprocal_ranks.iter().sum::<f64>() / reciprocal_ranks.len() as f64;
    let recall = recalls.iter().sum::<f64>() / recalls.len() as f64;
    println!("relevance set, {} queries:", set.queries.len());
    for line in &report {
        println!("{line}");
    }
    println!("MRR {mrr:.3}, mean recall@10 {recall:.3} (target MRR >= {TARGET_MRR})");
    assert!(
        mrr >= TARGET_MRR,
        "MRR {mrr:.3} is below {TARGET_MRR}:\n{}",
        report.join("\n")
    );
}
