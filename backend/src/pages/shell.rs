//! Hosts the wasm portal: files from its `dist/` folder, and `index.html` for every other page
//! path. Each public page gets the shell with a head of its own (title, description,
//! canonical link, Open Graph, JSON-LD: see [`super::head`]), its body rendered on the server
//! (see [`super::render`]) for the client to hydrate, and the status a crawler should see: 404
//! for an unknown route, article or category or a page number past the end (with the rendered
//! not-found page), 200 otherwise. The console's pages get the console's shell (its own
//! bundle) for the client to draw. Public pages are kept for the API's micro-cache second
//! (see [`crate::http::microcache`]), emptied by every write.
//! Paths that look like files (`/missing.js`) get a plain 404.

use std::{path::Path, rc::Rc};

use actix_files::Files;
use actix_web::{
    dev::HttpServiceFactory,
    http::{
        header::{self, HeaderValue},
        Method, StatusCode,
    },
    web, HttpRequest, HttpResponse,
};

use portal_api::{PageData, PageRoute, PAGE_DATA_ID};

use super::{
    counter, head,
    render::{self, PageReads, RenderedPage},
    SiteOrigin,
};
use crate::{http::microcache::MicroCache, services::legacy_links, state::AppState};

/// The shell as written, for a server whose portal was not built: pages are still rendered,
/// without the stylesheet and the client (the `data-trunk` links mean nothing to a browser).
const UNBUILT_SHELL: &str = include_str!("../../../frontend/index.html");

fn looks_like_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// The built pages that host the two apps: the portal's (which every public page is rendered
/// into) and the console's (whose bundle only the editors download).
struct Shells {
    portal: Shell,
    console: Shell,
}

/// The portal's files (the content-named ones as read at start: `built_files`) with the page
/// fallback.
pub fn service(
    static_dir: &Path,
    built_files: web::Data<super::assets::BuiltFiles>,
) -> impl HttpServiceFactory {
    let read = |name: &str| std::fs::read_to_string(static_dir.join(name)).ok();
    let (portal, console) = (read("index.html"), read("console.html"));
    let built = portal.is_some() && console.is_some();
    if !built {
        tracing::warn!(
            dir = %static_dir.display(),
            "the wasm portal is not built (`just build-frontend`): pages are served without styles or scripts"
        );
    }
    let shells = Rc::new(Shells {
        portal: Shell::new(portal.as_deref().filter(|_| built).unwrap_or(UNBUILT_SHELL)),
        console: Shell::new(
            console
                .as_deref()
                .filter(|_| built)
                .unwrap_or(UNBUILT_SHELL),
        ),
    });
    let files = if built {
        // The pages are answered below, each with its own head; never as files.
        Files::new("/", static_dir)
            .path_filter(|path, _| path.extension().is_none_or(|extension| extension != "html"))
    } else {
        // A folder that cannot hold the files: everything falls through to the pages.
        Files::new("/", std::env::temp_dir().join("portal-frontend-not-built"))
    };
    // `/` is a page with a head of its own, not `index.html` as built.
    let home_shells = Rc::clone(&shells);
    let home = web::resource("/").to(move |request: HttpRequest| {
        let shells = Rc::clone(&home_shells);
        async move { page_or_404(&request, &shells).await }
    });
    let files = files.default_handler(web::to(move |request: HttpRequest| {
        let shells = Rc::clone(&shells);
        async move { page_or_404(&request, &shells).await }
    }));
    (home, super::assets::service(static_dir, built_files), files)
}

/// `index.html` as built, split where each page's head goes (its own `<title>` and
/// description taken out) and where its rendered body goes (in place of the "loading" note
/// between `<!--page-->` and `<!--/page-->`).
struct Shell {
    before_head_end: String,
    /// From `</head>` to the page's place; everything when the shell has no place marked.
    head_end_to_page: String,
    /// What stands in the page's place as built: the note shown until the client has drawn a
    /// page the server did not render.
    unrendered: String,
    page_to_body_end: String,
    from_body_end: String,
    /// Whether the shell marks the page's place (a shell without one gets heads only).
    has_place: bool,
}

