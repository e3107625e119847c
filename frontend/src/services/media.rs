//! `/api/v1/media`: uploads for the article editor.

use portal_api::{Media, MEDIA_ALT_FIELD, MEDIA_FILE_FIELD};

use super::requests::{self, ApiError, API_BASE};

/// Uploads `file` with its `alt` text (images need one).
pub async fn upload(file: &web_sys::File, alt: &str) -> Result<Media, ApiError> {
    let unusable = |_| ApiError::Network("the browser could not prepare the upload".into());
    let form = web_sys::FormData::new().map_err(unusable)?;
    form.append_with_blob_and_filename(MEDIA_FILE_FIELD, file, &file.name())
        .map_err(unusable)?;
    if !alt.is_empty() {
        form.append_with_str(MEDIA_ALT_FIELD, alt)
            .map_err(unusable)?;
    }
    requests::post_form(&format!("{API_BASE}/media"), form).await
}
