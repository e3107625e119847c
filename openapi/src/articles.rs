//! Articles (文章): the portal's news items.

use serde::{Deserialize, Serialize};

use crate::{Attachment, CategoryRef, PageInfo};

/// The longest title, in characters.
pub const ARTICLE_TITLE_MAX_CHARS: usize = 200;
/// The longest summary, in characters.
pub const ARTICLE_SUMMARY_MAX_CHARS: usize = 1000;
/// The longest body, in characters of HTML as sent (before sanitising).
pub const ARTICLE_BODY_MAX_CHARS: usize = 500_000;
/// The longest source (来源) or author, in characters.
pub const ARTICLE_BYLINE_MAX_CHARS: usize = 100;
/// The first year a publish time may fall in: MariaDB's DATETIME starts there.
pub const PUBLISHED_YEAR_MIN: i32 = 1000;
/// The last year a publish time may fall in: MariaDB's DATETIME ends there.
pub const PUBLISHED_YEAR_MAX: i32 = 9999;

/// An article's life cycle. A `published` article whose `published_at` lies in the future is
/// scheduled: it stays invisible to the public until then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = "published"))]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    Draft,
    Published,
    Archived,
}

impl ArticleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Published => "published",
            ArticleStatus::Archived => "archived",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "draft" => Some(ArticleStatus::Draft),
            "published" => Some(ArticleStatus::Published),
            "archived" => Some(ArticleStatus::Archived),
            _ => None,
        }
    }
}

/// An article as it appears in lists: everything but the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "【示例】民法典进社区宣传活动通知")
    )]
    pub title: String,
    /// Empty when neither the editor nor the body gave one.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "示例：本周六上午在社区服务中心开展民法典宣传，现场提供免费法律咨询。")
    )]
    pub summary: String,
    pub category: CategoryRef,
    /// Where the article comes from (来源), e.g. an office's name; may be empty.
    #[cfg_attr(feature = "openapi", schema(example = "示例区司法局"))]
    pub source: String,
    /// May be empty.
    #[cfg_attr(feature = "openapi", schema(example = "示例"))]
    pub author: String,
    pub status: ArticleStatus,
    /// When the article is (or was, or will be) public; `null` for a draft never published.
    #[cfg_attr(feature = "openapi", schema(example = "2025-03-15T01:30:00Z"))]
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Pinned articles are featured on the home page and listed first where asked.
    #[cfg_attr(feature = "openapi", schema(example = false))]
    pub pinned: bool,
    /// Views counted so far (浏览次数).
    #[cfg_attr(feature = "openapi", schema(example = 128))]
    pub hits: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-14T08:12:45Z")
    )]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-15T01:30:00Z")
    )]
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A neighbouring article in the same category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleLink {
    #[cfg_attr(feature = "openapi", schema(example = 6))]
    pub id: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "【示例】社区法律服务点开放时间调整")
    )]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(example = "2025-03-10T02:00:00Z"))]
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A whole article, with its place in the category tree and its neighbours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "【示例】民法典进社区宣传活动通知")
    )]
    pub title: String,
    /// Empty when neither the editor nor the body gave one.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "示例：本周六上午在社区服务中心开展民法典宣传，现场提供免费法律咨询。")
    )]
    pub summary: String,
    /// Sanitised HTML; may be empty.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "<p>示例：本周六上午在社区服务中心开展民法典宣传活动，现场提供免费法律咨询。</p>"
        )
    )]
    pub body: String,
    pub category: CategoryRef,
    /// The category and its ancestors from the top level down: the breadcrumb.
    pub category_path: Vec<CategoryRef>,
    /// May be empty.
    #[cfg_attr(feature = "openapi", schema(example = "示例区司法局"))]
    pub source: String,
    /// May be empty.
    #[cfg_attr(feature = "openapi", schema(example = "示例"))]
    pub author: String,
    pub status: ArticleStatus,
    #[cfg_attr(feature = "openapi", schema(example = "2025-03-15T01:30:00Z"))]
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    #[cfg_attr(feature = "openapi", schema(example = false))]
    pub pinned: bool,
    #[cfg_attr(feature = "openapi", schema(example = 128))]
    pub hits: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-14T08:12:45Z")
    )]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "2025-03-15T01:30:00Z")
    )]
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Files listed under the text (附件), in the editor's order.
    pub attachments: Vec<Attachment>,
    /// The next older public article in the same category (上一篇).
    pub previous: Option<ArticleLink>,
    /// The next newer public article in the same category (下一篇).
    pub next: Option<ArticleLink>,
}

/// One page of articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticlePage {
    pub items: Vec<ArticleSummary>,
    #[serde(flatten)]
    pub page: PageInfo,
    /// The cursor of the next page, for `after`: present when the list is sorted `newest` or
    /// `oldest` and more articles follow.
    #[cfg_attr(feature = "openapi", schema(example = "1742002200-7"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_after: Option<String>,
}

/// The orders a list of articles can come in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ArticleSort {
    /// Newest publish time first (the default).
    #[default]
    Newest,
    /// Oldest publish time first.
    Oldest,
    /// Most views first.
    MostRead,
    /// Pinned first, then newest.
    PinnedFirst,
    /// Last edited first.
    Updated,
}

