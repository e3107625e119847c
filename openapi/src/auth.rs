//! Logging in: a username and password for a short-lived bearer token.

use serde::{Deserialize, Serialize};

use crate::User;

/// The shortest account name a new account may have.
pub const USERNAME_MIN_CHARS: usize = 3;
/// The longest account name there can be: longer names are refused before anything else.
pub const USERNAME_MAX_CHARS: usize = 32;
/// The shortest password a new or reset password may be.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// The longest password there can be.
pub const PASSWORD_MAX_CHARS: usize = 128;
/// The least strength score (zxcvbn's, of 0 to 4) a new password needs: 3 is "safely
/// unguessable", resistant to an offline attack on the slow hash.
pub const PASSWORD_MIN_SCORE: u8 = 3;

/// What an account name is made of: ASCII letters and digits, `_`, `-` and `.` (the character
/// class of [`crate::patterns::USERNAME`]).
pub fn is_username_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"username": "editor1", "password": "river-lantern-walnut-42"})))]
pub struct LoginRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 32, example = "admin")
    )]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, format = Password, pattern = r"^[^\u0000]*$", example = "river-lantern-walnut-42"))]
    pub password: String,
}

/// A bearer token for the `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// A JWT; send it as `Authorization: Bearer <token>`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            example = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyIiwiZXhwIjoxNzQyMDA0MDAwfQ.c2lnbmF0dXJlLW9mLXRoZS1leGFtcGxl"
        )
    )]
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "Bearer"))]
    pub token_type: String,
    /// Seconds until the token expires.
    #[cfg_attr(feature = "openapi", schema(example = 1800))]
    pub expires_in: u64,
    /// When the token expires (RFC 3339).
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-15T02:00:00Z")
    )]
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// The account the token belongs to.
    pub user: User,
}
