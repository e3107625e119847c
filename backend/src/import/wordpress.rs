//! A WordPress site, from its export (WXR) and a copy of its `wp-content/uploads`.
//!
//! The export is read twice, as a stream: first its authors (disabled editor accounts: they
//! sign nothing in until an admin gives them a password), its categories (with their tree) and
//! its attachments (files found under `--uploads` go into the media library, cleaned like any
//! upload); then its posts, whose bodies get the library's addresses for the old upload URLs.
//! Posts become articles: published ones at their publish time, scheduled ones scheduled,
//! drafts, pending and private posts drafts; sticky ones pinned; a view count from the common
//! plugins' meta (`views`, `post_views_count`) their starting count. Pages are not imported (the
//! portal has no page type) and are listed as skipped. Every post's permalink, `?p=ID` and
//! guid, every category's address and every attachment's file URL are kept as old addresses.

use std::collections::{HashMap, HashSet};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::Context;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use portal_api::{
    ArticleStatus, MediaKind, NewCategory, PageRoute, Role, ARTICLE_BODY_MAX_CHARS,
    ARTICLE_BYLINE_MAX_CHARS, ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS,
    CATEGORY_DESCRIPTION_MAX_CHARS, CATEGORY_NAME_MAX_CHARS, USERNAME_MAX_CHARS,
    USERNAME_MIN_CHARS,
};
use regex::Regex;
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{
    api_error, fit, keep_addresses, receive, unescape_entities, upsert_article,
    wxr::{Author, Category, Entry, Item, WxrReader},
    ArticleFromImport, Records, Summary,
};
use crate::{
    db::entities::{category, user},
    domain::{Password, Slug, Username},
    progress::Progress,
    services::{categories, media, users},
    storage::MediaStore,
};

/// What to import and how.
pub struct Options {
    pub file: PathBuf,
    /// A copy of the old site's `wp-content/uploads`.
    pub uploads: Option<PathBuf>,
    /// Report what would happen; change nothing.
    pub dry_run: bool,
    /// The old site's time zone, for the dates of posts that carry no UTC time (drafts).
    pub zone: chrono_tz::Tz,
    /// The largest file taken into the media library.
    pub media_max_bytes: u64,
}

/// The post metas that common view-counter plugins keep their counts in.
const VIEW_COUNT_METAS: [&str; 3] = ["views", "post_views_count", "_views"];

/// An attachment taken into the library.
struct Imported {
    media_id: i32,
    url: String,
    kind: MediaKind,
}

/// What the first pass learnt for the second.
#[derive(Default)]
struct Known {
    site: String,
    authors: Vec<Author>,
    categories: Vec<Category>,
    prepared: bool,
    /// Author login → (account id if created or found, display name).
    accounts: HashMap<String, (Option<i32>, String)>,
    /// Category nicename → portal category id (`None` in a dry run for a new one).
    category_ids: HashMap<String, Option<i32>>,
    /// Old upload URL (without scheme and host, decoded) → the library file.
    uploads: HashMap<String, Imported>,
    /// Post id → attachments (附件) whose parent it is.
    attachments_of: HashMap<String, Vec<i32>>,
}

