//! Configuration: built-in defaults, then an optional TOML file, then environment variables
//! (the variables win). Secrets are wrapped so that they never reach a log line.
//!
//! | variable | file key | default |
//! |---|---|---|
//! | `PORTAL_CONFIG` | — | `portal.toml` if it exists |
//! | `PORTAL_ADDR` | `addr` | `127.0.0.1:8080` |
//! | `DATABASE_URL` | `database_url` | `sqlite://data/portal.db` |
//! | `PORTAL_JWT_SECRET` | `jwt_secret` | generated once, kept in `<data dir>/jwt-secret` |
//! | `PORTAL_JWT_TTL_SECONDS` | `jwt_ttl_seconds` | `1800` |
//! | `PORTAL_ADMIN_USER` | `admin_user` | `admin` |
//! | `PORTAL_ADMIN_PASSWORD` | `admin_password` | generated and printed once |
//! | `PORTAL_DATA_DIR` | `data_dir` | the SQLite file's folder, else `data` |
//! | `PORTAL_STATIC_DIR` | `static_dir` | `frontend/dist` |
//! | `PORTAL_DEMO_CONTENT` | `demo_content` | `true` (only fills an empty database) |
//! | `PORTAL_PUBLIC_URL` | `public_url` | none: links in pages, feeds and the sitemap use the request's `Host`; set it in production, e.g. `https://pufa.example.gov.cn` |
//! | `PORTAL_SITE_NAME` | `site_name` | the demo's, or `未命名站点` without it: the first start's site name |
//! | `PORTAL_LOGIN_MAX_FAILURES` | `login_max_failures` | `5` per 15 minutes per client and name |
//! | `PORTAL_LOGIN_MAX_FAILURES_PER_ACCOUNT` | `login_max_failures_per_account` | `20` per 15 minutes from any address |
//! | `PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS` | `login_max_failures_per_address` | `30` per 15 minutes across accounts |
//! | `PORTAL_TRUSTED_PROXIES` | `trusted_proxies` | none: the peer address is the client |
//! | `PORTAL_VIEWS_PER_ADDRESS` | `views_per_address` | `50` visitors counted per address, article and day |
//! | `PORTAL_VISITOR_RETENTION_DAYS` | `visitor_retention_days` | `7`: then only the day's total stays |
//! | `PORTAL_BEACON_ORIGINS` | `beacon_origins` | none besides the site itself |
//! | `PORTAL_CORS_ORIGINS` | `cors_origins` | `*` (bearer tokens, never cookies) |
//! | `PORTAL_HSTS_MAX_AGE` | `hsts_max_age` | off; set it when the site is served over TLS |
//! | `PORTAL_LOG_FULL_IP` | `log_full_ip` | `false`: the access log masks the last part of addresses |
//! | `PORTAL_HIT_FLUSH_MS` | `hit_flush_ms` | `1000`: how often counted views are written |
//! | `PORTAL_VIEW_DEDUP_SECONDS` | `view_dedup_seconds` | `1800`: a visitor's reload within it is not counted |
//! | `PORTAL_VIEW_DEDUP_CAPACITY` | `view_dedup_capacity` | `131072` counted views kept per generation of the reload window (more traffic shortens the window) |
//! | `PORTAL_MICROCACHE_MS` | `microcache_ms` | `1000`: anonymous API reads answered from memory; `0` turns it off |
//! | `PORTAL_MEDIA_MAX_BYTES` | `media_max_bytes` | `20971520` (20 MiB): the largest upload |
//! | `PORTAL_MEDIA_S3_BUCKET` | `media_s3_bucket` | none: files on local disk under `<data dir>/media`; set it to keep them in an S3-compatible bucket that several instances share |
//! | `PORTAL_MEDIA_S3_ENDPOINT` | `media_s3_endpoint` | none: AWS; for MinIO, SeaweedFS, Ceph or a cloud's S3 service, its address (`http://` allowed), path-style requests |
//! | `PORTAL_MEDIA_S3_REGION` | `media_s3_region` | `us-east-1` |
//! | `PORTAL_MEDIA_S3_ACCESS_KEY_ID` | `media_s3_access_key_id` | none: `AWS_ACCESS_KEY_ID` and the other `AWS_*` variables are read too |
//! | `PORTAL_MEDIA_S3_SECRET_ACCESS_KEY` | `media_s3_secret_access_key` | none (as above) |
//! | `PORTAL_MEDIA_S3_PREFIX` | `media_s3_prefix` | none: the files' keys start at the bucket's root |

use std::{fmt, path::PathBuf, time::Duration};

use anyhow::Context;
use serde::Deserialize;

use crate::http::TrustedProxies;

