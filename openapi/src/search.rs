//! Full-text search: `GET /api/v1/search` and `GET /api/v1/search/suggest`.

use serde::{Deserialize, Serialize};

use crate::{ArticleSummary, PageInfo};

/// The longest query, in characters.
pub const SEARCH_QUERY_MAX_CHARS: usize = 100;
/// The most words, phrases and exclusions one query may hold.
pub const SEARCH_QUERY_MAX_TERMS: usize = 16;
/// How deep ranked hits go: pages past the first this many hits come back empty (their
/// `total` stays exact).
pub const SEARCH_MAX_DEPTH: u32 = 1000;
/// The last page a search may ask for: at one hit a page, the last ranked hit (any page past
/// it is empty whatever the page size). The OpenAPI maximum of `page` below says the same.
pub const SEARCH_MAX_PAGE: u32 = SEARCH_MAX_DEPTH;
/// How many completions a suggestion list holds.
pub const SUGGESTIONS_MAX: usize = 8;

/// The order of search hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SearchSort {
    /// Best match first (the default): words in the title weigh most, then the summary.
    #[default]
    Relevance,
    /// Newest publish time first.
    Newest,
}

impl SearchSort {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchSort::Relevance => "relevance",
            SearchSort::Newest => "newest",
        }
    }
}

/// The query string of `GET /api/v1/search`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SearchQuery {
    /// What to find: words (all must match), `"quoted phrases"` and `-excluded` words; at most
    /// 100 characters and 16 parts.
    #[cfg_attr(
        feature = "openapi",
        param(
            min_length = 1,
            max_length = 100,
            example = "民法典 \"婚姻家庭\" -草案"
        )
    )]
    pub q: String,
    /// Only articles in this category or its sub-categories (id or slug).
    #[cfg_attr(feature = "openapi", param(example = "xinzhou"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Published on or after this day (YYYY-MM-DD, the site's time zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before this day (YYYY-MM-DD, the site's time zone). A range that ends
    /// before it starts finds nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<chrono::NaiveDate>,
    /// `relevance` (default) or `newest`.
    #[cfg_attr(feature = "openapi", param(inline))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SearchSort>,
    /// The page, from 1. Hits are ranked to a depth of 1000: a page past them is empty, with
    /// the exact `total`.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Hits per page, 1 to 100 (default 20).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// One search hit: the article's list fields, its score and the matched words marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    #[serde(flatten)]
    pub article: ArticleSummary,
    /// The relevance score (higher is better; only comparable within one search).
    #[cfg_attr(feature = "openapi", schema(example = 12.5))]
    pub score: f32,
    /// The title, HTML-escaped, with matched words in `<mark>`.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "<mark>民法典</mark>宣传月活动")
    )]
    pub title_highlight: String,
    /// About 120 characters of the text around the best match, HTML-escaped, with matched
    /// words in `<mark>`; empty when the article has neither body text nor a summary.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "……组织开展<mark>民法典</mark>进社区宣传活动，……")
    )]
    pub snippet: String,
}

/// One page of search hits; `total` is exact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchPage {
    pub items: Vec<SearchHit>,
    #[serde(flatten)]
    pub page: PageInfo,
    /// The query as understood: the words searched for after segmentation.
    pub terms: Vec<String>,
}

/// The query string of `GET /api/v1/search/suggest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SuggestQuery {
    /// What the reader has typed so far (1 to 100 characters, not only blanks).
    #[cfg_attr(
        feature = "openapi",
        param(
            min_length = 1,
            max_length = 100,
            pattern = r"^[^\u0000]*[^\s\u0000][^\u0000]*$",
            example = "民法"
        )
    )]
    pub q: String,
}

/// A title completion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "【示例】民法典进社区宣传活动通知")
    )]
    pub title: String,
}

/// Up to 8 title completions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuggestionList {
    pub items: Vec<Suggestion>,
}
