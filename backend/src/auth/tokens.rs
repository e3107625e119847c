//! Access tokens: HS256 JWTs with `exp`, `iat`, `iss`, `aud` and `sub` required. The
//! algorithm is pinned so that a token cannot choose how it is checked.

use std::time::Duration;

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const ISSUER: &str = "portal-cms";
pub const AUDIENCE: &str = "portal-api";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl TokenKeys {
    pub fn new(secret: &[u8], ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A token for `user_id`, and when it expires.
    pub fn issue(&self, user_id: i32) -> anyhow::Result<(String, chrono::DateTime<Utc>)> {
        let now = Utc::now();
        let expires_at = now + chrono::Duration::from_std(self.ttl)?;
        let claims = Claims {
            sub: user_id.to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, expires_at))
    }

    /// The user id a valid token names.
    pub fn verify(&self, token: &str) -> Option<i32> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .and_then(|data| data.claims.sub.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(
            b"0123456789abcdef0123456789abcdef",
            Duration::from_secs(600),
        )
    }

    #[test]
    fn an_issued_token_names_its_user() -> anyhow::Result<()> {
        let (token, _) = keys().issue(42)?;
        assert_eq!(keys().verify(&token), Some(42));
        Ok(())
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() -> anyhow::Result<()> {
        let other = TokenKeys::new(
            b"another secret, thirty-two bytes!",
            Duration::from_secs(600),
        );
        let (token, _) = other.issue(42)?;
        assert_eq!(keys().verify(&token), None);
        Ok(())
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        // {"alg":"none"} with valid-looking claims.
        let token = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiaXNzIjoicG9ydGFsLWNtcyIsImF1ZCI6InBvcnRhbC1hcGkiLCJpYXQiOjAsImV4cCI6OTk5OTk5OTk5OX0.";
        assert_eq!(keys().verify(token), None);
    }

    #[test]
    fn an_expired_token_is_refused() -> anyhow::Result<()> {
        let claims = Claims {
            sub: "1".into(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: 1_000,
            exp: 2_000,
        };
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )?;
        assert_eq!(keys().verify(&token), None);
        Ok(())
    }
}