/// A value that must never be printed.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// Where to listen, e.g. `127.0.0.1:8080`; port 0 picks a free port.
    pub addr: String,
    pub database_url: String,
    /// Where generated state (the JWT secret) is kept.
    pub data_dir: PathBuf,
    /// `None`: generate one and keep it in `data_dir`.
    pub jwt_secret: Option<Secret>,
    pub jwt_ttl: Duration,
    pub admin_user: String,
    /// `None`: generate one on first start and print it once.
    pub admin_password: Option<Secret>,
    /// The built wasm portal (trunk's `dist/`).
    pub static_dir: PathBuf,
    pub demo_content: bool,
    /// The site name on first start (the admin changes it in the console afterwards).
    pub site_name: Option<String>,
    /// The site's public address (scheme and host, no path): canonical links, feeds and the
    /// sitemap name it.
    pub public_url: Option<url::Url>,
    /// Failed logins per window for one address and account, for one account from anywhere,
    /// and for one address across accounts.
    pub login_max_failures: u32,
    pub login_max_failures_per_account: u32,
    pub login_max_failures_per_address: u32,
    pub login_window: Duration,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: TrustedProxies,
    /// Visitors counted per client address, article and day at most.
    pub views_per_address: u16,
    /// Days the visitor ids are kept before only each day's total remains.
    pub visitor_retention_days: u32,
    /// Origins besides the site's own whose view beacons count (e.g. `https://www.example.gov.cn`).
    pub beacon_origins: Vec<String>,
    /// Origins browsers may call the API from; `*` for any (bearer tokens, no cookies).
    pub cors_origins: Vec<String>,
    /// `Strict-Transport-Security` max-age in seconds; `None` sends none.
    pub hsts_max_age: Option<u64>,
    /// Log whole client addresses instead of masking their last part.
    pub log_full_ip: bool,
    /// How many HTTP worker threads; `None` lets actix choose (one per core).
    pub workers: Option<usize>,
    /// How often counted views are written; also the most a crash can lose.
    pub hit_flush_interval: Duration,
    /// A visitor's repeated view of an article within this window counts once.
    pub view_dedup_window: Duration,
    /// How many counted views the reload window holds per generation; under more traffic a
    /// reload is recognised over a shorter time (memory stays bounded).
    pub view_dedup_capacity: usize,
    /// How long anonymous API reads are answered from memory; zero turns it off.
    pub micro_cache_ttl: Duration,
    /// The largest file an editor may upload, in bytes.
    pub media_max_bytes: u64,
    /// Where uploaded files are kept when not on local disk.
    pub media_s3: Option<S3Settings>,
}

/// An S3-compatible bucket for the media store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct S3Settings {
    pub bucket: String,
    /// The server's address when it is not AWS, e.g. `http://127.0.0.1:9000`.
    pub endpoint: Option<url::Url>,
    pub region: Option<String>,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<Secret>,
    /// Keys start with it (`portal/ab/ab12…`), so one bucket can hold several sites.
    pub prefix: Option<String>,
}

/// The optional file's shape: every key optional, named like the variables without `PORTAL_`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    addr: Option<String>,
    database_url: Option<String>,
    data_dir: Option<PathBuf>,
    jwt_secret: Option<Secret>,
    jwt_ttl_seconds: Option<u64>,
    admin_user: Option<String>,
    admin_password: Option<Secret>,
    static_dir: Option<PathBuf>,
    demo_content: Option<bool>,
    site_name: Option<String>,
    public_url: Option<String>,
    login_max_failures: Option<u32>,
    login_max_failures_per_account: Option<u32>,
    login_max_failures_per_address: Option<u32>,
    trust_proxy: Option<bool>,
    trusted_proxies: Option<String>,
    views_per_address: Option<u16>,
    visitor_retention_days: Option<u32>,
    beacon_origins: Option<String>,
    cors_origins: Option<String>,
    hsts_max_age: Option<u64>,
    log_full_ip: Option<bool>,
    workers: Option<usize>,
    hit_flush_ms: Option<u64>,
    view_dedup_seconds: Option<u64>,
    view_dedup_capacity: Option<usize>,
    microcache_ms: Option<u64>,
    media_max_bytes: Option<u64>,
    media_s3_bucket: Option<String>,
    media_s3_endpoint: Option<String>,
    media_s3_region: Option<String>,
    media_s3_access_key_id: Option<String>,
    media_s3_secret_access_key: Option<Secret>,
    media_s3_prefix: Option<String>,
}

/// The bucket settings one layer (the file or the environment) gives.
struct S3Parts {
    bucket: Option<String>,
    endpoint: Option<String>,
    region: Option<String>,
    access_key_id: Option<String>,
    secret_access_key: Option<Secret>,
    prefix: Option<String>,
}

