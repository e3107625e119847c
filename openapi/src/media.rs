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
/// The longest search of the media library (`q`), in characters.
pub const MEDIA_QUERY_MAX_CHARS: usize = 100;

/// What an upload is, as told by its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "image"))]
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
    #[cfg_attr(feature = "openapi", schema(example = 960))]
    pub width: u32,
    #[cfg_attr(feature = "openapi", schema(example = 540))]
    pub height: u32,
    /// `image/webp`, or the image's own type.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "image/webp"))]
    pub content_type: String,
    /// Site-relative, e.g. `/media/9f86…-480w.webp`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            example = "/media/4834800918377b2a0eb35aad599a38332e9274c9216af51fde3fa52bde7f6a96-960w.webp"
        )
    )]
    pub url: String,
    #[cfg_attr(feature = "openapi", schema(example = 86420))]
    pub size: u64,
}

/// An uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Media {
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub id: i32,
    pub kind: MediaKind,
    /// Site-relative URL of the file, e.g. `/media/9f86…/通知.pdf`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            example = "/media/4834800918377b2a0eb35aad599a38332e9274c9216af51fde3fa52bde7f6a96/%E7%A4%BA%E4%BE%8B%E5%AE%A3%E4%BC%A0%E6%B4%BB%E5%8A%A8%E7%8E%B0%E5%9C%BA.jpg"
        )
    )]
    pub url: String,
    /// The name it was uploaded with (Chinese names intact).
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "示例宣传活动现场.jpg")
    )]
    pub file_name: String,
    /// Decided by the bytes, not the name.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "image/jpeg"))]
    pub content_type: String,
    /// Bytes of the stored file (images: after re-encoding, which drops EXIF and GPS data).
    #[cfg_attr(feature = "openapi", schema(example = 482133))]
    pub size: u64,
    /// Images only.
    #[cfg_attr(feature = "openapi", schema(example = 1920))]
    pub width: Option<u32>,
    /// Images only.
    #[cfg_attr(feature = "openapi", schema(example = 1080))]
    pub height: Option<u32>,
    /// What the image shows, for readers who cannot see it; empty when not given.
    #[cfg_attr(feature = "openapi", schema(example = "示例：普法宣传活动现场"))]
    pub alt: String,
    /// Smaller sizes of an image, narrowest first; empty for attachments and small images.
    pub variants: Vec<MediaVariant>,
    /// The SHA-256 of the stored file, hex: equal files share it.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 64,
            max_length = 64,
            example = "4834800918377b2a0eb35aad599a38332e9274c9216af51fde3fa52bde7f6a96"
        )
    )]
    pub sha256: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-14T08:20:31Z")
    )]
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

/// The most files an article lists as attachments.
pub const ARTICLE_ATTACHMENTS_MAX: usize = 20;

/// A file of the media library listed under an article (附件).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// The file's id in the media library.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub id: i32,
    pub kind: MediaKind,
    /// Site-relative; answered as a download under `file_name`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            example = "/media/27845fdb0605ab1385403fffb6963b5034fd307a239a158708bd5d2d8e7aa78d/%E7%A4%BA%E4%BE%8B%E9%80%9A%E7%9F%A5.pdf"
        )
    )]
    pub url: String,
    /// The name it was uploaded with (Chinese names intact).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "示例通知.pdf"))]
    pub file_name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "application/pdf")
    )]
    pub content_type: String,
    #[cfg_attr(feature = "openapi", schema(example = 245760))]
    pub size: u64,
}

/// What readers call a file of `content_type`: `PDF`, `Word`, `Excel`, `PowerPoint`, `ZIP`,
/// `文本`, `图片`, or `文件` for anything else.
pub fn file_type_label(content_type: &str) -> &'static str {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/pdf" => "PDF",
        "application/msword"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        "application/vnd.ms-excel"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        "application/vnd.ms-powerpoint"
        | "application/vnd.openxmlformats-officedocument.presentationml.presentation" => {
            "PowerPoint"
        }
        "application/zip" => "ZIP",
        "text/plain" => "文本",
        image if image.starts_with("image/") => "图片",
        _ => "文件",
    }
}

/// `2.4 MB`, `310 KB`, `12 字节`: a file's size as the portal and the console show it.
pub fn size_label(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{}.{} MB", bytes / MB, (bytes % MB) * 10 / MB)
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} 字节")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_types_are_named_as_readers_know_them() {
        assert_eq!(file_type_label("application/pdf"), "PDF");
        assert_eq!(file_type_label("text/plain; charset=utf-8"), "文本");
        assert_eq!(
            file_type_label("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "Excel"
        );
        assert_eq!(file_type_label("image/webp"), "图片");
        assert_eq!(file_type_label("application/octet-stream"), "文件");
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(77), "77 字节");
        assert_eq!(size_label(1025), "2 KB");
        assert_eq!(size_label(2_500_000), "2.3 MB");
    }
}
