//! Keeping an instance's index in step with the database it shares with other instances.
//!
//! Every write to an article sets its `updated_at`; every deletion leaves a tombstone. Each look
//! reads both from [`SLACK`] before the previous look (for transactions that committed late and
//! clocks a little apart) and skips what it has already taken in; the first look after a start
//! reads from the slack before the saved position. The position is saved in the index's own
//! commit, so the index and the position never disagree. Starting from the epoch on an empty
//! index is a rebuild. A transaction that commits more than the slack after the time it
//! stamped on its rows is missed (writers stamp each batch as they write it).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::OnConflict, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use super::index::SCHEMA_VERSION;
use crate::db::entities::{article, article_tombstone};

/// How far back each look goes again.
const SLACK: chrono::Duration = chrono::Duration::seconds(10);
/// Times are kept to whole seconds, so a row written twice within a second looks the same
/// both times: a row is taken as seen only once its `updated_at` is this far behind the look
/// that saw it.
const SAME_SECOND_GUARD: i64 = 2;
/// Rows read (and documents staged) at a time.
const BATCH: u64 = 500;
/// Tombstones are kept this long; an index that has not looked for longer is rebuilt.
pub const TOMBSTONE_RETENTION_DAYS: i64 = 30;

/// Leaves a tombstone for each deleted article, in the deleting transaction.
pub async fn record_deletions(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), DbErr> {
    let now = Utc::now().timestamp_millis();
    for chunk in ids.chunks(200) {
        let rows = chunk.iter().map(|id| article_tombstone::ActiveModel {
            article_id: Set(*id),
            deleted_at: Set(now),
        });
        article_tombstone::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::column(article_tombstone::Column::ArticleId)
                    .update_column(article_tombstone::Column::DeletedAt)
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Deletes tombstones past their retention.
pub async fn forget_old_tombstones(db: &DatabaseConnection) -> Result<u64, DbErr> {
    let cutoff = (Utc::now() - chrono::Duration::days(TOMBSTONE_RETENTION_DAYS)).timestamp_millis();
    Ok(article_tombstone::Entity::delete_many()
        .filter(article_tombstone::Column::DeletedAt.lt(cutoff))
        .exec(db)
        .await?
        .rows_affected)
}

/// Where the follower stands, as saved with each commit.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Position {
    pub schema: u32,
    /// Unix seconds of the newest `updated_at` taken in.
    pub articles_since: i64,
    /// Unix milliseconds of the newest tombstone taken in.
    pub tombstones_since: i64,
    /// When the look that reached this position began (Unix milliseconds; 0 when unknown, as
    /// in positions saved before it was kept).
    #[serde(default)]
    pub looked_at: i64,
}

impl Position {
    /// The start of a rebuild: every article, and no tombstone older than now.
    pub fn rebuild() -> Self {
        Self {
            schema: SCHEMA_VERSION,
            articles_since: 0,
            tombstones_since: Utc::now().timestamp_millis(),
            looked_at: 0,
        }
    }

    /// The saved position, unless it is unreadable or older than the tombstones reach.
    pub fn from_payload(payload: Option<&str>) -> Option<Self> {
        let position: Self = serde_json::from_str(payload?).ok()?;
        let oldest_kept =
            (Utc::now() - chrono::Duration::days(TOMBSTONE_RETENTION_DAYS)).timestamp_millis();
        (position.schema == SCHEMA_VERSION && position.tombstones_since >= oldest_kept)
            .then_some(position)
    }

    pub fn payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What one look found: articles to (re)index and articles to drop.
#[derive(Debug, Default)]
pub struct Changes {
    /// Articles written, with their `updated_at` as read (Unix seconds).
    pub changed: Vec<(i32, i64)>,
    pub deleted: Vec<i32>,
    next: Option<Position>,
    /// When the look began (Unix milliseconds, this machine's clock).
    looked_at: i64,
    seen_articles: Vec<(i32, i64)>,
    seen_tombstones: Vec<(i32, i64)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.deleted.is_empty()
    }

    /// Where the follower stands once these are in.
    pub fn next_position(&self) -> Option<Position> {
        self.next
    }
}

/// Reads the database's changes since a position.
pub struct Follower {
    position: Position,
    /// When the last look that was taken in began (Unix milliseconds).
    last_look: Option<i64>,
    seen_articles: HashMap<i32, i64>,
    seen_tombstones: HashMap<i32, i64>,
}

impl Follower {
    pub fn new(position: Position) -> Self {
        Self {
            position,
            last_look: None,
            seen_articles: HashMap::new(),
            seen_tombstones: HashMap::new(),
        }
    }

    pub fn position(&self) -> Position {
        self.position
    }

    /// Articles written and deleted since the position (and the slack before it) that have not
    /// been taken in yet.
    pub async fn look(&self, db: &DatabaseConnection) -> Result<Changes, DbErr> {
        use article::Column as C;
        let mut changes = Changes::default();
        let mut next = self.position;
        let looked_at = Utc::now();
        changes.looked_at = looked_at.timestamp_millis();
        let settled_before = looked_at.timestamp() - SAME_SECOND_GUARD;
        let (articles_from, tombstones_from) = self.reads_from();

        let since = DateTime::<Utc>::from_timestamp(articles_from, 0).unwrap_or_default();
        let mut after: Option<(DateTime<Utc>, i32)> = None;
        loop {
            let mut query = article::Entity::find()
                .select_only()
                .columns([C::Id, C::UpdatedAt]);
            // A rebuild reads every row. (MariaDB cannot compare with times before 1970.)
            if self.last_look.is_some() || self.position.articles_since > 0 {
                query = query.filter(C::UpdatedAt.gte(since));
            }
            if let Some((at, id)) = after {
                query = query.filter(
                    Condition::any()
                        .add(C::UpdatedAt.gt(at))
                        .add(Condition::all().add(C::UpdatedAt.eq(at)).add(C::Id.gt(id))),
                );
            }
            let rows: Vec<(i32, DateTime<Utc>)> = query
                .order_by_asc(C::UpdatedAt)
                .order_by_asc(C::Id)
                .limit(BATCH)
                .into_tuple()
                .all(db)
                .await?;
            let full = rows.len() as u64 == BATCH;
            for (id, at) in &rows {
                let seconds = at.timestamp();
                next.articles_since = next.articles_since.max(seconds);
                if self.seen_articles.get(id) != Some(&seconds) {
                    changes.changed.push((*id, seconds));
                    if seconds < settled_before {
                        changes.seen_articles.push((*id, seconds));
                    }
                }
            }
            after = rows.last().copied().map(|(id, at)| (at, id));
            if !full {
                break;
            }
        }

        let tombstones = article_tombstone::Entity::find()
            .filter(article_tombstone::Column::DeletedAt.gte(tombstones_from))
            .all(db)
            .await?;
        for tombstone in tombstones {
            next.tombstones_since = next.tombstones_since.max(tombstone.deleted_at);
            if self.seen_tombstones.get(&tombstone.article_id) != Some(&tombstone.deleted_at) {
                changes.deleted.push(tombstone.article_id);
                changes
                    .seen_tombstones
                    .push((tombstone.article_id, tombstone.deleted_at));
            }
        }
        tracing::debug!(
            since = %since,
            changed = changes.changed.len(),
            deleted = changes.deleted.len(),
            "looked for changes to index"
        );
        next.looked_at = changes.looked_at;
        changes.next = Some(next);
        Ok(changes)
    }

    /// Whether this is the first look since a start from a saved position: it reads the slack
    /// before that position again, rows the index mostly holds already.
    pub fn resumes(&self) -> bool {
        self.last_look.is_none() && self.position.articles_since > 0
    }

    /// Leaves out of `changes` the rows that the index already holds as they are now:
    /// `indexed` gives each indexed article's `updated_at` (Unix seconds). Only rows settled
    /// before the saved position's look qualify: a row written twice within one second looks
    /// the same both times, and the look may have seen the first write only.
    pub fn skip_indexed(&self, changes: &mut Changes, indexed: &HashMap<i32, i64>) {
        let settled_before = self.position.looked_at.div_euclid(1000) - SAME_SECOND_GUARD;
        changes
            .changed
            .retain(|(id, at)| !(*at < settled_before && indexed.get(id) == Some(at)));
    }

    /// Where the next look starts: Unix seconds for articles, milliseconds for tombstones.
    fn reads_from(&self) -> (i64, i64) {
        match self.last_look {
            Some(last) => (
                (last - SLACK.num_milliseconds()).div_euclid(1000),
                last - SLACK.num_milliseconds(),
            ),
            None => (
                self.position.articles_since - SLACK.num_seconds(),
                self.position.tombstones_since - SLACK.num_milliseconds(),
            ),
        }
    }

    /// Moves past `changes` once they are in the index.
    pub fn taken_in(&mut self, changes: Changes) {
        let Some(next) = changes.next else {
            return;
        };
        self.position = next;
        self.last_look = Some(changes.looked_at);
        self.seen_articles.extend(changes.seen_articles);
        self.seen_tombstones.extend(changes.seen_tombstones);
        // What the next look will not read again need not be remembered.
        let (articles_from, tombstones_from) = self.reads_from();
        self.seen_articles.retain(|_, at| *at >= articles_from);
        self.seen_tombstones.retain(|_, at| *at >= tombstones_from);
    }
}

/// The articles with these ids that still exist, whole.
pub async fn load(db: &DatabaseConnection, ids: &[i32]) -> Result<Vec<article::Model>, DbErr> {
    article::Entity::find()
        .filter(article::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await
}

/// How many articles there are, for a rebuild's progress.
pub async fn article_count(db: &DatabaseConnection) -> Result<u64, DbErr> {
    article::Entity::find().count(db).await
}

/// The size of the batches in which changes are loaded.
pub fn batch_size() -> usize {
    BATCH as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restart_skips_only_rows_the_index_holds_as_they_are() {
        let follower = Follower::new(Position {
            schema: SCHEMA_VERSION,
            articles_since: 1_000,
            tombstones_since: 0,
            looked_at: 1_000_500,
        });
        assert!(follower.resumes());
        let mut changes = Changes {
            changed: vec![(1, 900), (2, 999), (3, 900), (4, 900)],
            ..Changes::default()
        };
        let indexed = HashMap::from([(1, 900), (2, 999), (3, 800)]);
        follower.skip_indexed(&mut changes, &indexed);
        // 1: held as it is. 2: written within the look's last seconds, perhaps twice.
        // 3: the index holds an older version. 4: not in the index.
        assert_eq!(changes.changed, vec![(2, 999), (3, 900), (4, 900)]);

        // A position saved before the look time was kept skips nothing.
        let older = Follower::new(Position {
            looked_at: 0,
            ..follower.position()
        });
        let mut changes = Changes {
            changed: vec![(1, 900)],
            ..Changes::default()
        };
        older.skip_indexed(&mut changes, &indexed);
        assert_eq!(changes.changed, vec![(1, 900)]);
        let saved: Position =
            serde_json::from_str(r#"{"schema":1,"articles_since":1000,"tombstones_since":0}"#)
                .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(saved.looked_at, 0);
    }
}
