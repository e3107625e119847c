//! The `portal` binary as an operator runs it: stopped with SIGTERM, killed with SIGKILL, and
//! run twice against one PostgreSQL database. These tests start real processes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // failing loudly is the point of a test

use std::{
    io::{BufRead, BufReader},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::mpsc,
    time::{Duration, Instant},
};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};

const ADMIN_PASSWORD: &str = "process-test-password";

struct Portal {
    child: Child,
    url: String,
}

fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("portal_{name}_{}_{nanos}", std::process::id())
}

/// Starts `portal` on a free port and waits for it to say where it listens. Two started on one
/// data directory share its secret; the second keeps its search index in memory.
fn start(database_url: &str, data_dir: &Path, flush_ms: u64) -> Portal {
    start_with(database_url, data_dir, flush_ms, &[])
}

fn start_with(
    database_url: &str,
    data_dir: &Path,
    flush_ms: u64,
    extra: &[(&str, &str)],
) -> Portal {
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal"))
        .envs(extra.iter().copied())
        .env("PORTAL_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", database_url)
        .env("PORTAL_DATA_DIR", data_dir)
        .env("PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("PORTAL_STATIC_DIR", "/nonexistent-portal-dist")
        .env("PORTAL_HIT_FLUSH_MS", flush_ms.to_string())
        .env("PORTAL_WORKERS", "2")
        // Every simulated reader comes from 127.0.0.1: lift the per-address cap.
        .env("PORTAL_VIEWS_PER_ADDRESS", "65535")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the portal binary starts");
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.trim().strip_prefix("portal:") {
                let _ = sender.send(url.trim().trim_end_matches('/').to_owned());
            }
        }
    });
    let url = receiver
        .recv_timeout(Duration::from_secs(120))
        .expect("the portal printed its URL");
    Portal { child, url }
}

