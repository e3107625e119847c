//! The built portal's own files (`style-<hash>.css`, `portal-frontend-<hash>.js`,
//! `…_bg.wasm`): named by their content, so a browser may keep them for a year, and sent as the
//! brotli or gzip copy `just build-frontend` compressed at its best level beside each one
//! (`.br`, `.gz`) when the browser accepts it: the wasm crosses the network about a fifth smaller
//! than the server's on-the-fly gzip makes it, and no request pays for compressing it.
//!
//! They are read into memory once, at start (a few megabytes): a file opened and read on the
//! blocking pool for every request made the 26 KB stylesheet cost as much as a rendered page.
//! A file the build wrote after the start is still sent from the folder.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
};

use actix_files::NamedFile;
use actix_web::{
    dev::HttpServiceFactory,
    http::header::{self, ContentEncoding, HeaderValue},
    web, HttpRequest, HttpResponse,
};
use bytes::Bytes;

/// What a content-named file's address looks like (the xtask writes a 16-digit hash).
const CONTENT_NAMED: &str = r"{file:[a-z-]+-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)}";

/// A built file is never larger than this (the portal's wasm is under one megabyte); anything
/// larger in the folder is left on disk.
const LARGEST_KEPT: u64 = 16 * 1024 * 1024;

const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");

/// The content-named files of the built portal, as read at start.
#[derive(Default)]
pub struct BuiltFiles(HashMap<String, BuiltFile>);

struct BuiltFile {
    content_type: HeaderValue,
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

impl BuiltFiles {
    /// Reads every content-named file of `static_dir` with its compressed copies (none when the
    /// portal is not built).
    pub fn load(static_dir: &Path) -> Self {
        let Ok(entries) = std::fs::read_dir(static_dir) else {
            return Self::default();
        };
        let read = |path: &Path| {
            let small = std::fs::metadata(path)
                .is_ok_and(|meta| meta.is_file() && meta.len() <= LARGEST_KEPT);
            small
                .then(|| std::fs::read(path).ok().map(Bytes::from))
                .flatten()
        };
        let mut files = HashMap::new();
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if !is_content_named(&name) {
                continue;
            }
            let path = entry.path();
            let Some(plain) = read(&path) else {
                continue;
            };
            let content_type = HeaderValue::from_str(content_type(&path).as_ref())
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            let file = BuiltFile {
                content_type,
                plain,
                brotli: read(&with_suffix(&path, "br")),
                gzip: read(&with_suffix(&path, "gzip")),
            };
            files.insert(name, file);
        }
        Self(files)
    }
}

/// Whether `name` is a file name the build gives by content (`style-0123456789abcdef.css`).
fn is_content_named(name: &str) -> bool {
    let Some(stem) = [".css", ".js", "_bg.wasm"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
    else {
        return false;
    };
    let Some((base, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !base.is_empty()
        && base.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn content_type(path: &Path) -> mime::Mime {
    actix_files::file_extension_to_mime(
        path.extension()
            .and_then(|extension| extension.to_str())
            .unwrap_or_default(),
    )
}

pub fn service(static_dir: &Path, built: web::Data<BuiltFiles>) -> impl HttpServiceFactory {
    let static_dir = web::Data::new(static_dir.to_path_buf());
    web::resource(format!("/{CONTENT_NAMED}"))
        .app_data(static_dir)
        .app_data(built)
        .route(web::get().to(handle))
        .route(web::head().to(handle))
}

async fn handle(
    request: HttpRequest,
    static_dir: web::Data<PathBuf>,
    built: web::Data<BuiltFiles>,
    file: web::Path<String>,
) -> HttpResponse {
    match built.0.get(file.as_str()) {
        Some(kept) => send_kept(&request, &file, kept),
        None => send_from_disk(&request, &static_dir, &file).await,
    }
}

fn accepted_encoding(request: &HttpRequest) -> &str {
    request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

fn send_kept(request: &HttpRequest, name: &str, file: &BuiltFile) -> HttpResponse {
    let accepted = accepted_encoding(request);
    let (body, encoding) = [
        ("br", file.brotli.as_ref(), ContentEncoding::Brotli),
        ("gzip", file.gzip.as_ref(), ContentEncoding::Gzip),
    ]
    .into_iter()
    .find_map(|(coding, body, encoding)| {
        body.filter(|_| accepts(accepted, coding))
            .map(|body| (body, Some(encoding)))
    })
    .unwrap_or((&file.plain, None));
    // The name is the content's hash; each coding of it is a representation of its own. The
    // plain file's tag is weak: the server may still compress it on the way (for a browser
    // that takes neither brotli nor the `.gz` copy), and those bytes are not the file's.
    let etag = match encoding {
        Some(ContentEncoding::Brotli) => format!("\"{name}.br\""),
        Some(_) => format!("\"{name}.gz\""),
        None => format!("W/\"{name}\""),
    };
    // If-None-Match compares weakly (RFC 9110, 13.1.2).
    let opaque = etag.trim_start_matches("W/");
    let unchanged = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|wanted| {
            wanted
                .split(',')
                .map(|tag| tag.trim().trim_start_matches("W/"))
                .any(|tag| tag == "*" || tag == opaque)
        });
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::CACHE_CONTROL, IMMUTABLE))
        .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")))
        .insert_header((header::ETAG, etag));
    if unchanged {
        return response.finish();
    }
    response.insert_header((header::CONTENT_TYPE, file.content_type.clone()));
    if let Some(encoding) = encoding {
        response.insert_header((header::CONTENT_ENCODING, encoding.to_header_value()));
    }
    response.body(body.clone())
}

async fn send_from_disk(request: &HttpRequest, static_dir: &Path, file: &str) -> HttpResponse {
    let plain = static_dir.join(file);
    let accepted = accepted_encoding(request);
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
        .set_content_type(content_type(&plain))
        .disable_content_disposition()
        .into_response(request);
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, IMMUTABLE);
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
    use super::{accepts, is_content_named};

    #[test]
    fn content_named_files_are_told_from_others() {
        assert!(is_content_named("style-d454c9c6e1202c63.css"));
        assert!(is_content_named("portal-frontend-deaf4b2b6c313985_bg.wasm"));
        assert!(is_content_named("portal-console-7cc6437005bd8c56.js"));
        assert!(!is_content_named("index.html"));
        assert!(!is_content_named("style-d454c9c6e1202c63.css.br"));
        assert!(!is_content_named("style-D454C9C6E1202C63.css"));
        assert!(!is_content_named("style-d454c9.css"));
        assert!(!is_content_named("-d454c9c6e1202c63.css"));
        assert!(!is_content_named("../x-d454c9c6e1202c63.css"));
    }

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
