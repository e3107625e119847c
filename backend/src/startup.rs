//! Builds the application around a bound listener: connect and migrate the database, run the
//! first-start steps, mount the API, the docs and the portal. `Application::build` with
//! `addr` port 0 is how tests start the real server.

use std::{net::TcpListener, sync::Arc};

use actix_web::{
    dev::Server,
    middleware::{from_fn, Compress, Logger},
    web, App, HttpServer,
};
use anyhow::Context;
use sea_orm::DatabaseConnection;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    auth::{LoginThrottle, ThrottleLimits, TokenKeys},
    config::Settings,
    db,
    hits::{CounterSettings, HitCounter},
    http::{client, extractors, fallback, microcache, security},
    openapi,
    search::{self, Search},
    services::{bootstrap, demo, users},
    state::AppState,
};

/// The search index's folder in the data directory.
pub const SEARCH_INDEX_DIR: &str = "search-index";

/// How often expired revocations and failed-login windows are deleted.
const HOUSEKEEPING_INTERVAL: std::time::Duration = std::time::Duration::from_secs(60);

/// How long the category list, the site settings, the friend links and list totals are kept
/// in memory: other instances' changes (and the command line's) show within it.
const PUBLIC_READS_KEPT: std::time::Duration = std::time::Duration::from_secs(2);

pub struct Application {
    port: u16,
    host: String,
    server: Server,
    db: DatabaseConnection,
    admin_user: String,
    first_start: bootstrap::FirstStart,
    demo_loaded: Option<demo::Loaded>,
    hits: Arc<HitCounter>,
    stop_flusher: tokio::sync::watch::Sender<bool>,
    flusher: tokio::task::JoinHandle<()>,
    housekeeping: tokio::task::JoinHandle<()>,
    search_follower: tokio::task::JoinHandle<()>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = db::connect_and_migrate(&settings.database_url).await?;
        let secret = bootstrap::jwt_secret(&settings)?;
        let first_start = bootstrap::ensure_admin(&db, &settings).await?;
        bootstrap::ensure_site_settings(&db, &settings).await?;
        let demo_loaded = if settings.demo_content {
            demo::load_if_empty(&db)
                .await
                .context("loading the demo content")?
        } else {
            None
        };

        let zone = crate::services::site::read(&db)
            .await
            .ok()
            .and_then(|site| site.timezone.parse().ok())
            .unwrap_or(chrono_tz::Asia::Shanghai);
        let hits = Arc::new(HitCounter::new(
            db.clone(),
            CounterSettings {
                dedup_window: settings.view_dedup_window,
                dedup_capacity: settings.view_dedup_capacity,
                views_per_address: settings.views_per_address,
                visitor_retention_days: settings.visitor_retention_days,
            },
            zone,
        ));
        let (stop_flusher, stop) = tokio::sync::watch::channel(false);
        let flusher = hits
            .clone()
            .spawn_flusher(settings.hit_flush_interval, stop.clone());
        let (search, search_start) = Search::open(&settings.data_dir.join(SEARCH_INDEX_DIR), true)
            .context("opening the search index")?;
        let search_follower = search
            .start(db.clone(), search_start, stop.clone())
            .await
            .context("bringing the search index up to date")?;

        let media =
            crate::storage::MediaStore::open(&settings.data_dir, settings.media_s3.as_ref())
                .await
                .context("opening the media store")?;
        tracing::info!(store = media.describe(), "media files");

        let listener = TcpListener::bind(&settings.addr)
            .with_context(|| format!("binding {}", settings.addr))?;
        let local = listener.local_addr()?;
        let state = web::Data::new(AppState {
            db: db.clone(),
            tokens: TokenKeys::new(secret.expose().as_bytes(), settings.jwt_ttl),
            login_throttle: LoginThrottle::new(
                ThrottleLimits {
                    per_address_and_account: settings.login_max_failures,
                    per_account: settings.login_max_failures_per_account,
                    per_address: settings.login_max_failures_per_address,
                },
                settings.login_window,
            ),
            trusted_proxies: settings.trusted_proxies.clone(),
            beacon_origins: settings.beacon_origins.clone(),
            hits: hits.clone(),
            categories: crate::services::categories::CategoryCache::new(PUBLIC_READS_KEPT),
            site: crate::services::remembered::Remembered::new(PUBLIC_READS_KEPT),
            friend_links: crate::services::remembered::Remembered::new(PUBLIC_READS_KEPT),
            search,
            list_memory: std::sync::Arc::new(crate::services::articles::ListMemory::new(
                PUBLIC_READS_KEPT,
            )),
            media: Arc::new(media),
            media_max_bytes: settings.media_max_bytes,
        });
        let housekeeping = spawn_housekeeping(state.clone(), stop.clone());
        let server = serve(listener, state, &settings)?;
        Ok(Self {
            port: local.port(),
            host: local.ip().to_string(),
            server,
            db,
            admin_user: settings.admin_user,
            first_start,
            demo_loaded,
            hits,
            stop_flusher,
            flusher,
            housekeeping,
            search_follower,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The base URL, e.g. `http://127.0.0.1:8080`.
    pub fn url(&self) -> String {
        let host = match self.host.as_str() {
            "0.0.0.0" | "::" => "127.0.0.1",
            other => other,
        };
        format!("http://{host}:{}", self.port)
    }

    /// What a person starting the server needs: where to look and how to log in.
    pub fn print_welcome(&self) {
        let url = self.url();
        println!();
        println!("  Portal CMS is running");
        println!("  portal:   {url}/");
        println!("  API docs: {url}/docs/");
        println!("  API:      {url}/api/v1/  (spec: {url}/api-docs/openapi.json)");
        match (
            &self.first_start.generated_admin_password,
            self.first_start.created_admin,
        ) {
            (Some(password), _) => {
                println!(
                    "  admin:    user `{}`, password `{password}`",
                    self.admin_user
                );
                println!("            (generated now and shown once: note it down)");
            }
            (None, true) => println!(
                "  admin:    user `{}`, password from PORTAL_ADMIN_PASSWORD",
                self.admin_user
            ),
            (None, false) => println!(
                "  admin:    log in as `{}` with the password set on first start",
                self.admin_user
            ),
        }
        if let Some(loaded) = self.demo_loaded {
            println!(
                "  demo:     loaded {} categories, {} articles, {} friend links",
                loaded.categories, loaded.articles, loaded.friend_links
            );
        }
        println!();
    }

    /// The hit counter, for tests that flush it or count views at a chosen time.
    pub fn hit_counter(&self) -> Arc<HitCounter> {
        self.hits.clone()
    }

    /// Serves until SIGINT or SIGTERM, finishes the requests in flight, then writes every
    /// view still pending.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let served = self.server.await.context("running the HTTP server");
        let _ = self.stop_flusher.send(true);
        let _ = self.flusher.await;
        let _ = self.housekeeping.await;
        let _ = self.search_follower.await;
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.hits.flush().await {
                Ok(written) => {
                    tracing::info!(views = written, "wrote the pending views before stopping");
                    break;
                }
                Err(error) if attempts < 5 => {
                    tracing::warn!(error = %error, "final hit flush failed; retrying");
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                }
                Err(error) => {
                    let (hits, _) = self.hits.pending();
                    tracing::error!(error = %error, lost = hits, "could not write the pending views");
                    break;
                }
            }
        }
        served
    }

