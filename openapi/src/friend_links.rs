//! Friend links (友情连接): the footer's list of related sites.

use serde::{Deserialize, Serialize};

/// The longest friend link name, in characters.
pub const FRIEND_LINK_NAME_MAX_CHARS: usize = 100;
/// The longest friend link URL, in characters.
pub const FRIEND_LINK_URL_MAX_CHARS: usize = 500;

/// A link to a related site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FriendLink {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub id: i32,
    /// The site's name, e.g. `中国普法网`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "示例市普法网"))]
    pub name: String,
    /// An absolute `http` or `https` URL.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "https://pufa.example.gov.cn/")
    )]
    pub url: String,
    /// Position in the footer, smallest first.
    #[cfg_attr(feature = "openapi", schema(example = 0))]
    pub sort_order: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-01-06T02:00:00Z")
    )]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-01-06T02:00:00Z")
    )]
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A new friend link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "中国普法网", "url": "http://www.legalinfo.gov.cn/"})))]
pub struct NewFriendLink {
    /// 1 to 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 100,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "中国普法网"
        )
    )]
    pub name: String,
    /// An absolute `http` or `https` URL, at most 500 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            format = "uri",
            min_length = 1,
            max_length = 500,
            pattern = r"^https?://[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z][A-Za-z0-9-]*)*(:([0-9]{1,4}|[1-5][0-9]{4}))?(/(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|/)*)?(\?(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|[/?])*)?(#(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|[/?])*)?$",
            example = "http://www.legalinfo.gov.cn/"
        )
    )]
    pub url: String,
    /// Appended last when absent.
    #[cfg_attr(feature = "openapi", schema(example = 0))]
    #[serde(default, deserialize_with = "crate::integers::optional_i32")]
    pub sort_order: Option<i32>,
}

/// A change to a friend link: only the fields present are changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"sort_order": 0})))]
pub struct FriendLinkPatch {
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 100,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "示例市普法网"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            format = "uri",
            min_length = 1,
            max_length = 500,
            pattern = r"^https?://[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z][A-Za-z0-9-]*)*(:([0-9]{1,4}|[1-5][0-9]{4}))?(/(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|/)*)?(\?(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|[/?])*)?(#(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|[/?])*)?$",
            example = "https://pufa.example.gov.cn/"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 0))]
    #[serde(
        default,
        deserialize_with = "crate::integers::optional_i32",
        skip_serializing_if = "Option::is_none"
    )]
    pub sort_order: Option<i32>,
}
