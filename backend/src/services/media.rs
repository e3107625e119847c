//! The media library's rules: what an upload may be (decided by its bytes), how images are
//! cleaned (re-encoded, which drops EXIF and GPS data, turned upright) and offered in smaller
//! sizes, and when a file may go (not while an article still shows it).

use std::io::{Cursor, Read};

use image::{
    codecs::jpeg::JpegEncoder, imageops::FilterType, DynamicImage, ImageDecoder, ImageFormat,
    ImageReader, Limits,
};
use portal_api::{
    Attachment, ErrorCode, Media, MediaKind, MediaList, MediaQuery, MediaVariant, PageInfo,
    ARTICLE_ATTACHMENTS_MAX, MEDIA_ALT_MAX_CHARS, MEDIA_FILE_NAME_MAX_CHARS, MEDIA_IMAGE_MAX_SIDE,
    MEDIA_IMAGE_WIDTHS, MEDIA_PATH, MEDIA_QUERY_MAX_CHARS,
};
use sea_orm::{
    sea_query::{LikeExpr, Query},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::{
    db::entities::{article, article_attachment, media},
    domain::Pagination,
    error::{ApiError, ApiResult},
    storage::{self, Incoming, MediaStore},
};

/// JPEG re-encoding quality: indistinguishable from the original on screen, about a third of a
/// camera's file.
const JPEG_QUALITY: u8 = 85;
/// The most memory one image's decoding may take.
const DECODE_MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// The attachment types accepted, as the bytes tell them.
const ATTACHMENT_TYPES: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/zip",
];
const TEXT_TYPE: &str = "text/plain; charset=utf-8";

/// What the upload is, once its bytes have been looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Image(ImageFormat),
    Attachment(&'static str),
}

/// A received file: where it is, its size and the hash of its bytes as received.
pub struct Received {
    pub incoming: Incoming,
    pub size: u64,
    pub sha256: String,
    pub file_name: String,
}

/// A file in the store, ready to be recorded.
pub struct Stored {
    kind: MediaKind,
    sha256: String,
    file_name: String,
    content_type: String,
    size: u64,
    dimensions: Option<(u32, u32)>,
    variants: Vec<MediaVariant>,
}

/// A file name as it may be shown and sent back: its last path part, without control
/// characters, at most [`MEDIA_FILE_NAME_MAX_CHARS`] (the extension kept), `file` when nothing
/// is left.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return "file".to_owned();
    }
    if cleaned.chars().count() <= MEDIA_FILE_NAME_MAX_CHARS {
        return cleaned.to_owned();
    }
    let extension = cleaned
        .rsplit_once('.')
        .map(|(_, extension)| extension)
        .filter(|extension| extension.chars().count() <= 10)
        .unwrap_or_default();
    let keep = MEDIA_FILE_NAME_MAX_CHARS - extension.chars().count() - 1;
    let stem: String = cleaned.chars().take(keep).collect();
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

/// The alt text as kept: trimmed, one line, at most [`MEDIA_ALT_MAX_CHARS`].
pub fn parse_alt(alt: &str) -> ApiResult<String> {
    let alt = alt.trim();
    if alt.chars().any(char::is_control) {
        return Err(ApiError::invalid(
            "alt",
            "must be one line of text without control characters",
        ));
    }
    if alt.chars().count() > MEDIA_ALT_MAX_CHARS {
        return Err(ApiError::invalid(
            "alt",
            format!("must be at most {MEDIA_ALT_MAX_CHARS} characters"),
        ));
    }
    Ok(alt.to_owned())
}

