//! A DedeCMS (织梦) site, read straight from its MySQL or MariaDB database, with a copy of its
//! `uploads` folder for the files.
//!
//! `{prefix}arctype` gives the category tree, `{prefix}archives` joined with
//! `{prefix}addonarticle` the articles (channel 1; image sets, downloads and specials are
//! listed as skipped), `{prefix}sysconfig` the settings the old addresses are made from. Text is
//! read as bytes and decoded as the table says (UTF-8, or GBK/GB2312 through GB18030); a
//! `latin1` table, where old installs often kept GBK bytes, is decoded as UTF-8 where that is
//! valid and as GB18030 where not. An article's `click` becomes its starting view count, its
//! `pubdate` its publish time, `senddate` when it was written, `writer` and `source` its byline
//! and source, the `h` (头条) flag pins it; `arcrank` −1 (待审核) makes a draft and −2 (the
//! recycle bin) skips it. Body images and files under the uploads folder, and each `litpic`,
//! go into the media library and the body points at the library's copies. Every article's
//! `/plus/view.php?aid=ID` and its static page (as the category's naming rule, the site's
//! `cfg_cli_time` and the article's `senddate` made it, further pages `_2.html` …), every
//! category's `/plus/list.php?tid=ID`, folder and list pages, and each imported file's old path
//! answer with a 301.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::Context;
use chrono::{DateTime, TimeZone, Utc};
use portal_api::{
    ArticleStatus, NewCategory, PageRoute, ARTICLE_BODY_MAX_CHARS, ARTICLE_BYLINE_MAX_CHARS,
    ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS, CATEGORY_DESCRIPTION_MAX_CHARS,
    CATEGORY_NAME_MAX_CHARS,
};
use regex::Regex;
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, QueryResult, Statement,
};

use super::{
    api_error, fit, keep_addresses, receive, unescape_entities, upsert_article, ArticleFromImport,
    Records, Summary,
};
use crate::{
    db::entities::category,
    domain::Slug,
    progress::Progress,
    services::{categories, media},
    storage::MediaStore,
};

/// What to import and how.
pub struct Options {
    /// The old site's database, e.g. `mysql://user:password@127.0.0.1:3306/dedecms`.
    pub from: String,
    /// The tables' prefix (`dede_` unless the installer was told otherwise).
    pub prefix: String,
    /// A copy of the old site's uploads folder (`cfg_medias_dir`, usually `/uploads`).
    pub uploads: Option<PathBuf>,
    pub charset: Charset,
    /// Report what would happen; change nothing.
    pub dry_run: bool,
    /// The largest file taken into the media library.
    pub media_max_bytes: u64,
}

/// How the old tables' text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// As the tables' collation says.
    Auto,
    Utf8,
    /// GBK or GB2312 (read as GB18030, which holds both).
    Gbk,
}

impl std::str::FromStr for Charset {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "utf8" | "utf-8" | "utf8mb4" => Ok(Self::Utf8),
            "gbk" | "gb2312" | "gb18030" => Ok(Self::Gbk),
            other => Err(format!("`{other}` is not one of auto, utf8, gbk")),
        }
    }
}

/// Articles read per query.
const BATCH: u64 = 500;
/// A category's list pages recorded as old addresses: as many as its articles fill at the
/// default list template's ten a page, at most this many.
const LIST_PAGES_MAX: u64 = 200;
const LIST_PAGE_SIZE: u64 = 10;
/// DedeCMS's own default rule for articles' static pages.
const DEFAULT_ARTICLE_RULE: &str = "{typedir}/{Y}/{M}{D}/{aid}.html";
const DEFAULT_LIST_RULE: &str = "{typedir}/list_{tid}_{page}.html";

/// How the text of the old tables is turned into Rust strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decoding {
    Utf8,
    Gb18030,
    /// UTF-8 where valid, else GB18030: `latin1` tables holding whatever the site wrote.
    Guess,
}

impl Decoding {
    fn text(self, bytes: &[u8]) -> String {
        let gb = |bytes: &[u8]| {
            encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        };
        match self {
            Self::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Self::Gb18030 => gb(bytes),
            Self::Guess => match std::str::from_utf8(bytes) {
                Ok(text) => text.to_owned(),
                Err(_) => gb(bytes),
            },
        }
    }
}

/// The settings of the old site that its addresses are made from.
#[derive(Debug, Clone)]
struct SiteSettings {
    cmspath: String,
    arcdir: String,
    medias_dir: String,
    /// Hours added to UTC for the dates in addresses (`cfg_cli_time`, 8 in China).
    cli_time: i64,
    /// `cfg_arc_dirname`: `index.html` left out of article addresses.
    arc_dirname: bool,
    basehost: String,
}

