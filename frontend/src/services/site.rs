//! `/site`: the site's name, footer lines and time zone (everyone reads, admins write).

use portal_api::{SiteSettings, SiteSettingsPatch};

use super::requests::{self, ApiError, API_BASE};

pub fn url() -> String {
    format!("{API_BASE}/site")
}

pub async fn get() -> Result<SiteSettings, ApiError> {
    requests::get(&url()).await
}

pub async fn update(patch: SiteSettingsPatch) -> Result<SiteSettings, ApiError> {
    requests::patch_json(&format!("{API_BASE}/site"), &patch).await
}
