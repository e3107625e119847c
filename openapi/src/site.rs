//! Site-wide settings: the header, footer and time zone of the portal.

use serde::{Deserialize, Serialize};

/// The longest site name, in characters.
pub const SITE_NAME_MAX_CHARS: usize = 100;
/// The longest footer text, in characters.
pub const SITE_FOOTER_TEXT_MAX_CHARS: usize = 1000;
/// The longest ICP record number, in characters.
pub const SITE_ICP_NUMBER_MAX_CHARS: usize = 100;
/// The longest copyright line, in characters.
pub const SITE_COPYRIGHT_MAX_CHARS: usize = 200;
/// The longest time zone name, in characters: every name of the tz database fits.
pub const SITE_TIMEZONE_MAX_CHARS: usize = 64;

/// The portal's settings, shown in its header and footer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteSettings {
    /// The site's name, shown in the header and the page title.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "示例区普法网"))]
    pub site_name: String,
    /// Free text under the friend links (address, contact); may be empty.
    #[cfg_attr(feature = "openapi", schema(example = "示例：地址与联系电话"))]
    pub footer_text: String,
    /// The ICP record number (ICP备案号) shown in the footer; may be empty.
    #[cfg_attr(feature = "openapi", schema(example = "示例ICP备00000000号-1"))]
    pub icp_number: String,
    /// The copyright line; may be empty.
    #[cfg_attr(feature = "openapi", schema(example = "© 2025 示例区普法网"))]
    pub copyright: String,
    /// The IANA time zone the portal shows dates in, e.g. `Asia/Shanghai`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "Asia/Shanghai"))]
    pub timezone: String,
    /// When the settings last changed (RFC 3339).
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-01T06:00:00Z")
    )]
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A change to the settings: only the fields present are changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"site_name": "示例区普法网", "footer_text": "示例：地址与联系电话", "timezone": "Asia/Shanghai"})))]
pub struct SiteSettingsPatch {
    /// The site's name, 1 to 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 100,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "示例区普法网"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// Footer text, at most 1000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 1000,
            pattern = r"^[^\u0000]*$",
            example = "示例：地址与联系电话"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer_text: Option<String>,
    /// ICP record number, at most 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 100,
            pattern = r"^[^\u0000]*$",
            example = "示例ICP备00000000号-1"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icp_number: Option<String>,
    /// Copyright line, at most 200 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 200,
            pattern = r"^[^\u0000]*$",
            example = "© 2025 示例区普法网"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// An IANA time zone name such as `Asia/Shanghai`, `Asia/Hong_Kong`, `UTC` or
    /// `America/Argentina/Buenos_Aires`. It must be one of the names in the server's tz
    /// database: another answers 422 naming the field.
    #[cfg_attr(
        feature = "openapi",
        schema(
            examples("Asia/Shanghai", "Asia/Urumqi", "UTC"),
            max_length = 64,
            pattern = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}
