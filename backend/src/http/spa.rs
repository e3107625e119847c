//! Hosts the wasm portal built by trunk: files from its `dist/` folder, and `index.html` for
//! every other page path so that `/article/7` survives a reload (the client routes it).
//! Paths that look like files (`/missing.js`) get a plain 404. Pages get `index.html` with the
//! status a crawler should see: 404 for an unknown route, article or category (the client then
//! shows its not-found page), 200 otherwise.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::{
    dev::HttpServiceFactory,
    http::{header, StatusCode},
    web, HttpResponse,
};

use crate::{services, state::AppState};

const PLACEHOLDER: &str = r#"<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Portal</title></head>
<body><main><h1>The portal has not been built</h1>
<p>The API is running: see <a href="/docs/">/docs/</a>. Build the wasm portal with
<code>just build-frontend</code> (or start everything with <code>just run</code>).</p></main></body></html>"#;

fn looks_like_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// The portal's files with the SPA fallback; a placeholder page when it was not built.
pub fn service(static_dir: &Path) -> impl HttpServiceFactory {
    let index = static_dir.join("index.html");
    let built = index.is_file();
    let files = if built {
        Files::new("/", static_dir).index_file("index.html")
    } else {
        // A folder that cannot hold the page: everything falls through to the placeholder.
        Files::new("/", std::env::temp_dir().join("portal-frontend-not-built"))
    };
    files.default_handler(web::to(move |request: actix_web::HttpRequest| {
        let index = index.clone();
        async move { page_or_404(&request, built.then_some(index)).await }
    }))
}

/// The portal's routes, as the client defines them.
#[derive(Debug, PartialEq, Eq)]
enum PortalPage<'a> {
    /// Home, search and the editors' console: always there.
    Fixed,
    Article(i32),
    Category(&'a str),
    Unknown,
}

fn classify(path: &str) -> PortalPage<'_> {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty()
        || trimmed == "/search"
        || trimmed == "/admin"
        || trimmed.starts_with("/admin/")
    {
        return PortalPage::Fixed;
    }
    let single = |prefix: &str| {
        trimmed
            .strip_prefix(prefix)
            .filter(|rest| !rest.is_empty() && !rest.contains('/'))
    };
    if let Some(id) = single("/article/") {
        return id.parse().map_or(PortalPage::Unknown, PortalPage::Article);
    }
    if let Some(slug) = single("/category/") {
        return PortalPage::Category(slug);
    }
    PortalPage::Unknown
}

/// 404 for pages that name nothing public. A failing database is the client's to report:
/// the page is served with 200 then.
async fn page_status(request: &actix_web::HttpRequest) -> StatusCode {
    let state = request.app_data::<web::Data<AppState>>();
    let found = match (classify(request.path()), state) {
        (PortalPage::Fixed, _) | (_, None) => true,
        (PortalPage::Unknown, _) => false,
        (PortalPage::Article(id), Some(state)) => {
            match services::articles::visibility(&state.db, id).await {
                Ok(found) => found.is_some_and(|article| article.is_public_at(crate::db::now())),
                Err(_) => true,
            }
        }
        (PortalPage::Category(slug), Some(state)) => !matches!(
            services::categories::get(&state.db, &state.categories, slug).await,
            Err(crate::error::ApiError::NotFound(_))
        ),
    };
    if found {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    }
}

async fn page_or_404(request: &actix_web::HttpRequest, index: Option<PathBuf>) -> HttpResponse {
    if looks_like_a_file(request.path()) {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    }
    let status = page_status(request).await;
    let mut response = match index.map(NamedFile::open_async) {
        Some(opening) => match opening.await {
            Ok(file) => file.into_response(request),
            Err(_) => placeholder(),
        },
        None => placeholder(),
    };
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-cache"),
    );
    response
}

fn placeholder() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(PLACEHOLDER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_paths_are_told_apart() {
        assert_eq!(classify("/"), PortalPage::Fixed);
        assert_eq!(classify("/search"), PortalPage::Fixed);
        assert_eq!(classify("/admin/articles/7"), PortalPage::Fixed);
        assert_eq!(classify("/article/7"), PortalPage::Article(7));
        assert_eq!(classify("/article/abc"), PortalPage::Unknown);
        assert_eq!(
            classify("/category/xinzhou"),
            PortalPage::Category("xinzhou")
        );
        assert_eq!(classify("/category/a/b"), PortalPage::Unknown);
        assert_eq!(classify("/nothing-here"), PortalPage::Unknown);
    }

    #[test]
    fn asset_paths_are_told_from_page_paths() {
        assert!(looks_like_a_file("/portal-abc123.js"));
        assert!(!looks_like_a_file("/article/7"));
        assert!(!looks_like_a_file("/category/xinzhou"));
    }
}
