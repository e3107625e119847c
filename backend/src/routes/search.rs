//! `/api/v1/search`: full-text search of the public articles, and title completions.

use actix_web::{get, web};
use portal_api::{SearchPage, SearchQuery, SuggestQuery, SuggestionList};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    error::ApiResult,
    routes::responses::{BadRequest, NotFound, ServerBusy, ServerError},
    services::search,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config.service(search_articles).service(suggest_titles);
}

/// Search the published articles, best match first.
///
/// Chinese text is cut into words (南京市长江大桥 is found by 长江大桥, not by 市长); every
/// word must match, `"quoted phrases"` match only as written, and `-word` leaves out the
/// articles that have it. Words in the title weigh most, then the summary, then the text.
/// Each hit carries the article's list fields, its `score`, the title with the matched words
/// in `<mark>` and a snippet of about 120 characters around the best passage (both
/// HTML-escaped apart from `<mark>`). `total` is exact; paging reaches the first 1000 hits.
/// Scheduled articles appear once due. Searches are admitted a few at a time; beyond the
/// queue, or while the index is being rebuilt, 503 with `Retry-After`.
#[utoipa::path(
    tag = "search",
    params(SearchQuery),
    responses(
        (status = 200, description = "One page of hits.", body = SearchPage,
            headers(
                ("X-Total-Count" = u64, description = "Hits in all."),
                ("Link" = String, description = "`first`, `last`, `prev` and `next` pages (RFC 8288)."),
            )),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
        (status = 503, response = ServerBusy),
    ),
)]
#[get("/search")]
async fn search_articles(
    state: web::Data<AppState>,
    params: web::Query<SearchQuery>,
    request: actix_web::HttpRequest,
) -> ApiResult<actix_web::HttpResponse> {
    let page = search::search(
        &state.db,
        &state.categories,
        &state.search,
        state.hits.timezone(),
        params.into_inner(),
    )
    .await?;
    Ok(super::paged(&request, &page.page, &page))
}

/// Suggest titles
///
/// Completes a title as the reader types: up to 8 public titles, newest first, whose words
/// start with what was typed (the last word may be unfinished). Admitted like searches.
#[utoipa::path(
    tag = "search",
    params(SuggestQuery),
    responses(
        (status = 200, description = "Up to 8 titles.", body = SuggestionList),
        (status = 400, response = BadRequest),
        (status = 500, response = ServerError),
        (status = 503, response = ServerBusy),
    ),
)]
#[get("/search/suggest")]
async fn suggest_titles(
    state: web::Data<AppState>,
    params: web::Query<SuggestQuery>,
) -> ApiResult<web::Json<SuggestionList>> {
    Ok(web::Json(search::suggest(&state.search, &params.q).await?))
}
