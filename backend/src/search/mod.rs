//! Full-text search: a tantivy index of the articles in each instance's data directory, cut
//! into Chinese words by jieba, kept in step with the database by a follower.
//!
//! Readers search published, due articles; editors may search the others. Writes through this
//! instance wait (briefly) until the index has them; other instances' writes arrive with the
//! follower's next look, every [`FOLLOW_INTERVAL`].

mod ask;
mod collect;
pub mod highlight;
mod index;
mod prefix;
mod query;
mod sync;
pub mod tokenizer;

use std::{
    path::Path,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use sea_orm::DatabaseConnection;
use tokio::sync::{watch, Notify};

pub use ask::{admission, find, parse_query, unavailable_while_building};
pub use index::{Filter, Found, Order, SearchIndex};
pub use query::{ParsedQuery, Part};
pub use sync::{forget_old_tombstones, record_deletions, TOMBSTONE_RETENTION_DAYS};

use index::Opened;
use sync::{Follower, Position};

/// How often the follower looks for other instances' changes.
pub const FOLLOW_INTERVAL: Duration = Duration::from_millis(500);
/// How long a write through this instance waits for the index to have it.
const WRITE_VISIBLE_WITHIN: Duration = Duration::from_secs(5);
/// Up to this many articles, a rebuild at start finishes before the server serves.
const REBUILD_BEFORE_SERVING: u64 = 5_000;

/// The index with its follower's signals.
pub struct Search {
    index: SearchIndex,
    requested: AtomicU64,
    completed: watch::Sender<u64>,
    wake: Notify,
}

/// A follower ready to run, from [`Search::open`].
pub struct Start {
    follower: Follower,
    rebuilding: bool,
}

impl Search {
    /// Opens (or makes) the index in `directory`; a missing, unreadable, outdated or stale
    /// index is emptied for a rebuild. A server whose data directory another server's index
    /// already holds (`memory_when_locked`) keeps its own in memory.
    pub fn open(directory: &Path, memory_when_locked: bool) -> anyhow::Result<(Arc<Self>, Start)> {
        tokenizer::warm_up();
        let (index, opened) = SearchIndex::open(directory, memory_when_locked)?;
        let saved = match &opened {
            Opened::Current(payload) => Position::from_payload(payload.as_deref()),
            Opened::Fresh => None,
        };
        let (position, rebuilding) = match saved {
            Some(position) => (position, false),
            None => {
                // Emptied at once, so that a search never sees the old documents again.
                let position = Position::rebuild();
                index.clear()?;
                index.commit(&position.payload())?;
                (position, true)
            }
        };
        let search = Arc::new(Self {
            index,
            requested: AtomicU64::new(0),
            completed: watch::Sender::new(0),
            wake: Notify::new(),
        });
        Ok((
            search,
            Start {
                follower: Follower::new(position),
                rebuilding,
            },
        ))
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Takes in what changed since the follower's position; `progress` hears how many of how
    /// many articles are done. Returns the number of articles indexed or dropped.
    async fn catch_up(
        self: &Arc<Self>,
        db: &DatabaseConnection,
        follower: &mut Follower,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> anyhow::Result<u64> {
        let mut changes = follower.look(db).await?;
        if follower.resumes() && !changes.changed.is_empty() {
            // After a restart the slack is read again: what the index already holds as it is
            // now is not indexed a second time (after a bulk import, that was every row
            // written in the import's last seconds).
            let this = self.clone();
            let indexed =
                tokio::task::spawn_blocking(move || this.index.updated_seconds()).await??;
            follower.skip_indexed(&mut changes, &indexed);
        }
        if changes.is_empty() {
            follower.taken_in(changes);
            return Ok(0);
        }
        // A rebuild fills an empty index: nothing to replace.
        let replace = follower.position().articles_since > 0;
        let mut ids: Vec<i32> = changes
            .changed
            .iter()
            .map(|(id, _)| *id)
            .chain(changes.deleted.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let total = ids.len() as u64;
        let mut done = 0;
        for chunk in ids.chunks(sync::batch_size()) {
            // Read again now: a tombstoned id that exists again (SQLite reuses the highest id)
            // is indexed, and an article deleted since the look is dropped.
            let models = sync::load(db, chunk).await?;
            let gone: Vec<i32> = chunk
                .iter()
                .copied()
                .filter(|id| !models.iter().any(|model| model.id == *id))
                .collect();
            let this = self.clone();
            tokio::task::spawn_blocking(move || this.index.stage(&models, &gone, replace))
                .await??;
            done += chunk.len() as u64;
            progress(done, total);
        }
        let payload = changes_payload(&changes, follower);
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.index.commit(&payload)).await??;
        follower.taken_in(changes);
        Ok(total)
    }

    /// Brings the index up to date before serving when that is quick (a current index, or a
    /// rebuild of a small site), then follows the database until `stop`. A long rebuild runs
    /// in the background; searches answer 503 until it is done.
    pub async fn start(
        self: &Arc<Self>,
        db: DatabaseConnection,
        start: Start,
        stop: watch::Receiver<bool>,
    ) -> anyhow::Result<tokio::task::JoinHandle<()>> {
        let Start {
            mut follower,
            mut rebuilding,
        } = start;
        if !rebuilding {
            self.catch_up(&db, &mut follower, &|_, _| {}).await?;
            // A database restored from a backup, or replaced, leaves an index that no longer
            // matches it, with nothing in the change log to say so: the counts tell.
            let (indexed, stored) = (self.index.len(), sync::article_count(&db).await?);
            if indexed != stored {
                tracing::warn!(
                    indexed,
                    stored,
                    "the search index does not match the database; rebuilding it"
                );
                let position = Position::rebuild();
                self.index.clear()?;
                self.index.commit(&position.payload())?;
                follower = Follower::new(position);
                rebuilding = true;
            }
        }
        if !rebuilding || sync::article_count(&db).await? <= REBUILD_BEFORE_SERVING {
            self.catch_up(&db, &mut follower, &|_, _| {}).await?;
            self.index.set_ready();
        } else {
            tracing::info!("rebuilding the search index in the background");
        }
        let this = self.clone();
        Ok(tokio::spawn(async move {
            this.follow(db, follower, stop).await;
        }))
    }

    async fn follow(
        self: Arc<Self>,
        db: DatabaseConnection,
        mut follower: Follower,
        mut stop: watch::Receiver<bool>,
    ) {
        loop {
            if self.index.is_ready() {
                tokio::select! {
                    _ = tokio::time::sleep(FOLLOW_INTERVAL) => {}
                    _ = self.wake.notified() => {}
                    _ = stopped(&mut stop) => break,
                }
            }
            let target = self.requested.load(Ordering::Acquire);
            let started = std::time::Instant::now();
            match self.catch_up(&db, &mut follower, &|_, _| {}).await {
                Ok(count) => {
                    if !self.index.is_ready() {
                        tracing::info!(
                            articles = count,
                            seconds = started.elapsed().as_secs_f64(),
                            "the search index is rebuilt"
                        );
                        self.index.set_ready();
                    }
                    self.completed.send_replace(target);
                }
                Err(error) => {
                    tracing::warn!(error = %format!("{error:#}"), "updating the search index failed");
                    tokio::select! {
                        _ = tokio::time::sleep(FOLLOW_INTERVAL) => {}
                        _ = stopped(&mut stop) => break,
                    }
                }
            }
        }
    }

    /// Waits until the index has every write this instance committed before the call (at
    /// most [`WRITE_VISIBLE_WITHIN`]; the follower takes it in later otherwise).
    pub async fn after_write(&self) {
        let ticket = self.requested.fetch_add(1, Ordering::AcqRel) + 1;
        self.wake.notify_one();
        let mut completed = self.completed.subscribe();
        let caught_up = completed.wait_for(|done| *done >= ticket);
        if tokio::time::timeout(WRITE_VISIBLE_WITHIN, caught_up)
            .await
            .is_err()
        {
            tracing::warn!("the search index is slow to take in a write");
        }
    }

    /// Empties the index and fills it from the database (for `portal reindex`).
    pub async fn rebuild(
        self: &Arc<Self>,
        db: &DatabaseConnection,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> anyhow::Result<u64> {
        let position = Position::rebuild();
        self.index.clear()?;
        self.index.commit(&position.payload())?;
        let mut follower = Follower::new(position);
        let indexed = self.catch_up(db, &mut follower, progress).await?;
        self.index.set_ready();
        Ok(indexed)
    }
}

/// Returns once `stop` says so. Without a sender (a server whose owner let go of it, as tests
/// do) nothing can stop the follower, so this never returns.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    while !*stop.borrow_and_update() {
        if stop.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

fn changes_payload(changes: &sync::Changes, follower: &Follower) -> String {
    changes
        .next_position()
        .unwrap_or(follower.position())
        .payload()
}

/// The articles the database holds, for progress reports.
pub async fn article_count(db: &DatabaseConnection) -> anyhow::Result<u64> {
    Ok(sync::article_count(db).await?)
}
