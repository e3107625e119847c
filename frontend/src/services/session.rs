//! Where the editor's session is kept: the browser's `sessionStorage` (it lasts as long as the
//! tab and is never sent anywhere by itself). The request helper reads the token from here for
//! every call; the console stores and clears it.

use portal_api::TokenResponse;

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