fn sniff(head: &[u8], whole: &dyn Fn() -> std::io::Result<Vec<u8>>) -> ApiResult<Sniffed> {
    let accepted =
        "images: JPEG, PNG, WebP, GIF; attachments: PDF, Word, Excel, PowerPoint, ZIP, UTF-8 text";
    match infer::get(head).map(|kind| kind.mime_type()) {
        Some("image/jpeg") => Ok(Sniffed::Image(ImageFormat::Jpeg)),
        Some("image/png") => Ok(Sniffed::Image(ImageFormat::Png)),
        Some("image/webp") => Ok(Sniffed::Image(ImageFormat::WebP)),
        Some("image/gif") => Ok(Sniffed::Image(ImageFormat::Gif)),
        Some(mime) => ATTACHMENT_TYPES
            .iter()
            .find(|accepted| **accepted == mime)
            .map(|mime| Sniffed::Attachment(mime))
            .ok_or_else(|| {
                ApiError::UnsupportedMediaType(format!(
                    "the file is {mime}, which is not accepted ({accepted})"
                ))
            }),
        None => {
            let bytes = whole().map_err(|error| ApiError::Internal(error.into()))?;
            let text = std::str::from_utf8(&bytes).ok().filter(|text| {
                !text.is_empty()
                    && !text
                        .chars()
                        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            });
            match text {
                Some(_) => Ok(Sniffed::Attachment(TEXT_TYPE)),
                None => Err(ApiError::UnsupportedMediaType(format!(
                    "the file's type could not be recognised from its contents ({accepted})"
                ))),
            }
        }
    }
}

fn broken_image(detail: impl std::fmt::Display) -> ApiError {
    ApiError::invalid("file", format!("the image cannot be read: {detail}"))
}

fn content_type(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Png => "image/png",
        ImageFormat::WebP => "image/webp",
        _ => "image/gif",
    }
}

fn extension(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::WebP => "webp",
        _ => "png",
    }
}

/// `image` encoded as `format` (JPEG without alpha; WebP lossless, the only WebP the `image`
/// crate writes).
fn encode(image: &DynamicImage, format: ImageFormat) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match format {
        ImageFormat::Jpeg => {
            let rgb = image.to_rgb8();
            JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY).encode_image(&rgb)?;
        }
        ImageFormat::WebP => {
            let image = if image.color().has_alpha() {
                DynamicImage::ImageRgba8(image.to_rgba8())
            } else {
                DynamicImage::ImageRgb8(image.to_rgb8())
            };
            image.write_to(&mut Cursor::new(&mut bytes), ImageFormat::WebP)?;
        }
        _ => image.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)?,
    }
    Ok(bytes)
}

/// Decodes an image within bounds, upright as its EXIF orientation says.
fn decode(bytes: &[u8], format: ImageFormat) -> ApiResult<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MEDIA_IMAGE_MAX_SIDE);
    limits.max_image_height = Some(MEDIA_IMAGE_MAX_SIDE);
    limits.max_alloc = Some(DECODE_MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(broken_image)?;
    let orientation = decoder.orientation().map_err(broken_image)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(broken_image)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Looks at a received file and puts it (cleaned, with its smaller sizes) into the store.
/// Blocking: run it off the server's threads.
pub fn store(store: &MediaStore, received: Received) -> ApiResult<Stored> {
    let internal = |error: std::io::Error| ApiError::Internal(error.into());
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(received.incoming.path())
        .and_then(|file| file.take(8192).read_to_end(&mut head))
        .map_err(internal)?;
    let path = received.incoming.path().to_owned();
    let sniffed = sniff(&head, &|| std::fs::read(&path))?;
    let format = match sniffed {
        Sniffed::Attachment(content_type) => {
            store
                .keep(received.incoming, &received.sha256)
                .map_err(internal)?;
            return Ok(Stored {
                kind: MediaKind::Attachment,
                sha256: received.sha256,
                file_name: received.file_name,
                content_type: content_type.to_owned(),
                size: received.size,
                dimensions: None,
                variants: Vec::new(),
            });
        }
        Sniffed::Image(format) => format,
    };
    let original = std::fs::read(received.incoming.path()).map_err(internal)?;
    let image = decode(&original, format)?;
    // A GIF carries no EXIF or GPS data, and re-encoding would stop an animated one.
    let cleaned = if format == ImageFormat::Gif {
        original
    } else {
        encode(&image, format).map_err(ApiError::Internal)?
    };
    let sha256 = storage::sha256_hex(&cleaned);
    let (width, height) = (image.width(), image.height());
    let mut variants = Vec::new();
    for target in MEDIA_IMAGE_WIDTHS
        .into_iter()
        .filter(|target| *target < width)
    {
        let target_height = (u64::from(height) * u64::from(target) / u64::from(width)).max(1);
        let target_height = u32::try_from(target_height).unwrap_or(1);
        let smaller = image.resize_exact(target, target_height, FilterType::Lanczos3);
        let own_format = if format == ImageFormat::Gif {
            ImageFormat::Png
        } else {
            format
        };
        let mut encoded = vec![(
            own_format,
            encode(&smaller, own_format).map_err(ApiError::Internal)?,
        )];
        if own_format != ImageFormat::WebP {
            // WebP only where it is smaller: lossless WebP beats PNG, rarely a photo's JPEG.
            let webp = encode(&smaller, ImageFormat::WebP).map_err(ApiError::Internal)?;
            if webp.len() < encoded[0].1.len() {
                encoded.push((ImageFormat::WebP, webp));
            }
        }
        for (variant_format, bytes) in encoded {
            let name = format!("{sha256}-{target}w.{}", extension(variant_format));
            store.put(&name, &bytes).map_err(internal)?;
            variants.push(MediaVariant {
                width: target,
                height: target_height,
                content_type: content_type(variant_format).to_owned(),
                url: format!("{MEDIA_PATH}/{name}"),
                size: bytes.len() as u64,
            });
        }
    }
    store.put(&sha256, &cleaned).map_err(internal)?;
    Ok(Stored {
        kind: MediaKind::Image,
        sha256,
        file_name: received.file_name,
        content_type: content_type(format).to_owned(),
        size: cleaned.len() as u64,
        dimensions: Some((width, height)),
        variants,
    })
}

/// The URL a file is served at: its hash, then its name (so a download keeps it).
pub fn file_url(sha256: &str, file_name: &str) -> String {
    let name: String = percent_encoding::utf8_percent_encode(file_name, PATH_SEGMENT).collect();
    format!("{MEDIA_PATH}/{sha256}/{name}")
}

const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn kind_name(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Image => "image",
        MediaKind::Attachment => "attachment",
    }
}