impl Settings {
    /// Every setting as it is in effect, named like the variables, secrets and database
    /// passwords shown as `***`: what `portal config` prints.
    pub fn effective(&self) -> Vec<(&'static str, String)> {
        let secret = |value: &Option<Secret>, otherwise: &str| match value {
            Some(_) => "***".to_owned(),
            None => otherwise.to_owned(),
        };
        let or_none = |value: Option<String>| value.unwrap_or_else(|| "(none)".into());
        let list = |items: &[String]| {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items.join(", ")
            }
        };
        vec![
            ("PORTAL_ADDR", self.addr.clone()),
            ("DATABASE_URL", without_password(&self.database_url)),
            ("PORTAL_DATA_DIR", self.data_dir.display().to_string()),
            (
                "PORTAL_JWT_SECRET",
                secret(&self.jwt_secret, "(generated, kept in the data directory)"),
            ),
            ("PORTAL_JWT_TTL_SECONDS", self.jwt_ttl.as_secs().to_string()),
            ("PORTAL_ADMIN_USER", self.admin_user.clone()),
            (
                "PORTAL_ADMIN_PASSWORD",
                secret(
                    &self.admin_password,
                    "(generated and printed on first start)",
                ),
            ),
            ("PORTAL_STATIC_DIR", self.static_dir.display().to_string()),
            ("PORTAL_DEMO_CONTENT", self.demo_content.to_string()),
            ("PORTAL_SITE_NAME", or_none(self.site_name.clone())),
            (
                "PORTAL_PUBLIC_URL",
                or_none(self.public_url.as_ref().map(ToString::to_string)),
            ),
            (
                "PORTAL_LOGIN_MAX_FAILURES",
                self.login_max_failures.to_string(),
            ),
            (
                "PORTAL_LOGIN_MAX_FAILURES_PER_ACCOUNT",
                self.login_max_failures_per_account.to_string(),
            ),
            (
                "PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS",
                self.login_max_failures_per_address.to_string(),
            ),
            (
                "PORTAL_TRUSTED_PROXIES",
                or_none(Some(self.trusted_proxies.to_list()).filter(|list| !list.is_empty())),
            ),
            (
                "PORTAL_VIEWS_PER_ADDRESS",
                self.views_per_address.to_string(),
            ),
            (
                "PORTAL_VISITOR_RETENTION_DAYS",
                self.visitor_retention_days.to_string(),
            ),
            ("PORTAL_BEACON_ORIGINS", list(&self.beacon_origins)),
            ("PORTAL_CORS_ORIGINS", list(&self.cors_origins)),
            (
                "PORTAL_HSTS_MAX_AGE",
                or_none(self.hsts_max_age.map(|age| age.to_string())),
            ),
            ("PORTAL_LOG_FULL_IP", self.log_full_ip.to_string()),
            (
                "PORTAL_WORKERS",
                self.workers
                    .map_or_else(|| "(one per core)".into(), |workers| workers.to_string()),
            ),
            (
                "PORTAL_HIT_FLUSH_MS",
                self.hit_flush_interval.as_millis().to_string(),
            ),
            (
                "PORTAL_VIEW_DEDUP_SECONDS",
                self.view_dedup_window.as_secs().to_string(),
            ),
            (
                "PORTAL_VIEW_DEDUP_CAPACITY",
                self.view_dedup_capacity.to_string(),
            ),
            (
                "PORTAL_MICROCACHE_MS",
                self.micro_cache_ttl.as_millis().to_string(),
            ),
            ("PORTAL_MEDIA_MAX_BYTES", self.media_max_bytes.to_string()),
            (
                "PORTAL_MEDIA_S3_BUCKET",
                or_none(self.media_s3.as_ref().map(|s3| s3.bucket.clone())),
            ),
            (
                "PORTAL_MEDIA_S3_ENDPOINT",
                or_none(
                    self.media_s3
                        .as_ref()
                        .and_then(|s3| s3.endpoint.as_ref().map(url::Url::to_string)),
                ),
            ),
            (
                "PORTAL_MEDIA_S3_REGION",
                or_none(self.media_s3.as_ref().and_then(|s3| s3.region.clone())),
            ),
            (
                "PORTAL_MEDIA_S3_ACCESS_KEY_ID",
                or_none(
                    self.media_s3
                        .as_ref()
                        .and_then(|s3| s3.access_key_id.clone()),
                ),
            ),
            (
                "PORTAL_MEDIA_S3_SECRET_ACCESS_KEY",
                secret(
                    &self
                        .media_s3
                        .as_ref()
                        .and_then(|s3| s3.secret_access_key.clone()),
                    "(none)",
                ),
            ),
            (
                "PORTAL_MEDIA_S3_PREFIX",
                or_none(self.media_s3.as_ref().and_then(|s3| s3.prefix.clone())),
            ),
        ]
    }
}

/// A database URL with its password, if any, replaced by `***`.
pub fn without_password(database_url: &str) -> String {
    match url::Url::parse(database_url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => database_url.to_owned(),
    }
}