    /// The server future, for tests that spawn it (the flusher keeps running beside it).
    pub fn into_server(self) -> Server {
        self.server
    }
}

fn serve(
    listener: TcpListener,
    state: web::Data<AppState>,
    settings: &Settings,
) -> anyhow::Result<Server> {
    let spec = openapi::spec();
    let known_routes = web::Data::new(fallback::KnownRoutes::from_spec(&spec));
    let micro_cache = web::Data::new(microcache::MicroCache::new(
        settings.micro_cache_ttl,
        microcache::MicroCache::parameters_in(&spec),
    ));
    let page = |name: &str| std::fs::read_to_string(settings.static_dir.join(name)).ok();
    let security_headers = web::Data::new(security::SecurityHeaders::new(
        page("index.html").as_deref(),
        page("console.html").as_deref(),
        settings.hsts_max_age,
    ));
    let base_spec = Arc::new(openapi::ApiDoc::openapi_base());
    let origin = web::Data::new(crate::pages::SiteOrigin::new(settings.public_url.as_ref()));
    let page_reads = web::Data::new(crate::pages::render::PageReads::default());
    let static_dir = settings.static_dir.clone();
    let built_files = web::Data::new(crate::pages::assets::BuiltFiles::load(&static_dir));
    let cors_origins = settings.cors_origins.clone();
    let (proxies, log_full_ip) = (settings.trusted_proxies.clone(), settings.log_full_ip);
    let mut server = HttpServer::new(move || {
        let (app, _) = App::new()
            .into_utoipa_app()
            .openapi((*base_spec).clone())
            .app_data(state.clone())
            .app_data(known_routes.clone())
            .app_data(micro_cache.clone())
            .app_data(security_headers.clone())
            .app_data(origin.clone())
            .app_data(page_reads.clone())
            .app_data(extractors::json_config())
            .app_data(extractors::query_config())
            .app_data(extractors::path_config())
            .configure(|config| crate::routes::configure(config, &cors_origins))
            .split_for_parts();
        let proxies = proxies.clone();
        app.service(web::redirect("/docs", "/docs/").permanent())
            .service(SwaggerUi::new("/docs/{_:.*}").url("/api-docs/openapi.json", spec.clone()))
            .service(web::scope("/api").default_service(web::to(fallback::unknown_api_route)))
            .configure(crate::pages::feeds::configure)
            .configure(crate::pages::counter::configure)
            .configure(crate::routes::media::configure_files)
            .service(crate::pages::shell::service(
                &static_dir,
                built_files.clone(),
            ))
            .wrap(from_fn(fallback::problem_details))
            .wrap(from_fn(security::security_headers))
            .wrap(Compress::default())
            .wrap(
                Logger::new("%{client}xi \"%r\" %s %b %Dms").custom_request_replace(
                    "client",
                    move |request| {
                        let address = proxies.client_ip(request.request());
                        if log_full_ip {
                            address.to_string()
                        } else {
                            client::masked(address)
                        }
                    },
                ),
            )
    })
    .listen(listener)?
    .shutdown_timeout(10);
    if let Some(workers) = settings.workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// Deletes what has stopped mattering: revocations of tokens that have expired anyway,
/// failed-login windows that have ended and tombstones every index has long taken in. Every
/// instance does it; the deletes are idempotent.
fn spawn_housekeeping(
    state: web::Data<AppState>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(HOUSEKEEPING_INTERVAL);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = ticker.tick() => {}
                _ = stop.changed() => break,
            }
            if let Err(error) = users::forget_expired_revocations(&state.db).await {
                tracing::warn!(error = %error, "deleting expired revocations failed");
            }
            if let Err(error) = state.login_throttle.forget_expired(&state.db).await {
                tracing::warn!(error = %error, "deleting ended login windows failed");
            }
            if let Err(error) = search::forget_old_tombstones(&state.db).await {
                tracing::warn!(error = %error, "deleting old article tombstones failed");
            }
        }
    })
}