pub async fn import(
    db: &DatabaseConnection,
    store: &MediaStore,
    options: &Options,
) -> anyhow::Result<Summary> {
    let size = std::fs::metadata(&options.file)
        .with_context(|| format!("reading {}", options.file.display()))?
        .len();
    let open = || -> anyhow::Result<WxrReader<BufReader<std::fs::File>>> {
        let file = std::fs::File::open(&options.file)
            .with_context(|| format!("opening {}", options.file.display()))?;
        Ok(WxrReader::new(BufReader::with_capacity(256 * 1024, file)))
    };
    let mut summary = Summary {
        dry_run: options.dry_run,
        ..Summary::default()
    };
    let mut known = Known::default();
    let progress = Progress::new(
        "{spinner} importing [{bar:40}] {bytes}/{total_bytes}, {eta} left",
        |done, total| format!("importing: {}% read", done * 100 / total.max(1)),
    );
    let cache = categories::CategoryCache::new(std::time::Duration::ZERO);

    // Pass 1: authors, categories, attachments.
    let mut reader = open()?;
    let mut source = String::new();
    while let Some(entry) = reader.next_entry()? {
        match entry {
            Entry::Site(site) => {
                known.site = site.trim_end_matches('/').to_owned();
                source = format!("wxr:{}", known.site);
            }
            Entry::Author(author) => known.authors.push(author),
            Entry::Category(category) => known.categories.push(category),
            Entry::Item(item) => {
                let records = Records { source: &source };
                if !known.prepared {
                    prepare(db, &cache, &records, options, &mut known, &mut summary).await?;
                }
                if item.post_type == "attachment" {
                    attachment(
                        db,
                        store,
                        &records,
                        options,
                        &mut known,
                        &mut summary,
                        &item,
                    )
                    .await?;
                }
            }
        }
        progress.set(reader.position(), size * 2);
    }
    anyhow::ensure!(
        !source.is_empty(),
        "the export names no site (<wp:base_site_url>): is it a WordPress export?"
    );
    let records = Records { source: &source };
    if !known.prepared {
        prepare(db, &cache, &records, options, &mut known, &mut summary).await?;
    }

    // Pass 2: posts.
    let mut reader = open()?;
    while let Some(entry) = reader.next_entry()? {
        if let Entry::Item(item) = entry {
            match item.post_type.as_str() {
                "post" => post(db, &cache, &records, options, &known, &mut summary, &item).await?,
                "attachment" => {}
                "page" => summary.articles.skip(
                    "a WordPress page (the portal has no page type; copy its text into an article if it should stay)",
                    describe(&item),
                ),
                other => summary
                    .articles
                    .skip(format!("of type `{other}`, which is not content"), describe(&item)),
            }
        }
        progress.set(size + reader.position(), size * 2);
    }
    progress.set(size * 2, size * 2);
    progress.finish();
    Ok(summary)
}

fn describe(item: &Item) -> String {
    format!("#{} 《{}》", item.post_id, item.title.trim())
}

/// The path and query of an old site's URL (`None` for another host's).
fn old_address(site: &str, url: &str) -> Option<(String, String)> {
    let site = url::Url::parse(site).ok()?;
    let parsed = url::Url::parse(url).ok()?;
    (parsed.host_str() == site.host_str()).then(|| {
        (
            parsed.path().to_owned(),
            parsed.query().unwrap_or_default().to_owned(),
        )
    })
}

/// Authors and categories, once the channel's list of them is complete (before the first item).
async fn prepare(
    db: &DatabaseConnection,
    cache: &categories::CategoryCache,
    records: &Records<'_>,
    options: &Options,
    known: &mut Known,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    known.prepared = true;
    for author in known.authors.clone() {
        let id = account(db, records, options, &author, summary).await?;
        let name = if author.display_name.trim().is_empty() {
            author.login.clone()
        } else {
            unescape_entities(&author.display_name)
        };
        known.accounts.insert(author.login.clone(), (id, name));
    }

    // Parents before children, whatever the file's order; a parent the file lacks makes a
    // top-level category.
    let mut pending = known.categories.clone();
    let nicenames: HashSet<String> = pending.iter().map(|c| c.nicename.clone()).collect();
    while !pending.is_empty() {
        let (ready, waiting): (Vec<Category>, Vec<Category>) =
            pending.into_iter().partition(|category| {
                category.parent.is_empty()
                    || !nicenames.contains(&category.parent)
                    || known.category_ids.contains_key(&category.parent)
            });
        if ready.is_empty() {
            for category in &waiting {
                summary.categories.skip(
                    "its parents form a cycle",
                    format!("{} ({})", category.name, category.nicename),
                );
            }
            break;
        }
        for category in ready {
            let id = category_for(db, cache, records, options, known, &category, summary).await?;
            known.category_ids.insert(category.nicename.clone(), id);
        }
        pending = waiting;
    }
    Ok(())
}

