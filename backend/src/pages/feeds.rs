//! `/robots.txt`, `/sitemap.xml` (an index of `/sitemap-{n}.xml` parts past 50,000 URLs),
//! `/feed.xml` and `/category/{slug}/feed.xml` (RSS 2.0). Each carries `Last-Modified`, and
//! the conditional-GET middleware adds its `ETag` and `Cache-Control`.

use std::{fmt::Write as _, sync::OnceLock, time::Duration};

use actix_web::{
    guard,
    http::header::{self, HeaderValue},
    middleware::from_fn,
    web::{self, Bytes},
    FromRequest, Handler, HttpRequest, HttpResponse, Responder,
};
use chrono::{DateTime, Utc};

use super::{text::escape, SiteOrigin};
use crate::{
    error::{ApiError, ApiResult},
    http::caching,
    services::{
        feeds::{self, SitemapUrl},
        site,
    },
    state::AppState,
};

/// Mounts the crawler-facing files, for GET and HEAD.
pub fn configure(config: &mut web::ServiceConfig) {
    readable(config, "/robots.txt", robots);
    readable(config, "/sitemap.xml", sitemap);
    readable(config, "/sitemap-{part}.xml", sitemap_part);
    readable(config, "/feed.xml", site_feed);
    readable(config, "/category/{slug}/feed.xml", category_feed);
}

/// Mounts `handler` at `path` for GET and HEAD, with conditional GETs.
fn readable<F, Args>(config: &mut web::ServiceConfig, path: &str, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    config.service(
        web::resource(path)
            .route(
                web::route()
                    .guard(guard::Any(guard::Get()).or(guard::Head()))
                    .to(handler),
            )
            .wrap(from_fn(caching::conditional_get)),
    );
}

/// A rendered sitemap file and when its content last changed.
type Rendered = (Bytes, DateTime<Utc>);

/// Rendered sitemap files for two seconds, keyed by site address and part (0 for
/// `/sitemap.xml`): a part lists up to 50,000 rows, and a flood of requests for it should
/// cost one query every two seconds, not one each. Bounded by size, not count: addresses taken
/// from `Host` can vary.
fn rendered_sitemaps() -> &'static moka::sync::Cache<(String, u64), Rendered> {
    static CACHE: OnceLock<moka::sync::Cache<(String, u64), Rendered>> = OnceLock::new();
    CACHE.get_or_init(|| {
        moka::sync::Cache::builder()
            .weigher(|_, (body, _): &Rendered| u32::try_from(body.len()).unwrap_or(u32::MAX))
            .max_capacity(32 * 1024 * 1024)
            .time_to_live(Duration::from_secs(2))
            .build()
    })
}

fn http_date(at: DateTime<Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

fn xml_response(
    content_type: &'static str,
    last_modified: DateTime<Utc>,
    body: impl Into<Bytes>,
) -> HttpResponse {
    let mut response = HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .body(body.into());
    if let Ok(value) = HeaderValue::from_str(&http_date(last_modified)) {
        response.headers_mut().insert(header::LAST_MODIFIED, value);
    }
    response
}

async fn robots(request: HttpRequest, origin: web::Data<SiteOrigin>) -> HttpResponse {
    let origin = origin.of(&request);
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "# The editors' console and the JSON API are not pages to index.\n\
             User-agent: *\n\
             Disallow: /admin\n\
             Disallow: /api/\n\
             Allow: /\n\
             \n\
             Sitemap: {origin}/sitemap.xml\n"
        ))
}

async fn sitemap(
    request: HttpRequest,
    state: web::Data<AppState>,
    origin: web::Data<SiteOrigin>,
) -> ApiResult<HttpResponse> {
    sitemap_file(&request, &state, &origin, 0).await
}

async fn sitemap_part(
    request: HttpRequest,
    state: web::Data<AppState>,
    origin: web::Data<SiteOrigin>,
    part: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let part: u64 = part
        .parse()
        .ok()
        .filter(|part| *part >= 1)
        .ok_or_else(|| ApiError::NotFound("there is no such sitemap part".into()))?;
    sitemap_file(&request, &state, &origin, part).await
}

/// `/sitemap.xml` (`part` 0) or one of its parts, from the cache when it is fresh.
async fn sitemap_file(
    request: &HttpRequest,
    state: &AppState,
    origin: &SiteOrigin,
    part: u64,
) -> ApiResult<HttpResponse> {
    let origin = origin.of(request);
    let key = (origin.clone(), part);
    let (body, last_modified) = match rendered_sitemaps().get(&key) {
        Some(rendered) => rendered,
        None => {
            let rendered = render_sitemap(state, &origin, part).await?;
            rendered_sitemaps().insert(key, rendered.clone());
            rendered
        }
    };
    Ok(xml_response(
        "application/xml; charset=utf-8",
        last_modified,
        body,
    ))
}

