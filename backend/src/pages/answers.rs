//! The API's public reads, answered in-process for a page the server renders: the same rules
//! and the same bodies as `GET /api/v1/…` (the handlers and this module call the same
//! functions), looked up by the URL the client would have asked. A page's head and its
//! render read from the same [`PageData`], so each answer is read once per page.

use std::collections::btree_map::Entry;

use actix_web::{web::Query, ResponseError};
use percent_encoding::percent_decode_str;
use portal_api::{ArticleListQuery, MostReadQuery, PageAnswer, PageData, SearchQuery, API_BASE};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::value::RawValue;

use crate::{
    error::{ApiError, ApiResult},
    routes,
    services::{articles, categories, friend_links, search, site},
    state::AppState,
};

/// What `GET url` would answer an anonymous reader.
pub async fn answer(state: &AppState, url: &str) -> PageAnswer {
    match read(state, url).await {
        Ok(body) => PageAnswer::Ok(body),
        Err(error) => PageAnswer::Failed {
            status: error.status_code().as_u16(),
            problem: Some(error.to_problem(Some(url.to_owned()))),
        },
    }
}

/// The answer for `url` as `T`, read unless `answers` holds it, and kept there for the render.
pub async fn typed<T: DeserializeOwned>(
    state: &AppState,
    answers: &mut PageData,
    url: String,
) -> ApiResult<T> {
    let found = match answers.entry(url.clone()) {
        Entry::Occupied(kept) => kept.into_mut(),
        Entry::Vacant(missing) => {
            let found = answer(state, missing.key()).await;
            missing.insert(found)
        }
    };
    match found {
        PageAnswer::Ok(body) => serde_json::from_str::<T>(body.get()).map_err(|error| {
            ApiError::Internal(anyhow::anyhow!("reading the answer of {url}: {error}"))
        }),
        PageAnswer::Failed { status: 404, .. } => Err(ApiError::NotFound(url)),
        PageAnswer::Failed { status, .. } => Err(ApiError::Internal(anyhow::anyhow!(
            "{url} answered {status}"
        ))),
    }
}

async fn read(state: &AppState, url: &str) -> ApiResult<Box<RawValue>> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let not_found = || ApiError::NotFound(format!("{path} is not a public read"));
    let path = path.strip_prefix(API_BASE).ok_or_else(not_found)?;
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["site"] => json(site::get(&state.db, &state.site).await?),
        ["categories"] => json(categories::tree(&state.db, &state.categories).await?),
        ["categories", id_or_slug] => {
            let id_or_slug = percent_decode_str(id_or_slug)
                .decode_utf8()
                .map_err(|_| ApiError::not_found("category"))?;
            json(categories::get(&state.db, &state.categories, &id_or_slug).await?)
        }
        ["friend-links"] => json(friend_links::list(&state.db, &state.friend_links).await?),
        ["articles"] => {
            let params = parse::<ArticleListQuery>(query)?;
            json(routes::articles::read_list(state, params, false).await?)
        }
        ["articles", id] => {
            let id = id.parse().map_err(|_| ApiError::not_found("article"))?;
            json(articles::get(&state.db, &state.categories, id, false).await?)
        }
        ["stats", "most-read"] => {
            let params = parse::<MostReadQuery>(query)?;
            json(routes::stats::read_most_read(state, &params).await?)
        }
        ["search"] => {
            let params = parse::<SearchQuery>(query)?;
            json(
                search::search(
                    &state.db,
                    &state.categories,
                    &state.search,
                    state.hits.timezone(),
                    params,
                )
                .await?,
            )
        }
        _ => Err(not_found()),
    }
}

/// The query string read as the handlers' `Query` extractor reads it.
fn parse<T: DeserializeOwned>(query: &str) -> ApiResult<T> {
    Query::<T>::from_query(query)
        .map(Query::into_inner)
        .map_err(|error| ApiError::BadRequest(error.to_string()))
}

fn json(body: impl Serialize) -> ApiResult<Box<RawValue>> {
    serde_json::value::to_raw_value(&body).map_err(|error| ApiError::Internal(error.into()))
}
