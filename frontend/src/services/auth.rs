//! `POST /auth/login`, `POST /auth/logout` and `GET /auth/me`. Where the session is kept is
//! [`super::session`]'s.

use portal_api::{LoginRequest, TokenResponse, User};

use super::requests::{self, ApiError, API_BASE};

pub async fn login(request: LoginRequest) -> Result<TokenResponse, ApiError> {
    requests::post_json(&format!("{API_BASE}/auth/login"), &request).await
}

/// Ends the session on the server: the token stops working everywhere, not just in this tab.
pub async fn logout() -> Result<(), ApiError> {
    requests::post_empty(&format!("{API_BASE}/auth/logout")).await
}

pub async fn me() -> Result<User, ApiError> {
    requests::get(&format!("{API_BASE}/auth/me")).await
}
