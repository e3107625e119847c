//! The content tables: categories, articles, friend links, site settings and users.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::{
    Alias, ColumnDef, DeriveIden, DeriveMigrationName, ForeignKey, ForeignKeyAction, Index,
    MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    ParentId,
    Name,
    Slug,
    Description,
    SortOrder,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Articles {
    Table,
    Id,
    CategoryId,
    Title,
    Summary,
    Body,
    Source,
    Author,
    Status,
    PublishedAt,
    Pinned,
    Hits,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FriendLinks {
    Table,
    Id,
    Name,
    Url,
    SortOrder,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SiteSettings {
    Table,
    Id,
    SiteName,
    FooterText,
    IcpNumber,
    Copyright,
    Timezone,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    PasswordHash,
    Role,
    Disabled,
    CreatedAt,
    UpdatedAt,
}

/// Column types that differ between backends.
struct Types(DatabaseBackend);

impl Types {
    /// A UTC instant. MariaDB's TIMESTAMP ends in 2038, so it gets a DATETIME holding UTC.
    fn instant(&self, column: impl sea_orm_migration::prelude::IntoIden) -> ColumnDef {
        let mut def = ColumnDef::new(column);
        match self.0 {
            DatabaseBackend::MySql => def.date_time(),
            _ => def.timestamp_with_time_zone(),
        };
        def
    }

    /// Long text: MariaDB's TEXT stops at 64 KiB, too small for an article body.
    fn long_text(&self, column: impl sea_orm_migration::prelude::IntoIden) -> ColumnDef {
        let mut def = ColumnDef::new(column);
        match self.0 {
            DatabaseBackend::MySql => def.custom(Alias::new("LONGTEXT")),
            _ => def.text(),
        };
        def
    }
}

fn id(column: impl sea_orm_migration::prelude::IntoIden) -> ColumnDef {
    let mut def = ColumnDef::new(column);
    def.integer().not_null().auto_increment().primary_key();
    def
}

fn string(column: impl sea_orm_migration::prelude::IntoIden, length: u32) -> ColumnDef {
    let mut def = ColumnDef::new(column);
    def.string_len(length).not_null();
    def
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let types = Types(manager.get_database_backend());

        manager
            .create_table(
                Table::create()
                    .table(Categories::Table)
                    .col(id(Categories::Id))
                    .col(ColumnDef::new(Categories::ParentId).integer().null())
                    .col(string(Categories::Name, 50))
                    .col(string(Categories::Slug, 64).unique_key())
                    .col(string(Categories::Description, 500))
                    .col(
                        ColumnDef::new(Categories::SortOrder)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(types.instant(Categories::CreatedAt).not_null())
                    .col(types.instant(Categories::UpdatedAt).not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_categories_parent")
                            .from(Categories::Table, Categories::ParentId)
                            .to(Categories::Table, Categories::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_categories_parent")
                    .table(Categories::Table)
                    .col(Categories::ParentId)
                    .col(Categories::SortOrder)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Articles::Table)
                    .col(id(Articles::Id))
                    .col(ColumnDef::new(Articles::CategoryId).integer().not_null())
                    .col(string(Articles::Title, 200))
                    .col(string(Articles::Summary, 1000))
                    .col(types.long_text(Articles::Body).not_null())
                    .col(string(Articles::Source, 100))
                    .col(string(Articles::Author, 100))
                    .col(string(Articles::Status, 16))
                    .col(types.instant(Articles::PublishedAt).null())
                    .col(
                        ColumnDef::new(Articles::Pinned)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(
                        ColumnDef::new(Articles::Hits)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .col(types.instant(Articles::CreatedAt).not_null())
                    .col(types.instant(Articles::UpdatedAt).not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_articles_category")
                            .from(Articles::Table, Articles::CategoryId)
                            .to(Categories::Table, Categories::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        // The portal's lists: by category, public, newest first; and site-wide.
        manager
            .create_index(
                Index::create()
                    .name("idx_articles_category_status_published")
                    .table(Articles::Table)
                    .col(Articles::CategoryId)
                    .col(Articles::Status)
                    .col(Articles::PublishedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_articles_status_published")
                    .table(Articles::Table)
                    .col(Articles::Status)
                    .col(Articles::PublishedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(FriendLinks::Table)
                    .col(id(FriendLinks::Id))
                    .col(string(FriendLinks::Name, 100))
                    .col(string(FriendLinks::Url, 500))
                    .col(
                        ColumnDef::new(FriendLinks::SortOrder)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(types.instant(FriendLinks::CreatedAt).not_null())
                    .col(types.instant(FriendLinks::UpdatedAt).not_null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SiteSettings::Table)
                    .col(
                        ColumnDef::new(SiteSettings::Id)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(string(SiteSettings::SiteName, 100))
                    .col(string(SiteSettings::FooterText, 1000))
                    .col(string(SiteSettings::IcpNumber, 100))
                    .col(string(SiteSettings::Copyright, 200))
                    .col(string(SiteSettings::Timezone, 64))
                    .col(types.instant(SiteSettings::UpdatedAt).not_null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(id(Users::Id))
                    .col(string(Users::Username, 32).unique_key())
                    .col(string(Users::PasswordHash, 255))
                    .col(string(Users::Role, 16))
                    .col(
                        ColumnDef::new(Users::Disabled)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(types.instant(Users::CreatedAt).not_null())
                    .col(types.instant(Users::UpdatedAt).not_null())
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SiteSettings::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(FriendLinks::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Articles::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Categories::Table).to_owned())
            .await
    }
}
