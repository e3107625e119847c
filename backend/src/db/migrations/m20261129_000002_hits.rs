//! Hit counting: per-article day buckets, the day's distinct visitors (as salted hashes, never
//! addresses), and the daily salts those hashes are made with.

use sea_orm_migration::prelude::{
    ColumnDef, DeriveIden, DeriveMigrationName, ForeignKey, ForeignKeyAction, Index,
    MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Articles {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ArticleDailyHits {
    Table,
    ArticleId,
    Day,
    Hits,
    RawHits,
}

#[derive(DeriveIden)]
enum DailyVisitors {
    Table,
    Day,
    Visitor,
}

#[derive(DeriveIden)]
enum VisitorSalts {
    Table,
    Day,
    Salt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ArticleDailyHits::Table)
                    .col(
                        ColumnDef::new(ArticleDailyHits::ArticleId)
                            .integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ArticleDailyHits::Day).date().not_null())
                    .col(
                        ColumnDef::new(ArticleDailyHits::Hits)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(ArticleDailyHits::RawHits)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .primary_key(
                        Index::create()
                            .col(ArticleDailyHits::ArticleId)
                            .col(ArticleDailyHits::Day),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_article_daily_hits_article")
                            .from(ArticleDailyHits::Table, ArticleDailyHits::ArticleId)
                            .to(Articles::Table, Articles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Site-wide series and most-read lists scan by day.
        manager
            .create_index(
                Index::create()
                    .name("idx_article_daily_hits_day")
                    .table(ArticleDailyHits::Table)
                    .col(ArticleDailyHits::Day)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DailyVisitors::Table)
                    .col(ColumnDef::new(DailyVisitors::Day).date().not_null())
                    .col(
                        ColumnDef::new(DailyVisitors::Visitor)
                            .string_len(32)
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(DailyVisitors::Day)
                            .col(DailyVisitors::Visitor),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(VisitorSalts::Table)
                    .col(
                        ColumnDef::new(VisitorSalts::Day)
                            .date()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(VisitorSalts::Salt).string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(VisitorSalts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(DailyVisitors::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ArticleDailyHits::Table).to_owned())
            .await
    }
}
