//! Hit counting and statistics: the view beacon's answer and the reports built from the daily
//! buckets.

use serde::{Deserialize, Serialize};

use crate::CategoryRef;

/// The answer to a view beacon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewRecorded {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub article_id: i32,
    /// The article's view count including this view (浏览次数).
    #[cfg_attr(feature = "openapi", schema(example = 129))]
    pub hits: i64,
    /// Whether this view was counted: `false` for bots and for a reload by the same visitor
    /// within the dedup window.
    #[cfg_attr(feature = "openapi", schema(example = true))]
    pub counted: bool,
}

/// A period for most-read lists, ending now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatsPeriod {
    /// Today, in the site's time zone.
    Day,
    /// Today and the six days before.
    #[default]
    Week,
    /// Today and the 29 days before.
    Month,
    /// Since the beginning.
    All,
}

/// An entry of a most-read list (点击排行).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MostReadArticle {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i32,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "【示例】民法典进社区宣传活动通知")
    )]
    pub title: String,
    pub category: CategoryRef,
    #[cfg_attr(feature = "openapi", schema(example = "2025-03-15T01:30:00Z"))]
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Views within the period.
    #[cfg_attr(feature = "openapi", schema(example = 56))]
    pub hits: i64,
    /// Views since the beginning.
    #[cfg_attr(feature = "openapi", schema(example = 128))]
    pub total_hits: i64,
}

/// Views on one day (in the site's time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DailyHits {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "2025-03-15"))]
    pub date: chrono::NaiveDate,
    /// Counted views (bots and reloads excluded).
    #[cfg_attr(feature = "openapi", schema(example = 86))]
    pub hits: i64,
    /// Every view request, bots and reloads included; admins only (`null` for editors).
    #[cfg_attr(feature = "openapi", schema(example = 112))]
    pub raw_hits: Option<i64>,
    /// Distinct visitors that day; site-wide series only (`null` for one article).
    #[cfg_attr(feature = "openapi", schema(example = 64))]
    pub visitors: Option<i64>,
}

/// Views per day over a date range; days without views appear as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DailySeries {
    /// The article, or `null` for the whole site.
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub article_id: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "2025-02-14"))]
    pub from: chrono::NaiveDate,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "2025-03-15"))]
    pub to: chrono::NaiveDate,
    /// The sum of `hits` over the range.
    #[cfg_attr(feature = "openapi", schema(example = 128))]
    pub total: i64,
    pub days: Vec<DailyHits>,
}

/// The site at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteSummary {
    /// Today in the site's time zone.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "2025-03-15"))]
    pub date: chrono::NaiveDate,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "Asia/Shanghai"))]
    pub timezone: String,
    /// All articles, whatever their status.
    #[cfg_attr(feature = "openapi", schema(example = 268))]
    pub articles: u64,
    /// Articles the public can read now.
    #[cfg_attr(feature = "openapi", schema(example = 241))]
    pub published_articles: u64,
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub categories: u64,
    #[cfg_attr(feature = "openapi", schema(example = 18523))]
    pub total_hits: i64,
    #[cfg_attr(feature = "openapi", schema(example = 412))]
    pub today_hits: i64,
    #[cfg_attr(feature = "openapi", schema(example = 173))]
    pub visitors_today: i64,
}

/// Views of a category's articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryHits {
    pub category: CategoryRef,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub parent_id: Option<i32>,
    /// Articles in the category and its descendants.
    #[cfg_attr(feature = "openapi", schema(example = 57))]
    pub articles: u64,
    /// Views of the articles in the category and its descendants.
    #[cfg_attr(feature = "openapi", schema(example = 4630))]
    pub hits: i64,
    /// Views of the articles directly in the category.
    #[cfg_attr(feature = "openapi", schema(example = 1210))]
    pub own_hits: i64,
}
