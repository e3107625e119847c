//! Loads the demo content (`demo_content`, written in `backend/demo/`) so that a fresh install
//! shows a portal a reader recognises, and takes it away again (`portal demo load|remove`).
//!
//! Every demo article is marked as such where a reader sees it: 【示例】 before its title and a
//! note above its text. Every row the demo adds is listed in `demo_records`, so removing the
//! demo deletes exactly those rows and never anything an editor wrote.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use portal_api::SiteSettingsPatch;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

use crate::{
    db::{
        self,
        entities::{article, category, demo_record, friend_link, site_setting},
    },
    domain::sanitize_html,
    services::demo_content::{self, DemoCategory},
};

/// Before every demo article's title.
pub const TITLE_MARK: &str = "【示例】";

/// Above every demo article's text.
const BODY_NOTE: &str = "<p class=\"demo-note\"><strong>【示例】</strong>本文是内容管理系统的演示内容,\
     用于展示网站的栏目和版式,不是真实新闻;文中的人员、单位、事件和数字均不指向真实情况,请勿引用。</p>";

/// Above the seed article's text: it is a real page, shown as an example.
const SEED_NOTE: &str =
    "<p class=\"demo-note\"><strong>【示例】</strong>本文转载自一个区级普法网站的公开页面,\
     作为演示内容展示文章页的样式;以原网站发布的内容为准。</p>";

const ARTICLE: &str = "article";
const CATEGORY: &str = "category";
const FRIEND_LINK: &str = "friend_link";

/// What was loaded.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub categories: usize,
    pub articles: usize,
    pub friend_links: usize,
}

/// What was removed, and the demo categories kept because an editor's articles are in them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Removed {
    pub articles: u64,
    pub categories: u64,
    pub friend_links: u64,
    pub kept_categories: Vec<String>,
}

