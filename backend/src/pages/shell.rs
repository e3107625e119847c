//! Hosts the wasm portal: files from its `dist/` folder, and `index.html` for every other page
//! path so that `/article/7` survives a reload (the client routes it). Each page gets the
//! shell with a head of its own (title, description, canonical link, Open Graph, JSON-LD:
//! see [`super::head`]) and the status a crawler should see: 404 for an unknown
//! route, article or category or a page number past the end (the client then shows its
//! not-found page), 200 otherwise. Paths that look like files (`/missing.js`) get a plain 404.

use std::{path::Path, rc::Rc};

use actix_files::Files;
use actix_web::{dev::HttpServiceFactory, http::header, web, HttpRequest, HttpResponse};

use super::{head, SiteOrigin};
use crate::state::AppState;

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

/// The portal's files with the page fallback; a placeholder page when it was not built.
pub fn service(static_dir: &Path) -> impl HttpServiceFactory {
    let shell = std::fs::read_to_string(static_dir.join("index.html"))
        .ok()
        .map(|page| Rc::new(Shell::new(&page)));
    let files = if shell.is_some() {
        Files::new("/", static_dir)
    } else {
        // A folder that cannot hold the page: everything falls through to the placeholder.
        Files::new("/", std::env::temp_dir().join("portal-frontend-not-built"))
    };
    // `/` is a page with a head of its own, not `index.html` as built.
    let home_shell = shell.clone();
    let home = web::resource("/").to(move |request: HttpRequest| {
        let shell = home_shell.clone();
        async move { page_or_404(&request, shell.as_deref()).await }
    });
    let files = files.default_handler(web::to(move |request: HttpRequest| {
        let shell = shell.clone();
        async move { page_or_404(&request, shell.as_deref()).await }
    }));
    (home, files)
}

/// `index.html` as built, split where each page's head goes (its own `<title>` and
/// description taken out).
struct Shell {
    before_head_end: String,
    from_head_end: String,
}

impl Shell {
    fn new(page: &str) -> Self {
        let mut page = page.to_owned();
        for (open, close) in [("<title>", "</title>"), ("<meta name=\"description\"", ">")] {
            let Some(start) = page.find(open) else {
                continue;
            };
            let Some(length) = page[start..].find(close) else {
                continue;
            };
            let mut end = start + length + close.len();
            if page[end..].starts_with('\n') {
                end += 1;
            }
            let line_start = page[..start].trim_end_matches(' ').len();
            page.replace_range(line_start..end, "");
        }
        let split = page.find("</head>").unwrap_or(page.len());
        let from_head_end = page.split_off(split);
        Self {
            before_head_end: page,
            from_head_end,
        }
    }

    fn with_head(&self, head: &str) -> String {
        let mut page = String::with_capacity(
            self.before_head_end.len() + head.len() + self.from_head_end.len(),
        );
        page.push_str(&self.before_head_end);
        page.push_str(head);
        page.push_str(&self.from_head_end);
        page
    }
}

async fn page_or_404(request: &HttpRequest, shell: Option<&Shell>) -> HttpResponse {
    if looks_like_a_file(request.path()) {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    }
    let Some(shell) = shell else {
        return HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(PLACEHOLDER);
    };
    let head = match (
        request.app_data::<web::Data<AppState>>(),
        request.app_data::<web::Data<SiteOrigin>>(),
    ) {
        (Some(state), Some(origin)) => head::for_request(state, request, &origin.of(request)).await,
        _ => None,
    };
    let mut response = HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(
            shell.with_head(
                &head
                    .as_ref()
                    .map(head::PageHead::to_html)
                    .unwrap_or_default(),
            ),
        );
    if let Some(head) = &head {
        *response.status_mut() = head.status;
    }
    response
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

    #[test]
    fn the_shell_loses_its_own_title_and_description() {
        let shell = Shell::new(
            "<html><head>\n    <meta charset=\"utf-8\" />\n    <meta name=\"description\" content=\"x\" />\n    <title>普法网</title>\n  </head><body></body></html>",
        );
        let page = shell.with_head("<title>新</title>");
        assert_eq!(
            page,
            "<html><head>\n    <meta charset=\"utf-8\" />\n  <title>新</title></head><body></body></html>"
        );
    }
}
