//! An article's attachments (附件): the library files listed under its text, in the order the
//! editor put them. Deleting an article takes its list with it; a file stays in the library
//! until nothing lists it (the media service refuses the deletion with the articles' names).

use sea_orm_migration::prelude::{
    ColumnDef, DeriveIden, DeriveMigrationName, ForeignKey, ForeignKeyAction, Index,
    MigrationTrait, SchemaManager, Table,
};
use sea_orm_migration::DbErr;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ArticleAttachments {
    Table,
    ArticleId,
    MediaId,
    Position,
}

#[derive(DeriveIden)]
enum Articles {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ArticleAttachments::Table)
                    .col(
                        ColumnDef::new(ArticleAttachments::ArticleId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ArticleAttachments::MediaId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ArticleAttachments::Position)
                            .integer()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(ArticleAttachments::ArticleId)
                            .col(ArticleAttachments::MediaId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_article_attachments_article")
                            .from(ArticleAttachments::Table, ArticleAttachments::ArticleId)
                            .to(Articles::Table, Articles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_article_attachments_media")
                            .from(ArticleAttachments::Table, ArticleAttachments::MediaId)
                            .to(Media::Table, Media::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        // The media library's "which articles list this file" before a deletion.
        manager
            .create_index(
                Index::create()
                    .name("idx_article_attachments_media")
                    .table(ArticleAttachments::Table)
                    .col(ArticleAttachments::MediaId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ArticleAttachments::Table).to_owned())
            .await
    }
}