const PAGE_START: &str = "<!--page-->";
const PAGE_END: &str = "<!--/page-->";

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
        let mut rest = page.split_off(split);
        let before_head_end = page;
        let body_end = rest.rfind("</body>").unwrap_or(rest.len());
        let from_body_end = rest.split_off(body_end);
        let place = rest.find(PAGE_START).and_then(|start| {
            let end = rest[start..].find(PAGE_END)? + start;
            Some((start, end))
        });
        let Some((start, end)) = place else {
            return Self {
                before_head_end,
                head_end_to_page: rest,
                unrendered: String::new(),
                page_to_body_end: String::new(),
                from_body_end,
                has_place: false,
            };
        };
        let page_to_body_end = rest.split_off(end + PAGE_END.len());
        let unrendered = rest[start + PAGE_START.len()..end].to_owned();
        rest.truncate(start);
        Self {
            before_head_end,
            head_end_to_page: rest,
            unrendered,
            page_to_body_end,
            from_body_end,
            has_place: true,
        }
    }

    /// The shell with `head` at the end of `<head>`, and the page's rendered body with its data
    /// when there is one (the "loading" note otherwise); `trailer` goes at the end of the body,
    /// outside the app.
    fn with(&self, head: &str, rendered: Option<&RenderedPage>, trailer: &str) -> String {
        let (body, data) = match rendered {
            Some(rendered) => (rendered.html.as_str(), rendered.data.as_str()),
            None => (self.unrendered.as_str(), ""),
        };
        let mut page = String::with_capacity(
            self.before_head_end.len()
                + head.len()
                + self.head_end_to_page.len()
                + body.len()
                + self.page_to_body_end.len()
                + data.len()
                + trailer.len()
                + self.from_body_end.len()
                + 64,
        );
        page.push_str(&self.before_head_end);
        page.push_str(head);
        page.push_str(&self.head_end_to_page);
        page.push_str(body);
        page.push_str(&self.page_to_body_end);
        if rendered.is_some() {
            page.push_str("<script type=\"application/json\" id=\"");
            page.push_str(PAGE_DATA_ID);
            page.push_str("\">");
            page.push_str(data);
            page.push_str("</script>\n");
        }
        page.push_str(trailer);
        page.push_str(&self.from_body_end);
        page
    }
}

/// Whether the address may be an old site's, to look up among the imported ones: not one of the
/// portal's own pages (the home page only with an item parameter such as `?p=12`).
fn may_be_legacy(request: &HttpRequest) -> bool {
    if !matches!(
        *request.method(),
        actix_web::http::Method::GET | actix_web::http::Method::HEAD
    ) {
        return false;
    }
    match PageRoute::recognize(request.path()) {
        PageRoute::Home => legacy_links::names_an_item(request.query_string()),
        PageRoute::NotFound => true,
        // WordPress's category addresses with a Chinese slug.
        PageRoute::Category { slug } => slug.contains('%'),
        PageRoute::Search | PageRoute::Console | PageRoute::Article { .. } => false,
    }
}

async fn legacy_redirect(request: &HttpRequest) -> Option<HttpResponse> {
    let state = request.app_data::<web::Data<AppState>>()?;
    if !may_be_legacy(request) {
        return None;
    }
    match legacy_links::target(&state.db, request.path(), request.query_string()).await {
        Ok(Some(target)) => Some(
            HttpResponse::MovedPermanently()
                .insert_header((header::LOCATION, target))
                .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
                .finish(),
        ),
        Ok(None) => None,
        // The page's own answer (a 404, or the home page) is still right without the lookup.
        Err(error) => {
            tracing::warn!(%error, "old addresses could not be looked up");
            None
        }
    }
}