/// The account an author's posts are credited to: found by an earlier import or by name, or
/// created disabled with a password nobody knows.
async fn account(
    db: &DatabaseConnection,
    records: &Records<'_>,
    options: &Options,
    author: &Author,
    summary: &mut Summary,
) -> anyhow::Result<Option<i32>> {
    if let Some(id) = records.find(db, "author", &author.login).await? {
        if user::Entity::find_by_id(id).one(db).await?.is_some() {
            summary.authors.unchanged += 1;
            return Ok(Some(id));
        }
    }
    let Ok(username) = Username::parse(&author.login) else {
        summary.authors.skip(
            format!(
                "a login the portal cannot take ({USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} \
                 letters, digits, `_`, `-`, `.`); the posts keep the name"
            ),
            author.login.clone(),
        );
        return Ok(None);
    };
    let existing = user::Entity::find()
        .filter(user::Column::Username.eq(username.as_str()))
        .one(db)
        .await?;
    if let Some(existing) = existing {
        summary.authors.unchanged += 1;
        if !options.dry_run {
            records
                .remember(db, "author", &author.login, existing.id)
                .await?;
        }
        return Ok(Some(existing.id));
    }
    summary.authors.created += 1;
    if options.dry_run {
        return Ok(None);
    }
    let secret: String = (0..40)
        .map(|_| {
            char::from(
                b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
                    [rand::random_range(0..56)],
            )
        })
        .collect();
    let password = Password::parse(&secret, &[])
        .map_err(|reason| anyhow::anyhow!("a generated password was refused: {reason}"))?;
    let created = users::insert(db, username, &password, Role::Editor)
        .await
        .map_err(api_error)?;
    user::Entity::update_many()
        .col_expr(user::Column::Disabled, Expr::value(true))
        .filter(user::Column::Id.eq(created.id))
        .exec(db)
        .await?;
    records
        .remember(db, "author", &author.login, created.id)
        .await?;
    Ok(Some(created.id))
}

async fn category_for(
    db: &DatabaseConnection,
    cache: &categories::CategoryCache,
    records: &Records<'_>,
    options: &Options,
    known: &Known,
    wanted: &Category,
    summary: &mut Summary,
) -> anyhow::Result<Option<i32>> {
    let decoded = percent_encoding::percent_decode_str(&wanted.nicename).decode_utf8_lossy();
    let slug = match Slug::parse(&decoded) {
        Ok(slug) => slug.into_inner(),
        Err(_) => format!("wp-{}", wanted.term_id.trim()),
    };
    let parent_id = known.category_ids.get(&wanted.parent).copied().flatten();
    let recorded = match records.find(db, "category", &wanted.term_id).await? {
        Some(found) => category::Entity::find_by_id(found).one(db).await?,
        None => None,
    };
    // Where its old addresses lead: the category's address as it is now (an admin may have
    // changed it since the last import).
    let mut target_slug = slug.clone();
    let id = match recorded {
        Some(existing) => {
            summary.categories.unchanged += 1;
            target_slug = existing.slug;
            Some(existing.id)
        }
        None => {
            let same_slug = category::Entity::find()
                .filter(category::Column::Slug.eq(&slug))
                .one(db)
                .await?;
            match same_slug {
                // The site has it already (by its address): the posts go there.
                Some(existing) => {
                    summary.categories.unchanged += 1;
                    if !options.dry_run {
                        records
                            .remember(db, "category", &wanted.term_id, existing.id)
                            .await?;
                    }
                    Some(existing.id)
                }
                None if options.dry_run => {
                    summary.categories.created += 1;
                    None
                }
                None => {
                    let name = fit(
                        &unescape_entities(&wanted.name),
                        CATEGORY_NAME_MAX_CHARS,
                        true,
                    );
                    let created = categories::create(
                        db,
                        cache,
                        NewCategory {
                            parent_id,
                            name: if name.is_empty() { slug.clone() } else { name },
                            slug: slug.clone(),
                            description: fit(
                                &unescape_entities(&wanted.description),
                                CATEGORY_DESCRIPTION_MAX_CHARS,
                                false,
                            ),
                            sort_order: None,
                        },
                    )
                    .await
                    .map_err(api_error)?;
                    summary.categories.created += 1;
                    records
                        .remember(db, "category", &wanted.term_id, created.category.id)
                        .await?;
                    Some(created.category.id)
                }
            }
        }
    };
    // `/category/parent/child/` as WordPress addresses it, and `?cat=ID`.
    let mut path = vec![wanted.nicename.clone()];
    let mut parent = wanted.parent.clone();
    while let Some(up) = known.categories.iter().find(|c| c.nicename == parent) {
        if path.len() > 10 {
            break;
        }
        path.push(up.nicename.clone());
        parent = up.parent.clone();
    }
    path.reverse();
    let base = url::Url::parse(&known.site)
        .map(|url| url.path().trim_end_matches('/').to_owned())
        .unwrap_or_default();
    let addresses = vec![
        (
            format!("{base}/category/{}/", path.join("/")),
            String::new(),
        ),
        (format!("{base}/"), format!("cat={}", wanted.term_id.trim())),
    ];
    keep_addresses(
        db,
        records.source,
        options.dry_run,
        addresses,
        &PageRoute::Category {
            slug: target_slug.clone(),
        }
        .path(),
        summary,
    )
    .await?;
    Ok(id)
}