/// An `http` or `https` address of a site's root, such as `https://pufa.example.gov.cn`.
fn public_url_from(text: &str) -> Result<url::Url, String> {
    let address = url::Url::parse(text.trim()).map_err(|error| format!("is not a URL: {error}"))?;
    if !matches!(address.scheme(), "http" | "https") || address.host_str().is_none() {
        return Err("must be an http:// or https:// address with a host".into());
    }
    if address.path() != "/" || address.query().is_some() || address.fragment().is_some() {
        return Err("must name the site's root, without a path, query or fragment".into());
    }
    Ok(address)
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/portal.db";

impl Settings {
    /// The settings a fresh checkout runs with.
    pub fn defaults() -> Self {
        Self {
            addr: "127.0.0.1:8080".into(),
            database_url: DEFAULT_DATABASE_URL.into(),
            data_dir: PathBuf::from("data"),
            jwt_secret: None,
            jwt_ttl: Duration::from_secs(1800),
            admin_user: "admin".into(),
            admin_password: None,
            static_dir: PathBuf::from("frontend/dist"),
            demo_content: true,
            site_name: None,
            public_url: None,
            login_max_failures: 5,
            login_max_failures_per_account: 20,
            login_max_failures_per_address: 30,
            login_window: Duration::from_secs(15 * 60),
            trusted_proxies: TrustedProxies::default(),
            // An office behind one NAT: fifty colleagues reading the same notice.
            views_per_address: 50,
            visitor_retention_days: 7,
            beacon_origins: Vec::new(),
            cors_origins: vec!["*".into()],
            hsts_max_age: None,
            log_full_ip: false,
            workers: None,
            hit_flush_interval: Duration::from_secs(1),
            view_dedup_window: Duration::from_secs(30 * 60),
            // About 4 MiB per generation: a district portal's views for days, and small
            // enough to stay in the processor's caches (the beacon's speed depends on it).
            view_dedup_capacity: 131_072,
            micro_cache_ttl: Duration::from_secs(1),
            media_max_bytes: portal_api::DEFAULT_MEDIA_MAX_BYTES,
            media_s3: None,
        }
    }

    /// Defaults, then the file named by `PORTAL_CONFIG` (or `portal.toml` if present), then
    /// the environment.
    pub fn load() -> anyhow::Result<Self> {
        let mut settings = Self::defaults();
        let mut problems: Vec<Problems> = Vec::new();
        let explicit_file = std::env::var_os("PORTAL_CONFIG").map(PathBuf::from);
        let file = explicit_file
            .clone()
            .or_else(|| Some(PathBuf::from("portal.toml")).filter(|path| path.exists()));
        let mut data_dir_given = false;
        if let Some(path) = file {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading the configuration file {}", path.display()))?;
            let from_file: FileSettings = toml::from_str(&text)
                .with_context(|| format!("parsing the configuration file {}", path.display()))?;
            data_dir_given = from_file.data_dir.is_some();
            problems.extend(settings.apply_file(from_file).err());
        }
        data_dir_given |= std::env::var_os("PORTAL_DATA_DIR").is_some();
        problems.extend(settings.apply_env().err());
        if !data_dir_given {
            settings.data_dir = default_data_dir(&settings.database_url);
        }
        problems.extend(settings.validate().err());
        Problems::result(
            problems
                .into_iter()
                .flat_map(|problems| problems.0)
                .collect(),
        )?;
        Ok(settings)
    }

    fn apply_file(&mut self, file: FileSettings) -> Result<(), Problems> {
        let mut problems = Vec::new();
        let FileSettings {
            addr,
            database_url,
            data_dir,
            jwt_secret,
            jwt_ttl_seconds,
            admin_user,
            admin_password,
            static_dir,
            demo_content,
            site_name,
            public_url,
            login_max_failures,
            login_max_failures_per_account,
            login_max_failures_per_address,
            trust_proxy,
            trusted_proxies,
            views_per_address,
            visitor_retention_days,
            beacon_origins,
            cors_origins,
            hsts_max_age,
            log_full_ip,
            workers,
            hit_flush_ms,
            view_dedup_seconds,
            view_dedup_capacity,
            microcache_ms,
            media_max_bytes,
            media_s3_bucket,
            media_s3_endpoint,
            media_s3_region,
            media_s3_access_key_id,
            media_s3_secret_access_key,
            media_s3_prefix,
        } = file;
        self.apply_s3(
            S3Parts {
                bucket: media_s3_bucket,
                endpoint: media_s3_endpoint,
                region: media_s3_region,
                access_key_id: media_s3_access_key_id,
                secret_access_key: media_s3_secret_access_key,
                prefix: media_s3_prefix,
            },
            &mut problems,
        );
        if trust_proxy.is_some() {
            problems.push(TRUST_PROXY_REPLACED.to_owned());
        }
        if let Some(list) = trusted_proxies {
            match TrustedProxies::parse(&list) {
                Ok(proxies) => self.trusted_proxies = proxies,
                Err(message) => problems.push(format!("trusted_proxies: {message}")),
            }
        }
        replace(
            &mut self.login_max_failures_per_account,
            login_max_failures_per_account,
        );
        replace(
            &mut self.login_max_failures_per_address,
            login_max_failures_per_address,
        );
        replace(&mut self.views_per_address, views_per_address);
        replace(&mut self.visitor_retention_days, visitor_retention_days);
        replace(
            &mut self.beacon_origins,
            beacon_origins.map(|list| origins(&list)),
        );
        replace(
            &mut self.cors_origins,
            cors_origins.map(|list| origins(&list)),
        );
        self.hsts_max_age = hsts_max_age.filter(|age| *age > 0).or(self.hsts_max_age);
        replace(&mut self.log_full_ip, log_full_ip);
        replace(&mut self.addr, addr);
        replace(&mut self.database_url, database_url);
        replace(&mut self.data_dir, data_dir);
        replace(&mut self.jwt_ttl, jwt_ttl_seconds.map(Duration::from_secs));
        replace(&mut self.admin_user, admin_user);
        replace(&mut self.static_dir, static_dir);
        replace(&mut self.demo_content, demo_content);
        self.site_name = site_name.or(self.site_name.take());
        if let Some(address) = public_url {
            match public_url_from(&address) {
                Ok(url) => self.public_url = Some(url),
                Err(message) => problems.push(format!("public_url {message}")),
            }
        }
        replace(&mut self.login_max_failures, login_max_failures);
        self.jwt_secret = jwt_secret.or(self.jwt_secret.take());
        self.admin_password = admin_password.or(self.admin_password.take());
        self.workers = workers.or(self.workers);
        replace(
            &mut self.hit_flush_interval,
            hit_flush_ms.map(Duration::from_millis),
        );
        replace(
            &mut self.view_dedup_window,
            view_dedup_seconds.map(Duration::from_secs),
        );
        replace(&mut self.view_dedup_capacity, view_dedup_capacity);
        replace(
            &mut self.micro_cache_ttl,
            microcache_ms.map(Duration::from_millis),
        );
        replace(&mut self.media_max_bytes, media_max_bytes);
        Problems::result(problems)
    }

    fn apply_env(&mut self) -> Result<(), Problems> {
        let mut problems = Vec::new();
        replace(&mut self.addr, env("PORTAL_ADDR"));
        replace(&mut self.database_url, env("DATABASE_URL"));
        replace(
            &mut self.data_dir,
            env("PORTAL_DATA_DIR").map(PathBuf::from),
        );
        replace(&mut self.admin_user, env("PORTAL_ADMIN_USER"));
        replace(
            &mut self.static_dir,
            env("PORTAL_STATIC_DIR").map(PathBuf::from),
        );
        if let Some(secret) = env("PORTAL_JWT_SECRET") {
            self.jwt_secret = Some(Secret::new(secret));
        }
        if let Some(password) = env("PORTAL_ADMIN_PASSWORD") {
            self.admin_password = Some(Secret::new(password));
        }
        replace(
            &mut self.jwt_ttl,
            parse_env::<u64>("PORTAL_JWT_TTL_SECONDS", &mut problems).map(Duration::from_secs),
        );
        replace(
            &mut self.demo_content,
            parse_bool_env("PORTAL_DEMO_CONTENT", &mut problems),
        );
        if let Some(name) = env("PORTAL_SITE_NAME") {
            self.site_name = Some(name);
        }
        if let Some(address) = env("PORTAL_PUBLIC_URL") {
            match public_url_from(&address) {
                Ok(url) => self.public_url = Some(url),
                Err(message) => problems.push(format!("PORTAL_PUBLIC_URL {message}")),
            }
        }
        if env("PORTAL_TRUST_PROXY").is_some() {
            problems.push(TRUST_PROXY_REPLACED.to_owned());
        }
        if let Some(list) = env("PORTAL_TRUSTED_PROXIES") {
            match TrustedProxies::parse(&list) {
                Ok(proxies) => self.trusted_proxies = proxies,
                Err(message) => problems.push(format!("PORTAL_TRUSTED_PROXIES: {message}")),
            }
        }
        replace(
            &mut self.login_max_failures_per_account,
            parse_env("PORTAL_LOGIN_MAX_FAILURES_PER_ACCOUNT", &mut problems),
        );
        replace(
            &mut self.login_max_failures_per_address,
            parse_env("PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS", &mut problems),
        );
        replace(
            &mut self.views_per_address,
            parse_env("PORTAL_VIEWS_PER_ADDRESS", &mut problems),
        );
        replace(
            &mut self.visitor_retention_days,
            parse_env("PORTAL_VISITOR_RETENTION_DAYS", &mut problems),
        );
        replace(
            &mut self.beacon_origins,
            env("PORTAL_BEACON_ORIGINS").map(|list| origins(&list)),
        );
        replace(
            &mut self.cors_origins,
            env("PORTAL_CORS_ORIGINS").map(|list| origins(&list)),
        );
        if let Some(age) = parse_env::<u64>("PORTAL_HSTS_MAX_AGE", &mut problems) {
            self.hsts_max_age = (age > 0).then_some(age);
        }
        replace(
            &mut self.log_full_ip,
            parse_bool_env("PORTAL_LOG_FULL_IP", &mut problems),
        );
        replace(
            &mut self.login_max_failures,
            parse_env("PORTAL_LOGIN_MAX_FAILURES", &mut problems),
        );
        replace(
            &mut self.hit_flush_interval,
            parse_env::<u64>("PORTAL_HIT_FLUSH_MS", &mut problems).map(Duration::from_millis),
        );
        replace(
            &mut self.view_dedup_window,
            parse_env::<u64>("PORTAL_VIEW_DEDUP_SECONDS", &mut problems).map(Duration::from_secs),
        );
        replace(
            &mut self.view_dedup_capacity,
            parse_env("PORTAL_VIEW_DEDUP_CAPACITY", &mut problems),
        );
        replace(
            &mut self.micro_cache_ttl,
            parse_env::<u64>("PORTAL_MICROCACHE_MS", &mut problems).map(Duration::from_millis),
        );
        replace(
            &mut self.media_max_bytes,
            parse_env("PORTAL_MEDIA_MAX_BYTES", &mut problems),
        );
        if let Some(workers) = parse_env::<usize>("PORTAL_WORKERS", &mut problems) {
            self.workers = Some(workers);
        }
        self.apply_s3(
            S3Parts {
                bucket: env("PORTAL_MEDIA_S3_BUCKET"),
                endpoint: env("PORTAL_MEDIA_S3_ENDPOINT"),
                region: env("PORTAL_MEDIA_S3_REGION"),
                access_key_id: env("PORTAL_MEDIA_S3_ACCESS_KEY_ID"),
                secret_access_key: env("PORTAL_MEDIA_S3_SECRET_ACCESS_KEY").map(Secret::new),
                prefix: env("PORTAL_MEDIA_S3_PREFIX"),
            },
            &mut problems,
        );
        Problems::result(problems)
    }

    /// Lays the bucket settings given by one layer over the earlier ones.
    fn apply_s3(&mut self, parts: S3Parts, problems: &mut Vec<String>) {
        let S3Parts {
            bucket,
            endpoint,
            region,
            access_key_id,
            secret_access_key,
            prefix,
        } = parts;
        let given = bucket.is_some()
            || endpoint.is_some()
            || region.is_some()
            || access_key_id.is_some()
            || secret_access_key.is_some()
            || prefix.is_some();
        if !given {
            return;
        }
        let s3 = self.media_s3.get_or_insert_with(S3Settings::default);
        replace(&mut s3.bucket, bucket);
        if let Some(address) = endpoint {
            match url::Url::parse(address.trim())
                .ok()
                .filter(|parsed| matches!(parsed.scheme(), "http" | "https"))
            {
                Some(parsed) => s3.endpoint = Some(parsed),
                None => problems.push(
                    "PORTAL_MEDIA_S3_ENDPOINT must be an http:// or https:// address, e.g. http://127.0.0.1:9000".to_owned(),
                ),
            }
        }
        s3.region = region.or(s3.region.take());
        s3.access_key_id = access_key_id.or(s3.access_key_id.take());
        s3.secret_access_key = secret_access_key.or(s3.secret_access_key.take());
        if let Some(prefix) = prefix {
            let prefix = prefix.trim_matches('/').to_owned();
            s3.prefix = (!prefix.is_empty()).then_some(prefix);
        }
    }

    fn validate(&self) -> Result<(), Problems> {
        let mut problems = Vec::new();
        if let Some(s3) = &self.media_s3 {
            if s3.bucket.trim().is_empty() {
                problems.push("PORTAL_MEDIA_S3_BUCKET must name the bucket when another PORTAL_MEDIA_S3_ setting is given".to_owned());
            }
            if s3.access_key_id.is_some() != s3.secret_access_key.is_some() {
                problems.push("PORTAL_MEDIA_S3_ACCESS_KEY_ID and PORTAL_MEDIA_S3_SECRET_ACCESS_KEY go together".to_owned());
            }
            if let Some(prefix) = &s3.prefix {
                if !prefix.bytes().all(|byte| {
                    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'/')
                }) || prefix
                    .split('/')
                    .any(|part| part.is_empty() || part == "." || part == "..")
                {
                    problems.push("PORTAL_MEDIA_S3_PREFIX must be folder names of letters, digits, `-`, `_` and `.`, joined by `/`".to_owned());
                }
            }
        }
        if !(1024..=1024 * 1024 * 1024).contains(&self.media_max_bytes) {
            problems.push(
                "PORTAL_MEDIA_MAX_BYTES must be between 1024 and 1073741824 (1 GiB)".to_owned(),
            );
        }
        if let Some(secret) = &self.jwt_secret {
            if secret.expose().len() < 32 {
                problems.push("PORTAL_JWT_SECRET must be at least 32 characters long".to_owned());
            }
        }
        if self.jwt_ttl < Duration::from_secs(60) || self.jwt_ttl > Duration::from_secs(86_400) {
            problems.push("PORTAL_JWT_TTL_SECONDS must be between 60 and 86400".to_owned());
        }
        if let Some(password) = &self.admin_password {
            if let Err(message) =
                crate::domain::Password::parse(password.expose(), &[&self.admin_user])
            {
                problems.push(format!("PORTAL_ADMIN_PASSWORD {message}"));
            }
        }
        if let Some(name) = &self.site_name {
            if let Err(message) = crate::services::site::SiteName::parse(name) {
                problems.push(format!("PORTAL_SITE_NAME {message}"));
            }
        }
        if let Err(message) = crate::domain::Username::parse(&self.admin_user) {
            problems.push(format!("PORTAL_ADMIN_USER {message}"));
        }
        if self.hit_flush_interval < Duration::from_millis(10)
            || self.hit_flush_interval > Duration::from_secs(60)
        {
            problems.push("PORTAL_HIT_FLUSH_MS must be between 10 and 60000".to_owned());
        }
        if self.login_max_failures == 0
            || self.login_max_failures_per_account == 0
            || self.login_max_failures_per_address == 0
        {
            problems.push(
                "PORTAL_LOGIN_MAX_FAILURES, _PER_ACCOUNT and _PER_ADDRESS must be at least 1"
                    .to_owned(),
            );
        }
        if self.views_per_address == 0 {
            problems.push("PORTAL_VIEWS_PER_ADDRESS must be at least 1".to_owned());
        }
        if !(1..=3650).contains(&self.visitor_retention_days) {
            problems.push("PORTAL_VISITOR_RETENTION_DAYS must be between 1 and 3650".to_owned());
        }
        for origin in self.beacon_origins.iter().chain(&self.cors_origins) {
            if origin != "*" && url::Url::parse(origin).is_err() {
                problems.push(format!(
                    "`{origin}` is not an origin like https://www.example.gov.cn"
                ));
            }
        }
        if self.beacon_origins.iter().any(|origin| origin == "*") {
            problems.push(
                "PORTAL_BEACON_ORIGINS cannot be `*`: any site could inflate the counts".to_owned(),
            );
        }
        if !(1_000..=100_000_000).contains(&self.view_dedup_capacity) {
            problems
                .push("PORTAL_VIEW_DEDUP_CAPACITY must be between 1000 and 100000000".to_owned());
        }
        Problems::result(problems)
    }
}

