//! `GET /articles` (lists, search), `GET /articles/{id}`, the view beacon
//! `POST /articles/{id}/views`, and the editors' writes.

use portal_api::{
    Article, ArticleListQuery, ArticlePage, ArticlePatch, ArticlePreview, ArticlePreviewRequest,
    ArticleStatusFilter, NewArticle, ViewRecorded,
};

use super::requests::{self, ApiError, API_BASE};

/// The console's words for each status filter.
pub fn status_filter_label(filter: ArticleStatusFilter) -> &'static str {
    match filter {
        ArticleStatusFilter::Public => "已上线",
        ArticleStatusFilter::Draft => "草稿",
        ArticleStatusFilter::Published => "已发布(含定时)",
        ArticleStatusFilter::Scheduled => "定时发布",
        ArticleStatusFilter::Archived => "已归档",
        ArticleStatusFilter::Any => "全部状态",
    }
}

pub fn list_url(query: &ArticleListQuery) -> String {
    requests::url("/articles", query)
}

pub async fn list(query: ArticleListQuery) -> Result<ArticlePage, ApiError> {
    requests::get(&list_url(&query)).await
}

pub fn url(id: i32) -> String {
    format!("{API_BASE}/articles/{id}")
}

pub async fn get(id: i32) -> Result<Article, ApiError> {
    requests::get(&url(id)).await
}

/// Counts this page view and answers the article's new view count. Sent once per page view,
/// apart from reading the article, so that a cached article never hides a view.
pub async fn record_view(id: i32) -> Result<ViewRecorded, ApiError> {
    requests::post(&format!("{API_BASE}/articles/{id}/views")).await
}

/// The body exactly as the server's sanitiser would keep it; nothing is saved.
pub async fn preview(body: String) -> Result<ArticlePreview, ApiError> {
    requests::post_json(
        &format!("{API_BASE}/articles/preview"),
        &ArticlePreviewRequest { body },
    )
    .await
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
    use portal_api::ArticleSort;

    #[test]
    fn a_category_list_asks_for_descendants_newest_first() {
        let query = ArticleListQuery {
            category: Some("xinzhou".into()),
            include_descendants: Some(true),
            sort: Some(ArticleSort::Newest),
            page: Some(2),
            per_page: Some(20),
            ..ArticleListQuery::default()
        };
        assert_eq!(
            list_url(&query),
            "/api/v1/articles?category=xinzhou&include_descendants=true&sort=newest&page=2&per_page=20"
        );
    }

    #[test]
    fn search_words_are_url_encoded() {
        let query = ArticleListQuery {
            q: Some("民法典 宣传&".into()),
            ..ArticleListQuery::default()
        };
        assert_eq!(
            list_url(&query),
            "/api/v1/articles?q=%E6%B0%91%E6%B3%95%E5%85%B8+%E5%AE%A3%E4%BC%A0%26"
        );
    }

    #[test]
    fn the_console_asks_for_every_status() {
        let query = ArticleListQuery {
            status: ArticleStatusFilter::parse("scheduled"),
            ..ArticleListQuery::default()
        };
        assert_eq!(list_url(&query), "/api/v1/articles?status=scheduled");
        assert_eq!(ArticleStatusFilter::parse("nonsense"), None);
    }

    #[test]
    fn an_empty_query_lists_with_the_api_defaults() {
        assert_eq!(list_url(&ArticleListQuery::default()), "/api/v1/articles");
    }
}
