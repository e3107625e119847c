//! `POST /api/v1/articles/{id}/views`: the view beacon. Reading an article never counts it;
//! the portal sends this request once per page view, so article JSON can be cached while the
//! count stays right.

use actix_web::{http::header, post, web, HttpRequest, HttpResponse};
use portal_api::ViewRecorded;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::MaybeUser,
    error::{ApiError, ApiResult},
    hits::{bots, ClientInfo},
    http::client_ip,
    openapi::{Conflict, NotFound, ServerError, Unauthorized},
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config.service(record_view);
}

/// Count a view of an article and answer its current count (浏览次数).
///
/// Robots and a reload by the same visitor within 30 minutes are answered with
/// `counted: false`. Views are written in batches about once a second; the answer already
/// includes them. Unknown, draft and scheduled articles: 404, nothing counted (editors, who
/// can see such an article, get 409 instead).
#[utoipa::path(
    tag = "articles",
    params(("id" = i32, Path, description = "The article's id.")),
    responses(
        (status = 200, description = "The view was received.", body = ViewRecorded,
            headers(("Cache-Control" = String, description = "`no-store`."))),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security((), ("bearer" = []))
)]
#[post("/api/v1/articles/{id}/views")]
async fn record_view(
    state: web::Data<AppState>,
    request: HttpRequest,
    viewer: MaybeUser,
    id: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    let article_id = id.into_inner();
    let user_agent = request
        .headers()
        .get(header::USER_AGENT)
        // UTF-8 rather than `to_str`'s visible ASCII: checked by SIMD, and a non-ASCII agent is
        // still an agent.
        .and_then(|value| std::str::from_utf8(value.as_bytes()).ok())
        .unwrap_or_default();
    let client = ClientInfo {
        ip: client_ip(&request, state.trust_proxy),
        marked_as_no_view: bots::marked_as_no_view(request.headers()),
        user_agent,
    };
    let Some(outcome) = state
        .hits
        .record_view(article_id, &client, chrono::Utc::now())
        .await?
    else {
        // Staff can see unpublished articles, so for them it exists but is not countable.
        let exists = viewer.is_staff()
            && crate::services::articles::visibility(&state.db, article_id)
                .await?
                .is_some();
        return Err(if exists {
            ApiError::conflict(
                crate::error::Clash::NotPublic,
                "the article is not public (draft, scheduled or archived); only public articles count views",
            )
        } else {
            ApiError::not_found("article")
        });
    };
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        ))
        .json(ViewRecorded {
            article_id,
            hits: outcome.hits,
            counted: outcome.counted,
        }))
}
