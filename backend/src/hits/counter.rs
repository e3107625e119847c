//! The in-memory side of the counter: what a view does (no database write) and what a flush
//! takes away.

use std::{
    collections::{HashMap, HashSet},
    net::IpAddr,
    sync::{Arc, Mutex, MutexGuard, RwLock},
    time::{Duration, Instant},
};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::DatabaseConnection;
use sha2::{Digest, Sha256};

use super::{local_day, store};
use crate::error::ApiResult;

/// How long an article's visibility and count are trusted before being read again.
const ARTICLE_CACHE_TTL: Duration = Duration::from_secs(5);
/// Bounds on what the counter keeps, so that no stream of requests can exhaust memory.
const MAX_CACHED_ARTICLES: usize = 100_000;
const MAX_RECENT_VIEWS: usize = 500_000;

/// Who is viewing: the address and user agent are only hashed, never kept.
#[derive(Debug, Clone)]
pub struct ClientInfo {
    pub ip: IpAddr,
    pub user_agent: String,
    /// Decided by `bots::is_robot` from the request headers.
    pub robot: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOutcome {
    /// The article's count including this view.
    pub hits: i64,
    pub counted: bool,
}

/// Views not yet written, per article and day.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delta {
    pub hits: i64,
    pub raw_hits: i64,
}

/// What one flush writes.
#[derive(Debug, Default)]
pub struct Batch {
    pub deltas: HashMap<(i32, NaiveDate), Delta>,
    pub visitors: HashSet<(NaiveDate, String)>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.deltas.is_empty() && self.visitors.is_empty()
    }

    fn merge(&mut self, other: Batch) {
        for (key, delta) in other.deltas {
            let entry = self.deltas.entry(key).or_default();
            entry.hits += delta.hits;
            entry.raw_hits += delta.raw_hits;
        }
        self.visitors.extend(other.visitors);
    }

    fn pending_hits(&self, article_id: i32) -> i64 {
        self.deltas
            .iter()
            .filter(|((article, _), _)| *article == article_id)
            .map(|(_, delta)| delta.hits)
            .sum()
    }
}

/// What the counter knows of an article without asking the database.
#[derive(Debug, Clone, Copy)]
struct CachedArticle {
    /// When it became (or becomes) public; `None` when it is not published at all.
    public_from: Option<DateTime<Utc>>,
    /// Its count: the stored value when read plus the views counted here since.
    hits: i64,
    read_at: Instant,
}

#[derive(Default)]
struct State {
    pending: Batch,
    /// Visitors this instance has already written, so that a returning visitor is not written
    /// again every interval.
    written_visitors: HashSet<(NaiveDate, [u8; 16])>,
    /// When each visitor last viewed each article, for the dedup window.
    recent: HashMap<([u8; 16], i32), Instant>,
    articles: HashMap<i32, Option<CachedArticle>>,
}

pub struct HitCounter {
    db: DatabaseConnection,
    dedup_window: Duration,
    state: Mutex<State>,
    timezone: RwLock<Tz>,
    salts: Mutex<HashMap<NaiveDate, Arc<str>>>,
    /// One flush at a time: a slow flush must not overlap the next tick or the final flush.
    flushing: tokio::sync::Mutex<()>,
}

