//! `GET /articles` (lists, search), `GET /articles/{id}`, the view beacon
//! `POST /articles/{id}/views`, and the editors' writes.

use portal_api::{Article, ArticlePage, ArticlePatch, ArticleSort, NewArticle, ViewRecorded};
use serde::Serialize;

use super::requests::{self, ApiError, API_BASE};

/// The longest search the API accepts, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// The filters of an article list; absent fields take the API's defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleQuery {
    /// A category's slug or id; its sub-categories are included unless `include_descendants`
    /// says otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_descendants: Option<bool>,
    /// Which articles (staff only, except `public`, the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusFilter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pinned: Option<bool>,
    /// Words to find in the title, summary or body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<ArticleSort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// The `status` filter of `GET /articles`. It is a query parameter only, so the contract crate
/// has no type for it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// Published and due: what the portal shows.
    Public,
    Draft,
    /// Published, whether due or scheduled.
    Published,
    Scheduled,
    Archived,
    #[default]
    Any,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 6] = [
        StatusFilter::Any,
        StatusFilter::Draft,
        StatusFilter::Published,
        StatusFilter::Scheduled,
        StatusFilter::Public,
        StatusFilter::Archived,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Public => "public",
            StatusFilter::Draft => "draft",
            StatusFilter::Published => "published",
            StatusFilter::Scheduled => "scheduled",
            StatusFilter::Archived => "archived",
            StatusFilter::Any => "any",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::Public => "已上线",
            StatusFilter::Draft => "草稿",
            StatusFilter::Published => "已发布(含定时)",
            StatusFilter::Scheduled => "定时发布",
            StatusFilter::Archived => "已归档",
            StatusFilter::Any => "全部状态",
        }
    }

    pub fn parse(key: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|filter| filter.key() == key)
            .unwrap_or_default()
    }
}

pub fn list_url(query: &ArticleQuery) -> String {
    requests::url("/articles", query)
}

pub async fn list(query: ArticleQuery) -> Result<ArticlePage, ApiError> {
    requests::get(&list_url(&query)).await
}

pub async fn get(id: i32) -> Result<Article, ApiError> {
    requests::get(&format!("{API_BASE}/articles/{id}")).await
}

/// Counts this page view and answers the article's new view count. Sent once per page view,
/// apart from reading the article, so that a cached article never hides a view.
pub async fn record_view(id: i32) -> Result<ViewRecorded, ApiError> {
    requests::post(&format!("{API_BASE}/articles/{id}/views")).await
}

pub async fn create(article: NewArticle) -> Result<Article, ApiError> {
    requests::post_json(&format!("{API_BASE}/articles"), &article).await
}

/// Changes the fields present in `patch`: an edit, or publish / unpublish / archive / pin.
pub async fn update(id: i32, patch: ArticlePatch) -> Result<Article, ApiError> {
    requests::patch_json(&format!("{API_BASE}/articles/{id}"), &patch).await
}

pub async fn delete(id: i32) -> Result<(), ApiError> {
    requests::delete(&format!("{API_BASE}/articles/{id}")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_list_asks_for_descendants_newest_first() {
        let query = ArticleQuery {
            category: Some("xinzhou".into()),
            include_descendants: Some(true),
            sort: Some(ArticleSort::Newest),
            page: Some(2),
            per_page: Some(20),
            ..ArticleQuery::default()
        };
        assert_eq!(
            list_url(&query),
            "/api/v1/articles?category=xinzhou&include_descendants=true&sort=newest&page=2&per_page=20"
        );
    }

    #[test]
    fn search_words_are_url_encoded() {
        let query = ArticleQuery {
            q: Some("民法典 宣传&".into()),
            ..ArticleQuery::default()
        };
        assert_eq!(
            list_url(&query),
            "/api/v1/articles?q=%E6%B0%91%E6%B3%95%E5%85%B8+%E5%AE%A3%E4%BC%A0%26"
        );
    }

    #[test]
    fn the_console_asks_for_every_status() {
        let query = ArticleQuery {
            status: Some(StatusFilter::parse("scheduled")),
            ..ArticleQuery::default()
        };
        assert_eq!(list_url(&query), "/api/v1/articles?status=scheduled");
        assert_eq!(StatusFilter::parse("nonsense"), StatusFilter::Any);
    }

    #[test]
    fn an_empty_query_lists_with_the_api_defaults() {
        assert_eq!(list_url(&ArticleQuery::default()), "/api/v1/articles");
    }
}
