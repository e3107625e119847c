//! Searching the articles: the reader's query checked and understood, the index asked, and
//! each hit filled in from the database with its title and a snippet marked.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use portal_api::{
    ArticleStatusFilter, PageInfo, SearchHit, SearchPage, SearchQuery, SearchSort, Suggestion,
    SuggestionList, SUGGESTIONS_MAX,
};
use sea_orm::DatabaseConnection;

use crate::{
    db,
    domain::{plain_text, Pagination},
    error::{ApiError, ApiResult},
    search::{
        admission, find, highlight, parse_query, unavailable_while_building, Filter, Order, Search,
    },
    services::{
        articles,
        categories::{self, CategoryCache},
    },
};

/// The start of `day` in `zone`, as an instant.
fn day_start(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    midnight
        .and_local_timezone(zone)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// `GET /api/v1/search`.
pub async fn search(
    db: &DatabaseConnection,
    cache: &CategoryCache,
    engine: &Arc<Search>,
    zone: Tz,
    params: SearchQuery,
) -> ApiResult<SearchPage> {
    let query = parse_query(&params.q)?;
    let pagination = Pagination::parse(params.page, params.per_page)
        .map_err(|(field, message)| ApiError::BadRequest(format!("{field}: {message}")))?;
    if pagination.page > portal_api::SEARCH_MAX_PAGE {
        return Err(ApiError::BadRequest(format!(
            "page: must be between 1 and {}",
            portal_api::SEARCH_MAX_PAGE
        )));
    }
    let categories = match &params.category {
        Some(wanted) => {
            let all = cache.all(db).await?;
            let found = categories::find_in(&all, wanted)
                .ok_or_else(|| ApiError::NotFound(format!("category `{wanted}` not found")))?;
            Some(categories::subtree_ids(&all, found.id))
        }
        None => None,
    };
    let filter = Filter {
        visibility: ArticleStatusFilter::Public,
        categories,
        published_from: params.from.map(|day| day_start(day, zone)),
        published_before: params
            .to
            .and_then(|day| day.succ_opt())
            .map(|day| day_start(day, zone)),
        now: db::now(),
    };
    let order = match params.sort.unwrap_or_default() {
        SearchSort::Relevance => Order::Relevance,
        SearchSort::Newest => Order::Newest,
    };
    let wanted = query.wanted_words();
    let highlighter = highlight::Highlighter::new(wanted.clone());
    let found = find(engine, query, filter, order, pagination).await?;
    let ids: Vec<i32> = found.hits.iter().map(|(id, _)| *id).collect();
    let mut articles = articles::summaries_with_bodies(db, cache, &ids).await?;
    let items = found
        .hits
        .iter()
        .filter_map(|(id, score)| {
            let at = articles.iter().position(|(article, _)| article.id == *id)?;
            let (article, body) = articles.swap_remove(at);
            let title_highlight = highlighter.mark(&article.title);
            let from_body = highlighter.snippet(&plain_text(&body));
            let snippet = if from_body.contains("<mark>") {
                from_body
            } else {
                let from_summary = highlighter.snippet(&article.summary);
                if from_summary.contains("<mark>") {
                    from_summary
                } else {
                    from_body
                }
            };
            Some(SearchHit {
                article,
                score: *score,
                title_highlight,
                snippet,
            })
        })
        .collect();
    Ok(SearchPage {
        items,
        page: PageInfo::new(pagination.page, pagination.per_page, found.total),
        terms: wanted,
    })
}

/// `GET /api/v1/search/suggest`.
pub async fn suggest(engine: &Arc<Search>, typed: &str) -> ApiResult<SuggestionList> {
    let typed_trimmed = typed.trim_start_matches(portal_api::patterns::is_pattern_space);
    if typed_trimmed.is_empty() {
        return Err(ApiError::BadRequest("q: say what to complete".into()));
    }
    if typed.contains('\0') || typed.chars().count() > portal_api::SEARCH_QUERY_MAX_CHARS {
        return Err(ApiError::BadRequest(format!(
            "q: must be at most {} characters, without NUL",
            portal_api::SEARCH_QUERY_MAX_CHARS
        )));
    }
    unavailable_while_building(engine)?;
    let _slot = admission().enter().await?;
    let engine = engine.clone();
    let typed = typed_trimmed.to_owned();
    let now = db::now();
    let titles =
        tokio::task::spawn_blocking(move || engine.index().suggest(&typed, now, SUGGESTIONS_MAX))
            .await
            .map_err(|error| ApiError::Internal(error.into()))?
            .map_err(ApiError::Internal)?;
    Ok(SuggestionList {
        items: titles
            .into_iter()
            .map(|(id, title)| Suggestion { id, title })
            .collect(),
    })
}
