//! The relevance set (`tests/relevance/set.json`): hand-judged queries over the demo content,
//! run through `GET /api/v1/search`, reporting MRR and recall@10.

use portal_tests::{Backend, TestApp};
use serde::Deserialize;
use serde_json::{json, Value};

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

fn encode(value: &str) -> String {
    value.bytes().map(|b| format!("%{b:02X}")).collect()
}

async fn every_public_title(app: &TestApp) -> Vec<String> {
    let mut titles = Vec::new();
    for page in 1.. {
        let reply = app
            .get(&format!("/api/v1/articles?per_page=100&page={page}"))
            .await
            .json();
        let items = reply["items"].as_array().unwrap().clone();
        if items.is_empty() {
            break;
        }
        titles.extend(
            items
                .iter()
                .map(|item| item["title"].as_str().unwrap().to_owned()),
        );
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
        let reply = app
            .post(
                "/api/v1/articles",
                Some(&token),
                &json!({"category_id": category, "title": fixture.title, "body": fixture.body,
                        "status": "published"}),
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text);
    }
    let all_titles = every_public_title(&app).await;

    let (mut reciprocal_ranks, mut recalls) = (Vec::new(), Vec::new());
    let mut report = Vec::new();
    for judged in &set.queries {
        let is_relevant = |title: &str| judged.relevant.iter().any(|part| title.contains(part));
        let page: Value = app
            .get(&format!(
                "/api/v1/search?q={}&per_page=10",
                encode(&judged.q)
            ))
            .await
            .json();
        let top: Vec<String> = page["items"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: {page}", judged.q))
            .iter()
            .map(|hit| hit["title"].as_str().unwrap().to_owned())
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
