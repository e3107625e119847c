//! Asking the index from request handlers: the reader's query read, a refusal while the index
//! is rebuilt, and searches admitted a core at a time off the async threads.

use std::sync::{Arc, OnceLock};

use super::{Filter, Found, Order, ParsedQuery, Search};
use crate::{
    admission::Admission,
    domain::Pagination,
    error::{ApiError, ApiResult},
};

/// Searches take a core each for a few milliseconds: as many as there are cores run at once
/// and 32 more wait; beyond that a flood of searches is refused (503) rather than queued.
pub fn admission() -> &'static Admission {
    static SEARCHES: OnceLock<Admission> = OnceLock::new();
    SEARCHES.get_or_init(|| {
        Admission::new(
            Admission::all_the_cores(),
            32,
            "too many searches are running right now; try again in a moment",
        )
    })
}

/// Reads `q`, with the field name in the problem.
pub fn parse_query(q: &str) -> ApiResult<ParsedQuery> {
    ParsedQuery::parse(q).map_err(|message| ApiError::BadRequest(format!("q: {message}")))
}

pub fn unavailable_while_building(engine: &Search) -> ApiResult<()> {
    if engine.index().is_ready() {
        Ok(())
    } else {
        Err(ApiError::Busy {
            detail: "the search index is being rebuilt; try again in a moment".into(),
            retry_after_secs: 10,
        })
    }
}

/// Asks the index, off the async threads, one search at a time per admitted slot.
pub async fn find(
    engine: &Arc<Search>,
    query: ParsedQuery,
    filter: Filter,
    order: Order,
    pagination: Pagination,
) -> ApiResult<Found> {
    unavailable_while_building(engine)?;
    let _slot = admission().enter().await?;
    let engine = engine.clone();
    let offset = usize::try_from(pagination.offset()).unwrap_or(usize::MAX);
    let limit = usize::try_from(pagination.limit()).unwrap_or(usize::MAX);
    tokio::task::spawn_blocking(move || {
        engine.index().search(&query, &filter, order, offset, limit)
    })
    .await
    .map_err(|error| ApiError::Internal(error.into()))?
    .map_err(ApiError::Internal)
}