/// The key of an upload URL: its path, decoded, without WordPress's size suffix
/// (`photo-300x200.jpg` is `photo.jpg`).
fn upload_key(url: &str) -> Option<String> {
    let path = match url::Url::parse(url) {
        Ok(parsed) => parsed.path().to_owned(),
        Err(_) if url.starts_with('/') => url.split(['?', '#']).next()?.to_owned(),
        Err(_) => return None,
    };
    let decoded = percent_encoding::percent_decode_str(&path)
        .decode_utf8_lossy()
        .into_owned();
    let (stem, extension) = decoded.rsplit_once('.')?;
    let stem = match stem.rsplit_once('-') {
        Some((base, size))
            if size.split_once('x').is_some_and(|(w, h)| {
                !w.is_empty()
                    && !h.is_empty()
                    && w.chars().all(|c| c.is_ascii_digit())
                    && h.chars().all(|c| c.is_ascii_digit())
            }) =>
        {
            base
        }
        _ => stem,
    };
    Some(format!("{stem}.{extension}"))
}

async fn attachment(
    db: &DatabaseConnection,
    store: &MediaStore,
    records: &Records<'_>,
    options: &Options,
    known: &mut Known,
    summary: &mut Summary,
    item: &Item,
) -> anyhow::Result<()> {
    let what = describe(item);
    let Some(relative) = item
        .meta("_wp_attached_file")
        .filter(|path| !path.is_empty())
    else {
        summary
            .media
            .skip("no file recorded for the attachment", what);
        return Ok(());
    };
    let existing = match records.find(db, "attachment", &item.post_id).await? {
        Some(id) => media::get(db, id).await.ok(),
        None => None,
    };
    let imported = match existing {
        Some(file) => {
            summary.media.unchanged += 1;
            Imported {
                media_id: file.id,
                url: file.url,
                kind: file.kind,
            }
        }
        None => {
            let Some(uploads) = &options.uploads else {
                summary.media.skip(
                    "no --uploads folder given (a copy of wp-content/uploads)",
                    what,
                );
                return Ok(());
            };
            // Within the uploads folder only, whatever the export says.
            let relative = Path::new(relative);
            if relative
                .components()
                .any(|part| !matches!(part, std::path::Component::Normal(_)))
            {
                summary
                    .media
                    .skip("a file path outside the uploads folder", what);
                return Ok(());
            }
            let path = uploads.join(relative);
            let Ok(metadata) = std::fs::metadata(&path) else {
                summary.media.skip(
                    "the file is not in the uploads folder",
                    path.display().to_string(),
                );
                return Ok(());
            };
            if metadata.len() > options.media_max_bytes {
                summary.media.skip(
                    format!(
                        "larger than the upload limit ({} bytes)",
                        options.media_max_bytes
                    ),
                    path.display().to_string(),
                );
                return Ok(());
            }
            if options.dry_run {
                summary.media.created += 1;
                let addresses = old_addresses_of_attachment(&known.site, item);
                keep_addresses(db, records.source, true, addresses, "/media/", summary).await?;
                return Ok(());
            }
            let file_name = relative
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let received = receive(store, &path, &file_name)?;
            let stored = match media::store(store, received) {
                Ok(stored) => stored,
                Err(error) => {
                    summary
                        .media
                        .skip(format!("refused: {error}"), path.display().to_string());
                    return Ok(());
                }
            };
            let alt = fit(
                item.meta("_wp_attachment_image_alt").unwrap_or_default(),
                portal_api::MEDIA_ALT_MAX_CHARS,
                true,
            );
            let owner = known.accounts.get(&item.creator).and_then(|(id, _)| *id);
            let file = media::create(db, stored, alt, owner)
                .await
                .map_err(api_error)?;
            records
                .remember(db, "attachment", &item.post_id, file.id)
                .await?;
            summary.media.created += 1;
            Imported {
                media_id: file.id,
                url: file.url,
                kind: file.kind,
            }
        }
    };
    let addresses = old_addresses_of_attachment(&known.site, item);
    keep_addresses(
        db,
        records.source,
        options.dry_run,
        addresses,
        &imported.url,
        summary,
    )
    .await?;
    if imported.kind == MediaKind::Attachment && item.post_parent != "0" {
        known
            .attachments_of
            .entry(item.post_parent.clone())
            .or_default()
            .push(imported.media_id);
    }
    if let Some(key) = upload_key(&item.attachment_url) {
        known.uploads.insert(key, imported);
    }
    Ok(())
}

