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
    routes::responses::{Conflict, NotFound, ServerError, Unauthorized},
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config.service(record_view);
}

/// Count a view of an article and answer its current count (浏览次数).
///
/// Robots, a reload by the same visitor within 30 minutes, a visitor beyond the 50 counted per
/// address, article and day, and a beacon whose `Origin` (or `Referer`) is not this site are
/// answered with `counted: false`. Views are written in batches about once a second; the answer already
/// includes them. Unknown, draft and scheduled articles: 404, nothing counted (editors, who
/// can see such an article, get 409 instead when they send their bearer token, which is
/// optional here).
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
    let recorded = count_view(&state, &request, viewer.is_staff(), id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        ))
        .json(recorded))
}

/// Counts a view of `article_id` sent by `request` (the beacon, or the image a page read
/// without JavaScript loads) unless the rules above say otherwise.
pub(crate) async fn count_view(
    state: &AppState,
    request: &HttpRequest,
    staff: bool,
    article_id: i32,
) -> ApiResult<ViewRecorded> {
    let user_agent = request
        .headers()
        .get(header::USER_AGENT)
        // UTF-8 rather than `to_str`'s visible ASCII: checked by SIMD, and a non-ASCII agent is
        // still an agent.
        .and_then(|value| std::str::from_utf8(value.as_bytes()).ok())
        .unwrap_or_default();
    let client = ClientInfo {
        ip: state.trusted_proxies.client_ip(request),
        marked_as_no_view: bots::marked_as_no_view(request.headers())
            || !sent_from_this_site(request, &state.beacon_origins),
        user_agent,
    };
    let Some(outcome) = state
        .hits
        .record_view(article_id, &client, chrono::Utc::now())
        .await?
    else {
        // Staff can see unpublished articles, so for them it exists but is not countable.
        let exists = staff
            && crate::services::articles::visibility(&state.db, article_id)
                .await?
                .is_some();
        return Err(if exists {
            ApiError::conflict(
                portal_api::ErrorCode::NotPublic,
                "the article is not public (draft, scheduled or archived); only public articles count views",
            )
        } else {
            ApiError::not_found("article")
        });
    };
    Ok(ViewRecorded {
        article_id,
        hits: outcome.hits,
        counted: outcome.counted,
    })
}

/// Whether the page that sent the beacon is this site's own (or one of `also_allowed`): its
/// `Origin`, or the origin of its `Referer` when a browser sent no `Origin`, names the host the
/// request was sent to. A page elsewhere could otherwise make every visitor's browser count
/// views of our articles. A client that sends neither is not a browser on our page.
fn sent_from_this_site(request: &HttpRequest, also_allowed: &[String]) -> bool {
    let headers = request.headers();
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok())
        .filter(|origin| *origin != "null")
        .and_then(|origin| url::Url::parse(origin).ok())
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|value| value.to_str().ok())
                .and_then(|referer| url::Url::parse(referer).ok())
        });
    let Some(origin) = origin else {
        return false;
    };
    let serialized = origin.origin().ascii_serialization();
    if also_allowed.contains(&serialized) {
        return true;
    }
    let authority = match (origin.host_str(), origin.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => return false,
    };
    let info = request.connection_info();
    let host = info.host();
    host.eq_ignore_ascii_case(&authority)
        || host
            .strip_suffix(":80")
            .or_else(|| host.strip_suffix(":443"))
            .is_some_and(|bare| bare.eq_ignore_ascii_case(&authority))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn allowed() -> Vec<String> {
        vec!["https://m.example.gov.cn".into()]
    }

    #[test]
    fn a_beacon_from_the_sites_own_page_counts() {
        let request = TestRequest::default()
            .insert_header((header::HOST, "127.0.0.1:8080"))
            .insert_header((header::ORIGIN, "http://127.0.0.1:8080"))
            .to_http_request();
        assert!(sent_from_this_site(&request, &[]));
    }

    #[test]
    fn a_beacon_from_another_site_does_not() {
        let request = TestRequest::default()
            .insert_header((header::HOST, "pufa.example.gov.cn"))
            .insert_header((header::ORIGIN, "https://evil.example.com"))
            .to_http_request();
        assert!(!sent_from_this_site(&request, &allowed()));
    }

    #[test]
    fn a_configured_origin_and_a_referer_are_accepted() {
        let configured = TestRequest::default()
            .insert_header((header::HOST, "pufa.example.gov.cn"))
            .insert_header((header::ORIGIN, "https://m.example.gov.cn"))
            .to_http_request();
        assert!(sent_from_this_site(&configured, &allowed()));
        let referer = TestRequest::default()
            .insert_header((header::HOST, "pufa.example.gov.cn"))
            .insert_header((header::REFERER, "https://pufa.example.gov.cn/article/7"))
            .to_http_request();
        assert!(sent_from_this_site(&referer, &[]));
    }

    #[test]
    fn a_beacon_naming_no_page_does_not_count() {
        let request = TestRequest::default()
            .insert_header((header::HOST, "pufa.example.gov.cn"))
            .to_http_request();
        assert!(!sent_from_this_site(&request, &allowed()));
    }
}
