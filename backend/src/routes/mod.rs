//! HTTP routes, one module per resource. A handler parses the request, calls a service and
//! shapes the response; rules live in the services. Every handler is registered through
//! utoipa-actix-web, so mounting a route is what puts it in the OpenAPI document.

mod articles;
mod auth;
mod categories;
mod friend_links;
mod health;
mod site;
mod stats;
mod users;
mod views;

use actix_web::{http::header, middleware::from_fn, web, HttpRequest, HttpResponse};
use portal_api::PageInfo;
use serde::Serialize;
use utoipa_actix_web::{scope, service_config::ServiceConfig};

use crate::http::{caching, fallback, microcache};

/// Mounts the API (under `/api/v1`) and the health probes.
pub fn configure(config: &mut ServiceConfig) {
    // The view beacon is the busiest route by far, and neither CORS (it is not open to other
    // origins), conditional GETs nor the micro-cache concern a POST: it is mounted ahead of the
    // scope and skips their middleware.
    config.configure(views::configure);
    config.service(
        scope::scope("/api/v1")
            .wrap(from_fn(microcache::micro_cache))
            .wrap(from_fn(caching::conditional_get))
            .wrap(cors())
            .configure(articles::configure)
            .configure(stats::configure)
            .configure(categories::configure)
            .configure(friend_links::configure)
            .configure(site::configure)
            .configure(auth::configure)
            .configure(users::configure)
            .default_service(web::to(fallback::unknown_api_route)),
    );
    config.configure(health::configure);
}

/// Any origin may read; writes stay same-origin (or server-to-server).
fn cors() -> actix_cors::Cors {
    actix_cors::Cors::default()
        .allow_any_origin()
        .allowed_methods(["GET", "HEAD"])
        .allowed_headers([header::ACCEPT, header::IF_NONE_MATCH, header::AUTHORIZATION])
        .expose_headers([
            header::ETAG,
            header::LINK,
            header::HeaderName::from_static("x-total-count"),
        ])
        .max_age(3600)
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
