//! Moving an old site in. `portal import wxr FILE` reads a WordPress export (see [`wordpress`]).
//! Every import is keyed on the old site's own ids (`import_records`), so a second run updates
//! what the first created instead of duplicating it; it records the old site's addresses
//! (`legacy_links`) so that the portal answers them with a 301 to the new pages; and it ends
//! with one summary: what was created, updated, left as it was, and skipped with the reason.

pub mod dedecms;
pub mod wordpress;
pub mod wxr;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use portal_api::{ArticlePatch, ArticleStatus, NewArticle};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};
use sha2::Digest;

use crate::{
    db::entities::{article, import_record},
    error::ApiError,
    services::{articles, categories, legacy_links, media},
    storage::{self, MediaStore},
};

/// What happened to one kind of thing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Reason → how many, with the first few items it applied to.
    pub skipped: BTreeMap<String, (u64, Vec<String>)>,
}

impl Tally {
    /// Examples kept per reason: enough to find them, not a copy of a big export.
    const EXAMPLES: usize = 5;

    pub fn skip(&mut self, reason: impl Into<String>, item: impl Into<String>) {
        let entry = self.skipped.entry(reason.into()).or_default();
        entry.0 += 1;
        if entry.1.len() < Self::EXAMPLES {
            entry.1.push(item.into());
        }
    }

    pub fn skipped_count(&self) -> u64 {
        self.skipped.values().map(|(count, _)| count).sum()
    }
}

/// One import's outcome.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub dry_run: bool,
    pub authors: Tally,
    pub categories: Tally,
    pub media: Tally,
    pub articles: Tally,
    /// Old addresses recorded (or that would be).
    pub old_links: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (create, update) = if self.dry_run {
            ("would create", "would update")
        } else {
            ("created", "updated")
        };
        for (name, tally) in [
            ("authors", &self.authors),
            ("categories", &self.categories),
            ("media files", &self.media),
            ("articles", &self.articles),
        ] {
            writeln!(
                f,
                "{name}: {create} {}, {update} {}, unchanged {}, skipped {}",
                tally.created,
                tally.updated,
                tally.unchanged,
                tally.skipped_count()
            )?;
            for (reason, (count, examples)) in &tally.skipped {
                writeln!(
                    f,
                    "  skipped {count}: {reason} (e.g. {})",
                    examples.join(", ")
                )?;
            }
        }
        let links = if self.dry_run {
            "old addresses that would answer with a 301"
        } else {
            "old addresses answering with a 301 to the new pages"
        };
        write!(f, "{links}: {}", self.old_links)
    }
}

/// Where an import item went: the ids kept in `import_records`.
pub struct Records<'a> {
    pub source: &'a str,
}

impl Records<'_> {
    pub async fn find(
        &self,
        db: &impl ConnectionTrait,
        kind: &str,
        source_id: &str,
    ) -> Result<Option<i32>, sea_orm::DbErr> {
        Ok(import_record::Entity::find_by_id((
            self.source.to_owned(),
            kind.to_owned(),
            source_id.to_owned(),
        ))
        .one(db)
        .await?
        .map(|record| record.record_id))
    }

    pub async fn remember(
        &self,
        db: &impl ConnectionTrait,
        kind: &str,
        source_id: &str,
        record_id: i32,
    ) -> Result<(), sea_orm::DbErr> {
        import_record::Entity::insert(import_record::ActiveModel {
            source: Set(self.source.to_owned()),
            kind: Set(kind.to_owned()),
            source_id: Set(source_id.to_owned()),
            record_id: Set(record_id),
        })
        .on_conflict(
            OnConflict::columns([
                import_record::Column::Source,
                import_record::Column::Kind,
                import_record::Column::SourceId,
            ])
            .update_column(import_record::Column::RecordId)
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
        Ok(())
    }
}

