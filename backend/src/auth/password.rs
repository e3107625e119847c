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
use tokio::sync::Semaphore;

use crate::{
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

struct HashPool {
    /// Hashes running now.
    running: Semaphore,
    /// Hashes running or waiting.
    admitted: Semaphore,
}

impl HashPool {
    fn new(workers: usize, queue: usize) -> Self {
        Self {
            running: Semaphore::new(workers),
            admitted: Semaphore::new(workers + queue),
        }
    }

    /// Runs `work` on the pool, or refuses at once when the queue is full.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
    ) -> ApiResult<T> {
        let Ok(_admitted) = self.admitted.try_acquire() else {
            return Err(ApiError::Busy {
                detail: "too many logins are being checked right now; try again in a moment".into(),
                retry_after_secs: 1,
            });
        };
        let _running = self
            .running
            .acquire()
            .await
            .map_err(|error| anyhow::anyhow!("the hashing pool closed: {error}"))?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|error| anyhow::anyhow!("a hashing task failed: {error}"))?
            .map_err(ApiError::Internal)
    }
}

/// The process's pool: half the cores hash, the rest keep serving.
fn pool() -> &'static HashPool {
    static POOL: OnceLock<HashPool> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        HashPool::new((cores / 2).max(1), QUEUE)
    })
}

async fn on_pool<T: Send + 'static>(
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> ApiResult<T> {
    pool().run(work).await
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_beyond_the_workers_and_the_queue_is_refused_at_once() {
        let pool = std::sync::Arc::new(HashPool::new(1, 2));
        let (release, gate) = std::sync::mpsc::channel::<()>();
        let gate = std::sync::Arc::new(std::sync::Mutex::new(gate));
        // One running (held until released) and two waiting fill the pool.
        let mut admitted = Vec::new();
        for _ in 0..3 {
            let (pool, gate) = (pool.clone(), gate.clone());
            admitted.push(tokio::spawn(async move {
                pool.run(move || {
                    let _ = gate.lock().map(|gate| gate.recv());
                    Ok(())
                })
                .await
            }));
        }
        while pool.admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let refused = pool.run(|| Ok(())).await;
        assert!(matches!(refused, Err(ApiError::Busy { .. })), "{refused:?}");
        for _ in 0..3 {
            let _ = release.send(());
        }
        for task in admitted {
            assert!(matches!(task.await, Ok(Ok(()))));
        }
        assert!(
            pool.run(|| Ok(())).await.is_ok(),
            "room again once they finished"
        );
    }
}
