//! Where uploaded files live: content-addressed, on local disk under `<data dir>/media` or, for
//! several instances, in an S3-compatible bucket. A file is named by the SHA-256 of its bytes
//! (an image's smaller sizes by it and their width), in a folder (or key prefix) named by the
//! hash's first two digits, so equal uploads share one file and no folder grows past a few
//! thousand entries. Uploads are received under `<data dir>/media/.incoming` either way; on disk
//! they are renamed into place, so a reader never sees half a file, and into a bucket they are
//! uploaded whole (in parts when large) before the record that names them is written.

use std::{
    future::Future,
    io::Write,
    ops::Range,
    path::{Path, PathBuf},
    sync::Arc,
};

use anyhow::Context as _;
use bytes::Bytes;
use futures_util::StreamExt as _;
use object_store::{
    aws::{AmazonS3, AmazonS3Builder},
    buffered::BufWriter,
    path::Path as Key,
    GetOptions, GetRange, ObjectStore, ObjectStoreExt as _, PutPayload,
};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt as _;

use crate::config::S3Settings;

/// The folder under the data directory.
pub const MEDIA_DIR: &str = "media";
const INCOMING: &str = ".incoming";
/// Chunks of a file read from the bucket held ahead of a slow reader.
const READ_AHEAD_CHUNKS: usize = 4;

pub struct MediaStore {
    incoming: PathBuf,
    place: Place,
}

enum Place {
    Disk(PathBuf),
    Bucket(Bucket),
}

/// A file's size and age, for a response's headers.
pub struct Stat {
    pub size: u64,
    pub last_modified: chrono::DateTime<chrono::Utc>,
}

/// Part of a file read from the bucket, arriving in chunks.
pub type ByteStream = futures_util::stream::BoxStream<'static, std::io::Result<Bytes>>;

/// A file being received, removed when dropped unless it was kept.
pub struct Incoming {
    path: PathBuf,
    kept: bool,
}

impl Incoming {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Incoming {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl MediaStore {
    /// The store the settings name, its folders created when missing; files left in
    /// `.incoming` by an earlier run (a crash mid-upload) are removed. A bucket is asked once
    /// for its root, so a wrong address, bucket or key stops the start with the bucket's answer.
    pub async fn open(data_dir: &Path, s3: Option<&S3Settings>) -> anyhow::Result<Self> {
        let incoming = data_dir.join(MEDIA_DIR).join(INCOMING);
        if incoming.is_dir() {
            for entry in std::fs::read_dir(&incoming)?.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Self::attach(data_dir, s3).await
    }

    /// The store without clearing `.incoming`: for a command that writes into it while a
    /// server may be receiving uploads there.
    pub async fn attach(data_dir: &Path, s3: Option<&S3Settings>) -> anyhow::Result<Self> {
        let root = data_dir.join(MEDIA_DIR);
        let incoming = root.join(INCOMING);
        std::fs::create_dir_all(&incoming)
            .with_context(|| format!("creating {}", incoming.display()))?;
        let place = match s3 {
            None => Place::Disk(root),
            Some(settings) => Place::Bucket(Bucket::connect(settings).await?),
        };
        Ok(Self { incoming, place })
    }

    /// Where the files are, for the log: a folder or `s3://bucket/prefix` at an address.
    pub fn describe(&self) -> String {
        match &self.place {
            Place::Disk(root) => root.display().to_string(),
            Place::Bucket(bucket) => bucket.description.clone(),
        }
    }

    /// A new, empty file to receive an upload into.
    pub fn incoming(&self) -> std::io::Result<(Incoming, std::fs::File)> {
        let name = format!("{:032x}", rand::random::<u128>());
        let path = self.incoming.join(name);
        let file = std::fs::File::create_new(&path)?;
        Ok((Incoming { path, kept: false }, file))
    }

    /// Where the file called `name` is on local disk, or `None` when the files are in a
    /// bucket. `name` must come from [`Self::name_is_valid`] or from this store.
    pub fn local_path(&self, name: &str) -> Option<PathBuf> {
        match &self.place {
            Place::Disk(root) => Some(root.join(folder(name)).join(name)),
            Place::Bucket(_) => None,
        }
    }

    /// Whether `name` is one this store could hold: a hex SHA-256, optionally with a variant
    /// suffix of digits, `w.` and a short extension. Anything else (`..`, slashes) is not.
    pub fn name_is_valid(name: &str) -> bool {
        let (Some(hash), Some(suffix)) = (name.get(..64), name.get(64..)) else {
            return false;
        };
        if !hash.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return false;
        }
        if suffix.is_empty() {
            return true;
        }
        let Some(rest) = suffix.strip_prefix('-') else {
            return false;
        };
        let Some((width, extension)) = rest.split_once("w.") else {
            return false;
        };
        !width.is_empty()
            && width.len() <= 5
            && width.bytes().all(|byte| byte.is_ascii_digit())
            && matches!(extension, "jpg" | "png" | "webp")
    }

