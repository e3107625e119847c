//! Which rows are demo content, so that `portal demo remove` takes away exactly what
//! `portal demo load` (or the first start) added, and nothing an editor wrote.

use sea_orm_migration::prelude::{
    ColumnDef, DeriveIden, DeriveMigrationName, Index, MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DemoRecords {
    Table,
    Kind,
    RecordId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DemoRecords::Table)
                    .col(ColumnDef::new(DemoRecords::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(DemoRecords::RecordId).integer().not_null())
                    .primary_key(
                        Index::create()
                            .col(DemoRecords::Kind)
                            .col(DemoRecords::RecordId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DemoRecords::Table).to_owned())
            .await
    }
}
