//! Moving an old site in. `portal import wxr FILE` reads a WordPress export (see [`wordpress`]).
//! Every import is keyed on the old site's own ids (`import_records`), so a second run updates
//! what the first created instead of duplicating it; it records the old site's addresses
//! (`legacy_links`) so that the portal answers them with a 301 to the new pages; and it ends
//! with one summary: what was created, updated, left as it was, and skipped with the reason.

pub mod wordpress;
pub mod wxr;

use std::collections::BTreeMap;

use sea_orm::{sea_query::OnConflict, ConnectionTrait, EntityTrait, Set};

use crate::db::entities::import_record;

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
