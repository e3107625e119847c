//! `portal`: serves the API and the portal. `portal openapi` prints the OpenAPI document;
//! `portal backup FILE` writes a consistent copy of the SQLite database.

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
        Some("-h" | "--help" | "help") => {
            println!("usage: portal              serve the API and the portal");
            println!("       portal openapi      print the OpenAPI document");
            println!("       portal backup FILE  copy the live SQLite database into FILE");
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
