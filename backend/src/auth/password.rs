//! argon2id at the OWASP-recommended parameters (19 MiB, 2 passes, 1 lane).

use argon2::{
    password_hash::{
        rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString,
    },
    Algorithm, Argon2, Params, Version,
};

use crate::domain::Password;

/// The one configuration every hash is made and checked with.
struct Owasp;

impl Owasp {
    fn argon2() -> anyhow::Result<Argon2<'static>> {
        let params = Params::new(19 * 1024, 2, 1, None)
            .map_err(|error| anyhow::anyhow!("argon2 parameters: {error}"))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// A PHC string for the password. Runs on a blocking thread: hashing takes tens of
/// milliseconds by design.
pub async fn hash_password(password: &Password) -> anyhow::Result<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Owasp::argon2()?
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
    })
    .await?
}

/// Whether `candidate` matches the stored hash. A malformed hash never matches.
pub async fn verify_password(candidate: &str, stored_hash: &str) -> anyhow::Result<bool> {
    let candidate = candidate.to_owned();
    let stored_hash = stored_hash.to_owned();
    tokio::task::spawn_blocking(move || {
        let Ok(parsed) = PasswordHash::new(&stored_hash) else {
            return Ok(false);
        };
        Ok(Owasp::argon2()?
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok())
    })
    .await?
}

/// A hash of nothing in particular, verified against when the user does not exist so that a
/// wrong name and a wrong password take the same time.
pub async fn burn_verification_time(candidate: &str) {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    let dummy = DUMMY
        .get_or_init(|| async {
            let filler = Password::parse("not-a-real-password-at-all").ok();
            match filler {
                Some(filler) => hash_password(&filler).await.unwrap_or_default(),
                None => String::new(),
            }
        })
        .await;
    let _ = verify_password(candidate, dummy).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() -> anyhow::Result<()> {
        let password = Password::parse("correct horse battery").map_err(anyhow::Error::msg)?;
        let hash = hash_password(&password).await?;
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
