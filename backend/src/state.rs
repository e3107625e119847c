//! What every handler shares: the database pool, the token keys, the login throttle, the
//! trusted proxies, the hit counter, the search index and the media store.

use std::sync::Arc;

use portal_api::{FriendLink, SiteSettings};
use sea_orm::DatabaseConnection;

use crate::{
    auth::{LoginThrottle, TokenKeys},
    hits::HitCounter,
    http::TrustedProxies,
    search::Search,
    services::{articles::ListMemory, categories::CategoryCache, remembered::Remembered},
    storage::MediaStore,
};

pub struct AppState {
    pub db: DatabaseConnection,
    pub tokens: TokenKeys,
    pub login_throttle: LoginThrottle,
    /// The reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: TrustedProxies,
    /// Origins besides the site's own whose view beacons count.
    pub beacon_origins: Vec<String>,
    pub hits: Arc<HitCounter>,
    pub categories: CategoryCache,
    /// The site settings and the friend links, which every public page shows.
    pub site: Remembered<SiteSettings>,
    pub friend_links: Remembered<Vec<FriendLink>>,
    /// The full-text index of this instance.
    pub search: Arc<Search>,
    /// List totals, kept for a moment.
    pub list_memory: Arc<ListMemory>,
    /// Uploaded images and attachments.
    pub media: Arc<MediaStore>,
    /// The largest upload, in bytes.
    pub media_max_bytes: u64,
}
