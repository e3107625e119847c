//! Access tokens: HS256 JWTs with `exp`, `iat`, `iss`, `aud`, `sub`, `jti` and `ver` required.
//! The algorithm is pinned so that a token cannot choose how it is checked. `jti` lets one
//! token be revoked (logging out); `ver` is the account's token version when it was issued,
//! so raising the version voids every earlier token of the account.

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
    /// This token's id: 32 random letters and digits.
    pub jti: String,
    /// The account's token version at issue.
    pub ver: i32,
}

/// What a valid token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedToken {
    pub user_id: i32,
    pub version: i32,
    pub jti: String,
    /// Unix seconds.
    pub expires_at: i64,
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
        // `jti` and `ver` are required by `Claims` itself: a token without them does not parse.
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

    /// A token for `user_id` at the account's token `version`, and when it expires.
    pub fn issue(
        &self,
        user_id: i32,
        version: i32,
    ) -> anyhow::Result<(String, chrono::DateTime<Utc>)> {
        let now = Utc::now();
        let expires_at = now + chrono::Duration::from_std(self.ttl)?;
        let claims = Claims {
            sub: user_id.to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
            jti: crate::encoding::random_alphanumeric(32),
            ver: version,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, expires_at))
    }

    /// What a valid token names; `None` for anything else. Whether the account still
    /// accepts it (version, revocation) is the caller's to check.
    pub fn verify(&self, token: &str) -> Option<VerifiedToken> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()?
            .claims;
        Some(VerifiedToken {
            user_id: claims.sub.parse().ok()?,
            version: claims.ver,
            jti: claims.jti,
            expires_at: claims.exp,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    fn keys() -> TokenKeys {
        TokenKeys::new(
            b"0123456789abcdef0123456789abcdef",
            Duration::from_secs(600),
        )
    }

    #[test]
    fn an_issued_token_names_its_user() -> anyhow::Result<()> {
        let (token, _) = keys().issue(42, 3)?;
        let verified = keys().verify(&token);
        assert_eq!(
            verified.as_ref().map(|v| (v.user_id, v.version)),
            Some((42, 3))
        );
        assert_eq!(verified.map(|v| v.jti.len()), Some(32));
        Ok(())
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() -> anyhow::Result<()> {
        let other = TokenKeys::new(
            b"another secret, thirty-two bytes!",
            Duration::from_secs(600),
        );
        let (token, _) = other.issue(42, 0)?;
        assert_eq!(keys().verify(&token), None);
        Ok(())
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        // {"alg":"none"} with claims that would otherwise pass, `jti` and `ver` included.
        let claims = r#"{"sub":"1","iss":"portal-cms","aud":"portal-api","iat":0,"exp":9999999999,"jti":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","ver":0}"#;
        let token = format!(
            "{}.{}.",
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(r#"{"alg":"none","typ":"JWT"}"#),
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims)
        );
        assert_eq!(keys().verify(&token), None);
    }

    #[test]
    fn each_token_has_its_own_id() -> anyhow::Result<()> {
        let (first, _) = keys().issue(1, 0)?;
        let (second, _) = keys().issue(1, 0)?;
        assert_ne!(
            keys().verify(&first).map(|v| v.jti),
            keys().verify(&second).map(|v| v.jti)
        );
        Ok(())
    }

    #[test]
    fn an_expired_token_is_refused() -> anyhow::Result<()> {
        let claims = Claims {
            sub: "1".into(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: 1_000,
            exp: 2_000,
            jti: "a".repeat(32),
            ver: 0,
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
