//! `GET /friend-links`: the footer's 友情连接.

use portal_api::FriendLink;

use super::requests::{self, ApiError, API_BASE};

pub async fn list() -> Result<Vec<FriendLink>, ApiError> {
    requests::get(&format!("{API_BASE}/friend-links")).await
}
