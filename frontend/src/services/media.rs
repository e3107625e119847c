//! `/api/v1/media`: uploads (with their progress), the library's list and deletions.

use portal_api::{Media, MediaList, MediaQuery, MEDIA_ALT_FIELD, MEDIA_FILE_FIELD};

use super::requests::{self, ApiError, API_BASE};

/// Uploads `file` with its `alt` text (images need one); `sent` hears the percentage sent.
pub async fn upload(
    file: &web_sys::File,
    alt: &str,
    sent: impl Fn(u32) + 'static,
) -> Result<Media, ApiError> {
    let unusable = |_| ApiError::Network("the browser could not prepare the upload".into());
    let form = web_sys::FormData::new().map_err(unusable)?;
    form.append_with_blob_and_filename(MEDIA_FILE_FIELD, file, &file.name())
        .map_err(unusable)?;
    if !alt.is_empty() {
        form.append_with_str(MEDIA_ALT_FIELD, alt)
            .map_err(unusable)?;
    }
    requests::post_form(&format!("{API_BASE}/media"), form, sent).await
}

pub async fn list(query: MediaQuery) -> Result<MediaList, ApiError> {
    requests::get(&requests::url("/media", &query)).await
}

pub async fn delete(id: i32) -> Result<(), ApiError> {
    requests::delete(&format!("{API_BASE}/media/{id}")).await
}