impl SiteSettings {
    /// `{cmspath}` replaced and doubled slashes folded, as DedeCMS's `MfTypedir` does.
    fn folder(&self, typedir: &str) -> String {
        let replaced = typedir.replace("{cmspath}", &self.cmspath);
        let mut folded = String::with_capacity(replaced.len());
        for c in replaced.chars() {
            if !(c == '/' && folded.ends_with('/')) {
                folded.push(c);
            }
        }
        folded
    }

    fn plus(&self, rest: &str) -> String {
        self.folder(&format!("{}/plus/{rest}", self.cmspath))
    }
}

struct ArcType {
    id: i64,
    parent: i64,
    sort: i64,
    name: String,
    /// With `{cmspath}` replaced.
    folder: String,
    isdefault: i64,
    default_name: String,
    ispart: i64,
    article_rule: String,
    list_rule: String,
    description: String,
    channel: i64,
}

/// A file taken into the library.
#[derive(Clone)]
struct Imported {
    url: String,
}

struct Run<'a> {
    db: &'a DatabaseConnection,
    store: &'a MediaStore,
    options: &'a Options,
    records: Records<'a>,
    cache: categories::CategoryCache,
    site: SiteSettings,
    summary: Summary,
    /// DedeCMS type id → portal category id (`None` in a dry run for a new one).
    category_ids: HashMap<i64, Option<i32>>,
    types: HashMap<i64, ArcType>,
    /// Path under the uploads folder → the library's copy (`None` when it could not be taken).
    files: HashMap<String, Option<Imported>>,
}

pub async fn import(
    db: &DatabaseConnection,
    store: &MediaStore,
    options: &Options,
) -> anyhow::Result<Summary> {
    anyhow::ensure!(
        options
            .prefix
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_'),
        "--prefix {}: letters, digits and `_` only",
        options.prefix
    );
    let old = Database::connect(&options.from).await.with_context(|| {
        format!(
            "connecting to the DedeCMS database {}",
            crate::config::without_password(&options.from)
        )
    })?;
    anyhow::ensure!(
        old.get_database_backend() == DbBackend::MySql,
        "--from must be a mysql:// address (DedeCMS runs on MySQL or MariaDB)"
    );
    let decoding = decoding(&old, options).await?;
    let site = site_settings(&old, &options.prefix, decoding).await?;
    let host = url::Url::parse(&options.from)
        .ok()
        .map(|url| format!("{}{}", url.host_str().unwrap_or_default(), url.path()))
        .unwrap_or_default();
    let source = format!("dedecms:{host}#{}", options.prefix);
    let mut run = Run {
        db,
        store,
        options,
        records: Records { source: &source },
        cache: categories::CategoryCache::new(std::time::Duration::ZERO),
        site,
        summary: Summary {
            dry_run: options.dry_run,
            ..Summary::default()
        },
        category_ids: HashMap::new(),
        types: HashMap::new(),
        files: HashMap::new(),
    };
    run.categories(&old, decoding).await?;
    run.articles(&old, decoding).await?;
    Ok(run.summary)
}

async fn query(old: &DatabaseConnection, sql: String) -> anyhow::Result<Vec<QueryResult>> {
    Ok(old
        .query_all(Statement::from_string(DbBackend::MySql, sql))
        .await?)
}

fn bytes(row: &QueryResult, index: usize) -> anyhow::Result<Vec<u8>> {
    Ok(row
        .try_get_by_index::<Option<Vec<u8>>>(index)?
        .unwrap_or_default())
}

fn number(row: &QueryResult, index: usize) -> anyhow::Result<i64> {
    Ok(row
        .try_get_by_index::<Option<i64>>(index)?
        .unwrap_or_default())
}

/// The text encoding: as told, or as the articles table's collation says.
async fn decoding(old: &DatabaseConnection, options: &Options) -> anyhow::Result<Decoding> {
    let collation = query(
        old,
        format!(
            "SELECT CAST(TABLE_COLLATION AS BINARY) FROM information_schema.TABLES \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{}archives'",
            options.prefix
        ),
    )
    .await?;
    let Some(row) = collation.first() else {
        anyhow::bail!(
            "no table {}archives in that database: is it a DedeCMS database (see --prefix)?",
            options.prefix
        );
    };
    let collation = String::from_utf8_lossy(&bytes(row, 0)?).to_ascii_lowercase();
    Ok(match options.charset {
        Charset::Utf8 => Decoding::Utf8,
        Charset::Gbk => Decoding::Gb18030,
        Charset::Auto if collation.starts_with("utf8") => Decoding::Utf8,
        Charset::Auto if collation.starts_with("gb") => Decoding::Gb18030,
        Charset::Auto => Decoding::Guess,
    })
}

