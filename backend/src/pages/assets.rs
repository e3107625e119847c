//! The built portal's own files (`style-<hash>.css`, `portal-frontend-<hash>.js`,
//! `…_bg.wasm`): named by their content, so a browser may keep them for a year, and sent as the
//! brotli or gzip copy `just build-frontend` compressed at its best level beside each one
//! (`.br`, `.gz`) when the browser accepts it: the wasm crosses the network about a fifth smaller
//! than the server's on-the-fly gzip makes it, and no request pays for compressing it.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::{
    dev::HttpServiceFactory,
    http::header::{self, ContentEncoding, HeaderValue},
    web, HttpRequest, HttpResponse,
};

/// What a content-named file's address looks like (the xtask writes a 16-digit hash).
const CONTENT_NAMED: &str = r"{file:[a-z-]+-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)}";

pub fn service(static_dir: &Path) -> impl HttpServiceFactory {
    let static_dir = web::Data::new(static_dir.to_path_buf());
    web::resource(format!("/{CONTENT_NAMED}"))
        .app_data(static_dir)
        .route(web::get().to(handle))
        .route(web::head().to(handle))
}

async fn handle(
    request: HttpRequest,
    static_dir: web::Data<PathBuf>,
    file: web::Path<String>,
) -> HttpResponse {
    send(&request, &static_dir, &file).await
}

async fn send(request: &HttpRequest, static_dir: &Path, file: &str) -> HttpResponse {
    let plain = static_dir.join(file);
    let content_type = actix_files::file_extension_to_mime(
        plain
            .extension()
            .and_then(|extension| extension.to_str())
            .unwrap_or_default(),
    );
    let accepted = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let compressed = [
        ("br", ContentEncoding::Brotli),
        ("gzip", ContentEncoding::Gzip),
    ]
    .into_iter()
    .filter(|(name, _)| accepts(accepted, name))
    .map(|(name, encoding)| (with_suffix(&plain, name), encoding))
    .find(|(path, _)| path.is_file());
    let opened = match compressed {
        Some((path, encoding)) => NamedFile::open_async(path)
            .await
            .map(|file| file.set_content_encoding(encoding)),
        None => NamedFile::open_async(&plain).await,
    };
    let Ok(file) = opened else {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    };
    let mut response = file
        .set_content_type(content_type)
        .disable_content_disposition()
        .into_response(request);
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response
}

/// `file.wasm.br` for `file.wasm` and `br`.
fn with_suffix(path: &Path, encoding: &str) -> PathBuf {
    let suffix = if encoding == "br" { "br" } else { "gz" };
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether an `Accept-Encoding` value accepts `coding` (named, or `*`, with a q above zero).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut pieces = part.split(';');
        let name = pieces.next().unwrap_or_default().trim();
        let refused = pieces.any(|parameter| {
            parameter
                .trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::accepts;

    #[test]
    fn accepted_codings_are_read_with_their_weights() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(accepts("GZIP", "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("br;q=0.5", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("", "gzip"));
    }
}
