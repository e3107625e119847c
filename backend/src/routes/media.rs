//! `/api/v1/media`: the media library (editors upload, list and delete images and
//! attachments), and `/media/…`, where readers get the files.

use std::sync::LazyLock;

use actix_files::NamedFile;
use actix_web::{
    delete, get,
    http::header::{self, ContentDisposition, DispositionParam, DispositionType, ExtendedValue},
    post, web, HttpRequest, HttpResponse,
};
use futures_util::StreamExt as _;
use portal_api::{Media, MediaList, MediaQuery, API_BASE, MEDIA_ALT_FIELD, MEDIA_FILE_FIELD};
use sha2::{Digest, Sha256};
use tokio::{io::AsyncWriteExt as _, sync::Semaphore};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::Editor,
    error::{ApiError, ApiResult},
    routes::responses::{
        BadRequest, Conflict, Forbidden, NotFound, ServerError, Unauthorized, Unprocessable,
        UnsupportedUpload, UploadTooLarge,
    },
    services::media::{self, Received},
    state::AppState,
    storage::{self, MediaStore},
};

/// Room for the form's own lines (boundaries, headers, the alt text) around the file.
const FORM_OVERHEAD_BYTES: u64 = 64 * 1024;
/// The longest alt field read, in bytes (the rule itself is in characters).
const ALT_FIELD_MAX_BYTES: usize = 4096;
/// Images decoded at once: each may take hundreds of megabytes while it is cleaned.
static IMAGE_WORK: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(2));
/// Files never change under their URL (it names their hash).
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(upload_media)
        .service(list_media)
        .service(get_media)
        .service(delete_media);
}

/// The files themselves, for GET and HEAD (with `Range`, `ETag` and `Last-Modified`).
pub fn configure_files(config: &mut web::ServiceConfig) {
    config.service(
        web::resource("/media/{name}")
            .route(web::get().to(serve_variant))
            .route(web::head().to(serve_variant)),
    );
    config.service(
        web::resource("/media/{sha256}/{file_name}")
            .route(web::get().to(serve_file))
            .route(web::head().to(serve_file)),
    );
}

/// The upload form, as the OpenAPI document describes it (no other fields: the handler refuses
/// them, and `deny_unknown_fields` says so in the schema).
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct MediaUpload {
    /// The file. Its type is decided by its bytes: JPEG, PNG, WebP or GIF images; PDF, Word,
    /// Excel, PowerPoint, ZIP or UTF-8 text attachments.
    /// An empty file is refused (422).
    #[schema(value_type = String, format = Binary, min_length = 1)]
    file: Vec<u8>,
    /// What the image shows, one line of at most 300 characters.
    #[schema(max_length = 300, example = "示例：普法宣传活动现场")]
    alt: Option<String>,
}

fn too_large(limit: u64) -> ApiError {
    ApiError::PayloadTooLarge(format!(
        "the file is larger than the limit of {limit} bytes (PORTAL_MEDIA_MAX_BYTES)"
    ))
}

fn form_error(error: actix_multipart::MultipartError) -> ApiError {
    use actix_multipart::MultipartError as Error;
    match error {
        Error::ContentTypeMissing | Error::ContentTypeParse | Error::ContentTypeIncompatible => {
            ApiError::UnsupportedMediaType(
                "send the file as `multipart/form-data` with a `file` field".into(),
            )
        }
        other => ApiError::BadRequest(format!("the form could not be read: {other}")),
    }
}

/// Streams the `file` field into the store's incoming folder, hashing as it goes; past
/// `limit` bytes it stops reading and answers 413 (what was received is removed).
async fn receive(
    store: &MediaStore,
    field: &mut actix_multipart::Field,
    limit: u64,
    file_name: String,
) -> ApiResult<Received> {
    let internal = |error: std::io::Error| ApiError::Internal(error.into());
    let (incoming, file) = store.incoming().map_err(internal)?;
    let mut file = tokio::fs::File::from_std(file);
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(form_error)?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(too_large(limit));
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(internal)?;
    }
    file.flush().await.map_err(internal)?;
    if size == 0 {
        return Err(ApiError::invalid(MEDIA_FILE_FIELD, "the file is empty"));
    }
    Ok(Received {
        incoming,
        size,
        sha256: storage::hex(&hasher.finalize()),
        file_name,
    })
}

