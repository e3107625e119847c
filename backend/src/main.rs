//! `portal`: serves the API and the portal. `portal openapi` prints the OpenAPI document;
//! `portal backup FILE` writes a consistent copy of the SQLite database; `portal reindex`
//! rebuilds the search index; `portal config` prints the configuration in effect; `portal
//! demo load|remove` adds or takes away the demo content, also while the server runs; `portal
//! import wxr FILE` brings in a WordPress site, `portal import dedecms --from mysql://…` a DedeCMS
//! one.

use anyhow::Context;
use portal_backend::{config::Settings, openapi, startup::Application};

/// mimalloc rather than the system allocator: a read allocates on the server thread and frees
/// on SQLite's connection thread (and back), which glibc's arenas handle poorly (measured in
/// docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let command = std::env::args().nth(1);
    match command.as_deref() {
        Some("openapi") => {
            let spec = openapi::spec_json().context("rendering the OpenAPI document")?;
            println!("{spec}");
            Ok(())
        }
        Some("backup") => {
            let Some(target) = std::env::args().nth(2) else {
                anyhow::bail!(
                    "usage: portal backup FILE (a new file, e.g. backups/portal-2026-12-02.db)"
                );
            };
            backup(std::path::Path::new(&target)).await
        }
        Some("reindex") => reindex().await,
        Some("config") => {
            let settings = Settings::load().context("reading the configuration")?;
            for (name, value) in settings.effective() {
                println!("{name}={value}");
            }
            Ok(())
        }
        Some("demo") => match std::env::args().nth(2).as_deref() {
            Some("load") => demo(true).await,
            Some("remove") => demo(false).await,
            Some("fill") => demo_fill(std::env::args().nth(3)).await,
            _ => anyhow::bail!("usage: portal demo load|remove|fill N"),
        },
        Some("import") => import(std::env::args().skip(2).collect()).await,
        Some("-h" | "--help" | "help") => {
            println!("usage: portal              serve the API and the portal");
            println!("       portal openapi      print the OpenAPI document");
            println!("       portal backup FILE  copy the live SQLite database into FILE");
            println!(
                "       portal config       print the configuration in effect (secrets hidden)"
            );
            println!("       portal reindex      rebuild the search index from the database (server stopped)");
            println!("       portal demo load    add the demo content (marked 示例) to the site");
            println!("       portal demo remove  take the demo content away again");
            println!(
                "       portal demo fill N  add N more demo articles (示例) to measure a big site"
            );
            println!(
                "       portal import wxr FILE [--uploads DIR] [--time-zone ZONE] [--dry-run]\n       portal import dedecms --from mysql://… [--prefix dede_] [--uploads DIR] [--charset C] [--dry-run]"
            );
            println!("                           bring in a WordPress export or a DedeCMS database (see README.md)");
            println!("configuration: environment variables, see README.md");
            Ok(())
        }
        Some(other) => anyhow::bail!("unknown command `{other}`; try `portal --help`"),
        None => serve().await,
    }
}

async fn serve() -> anyhow::Result<()> {
    portal_backend::config::init_tracing();
    let settings = Settings::load().context("reading the configuration")?;
    let application = Application::build(settings)
        .await
        .context("starting the portal")?;
    application.print_welcome();
    application.run_until_stopped().await
}

async fn backup(target: &std::path::Path) -> anyhow::Result<()> {
    portal_backend::config::init_tracing();
    let settings = Settings::load().context("reading the configuration")?;
    let db = portal_backend::db::connect_and_migrate(&settings.database_url).await?;
    portal_backend::db::backup_into(&db, target).await?;
    println!("backed up the database into {}", target.display());
    Ok(())
}

async fn demo(load: bool) -> anyhow::Result<()> {
    portal_backend::config::init_tracing();
    let settings = Settings::load().context("reading the configuration")?;
    let db = portal_backend::db::connect_and_migrate(&settings.database_url).await?;
    if load {
        let loaded = portal_backend::services::demo::load(&db).await?;
        println!(
            "loaded the demo content: {} categories, {} articles (each marked 【示例】), {} friend links",
            loaded.categories, loaded.articles, loaded.friend_links
        );
    } else {
        let removed =
            portal_backend::services::demo::remove(&db, settings.site_name.as_deref()).await?;
        println!(
            "removed the demo content: {} articles, {} categories, {} friend links",
            removed.articles, removed.categories, removed.friend_links
        );
        if !removed.kept_categories.is_empty() {
            println!(
                "kept the demo categories that hold your own articles or categories: {}",
                removed.kept_categories.join(", ")
            );
        }
    }
    Ok(())
}

