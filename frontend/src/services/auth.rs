//! `POST /auth/login`, `POST /auth/logout` and `GET /auth/me`, and where the editor's session is kept: the
//! browser's `sessionStorage` (it lasts as long as the tab, as the issue asks, and is never
//! sent anywhere by itself). The request helper reads the token from here for every call.

use portal_api::{LoginRequest, TokenResponse, User};

use super::requests::{self, ApiError, API_BASE};

const SESSION_KEY: &str = "portal.session";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The session stored in this tab, if any (expired or not: the server decides).
pub fn stored() -> Option<TokenResponse> {
    let text = storage()?.get_item(SESSION_KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// The bearer token of the stored session.
pub fn token() -> Option<String> {
    stored().map(|session| session.access_token)
}

pub fn store(session: &TokenResponse) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(session)) {
        // Without storage the editor stays logged in until the page is reloaded.
        let _ = storage.set_item(SESSION_KEY, &text);
    }
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(SESSION_KEY);
    }
}

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