    /// Keeps a received file as `name`. Blocking: run it off the server's threads.
    pub fn keep(&self, mut incoming: Incoming, name: &str) -> std::io::Result<()> {
        match &self.place {
            Place::Disk(root) => {
                let target = root.join(folder(name)).join(name);
                if let Some(folder) = target.parent() {
                    std::fs::create_dir_all(folder)?;
                }
                std::fs::rename(&incoming.path, &target)?;
                incoming.kept = true;
                Ok(())
            }
            // The received file is removed when `incoming` drops, after the upload.
            Place::Bucket(bucket) => bucket.run_blocking(upload_file(
                bucket.store.clone(),
                incoming.path.clone(),
                bucket.key(name),
            ))?,
        }
    }

    /// Writes `bytes` as `name`. Blocking: run it off the server's threads.
    pub fn put(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        match &self.place {
            Place::Disk(_) => {
                let (incoming, mut file) = self.incoming()?;
                file.write_all(bytes)?;
                file.sync_all()?;
                drop(file);
                self.keep(incoming, name)
            }
            Place::Bucket(bucket) => {
                let store = bucket.store.clone();
                let key = bucket.key(name);
                let payload = PutPayload::from(bytes.to_vec());
                bucket.run_blocking(async move {
                    store.put(&key, payload).await.map(drop).map_err(io_error)
                })?
            }
        }
    }

    /// Removes the file with hash `sha256` and its smaller sizes.
    pub async fn remove(&self, sha256: &str) -> std::io::Result<()> {
        if !Self::name_is_valid(sha256) {
            return Ok(());
        }
        match &self.place {
            Place::Disk(root) => {
                let Ok(entries) = std::fs::read_dir(root.join(folder(sha256))) else {
                    return Ok(());
                };
                for entry in entries.flatten() {
                    if entry
                        .file_name()
                        .to_str()
                        .is_some_and(|name| name.starts_with(sha256))
                    {
                        std::fs::remove_file(entry.path())?;
                    }
                }
                Ok(())
            }
            Place::Bucket(bucket) => {
                let store = bucket.store.clone();
                let folder_key = bucket.folder_key(sha256);
                let sha256 = sha256.to_owned();
                bucket
                    .run(async move {
                        // Listing works by whole path segments, so the folder is listed and
                        // the hash's files picked from it.
                        let mut listing = store.list(Some(&folder_key));
                        let mut doomed = Vec::new();
                        while let Some(meta) = listing.next().await {
                            let meta = meta.map_err(io_error)?;
                            if meta
                                .location
                                .filename()
                                .is_some_and(|name| name.starts_with(&sha256))
                            {
                                doomed.push(meta.location);
                            }
                        }
                        for key in doomed {
                            match store.delete(&key).await {
                                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                                Err(error) => return Err(io_error(error)),
                            }
                        }
                        Ok(())
                    })
                    .await?
            }
        }
    }

    /// The size and age of the bucket's file `name` (`NotFound` when it has none). Files on
    /// disk are served from [`Self::local_path`] instead.
    pub async fn stat(&self, name: &str) -> std::io::Result<Stat> {
        let bucket = self.bucket()?;
        let store = bucket.store.clone();
        let key = bucket.key(name);
        bucket
            .run(async move {
                let meta = store.head(&key).await.map_err(io_error)?;
                Ok(Stat {
                    size: meta.size,
                    last_modified: meta.last_modified,
                })
            })
            .await?
    }

    /// The bytes `range` of the bucket's file `name`, as they arrive; a reader that stops
    /// reading stops the download (a few chunks are held ahead, no more).
    pub async fn read(&self, name: &str, range: Range<u64>) -> std::io::Result<ByteStream> {
        let bucket = self.bucket()?;
        let store = bucket.store.clone();
        let key = bucket.key(name);
        let (sender, receiver) = tokio::sync::mpsc::channel(READ_AHEAD_CHUNKS);
        let opened = bucket
            .run(async move {
                let options = GetOptions {
                    range: Some(GetRange::Bounded(range)),
                    ..GetOptions::default()
                };
                let found = store.get_opts(&key, options).await.map_err(io_error)?;
                let mut chunks = found.into_stream();
                tokio::spawn(async move {
                    while let Some(chunk) = chunks.next().await {
                        if sender.send(chunk.map_err(io_error)).await.is_err() {
                            break;
                        }
                    }
                });
                Ok::<_, std::io::Error>(())
            })
            .await?;
        opened?;
        Ok(
            futures_util::stream::unfold(receiver, |mut receiver| async move {
                receiver.recv().await.map(|chunk| (chunk, receiver))
            })
            .boxed(),
        )
    }