impl Portal {
    fn terminate(mut self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(exit) = self.child.try_wait().unwrap() {
                assert!(exit.success(), "the portal exited with {exit}");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the portal did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn crash(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn browser(n: usize) -> String {
    format!("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.{n}.0 Safari/537.36")
}

async fn view(client: &reqwest::Client, portal_url: &str, article: i64, n: usize) -> bool {
    let reply = client
        .post(format!("{portal_url}/api/v1/articles/{article}/views"))
        .header(reqwest::header::USER_AGENT, browser(n))
        .header(reqwest::header::ORIGIN, portal_url)
        .send()
        .await;
    match reply {
        Ok(reply) if reply.status().is_success() => {
            let body: serde_json::Value = reply.json().await.unwrap_or_default();
            body["counted"] == true
        }
        _ => false,
    }
}

async fn stored_hits(db: &DatabaseConnection, article: i64) -> i64 {
    let backend = db.get_database_backend();
    let row = db
        .query_one(Statement::from_string(
            backend,
            format!("SELECT hits FROM articles WHERE id = {article}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "hits").unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(unique(name));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_writes_every_pending_view() {
    let dir = temp_dir("sigterm");
    let url = format!("sqlite://{}/portal.db", dir.display());
    // A flush interval far longer than the test: only the shutdown flush can write the views.
    let portal = start(&url, &dir, 60_000);
    let client = reqwest::Client::new();
    let mut counted = 0;
    for n in 0..25 {
        counted += usize::from(view(&client, &portal.url, 1, n).await);
    }
    assert_eq!(counted, 25);
    portal.terminate();

    let db = Database::connect(&url).await.unwrap();
    assert_eq!(stored_hits(&db, 1).await, 25);
    db.close().await.unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_database_add_up_exactly() {
    let admin_url = std::env::var("PORTAL_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/test".into());
    let name = unique("two");
    let admin = Database::connect(&admin_url)
        .await
        .unwrap_or_else(|error| panic!("PostgreSQL at {admin_url} is unreachable: {error}"));
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .unwrap();
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    let url = format!("{base}/{name}");
    let dir = temp_dir("two");

    let first = start(&url, &dir, 100);
    let second = start(&url, &dir, 100);
    let client = reqwest::Client::new();
    let sends = (0..80).map(|n| {
        let target = if n % 2 == 0 { &first.url } else { &second.url };
        let client = &client;
        async move { view(client, target, 3, n).await }
    });
    let counted = futures::future::join_all(sends)
        .await
        .into_iter()
        .filter(|c| *c)
        .count();
    assert_eq!(counted, 80);

    // Both flush on their own timers; the sum must arrive without a shutdown.
    let db = Database::connect(&url).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while stored_hits(&db, 3).await < 80 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(stored_hits(&db, 3).await, 80);
    first.terminate();
    second.terminate();
    assert_eq!(
        stored_hits(&db, 3).await,
        80,
        "nothing counted twice on shutdown"
    );
    db.close().await.unwrap();

    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

async fn login(client: &reqwest::Client, portal_url: &str) -> String {
    let login: serde_json::Value = client
        .post(format!("{portal_url}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": "admin", "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    login["access_token"].as_str().unwrap().to_owned()
}

/// What one round of load was told had happened before the kill.
struct Round {
    views: Vec<Instant>,
    articles: Vec<i64>,
    categories: Vec<(i64, String)>,
}

/// Beacons, article creates and category creates and renames, from three tasks, until `for`.
async fn load(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    round: usize,
    run_for: Duration,
) -> Round {
    let started = Instant::now();
    let viewer = {
        let (client, base) = (client.clone(), base.to_owned());
        tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let mut n = round * 1_000_000;
            while started.elapsed() < run_for {
                if view(&client, &base, 2, n).await {
                    acknowledged.push(Instant::now());
                }
                n += 1;
            }
            acknowledged
        })
    };
    let articles = {
        let (client, base, token) = (client.clone(), base.to_owned(), token.to_owned());
        tokio::spawn(async move {
            let mut created = Vec::new();
            let mut n = 0;
            while started.elapsed() < run_for {
                let reply = client
                    .post(format!("{base}/api/v1/articles"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({"title": format!("崩溃测试 {round}-{n}"), "category_id": 2, "status": "published"}))
                    .send()
                    .await;
                if let Ok(reply) = reply {
                    if reply.status() == 201 {
                        let body: serde_json::Value = reply.json().await.unwrap_or_default();
                        created.extend(body["id"].as_i64());
                    }
                }
                n += 1;
            }
            created
        })
    };
    let categories = {
        let (client, base, token) = (client.clone(), base.to_owned(), token.to_owned());
        tokio::spawn(async move {
            let mut kept = Vec::new();
            let mut n = 0;
            while started.elapsed() < run_for {
                let reply = client
                    .post(format!("{base}/api/v1/categories"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({"name": format!("崩溃 {round}-{n}"), "slug": format!("crash-{round}-{n}")}))
                    .send()
                    .await;
                n += 1;
                let Ok(reply) = reply else { continue };
                if reply.status() != 201 {
                    continue;
                }
                let body: serde_json::Value = reply.json().await.unwrap_or_default();
                let Some(id) = body["category"]["id"].as_i64() else {
                    continue;
                };
                let renamed = format!("改名 {round}-{n}");
                let reply = client
                    .patch(format!("{base}/api/v1/categories/{id}"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({"name": renamed}))
                    .send()
                    .await;
                let name = match reply {
                    Ok(reply) if reply.status() == 200 => renamed,
                    _ => format!("崩溃 {round}-{}", n - 1),
                };
                kept.push((id, name));
            }
            kept
        })
    };
    Round {
        views: viewer.await.unwrap(),
        articles: articles.await.unwrap(),
        categories: categories.await.unwrap(),
    }
}

async fn count(db: &DatabaseConnection, sql: String) -> i64 {
    let row = db
        .query_one(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_crashes_under_load_keep_every_acknowledged_write_and_lose_at_most_one_interval() {
    const FLUSH: Duration = Duration::from_millis(250);
    const CRASHES: usize = 50;
    let dir = temp_dir("crash");
    let url = format!("sqlite://{}/portal.db", dir.display());
    let client = reqwest::Client::new();
    let (mut acknowledged_views, mut stored_views, mut worst_loss) = (0usize, 0i64, Duration::ZERO);
    let (mut articles, mut categories) = (0usize, 0usize);
    for round in 0..CRASHES {
        let portal = start(&url, &dir, FLUSH.as_millis() as u64);
        let token = login(&client, &portal.url).await;
        let db = Database::connect(&url).await.unwrap();
        let stored_before = stored_hits(&db, 2).await;
        db.close().await.unwrap();
        // A different moment of the flush cycle each round.
        let run_for = Duration::from_millis(600 + (round as u64 * 37) % 400);
        let done = load(&client, &portal.url, &token, round, run_for).await;
        let killed_at = Instant::now();
        portal.crash();

        let db = Database::connect(&url).await.unwrap();
        let check = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "PRAGMA integrity_check",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            check.try_get_by_index::<String>(0).unwrap(),
            "ok",
            "round {round}"
        );
        for id in &done.articles {
            let found = count(
                &db,
                format!("SELECT COUNT(*) FROM articles WHERE id = {id}"),
            )
            .await;
            assert_eq!(
                found, 1,
                "round {round}: acknowledged article {id} was lost"
            );
        }
        for (id, name) in &done.categories {
            let found = count(
                &db,
                format!("SELECT COUNT(*) FROM categories WHERE id = {id} AND name = '{name}'"),
            )
            .await;
            assert_eq!(
                found, 1,
                "round {round}: acknowledged category {id} ({name}) was lost"
            );
        }
        let stored = stored_hits(&db, 2).await - stored_before;
        let total = done.views.len() as i64;
        // Views acknowledged more than one interval (plus the flush's own time) before the
        // kill must have been written.
        let margin = FLUSH + Duration::from_millis(250);
        let must_be_stored = done
            .views
            .iter()
            .filter(|at| killed_at.duration_since(**at) > margin)
            .count() as i64;
        assert!(
            stored <= total,
            "round {round}: stored {stored} > acknowledged {total}"
        );
        assert!(
            stored >= must_be_stored,
            "round {round}: lost more than one interval: stored {stored}, acknowledged {total}, older than {margin:?}: {must_be_stored}"
        );
        let unstored = (total - stored) as usize;
        if let Some(oldest_lost) = done
            .views
            .iter()
            .rev()
            .nth(unstored.saturating_sub(1))
            .filter(|_| unstored > 0)
        {
            worst_loss = worst_loss.max(killed_at.duration_since(*oldest_lost));
        }
        db.close().await.unwrap();
        acknowledged_views += done.views.len();
        stored_views += stored;
        articles += done.articles.len();
        categories += done.categories.len();
    }
    assert!(
        acknowledged_views > 50 * CRASHES,
        "the load ran: {acknowledged_views} views"
    );
    assert!(
        articles > 2 * CRASHES,
        "the writes ran: {articles} articles"
    );
    assert!(
        categories > 2 * CRASHES,
        "the writes ran: {categories} categories"
    );
    eprintln!(
        "crash: {CRASHES} kill -9 under load; integrity ok each time; {articles} articles and \
         {categories} categories acknowledged, none lost; {acknowledged_views} views acknowledged, \
         {stored_views} stored, {} lost, the oldest lost view {worst_loss:?} before its kill \
         (flush interval {FLUSH:?})",
        acknowledged_views as i64 - stored_views
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// `portal` run as a command beside the server, on the same database; its output.
fn command(database_url: &str, data_dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("PORTAL_DATA_DIR", data_dir)
        .env("PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "portal {args:?} failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

async fn article_total(client: &reqwest::Client, portal_url: &str) -> u64 {
    let page: serde_json::Value = client
        .get(format!("{portal_url}/api/v1/articles?per_page=1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    page["total"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_comes_and_goes_and_a_backup_is_taken_while_the_server_runs() {
    let dir = temp_dir("demo-cli");
    let url = format!("sqlite://{}/portal.db", dir.display());
    let portal = start_with(&url, &dir, 250, &[("PORTAL_DEMO_CONTENT", "false")]);
    let client = reqwest::Client::new();
    assert_eq!(article_total(&client, &portal.url).await, 0);

    let said = command(&url, &dir, &["demo", "load"]);
    assert!(said.contains("loaded the demo content"), "{said}");
    // The server's caches of the category tree and of anonymous reads last two seconds.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(article_total(&client, &portal.url).await > 400);

    let backup = dir.join("backups").join("copy.db");
    let said = command(&url, &dir, &["backup", backup.to_str().unwrap()]);
    assert!(said.contains("backed up"), "{said}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the copy holds password hashes");
    }
    let copy = Database::connect(format!("sqlite://{}", backup.display()))
        .await
        .unwrap();
    let articles = copy
        .query_one(Statement::from_string(
            copy.get_database_backend(),
            "SELECT COUNT(*) FROM articles",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    assert!(articles > 400, "the copy is the live database: {articles}");
    copy.close().await.unwrap();

    let said = command(&url, &dir, &["demo", "remove"]);
    assert!(said.contains("removed the demo content"), "{said}");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(article_total(&client, &portal.url).await, 0);
    portal.terminate();
    std::fs::remove_dir_all(dir).unwrap();
}
