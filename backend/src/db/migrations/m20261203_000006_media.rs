//! The media library: one row per upload. The bytes live in the media store (content-addressed,
//! so rows of equal files share one stored file); a row keeps the name it was uploaded with, its
//! type as the bytes tell it, and for images their size and smaller variants (JSON).

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::{
    ColumnDef, DeriveIden, DeriveMigrationName, Index, MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    Kind,
    Sha256,
    FileName,
    ContentType,
    Size,
    Width,
    Height,
    Alt,
    Variants,
    CreatedBy,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut created_at = ColumnDef::new(Media::CreatedAt);
        match manager.get_database_backend() {
            DatabaseBackend::MySql => created_at.date_time(),
            _ => created_at.timestamp_with_time_zone(),
        };
        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .col(
                        ColumnDef::new(Media::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Media::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(Media::Sha256).string_len(64).not_null())
                    .col(ColumnDef::new(Media::FileName).string_len(255).not_null())
                    .col(
                        ColumnDef::new(Media::ContentType)
                            .string_len(100)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Media::Size).big_integer().not_null())
                    .col(ColumnDef::new(Media::Width).integer().null())
                    .col(ColumnDef::new(Media::Height).integer().null())
                    .col(ColumnDef::new(Media::Alt).string_len(1200).not_null())
                    .col(ColumnDef::new(Media::Variants).text().not_null())
                    .col(ColumnDef::new(Media::CreatedBy).integer().null())
                    .col(created_at.not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_media_sha256")
                    .table(Media::Table)
                    .col(Media::Sha256)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Media::Table).to_owned())
            .await
    }
}