async fn site_settings(
    old: &DatabaseConnection,
    prefix: &str,
    decoding: Decoding,
) -> anyhow::Result<SiteSettings> {
    let rows = query(
        old,
        format!(
            "SELECT CAST(varname AS BINARY), CAST(value AS BINARY) FROM {prefix}sysconfig \
             WHERE varname IN ('cfg_cmspath', 'cfg_arcdir', 'cfg_medias_dir', 'cfg_cli_time', \
             'cfg_arc_dirname', 'cfg_basehost')"
        ),
    )
    .await
    .with_context(|| format!("reading {prefix}sysconfig"))?;
    let mut values = HashMap::new();
    for row in &rows {
        values.insert(
            decoding.text(&bytes(row, 0)?),
            decoding.text(&bytes(row, 1)?).trim().to_owned(),
        );
    }
    let value = |name: &str, otherwise: &str| {
        values
            .get(name)
            .cloned()
            .unwrap_or_else(|| otherwise.to_owned())
    };
    let cmspath = value("cfg_cmspath", "").trim_end_matches('/').to_owned();
    let medias_dir = value("cfg_medias_dir", "/uploads").replace("{cmspath}", &cmspath);
    Ok(SiteSettings {
        arcdir: value("cfg_arcdir", "/a").replace("{cmspath}", &cmspath),
        medias_dir: medias_dir.trim_end_matches('/').to_owned(),
        cli_time: value("cfg_cli_time", "8").parse().unwrap_or(8),
        arc_dirname: value("cfg_arc_dirname", "Y") == "Y",
        basehost: value("cfg_basehost", "").trim_end_matches('/').to_owned(),
        cmspath,
    })
}

