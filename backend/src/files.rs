//! Files and folders the server keeps for itself (the SQLite database, its journal, the
//! generated JWT secret, the data folder): readable by the server's own user only, whatever
//! the umask. A database file holds password hashes; a secret file signs every token.

use std::path::Path;

/// Creates `dir` as `0700` if it does not exist. An existing folder is left as it is (it may
/// be `/tmp` or a folder the operator shares on purpose); one that others can read is
/// reported in the log.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        warn_if_open(dir);
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    restrict(dir, 0o700)
}

#[cfg(unix)]
fn warn_if_open(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(dir) {
        // Sticky folders such as /tmp are shared by design.
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o007 != 0 && mode & 0o1000 == 0 {
            tracing::warn!(
                folder = %dir.display(),
                mode = format!("{mode:o}"),
                "the data folder can be read by other users; `chmod 700` it"
            );
        }
    }
}

#[cfg(not(unix))]
fn warn_if_open(_dir: &Path) {}

/// Makes an existing file `0600`; a file that does not exist (yet) is fine.
pub fn private_file(file: &Path) -> std::io::Result<()> {
    match restrict(file, 0o600) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_folder_and_file_are_private_to_the_owner() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("portal-files-test-{}", std::process::id()));
        private_dir(&dir.join("data"))?;
        let dir = dir.join("data");
        let file = dir.join("portal.db");
        std::fs::write(&file, "x")?;
        private_file(&file)?;
        private_file(&dir.join("absent"))?;
        let mode =
            |path: &Path| std::fs::metadata(path).map(|meta| meta.permissions().mode() & 0o777);
        assert_eq!(mode(&dir)?, 0o700);
        assert_eq!(mode(&file)?, 0o600);
        private_dir(&std::env::temp_dir())?;
        assert_ne!(
            mode(&std::env::temp_dir())?,
            0o700,
            "an existing folder is left alone"
        );
        std::fs::remove_dir_all(dir.parent().unwrap_or(&dir))
    }
}
