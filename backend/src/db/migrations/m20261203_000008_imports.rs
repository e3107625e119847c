//! What importing an old site leaves behind: which record each source item became (so a second
//! run updates instead of duplicating), and the old site's addresses with the new ones they
//! are answered with (301), so search engines and bookmarks follow.

use sea_orm_migration::prelude::{
    ColumnDef, DeriveIden, DeriveMigrationName, Index, MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ImportRecords {
    Table,
    Source,
    Kind,
    SourceId,
    RecordId,
}

#[derive(DeriveIden)]
enum LegacyLinks {
    Table,
    Path,
    Target,
    Source,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ImportRecords::Table)
                    .col(
                        ColumnDef::new(ImportRecords::Source)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ImportRecords::Kind)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ImportRecords::SourceId)
                            .string_len(100)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ImportRecords::RecordId).integer().not_null())
                    .primary_key(
                        Index::create()
                            .col(ImportRecords::Source)
                            .col(ImportRecords::Kind)
                            .col(ImportRecords::SourceId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LegacyLinks::Table)
                    .col(
                        ColumnDef::new(LegacyLinks::Path)
                            .string_len(700)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(LegacyLinks::Target)
                            .string_len(700)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(LegacyLinks::Source)
                            .string_len(200)
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LegacyLinks::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ImportRecords::Table).to_owned())
            .await
    }
}
