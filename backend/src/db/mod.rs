//! The database: connecting (with the SQLite pragmas a server needs), the sea-orm entities and
//! the versioned migrations. Services use the entities; nothing else touches SQL.

pub mod entities;
pub mod migrations;
mod template;

pub use template::StatementTemplate;

use std::{path::PathBuf, time::Duration};

use anyhow::Context;
use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection};
use sea_orm_migration::MigratorTrait;

/// The SQLite file a `sqlite:` URL names, if it names one (not `:memory:`).
pub fn sqlite_file(database_url: &str) -> Option<PathBuf> {
    let rest = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
}

/// Connects, creating the SQLite file and its folder on first start, and applies pending
/// migrations.
pub async fn connect_and_migrate(database_url: &str) -> anyhow::Result<DatabaseConnection> {
    let url = if let Some(file) = sqlite_file(database_url) {
        if let Some(dir) = file.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the database folder {}", dir.display()))?;
        }
        if database_url.contains("mode=") {
            database_url.to_owned()
        } else if database_url.contains('?') {
            format!("{database_url}&mode=rwc")
        } else {
            format!("{database_url}?mode=rwc")
        }
    } else {
        database_url.to_owned()
    };

    // sqlx runs each SQLite connection on its own thread, and readers in WAL mode do not block
    // each other: more connections serve more concurrent reads (with `just bench`, 32 served
    // a cold article read at about 9 000 req/s against 8 000 with 16, 6 000 with 4 and 7 800
    // with 64).
    let max_connections = if sqlite_file(database_url).is_some() {
        32
    } else {
        16
    };
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|sqlite| {
            // WAL lets readers work while a writer commits; the busy timeout makes writers
            // wait for each other instead of failing; foreign keys are off by default.
            sqlite
                .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    let db = Database::connect(options)
        .await
        .with_context(|| format!("connecting to the database ({})", redact(database_url)))?;
    migrations::Migrator::up(&db, None)
        .await
        .context("applying database migrations")?;
    Ok(db)
}

/// `sqlite`, `postgres` or `mysql`.
pub fn backend_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => "sqlite",
        DatabaseBackend::Postgres => "postgres",
        DatabaseBackend::MySql => "mysql",
    }
}

/// The URL without its password, for messages.
pub fn redact(database_url: &str) -> String {
    match url::Url::parse(database_url) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => database_url.to_owned(),
    }
}

/// Times are stored to the second: MariaDB's DATETIME keeps no fractions, and every backend
/// must return what it was given.
pub fn whole_seconds(time: DateTime<Utc>) -> DateTime<Utc> {
    time.trunc_subsecs(0)
}

/// The current time as stored.
pub fn now() -> DateTime<Utc> {
    whole_seconds(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sqlite_url_names_its_file() {
        assert_eq!(
            sqlite_file("sqlite://data/portal.db"),
            Some(PathBuf::from("data/portal.db"))
        );
        assert_eq!(
            sqlite_file("sqlite:portal.db?mode=rwc"),
            Some(PathBuf::from("portal.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/test"), None);
    }

    #[test]
    fn passwords_are_hidden_in_messages() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
    }
}