const TRUST_PROXY_REPLACED: &str = "PORTAL_TRUST_PROXY (trust_proxy) is replaced by \
    PORTAL_TRUSTED_PROXIES: list the proxies' addresses or networks (e.g. 127.0.0.1, 10.0.0.0/8); \
    trusting any peer let clients choose their address";

/// `a, b` as a list of origins without trailing slashes.
fn origins(list: &str) -> Vec<String> {
    list.split(',')
        .map(|origin| origin.trim().trim_end_matches('/').to_owned())
        .filter(|origin| !origin.is_empty())
        .collect()
}

/// The folder beside the SQLite file, so that the database and its secret travel together.
fn default_data_dir(database_url: &str) -> PathBuf {
    crate::db::sqlite_file(database_url)
        .and_then(|file| file.parent().map(PathBuf::from))
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("data"))
}

fn replace<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

/// The variable's value, or `None` when it is unset or (noted in `problems`) unreadable.
fn parse_env<T: std::str::FromStr>(name: &str, problems: &mut Vec<String>) -> Option<T>
where
    T::Err: fmt::Display,
{
    let raw = env(name)?;
    raw.trim()
        .parse::<T>()
        .map_err(|error| problems.push(format!("{name}={raw:?} is not valid: {error}")))
        .ok()
}

