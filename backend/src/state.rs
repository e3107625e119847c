//! What every handler shares: the database pool, the token keys, the login throttle and the
//! hit counter.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{
    auth::{LoginThrottle, TokenKeys},
    hits::HitCounter,
    services::categories::CategoryCache,
};

pub struct AppState {
    pub db: DatabaseConnection,
    pub tokens: TokenKeys,
    pub login_throttle: LoginThrottle,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy).
    pub trust_proxy: bool,
    pub hits: Arc<HitCounter>,
    pub categories: CategoryCache,
}