async fn reindex() -> anyhow::Result<()> {
    portal_backend::config::init_tracing();
    let settings = Settings::load().context("reading the configuration")?;
    let db = portal_backend::db::connect_and_migrate(&settings.database_url).await?;
    let directory = settings
        .data_dir
        .join(portal_backend::startup::SEARCH_INDEX_DIR);
    let (search, _) = portal_backend::search::Search::open(&directory, false).context(
        "opening the search index (a running server holds it: stop the server first; \
         a running server also rebuilds a missing or damaged index by itself)",
    )?;
    let progress = portal_backend::progress::Progress::new(
        "{spinner} indexing [{bar:40}] {pos}/{len} articles, {per_sec}, {eta} left",
        |done, total| format!("indexed {done} of {total} articles"),
    );
    let started = std::time::Instant::now();
    let indexed = search
        .rebuild(&db, &|done, total| progress.set(done, total))
        .await?;
    progress.finish();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "indexed {indexed} articles in {seconds:.1} s ({:.0} articles/s); the index takes {:.1} MB in {}",
        indexed as f64 / seconds.max(0.001),
        search.index().size_on_disk() as f64 / 1_048_576.0,
        directory.display()
    );
    Ok(())
}

async fn demo_fill(count: Option<String>) -> anyhow::Result<()> {
    let count: usize = count
        .as_deref()
        .and_then(|count| count.parse().ok())
        .context("usage: portal demo fill N (a number of articles, e.g. 100000)")?;
    portal_backend::config::init_tracing();
    let settings = Settings::load().context("reading the configuration")?;
    let db = portal_backend::db::connect_and_migrate(&settings.database_url).await?;
    let started = std::time::Instant::now();
    let made = portal_backend::services::demo::fill(&db, count).await?;
    println!(
        "added {made} demo articles (each marked 【示例】) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

const IMPORT_USAGE: &str =
    "usage: portal import wxr FILE.xml [--uploads DIR] [--time-zone ZONE] [--dry-run]
       portal import dedecms --from mysql://USER:PASSWORD@HOST/DATABASE [--prefix dede_]
                             [--uploads DIR] [--charset auto|utf8|gbk] [--dry-run]
  FILE.xml         a WordPress export (Tools → Export → All content)
  --from URL       a DedeCMS database (MySQL or MariaDB), read only
  --prefix P       the DedeCMS tables' prefix (default dede_)
  --uploads DIR    a copy of the old site's uploads folder (WordPress: wp-content/uploads;
                   DedeCMS: the site's /uploads), for its images and attachments
  --charset C      the DedeCMS tables' text encoding (default: as their collation says)
  --time-zone ZONE the old WordPress site's time zone (default: this site's), for drafts' dates
  --dry-run        report what would be created or updated, and any problems; change nothing";

async fn import(arguments: Vec<String>) -> anyhow::Result<()> {
    let mut arguments = arguments.into_iter();
    match arguments.next().as_deref() {
        Some("wxr") => import_wxr(arguments).await,
        Some("dedecms") => import_dedecms(arguments).await,
        _ => anyhow::bail!("{IMPORT_USAGE}"),
    }
}

async fn import_dedecms(mut arguments: impl Iterator<Item = String>) -> anyhow::Result<()> {
    let (mut from, mut prefix, mut uploads, mut charset, mut dry_run) =
        (None, "dede_".to_owned(), None, "auto".to_owned(), false);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--from" => from = Some(arguments.next().context(IMPORT_USAGE)?),
            "--prefix" => prefix = arguments.next().context(IMPORT_USAGE)?,
            "--uploads" => {
                uploads = Some(std::path::PathBuf::from(
                    arguments.next().context(IMPORT_USAGE)?,
                ))
            }
            "--charset" => charset = arguments.next().context(IMPORT_USAGE)?,
            "--dry-run" => dry_run = true,
            other => anyhow::bail!("unknown argument `{other}`\n{IMPORT_USAGE}"),
        }
    }
    let from = from.context(IMPORT_USAGE)?;
    let charset: portal_backend::import::dedecms::Charset = charset
        .parse()
        .map_err(|message| anyhow::anyhow!("--charset {message}"))?;
    if let Some(uploads) = &uploads {
        anyhow::ensure!(
            uploads.is_dir(),
            "--uploads {}: not a folder",
            uploads.display()
        );
    }
    let (settings, db, store) = import_target().await?;
    let options = portal_backend::import::dedecms::Options {
        from,
        prefix,
        uploads,
        charset,
        dry_run,
        media_max_bytes: settings.media_max_bytes,
    };
    let started = std::time::Instant::now();
    let summary = portal_backend::import::dedecms::import(&db, &store, &options).await?;
    report(&summary, started, dry_run);
    Ok(())
}

