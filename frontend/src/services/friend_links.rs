//! `/friend-links`: the footer's 友情连接 (everyone reads, admins write).

use portal_api::{FriendLink, FriendLinkPatch, NewFriendLink};

use super::requests::{self, ApiError, API_BASE};

pub fn list_url() -> String {
    format!("{API_BASE}/friend-links")
}

pub async fn list() -> Result<Vec<FriendLink>, ApiError> {
    requests::get(&list_url()).await
}

pub async fn create(link: NewFriendLink) -> Result<FriendLink, ApiError> {
    requests::post_json(&format!("{API_BASE}/friend-links"), &link).await
}

pub async fn update(id: i32, patch: FriendLinkPatch) -> Result<FriendLink, ApiError> {
    requests::patch_json(&format!("{API_BASE}/friend-links/{id}"), &patch).await
}

pub async fn delete(id: i32) -> Result<(), ApiError> {
    requests::delete(&format!("{API_BASE}/friend-links/{id}")).await
}