async fn read_text(field: &mut actix_multipart::Field, name: &str) -> ApiResult<String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(form_error)?;
        if bytes.len() + chunk.len() > ALT_FIELD_MAX_BYTES {
            return Err(ApiError::invalid(name, "is too long"));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| ApiError::invalid(name, "must be UTF-8 text"))
}

/// Upload an image or attachment
///
/// For editors and admins. A `multipart/form-data` form with the `file` and, for images, its
/// `alt` text. The type is decided by the bytes, never by the name: JPEG, PNG, WebP and GIF
/// images; PDF, Word, Excel, PowerPoint (old and new formats), ZIP and UTF-8 text attachments.
/// Images are decoded and written again (EXIF and GPS data are dropped, the picture turned
/// upright) and get smaller sizes 480, 960 and 1600 pixels wide where narrower than the image,
/// each in its own format, plus WebP where that is smaller. The file is served under
/// `/media/{sha256}/{file name}` with a year-long `Cache-Control`, an `ETag` and `Range`
/// support; attachments as downloads under their original names.
#[utoipa::path(
    tag = "media",
    request_body(content = MediaUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored.", body = Media,
            headers(("Location" = String, description = "The new record's URL."))),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 413, response = UploadTooLarge),
        (status = 415, response = UnsupportedUpload),
        (status = 422, response = Unprocessable),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/media")]
async fn upload_media(
    request: HttpRequest,
    state: web::Data<AppState>,
    editor: Editor,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let limit = state.media_max_bytes;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit.saturating_add(FORM_OVERHEAD_BYTES)) {
        return Err(too_large(limit));
    }
    let mut form = actix_multipart::Multipart::new(request.headers(), payload);
    let (mut received, mut alt) = (None, None);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(form_error)?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            MEDIA_FILE_FIELD if received.is_none() => {
                let file_name = field
                    .content_disposition()
                    .and_then(|disposition| disposition.get_filename())
                    .map(media::clean_file_name)
                    .unwrap_or_else(|| "file".into());
                received = Some(receive(&state.media, &mut field, limit, file_name).await?);
            }
            MEDIA_ALT_FIELD if alt.is_none() => alt = Some(read_text(&mut field, &name).await?),
            MEDIA_FILE_FIELD | MEDIA_ALT_FIELD => {
                return Err(ApiError::invalid(&name, "is given more than once"))
            }
            _ => {
                return Err(ApiError::invalid(
                    &name,
                    "is not a field of the form (`file` and `alt` are)",
                ))
            }
        }
    }
    let Some(received) = received else {
        return Err(ApiError::invalid(MEDIA_FILE_FIELD, "is missing"));
    };
    let alt = media::parse_alt(alt.as_deref().unwrap_or_default())?;
    let _turn = IMAGE_WORK
        .acquire()
        .await
        .map_err(|error| ApiError::Internal(error.into()))?;
    let store = state.media.clone();
    let stored = web::block(move || media::store(&store, received))
        .await
        .map_err(|error| ApiError::Internal(anyhow::anyhow!("{error}")))??;
    let created = media::create(&state.db, stored, alt, Some(editor.0.id)).await?;
    Ok(super::created(
        format!("{API_BASE}/media/{}", created.id),
        &created,
    ))
}