/// An attachment's file URL, its page and `?attachment_id=ID`.
fn old_addresses_of_attachment(site: &str, item: &Item) -> Vec<(String, String)> {
    let mut addresses: Vec<(String, String)> = [&item.attachment_url, &item.guid, &item.link]
        .into_iter()
        .filter_map(|url| old_address(site, url))
        .collect();
    addresses.push(("/".to_owned(), format!("attachment_id={}", item.post_id)));
    addresses
}

/// `YYYY-MM-DD HH:MM:SS` as UTC, or as local time in `zone` (`None` for WordPress's zero date).
fn wordpress_time(utc: &str, local: &str, zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let parse = |text: &str| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S").ok();
    if let Some(at) = parse(utc) {
        return Some(at.and_utc());
    }
    let at = parse(local)?;
    zone.from_local_datetime(&at)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// WordPress's body as the portal keeps it: `[caption]` shortcodes as figures, paragraphs where
/// the classic editor kept only blank lines, old upload addresses as the library's.
fn body_of(item: &Item, known: &Known) -> String {
    static CAPTION: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?s)\[caption[^\]]*\](.*?)\[/caption\]").ok());
    static CAPTIONED_IMAGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?s)^\s*((?:<a [^>]*>)?\s*<img [^>]*>(?:\s*</a>)?)(.*)$").ok()
    });
    static ADDRESS: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r#"(src|href)="([^"]+)""#).ok());
    let mut body = item.content.clone();
    let has_blocks = [
        "<p",
        "<div",
        "<h2",
        "<h3",
        "<ul",
        "<ol",
        "<table",
        "<figure",
        "<blockquote",
    ]
    .iter()
    .any(|tag| body.contains(tag));
    if !has_blocks {
        body = body
            .split("\n\n")
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .map(|paragraph| match paragraph.starts_with("[caption") {
                true => paragraph.to_owned(),
                false => format!("<p>{}</p>", paragraph.replace('\n', "<br>")),
            })
            .collect();
    }
    if let (Some(caption), Some(image)) = (&*CAPTION, &*CAPTIONED_IMAGE) {
        body = caption
            .replace_all(&body, |found: &regex::Captures| {
                let inner = &found[1];
                match image.captures(inner) {
                    Some(parts) => format!(
                        "<figure>{}<figcaption>{}</figcaption></figure>",
                        &parts[1],
                        parts[2].trim()
                    ),
                    None => inner.to_owned(),
                }
            })
            .into_owned();
    }
    if let Some(urls) = &*ADDRESS {
        body = urls
            .replace_all(&body, |found: &regex::Captures| {
                let url = &found[2];
                match upload_key(url).and_then(|key| known.uploads.get(&key)) {
                    Some(file) if url.contains("/wp-content/uploads/") => {
                        format!(r#"{}="{}""#, &found[1], file.url)
                    }
                    _ => found[0].to_owned(),
                }
            })
            .into_owned();
    }
    body
}