impl HitCounter {
    pub fn new(db: DatabaseConnection, dedup_window: Duration, timezone: Tz) -> Self {
        Self {
            db,
            dedup_window,
            state: Mutex::new(State::default()),
            timezone: RwLock::new(timezone),
            salts: Mutex::new(HashMap::new()),
            flushing: tokio::sync::Mutex::new(()),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn timezone(&self) -> Tz {
        *self
            .timezone
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn set_timezone(&self, zone: Tz) {
        *self
            .timezone
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = zone;
    }

    /// Counts a view of `article_id` at `now`. `None` when the article does not exist or is
    /// not public (nothing is counted then).
    pub async fn record_view(
        &self,
        article_id: i32,
        client: &ClientInfo,
        now: DateTime<Utc>,
    ) -> ApiResult<Option<ViewOutcome>> {
        let Some(public_from) = self.public_from(article_id).await? else {
            return Ok(None);
        };
        if public_from > now {
            return Ok(None);
        }
        let day = local_day(now, self.timezone());
        let visitor = if client.robot {
            None
        } else {
            Some(self.visitor_hash(day, client).await?)
        };

        let mut state = self.state();
        let delta = state.pending.deltas.entry((article_id, day)).or_default();
        delta.raw_hits += 1;
        let counted = match visitor {
            None => false,
            Some(visitor) => {
                let seen = Instant::now();
                let key = (visitor, article_id);
                let repeat = state
                    .recent
                    .get(&key)
                    .is_some_and(|last| seen.duration_since(*last) < self.dedup_window);
                if !repeat {
                    if state.recent.len() >= MAX_RECENT_VIEWS {
                        let window = self.dedup_window;
                        state
                            .recent
                            .retain(|_, last| seen.duration_since(*last) < window);
                    }
                    state.recent.insert(key, seen);
                    if let Some(delta) = state.pending.deltas.get_mut(&(article_id, day)) {
                        delta.hits += 1;
                    }
                    if state.written_visitors.len() >= MAX_RECENT_VIEWS {
                        state.written_visitors.clear();
                    }
                    if state.written_visitors.insert((day, visitor)) {
                        state.pending.visitors.insert((day, hex(&visitor)));
                    }
                }
                !repeat
            }
        };
        let hits = match state.articles.get_mut(&article_id) {
            Some(Some(cached)) => {
                if counted {
                    cached.hits += 1;
                }
                cached.hits
            }
            _ => 0,
        };
        Ok(Some(ViewOutcome { hits, counted }))
    }

    /// The article's public-from time, from the cache or the database; `None` when it is not
    /// published or does not exist.
    async fn public_from(&self, article_id: i32) -> ApiResult<Option<DateTime<Utc>>> {
        {
            let state = self.state();
            if let Some(entry) = state.articles.get(&article_id) {
                let fresh = entry.is_none_or(|cached| cached.read_at.elapsed() < ARTICLE_CACHE_TTL);
                if fresh {
                    return Ok(entry.and_then(|cached| cached.public_from));
                }
            }
        }
        let stored = crate::services::articles::visibility(&self.db, article_id).await?;
        let mut state = self.state();
        if state.articles.len() >= MAX_CACHED_ARTICLES {
            state.articles.clear();
        }
        let entry = stored.map(|stored| CachedArticle {
            public_from: stored.public_from,
            hits: stored.hits + state.pending.pending_hits(article_id),
            read_at: Instant::now(),
        });
        // Unknown ids are remembered only briefly (ids are created all the time).
        if entry.is_some() {
            state.articles.insert(article_id, entry);
        }
        Ok(entry.and_then(|cached| cached.public_from))
    }

    async fn visitor_hash(&self, day: NaiveDate, client: &ClientInfo) -> ApiResult<[u8; 16]> {
        let cached = {
            let salts = self
                .salts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            salts.get(&day).cloned()
        };
        let salt = match cached {
            Some(salt) => salt,
            None => {
                let salt: Arc<str> = store::salt_for(&self.db, day).await?.into();
                let mut salts = self
                    .salts
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                salts.retain(|known, _| (day - *known).num_days().abs() <= 1);
                salts.insert(day, salt.clone());
                salt
            }
        };
        let mut hasher = Sha256::new();
        hasher.update(salt.as_bytes());
        hasher.update([0]);
        hasher.update(client.ip.to_string().as_bytes());
        hasher.update([0]);
        hasher.update(client.user_agent.as_bytes());
        let digest = hasher.finalize();
        let mut visitor = [0u8; 16];
        visitor.copy_from_slice(&digest[..16]);
        Ok(visitor)
    }

    /// Views counted here and not yet written.
    pub fn pending(&self) -> (i64, i64) {
        let state = self.state();
        state
            .pending
            .deltas
            .values()
            .fold((0, 0), |(hits, raw), delta| {
                (hits + delta.hits, raw + delta.raw_hits)
            })
    }

    /// Writes everything pending in one transaction. On failure the views stay pending for
    /// the next flush. Returns the number of counted views written.
    pub async fn flush(&self) -> anyhow::Result<i64> {
        let _one_at_a_time = self.flushing.lock().await;
        let batch = std::mem::take(&mut self.state().pending);
        if batch.is_empty() {
            return Ok(0);
        }
        let written: i64 = batch.deltas.values().map(|delta| delta.hits).sum();
        match store::write_batch(&self.db, &batch).await {
            Ok(()) => Ok(written),
            Err(error) => {
                self.state().pending.merge(batch);
                Err(error)
            }
        }
    }

    /// Reads the site's time zone again (another instance may have changed it) and forgets
    /// salts of days long past.
    pub async fn refresh(&self) -> anyhow::Result<()> {
        if let Some(zone) = store::site_timezone(&self.db).await? {
            self.set_timezone(zone);
        }
        let today = local_day(Utc::now(), self.timezone());
        store::forget_old_salts(&self.db, today).await
    }

    /// Flushes every `interval` until `stop` fires, then once more.
    pub fn spawn_flusher(
        self: Arc<Self>,
        interval: Duration,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(interval);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut ticks: u64 = 0;
            loop {
                tokio::select! {
                    _ = ticker.tick() => {}
                    _ = stop.changed() => break,
                }
                if let Err(error) = self.flush().await {
                    tracing::warn!(error = %error, "hit flush failed; the views stay pending");
                }
                ticks += 1;
                // About every half minute, whatever the interval.
                if ticks % (30_000 / interval.as_millis().max(1) as u64).max(1) == 0 {
                    if let Err(error) = self.refresh().await {
                        tracing::warn!(error = %error, "hit counter refresh failed");
                    }
                }
            }
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
