//! The in-memory side of the counter: what a view does (no database write) and what a flush
//! takes away.

use std::{
    hash::BuildHasher,
    net::IpAddr,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex, MutexGuard, RwLock,
    },
    time::{Duration, Instant},
};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::DatabaseConnection;
use sha2::{Digest, Sha256};

use super::{
    batch::{Batch, DayVisitor, Delta, VisitorId},
    bots,
    identity::{self, Identity},
    local_day,
    per_address::{address_key, AddressCaps},
    recent::RecentViews,
    store, FastMap, FastSet,
};
use crate::{error::ApiResult, services::articles::Visibility};

/// How long an article's visibility and count are trusted before being read again.
const ARTICLE_CACHE_TTL: Duration = Duration::from_secs(5);
/// Bounds on what the counter keeps, so that no stream of requests can exhaust memory.
const MAX_CACHED_ARTICLES: usize = 100_000;
/// (address, article) pairs tallied per day for the per-address cap, over all shards: about
/// 24 MiB at most.
const MAX_ADDRESS_TALLIES: usize = 1 << 20;
/// The counter's state is split into this many independently locked shards, by article and
/// by visitor, so that server threads counting different views do not wait for one another
/// (a contended lock puts a thread to sleep, which costs more than the whole view).
const SHARDS: usize = 16;

/// How the counter decides what counts and what it keeps.
#[derive(Debug, Clone, Copy)]
pub struct CounterSettings {
    /// A visitor's repeated view of an article within it counts once.
    pub dedup_window: Duration,
    /// Counted views the reload window keeps per generation (see `recent::RecentViews`).
    pub dedup_capacity: usize,
    /// Visitors counted per client address, article and day at most.
    pub views_per_address: u16,
    /// Days the day's visitor ids are kept before only their total remains.
    pub visitor_retention_days: u32,
}

