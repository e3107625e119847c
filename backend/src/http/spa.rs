//! Hosts the wasm portal built by trunk: files from its `dist/` folder, and `index.html` for
//! every other page path so that `/article/7` survives a reload (the client routes it).
//! Paths that look like files (`/missing.js`) get a real 404, not the page.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::{dev::HttpServiceFactory, http::header, web, HttpResponse};

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

async fn page_or_404(request: &actix_web::HttpRequest, index: Option<PathBuf>) -> HttpResponse {
    if looks_like_a_file(request.path()) {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    }
    match index.map(NamedFile::open_async) {
        Some(opening) => match opening.await {
            Ok(file) => {
                let mut response = file.into_response(request);
                response.headers_mut().insert(
                    header::CACHE_CONTROL,
                    header::HeaderValue::from_static("no-cache"),
                );
                response
            }
            Err(_) => placeholder(),
        },
        None => placeholder(),
    }
}

fn placeholder() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(PLACEHOLDER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_paths_are_told_from_page_paths() {
        assert!(looks_like_a_file("/portal-abc123.js"));
        assert!(!looks_like_a_file("/article/7"));
        assert!(!looks_like_a_file("/category/xinzhou"));
    }
}