async fn page_or_404(request: &HttpRequest, shells: &Shells) -> HttpResponse {
    if let Some(redirect) = legacy_redirect(request).await {
        return redirect;
    }
    if looks_like_a_file(request.path()) {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    }
    let route = PageRoute::recognize(request.path());
    let shell = match route {
        PageRoute::Console => &shells.console,
        _ => &shells.portal,
    };
    // A public page drawn from the same data within the micro-cache's second is sent as it
    // was drawn: its view count is then at most that second old.
    let cache = request.app_data::<web::Data<MicroCache>>();
    let origin = request
        .app_data::<web::Data<SiteOrigin>>()
        .map(|origin| origin.of(request));
    let cache_key = match (cache, &origin, &route, request.method()) {
        (Some(cache), Some(origin), route, &Method::GET | &Method::HEAD)
            if *route != PageRoute::Console =>
        {
            cache.page_key(origin, request.path(), request.query_string())
        }
        _ => None,
    };
    if let (Some(cache), Some(key)) = (cache, &cache_key) {
        if let Some(page) = cache.cached_page(key) {
            return page;
        }
    }
    let generation = cache.map(|cache| cache.generation());
    let (head, rendered, trailer) = match (
        request.app_data::<web::Data<AppState>>(),
        &origin,
        request.app_data::<web::Data<PageReads>>(),
    ) {
        (Some(state), Some(origin), Some(reads)) => {
            let mut answers = PageData::new();
            let head = head::for_request(state, request, origin, &mut answers).await;
            // The console is the editors' own app; a page whose head could not be read (the
            // database is down) is left to the client to explain.
            let rendered = match (&head, &route) {
                (None, _) | (_, PageRoute::Console) => None,
                (Some(_), _) if !shell.has_place => None,
                (Some(_), _) => {
                    Some(render::render(state, reads, &page_url(request), answers).await)
                }
            };
            let trailer = match (&head, route) {
                (Some(head), PageRoute::Article { id }) if head.status == StatusCode::OK => {
                    counter::noscript_image(id)
                }
                _ => String::new(),
            };
            (head, rendered, trailer)
        }
        _ => (None, None, String::new()),
    };
    let html = shell.with(
        &head
            .as_ref()
            .map(head::PageHead::to_html)
            .unwrap_or_default(),
        rendered.as_ref(),
        &trailer,
    );
    let status = head.as_ref().map_or(StatusCode::OK, |head| head.status);
    let headers = vec![
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    // Only a page drawn whole is kept: one whose data could not be read (no head, or an
    // answer the database failed) is not repeated.
    let whole = head.is_some() && rendered.as_ref().is_none_or(|rendered| rendered.complete);
    if let (Some(cache), Some(key), Some(generation), true) = (cache, cache_key, generation, whole)
    {
        cache.keep_page(key, generation, status, headers.clone(), html.clone());
    }
    let mut response = HttpResponse::build(status);
    for header in headers {
        response.insert_header(header);
    }
    response.body(html)
}

/// The request's path and query, as the app's router reads an address.
fn page_url(request: &HttpRequest) -> String {
    match request.query_string() {
        "" => request.path().to_owned(),
        query => format!("{}?{query}", request.path()),
    }
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
        let page = shell.with("<title>新</title>", None, "");
        assert_eq!(
            page,
            "<html><head>\n    <meta charset=\"utf-8\" />\n  <title>新</title></head><body></body></html>"
        );
    }

    #[test]
    fn a_rendered_page_takes_the_place_of_the_loading_note_and_brings_its_data() {
        let shell = Shell::new(
            "<html><head></head><body><div id=\"app\"><!--page--><p>正在加载…</p><!--/page--></div>\n</body></html>",
        );
        assert_eq!(
            shell.with("", None, ""),
            "<html><head></head><body><div id=\"app\"><p>正在加载…</p></div>\n</body></html>"
        );
        let rendered = RenderedPage {
            html: "<main>正文</main>".into(),
            data: "{}".into(),
            complete: true,
        };
        assert_eq!(
            shell.with("", Some(&rendered), ""),
            "<html><head></head><body><div id=\"app\"><main>正文</main></div>\n<script type=\"application/json\" id=\"page-data\">{}</script>\n</body></html>"
        );
    }
}
