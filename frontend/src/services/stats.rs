//! `GET /stats/most-read`: the 点击排行 list.

use portal_api::{MostReadArticle, StatsPeriod};
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

#[cfg(test)]
mod tests {
    use super::*;

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
