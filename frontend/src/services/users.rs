//! `/users`: accounts (admins only).

use portal_api::{NewUser, User, UserPatch};

use super::requests::{self, ApiError, API_BASE};

pub async fn list() -> Result<Vec<User>, ApiError> {
    requests::get(&format!("{API_BASE}/users")).await
}

pub async fn create(user: NewUser) -> Result<User, ApiError> {
    requests::post_json(&format!("{API_BASE}/users"), &user).await
}

pub async fn update(id: i32, patch: UserPatch) -> Result<User, ApiError> {
    requests::patch_json(&format!("{API_BASE}/users/{id}"), &patch).await
}

pub async fn delete(id: i32) -> Result<(), ApiError> {
    requests::delete(&format!("{API_BASE}/users/{id}")).await
}