/// The media library
///
/// For editors and admins: uploads, newest first, optionally only images or attachments, or
/// those whose file name or alt text contains `q`.
#[utoipa::path(
    tag = "media",
    params(MediaQuery),
    responses(
        (status = 200, description = "A page of the library.", body = MediaList,
            headers(("X-Total-Count" = u64, description = "Files in the whole list."),
                ("Link" = String, description = "RFC 8288 links to the first, last, previous and next pages."))),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/media")]
async fn list_media(
    request: HttpRequest,
    state: web::Data<AppState>,
    _editor: Editor,
    query: web::Query<MediaQuery>,
) -> ApiResult<HttpResponse> {
    let list = media::list(&state.db, query.into_inner()).await?;
    Ok(super::paged(&request, &list.page, &list))
}

/// One file of the library
///
/// For editors and admins.
#[utoipa::path(
    tag = "media",
    params(("id" = i32, Path, description = "The file's id.")),
    responses(
        (status = 200, description = "The file's record.", body = Media),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/media/{id}")]
async fn get_media(
    state: web::Data<AppState>,
    _editor: Editor,
    id: web::Path<i32>,
) -> ApiResult<web::Json<Media>> {
    Ok(web::Json(media::get(&state.db, id.into_inner()).await?))
}

/// Delete a file from the library
///
/// For editors and admins. Refused (409, `in_use`, naming the articles) while an article's
/// text still shows or links the file; the stored file goes when its last record does.
#[utoipa::path(
    tag = "media",
    params(("id" = i32, Path, description = "The file's id.")),
    responses(
        (status = 204, description = "Deleted."),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[delete("/media/{id}")]
async fn delete_media(
    state: web::Data<AppState>,
    _editor: Editor,
    id: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    media::delete(&state.db, &state.media, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An uploaded file under the name it was uploaded with: images shown, attachments
/// downloaded under that name.
async fn serve_file(
    request: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (sha256, file_name) = path.into_inner();
    if sha256.len() != 64 || !MediaStore::name_is_valid(&sha256) {
        return Err(ApiError::not_found("file"));
    }
    let Some(record) = media::by_hash(&state.db, &sha256).await? else {
        return Err(ApiError::not_found("file"));
    };
    let content_type: mime::Mime = record
        .content_type
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    let disposition = if record.kind == "image" {
        DispositionType::Inline
    } else {
        DispositionType::Attachment
    };
    let disposition = ContentDisposition {
        disposition,
        parameters: vec![DispositionParam::FilenameExt(ExtendedValue {
            charset: header::Charset::Ext("UTF-8".into()),
            language_tag: None,
            value: media::clean_file_name(&file_name).into_bytes(),
        })],
    };
    send(
        &request,
        &state.media,
        &sha256,
        content_type,
        Some(disposition),
    )
    .await
}

/// An image's smaller size.
async fn serve_variant(
    request: HttpRequest,
    state: web::Data<AppState>,
    name: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let name = name.into_inner();
    let content_type = match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("jpg") => mime::IMAGE_JPEG,
        Some("png") => mime::IMAGE_PNG,
        Some("webp") => "image/webp"
            .parse()
            .unwrap_or(mime::APPLICATION_OCTET_STREAM),
        _ => return Err(ApiError::not_found("file")),
    };
    if name.len() <= 64 || !MediaStore::name_is_valid(&name) {
        return Err(ApiError::not_found("file"));
    }
    send(&request, &state.media, &name, content_type, None).await
}

/// A stored file with `ETag`, `Last-Modified`, conditional requests and one byte range, from
/// disk or from the bucket.
async fn send(
    request: &HttpRequest,
    store: &MediaStore,
    name: &str,
    content_type: mime::Mime,
    disposition: Option<ContentDisposition>,
) -> ApiResult<HttpResponse> {
    let Some(path) = store.local_path(name) else {
        return send_from_bucket(request, store, name, content_type, disposition).await;
    };
    let file = NamedFile::open_async(path)
        .await
        .map_err(|_| ApiError::not_found("file"))?
        .set_content_type(content_type);
    let file = match disposition {
        Some(disposition) => file.set_content_disposition(disposition),
        None => file.disable_content_disposition(),
    };
    Ok(immutable(file.into_response(request)))
}

/// What `NamedFile` does for a file on disk, for a file in the bucket. The `ETag` is the
/// file's name: it names the bytes, which never change under it.
async fn send_from_bucket(
    request: &HttpRequest,
    store: &MediaStore,
    name: &str,
    content_type: mime::Mime,
    disposition: Option<ContentDisposition>,
) -> ApiResult<HttpResponse> {
    use actix_web::http::header::{EntityTag, Header as _, HttpDate};

    let tag = EntityTag::new_strong(name.to_owned());
    let not_modified_by_tag = match header::IfNoneMatch::parse(request) {
        Ok(header::IfNoneMatch::Any) => Some(true),
        Ok(header::IfNoneMatch::Items(tags)) => Some(tags.iter().any(|item| item.weak_eq(&tag))),
        Err(_) => None,
    };
    if not_modified_by_tag == Some(true) {
        return Ok(immutable(
            HttpResponse::NotModified()
                .insert_header(header::ETag(tag))
                .finish(),
        ));
    }
    let stat = match store.stat(name).await {
        Ok(stat) => stat,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(ApiError::not_found("file"))
        }
        Err(error) => return Err(ApiError::Internal(error.into())),
    };
    let modified = std::time::SystemTime::from(stat.last_modified);
    let whole_seconds = |time: std::time::SystemTime| {
        time.duration_since(std::time::UNIX_EPOCH)
            .map(|age| age.as_secs())
            .unwrap_or_default()
    };
    if not_modified_by_tag.is_none() {
        if let Ok(header::IfModifiedSince(since)) = header::IfModifiedSince::parse(request) {
            if whole_seconds(modified) <= whole_seconds(since.into()) {
                return Ok(immutable(
                    HttpResponse::NotModified()
                        .insert_header(header::ETag(tag))
                        .finish(),
                ));
            }
        }
    }
    let range_applies = match header::IfRange::parse(request) {
        Ok(header::IfRange::EntityTag(given)) => given.strong_eq(&tag),
        Ok(header::IfRange::Date(date)) => whole_seconds(modified) <= whole_seconds(date.into()),
        Err(_) => true,
    };
    let mut wanted = 0..stat.size;
    let mut partial = false;
    if range_applies {
        if let Ok(header::Range::Bytes(specs)) = header::Range::parse(request) {
            // One range is served as asked; several are served as the whole file, which
            // RFC 9110 allows.
            if let [spec] = specs.as_slice() {
                let Some((first, last)) = spec.to_satisfiable_range(stat.size) else {
                    return Ok(HttpResponse::RangeNotSatisfiable()
                        .insert_header((header::CONTENT_RANGE, format!("bytes */{}", stat.size)))
                        .finish());
                };
                wanted = first..last + 1;
                partial = true;
            }
        }
    }
    let mut response = if partial {
        HttpResponse::PartialContent()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header(header::ContentType(content_type))
        .insert_header(header::ETag(tag))
        .insert_header(header::LastModified(HttpDate::from(modified)))
        .insert_header((header::ACCEPT_RANGES, "bytes"));
    if partial {
        response.insert_header((
            header::CONTENT_RANGE,
            format!(
                "bytes {}-{}/{}",
                wanted.start,
                wanted.end.saturating_sub(1),
                stat.size
            ),
        ));
    }
    if let Some(disposition) = disposition {
        response.insert_header(disposition);
    }
    let length = wanted.end - wanted.start;
    let body: storage::ByteStream = if request.method() == actix_web::http::Method::HEAD {
        futures_util::stream::empty().boxed()
    } else {
        store
            .read(name, wanted)
            .await
            .map_err(|error| ApiError::Internal(error.into()))?
    };
    Ok(immutable(
        response.body(actix_web::body::SizedStream::new(length, body)),
    ))
}

fn immutable(mut response: HttpResponse) -> HttpResponse {
    if response.status().is_success() || response.status().as_u16() == 304 {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(IMMUTABLE),
        );
    }
    response
}