fn shanghai_to_utc(local: chrono::NaiveDateTime) -> DateTime<Utc> {
    Shanghai
        .from_local_datetime(&local)
        .earliest()
        .map(|time| time.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// The site settings a site starts with: the demo's when it loads the demo content, else
/// neutral ones (the configured name or a placeholder, no footer, no ICP number) that the
/// admin fills in the console.
pub fn initial_settings(with_demo: bool, site_name: Option<&str>) -> SiteSettingsPatch {
    let (name, footer, icp, copyright) = if with_demo {
        let demo = demo_content::site_settings();
        (
            demo.site_name.as_str(),
            demo.footer_text.as_str(),
            demo.icp_number.as_str(),
            demo.copyright.as_str(),
        )
    } else {
        (NEUTRAL_SITE_NAME, "", "", "")
    };
    SiteSettingsPatch {
        site_name: Some(site_name.unwrap_or(name).to_owned()),
        footer_text: Some(footer.to_owned()),
        icp_number: Some(icp.to_owned()),
        copyright: Some(copyright.to_owned()),
        timezone: None,
    }
}

/// The name of a site nobody has named yet.
pub const NEUTRAL_SITE_NAME: &str = "未命名站点";

/// Loads the demo content if the database has no categories and no articles.
pub async fn load_if_empty(db: &DatabaseConnection) -> anyhow::Result<Option<Loaded>> {
    if category::Entity::find().count(db).await? > 0 || article::Entity::find().count(db).await? > 0
    {
        return Ok(None);
    }
    load(db).await.map(Some)
}

/// Adds the demo content to a site, in one transaction. Refused when it is there already or a
/// demo category's slug is taken.
pub async fn load(db: &DatabaseConnection) -> anyhow::Result<Loaded> {
    let txn = db::begin_write(db).await?;
    if demo_record::Entity::find().count(&txn).await? > 0 {
        anyhow::bail!("the demo content is loaded already (`portal demo remove` takes it away)");
    }
    let taken: HashSet<String> = category::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|model| model.slug)
        .collect();
    let mut wanted = Vec::new();
    collect_slugs(demo_content::categories(), &mut wanted);
    if let Some(clash) = wanted.iter().find(|slug| taken.contains(**slug)) {
        anyhow::bail!("a category with the demo's slug `{clash}` exists; the demo was not loaded");
    }
    let now = db::now();
    let mut loaded = Loaded::default();
    let mut records: Vec<(&str, i32)> = Vec::new();
    let mut ids_by_slug: HashMap<&'static str, i32> = HashMap::new();

    // Depth-first, parents before children, so every parent id is known when needed.
    let mut pending: Vec<(Option<i32>, i32, &'static DemoCategory)> = demo_content::categories()
        .iter()
        .enumerate()
        .rev()
        .map(|(order, node)| (None, order as i32, node))
        .collect();
    while let Some((parent_id, sort_order, node)) = pending.pop() {
        let created = category::ActiveModel {
            parent_id: Set(parent_id),
            name: Set(node.name.clone()),
            slug: Set(node.slug.clone()),
            description: Set(node.description.clone()),
            sort_order: Set(sort_order),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        records.push((CATEGORY, created.id));
        ids_by_slug.insert(&node.slug, created.id);
        loaded.categories += 1;
        pending.extend(
            node.children
                .iter()
                .enumerate()
                .rev()
                .map(|(order, child)| (Some(created.id), order as i32, child)),
        );
    }

    let seed_title = demo_content::seed_article().title;
    let mut articles: Vec<article::ActiveModel> = demo_content::articles()
        .into_iter()
        .filter_map(|demo| {
            let category_id = *ids_by_slug.get(demo.category_slug)?;
            let published_at = db::whole_seconds(shanghai_to_utc(demo.published_at));
            let note = if demo.title == seed_title {
                SEED_NOTE
            } else {
                BODY_NOTE
            };
            Some(article::ActiveModel {
                category_id: Set(category_id),
                title: Set(format!("{TITLE_MARK}{}", demo.title)),
                summary: Set(demo.summary),
                body: Set(sanitize_html(&format!("{note}\n{}", demo.body_html))),
                source: Set(demo.source),
                author: Set(demo.author),
                status: Set(portal_api::ArticleStatus::Published.as_str().into()),
                published_at: Set(Some(published_at)),
                pinned: Set(demo.pinned),
                hits: Set(0),
                created_at: Set(published_at),
                // Written now: the search indexes follow `updated_at` to find new rows.
                updated_at: Set(crate::db::now()),
                ..Default::default()
            })
        })
        .collect();
    // Oldest first, so ids grow with publish time as they would on a real site.
    articles.sort_by_key(|model| match &model.published_at {
        sea_orm::ActiveValue::Set(at) => *at,
        _ => None,
    });
    for model in articles {
        let created = model.insert(&txn).await?;
        records.push((ARTICLE, created.id));
        loaded.articles += 1;
    }

    for (order, link) in demo_content::friend_links().iter().enumerate() {
        let created = friend_link::ActiveModel {
            name: Set(link.name.clone()),
            url: Set(link.url.clone()),
            sort_order: Set(order as i32),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        records.push((FRIEND_LINK, created.id));
        loaded.friend_links += 1;
    }
    for chunk in records.chunks(200) {
        demo_record::Entity::insert_many(chunk.iter().map(|(kind, id)| demo_record::ActiveModel {
            kind: Set((*kind).to_owned()),
            record_id: Set(*id),
        }))
        .exec(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(loaded)
}

/// Adds `count` more demo articles, made from the demo's own by cycling through them with a
/// number in the title and earlier dates, for measuring a site of that size (`portal demo
/// fill N`). Each is marked 示例 like the rest and removed with it. Needs the demo categories.
pub async fn fill(db: &DatabaseConnection, count: usize) -> anyhow::Result<usize> {
    let ids_by_slug: HashMap<String, i32> = category::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|model| (model.slug, model.id))
        .collect();
    let templates: Vec<_> = demo_content::articles()
        .into_iter()
        .filter_map(|demo| Some((*ids_by_slug.get(demo.category_slug)?, demo)))
        .collect();
    anyhow::ensure!(
        !templates.is_empty(),
        "the demo categories are missing: run `portal demo load` first"
    );
    let mut made = 0;
    while made < count {
        // Stamped per batch: search indexes follow `updated_at`, and a stamp much older than
        // its commit would be missed.
        let now = db::now();
        let txn = db::begin_write(db).await?;
        let mut records = Vec::new();
        for serial in made..(made + 1000).min(count) {
            let (category_id, demo) = &templates[serial % templates.len()];
            let round = serial / templates.len() + 1;
            let published_at = db::whole_seconds(shanghai_to_utc(demo.published_at))
                - chrono::Duration::hours(7 * round as i64);
            let created = article::ActiveModel {
                category_id: Set(*category_id),
                title: Set(format!("{TITLE_MARK}{}(第{round}篇)", demo.title)),
                summary: Set(demo.summary.clone()),
                body: Set(sanitize_html(&format!("{BODY_NOTE}\n{}", demo.body_html))),
                source: Set(demo.source.clone()),
                author: Set(demo.author.clone()),
                status: Set(portal_api::ArticleStatus::Published.as_str().into()),
                published_at: Set(Some(published_at)),
                pinned: Set(false),
                hits: Set((serial % 997) as i64),
                created_at: Set(published_at),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            records.push(created.id);
        }
        for chunk in records.chunks(200) {
            demo_record::Entity::insert_many(chunk.iter().map(|id| demo_record::ActiveModel {
                kind: Set(ARTICLE.to_owned()),
                record_id: Set(*id),
            }))
            .exec(&txn)
            .await?;
        }
        txn.commit().await?;
        made += records.len();
    }
    Ok(made)
}

fn collect_slugs(nodes: &'static [DemoCategory], into: &mut Vec<&'static str>) {
    for node in nodes {
        into.push(&node.slug);
        collect_slugs(&node.children, into);
    }
}

async fn recorded(db: &impl ConnectionTrait, kind: &str) -> anyhow::Result<Vec<i32>> {
    Ok(demo_record::Entity::find()
        .filter(demo_record::Column::Kind.eq(kind))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.record_id)
        .collect())
}

/// Takes the demo content away: its articles (with their view counts), its friend links, and
/// its categories unless an editor's article or category is in one. Site settings still the
/// demo's become neutral. Nothing else is touched.
pub async fn remove(db: &DatabaseConnection, site_name: Option<&str>) -> anyhow::Result<Removed> {
    let txn = db::begin_write(db).await?;
    let mut removed = Removed::default();

    let articles = recorded(&txn, ARTICLE).await?;
    crate::search::record_deletions(&txn, &articles).await?;
    for chunk in articles.chunks(200) {
        removed.articles += article::Entity::delete_many()
            .filter(article::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?
            .rows_affected;
    }
    let links = recorded(&txn, FRIEND_LINK).await?;
    removed.friend_links = friend_link::Entity::delete_many()
        .filter(friend_link::Column::Id.is_in(links))
        .exec(&txn)
        .await?
        .rows_affected;

    // Leaves first: a category goes once nothing is left in it.
    let mut remaining: Vec<i32> = recorded(&txn, CATEGORY).await?;
    loop {
        let all = category::Entity::find().all(&txn).await?;
        let mut deleted_any = false;
        for id in remaining.clone() {
            let has_children = all.iter().any(|model| model.parent_id == Some(id));
            let has_articles = article::Entity::find()
                .filter(article::Column::CategoryId.eq(id))
                .count(&txn)
                .await?
                > 0;
            if !has_children && !has_articles {
                removed.categories += category::Entity::delete_by_id(id)
                    .exec(&txn)
                    .await?
                    .rows_affected;
                remaining.retain(|other| *other != id);
                deleted_any = true;
            }
        }
        if !deleted_any {
            break;
        }
    }
    let all = category::Entity::find().all(&txn).await?;
    removed.kept_categories = all
        .iter()
        .filter(|model| remaining.contains(&model.id))
        .map(|model| model.name.clone())
        .collect();
    demo_record::Entity::delete_many()
        .filter(demo_record::Column::Kind.ne(CATEGORY))
        .exec(&txn)
        .await?;
    demo_record::Entity::delete_many()
        .filter(demo_record::Column::Kind.eq(CATEGORY))
        .filter(demo_record::Column::RecordId.is_not_in(remaining.clone()))
        .exec(&txn)
        .await?;

    // Only what is still the demo's becomes neutral; what the admin changed stays.
    if let Some(settings) = site_setting::Entity::find().one(&txn).await? {
        let demo = initial_settings(true, None);
        let neutral = initial_settings(false, site_name);
        let still_demo =
            |value: &str, demo: Option<String>| !value.is_empty() && demo.as_deref() == Some(value);
        let mut active: site_setting::ActiveModel = settings.clone().into();
        let mut changed = false;
        if still_demo(&settings.site_name, demo.site_name) {
            active.site_name = Set(neutral.site_name.unwrap_or_default());
            changed = true;
        }
        if still_demo(&settings.footer_text, demo.footer_text) {
            active.footer_text = Set(String::new());
            changed = true;
        }
        if still_demo(&settings.copyright, demo.copyright) {
            active.copyright = Set(String::new());
            changed = true;
        }
        if changed {
            active.updated_at = Set(db::now());
            active.update(&txn).await?;
        }
    }
    txn.commit().await?;
    Ok(removed)
}
