//! First start: the JWT secret, the first admin account and the settings row. Each step is a
//! no-op when its work is already done, so every start runs them all.

use std::path::Path;

use anyhow::Context;
use portal_api::{Role, SiteSettingsPatch};
use sea_orm::DatabaseConnection;

use crate::{
    config::{Secret, Settings},
    domain::{Password, Username},
    encoding::random_alphanumeric,
    error::ApiError,
    services::{demo, site, users},
};

const SECRET_FILE: &str = "jwt-secret";

/// The configured secret, or the one kept in the data folder, made on first use.
pub fn jwt_secret(settings: &Settings) -> anyhow::Result<Secret> {
    if let Some(secret) = &settings.jwt_secret {
        return Ok(secret.clone());
    }
    load_or_create_secret(&settings.data_dir)
}

fn load_or_create_secret(data_dir: &Path) -> anyhow::Result<Secret> {
    let path = data_dir.join(SECRET_FILE);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            return Ok(Secret::new(existing));
        }
    }
    crate::files::private_dir(data_dir)
        .with_context(|| format!("creating the data folder {}", data_dir.display()))?;
    let secret: String = random_alphanumeric(64);
    write_private(&path, &secret)
        .with_context(|| format!("writing the generated JWT secret to {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated a JWT secret");
    Ok(Secret::new(secret))
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

/// What the first start created, for the welcome message.
#[derive(Debug, Default)]
pub struct FirstStart {
    /// Set when the admin account was created with a generated password.
    pub generated_admin_password: Option<String>,
    pub created_admin: bool,
}

/// Creates the first admin when there are no accounts yet.
pub async fn ensure_admin(
    db: &DatabaseConnection,
    settings: &Settings,
) -> anyhow::Result<FirstStart> {
    if users::count(db).await.map_err(api_to_anyhow)? > 0 {
        return Ok(FirstStart::default());
    }
    let username = Username::parse(&settings.admin_user).map_err(anyhow::Error::msg)?;
    let (password, generated) = match &settings.admin_password {
        Some(password) => (password.expose().to_owned(), None),
        None => {
            let generated = random_alphanumeric(20);
            (generated.clone(), Some(generated))
        }
    };
    let password =
        Password::parse(&password, &[&settings.admin_user]).map_err(anyhow::Error::msg)?;
    match users::insert(db, username, &password, Role::Admin).await {
        Ok(_) => Ok(FirstStart {
            generated_admin_password: generated,
            created_admin: true,
        }),
        // Another instance starting at the same moment created it first.
        Err(ApiError::Conflict { .. }) => Ok(FirstStart::default()),
        Err(other) => Err(api_to_anyhow(other)),
    }
}

/// Creates the settings row on first start: the demo's settings when the demo content will be
/// loaded, else neutral ones naming no office and carrying no registration number.
pub async fn ensure_site_settings(
    db: &DatabaseConnection,
    settings: &Settings,
) -> anyhow::Result<()> {
    let initial = demo::initial_settings(settings.demo_content, settings.site_name.as_deref());
    site::ensure(
        db,
        SiteSettingsPatch {
            timezone: Some(site::DEFAULT_TIMEZONE.into()),
            ..initial
        },
    )
    .await
    .map_err(api_to_anyhow)
}

pub fn api_to_anyhow(error: ApiError) -> anyhow::Error {
    match error {
        ApiError::Internal(cause) | ApiError::Unavailable(cause) => cause,
        other => anyhow::anyhow!("{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_secret_is_kept_and_reused() -> anyhow::Result<()> {
        let dir = std::env::temp_dir().join(format!("portal-secret-test-{}", std::process::id()));
        let first = load_or_create_secret(&dir)?;
        let second = load_or_create_secret(&dir)?;
        assert_eq!(first.expose(), second.expose());
        assert!(first.expose().len() >= 64);
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