/// Who is viewing: the address and user agent are only hashed, never kept.
#[derive(Debug, Clone, Copy)]
pub struct ClientInfo<'a> {
    pub ip: IpAddr,
    pub user_agent: &'a str,
    /// A prefetch, a headless browser's hints (`bots::marked_as_no_view`) or a beacon from
    /// another site: a raw hit, never a view. The user agent itself is judged by the counter.
    pub marked_as_no_view: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOutcome {
    /// The article's count including this view.
    pub hits: i64,
    pub counted: bool,
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

/// The articles whose ids fall in one shard: their pending views, reload windows and cache.
struct ArticleShard {
    pending: FastMap<(i32, NaiveDate), Delta>,
    recent: RecentViews,
    articles: FastMap<i32, CachedArticle>,
    per_address: AddressCaps,
    views_per_address: u16,
}

impl ArticleShard {
    fn new(dedup_window: Duration, dedup_capacity: usize, views_per_address: u16) -> Self {
        Self {
            pending: FastMap::default(),
            recent: RecentViews::new(dedup_window, (dedup_capacity / SHARDS).max(1)),
            articles: FastMap::default(),
            per_address: AddressCaps::new(MAX_ADDRESS_TALLIES / SHARDS),
            views_per_address,
        }
    }

    fn pending_hits(&self, article_id: i32) -> i64 {
        self.pending
            .iter()
            .filter(|((article, _), _)| *article == article_id)
            .map(|(_, delta)| delta.hits)
            .sum()
    }

    /// Counts the view if the cache knows the article: always a raw hit, a hit unless it is
    /// a robot's or a reload.
    fn record(&mut self, view: &View) -> Recorded {
        let Some(cached) = self.articles.get_mut(&view.article_id).filter(|cached| {
            view.seen.saturating_duration_since(cached.read_at) < ARTICLE_CACHE_TTL
        }) else {
            return Recorded::Uncached;
        };
        if cached.public_from.is_none_or(|from| from > view.at) {
            return Recorded::NotPublic;
        }
        let counted = view.visitor.is_some_and(|visitor| {
            !self
                .recent
                .is_repeat(view_fingerprint(&visitor, view.article_id), view.second)
                && self
                    .per_address
                    .admit(view.address, view.day, self.views_per_address)
        });
        let delta = self.pending.entry((view.article_id, view.day)).or_default();
        delta.raw_hits += 1;
        delta.hits += i64::from(counted);
        cached.hits += i64::from(counted);
        Recorded::Counted(ViewOutcome {
            hits: cached.hits,
            counted,
        })
    }

    /// Caches what the database says of an article.
    fn remember(&mut self, article_id: i32, stored: Visibility, read_at: Instant) {
        if self.articles.len() >= MAX_CACHED_ARTICLES / SHARDS {
            self.articles.clear();
        }
        let hits = stored.hits + self.pending_hits(article_id);
        self.articles.insert(
            article_id,
            CachedArticle {
                public_from: stored.public_from,
                hits,
                read_at,
            },
        );
    }
}

/// One view being counted.
struct View {
    article_id: i32,
    at: DateTime<Utc>,
    /// The calendar day of `at` in the site's time zone.
    day: NaiveDate,
    /// `None` for robots and for views that must not count (see `ClientInfo`).
    visitor: Option<VisitorId>,
    /// A fingerprint of the client's address (see `per_address`) and the article.
    address: u64,
    seen: Instant,
    /// `seen` in whole seconds on the counter's clock.
    second: u32,
}

enum Recorded {
    Counted(ViewOutcome),
    NotPublic,
    /// The cache does not know the article (or no longer trusts what it knew).
    Uncached,
}

pub struct HitCounter {
    db: DatabaseConnection,
    /// This counter's key to the server threads' memory of identities.
    owner: u64,
    fingerprints: foldhash::fast::RandomState,
    articles: Box<[Mutex<ArticleShard>]>,
    /// The day's visitors not yet written, sharded by visitor id. A server thread lists a
    /// visitor once a day (its identity memory says so); the database keeps one row however
    /// many threads or instances list it.
    visitors: Box<[Mutex<FastSet<DayVisitor>>]>,
    /// The start of the counter's own clock, in whole seconds, for the reload windows.
    epoch: Instant,
    /// The site's time zone, as its index in `chrono_tz::TZ_VARIANTS`: read on every view,
    /// so an atomic rather than a lock whose cache line both cores would write.
    timezone: AtomicUsize,
    /// Per day, a SHA-256 state that has already taken the day's salt.
    salted: RwLock<Vec<(NaiveDate, Sha256)>>,
    /// One flush at a time: a slow flush must not overlap the next tick or the final flush.
    flushing: tokio::sync::Mutex<()>,
    visitor_retention_days: u32,
}

impl HitCounter {
    pub fn new(db: DatabaseConnection, settings: CounterSettings, timezone: Tz) -> Self {
        Self {
            db,
            owner: identity::next_owner(),
            fingerprints: foldhash::fast::RandomState::default(),
            articles: (0..SHARDS)
                .map(|_| {
                    Mutex::new(ArticleShard::new(
                        settings.dedup_window,
                        settings.dedup_capacity,
                        settings.views_per_address,
                    ))
                })
                .collect(),
            visitors: (0..SHARDS)
                .map(|_| Mutex::new(FastSet::default()))
                .collect(),
            epoch: Instant::now(),
            timezone: AtomicUsize::new(zone_index(timezone)),
            salted: RwLock::new(Vec::new()),
            flushing: tokio::sync::Mutex::new(()),
            visitor_retention_days: settings.visitor_retention_days,
        }
    }

    /// The shard that holds `article_id`'s state.
    fn article_shard(&self, article_id: i32) -> MutexGuard<'_, ArticleShard> {
        lock(&self.articles[article_id.unsigned_abs() as usize % SHARDS])
    }

    fn visitor_shard(&self, visitor: &VisitorId) -> MutexGuard<'_, FastSet<DayVisitor>> {
        lock(&self.visitors[usize::from(visitor[0]) % SHARDS])
    }

    pub fn timezone(&self) -> Tz {
        chrono_tz::TZ_VARIANTS
            .get(self.timezone.load(Ordering::Relaxed))
            .copied()
            .unwrap_or(chrono_tz::Asia::Shanghai)
    }

    pub fn set_timezone(&self, zone: Tz) {
        self.timezone.store(zone_index(zone), Ordering::Relaxed);
    }

    /// Counts a view of `article_id` at `now`. `None` when the article does not exist or is
    /// not public (nothing is counted then).
    pub async fn record_view(
        &self,
        article_id: i32,
        client: &ClientInfo<'_>,
        now: DateTime<Utc>,
    ) -> ApiResult<Option<ViewOutcome>> {
        let day = local_day(now, self.timezone());
        let (fingerprint, identity) = self.identify(day, client).await?;
        // A prefetch or a headless browser's request is no view, whoever sends it.
        let visitor = identity.visitor.filter(|_| !client.marked_as_no_view);
        let seen = Instant::now();
        let view = View {
            article_id,
            at: now,
            day,
            visitor,
            address: self
                .fingerprints
                .hash_one((address_key(client.ip), article_id)),
            seen,
            second: u32::try_from(seen.duration_since(self.epoch).as_secs()).unwrap_or(u32::MAX),
        };
        // The database is asked only when the cache does not know the article.
        let mut recorded = self.article_shard(article_id).record(&view);
        if let Recorded::Uncached = recorded {
            let Some(stored) = crate::services::articles::visibility(&self.db, article_id).await?
            else {
                // Unknown ids are not remembered (ids are created all the time).
                return Ok(None);
            };
            let mut shard = self.article_shard(article_id);
            shard.remember(article_id, stored, Instant::now());
            recorded = shard.record(&view);
        }
        let Recorded::Counted(outcome) = recorded else {
            return Ok(None);
        };
        if let (true, Some(visitor), false) = (outcome.counted, visitor, identity.listed) {
            self.visitor_shard(&visitor).insert((day, visitor));
            let listed = Identity {
                listed: true,
                ..identity
            };
            identity::remember(self.owner, fingerprint, listed);
        }
        Ok(Some(outcome))
    }

    /// Who the client is on `day` (see `identity`), and the fingerprint it is remembered by.
    async fn identify(
        &self,
        day: NaiveDate,
        client: &ClientInfo<'_>,
    ) -> ApiResult<(u64, Identity)> {
        // Seeded per process: a collision among the identities remembered is a
        // one-in-a-billion event.
        let fingerprint = self.fingerprints.hash_one((client.ip, client.user_agent));
        if let Some(known) = identity::recall(self.owner, fingerprint, day) {
            return Ok((fingerprint, known));
        }
        let visitor = if bots::agent_is_robot(client.user_agent) {
            None
        } else {
            Some(self.visitor_hash(day, client).await?)
        };
        let identity = Identity {
            day,
            visitor,
            listed: false,
        };
        identity::remember(self.owner, fingerprint, identity);
        Ok((fingerprint, identity))
    }

    /// The visitor's id for `day`: a salted SHA-256 of the address and user agent, cut to 16
    /// bytes.
    async fn visitor_hash(&self, day: NaiveDate, client: &ClientInfo<'_>) -> ApiResult<VisitorId> {
        let mut hasher = match self.salted_hasher(day) {
            Some(hasher) => hasher,
            None => {
                let salt = store::salt_for(&self.db, day).await?;
                let mut hasher = Sha256::new();
                hasher.update(salt.as_bytes());
                hasher.update([0]);
                let mut salted = self
                    .salted
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                // Only today's salt is kept: once the day is over, its visitor ids can no
                // longer be recomputed from an address and agent.
                salted.retain(|(known, _)| *known >= day);
                salted.push((day, hasher.clone()));
                hasher
            }
        };
        match client.ip {
            IpAddr::V4(ip) => hasher.update(ip.octets()),
            IpAddr::V6(ip) => hasher.update(ip.octets()),
        }
        hasher.update([0]);
        hasher.update(client.user_agent.as_bytes());
        let digest = hasher.finalize();
        let mut visitor = VisitorId::default();
        visitor.copy_from_slice(&digest[..size_of::<VisitorId>()]);
        Ok(visitor)
    }

    fn salted_hasher(&self, day: NaiveDate) -> Option<Sha256> {
        self.salted
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .find(|(known, _)| *known == day)
            .map(|(_, hasher)| hasher.clone())
    }

    /// Views counted here and not yet written.
    pub fn pending(&self) -> (i64, i64) {
        self.articles.iter().fold((0, 0), |totals, shard| {
            lock(shard)
                .pending
                .values()
                .fold(totals, |(hits, raw), delta| {
                    (hits + delta.hits, raw + delta.raw_hits)
                })
        })
    }

    /// Writes everything pending in one transaction. On failure the views stay pending for
    /// the next flush. Returns the number of counted views written.
    pub async fn flush(&self) -> anyhow::Result<i64> {
        let _one_at_a_time = self.flushing.lock().await;
        let mut batch = Batch::default();
        for shard in &self.articles {
            let taken = std::mem::take(&mut lock(shard).pending);
            batch.deltas.extend(taken);
        }
        for shard in &self.visitors {
            batch.visitors.extend(std::mem::take(&mut *lock(shard)));
        }
        if batch.is_empty() {
            return Ok(0);
        }
        let written: i64 = batch.deltas.values().map(|delta| delta.hits).sum();
        match store::write_batch(&self.db, &batch).await {
            Ok(()) => Ok(written),
            Err(error) => {
                self.put_back(batch);
                Err(error)
            }
        }
    }

    /// Returns a batch that could not be written to the shards it came from.
    fn put_back(&self, batch: Batch) {
        for ((article_id, day), delta) in batch.deltas {
            self.article_shard(article_id)
                .pending
                .entry((article_id, day))
                .or_default()
                .add(delta);
        }
        for (day, visitor) in batch.visitors {
            self.visitor_shard(&visitor).insert((day, visitor));
        }
    }

    /// Reads the site's time zone again (another instance may have changed it), destroys the
    /// salts of days that have ended and folds visitor ids past the retention into totals.
    pub async fn refresh(&self) -> anyhow::Result<()> {
        if let Some(zone) = store::site_timezone(&self.db).await? {
            self.set_timezone(zone);
        }
        let today = local_day(Utc::now(), self.timezone());
        store::forget_old_salts(&self.db, today).await?;
        let keep_from = today - chrono::Duration::days(i64::from(self.visitor_retention_days));
        store::fold_old_visitors(&self.db, keep_from).await?;
        Ok(())
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

/// What the reload window keys on: 64 bits of the visitor id (a salted SHA-256, so unknown to
/// clients) mixed with the article id. Two different views share a fingerprint with a
/// probability of one in 2^64.
fn view_fingerprint(visitor: &VisitorId, article_id: i32) -> u64 {
    let mut prefix = [0u8; 8];
    prefix.copy_from_slice(&visitor[..8]);
    // An odd multiplier spreads consecutive ids over all 64 bits.
    u64::from_le_bytes(prefix)
        ^ u64::from(article_id.unsigned_abs()).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn zone_index(zone: Tz) -> usize {
    chrono_tz::TZ_VARIANTS
        .iter()
        .position(|known| *known == zone)
        .unwrap_or_default()
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