/// Text the old site kept HTML-escaped (WordPress's names, DedeCMS's titles: `&amp;`).
pub(crate) fn unescape_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Cuts `text` to `max` characters, without control characters (line breaks become spaces
/// where `one_line`).
pub(crate) fn fit(text: &str, max: usize, one_line: bool) -> String {
    text.chars()
        .map(|c| {
            if one_line && c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .take(max)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Records old addresses for `target`, leaving out the target itself (no redirect loops).
pub(crate) async fn keep_addresses(
    db: &DatabaseConnection,
    source: &str,
    dry_run: bool,
    addresses: Vec<(String, String)>,
    target: &str,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let own = legacy_links::key(target, "");
    let mut addresses: Vec<(String, String)> = addresses
        .into_iter()
        .filter(|(path, query)| legacy_links::key(path, query) != own)
        .collect();
    addresses.dedup();
    if !dry_run {
        let left_out = legacy_links::record(db, source, &addresses, target).await?;
        summary.old_links += (addresses.len() - left_out) as u64;
    } else {
        summary.old_links += addresses.len() as u64;
    }
    Ok(())
}

pub(crate) fn api_error(error: ApiError) -> anyhow::Error {
    match error {
        ApiError::Internal(inner) => inner,
        other => anyhow::anyhow!("{other}"),
    }
}

/// Copies a local file into the store's incoming folder, hashing it on the way.
pub(crate) fn receive(
    store: &MediaStore,
    path: &Path,
    file_name: &str,
) -> anyhow::Result<media::Received> {
    let (incoming, mut target) = store.incoming()?;
    let mut source = std::fs::File::open(path)?;
    let mut hasher = sha2::Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut size = 0_u64;
    loop {
        let read = source.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        target.write_all(&buffer[..read])?;
        size += read as u64;
    }
    target.flush()?;
    Ok(media::Received {
        incoming,
        size,
        sha256: storage::hex(&hasher.finalize()),
        file_name: media::clean_file_name(file_name),
    })
}

/// An old site's article as the portal will keep it.
pub(crate) struct ArticleFromImport<'a> {
    /// What `import_records` calls it (`post`, `archive`) and its id on the old site.
    pub kind: &'a str,
    pub source_id: &'a str,
    /// How the summary names it when it is skipped.
    pub what: String,
    /// `None` in a dry run when the category is new.
    pub category_id: Option<i32>,
    pub title: String,
    pub summary: Option<String>,
    pub body: String,
    /// `None` leaves an updated article's source as it is.
    pub source: Option<String>,
    pub author: String,
    pub status: ArticleStatus,
    pub published_at: Option<DateTime<Utc>>,
    /// When it was first written, for `created_at`.
    pub written_at: Option<DateTime<Utc>>,
    pub pinned: bool,
    pub attachments: Vec<i32>,
    /// The old site's view count: the article's starting count.
    pub views: i64,
}

/// Creates the article, or updates the one an earlier run created, through the same rules as
/// the API; its id (`0` for a new one in a dry run), or `None` when it was skipped.
pub(crate) async fn upsert_article(
    db: &DatabaseConnection,
    cache: &categories::CategoryCache,
    records: &Records<'_>,
    dry_run: bool,
    summary: &mut Summary,
    found: ArticleFromImport<'_>,
) -> anyhow::Result<Option<i32>> {
    let mut existing = records.find(db, found.kind, found.source_id).await?;
    if let Some(id) = existing {
        if article::Entity::find_by_id(id).one(db).await?.is_none() {
            existing = None;
        }
    }
    let views = found.views.max(0);
    match (existing, found.category_id) {
        (Some(id), _) if dry_run => {
            summary.articles.updated += 1;
            Ok(Some(id))
        }
        (None, _) if dry_run => {
            summary.articles.created += 1;
            Ok(Some(0))
        }
        (_, None) => {
            summary
                .articles
                .skip("its category would be created first", found.what);
            Ok(None)
        }
        (Some(id), Some(category_id)) => {
            let patch = ArticlePatch {
                title: Some(found.title),
                category_id: Some(category_id),
                summary: Some(found.summary.unwrap_or_default()),
                body: Some(found.body),
                source: found.source,
                author: Some(found.author),
                status: Some(found.status),
                published_at: Some(found.published_at),
                pinned: Some(found.pinned),
                attachments: Some(found.attachments),
            };
            if let Err(error) = articles::update(db, cache, id, patch).await {
                summary
                    .articles
                    .skip(format!("refused: {error}"), found.what);
                return Ok(None);
            }
            // Views counted here since the last import stay.
            article::Entity::update_many()
                .col_expr(article::Column::Hits, Expr::value(views))
                .filter(article::Column::Id.eq(id))
                .filter(article::Column::Hits.lt(views))
                .exec(db)
                .await?;
            summary.articles.updated += 1;
            Ok(Some(id))
        }
        (None, Some(category_id)) => {
            let new = NewArticle {
                title: found.title,
                category_id,
                summary: found.summary,
                body: found.body,
                source: found.source.unwrap_or_default(),
                author: found.author,
                status: Some(found.status),
                published_at: found.published_at,
                pinned: found.pinned,
                attachments: found.attachments,
            };
            let created = match articles::create(db, cache, new).await {
                Ok(created) => created,
                Err(error) => {
                    summary
                        .articles
                        .skip(format!("refused: {error}"), found.what);
                    return Ok(None);
                }
            };
            let mut imported = article::Entity::update_many()
                .col_expr(article::Column::Hits, Expr::value(views))
                .filter(article::Column::Id.eq(created.id));
            if let Some(written) = found.written_at {
                imported = imported.col_expr(article::Column::CreatedAt, Expr::value(written));
            }
            imported.exec(db).await?;
            records
                .remember(db, found.kind, found.source_id, created.id)
                .await?;
            summary.articles.created += 1;
            Ok(Some(created.id))
        }
    }
}