fn to_dto(model: media::Model) -> Media {
    let kind = if model.kind == "image" {
        MediaKind::Image
    } else {
        MediaKind::Attachment
    };
    Media {
        id: model.id,
        kind,
        url: file_url(&model.sha256, &model.file_name),
        file_name: model.file_name,
        content_type: model.content_type,
        size: u64::try_from(model.size).unwrap_or_default(),
        width: model.width.and_then(|width| u32::try_from(width).ok()),
        height: model.height.and_then(|height| u32::try_from(height).ok()),
        alt: model.alt,
        variants: serde_json::from_str(&model.variants).unwrap_or_default(),
        sha256: model.sha256,
        created_at: model.created_at,
    }
}

/// Checks the list of files an article is to show under its text: at most
/// [`ARTICLE_ATTACHMENTS_MAX`], each once, each in the library.
pub async fn check_attachments(db: &impl ConnectionTrait, ids: &[i32]) -> ApiResult<()> {
    if ids.len() > ARTICLE_ATTACHMENTS_MAX {
        return Err(ApiError::invalid(
            "attachments",
            format!("an article lists at most {ARTICLE_ATTACHMENTS_MAX} attachments"),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = ids.iter().find(|id| !seen.insert(**id)) {
        return Err(ApiError::invalid(
            "attachments",
            format!("media file {twice} is listed twice"),
        ));
    }
    if ids.is_empty() {
        return Ok(());
    }
    let found: Vec<i32> = media::Entity::find()
        .select_only()
        .column(media::Column::Id)
        .filter(media::Column::Id.is_in(ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    match ids.iter().find(|id| !found.contains(id)) {
        Some(missing) => Err(ApiError::unknown_reference(
            "attachments",
            format!("there is no media file {missing}"),
        )),
        None => Ok(()),
    }
}

/// Makes `ids` (checked by [`check_attachments`]) the article's attachment list, in order.
pub async fn replace_attachments(
    txn: &impl ConnectionTrait,
    article_id: i32,
    ids: &[i32],
) -> Result<(), sea_orm::DbErr> {
    article_attachment::Entity::delete_many()
        .filter(article_attachment::Column::ArticleId.eq(article_id))
        .exec(txn)
        .await?;
    if ids.is_empty() {
        return Ok(());
    }
    let rows = ids
        .iter()
        .zip(0..)
        .map(|(media_id, position)| article_attachment::ActiveModel {
            article_id: Set(article_id),
            media_id: Set(*media_id),
            position: Set(position),
        });
    article_attachment::Entity::insert_many(rows)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

/// The files listed under an article, in the editor's order.
pub async fn attachments_of(
    db: &impl ConnectionTrait,
    article_id: i32,
) -> ApiResult<Vec<Attachment>> {
    let listed: Vec<i32> = article_attachment::Entity::find()
        .select_only()
        .column(article_attachment::Column::MediaId)
        .filter(article_attachment::Column::ArticleId.eq(article_id))
        .order_by_asc(article_attachment::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    if listed.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = media::Entity::find()
        .filter(media::Column::Id.is_in(listed.clone()))
        .all(db)
        .await?;
    rows.sort_by_key(|row| listed.iter().position(|id| *id == row.id));
    Ok(rows
        .into_iter()
        .map(|row| {
            let file = to_dto(row);
            Attachment {
                id: file.id,
                kind: file.kind,
                url: file.url,
                file_name: file.file_name,
                content_type: file.content_type,
                size: file.size,
            }
        })
        .collect())
}

/// Records a stored file.
pub async fn create(
    db: &DatabaseConnection,
    stored: Stored,
    alt: String,
    created_by: Option<i32>,
) -> ApiResult<Media> {
    let to_i32 = |value: u32| i32::try_from(value).unwrap_or(i32::MAX);
    let row = media::ActiveModel {
        kind: Set(kind_name(stored.kind).to_owned()),
        sha256: Set(stored.sha256),
        file_name: Set(stored.file_name),
        content_type: Set(stored.content_type),
        size: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
        width: Set(stored.dimensions.map(|(width, _)| to_i32(width))),
        height: Set(stored.dimensions.map(|(_, height)| to_i32(height))),
        alt: Set(alt),
        variants: Set(serde_json::to_string(&stored.variants)
            .map_err(|error| ApiError::Internal(error.into()))?),
        created_by: Set(created_by),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(to_dto(row))
}

pub async fn get(db: &DatabaseConnection, id: i32) -> ApiResult<Media> {
    media::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(to_dto)
        .ok_or_else(|| ApiError::not_found("media file"))
}

/// The newest first, filtered by words in the name or alt text and by kind.
pub async fn list(db: &DatabaseConnection, query: MediaQuery) -> ApiResult<MediaList> {
    let page = Pagination::parse(query.page, query.per_page)
        .map_err(|(field, message)| ApiError::BadRequest(format!("`{field}` {message}")))?;
    let mut filter = Condition::all();
    if let Some(words) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        if words.chars().count() > MEDIA_QUERY_MAX_CHARS || words.contains('\0') {
            return Err(ApiError::BadRequest(format!(
                "`q` must be at most {MEDIA_QUERY_MAX_CHARS} characters without NUL"
            )));
        }
        let escaped: String = words
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let pattern = || LikeExpr::new(format!("%{escaped}%")).escape('\\');
        filter = filter.add(
            Condition::any()
                .add(media::Column::FileName.like(pattern()))
                .add(media::Column::Alt.like(pattern())),
        );
    }
    if let Some(kind) = query.kind {
        filter = filter.add(media::Column::Kind.eq(kind_name(kind)));
    }
    let total = media::Entity::find()
        .filter(filter.clone())
        .count(db)
        .await?;
    let rows = media::Entity::find()
        .filter(filter)
        .order_by_desc(media::Column::Id)
        .offset(page.offset())
        .limit(page.limit())
        .all(db)
        .await?;
    Ok(MediaList {
        items: rows.into_iter().map(to_dto).collect(),
        page: PageInfo::new(page.page, page.per_page, total),
    })
}

/// The record of a stored file, for serving it.
pub async fn by_hash(db: &DatabaseConnection, sha256: &str) -> ApiResult<Option<media::Model>> {
    Ok(media::Entity::find()
        .filter(media::Column::Sha256.eq(sha256))
        .one(db)
        .await?)
}

/// Deletes a file from the library; refused while an article's text still uses it (unless
/// another upload of the same bytes keeps the file). The stored file goes with the last record.
pub async fn delete(db: &DatabaseConnection, store: &MediaStore, id: i32) -> ApiResult<()> {
    let row = media::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("media file"))?;
    let listing: Vec<(i32, String)> = article::Entity::find()
        .select_only()
        .column(article::Column::Id)
        .column(article::Column::Title)
        .filter(
            article::Column::Id.in_subquery(
                Query::select()
                    .column(article_attachment::Column::ArticleId)
                    .from(article_attachment::Entity)
                    .and_where(article_attachment::Column::MediaId.eq(id))
                    .to_owned(),
            ),
        )
        .order_by_asc(article::Column::Id)
        .limit(5)
        .into_tuple()
        .all(db)
        .await?;
    if !listing.is_empty() {
        return Err(ApiError::conflict(
            ErrorCode::InUse,
            format!(
                "the file is listed as an attachment of {}: remove it from their attachments first",
                article_titles(&listing)
            ),
        ));
    }
    let twins = media::Entity::find()
        .filter(media::Column::Sha256.eq(&row.sha256))
        .filter(media::Column::Id.ne(id))
        .count(db)
        .await?;
    if twins == 0 {
        let users: Vec<(i32, String)> = article::Entity::find()
            .select_only()
            .column(article::Column::Id)
            .column(article::Column::Title)
            .filter(article::Column::Body.contains(format!("{MEDIA_PATH}/{}", row.sha256)))
            .order_by_asc(article::Column::Id)
            .limit(5)
            .into_tuple()
            .all(db)
            .await?;
        if !users.is_empty() {
            return Err(ApiError::conflict(
                ErrorCode::InUse,
                format!(
                    "the file is still used by {}: remove it from their text first",
                    article_titles(&users)
                ),
            ));
        }
    }
    media::Entity::delete_by_id(id).exec(db).await?;
    if twins == 0 {
        let sha256 = row.sha256;
        if let Err(error) = store.remove(&sha256).await {
            tracing::warn!(%error, sha256, "a deleted media file could not be removed from the store");
        }
    }
    Ok(())
}

fn article_titles(articles: &[(i32, String)]) -> String {
    let titles: Vec<String> = articles
        .iter()
        .map(|(id, title)| format!("《{title}》(id {id})"))
        .collect();
    titles.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_their_chinese_and_lose_their_paths() {
        assert_eq!(
            clean_file_name("C:\\Users\\王\\关于开展普法活动的通知.pdf"),
            "关于开展普法活动的通知.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("  .hidden "), "hidden");
        assert_eq!(clean_file_name("a\u{0}b\"c.txt"), "abc.txt");
        assert_eq!(clean_file_name(""), "file");
        let long = format!("{}.docx", "长".repeat(300));
        let cleaned = clean_file_name(&long);
        assert_eq!(cleaned.chars().count(), MEDIA_FILE_NAME_MAX_CHARS);
        assert!(cleaned.ends_with(".docx"));
    }

    #[test]
    fn types_are_told_by_bytes() {
        let never = || -> std::io::Result<Vec<u8>> { Ok(Vec::new()) };
        assert_eq!(
            sniff(b"%PDF-1.7\n", &never).ok(),
            Some(Sniffed::Attachment("application/pdf"))
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &never).ok(),
            Some(Sniffed::Image(ImageFormat::Png))
        );
        let text = || -> std::io::Result<Vec<u8>> { Ok("通知\n第一条".as_bytes().to_vec()) };
        assert_eq!(
            sniff("通知\n第一条".as_bytes(), &text).ok(),
            Some(Sniffed::Attachment(TEXT_TYPE))
        );
        let html = b"<html><script>alert(1)</script></html>";
        let html_whole = || -> std::io::Result<Vec<u8>> { Ok(html.to_vec()) };
        // A page is not an attachment: it could run in the site's origin.
        assert!(matches!(
            sniff(html, &html_whole),
            Err(ApiError::UnsupportedMediaType(_))
        ));
        let binary = || -> std::io::Result<Vec<u8>> { Ok(vec![0, 1, 2, 3]) };
        assert!(matches!(
            sniff(&[0, 1, 2, 3], &binary),
            Err(ApiError::UnsupportedMediaType(_))
        ));
        assert!(matches!(
            sniff(b"MZ\x90\0", &never),
            Err(ApiError::UnsupportedMediaType(_))
        ));
    }
}