    fn bucket(&self) -> std::io::Result<&Bucket> {
        match &self.place {
            Place::Bucket(bucket) => Ok(bucket),
            Place::Disk(_) => Err(std::io::Error::other(
                "the media files are on disk: serve them from their path",
            )),
        }
    }
}

/// The folder (or key prefix) of a file: its hash's first two digits.
fn folder(name: &str) -> &str {
    name.get(..2).unwrap_or("00")
}

fn io_error(error: object_store::Error) -> std::io::Error {
    match error {
        object_store::Error::NotFound { .. } => {
            std::io::Error::new(std::io::ErrorKind::NotFound, error)
        }
        other => std::io::Error::other(other),
    }
}

async fn upload_file(store: Arc<AmazonS3>, path: PathBuf, key: Key) -> std::io::Result<()> {
    let mut file = tokio::fs::File::open(&path).await?;
    // One request for a small file, a multipart upload for a large one.
    let mut writer = BufWriter::new(store, key);
    if let Err(error) = tokio::io::copy(&mut file, &mut writer).await {
        let _ = writer.abort().await;
        return Err(error);
    }
    writer.shutdown().await
}

/// An S3-compatible bucket. Its requests run on a small runtime of its own: the server's
/// workers each run their own single-threaded runtime, and image cleaning and the importer call
/// the store from blocking code, so no caller's runtime is one the connections could rely on.
struct Bucket {
    store: Arc<AmazonS3>,
    prefix: Option<String>,
    description: String,
    runtime: OwnRuntime,
}

impl Bucket {
    async fn connect(settings: &S3Settings) -> anyhow::Result<Self> {
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&settings.bucket)
            .with_region(settings.region.as_deref().unwrap_or("us-east-1"));
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint.as_str().trim_end_matches('/'))
                .with_allow_http(endpoint.scheme() == "http")
                .with_virtual_hosted_style_request(false);
        }
        if let (Some(key_id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key)
        {
            builder = builder
                .with_access_key_id(key_id)
                .with_secret_access_key(secret.expose());
        }
        let store = Arc::new(
            builder
                .build()
                .context("setting up the S3 media store (PORTAL_MEDIA_S3_*)")?,
        );
        let description = format!(
            "s3://{}/{} at {}",
            settings.bucket,
            settings.prefix.as_deref().unwrap_or(""),
            settings
                .endpoint
                .as_ref()
                .map_or_else(|| "AWS".to_owned(), url::Url::to_string)
        );
        let runtime = OwnRuntime::new()?;
        let bucket = Self {
            store,
            prefix: settings.prefix.clone(),
            description,
            runtime,
        };
        let store = bucket.store.clone();
        let root = bucket.prefix.as_deref().map(Key::from);
        bucket
            .run(async move { store.list_with_delimiter(root.as_ref()).await.map(drop) })
            .await?
            .with_context(|| format!("reaching the media bucket {}", bucket.description))?;
        Ok(bucket)
    }

    fn key(&self, name: &str) -> Key {
        match &self.prefix {
            Some(prefix) => Key::from(format!("{prefix}/{}/{name}", folder(name))),
            None => Key::from(format!("{}/{name}", folder(name))),
        }
    }

    fn folder_key(&self, name: &str) -> Key {
        match &self.prefix {
            Some(prefix) => Key::from(format!("{prefix}/{}", folder(name))),
            None => Key::from(folder(name)),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> std::io::Result<T> {
        self.runtime
            .spawn(work)
            .await
            .map_err(std::io::Error::other)
    }

    /// Runs `work` and waits for it without needing a runtime on the calling thread.
    fn run_blocking<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> std::io::Result<T> {
        futures::executor::block_on(self.runtime.spawn(work)).map_err(std::io::Error::other)
    }
}

/// A runtime that may be dropped anywhere (a plain one panics when dropped inside another).
struct OwnRuntime {
    handle: tokio::runtime::Handle,
    runtime: Option<tokio::runtime::Runtime>,
}

impl OwnRuntime {
    fn new() -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("media-bucket")
            .enable_all()
            .build()?;
        Ok(Self {
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
        })
    }

    fn spawn<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> tokio::task::JoinHandle<T> {
        self.handle.spawn(work)
    }
}

impl Drop for OwnRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// The hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_the_store_makes_are_valid() {
        let hash = "a".repeat(64);
        assert!(MediaStore::name_is_valid(&hash));
        assert!(MediaStore::name_is_valid(&format!("{hash}-480w.webp")));
        assert!(!MediaStore::name_is_valid(&format!("{hash}-480w.html")));
        assert!(!MediaStore::name_is_valid(&format!("{hash}/../x")));
        assert!(!MediaStore::name_is_valid("../../etc/passwd"));
        assert!(!MediaStore::name_is_valid(&"g".repeat(64)));
        assert!(!MediaStore::name_is_valid(""));
    }
}
