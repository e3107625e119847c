//! The query strings of the list and statistics endpoints: the backend parses them, the client
//! builds them, from these same types.

use serde::{Deserialize, Serialize};

use crate::{ArticleSort, StatsPeriod};

/// The longest most-read list a caller may ask for.
pub const MOST_READ_LIMIT_MAX: u32 = 50;
/// How long a most-read list is when the caller does not say.
pub const MOST_READ_LIMIT_DEFAULT: u32 = 10;
/// The longest range a daily series covers, in days.
pub const MAX_SERIES_DAYS: u64 = 366;

/// Which articles a listing shows. Everything but `public` needs an editor's token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatusFilter {
    /// Published and due: what the portal shows (the default).
    #[default]
    Public,
    Draft,
    /// Published, whether due or scheduled.
    Published,
    /// Published with a publish time still in the future.
    Scheduled,
    Archived,
    /// Every article.
    Any,
}

impl ArticleStatusFilter {
    pub const ALL: [ArticleStatusFilter; 6] = [
        ArticleStatusFilter::Any,
        ArticleStatusFilter::Draft,
        ArticleStatusFilter::Published,
        ArticleStatusFilter::Scheduled,
        ArticleStatusFilter::Public,
        ArticleStatusFilter::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatusFilter::Public => "public",
            ArticleStatusFilter::Draft => "draft",
            ArticleStatusFilter::Published => "published",
            ArticleStatusFilter::Scheduled => "scheduled",
            ArticleStatusFilter::Archived => "archived",
            ArticleStatusFilter::Any => "any",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|filter| filter.as_str() == value)
    }
}

/// Filters, order and page of `GET /api/v1/articles`; absent fields take the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ArticleListQuery {
    /// Only articles in this category (id or slug).
    #[cfg_attr(feature = "openapi", param(example = "xinzhou"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// With `category`: include the articles of its sub-categories (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_descendants: Option<bool>,
    /// Which articles: `public` (default) for everyone; the others need an editor's token.
    #[cfg_attr(feature = "openapi", param(inline))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatusFilter>,
    /// Only pinned (`true`) or only unpinned (`false`) articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<bool>,
    /// Words to find in the title, summary or body (at most 100 characters), through the
    /// search index as in `GET /api/v1/search`: matches go 1000 deep (later pages are empty),
    /// and neither `sort` `most_read`, `pinned` nor `after` combine with it.
    #[cfg_attr(
        feature = "openapi",
        param(max_length = 100, pattern = r"^[^\u0000]*$")
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// The order (default `newest`).
    #[cfg_attr(feature = "openapi", param(inline))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<ArticleSort>,
    /// The page, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1000000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
    /// Continue after this cursor (the `next_after` of the page before) instead of a page
    /// number: as fast deep in a long list as on its first page. With `sort` `newest` (the
    /// default) or `oldest`, without `q` and `page`.
    #[cfg_attr(
        feature = "openapi",
        param(
            max_length = 40,
            pattern = r"^[0-9]{1,12}-[0-9]{1,10}$",
            example = "1721958000-1"
        )
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// Which most-read list (`GET /api/v1/stats/most-read`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MostReadQuery {
    /// `day`, `week` (default), `month` or `all`, ending today in the site's time zone.
    #[cfg_attr(feature = "openapi", param(inline))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<StatsPeriod>,
    /// Only articles in this category and its descendants (id or slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// How many, 1 to 50 (default 10).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 50))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// The range and subject of `GET /api/v1/stats/daily`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DailyQuery {
    /// First day (YYYY-MM-DD); default 29 days before `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<chrono::NaiveDate>,
    /// Last day (YYYY-MM-DD); default today in the site's time zone. A range longer than 366
    /// days is shortened to the 366 days ending here; one that ends before it starts is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<chrono::NaiveDate>,
    /// One article's series; the whole site's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_filter_reads_back_from_its_name() {
        for filter in ArticleStatusFilter::ALL {
            assert_eq!(ArticleStatusFilter::parse(filter.as_str()), Some(filter));
        }
        assert_eq!(ArticleStatusFilter::parse("deleted"), None);
    }
}
