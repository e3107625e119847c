//! Where uploaded files live: content-addressed files under `<data dir>/media`. A file is named
//! by the SHA-256 of its bytes (an image's smaller sizes by it and their width), in a folder
//! named by the hash's first two digits, so equal uploads share one file and no folder grows
//! past a few thousand entries. New files are written under `.incoming` and renamed into place,
//! so a reader never sees half a file.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use sha2::{Digest, Sha256};

/// The folder under the data directory.
pub const MEDIA_DIR: &str = "media";
const INCOMING: &str = ".incoming";

pub struct MediaStore {
    root: PathBuf,
}

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
    /// The store under `data_dir`, its folders created when missing; files left in `.incoming`
    /// by an earlier run (a crash mid-upload) are removed.
    pub fn open(data_dir: &Path) -> std::io::Result<Self> {
        let root = data_dir.join(MEDIA_DIR);
        let incoming = root.join(INCOMING);
        if incoming.is_dir() {
            for entry in std::fs::read_dir(&incoming)?.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        std::fs::create_dir_all(&incoming)?;
        Ok(Self { root })
    }

    /// The store under `data_dir` without clearing `.incoming`: for a command that writes into
    /// it while a server may be receiving uploads there.
    pub fn attach(data_dir: &Path) -> std::io::Result<Self> {
        let root = data_dir.join(MEDIA_DIR);
        std::fs::create_dir_all(root.join(INCOMING))?;
        Ok(Self { root })
    }

    /// A new, empty file to receive an upload into.
    pub fn incoming(&self) -> std::io::Result<(Incoming, std::fs::File)> {
        let name = format!("{:032x}", rand::random::<u128>());
        let path = self.root.join(INCOMING).join(name);
        let file = std::fs::File::create_new(&path)?;
        Ok((Incoming { path, kept: false }, file))
    }

    /// Where the file called `name` (`{sha256}` or `{sha256}-{width}w.{ext}`) is, or would be.
    /// `name` must come from [`Self::name_is_valid`] or from this store.
    pub fn path(&self, name: &str) -> PathBuf {
        self.root.join(name.get(..2).unwrap_or("00")).join(name)
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

    /// Keeps a received file as `name`.
    pub fn keep(&self, mut incoming: Incoming, name: &str) -> std::io::Result<()> {
        let target = self.path(name);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::rename(&incoming.path, &target)?;
        incoming.kept = true;
        Ok(())
    }

    /// Writes `bytes` as `name` (through `.incoming`, then renamed into place).
    pub fn put(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let (incoming, mut file) = self.incoming()?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        self.keep(incoming, name)
    }

    /// Removes the file with hash `sha256` and its smaller sizes.
    pub fn remove(&self, sha256: &str) -> std::io::Result<()> {
        if !Self::name_is_valid(sha256) {
            return Ok(());
        }
        let folder = self.root.join(sha256.get(..2).unwrap_or("00"));
        let Ok(entries) = std::fs::read_dir(&folder) else {
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