impl Run<'_> {
    async fn categories(
        &mut self,
        old: &DatabaseConnection,
        decoding: Decoding,
    ) -> anyhow::Result<()> {
        let prefix = &self.options.prefix;
        let rows = query(
            old,
            format!(
                "SELECT CAST(t.id AS SIGNED), CAST(t.reid AS SIGNED), CAST(t.sortrank AS SIGNED), \
                 CAST(t.typename AS BINARY), CAST(t.typedir AS BINARY), CAST(t.isdefault AS SIGNED), \
                 CAST(t.defaultname AS BINARY), CAST(t.ispart AS SIGNED), CAST(t.namerule AS BINARY), \
                 CAST(t.namerule2 AS BINARY), CAST(t.description AS BINARY), \
                 CAST(t.channeltype AS SIGNED), \
                 (SELECT COUNT(*) FROM {prefix}archives a WHERE a.typeid = t.id) \
                 FROM {prefix}arctype t ORDER BY t.id"
            ),
        )
        .await
        .with_context(|| format!("reading {prefix}arctype"))?;
        let mut order = Vec::new();
        let mut counts = HashMap::new();
        for row in &rows {
            let found = ArcType {
                id: number(row, 0)?,
                parent: number(row, 1)?,
                sort: number(row, 2)?,
                name: unescape_entities(&decoding.text(&bytes(row, 3)?)),
                folder: self.site.folder(decoding.text(&bytes(row, 4)?).trim()),
                isdefault: number(row, 5)?,
                default_name: decoding.text(&bytes(row, 6)?).trim().to_owned(),
                ispart: number(row, 7)?,
                article_rule: decoding.text(&bytes(row, 8)?).trim().to_owned(),
                list_rule: decoding.text(&bytes(row, 9)?).trim().to_owned(),
                description: unescape_entities(&decoding.text(&bytes(row, 10)?)),
                channel: number(row, 11)?,
            };
            counts.insert(
                found.id,
                u64::try_from(number(row, 12)?).unwrap_or_default(),
            );
            order.push(found.id);
            self.types.insert(found.id, found);
        }
        // Parents before children; a parent that is missing or skipped makes a top-level one.
        let mut claimed = HashSet::new();
        let mut done = HashSet::new();
        let mut pending = order;
        while !pending.is_empty() {
            let (ready, waiting): (Vec<i64>, Vec<i64>) = pending.into_iter().partition(|id| {
                let parent = self.types[id].parent;
                parent == 0 || !self.types.contains_key(&parent) || done.contains(&parent)
            });
            if ready.is_empty() {
                for id in &waiting {
                    let what = format!("#{id} {}", self.types[id].name);
                    self.summary
                        .categories
                        .skip("its parents form a cycle", what);
                }
                break;
            }
            for id in ready {
                let count = counts.get(&id).copied().unwrap_or_default();
                // A skipped category's articles are skipped as in no imported category.
                if let Some(made) = self.category(id, count, &mut claimed).await? {
                    self.category_ids.insert(id, made);
                }
                done.insert(id);
            }
            pending = waiting;
        }
        Ok(())
    }

    async fn category(
        &mut self,
        id: i64,
        articles: u64,
        claimed: &mut HashSet<String>,
    ) -> anyhow::Result<Option<Option<i32>>> {
        let found = &self.types[&id];
        let what = format!("#{id} {}", found.name);
        if found.ispart == 2 {
            self.summary
                .categories
                .skip("a link to another address (跳转网址), not a category", what);
            return Ok(None);
        }
        if found.channel != 1 {
            self.summary.categories.skip(
                format!(
                    "a category of another content model (channel {}: image sets, downloads …)",
                    found.channel
                ),
                what,
            );
            return Ok(None);
        }
        let folder_name = found
            .folder
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let slug = match Slug::parse(&folder_name) {
            Ok(slug) if !claimed.contains(slug.as_str()) => slug.into_inner(),
            _ => format!("dede-{id}"),
        };
        claimed.insert(slug.clone());
        let parent_id = self.category_ids.get(&found.parent).copied().flatten();
        let recorded = match self
            .records
            .find(self.db, "category", &id.to_string())
            .await?
        {
            Some(known) => category::Entity::find_by_id(known).one(self.db).await?,
            None => None,
        };
        let mut target_slug = slug.clone();
        let made = match recorded {
            Some(existing) => {
                self.summary.categories.unchanged += 1;
                target_slug = existing.slug;
                Some(existing.id)
            }
            None => {
                let same_slug = category::Entity::find()
                    .filter(category::Column::Slug.eq(&slug))
                    .one(self.db)
                    .await?;
                match same_slug {
                    Some(existing) => {
                        self.summary.categories.unchanged += 1;
                        if !self.options.dry_run {
                            self.records
                                .remember(self.db, "category", &id.to_string(), existing.id)
                                .await?;
                        }
                        Some(existing.id)
                    }
                    None if self.options.dry_run => {
                        self.summary.categories.created += 1;
                        None
                    }
                    None => {
                        let name = fit(&found.name, CATEGORY_NAME_MAX_CHARS, true);
                        let created = categories::create(
                            self.db,
                            &self.cache,
                            NewCategory {
                                parent_id,
                                name: if name.is_empty() { slug.clone() } else { name },
                                slug: slug.clone(),
                                description: fit(
                                    &found.description,
                                    CATEGORY_DESCRIPTION_MAX_CHARS,
                                    false,
                                ),
                                sort_order: i32::try_from(found.sort).ok(),
                            },
                        )
                        .await
                        .map_err(api_error)?;
                        self.summary.categories.created += 1;
                        self.records
                            .remember(self.db, "category", &id.to_string(), created.category.id)
                            .await?;
                        Some(created.category.id)
                    }
                }
            }
        };
        let addresses = category_addresses(&self.site, found, articles);
        keep_addresses(
            self.db,
            self.records.source,
            self.options.dry_run,
            addresses,
            &PageRoute::Category {
                slug: target_slug.clone(),
            }
            .path(),
            &mut self.summary,
        )
        .await?;
        Ok(Some(made))
    }

    async fn articles(
        &mut self,
        old: &DatabaseConnection,
        decoding: Decoding,
    ) -> anyhow::Result<()> {
        let prefix = self.options.prefix.clone();
        let total = query(old, format!("SELECT COUNT(*) FROM {prefix}archives"))
            .await?
            .first()
            .map(|row| number(row, 0))
            .transpose()?
            .unwrap_or_default();
        let total = u64::try_from(total).unwrap_or_default();
        let progress = Progress::new(
            "{spinner} importing [{bar:40}] {pos}/{len} articles, {eta} left",
            |done, total| format!("importing: {done} of {total} articles"),
        );
        let (mut after, mut done) = (0_i64, 0_u64);
        loop {
            let rows = query(
                old,
                format!(
                    "SELECT CAST(a.id AS SIGNED), CAST(a.typeid AS SIGNED), CAST(a.channel AS SIGNED), \
                     CAST(a.arcrank AS SIGNED), CAST(a.ismake AS SIGNED), CAST(a.money AS SIGNED), \
                     CAST(a.click AS SIGNED), CAST(a.pubdate AS SIGNED), CAST(a.senddate AS SIGNED), \
                     CAST(a.flag AS BINARY), CAST(a.title AS BINARY), CAST(a.writer AS BINARY), \
                     CAST(a.source AS BINARY), CAST(a.litpic AS BINARY), CAST(a.description AS BINARY), \
                     CAST(a.filename AS BINARY), CAST(b.body AS BINARY), CAST(b.redirecturl AS BINARY), \
                     b.aid IS NOT NULL \
                     FROM {prefix}archives a LEFT JOIN {prefix}addonarticle b ON b.aid = a.id \
                     WHERE a.id > {after} ORDER BY a.id LIMIT {BATCH}"
                ),
            )
            .await
            .with_context(|| format!("reading {prefix}archives and {prefix}addonarticle"))?;
            let Some(last) = rows.last() else {
                break;
            };
            after = number(last, 0)?;
            for row in &rows {
                let archive = Archive::read(row, decoding)?;
                self.article(archive).await?;
                done += 1;
            }
            progress.set(done, total.max(done));
        }
        progress.finish();
        Ok(())
    }

    async fn article(&mut self, archive: Archive) -> anyhow::Result<()> {
        let what = format!("#{} 《{}》", archive.id, archive.title.trim());
        if archive.channel != 1 {
            let kind = match archive.channel {
                2 => "an image set (图集)",
                3 => "a download (软件)",
                -1 => "a special (专题)",
                _ => "another content model",
            };
            self.summary.articles.skip(
                format!("{kind}, channel {}, not an article", archive.channel),
                what,
            );
            return Ok(());
        }
        if archive.arcrank == -2 {
            self.summary
                .articles
                .skip("in the recycle bin (回收站)", what);
            return Ok(());
        }
        let Some(body) = &archive.body else {
            self.summary
                .articles
                .skip("no text (no addonarticle row)", what);
            return Ok(());
        };
        if !archive.redirect.trim().is_empty() {
            self.summary
                .articles
                .skip("a jump to another address (跳转文章)", what);
            return Ok(());
        }
        let Some(category_id) = self.category_ids.get(&archive.typeid).copied() else {
            self.summary.articles.skip("in no imported category", what);
            return Ok(());
        };
        let (body, pages) = join_pages(body);
        let body = self.with_library_addresses(&body).await?;
        if body.chars().count() > ARTICLE_BODY_MAX_CHARS {
            self.summary.articles.skip(
                format!("a text longer than {ARTICLE_BODY_MAX_CHARS} characters"),
                what,
            );
            return Ok(());
        }
        if !archive.litpic.trim().is_empty() {
            let title = archive.title.clone();
            self.file(archive.litpic.trim(), &title).await?;
        }
        let time = |seconds: i64| {
            Utc.timestamp_opt(seconds, 0)
                .single()
                .filter(|_| seconds > 0)
        };
        let written = time(archive.senddate).or_else(|| time(archive.pubdate));
        let published = time(archive.pubdate).or(written);
        let (status, published_at) = match (archive.arcrank, published) {
            (-1, _) => (ArticleStatus::Draft, None),
            (_, Some(at)) => (ArticleStatus::Published, Some(at)),
            (_, None) => {
                self.summary.articles.skip("published without a date", what);
                return Ok(());
            }
        };
        let title = match fit(&archive.title, ARTICLE_TITLE_MAX_CHARS, true) {
            title if title.is_empty() => "(无标题)".to_owned(),
            title => title,
        };
        let description = fit(&archive.description, ARTICLE_SUMMARY_MAX_CHARS, false);
        let source_id = archive.id.to_string();
        let Some(id) = upsert_article(
            self.db,
            &self.cache,
            &self.records,
            self.options.dry_run,
            &mut self.summary,
            ArticleFromImport {
                kind: "archive",
                source_id: &source_id,
                what,
                category_id,
                title,
                summary: Some(description).filter(|text| !text.is_empty()),
                body,
                source: Some(fit(&archive.source, ARTICLE_BYLINE_MAX_CHARS, true)),
                author: fit(&archive.writer, ARTICLE_BYLINE_MAX_CHARS, true),
                status,
                published_at,
                written_at: written,
                pinned: archive.flag.split(',').any(|flag| flag.trim() == "h"),
                attachments: Vec::new(),
                views: archive.click,
            },
        )
        .await?
        else {
            return Ok(());
        };
        let addresses = match self.types.get(&archive.typeid) {
            Some(arctype) => article_addresses(&self.site, arctype, &archive, pages),
            None => Vec::new(),
        };
        keep_addresses(
            self.db,
            self.records.source,
            self.options.dry_run,
            addresses,
            &PageRoute::Article { id }.path(),
            &mut self.summary,
        )
        .await?;
        Ok(())
    }

    /// The body with every image and link into the old uploads folder pointing at the
    /// library's copy of the file (those that could not be taken keep their old address).
    async fn with_library_addresses(&mut self, body: &str) -> anyhow::Result<String> {
        static ADDRESS: LazyLock<Option<Regex>> =
            LazyLock::new(|| Regex::new(r#"(?i)(src|href)\s*=\s*["']([^"']+)["']"#).ok());
        let Some(addresses) = &*ADDRESS else {
            return Ok(body.to_owned());
        };
        let mut replaced = String::with_capacity(body.len());
        let mut last = 0;
        for found in addresses.captures_iter(body) {
            let (Some(whole), Some(attribute), Some(url)) =
                (found.get(0), found.get(1), found.get(2))
            else {
                continue;
            };
            let new_url = match self.file(url.as_str(), "").await? {
                Some(file) => file.url,
                None => continue,
            };
            replaced.push_str(&body[last..whole.start()]);
            replaced.push_str(&format!(r#"{}="{new_url}""#, attribute.as_str()));
            last = whole.end();
        }
        replaced.push_str(&body[last..]);
        Ok(replaced)
    }

    /// The library's copy of a file the old site linked to (`/uploads/…`, or the same on its
    /// own host), taken in on first sight; `None` for other addresses and files that could not
    /// be taken (counted as skipped, once each).
    async fn file(&mut self, url: &str, alt: &str) -> anyhow::Result<Option<Imported>> {
        let Some(relative) = upload_path(&self.site, url) else {
            return Ok(None);
        };
        if let Some(known) = self.files.get(&relative) {
            return Ok(known.clone());
        }
        let taken = self.take_file(&relative, alt).await?;
        if let Some(file) = &taken {
            let old_path = format!("{}/{relative}", self.site.medias_dir);
            keep_addresses(
                self.db,
                self.records.source,
                self.options.dry_run,
                vec![(old_path, String::new())],
                &file.url,
                &mut self.summary,
            )
            .await?;
        }
        self.files.insert(relative, taken.clone());
        Ok(taken)
    }

    async fn take_file(&mut self, relative: &str, alt: &str) -> anyhow::Result<Option<Imported>> {
        if let Some(id) = self.records.find(self.db, "file", relative).await? {
            if let Ok(file) = media::get(self.db, id).await {
                self.summary.media.unchanged += 1;
                return Ok(Some(Imported { url: file.url }));
            }
        }
        let Some(uploads) = &self.options.uploads else {
            self.summary.media.skip(
                "no --uploads folder given (a copy of the site's uploads folder)",
                relative,
            );
            return Ok(None);
        };
        let path = uploads.join(relative);
        let Ok(metadata) = std::fs::metadata(&path) else {
            self.summary.media.skip(
                "the file is not in the uploads folder",
                path.display().to_string(),
            );
            return Ok(None);
        };
        if metadata.len() > self.options.media_max_bytes {
            self.summary.media.skip(
                format!(
                    "larger than the upload limit ({} bytes)",
                    self.options.media_max_bytes
                ),
                path.display().to_string(),
            );
            return Ok(None);
        }
        if self.options.dry_run {
            self.summary.media.created += 1;
            return Ok(Some(Imported {
                url: "/media/".into(),
            }));
        }
        let file_name = Path::new(relative)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let received = receive(self.store, &path, &file_name)?;
        let stored = match media::store(self.store, received) {
            Ok(stored) => stored,
            Err(error) => {
                self.summary
                    .media
                    .skip(format!("refused: {error}"), path.display().to_string());
                return Ok(None);
            }
        };
        let alt = fit(alt, portal_api::MEDIA_ALT_MAX_CHARS, true);
        let file = media::create(self.db, stored, alt, None)
            .await
            .map_err(api_error)?;
        self.records
            .remember(self.db, "file", relative, file.id)
            .await?;
        self.summary.media.created += 1;
        Ok(Some(Imported { url: file.url }))
    }
}

/// One row of `archives` with its `addonarticle`.
struct Archive {
    id: i64,
    typeid: i64,
    channel: i64,
    arcrank: i64,
    ismake: i64,
    money: i64,
    click: i64,
    pubdate: i64,
    senddate: i64,
    flag: String,
    title: String,
    writer: String,
    source: String,
    litpic: String,
    description: String,
    filename: String,
    body: Option<String>,
    redirect: String,
}

impl Archive {
    fn read(row: &QueryResult, decoding: Decoding) -> anyhow::Result<Self> {
        let text =
            |index: usize| -> anyhow::Result<String> { Ok(decoding.text(&bytes(row, index)?)) };
        let has_text = number(row, 18)? != 0;
        Ok(Self {
            id: number(row, 0)?,
            typeid: number(row, 1)?,
            channel: number(row, 2)?,
            arcrank: number(row, 3)?,
            ismake: number(row, 4)?,
            money: number(row, 5)?,
            click: number(row, 6)?,
            pubdate: number(row, 7)?,
            senddate: number(row, 8)?,
            flag: text(9)?,
            title: unescape_entities(&text(10)?),
            writer: unescape_entities(&text(11)?),
            source: unescape_entities(&text(12)?),
            litpic: text(13)?,
            description: unescape_entities(&text(14)?),
            filename: text(15)?.trim().to_owned(),
            body: if has_text { Some(text(16)?) } else { None },
            redirect: text(17)?,
        })
    }
}

/// A path under the old uploads folder (`allimg/240314/1-1.jpg`) when `url` points into it,
/// on the site itself or by its host; only plain folder names, never `..`.
fn upload_path(site: &SiteSettings, url: &str) -> Option<String> {
    let url = url.trim();
    let path = if url.starts_with('/') && !url.starts_with("//") {
        url.to_owned()
    } else {
        let parsed = url::Url::parse(url).ok()?;
        let own = url::Url::parse(&site.basehost).ok()?;
        if parsed.host_str() != own.host_str() {
            return None;
        }
        parsed.path().to_owned()
    };
    let path = path.split(['?', '#']).next()?;
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let relative = decoded.strip_prefix(&format!("{}/", site.medias_dir))?;
    let plain = Path::new(relative)
        .components()
        .all(|part| matches!(part, std::path::Component::Normal(_)));
    (plain && !relative.is_empty()).then(|| relative.to_owned())
}

/// DedeCMS's paging marks (`#p#副标题#e#`) taken out: the pages become one text, each later
/// page's own title a heading. Also answers how many pages there were.
fn join_pages(body: &str) -> (String, u32) {
    static MARK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"#p#(.*?)#e#").ok());
    let Some(mark) = &*MARK else {
        return (body.to_owned(), 1);
    };
    let mut pages = 1;
    let joined = mark.replace_all(body, |found: &regex::Captures| {
        pages += 1;
        let title = found[1].trim();
        if title.is_empty() || title == "分页标题" {
            String::new()
        } else {
            format!("<h2>{}</h2>", portal_api::markup::escape(title))
        }
    });
    (joined.into_owned(), pages)
}

/// A category's old addresses: `/plus/list.php?tid=ID`, its folder and index page, and its
/// list pages as its naming rule made them.
fn category_addresses(
    site: &SiteSettings,
    arctype: &ArcType,
    articles: u64,
) -> Vec<(String, String)> {
    let mut addresses = vec![(site.plus("list.php"), format!("tid={}", arctype.id))];
    if arctype.folder.is_empty() || arctype.folder.starts_with("http") {
        return addresses;
    }
    addresses.push((format!("{}/", arctype.folder), String::new()));
    let default_name = if arctype.default_name.is_empty() {
        "index.html"
    } else {
        &arctype.default_name
    };
    addresses.push((format!("{}/{default_name}", arctype.folder), String::new()));
    if arctype.isdefault != -1 {
        let rule = if arctype.list_rule.is_empty() {
            DEFAULT_LIST_RULE
        } else {
            &arctype.list_rule
        };
        let pages = articles.div_ceil(LIST_PAGE_SIZE).clamp(1, LIST_PAGES_MAX);
        for page in 1..=pages {
            let path = rule
                .replace("{typedir}", &arctype.folder)
                .replace("{tid}", &arctype.id.to_string())
                .replace("{page}", &page.to_string());
            addresses.push((site.folder(&path), String::new()));
        }
    }
    addresses
}

/// An article's old addresses: `/plus/view.php?aid=ID` and `/plus/view-ID-1.html` always, and
/// where DedeCMS wrote a static page, that page (and its further pages).
fn article_addresses(
    site: &SiteSettings,
    arctype: &ArcType,
    archive: &Archive,
    pages: u32,
) -> Vec<(String, String)> {
    let mut addresses = vec![
        (site.plus("view.php"), format!("aid={}", archive.id)),
        (
            site.plus(&format!("view-{}-1.html", archive.id)),
            String::new(),
        ),
    ];
    // `view.php?aid=ID&pageno=2` is the same address as far as old links go (only `aid`
    // names the item).
    for page in 2..=pages {
        addresses.push((
            site.plus(&format!("view-{}-{page}.html", archive.id)),
            String::new(),
        ));
    }
    let dynamic = archive.arcrank != 0 || archive.ismake == -1 || archive.money > 0;
    if dynamic {
        return addresses;
    }
    if let Some(page) = static_page(site, arctype, archive) {
        if let Some(stem) = page.strip_suffix(".html") {
            for number in 2..=pages {
                addresses.push((format!("{stem}_{number}.html"), String::new()));
            }
        }
        addresses.push((page, String::new()));
    }
    addresses
}

/// The static page DedeCMS's `GetFileName` made for an article; `None` for a rule naming the
/// title's pinyin, which cannot be made again here.
fn static_page(site: &SiteSettings, arctype: &ArcType, archive: &Archive) -> Option<String> {
    let mut rule = if arctype.article_rule.is_empty() {
        DEFAULT_ARTICLE_RULE.to_owned()
    } else {
        arctype.article_rule.clone()
    }
    .to_lowercase();
    let folder = if arctype.folder.is_empty() {
        format!("{}{}", site.cmspath, site.arcdir)
    } else {
        arctype.folder.clone()
    };
    let local: DateTime<Utc> = Utc
        .timestamp_opt(archive.senddate + site.cli_time * 3600, 0)
        .single()?;
    let (year, month, day) = (
        local.format("%Y").to_string(),
        local.format("%m").to_string(),
        local.format("%d").to_string(),
    );
    if !archive.filename.is_empty() {
        let folder_rule = rule.rsplit_once('/').map_or(".", |(folder, _)| folder);
        rule = format!("{folder_rule}/{}.html", archive.filename);
    }
    let id = archive.id.to_string();
    let page = rule
        .replace("{typedir}", &folder)
        .replace("{y}", &year)
        .replace("{m}", &month)
        .replace("{d}", &day)
        .replace("{timestamp}", &archive.senddate.to_string())
        .replace("{aid}", &id)
        .replace(
            "{cc}",
            &digits_to_letters(&format!("{month}{day}{id}{year}")),
        );
    if page.contains("{p") {
        return None;
    }
    let mut page = format!("/{}", page.trim_start_matches('/'));
    if site.arc_dirname && page.contains("index.html") {
        page = page.replace("index.html", "");
    }
    Some(page)
}

/// DedeCMS's `dd2char`: pairs of digits that are a letter's code become the letter.
fn digits_to_letters(digits: &str) -> String {
    let bytes = digits.as_bytes();
    let mut out = String::new();
    let mut index = 0;
    while index < bytes.len() {
        if index + 1 < bytes.len() {
            let pair = &digits[index..index + 2];
            if let Ok(code) = pair.parse::<u8>() {
                if (65..=90).contains(&code) || (97..=122).contains(&code) {
                    out.push(char::from(code));
                    index += 2;
                    continue;
                }
            }
        }
        out.push(char::from(bytes[index]));
        index += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteSettings {
        SiteSettings {
            cmspath: String::new(),
            arcdir: "/a".into(),
            medias_dir: "/uploads".into(),
            cli_time: 8,
            arc_dirname: true,
            basehost: "http://www.example-pufa.cn".into(),
        }
    }

    fn arctype(folder: &str, rule: &str) -> ArcType {
        ArcType {
            id: 3,
            parent: 0,
            sort: 50,
            name: "普法动态".into(),
            folder: folder.into(),
            isdefault: 1,
            default_name: "index.html".into(),
            ispart: 0,
            article_rule: rule.into(),
            list_rule: String::new(),
            description: String::new(),
            channel: 1,
        }
    }

    fn archive(id: i64, senddate: i64, filename: &str) -> Archive {
        Archive {
            id,
            typeid: 3,
            channel: 1,
            arcrank: 0,
            ismake: 1,
            money: 0,
            click: 0,
            pubdate: senddate,
            senddate,
            flag: String::new(),
            title: String::new(),
            writer: String::new(),
            source: String::new(),
            litpic: String::new(),
            description: String::new(),
            filename: filename.into(),
            body: None,
            redirect: String::new(),
        }
    }

    #[test]
    fn static_pages_are_dated_in_the_sites_hours_as_dedecms_dated_them() {
        // 2021-03-03T16:30:00Z is 3 March in UTC and 4 March at UTC+8.
        let sent = 1_614_789_000;
        let page = static_page(&site(), &arctype("/a/pufa", ""), &archive(12, sent, ""));
        assert_eq!(page.as_deref(), Some("/a/pufa/2021/0304/12.html"));
        let named = static_page(
            &site(),
            &arctype("/a/pufa", ""),
            &archive(12, sent, "notice-2021"),
        );
        assert_eq!(named.as_deref(), Some("/a/pufa/2021/0304/notice-2021.html"));
        let pinyin = static_page(
            &site(),
            &arctype("/a/pufa", "{typedir}/{pinyin}.html"),
            &archive(12, sent, ""),
        );
        assert_eq!(pinyin, None);
        let flat = static_page(
            &site(),
            &arctype("/news", "{typedir}/{aid}.html"),
            &archive(7, sent, ""),
        );
        assert_eq!(flat.as_deref(), Some("/news/7.html"));
    }

    #[test]
    fn digit_pairs_that_are_letter_codes_become_letters() {
        // Pairs are tried at every position, as DedeCMS's loop does.
        assert_eq!(digits_to_letters("0304122021"), "0304122021");
        assert_eq!(digits_to_letters("0315971"), "0315a1");
        assert_eq!(digits_to_letters("6566"), "AB");
        assert_eq!(digits_to_letters("7"), "7");
    }

    #[test]
    fn only_files_under_the_uploads_folder_are_taken() {
        let site = site();
        assert_eq!(
            upload_path(&site, "/uploads/allimg/240314/1-1.jpg").as_deref(),
            Some("allimg/240314/1-1.jpg")
        );
        assert_eq!(
            upload_path(
                &site,
                "http://www.example-pufa.cn/uploads/soft/%E9%80%9A%E7%9F%A5.pdf"
            )
            .as_deref(),
            Some("soft/通知.pdf")
        );
        assert_eq!(
            upload_path(&site, "http://elsewhere.example/uploads/a.jpg"),
            None
        );
        assert_eq!(upload_path(&site, "/uploads/../data/common.inc.php"), None);
        assert_eq!(
            upload_path(&site, "/templets/default/images/logo.gif"),
            None
        );
    }

    #[test]
    fn paging_marks_become_headings() {
        let (body, pages) = join_pages("<p>一</p>#p#分页标题#e#<p>二</p>#p#第三部分#e#<p>三</p>");
        assert_eq!(pages, 3);
        assert_eq!(body, "<p>一</p><p>二</p><h2>第三部分</h2><p>三</p>");
    }

    #[test]
    fn gbk_text_in_a_latin1_table_is_recognised() {
        let gbk = encoding_rs::GBK.encode("普法宣传").0.into_owned();
        assert_eq!(Decoding::Guess.text(&gbk), "普法宣传");
        assert_eq!(Decoding::Guess.text("普法宣传".as_bytes()), "普法宣传");
        assert_eq!(Decoding::Gb18030.text(&gbk), "普法宣传");
    }
}
