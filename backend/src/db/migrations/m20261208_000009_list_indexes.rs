//! Lists that stay fast at 100,000 articles on SQLite (figures from `sqlite3` on the generated
//! demo database of `just bench`):
//!
//! - the home page's pinned articles (`GET /api/v1/articles?pinned=true`) through an index of
//!   their own: with only (status, published_at), the databases went through the public
//!   articles newest first looking for the few pinned ones (220-560 ms on every uncached home
//!   page; now 3 ms);
//! - the site-wide (status, published_at) index also holds the id and the category, so a list
//!   of several categories (a section with its sub-categories, newest first) skips the other
//!   categories' articles in the index instead of reading each one's row: 1.0 ms instead of
//!   0.1 for a section whose newest articles are 581 places down the site's list. The id keeps
//!   the index in the lists' full order (publish time, then id).

use sea_orm_migration::prelude::{
    DeriveIden, DeriveMigrationName, Index, IndexCreateStatement, MigrationTrait, SchemaManager,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Articles {
    Table,
    Id,
    CategoryId,
    Pinned,
    Status,
    PublishedAt,
}

const PINNED: &str = "idx_articles_pinned_status_published";
const SITE_WIDE: &str = "idx_articles_status_published_id_category";
const SITE_WIDE_BEFORE: &str = "idx_articles_status_published";

/// An index of the articles table on `columns`, in order.
fn articles_index<const N: usize>(name: &str, columns: [Articles; N]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(Articles::Table);
    for column in columns {
        index.col(column);
    }
    index.to_owned()
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(articles_index(
                PINNED,
                [Articles::Pinned, Articles::Status, Articles::PublishedAt],
            ))
            .await?;
        manager
            .create_index(articles_index(
                SITE_WIDE,
                [
                    Articles::Status,
                    Articles::PublishedAt,
                    Articles::Id,
                    Articles::CategoryId,
                ],
            ))
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(SITE_WIDE_BEFORE)
                    .table(Articles::Table)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(articles_index(
                SITE_WIDE_BEFORE,
                [Articles::Status, Articles::PublishedAt],
            ))
            .await?;
        for name in [SITE_WIDE, PINNED] {
            manager
                .drop_index(Index::drop().name(name).table(Articles::Table).to_owned())
                .await?;
        }
        Ok(())
    }
}
