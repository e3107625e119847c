//! What every handler shares: the database pool, the token keys and the login throttle.

use sea_orm::DatabaseConnection;

use crate::auth::{LoginThrottle, TokenKeys};

pub struct AppState {
    pub db: DatabaseConnection,
    pub tokens: TokenKeys,
    pub login_throttle: LoginThrottle,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy).
    pub trust_proxy: bool,
}
