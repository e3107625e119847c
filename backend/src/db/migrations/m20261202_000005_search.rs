//! What the search index of each instance follows to stay in step with the database: articles
//! by `updated_at` (every write sets it), and a tombstone per deleted article. Instants are
//! Unix milliseconds in a BIGINT, as in the sessions migration.

use sea_orm_migration::prelude::{
    ColumnDef, DeriveIden, DeriveMigrationName, Index, MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Articles {
    Table,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ArticleTombstones {
    Table,
    ArticleId,
    DeletedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_articles_updated")
                    .table(Articles::Table)
                    .col(Articles::UpdatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ArticleTombstones::Table)
                    .col(
                        ColumnDef::new(ArticleTombstones::ArticleId)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ArticleTombstones::DeletedAt)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_article_tombstones_deleted")
                    .table(ArticleTombstones::Table)
                    .col(ArticleTombstones::DeletedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ArticleTombstones::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_articles_updated")
                    .table(Articles::Table)
                    .to_owned(),
            )
            .await
    }
}