fn parse_bool_env(name: &str, problems: &mut Vec<String>) -> Option<bool> {
    let raw = env(name)?;
    match raw.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => {
            problems.push(format!(
                "{name}={raw:?} is not valid: expected true or false"
            ));
            None
        }
    }
}

/// Every invalid setting found, so that one start names them all instead of one per attempt.
#[derive(Debug)]
pub struct Problems(Vec<String>);

impl Problems {
    fn result(problems: Vec<String>) -> Result<(), Problems> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [one] => formatter.write_str(one),
            many => {
                write!(formatter, "{} settings are invalid:", many.len())?;
                for problem in many {
                    write!(formatter, "\n  - {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Problems {}

/// Logs go to stderr, filtered by `RUST_LOG` (default: info for the portal, warnings else).
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("warn,portal_backend=info,portal=info,actix_web=info")
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_effective_configuration_hides_secrets_and_database_passwords() {
        let mut settings = Settings::defaults();
        settings.jwt_secret = Some(Secret::new("a-secret-that-must-not-show-0123456789"));
        settings.database_url = "postgres://portal:hunter2-pass@db.internal/portal".into();
        let printed = format!("{:?}", settings.effective());
        assert!(
            !printed.contains("a-secret-that-must-not-show"),
            "{printed}"
        );
        assert!(!printed.contains("hunter2-pass"), "{printed}");
        assert!(
            printed.contains("postgres://portal:***@db.internal/portal"),
            "{printed}"
        );
    }

    #[test]
    fn the_data_dir_defaults_to_the_sqlite_files_folder() {
        assert_eq!(
            default_data_dir("sqlite://var/lib/portal/site.db?mode=rwc"),
            PathBuf::from("var/lib/portal")
        );
        assert_eq!(
            default_data_dir("postgres://localhost/portal"),
            PathBuf::from("data")
        );
    }

    #[test]
    fn a_file_sets_what_it_names_and_leaves_the_rest() -> anyhow::Result<()> {
        let file: FileSettings = toml::from_str(
            r#"
            addr = "0.0.0.0:9000"
            database_url = "postgres://portal@db/portal"
            hit_flush_ms = 500
            demo_content = false
            "#,
        )?;
        let mut settings = Settings::defaults();
        settings.apply_file(file)?;
        assert_eq!(settings.addr, "0.0.0.0:9000");
        assert_eq!(settings.database_url, "postgres://portal@db/portal");
        assert_eq!(settings.hit_flush_interval, Duration::from_millis(500));
        assert!(!settings.demo_content);
        assert_eq!(settings.admin_user, "admin");
        Ok(())
    }

    #[test]
    fn a_misspelt_file_key_is_an_error_not_a_silent_default() {
        assert!(toml::from_str::<FileSettings>("adress = \"x\"").is_err());
    }

    #[test]
    fn a_short_jwt_secret_is_refused() {
        let mut settings = Settings::defaults();
        settings.jwt_secret = Some(Secret::new("too short"));
        assert!(settings.validate().is_err());
    }

    #[test]
    fn the_reload_windows_memory_is_bounded_both_ways() {
        let mut settings = Settings::defaults();
        assert!(settings.validate().is_ok());
        settings.view_dedup_capacity = 10;
        assert!(settings.validate().is_err());
        settings.view_dedup_capacity = usize::MAX;
        assert!(settings.validate().is_err());
    }

    #[test]
    fn the_old_trust_everyone_switch_is_refused_with_its_replacement_named() {
        let file: Result<FileSettings, _> = toml::from_str("trust_proxy = true");
        let mut settings = Settings::defaults();
        let error = file
            .map_err(anyhow::Error::from)
            .and_then(|file| settings.apply_file(file).map_err(anyhow::Error::from));
        assert!(error.is_err_and(|error| error.to_string().contains("PORTAL_TRUSTED_PROXIES")));
    }

    #[test]
    fn lists_of_proxies_and_origins_are_read_from_the_file() -> anyhow::Result<()> {
        let file: FileSettings = toml::from_str(
            r#"
            trusted_proxies = "127.0.0.1, 10.0.0.0/8"
            beacon_origins = "https://www.example.gov.cn/, https://m.example.gov.cn"
            "#,
        )?;
        let mut settings = Settings::defaults();
        settings.apply_file(file)?;
        assert!(!settings.trusted_proxies.is_empty());
        assert_eq!(
            settings.beacon_origins,
            ["https://www.example.gov.cn", "https://m.example.gov.cn"]
        );
        assert!(settings.validate().is_ok());
        Ok(())
    }

    #[test]
    fn every_invalid_setting_is_named_in_one_error() {
        let mut settings = Settings::defaults();
        settings.jwt_secret = Some(Secret::new("too short"));
        settings.view_dedup_capacity = 10;
        settings.beacon_origins = vec!["*".into()];
        let error = settings.validate().unwrap_err().to_string();
        assert!(error.starts_with("3 settings are invalid:"), "{error}");
        for named in [
            "PORTAL_JWT_SECRET",
            "PORTAL_VIEW_DEDUP_CAPACITY",
            "PORTAL_BEACON_ORIGINS",
        ] {
            assert!(error.contains(named), "{named} in {error}");
        }
    }

    #[test]
    fn any_origin_may_not_count_views() {
        let mut settings = Settings::defaults();
        settings.beacon_origins = vec!["*".into()];
        assert!(settings.validate().is_err());
    }

    #[test]
    fn a_secret_never_prints() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "Secret(***)");
    }
}