/// The site an import writes into: its settings, database and media store.
async fn import_target() -> anyhow::Result<(
    Settings,
    sea_orm::DatabaseConnection,
    portal_backend::storage::MediaStore,
)> {
    portal_backend::config::init_tracing();
    let settings = Settings::load().context("reading the configuration")?;
    let db = portal_backend::db::connect_and_migrate(&settings.database_url).await?;
    let store =
        portal_backend::storage::MediaStore::attach(&settings.data_dir, settings.media_s3.as_ref())
            .await
            .context("opening the media store")?;
    Ok((settings, db, store))
}

async fn import_wxr(mut arguments: impl Iterator<Item = String>) -> anyhow::Result<()> {
    let (mut file, mut uploads, mut zone, mut dry_run) = (None, None, None, false);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--uploads" => uploads = Some(arguments.next().context(IMPORT_USAGE)?.into()),
            "--time-zone" => zone = Some(arguments.next().context(IMPORT_USAGE)?),
            "--dry-run" => dry_run = true,
            flag if flag.starts_with("--") => {
                anyhow::bail!("unknown option `{flag}`\n{IMPORT_USAGE}")
            }
            _ if file.is_none() => file = Some(std::path::PathBuf::from(argument)),
            _ => anyhow::bail!("{IMPORT_USAGE}"),
        }
    }
    let file: std::path::PathBuf = file.context(IMPORT_USAGE)?;
    if let Some(uploads) = &uploads {
        let uploads: &std::path::PathBuf = uploads;
        anyhow::ensure!(
            uploads.is_dir(),
            "--uploads {}: not a folder",
            uploads.display()
        );
    }
    let (settings, db, store) = import_target().await?;
    let zone = match zone {
        Some(zone) => zone,
        // A database the server has not set up yet has no settings: the default zone then.
        None => portal_backend::services::site::read(&db)
            .await
            .map(|site| site.timezone)
            .unwrap_or_else(|_| portal_backend::services::site::DEFAULT_TIMEZONE.to_owned()),
    };
    let zone: chrono_tz::Tz = zone
        .parse()
        .map_err(|_| anyhow::anyhow!("`{zone}` is not a time zone name (e.g. Asia/Shanghai)"))?;
    let options = portal_backend::import::wordpress::Options {
        file,
        uploads,
        dry_run,
        zone,
        media_max_bytes: settings.media_max_bytes,
    };
    let started = std::time::Instant::now();
    let summary = portal_backend::import::wordpress::import(&db, &store, &options).await?;
    report(&summary, started, dry_run);
    Ok(())
}

/// The summary, then how long it took.
fn report(summary: &portal_backend::import::Summary, started: std::time::Instant, dry_run: bool) {
    println!("{summary}");
    let seconds = started.elapsed().as_secs_f64();
    let posts = summary.articles.created + summary.articles.updated;
    println!(
        "{} in {seconds:.1} s ({:.0} articles/s){}",
        if dry_run { "checked" } else { "imported" },
        posts as f64 / seconds.max(0.001),
        if dry_run {
            "; nothing was changed (--dry-run)"
        } else {
            ""
        }
    );
}
