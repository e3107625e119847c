//! `GET /stats/most-read` (the 点击排行 list) and the staff's statistics: the site summary,
//! hits per day and hits per category.

use portal_api::{
    CategoryHits, DailyQuery, DailySeries, MostReadArticle, MostReadQuery, SiteSummary,
};

use super::requests::{self, ApiError};

pub fn most_read_url(query: &MostReadQuery) -> String {
    requests::url("/stats/most-read", query)
}

pub async fn most_read(query: MostReadQuery) -> Result<Vec<MostReadArticle>, ApiError> {
    requests::get(&most_read_url(&query)).await
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
    use chrono::NaiveDate;
    use portal_api::StatsPeriod;

    #[test]
    fn a_daily_series_names_its_days_as_iso_dates() {
        let query = DailyQuery {
            from: NaiveDate::from_ymd_opt(2026, 10, 31),
            to: NaiveDate::from_ymd_opt(2026, 11, 29),
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
            period: Some(StatsPeriod::Month),
            category: None,
            limit: Some(10),
        };
        assert_eq!(
            most_read_url(&query),
            "/api/v1/stats/most-read?period=month&limit=10"
        );
    }
}
