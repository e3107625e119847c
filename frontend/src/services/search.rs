//! `GET /search` (ranked hits with marked titles and snippets) and `GET /search/suggest`.

use portal_api::{SearchPage, SearchQuery, SuggestQuery, SuggestionList};

use super::requests::{self, ApiError};

pub fn search_url(query: &SearchQuery) -> String {
    requests::url("/search", query)
}

pub async fn search(query: SearchQuery) -> Result<SearchPage, ApiError> {
    requests::get(&search_url(&query)).await
}

pub async fn suggest(typed: String) -> Result<SuggestionList, ApiError> {
    requests::get(&requests::url(
        "/search/suggest",
        &SuggestQuery { q: typed },
    ))
    .await
}
