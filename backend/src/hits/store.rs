//! The database side of the counter: one batched transaction per flush, and the small reads
//! the counter caches.

use chrono::NaiveDate;
use chrono_tz::Tz;
use sea_orm::{
    sea_query::{Expr, OnConflict, Query},
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set,
};

use super::batch::Batch;
use crate::{
    db::entities::{
        article, article_daily_hits, daily_visitor, site_setting, visitor_day_total, visitor_salt,
    },
    encoding::{lower_hex, random_alphanumeric},
    error::ApiResult,
};

/// Rows per multi-row INSERT: well under every backend's limit on bound parameters.
const ROWS_PER_INSERT: usize = 200;

/// The day's salt, made by whichever instance asks first.
pub async fn salt_for(db: &DatabaseConnection, day: NaiveDate) -> ApiResult<String> {
    if let Some(existing) = visitor_salt::Entity::find_by_id(day).one(db).await? {
        return Ok(existing.salt);
    }
    let fresh = random_alphanumeric(64);
    visitor_salt::Entity::insert(visitor_salt::ActiveModel {
        day: Set(day),
        salt: Set(fresh),
    })
    // "Do nothing" spelled as a no-op update: MariaDB has no ON CONFLICT DO NOTHING.
    .on_conflict(
        OnConflict::column(visitor_salt::Column::Day)
            .update_column(visitor_salt::Column::Day)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    // Whoever won the race, everyone uses the stored one.
    let stored = visitor_salt::Entity::find_by_id(day).one(db).await?;
    stored
        .map(|model| model.salt)
        .ok_or_else(|| anyhow::anyhow!("the visitor salt for {day} vanished").into())
}

/// Salts of days that have ended are destroyed, so their visitor hashes can never be linked
/// to anyone again.
pub async fn forget_old_salts(db: &DatabaseConnection, today: NaiveDate) -> anyhow::Result<()> {
    visitor_salt::Entity::delete_many()
        .filter(visitor_salt::Column::Day.lt(today))
        .exec(db)
        .await?;
    Ok(())
}

/// Visitor rows of days before `keep_from` are folded into one total per day and deleted:
/// the day's count stays, the (salted, unlinkable) ids go.
pub async fn fold_old_visitors(
    db: &DatabaseConnection,
    keep_from: NaiveDate,
) -> anyhow::Result<u64> {
    let backend = db.get_database_backend();
    let txn = crate::db::begin_write(db).await?;
    let counts: Vec<(NaiveDate, i64)> = daily_visitor::Entity::find()
        .select_only()
        .column(daily_visitor::Column::Day)
        .column_as(Expr::cust("COUNT(*)"), "visitors")
        .filter(daily_visitor::Column::Day.lt(keep_from))
        .group_by(daily_visitor::Column::Day)
        .into_tuple()
        .all(&txn)
        .await?;
    if counts.is_empty() {
        txn.commit().await?;
        return Ok(0);
    }
    let add = match backend {
        DatabaseBackend::MySql => Expr::cust("`visitors` + VALUES(`visitors`)"),
        _ => Expr::cust("\"visitor_day_totals\".\"visitors\" + excluded.\"visitors\""),
    };
    for chunk in counts.chunks(ROWS_PER_INSERT) {
        let mut insert = Query::insert();
        insert.into_table(visitor_day_total::Entity).columns([
            visitor_day_total::Column::Day,
            visitor_day_total::Column::Visitors,
        ]);
        for (day, visitors) in chunk {
            insert.values([(*day).into(), (*visitors).into()])?;
        }
        insert.on_conflict(
            OnConflict::column(visitor_day_total::Column::Day)
                .value(visitor_day_total::Column::Visitors, add.clone())
                .to_owned(),
        );
        txn.execute(backend.build(&insert)).await?;
    }
    let deleted = daily_visitor::Entity::delete_many()
        .filter(daily_visitor::Column::Day.lt(keep_from))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(deleted.rows_affected)
}

pub async fn site_timezone(db: &DatabaseConnection) -> anyhow::Result<Option<Tz>> {
    let settings = site_setting::Entity::find().one(db).await?;
    Ok(settings.and_then(|settings| settings.timezone.parse().ok()))
}

/// Writes a batch in one transaction: `hits = hits + n` per article, the day buckets, the
/// day's visitors. Rows are touched in id order so that concurrent instances cannot deadlock.
pub async fn write_batch(db: &DatabaseConnection, batch: &Batch) -> anyhow::Result<()> {
    let backend = db.get_database_backend();
    let txn = crate::db::begin_write(db).await?;

    let mut article_ids: Vec<i32> = batch.deltas.keys().map(|(article, _)| *article).collect();
    article_ids.sort_unstable();
    article_ids.dedup();
    // Views of articles deleted since they were counted are dropped, not retried forever.
    let mut existing: Vec<i32> = Vec::with_capacity(article_ids.len());
    for chunk in article_ids.chunks(ROWS_PER_INSERT) {
        let found: Vec<i32> = article::Entity::find()
            .select_only()
            .column(article::Column::Id)
            .filter(article::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(&txn)
            .await?;
        existing.extend(found);
    }
    existing.sort_unstable();

    let mut buckets: Vec<_> = batch
        .deltas
        .iter()
        .filter(|((article, _), _)| existing.binary_search(article).is_ok())
        .map(|(key, delta)| (*key, *delta))
        .collect();
    buckets.sort_unstable_by_key(|(key, _)| *key);

    // One UPDATE per chunk of articles: `hits = hits + CASE id WHEN .. THEN n .. END`.
    let mut article_deltas: Vec<(i32, i64)> = Vec::with_capacity(existing.len());
    for ((article_id, _), delta) in &buckets {
        match article_deltas.last_mut() {
            Some((last, hits)) if last == article_id => *hits += delta.hits,
            _ => article_deltas.push((*article_id, delta.hits)),
        }
    }
    article_deltas.retain(|(_, hits)| *hits != 0);
    for chunk in article_deltas.chunks(ROWS_PER_INSERT) {
        let mut delta_of = sea_orm::sea_query::CaseStatement::new();
        for (article_id, hits) in chunk {
            delta_of = delta_of.case(article::Column::Id.eq(*article_id), *hits);
        }
        let update = Query::update()
            .table(article::Entity)
            .value(
                article::Column::Hits,
                Expr::col(article::Column::Hits).add(delta_of.finally(0)),
            )
            .and_where(article::Column::Id.is_in(chunk.iter().map(|(id, _)| *id)))
            .to_owned();
        txn.execute(backend.build(&update)).await?;
    }

    for chunk in buckets.chunks(ROWS_PER_INSERT) {
        let mut insert = Query::insert();
        insert.into_table(article_daily_hits::Entity).columns([
            article_daily_hits::Column::ArticleId,
            article_daily_hits::Column::Day,
            article_daily_hits::Column::Hits,
            article_daily_hits::Column::RawHits,
        ]);
        for ((article_id, day), delta) in chunk {
            insert.values([
                (*article_id).into(),
                (*day).into(),
                delta.hits.into(),
                delta.raw_hits.into(),
            ])?;
        }
        insert.on_conflict(add_on_conflict(backend));
        txn.execute(backend.build(&insert)).await?;
    }

    let mut visitors: Vec<_> = batch.visitors.iter().collect();
    visitors.sort_unstable();
    for chunk in visitors.chunks(ROWS_PER_INSERT) {
        let mut insert = Query::insert();
        insert
            .into_table(daily_visitor::Entity)
            .columns([daily_visitor::Column::Day, daily_visitor::Column::Visitor]);
        for (day, visitor) in chunk {
            insert.values([(*day).into(), lower_hex(visitor).into()])?;
        }
        // A visitor already recorded that day stays one row (a no-op update, as above).
        insert.on_conflict(
            OnConflict::columns([daily_visitor::Column::Day, daily_visitor::Column::Visitor])
                .update_column(daily_visitor::Column::Visitor)
                .to_owned(),
        );
        txn.execute(backend.build(&insert)).await?;
    }

    txn.commit().await?;
    Ok(())
}

/// `ON CONFLICT ... DO UPDATE` that adds the new counts to the stored ones. MariaDB names the
/// incoming row `VALUES(col)`, PostgreSQL and SQLite `excluded.col`.
fn add_on_conflict(backend: DatabaseBackend) -> OnConflict {
    let add = |column: &str| match backend {
        DatabaseBackend::MySql => Expr::cust(format!("`{column}` + VALUES(`{column}`)")),
        _ => Expr::cust(format!(
            "\"article_daily_hits\".\"{column}\" + excluded.\"{column}\""
        )),
    };
    OnConflict::columns([
        article_daily_hits::Column::ArticleId,
        article_daily_hits::Column::Day,
    ])
    .values([
        (article_daily_hits::Column::Hits, add("hits")),
        (article_daily_hits::Column::RawHits, add("raw_hits")),
    ])
    .to_owned()
}
