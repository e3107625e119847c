//! Loads the demo content (`demo_content`) into an empty database, in one transaction, so that
//! a fresh install shows a portal a reader recognises. A database that holds any category or
//! article is never touched.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set, TransactionTrait,
};

use crate::{
    db::{
        self,
        entities::{article, category, friend_link},
    },
    domain::sanitize_html,
    services::demo_content::{self, DemoCategory},
};

/// What was loaded.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub categories: usize,
    pub articles: usize,
    pub friend_links: usize,
}

fn shanghai_to_utc(local: chrono::NaiveDateTime) -> DateTime<Utc> {
    Shanghai
        .from_local_datetime(&local)
        .earliest()
        .map(|time| time.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// Loads the demo content if the database has no categories and no articles.
pub async fn load_if_empty(db: &DatabaseConnection) -> anyhow::Result<Option<Loaded>> {
    if category::Entity::find().count(db).await? > 0 || article::Entity::find().count(db).await? > 0
    {
        return Ok(None);
    }
    let txn = db.begin().await?;
    let now = db::now();
    let mut loaded = Loaded::default();
    let mut ids_by_slug: HashMap<&'static str, i32> = HashMap::new();

    // Depth-first, parents before children, so every parent id is known when needed.
    let mut pending: Vec<(Option<i32>, i32, &'static DemoCategory)> = demo_content::CATEGORIES
        .iter()
        .enumerate()
        .rev()
        .map(|(order, node)| (None, order as i32, node))
        .collect();
    while let Some((parent_id, sort_order, node)) = pending.pop() {
        let created = category::ActiveModel {
            parent_id: Set(parent_id),
            name: Set(node.name.into()),
            slug: Set(node.slug.into()),
            description: Set(node.description.into()),
            sort_order: Set(sort_order),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        ids_by_slug.insert(node.slug, created.id);
        loaded.categories += 1;
        pending.extend(
            node.children
                .iter()
                .enumerate()
                .rev()
                .map(|(order, child)| (Some(created.id), order as i32, child)),
        );
    }

    let articles: Vec<article::ActiveModel> = demo_content::articles()
        .into_iter()
        .filter_map(|demo| {
            let category_id = *ids_by_slug.get(demo.category_slug)?;
            let published_at = db::whole_seconds(shanghai_to_utc(demo.published_at));
            Some(article::ActiveModel {
                category_id: Set(category_id),
                title: Set(demo.title),
                summary: Set(demo.summary),
                body: Set(sanitize_html(&demo.body_html)),
                source: Set(demo.source),
                author: Set(demo.author),
                status: Set(portal_api::ArticleStatus::Published.as_str().into()),
                published_at: Set(Some(published_at)),
                pinned: Set(demo.pinned),
                hits: Set(0),
                created_at: Set(published_at),
                updated_at: Set(published_at),
                ..Default::default()
            })
        })
        .collect();
    loaded.articles = articles.len();
    // Oldest first, so ids grow with publish time as they would on a real site.
    let mut articles = articles;
    articles.sort_by_key(|model| match &model.published_at {
        sea_orm::ActiveValue::Set(at) => *at,
        _ => None,
    });
    for chunk in articles.chunks(100) {
        article::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }

    for (order, link) in demo_content::FRIEND_LINKS.iter().enumerate() {
        friend_link::ActiveModel {
            name: Set(link.name.into()),
            url: Set(link.url.into()),
            sort_order: Set(order as i32),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        loaded.friend_links += 1;
    }
    txn.commit().await?;
    Ok(Some(loaded))
}
