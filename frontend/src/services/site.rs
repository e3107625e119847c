//! `GET /site`: the site's name, footer lines and time zone.

use portal_api::SiteSettings;

use super::requests::{self, ApiError, API_BASE};

pub async fn get() -> Result<SiteSettings, ApiError> {
    requests::get(&format!("{API_BASE}/site")).await
}
