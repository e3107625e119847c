//! Test harness: `TestApp::spawn(backend)` starts the real server on a random port with a
//! fresh database of the chosen kind (SQLite file, PostgreSQL or MariaDB database made for
//! this one test and dropped after it) and offers one typed helper per endpoint.
//!
//! The servers are the ones every machine of this project runs (see README): PostgreSQL at
//! `PORTAL_TEST_POSTGRES_URL` (default `postgres://root@127.0.0.1:5432/test`) and MariaDB at
//! `PORTAL_TEST_MYSQL_URL` (default `mysql://root@127.0.0.1:3306/test`). An unreachable server
//! fails the test: nothing is skipped.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test helper that cannot work must fail loudly

use std::{
    path::PathBuf,
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};

use portal_api::{LoginRequest, Role, TokenResponse, User, ViewRecorded};
pub use portal_backend::config::Settings;
use portal_backend::startup::Application;
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

pub mod api;
pub mod s3;

pub use api::{account, category, draft, friend_link, published, Answer, Api};

pub const ADMIN_USER: &str = "admin";
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";
pub const EDITOR_PASSWORD: &str = "editor-password-for-tests";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
    MySql,
}

/// A database made for one test.
enum TestDatabase {
    SqliteFile(PathBuf),
    Server {
        admin_url: String,
        name: String,
        backend: Backend,
    },
}

