//! Media: images and attachments (附件) that editors upload and articles use.

use serde::{Deserialize, Serialize};

use crate::PageInfo;

/// Where uploaded files are served: `/media/{sha256}/{file name}` for the file as uploaded
/// (re-encoded for images), `/media/{sha256}-{width}w.{ext}` for an image's smaller sizes.
pub const MEDIA_PATH: &str = "/media";
/// The upload form's file field.
pub const MEDIA_FILE_FIELD: &str = "file";
/// The upload form's alt text field.
pub const MEDIA_ALT_FIELD: &str = "alt";
/// The largest upload unless the operator sets `PORTAL_MEDIA_MAX_BYTES`: 20 MiB.
pub const DEFAULT_MEDIA_MAX_BYTES: u64 = 20 * 1024 * 1024;
/// The widths an image is also offered at (those narrower than the image itself).
pub const MEDIA_IMAGE_WIDTHS: [u32; 3] = [480, 960, 1600];
/// The longest alt text, in characters.
pub const MEDIA_ALT_MAX_CHARS: usize = 300;
/// The longest file name kept, in characters (longer ones are cut, keeping the extension).
pub const MEDIA_FILE_NAME_MAX_CHARS: usize = 200;
/// The largest image side accepted, in pixels: bounds the memory a decode may take.
pub const MEDIA_IMAGE_MAX_SIDE: u32 = 12_000;

/// What an upload is, as told by its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    /// JPEG, PNG, WebP or GIF: shown in articles, with smaller sizes.
    Image,
    /// PDF, Word, Excel, PowerPoint, ZIP or plain text: listed under an article as 附件.
    Attachment,
}

/// One smaller size of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MediaVariant {
    pub width: u32,
    pub height: u32,
    /// `image/webp`, or the image's own type.
    pub content_type: String,
    /// Site-relative, e.g. `/media/9f86…-480w.webp`.
    pub url: String,
    pub size: u64,
}

/// An uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Media {
    pub id: i32,
    pub kind: MediaKind,
    /// Site-relative URL of the file, e.g. `/media/9f86…/通知.pdf`.
    pub url: String,
    /// The name it was uploaded with (Chinese names intact).
    pub file_name: String,
    /// Decided by the bytes, not the name.
    pub content_type: String,
    /// Bytes of the stored file (images: after re-encoding, which drops EXIF and GPS data).
    pub size: u64,
    /// Images only.
    pub width: Option<u32>,
    /// Images only.
    pub height: Option<u32>,
    /// What the image shows, for readers who cannot see it; empty when not given.
    pub alt: String,
    /// Smaller sizes of an image, narrowest first; empty for attachments and small images.
    pub variants: Vec<MediaVariant>,
    /// The SHA-256 of the stored file, hex: equal files share it.
    pub sha256: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A page of the media library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MediaList {
    pub items: Vec<Media>,
    pub page: PageInfo,
}

/// Filters of the media library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct MediaQuery {
    /// Words the file name or alt text contains (at most 100 characters).
    #[cfg_attr(
        feature = "openapi",
        param(max_length = 100, pattern = r"^[^\u0000]*$")
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Only images, or only attachments.
    #[cfg_attr(feature = "openapi", param(inline))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MediaKind>,
    /// The page, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1000000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}