async fn render_sitemap(state: &AppState, origin: &str, part: u64) -> ApiResult<Rendered> {
    let plan = feeds::sitemap_plan(&state.db, &state.categories).await?;
    if part == 0 && plan.needs_index() {
        let mut body = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for part in 1..=plan.parts {
            let _ = writeln!(
                body,
                "<sitemap><loc>{}/sitemap-{part}.xml</loc><lastmod>{}</lastmod></sitemap>",
                escape(origin),
                plan.last_modified.to_rfc3339()
            );
        }
        body.push_str("</sitemapindex>\n");
        return Ok((Bytes::from(body), plan.last_modified));
    }
    let urls = feeds::sitemap_part(&state.db, &state.categories, &plan, part.max(1))
        .await?
        .ok_or_else(|| ApiError::NotFound("there is no such sitemap part".into()))?;
    Ok((Bytes::from(url_set(origin, &urls)), plan.last_modified))
}

fn url_set(origin: &str, urls: &[SitemapUrl]) -> String {
    let mut body = String::with_capacity(urls.len() * 110 + 200);
    body.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        let _ = writeln!(
            body,
            "<url><loc>{}{}</loc><lastmod>{}</lastmod></url>",
            escape(origin),
            escape(&url.path),
            url.last_modified.to_rfc3339()
        );
    }
    body.push_str("</urlset>\n");
    body
}

async fn site_feed(
    request: HttpRequest,
    state: web::Data<AppState>,
    origin: web::Data<SiteOrigin>,
) -> ApiResult<HttpResponse> {
    feed(&request, &state, &origin, None).await
}

async fn category_feed(
    request: HttpRequest,
    state: web::Data<AppState>,
    origin: web::Data<SiteOrigin>,
    slug: web::Path<String>,
) -> ApiResult<HttpResponse> {
    feed(&request, &state, &origin, Some(slug.as_str())).await
}

async fn feed(
    request: &HttpRequest,
    state: &AppState,
    origin: &SiteOrigin,
    slug: Option<&str>,
) -> ApiResult<HttpResponse> {
    let origin = origin.of(request);
    let settings = site::get(&state.db, &state.site).await?;
    let feed = feeds::latest(&state.db, &state.categories, slug).await?;
    let (title, page, description) = match &feed.category {
        Some(category) => (
            format!("{} - {}", category.name, settings.site_name),
            format!("{origin}/category/{}", category.slug),
            if category.description.trim().is_empty() {
                format!("{}「{}」栏目的最新文章", settings.site_name, category.name)
            } else {
                category.description.clone()
            },
        ),
        None => (
            settings.site_name.clone(),
            format!("{origin}/"),
            format!("{}的最新文章", settings.site_name),
        ),
    };
    let self_link = format!("{origin}{}", request.path());
    let last_modified = feed
        .entries
        .iter()
        .map(|(entry, _)| {
            entry
                .published_at
                .map_or(entry.updated_at, |at| at.max(entry.updated_at))
        })
        .chain([settings.updated_at])
        .chain(feed.category.as_ref().map(|category| category.updated_at))
        .max()
        .unwrap_or(settings.updated_at);

    let mut body = String::with_capacity(2048 + feed.entries.len() * 600);
    let _ = write!(
        body,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n\
         <title>{}</title>\n<link>{}</link>\n<description>{}</description>\n\
         <language>zh-CN</language>\n<lastBuildDate>{}</lastBuildDate>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&title),
        escape(&page),
        escape(&description),
        last_modified.to_rfc2822(),
        escape(&self_link),
    );
    for (entry, category_name) in &feed.entries {
        let link = format!("{origin}/article/{}", entry.id);
        let _ = write!(
            body,
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n",
            escape(&entry.title),
            escape(&link),
            escape(&link),
        );
        if let Some(at) = entry.published_at {
            let _ = writeln!(body, "<pubDate>{}</pubDate>", at.to_rfc2822());
        }
        if !category_name.is_empty() {
            let _ = writeln!(body, "<category>{}</category>", escape(category_name));
        }
        let _ = write!(
            body,
            "<description>{}</description>\n</item>\n",
            escape(&entry.summary)
        );
    }
    body.push_str("</channel>\n</rss>\n");
    Ok(xml_response(
        "application/rss+xml; charset=utf-8",
        last_modified,
        body,
    ))
}