/// A new article. Server-owned fields (id, hits, timestamps) cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "【示例】社区法律服务点开放时间调整",
    "category_id": 1,
    "summary": "示例：服务点自下月起周六上午开放。",
    "body": "<p>示例：社区法律服务点自下月起每周六上午开放，提供免费法律咨询。</p>",
    "source": "示例司法所",
    "author": "示例",
    "status": "published",
    "pinned": false
})))]
pub struct NewArticle {
    /// 1 to 200 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 200,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "【示例】社区法律服务点开放时间调整"
        )
    )]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    #[serde(deserialize_with = "crate::integers::i32")]
    pub category_id: i32,
    /// At most 1000 characters; derived from the body when absent or empty.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 1000,
            pattern = r"^[^\u0000]*$",
            example = "示例：服务点自下月起周六上午开放。"
        )
    )]
    #[serde(default)]
    pub summary: Option<String>,
    /// HTML; sanitised on the way in (scripts, styles and event handlers are removed).
    /// At most 500 000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 500000,
            pattern = r"^[^\u0000]*$",
            example = "<p>示例：社区法律服务点自下月起每周六上午开放，提供免费法律咨询。</p>"
        )
    )]
    #[serde(default)]
    pub body: String,
    /// At most 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, pattern = r"^[^\u0000]*$", example = "示例司法所")
    )]
    #[serde(default)]
    pub source: String,
    /// At most 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, pattern = r"^[^\u0000]*$", example = "示例")
    )]
    #[serde(default)]
    pub author: String,
    /// `draft` when absent.
    #[serde(default)]
    pub status: Option<ArticleStatus>,
    /// When to make it public. With `status: published`: absent means now, a future time
    /// schedules it. From the year 1000 to 9999.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[1-9][0-9]{3}-", example = "2025-03-15T09:30:00+08:00")
    )]
    #[serde(default)]
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    #[cfg_attr(feature = "openapi", schema(example = false))]
    #[serde(default)]
    pub pinned: bool,
    /// Ids of media library files to list under the text (附件), in order: at most 20, each
    /// once.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    #[serde(default, deserialize_with = "crate::integers::i32_list")]
    pub attachments: Vec<i32>,
}

/// A change to an article: only the fields present are changed. Publishing is
/// `{"status": "published"}` (now, unless `published_at` says when); unpublishing is
/// `{"status": "draft"}`; archiving `{"status": "archived"}`; pinning `{"pinned": true}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "published", "pinned": true})))]
pub struct ArticlePatch {
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 200,
            pattern = r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$",
            example = "【示例】社区法律服务点开放时间调整"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    #[serde(
        default,
        deserialize_with = "crate::integers::optional_i32",
        skip_serializing_if = "Option::is_none"
    )]
    pub category_id: Option<i32>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 1000,
            pattern = r"^[^\u0000]*$",
            example = "示例：服务点自下月起周六上午开放。"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 500000,
            pattern = r"^[^\u0000]*$",
            example = "<p>示例：社区法律服务点自下月起每周六上午开放，提供免费法律咨询。</p>"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, pattern = r"^[^\u0000]*$", example = "示例司法所")
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 100, pattern = r"^[^\u0000]*$", example = "示例")
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatus>,
    /// A time (from the year 1000 to 9999). `null` clears a draft's planned time; on a
    /// published article it means now.
    #[serde(
        default,
        deserialize_with = "crate::deserialize_present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            value_type = Option<chrono::DateTime<chrono::Utc>>,
            pattern = r"^[1-9][0-9]{3}-",
            example = "2025-03-15T09:30:00+08:00"
        )
    )]
    pub published_at: Option<Option<chrono::DateTime<chrono::Utc>>>,
    #[cfg_attr(feature = "openapi", schema(example = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<bool>,
    /// The whole new list of attachments (ids of media library files, in order; at most 20,
    /// each once); `[]` removes them all, absent or `null` leaves the list as it is.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    #[serde(
        default,
        deserialize_with = "crate::integers::optional_i32_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub attachments: Option<Vec<i32>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_tells_an_absent_time_from_a_null_one() {
        let absent: ArticlePatch = serde_json::from_str("{}").unwrap_or_default();
        assert_eq!(absent.published_at, None);
        let cleared: ArticlePatch =
            serde_json::from_str(r#"{"published_at": null}"#).unwrap_or_default();
        assert_eq!(cleared.published_at, Some(None));
    }

    #[test]
    fn a_new_article_refuses_server_owned_fields() {
        let result =
            serde_json::from_str::<NewArticle>(r#"{"title": "t", "category_id": 1, "hits": 5}"#);
        assert!(result.is_err());
    }
}

/// An article body to preview: what the editor has typed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"body": "<p onclick=\"x()\">普法<script>alert(1)</script></p>"})))]
#[serde(deny_unknown_fields)]
pub struct ArticlePreviewRequest {
    /// HTML, at most 500 000 characters; may be empty.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 500000,
            pattern = r"^[^\u0000]*$",
            example = "<p onclick=\"x()\">普法<script>alert(1)</script></p>"
        )
    )]
    pub body: String,
}

/// The body exactly as it would be stored and shown: sanitised by the same rules as a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"body": "<p>普法</p>", "summary": "普法"})))]
pub struct ArticlePreview {
    /// Empty when the body sent is empty or nothing of it survives sanitising.
    #[cfg_attr(feature = "openapi", schema(example = "<p>普法</p>"))]
    pub body: String,
    /// The summary derived from the body, as used when none is given; empty when the body has
    /// no text.
    #[cfg_attr(feature = "openapi", schema(example = "普法"))]
    pub summary: String,
}
