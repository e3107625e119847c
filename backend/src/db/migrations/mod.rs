//! Versioned schema migrations, applied in order at start-up. A released migration is never
//! edited: change the schema with a new one.

mod m20261129_000001_content;
mod m20261129_000002_hits;
mod m20261202_000003_sessions;
mod m20261202_000004_demo_records;
mod m20261202_000005_search;
mod m20261203_000006_media;
mod m20261203_000007_article_attachments;
mod m20261203_000008_imports;
mod m20261208_000009_list_indexes;

use sea_orm_migration::{MigrationTrait, MigratorTrait};

pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_content::Migration),
            Box::new(m20261129_000002_hits::Migration),
            Box::new(m20261202_000003_sessions::Migration),
            Box::new(m20261202_000004_demo_records::Migration),
            Box::new(m20261202_000005_search::Migration),
            Box::new(m20261203_000006_media::Migration),
            Box::new(m20261203_000007_article_attachments::Migration),
            Box::new(m20261203_000008_imports::Migration),
            Box::new(m20261208_000009_list_indexes::Migration),
        ]
    }
}
