//! The database: connecting (with the SQLite pragmas a server needs), the sea-orm entities and
//! the versioned migrations. Services use the entities; nothing else touches SQL.

pub mod entities;
pub mod migrations;
mod template;

pub use template::StatementTemplate;

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::Context;
use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, TransactionTrait,
};
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
            crate::files::private_dir(dir)
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
    let sqlite = sqlite_file(database_url).is_some();
    let max_connections = if sqlite { 32 } else { 16 };
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(max_connections)
        // A pooled SQLite connection is a handle on the file in this process: there is no
        // server whose restart could have dropped it, and the ping sqlx sends before handing
        // one out is a round trip to the connection's thread for every statement (a tenth of
        // a server-rendered page's time). Connections to a server are still tried first.
        .test_before_acquire(!sqlite)
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
    if let Some(file) = sqlite_file(database_url) {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = file.clone().into_os_string();
            path.push(suffix);
            crate::files::private_file(Path::new(&path))
                .with_context(|| format!("making {} private", file.display()))?;
        }
    }
    Ok(db)
}

/// Begins a transaction that is going to write.
///
/// SQLite's `BEGIN` is deferred: a transaction that reads first and writes later is refused
/// with "database is locked" (no busy wait helps) when another writer committed in between.
/// Taking the write lock before the first read makes concurrent writers wait their turn on the
/// busy timeout instead. sea-orm has no `BEGIN IMMEDIATE`, so the transaction starts with a
/// write that changes nothing, which takes the same lock.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let txn = db.begin().await?;
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        txn.execute_unprepared("UPDATE site_settings SET id = id WHERE 0")
            .await?;
    }
    Ok(txn)
}

/// Whether the database refused the statement only because of a concurrent one: SQLite's
/// busy or locked database, a PostgreSQL serialisation failure or deadlock, a MariaDB
/// deadlock or lock wait timeout. Running the whole operation again is the remedy.
pub fn is_contention(error: &DbErr) -> bool {
    let message = error.to_string().to_ascii_lowercase();
    [
        "database is locked",
        "database table is locked",
        "database is busy",
        "could not serialize access",
        "deadlock",
        "lock wait timeout",
        "try restarting transaction",
    ]
    .iter()
    .any(|needle| message.contains(needle))
}

/// How often an operation refused for contention is tried in all.
const CONTENTION_ATTEMPTS: u32 = 8;

/// Runs `operation` (a whole transaction or write) again while the database refuses it for
/// contention, with a growing, jittered pause; other errors and the last refusal are returned.
pub async fn retry_on_contention<T, E, F, Fut>(mut operation: F) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
    E: Contended,
{
    let mut attempt = 1;
    loop {
        match operation().await {
            Err(error) if error.is_contention() && attempt < CONTENTION_ATTEMPTS => {
                let base = 5u64 << attempt.min(6);
                let jitter = rand::random_range(0..=base);
                tracing::debug!(attempt, "write refused for contention; retrying");
                tokio::time::sleep(Duration::from_millis(base + jitter)).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Errors that can say whether they are a concurrency refusal worth retrying.
pub trait Contended {
    fn is_contention(&self) -> bool;
}

impl Contended for DbErr {
    fn is_contention(&self) -> bool {
        is_contention(self)
    }
}

/// Writes a consistent copy of a live SQLite database to `target` (`VACUUM INTO`: one read
/// transaction, so writers carry on and the copy is a single point in time), readable by the
/// server's user only. PostgreSQL and MariaDB have their own tools (see the README).
pub async fn backup_into(db: &DatabaseConnection, target: &Path) -> anyhow::Result<()> {
    if db.get_database_backend() != DatabaseBackend::Sqlite {
        anyhow::bail!(
            "`portal backup` copies SQLite databases; for PostgreSQL use \
             `pg_dump --format=custom --file=portal.dump \"$DATABASE_URL\"`, for MariaDB \
             `mariadb-dump --single-transaction --routines portal > portal.sql`"
        );
    }
    if target.exists() {
        anyhow::bail!("{} exists; choose a new file name", target.display());
    }
    if let Some(dir) = target.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        crate::files::private_dir(dir)
            .with_context(|| format!("creating the folder {}", dir.display()))?;
    }
    // Made private before a byte is written: the copy holds password hashes. VACUUM INTO
    // writes into an empty file.
    create_private_file(target).with_context(|| format!("creating {}", target.display()))?;
    let quoted = target.display().to_string().replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
        .await
        .with_context(|| format!("copying the database into {}", target.display()))?;
    crate::files::private_file(target)?;
    Ok(())
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
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
