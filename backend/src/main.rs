//! `portal`: serves the API and the portal. `portal openapi` prints the OpenAPI document;
//! `portal backup FILE` writes a consistent copy of the SQLite database; `portal demo
//! load|remove` adds or takes away the demo content, also while the server runs.

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
        Some("demo") => match std::env::args().nth(2).as_deref() {
            Some("load") => demo(true).await,
            Some("remove") => demo(false).await,
            _ => anyhow::bail!("usage: portal demo load|remove"),
        },
        Some("-h" | "--help" | "help") => {
            println!("usage: portal              serve the API and the portal");
            println!("       portal openapi      print the OpenAPI document");
            println!("       portal backup FILE  copy the live SQLite database into FILE");
            println!("       portal demo load    add the demo content (marked 示例) to the site");
            println!("       portal demo remove  take the demo content away again");
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
