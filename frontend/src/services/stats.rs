//! `GET /stats/most-read` (the 点击排行 list) and the staff's statistics: the site summary,
//! hits per day and hits per category.

use chrono::NaiveDate;
use portal_api::{CategoryHits, DailySeries, MostReadArticle, SiteSummary, StatsPeriod};
use serde::Serialize;

use super::requests::{self, ApiError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MostReadQuery {
    pub period: StatsPeriod,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub limit: u32,
}

pub fn most_read_url(query: &MostReadQuery) -> String {
    requests::url("/stats/most-read", query)
}

pub async fn most_read(query: MostReadQuery) -> Result<Vec<MostReadArticle>, ApiError> {
    requests::get(&most_read_url(&query)).await
}

/// Days `from` to `to` (both included), site-wide or for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DailyQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_id: Option<i32>,
}

pub fn daily_url(query: &DailyQuery) -> String {
    requests::url("/stats/daily", query)
}

pub async fn daily(query: DailyQuery) -> Result<DailySeries, ApiError> {
    requests::get(&daily_url(&query)).await
}

pub async fn summary() -> Result<SiteSummary, ApiError> {
    requests::get(&format!("{}/stats/summary", requests::API_BASE)).await
}

pub async fn categories() -> Result<Vec<CategoryHits>, ApiError> {
    requests::get(&format!("{}/stats/categories", requests::API_BASE)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_daily_series_names_its_days_as_iso_dates() {
        let query = DailyQuery {
            from: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            article_id: Some(7),
        };
        assert_eq!(
            daily_url(&query),
            "/api/v1/stats/daily?from=2026-10-31&to=2026-11-29&article_id=7"
        );
    }

    #[test]
    fn the_period_and_limit_are_in_the_query() {
        let query = MostReadQuery {
            period: StatsPeriod::Month,
            category: None,
            limit: 10,
        };
        assert_eq!(
            most_read_url(&query),
            "/api/v1/stats/most-read?period=month&limit=10"
        );
    }
}