async fn post(
    db: &DatabaseConnection,
    cache: &categories::CategoryCache,
    records: &Records<'_>,
    options: &Options,
    known: &Known,
    summary: &mut Summary,
    item: &Item,
) -> anyhow::Result<()> {
    let what = describe(item);
    let dated = wordpress_time(&item.post_date_gmt, &item.post_date, options.zone);
    let (status, published_at) = match item.status.as_str() {
        "publish" | "future" => match dated {
            Some(at) => (ArticleStatus::Published, Some(at)),
            None => {
                summary
                    .articles
                    .skip("published without a readable date", what);
                return Ok(());
            }
        },
        "draft" | "pending" | "private" => (ArticleStatus::Draft, None),
        other => {
            summary
                .articles
                .skip(format!("in the WordPress status `{other}`"), what);
            return Ok(());
        }
    };
    let filed = item
        .terms
        .iter()
        .filter(|term| term.domain == "category")
        .find_map(|term| known.category_ids.get(&term.nicename))
        .or_else(|| known.category_ids.get("uncategorized"));
    let Some(category_id) = filed else {
        summary.articles.skip("in no imported category", what);
        return Ok(());
    };
    let body = body_of(item, known);
    if body.chars().count() > ARTICLE_BODY_MAX_CHARS {
        summary.articles.skip(
            format!("a text longer than {ARTICLE_BODY_MAX_CHARS} characters"),
            what,
        );
        return Ok(());
    }
    let title = match fit(&item.title, ARTICLE_TITLE_MAX_CHARS, true) {
        title if title.is_empty() => "(无标题)".to_owned(),
        title => title,
    };
    let excerpt = crate::domain::plain_text(&item.excerpt);
    let summary_text =
        Some(fit(&excerpt, ARTICLE_SUMMARY_MAX_CHARS, false)).filter(|text| !text.is_empty());
    let author = known
        .accounts
        .get(&item.creator)
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| item.creator.clone());
    let views: i64 = VIEW_COUNT_METAS
        .iter()
        .find_map(|key| item.meta(key)?.trim().parse().ok())
        .unwrap_or(0)
        .max(0);
    let attachments: Vec<i32> = known
        .attachments_of
        .get(&item.post_id)
        .map(|ids| {
            ids.iter()
                .copied()
                .take(portal_api::ARTICLE_ATTACHMENTS_MAX)
                .collect()
        })
        .unwrap_or_default();

    let Some(id) = upsert_article(
        db,
        cache,
        records,
        options.dry_run,
        summary,
        ArticleFromImport {
            kind: "post",
            source_id: &item.post_id,
            what,
            category_id: *category_id,
            title,
            summary: summary_text,
            body,
            source: None,
            author: fit(&author, ARTICLE_BYLINE_MAX_CHARS, true),
            status,
            published_at,
            written_at: dated,
            pinned: item.is_sticky,
            attachments,
            views,
        },
    )
    .await?
    else {
        return Ok(());
    };
    let mut addresses = Vec::new();
    for url in [&item.link, &item.guid] {
        if let Some(address) = old_address(&known.site, url) {
            addresses.push(address);
        }
    }
    addresses.push(("/".to_owned(), format!("p={}", item.post_id)));
    keep_addresses(
        db,
        records.source,
        options.dry_run,
        addresses,
        &PageRoute::Article { id }.path(),
        summary,
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sized_copies_of_an_upload_share_its_key() {
        let original =
            upload_key("http://old.example/wp-content/uploads/2024/03/shili-huodong.jpg");
        assert_eq!(
            upload_key("http://old.example/wp-content/uploads/2024/03/shili-huodong-300x200.jpg"),
            original
        );
        assert_eq!(
            upload_key("http://old.example/wp-content/uploads/2025/01/%E7%A4%BA%E4%BE%8B.pdf"),
            upload_key("http://old.example/wp-content/uploads/2025/01/示例.pdf")
        );
        assert_ne!(
            upload_key("http://old.example/wp-content/uploads/a-b.jpg"),
            upload_key("http://old.example/wp-content/uploads/a.jpg")
        );
    }

    #[test]
    fn drafts_without_a_utc_time_are_read_in_the_sites_zone() {
        let zone: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
        let at = wordpress_time("0000-00-00 00:00:00", "2025-01-01 07:45:00", zone);
        assert_eq!(
            at.map(|at| at.to_rfc3339()),
            Some("2024-12-31T23:45:00+00:00".into())
        );
        let at = wordpress_time("2024-03-14 16:30:00", "2024-03-15 00:30:00", zone);
        assert_eq!(
            at.map(|at| at.to_rfc3339()),
            Some("2024-03-14T16:30:00+00:00".into())
        );
    }

    #[test]
    fn captions_become_figures_and_bare_text_gets_paragraphs() {
        let item = Item {
            content: "第一段\n第二行\n\n[caption id=\"attachment_7\" width=\"300\"]<img src=\"/x.jpg\" alt=\"a\" /> 说明文字[/caption]".into(),
            ..Item::default()
        };
        let body = body_of(&item, &Known::default());
        assert_eq!(
            body,
            "<p>第一段<br>第二行</p><figure><img src=\"/x.jpg\" alt=\"a\" /><figcaption>说明文字</figcaption></figure>"
        );
    }
}
