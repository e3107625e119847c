//! HTTP routes, one module per resource. A handler parses the request, calls a service and
//! shapes the response; rules live in the services. Every handler is registered through
//! utoipa-actix-web, so mounting a route is what puts it in the OpenAPI document.

pub(crate) mod articles;
mod auth;
mod categories;
mod friend_links;
mod health;
pub(crate) mod media;
pub mod responses;
mod search;
mod site;
pub(crate) mod stats;
mod users;
pub(crate) mod views;

use actix_web::{http::header, middleware::from_fn, web, HttpRequest, HttpResponse};
use portal_api::PageInfo;
use serde::Serialize;
use utoipa_actix_web::{scope, service_config::ServiceConfig};

use crate::http::{caching, fallback, microcache};

/// Mounts the API (under `/api/v1`) and the health probes; browsers on `cors_origins` (`*`
/// for any) may call it.
pub fn configure(config: &mut ServiceConfig, cors_origins: &[String]) {
    // The view beacon is the busiest route by far, and neither CORS (it is not open to other
    // origins), conditional GETs nor the micro-cache concern a POST: it is mounted ahead of the
    // scope and skips their middleware.
    config.configure(views::configure);
    config.service(
        scope::scope(portal_api::API_BASE)
            .wrap(from_fn(microcache::micro_cache))
            .wrap(from_fn(caching::conditional_get))
            .wrap(cors(cors_origins))
            .wrap(from_fn(preflight_without_content))
            .configure(articles::configure)
            .configure(search::configure)
            .configure(stats::configure)
            .configure(categories::configure)
            .configure(friend_links::configure)
            .configure(media::configure)
            .configure(site::configure)
            .configure(auth::configure)
            .configure(users::configure)
            .default_service(web::to(fallback::unknown_api_route)),
    );
    config.configure(health::configure);
}

/// Browser apps on the configured origins may read and, with a bearer token, write. Tokens
/// travel in `Authorization`, never in cookies, so no credentials mode is offered and `*`
/// lends another site nothing it could not do from a server.
fn cors(origins: &[String]) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default();
    if origins.iter().any(|origin| origin == "*") {
        cors = cors.allow_any_origin().send_wildcard();
    } else {
        for origin in origins {
            cors = cors.allowed_origin(origin);
        }
    }
    cors.allowed_methods(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::ACCEPT,
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            header::IF_MATCH,
        ])
        .expose_headers([
            header::ETAG,
            header::LINK,
            header::LOCATION,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-total-count"),
            header::HeaderName::from_static("ratelimit"),
            header::HeaderName::from_static("ratelimit-policy"),
        ])
        .max_age(3600)
}

/// actix-cors answers a preflight `200` with an empty body; `204 No Content` says what it is.
async fn preflight_without_content(
    request: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let preflight = request.method() == actix_web::http::Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = next.call(request).await?;
    if preflight && response.status() == actix_web::http::StatusCode::OK {
        *response.response_mut().status_mut() = actix_web::http::StatusCode::NO_CONTENT;
    }
    Ok(response)
}

/// `201 Created` with `Location`.
fn created(location: String, body: &impl Serialize) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(body)
}

/// A page of a list, with `X-Total-Count` and an RFC 8288 `Link` header for its neighbours.
fn paged(request: &HttpRequest, page: &PageInfo, body: &impl Serialize) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response.insert_header(("X-Total-Count", page.total.to_string()));
    let links = page_links(request, page);
    if !links.is_empty() {
        response.insert_header((header::LINK, links));
    }
    response.json(body)
}

/// A page continued from a cursor: `X-Total-Count`, and a `Link` to the next page when there
/// is one.
fn continued(
    request: &HttpRequest,
    page: &PageInfo,
    next_after: Option<&str>,
    body: &impl Serialize,
) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response.insert_header(("X-Total-Count", page.total.to_string()));
    if let Some(next) = next_after {
        let mut params: Vec<(String, String)> =
            web::Query::<Vec<(String, String)>>::from_query(request.query_string())
                .map(|query| query.into_inner())
                .unwrap_or_default()
                .into_iter()
                .filter(|(key, _)| key != "after" && key != "page")
                .collect();
        params.push(("after".into(), next.to_owned()));
        let query: Vec<String> = params
            .iter()
            .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
            .collect();
        response.insert_header((
            header::LINK,
            format!("<{}?{}>; rel=\"next\"", request.path(), query.join("&")),
        ));
    }
    response.json(body)
}

fn page_links(request: &HttpRequest, page: &PageInfo) -> String {
    let other_params: Vec<(String, String)> =
        web::Query::<Vec<(String, String)>>::from_query(request.query_string())
            .map(|query| query.into_inner())
            .unwrap_or_default()
            .into_iter()
            .filter(|(key, _)| key != "page")
            .collect();
    let url_for = |number: u32| {
        let mut params = other_params.clone();
        params.push(("page".into(), number.to_string()));
        let query: Vec<String> = params
            .iter()
            .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
            .collect();
        format!("<{}?{}>", request.path(), query.join("&"))
    };
    let mut links = Vec::new();
    if page.total_pages > 0 {
        links.push(format!("{}; rel=\"first\"", url_for(1)));
        links.push(format!("{}; rel=\"last\"", url_for(page.total_pages)));
    }
    if page.page > 1 && page.page <= page.total_pages {
        links.push(format!("{}; rel=\"prev\"", url_for(page.page - 1)));
    }
    if page.page < page.total_pages {
        links.push(format!("{}; rel=\"next\"", url_for(page.page + 1)));
    }
    links.join(", ")
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
