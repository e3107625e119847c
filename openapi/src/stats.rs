//! Hit counting and statistics: the view beacon's answer and the reports built from the daily
//! buckets.

use serde::{Deserialize, Serialize};

use crate::CategoryRef;

/// The answer to a view beacon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewRecorded {
    pub article_id: i32,
    /// The article's view count including this view (浏览次数).
    pub hits: i64,
    /// Whether this view was counted: `false` for bots and for a reload by the same visitor
    /// within the dedup window.
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
    pub id: i32,
    pub title: String,
    pub category: CategoryRef,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Views within the period.
    pub hits: i64,
    /// Views since the beginning.
    pub total_hits: i64,
}

/// Views on one day (in the site's time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DailyHits {
    pub date: chrono::NaiveDate,
    /// Counted views (bots and reloads excluded).
    pub hits: i64,
    /// Every view request, bots and reloads included; admins only (`null` for editors).
    pub raw_hits: Option<i64>,
    /// Distinct visitors that day; site-wide series only (`null` for one article).
    pub visitors: Option<i64>,
}

/// Views per day over a date range; days without views appear as zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DailySeries {
    /// The article, or `null` for the whole site.
    pub article_id: Option<i32>,
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    /// The sum of `hits` over the range.
    pub total: i64,
    pub days: Vec<DailyHits>,
}

/// The site at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteSummary {
    /// Today in the site's time zone.
    pub date: chrono::NaiveDate,
    pub timezone: String,
    /// All articles, whatever their status.
    pub articles: u64,
    /// Articles the public can read now.
    pub published_articles: u64,
    pub categories: u64,
    pub total_hits: i64,
    pub today_hits: i64,
    pub visitors_today: i64,
}

/// Views of a category's articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryHits {
    pub category: CategoryRef,
    pub parent_id: Option<i32>,
    /// Articles in the category and its descendants.
    pub articles: u64,
    /// Views of the articles in the category and its descendants.
    pub hits: i64,
    /// Views of the articles directly in the category.
    pub own_hits: i64,
}