impl TestDatabase {
    fn unique_name() -> String {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or_default();
        format!(
            "portal_test_{}_{}_{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        )
    }

    async fn create(backend: Backend) -> (Self, String) {
        let name = Self::unique_name();
        match backend {
            Backend::Sqlite => {
                let file = std::env::temp_dir().join(format!("{name}.db"));
                let url = format!("sqlite://{}", file.display());
                (TestDatabase::SqliteFile(file), url)
            }
            Backend::Postgres | Backend::MySql => {
                let admin_url = server_url(backend);
                let admin = Database::connect(&admin_url).await.unwrap_or_else(|error| {
                    panic!("the {backend:?} test server at {admin_url} is unreachable: {error}")
                });
                let create = match backend {
                    Backend::Postgres => format!("CREATE DATABASE \"{name}\" ENCODING 'UTF8'"),
                    _ => format!(
                        "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                    ),
                };
                admin.execute_unprepared(&create).await.unwrap();
                admin.close().await.ok();
                let url = replace_database(&admin_url, &name);
                (
                    TestDatabase::Server {
                        admin_url,
                        name,
                        backend,
                    },
                    url,
                )
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self {
            TestDatabase::SqliteFile(file) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut path = file.clone().into_os_string();
                    path.push(suffix);
                    let _ = std::fs::remove_file(path);
                }
                let _ = std::fs::remove_dir_all(file.with_extension("data"));
            }
            TestDatabase::Server {
                admin_url,
                name,
                backend,
            } => {
                let (admin_url, name, backend) = (admin_url.clone(), name.clone(), *backend);
                // Drop runs inside the test's runtime; the cleanup needs one of its own.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .unwrap();
                    runtime.block_on(async {
                        if let Ok(admin) = Database::connect(&admin_url).await {
                            let drop = match backend {
                                Backend::Postgres => {
                                    format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")
                                }
                                _ => format!("DROP DATABASE IF EXISTS `{name}`"),
                            };
                            let _ = admin.execute_unprepared(&drop).await;
                            let _ = admin.close().await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

pub fn server_url(backend: Backend) -> String {
    let (variable, default) = match backend {
        Backend::Postgres => (
            "PORTAL_TEST_POSTGRES_URL",
            "postgres://root@127.0.0.1:5432/test",
        ),
        _ => ("PORTAL_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test"),
    };
    std::env::var(variable).unwrap_or_else(|_| default.to_owned())
}

pub fn replace_database(url: &str, database: &str) -> String {
    let (base, _) = url.rsplit_once('/').unwrap();
    format!("{base}/{database}")
}

/// A running server with its own database.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub backend: Backend,
    pub db: sea_orm::DatabaseConnection,
    /// The server's hit counter: tests flush it instead of waiting for the interval.
    pub hits: std::sync::Arc<portal_backend::hits::HitCounter>,
    /// The database this server uses (shared with [`TestApp::another_instance`]s).
    pub database_url: String,
    /// This instance's data directory (media store, search index).
    pub data_dir: PathBuf,
    /// Owned by the first instance, which drops the database after the test.
    owned_database: Option<TestDatabase>,
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.text))
    }

    pub fn parse<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|error| panic!("unexpected body ({error}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Asserts a problem document with this status and code, and returns it.
    pub fn assert_problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status.as_u16(), status, "status of: {}", self.text);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "content type of: {}",
            self.text
        );
        let problem = self.json();
        assert_eq!(problem["code"], code, "{problem}");
        assert_eq!(problem["status"], status, "{problem}");
        assert!(
            problem["type"]
                .as_str()
                .is_some_and(|t| t.starts_with("/problems/")),
            "{problem}"
        );
        assert!(
            problem["title"].is_string() && problem["detail"].is_string(),
            "{problem}"
        );
        problem
    }
}

/// Settings for a test server: a free port, the given database, no file lookups.
pub fn test_settings(database_url: String, data_dir: PathBuf) -> Settings {
    let mut settings = Settings::defaults();
    settings.addr = "127.0.0.1:0".into();
    settings.database_url = database_url;
    settings.data_dir = data_dir;
    settings.admin_user = ADMIN_USER.into();
    settings.admin_password = Some(portal_backend::config::Secret::new(ADMIN_PASSWORD));
    settings.static_dir = PathBuf::from("/nonexistent-portal-dist");
    settings.workers = Some(2);
    settings
}

impl TestApp {
    /// A server on a fresh database with the demo content.
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Self {
        let (database, url) = TestDatabase::create(backend).await;
        let mut app = Self::start(backend, url, adjust).await;
        app.owned_database = Some(database);
        app
    }

    /// A second server on this one's database with a data directory (and search index) of
    /// its own, as another instance behind a load balancer would be.
    pub async fn another_instance(&self) -> Self {
        Self::start(self.backend, self.database_url.clone(), |_| {}).await
    }

    /// [`Self::another_instance`] with settings of its own.
    pub async fn another_instance_with(&self, adjust: impl FnOnce(&mut Settings)) -> Self {
        Self::start(self.backend, self.database_url.clone(), adjust).await
    }

    async fn start(backend: Backend, url: String, adjust: impl FnOnce(&mut Settings)) -> Self {
        let data_dir = std::env::temp_dir().join(format!("{}.data", TestDatabase::unique_name()));
        let mut settings = test_settings(url.clone(), data_dir.clone());
        adjust(&mut settings);
        let application = Application::build(settings)
            .await
            .unwrap_or_else(|error| panic!("the server did not start on {backend:?}: {error:?}"));
        let address = application.url();
        let db = application.db().clone();
        let hits = application.hit_counter();
        tokio::spawn(application.into_server());
        // The server closes a keep-alive connection after 5 idle seconds (actix's default); a
        // pooled connection reused at that moment fails with `IncompleteMessage` (seen once in
        // CI under load), so idle connections are dropped well before.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .pool_idle_timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        Self {
            address,
            client,
            backend,
            db,
            hits,
            database_url: url,
            data_dir,
            owned_database: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Sends a request; `body` as JSON when given, `token` as a bearer token when given.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Reply {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        Self::read(request).await
    }

    pub async fn read(request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("the request could not be sent");
        Reply {
            status: response.status(),
            headers: response.headers().clone(),
            text: response.text().await.unwrap_or_default(),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None, None).await
    }

    pub async fn get_as(&self, path: &str, token: &str) -> Reply {
        self.send(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: &impl Serialize) -> Reply {
        let body = serde_json::to_value(body).unwrap();
        self.send(Method::POST, path, token, Some(&body)).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: &impl Serialize) -> Reply {
        let body = serde_json::to_value(body).unwrap();
        self.send(Method::PATCH, path, token, Some(&body)).await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(Method::DELETE, path, token, None).await
    }

    pub async fn login(&self, username: &str, password: &str) -> Answer<TokenResponse> {
        self.api()
            .login(&LoginRequest {
                username: username.to_owned(),
                password: password.to_owned(),
            })
            .await
    }

    /// A token for the bootstrap admin.
    pub async fn admin_token(&self) -> String {
        self.login(ADMIN_USER, ADMIN_PASSWORD)
            .await
            .ok()
            .access_token
    }

    /// Creates an account with `role` (as the admin) and returns a token for it.
    pub async fn user_token(&self, username: &str, role: Role) -> (User, String) {
        let admin = self.admin_token().await;
        let user = self
            .api_as(&admin)
            .create_user(&account(username, EDITOR_PASSWORD, role))
            .await
            .ok_with(201);
        let token = self
            .login(username, EDITOR_PASSWORD)
            .await
            .ok()
            .access_token;
        (user, token)
    }

    /// Sends the view beacon for `article_id` as a browser with `user_agent` on the portal's
    /// own page (its `Origin` is the site).
    pub async fn view(&self, article_id: i32, user_agent: &str) -> Answer<ViewRecorded> {
        self.api().record_view(article_id, user_agent).await
    }

    /// Writes every pending view now.
    pub async fn flush_hits(&self) {
        self.hits.flush().await.expect("the hit flush failed");
    }

    pub async fn editor_token(&self) -> String {
        self.user_token("editor", Role::Editor).await.1
    }

    /// The id of the category with `slug`.
    pub async fn category_id(&self, slug: &str) -> i32 {
        self.api().get_category(slug).await.ok().category.id
    }
}

/// Generates one `#[tokio::test]` per database for each scenario written as
/// `async fn name(app: TestApp)`, in modules `sqlite`, `postgres` and `mysql`. With
/// `settings = |settings| ...;` first, each server starts with those settings changed.
#[macro_export]
macro_rules! on_every_database {
    (settings = $adjust:expr; $(async fn $name:ident($app:ident: $app_type:ty) $body:block)*) => {
        $(async fn $name($app: $app_type) $body)*

        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name($crate::TestApp::spawn_with($crate::Backend::Sqlite, $adjust).await).await
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name($crate::TestApp::spawn_with($crate::Backend::Postgres, $adjust).await).await
            })*
        }
        mod mysql {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name($crate::TestApp::spawn_with($crate::Backend::MySql, $adjust).await).await
            })*
        }
    };
    ($(async fn $name:ident($app:ident: $app_type:ty) $body:block)*) => {
        $crate::on_every_database! {
            settings = |_: &mut $crate::Settings| {};
            $(async fn $name($app: $app_type) $body)*
        }
    };
}
