//! argon2id at the OWASP-recommended parameters (19 MiB, 2 passes, 1 lane), computed on a
//! small bounded pool.
//!
//! A hash takes tens of milliseconds of one core and 19 MiB by design, so a flood of logins
//! must not be able to start as many as it likes: at most `workers` hashes run at once (half
//! the cores, so reads always keep the rest), at most `QUEUE` more wait, and a login beyond
//! that is answered `503` with `Retry-After` at once. Memory and CPU under a flood stay
//! bounded and the HTTP workers never hash.

use std::sync::OnceLock;

use argon2::{
    password_hash::{
        rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString,
    },
    Algorithm, Argon2, Params, Version,
};

use crate::{
    admission::Admission,
    domain::Password,
    error::{ApiError, ApiResult},
};

/// Hashes that may wait for a free worker before new ones are turned away.
const QUEUE: usize = 64;

/// The one configuration every hash is made and checked with.
struct Owasp;

impl Owasp {
    fn argon2() -> anyhow::Result<Argon2<'static>> {
        let params = Params::new(19 * 1024, 2, 1, None)
            .map_err(|error| anyhow::anyhow!("argon2 parameters: {error}"))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// The process's hashing pool: half the cores hash, the rest keep serving.
fn pool() -> &'static Admission {
    static POOL: OnceLock<Admission> = OnceLock::new();
    POOL.get_or_init(|| {
        Admission::new(
            Admission::half_the_cores(),
            QUEUE,
            "too many logins are being checked right now; try again in a moment",
        )
    })
}

/// Runs `work` off the HTTP workers once the pool admits it.
async fn on_pool<T: Send + 'static>(
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> ApiResult<T> {
    let _admitted = pool().enter().await?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| anyhow::anyhow!("a hashing task failed: {error}"))?
        .map_err(ApiError::Internal)
}

/// A PHC string for the password.
pub async fn hash_password(password: &Password) -> ApiResult<String> {
    hash_secret(password.expose().to_owned()).await
}

async fn hash_secret(password: String) -> ApiResult<String> {
    on_pool(move || {
        let salt = SaltString::generate(&mut OsRng);
        Owasp::argon2()?
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
    })
    .await
}

/// Whether `candidate` matches the stored hash. A malformed hash never matches.
pub async fn verify_password(candidate: &str, stored_hash: &str) -> ApiResult<bool> {
    let candidate = candidate.to_owned();
    let stored_hash = stored_hash.to_owned();
    on_pool(move || {
        let Ok(parsed) = PasswordHash::new(&stored_hash) else {
            return Ok(false);
        };
        Ok(Owasp::argon2()?
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok())
    })
    .await
}

/// A hash of nothing in particular, verified against when the user does not exist so that a
/// wrong name and a wrong password take the same time.
pub async fn burn_verification_time(candidate: &str) -> ApiResult<()> {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    let dummy = DUMMY
        .get_or_try_init(|| hash_secret("not-a-real-password-at-all".to_owned()))
        .await?;
    verify_password(candidate, dummy).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() -> anyhow::Result<()> {
        let hash = hash_secret("correct horse battery".to_owned()).await?;
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password("correct horse battery", &hash).await?);
        assert!(!verify_password("wrong horse battery", &hash).await?);
        assert!(!verify_password("anything", "not a hash").await?);
        Ok(())
    }
}
