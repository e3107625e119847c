//! What feeds and sitemaps list: published articles that are due (a scheduled one joins them
//! when its time comes, without a write), the categories, and when each last changed.

use chrono::{DateTime, Utc};
use portal_api::PageRoute;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::{
    db::{
        self,
        entities::{article, category},
    },
    error::{ApiError, ApiResult},
    services::{
        articles::publicly_visible,
        categories::{self, CategoryCache},
    },
};

/// How many articles a feed carries.
pub const FEED_ITEMS: u64 = 20;
/// The most URLs one sitemap file may hold (the sitemaps protocol's limit).
pub const SITEMAP_PART_URLS: u64 = 50_000;

/// One article in a feed.
#[derive(Debug, Clone, FromQueryResult)]
pub struct FeedEntry {
    pub id: i32,
    pub title: String,
    pub summary: String,
    pub category_id: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// A feed: the site's, or one category's (its descendants included).
#[derive(Debug, Clone)]
pub struct Feed {
    pub category: Option<category::Model>,
    pub entries: Vec<(FeedEntry, String)>,
}

/// The latest articles, newest first, each with its category's name.
pub async fn latest(
    db: &DatabaseConnection,
    cache: &CategoryCache,
    category_slug: Option<&str>,
) -> ApiResult<Feed> {
    let all = cache.all(db).await?;
    let category = match category_slug {
        Some(slug) => Some(
            all.iter()
                .find(|model| model.slug == slug)
                .cloned()
                .ok_or_else(|| ApiError::NotFound(format!("category `{slug}` not found")))?,
        ),
        None => None,
    };
    let mut query = article::Entity::find()
        .select_only()
        .columns([
            article::Column::Id,
            article::Column::Title,
            article::Column::Summary,
            article::Column::CategoryId,
            article::Column::PublishedAt,
            article::Column::UpdatedAt,
        ])
        .filter(publicly_visible(db::now()));
    if let Some(category) = &category {
        query = query
            .filter(article::Column::CategoryId.is_in(categories::subtree_ids(&all, category.id)));
    }
    let entries = query
        .order_by_desc(article::Column::PublishedAt)
        .order_by_desc(article::Column::Id)
        .limit(FEED_ITEMS)
        .into_model::<FeedEntry>()
        .all(db)
        .await?
        .into_iter()
        .map(|entry| {
            let name = all
                .iter()
                .find(|model| model.id == entry.category_id)
                .map(|model| model.name.clone())
                .unwrap_or_default();
            (entry, name)
        })
        .collect();
    Ok(Feed { category, entries })
}

/// One URL of the sitemap, as a path below the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapUrl {
    pub path: String,
    pub last_modified: DateTime<Utc>,
}

/// How the sitemap is laid out: one file, or an index of `parts` files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SitemapPlan {
    /// Home, categories and articles together.
    pub urls: u64,
    pub parts: u64,
    pub last_modified: DateTime<Utc>,
}

impl SitemapPlan {
    fn new(urls: u64, last_modified: DateTime<Utc>) -> Self {
        Self {
            urls,
            parts: urls.div_ceil(SITEMAP_PART_URLS).max(1),
            last_modified,
        }
    }

    pub fn needs_index(&self) -> bool {
        self.parts > 1
    }
}

#[derive(Debug, FromQueryResult)]
struct Newest {
    newest: Option<DateTime<Utc>>,
}

/// The sitemap's size and when anything in it last changed.
pub async fn sitemap_plan(
    db: &DatabaseConnection,
    cache: &CategoryCache,
) -> ApiResult<SitemapPlan> {
    let all = cache.all(db).await?;
    let now = db::now();
    let articles = article::Entity::find()
        .filter(publicly_visible(now))
        .count(db)
        .await?;
    let newest = newest_change(db, now).await?;
    let categories_changed = all.iter().map(|model| model.updated_at).max();
    let last_modified = newest
        .into_iter()
        .chain(categories_changed)
        .max()
        .unwrap_or(now);
    Ok(SitemapPlan::new(
        1 + all.len() as u64 + articles,
        last_modified,
    ))
}

/// The latest of the visible articles' publish and edit times: a scheduled article coming
/// due changes the lists without a write.
async fn newest_change(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> ApiResult<Option<DateTime<Utc>>> {
    let newest = |column: article::Column| {
        article::Entity::find()
            .select_only()
            .column_as(column.max(), "newest")
            .filter(publicly_visible(now))
            .into_model::<Newest>()
            .one(db)
    };
    let updated = newest(article::Column::UpdatedAt)
        .await?
        .and_then(|row| row.newest);
    let published = newest(article::Column::PublishedAt)
        .await?
        .and_then(|row| row.newest);
    Ok(updated.max(published))
}

#[derive(Debug, FromQueryResult)]
struct SitemapArticle {
    id: i32,
    published_at: Option<DateTime<Utc>>,
    updated_at: DateTime<Utc>,
}

/// The URLs of sitemap part `part` (from 1): home and the categories first, then the
/// articles oldest id first, [`SITEMAP_PART_URLS`] a part. `None` past the last part.
pub async fn sitemap_part(
    db: &DatabaseConnection,
    cache: &CategoryCache,
    plan: &SitemapPlan,
    part: u64,
) -> ApiResult<Option<Vec<SitemapUrl>>> {
    if part == 0 || part > plan.parts {
        return Ok(None);
    }
    let all = cache.all(db).await?;
    let first = (part - 1) * SITEMAP_PART_URLS;
    let mut urls = Vec::new();
    let fixed = 1 + all.len() as u64;
    if first < fixed {
        let mut in_order: Vec<&category::Model> = all.iter().collect();
        in_order.sort_by_key(|model| (model.sort_order, model.id));
        urls.push(SitemapUrl {
            path: "/".into(),
            last_modified: plan.last_modified,
        });
        urls.extend(in_order.into_iter().map(|model| {
            SitemapUrl {
                path: PageRoute::Category {
                    slug: model.slug.clone(),
                }
                .path(),
                last_modified: model.updated_at,
            }
        }));
        urls.drain(..usize::try_from(first).unwrap_or(usize::MAX).min(urls.len()));
    }
    let articles_from = first.saturating_sub(fixed);
    let wanted = SITEMAP_PART_URLS - urls.len() as u64;
    let rows = article::Entity::find()
        .select_only()
        .columns([
            article::Column::Id,
            article::Column::PublishedAt,
            article::Column::UpdatedAt,
        ])
        .filter(publicly_visible(db::now()))
        .order_by_asc(article::Column::Id)
        .offset(articles_from)
        .limit(wanted)
        .into_model::<SitemapArticle>()
        .all(db)
        .await?;
    urls.extend(rows.into_iter().map(|row| {
        SitemapUrl {
            path: PageRoute::Article { id: row.id }.path(),
            // A scheduled article's page appears when it comes due, after its last edit.
            last_modified: row
                .published_at
                .map_or(row.updated_at, |at| at.max(row.updated_at)),
        }
    }));
    Ok(Some(urls))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sitemap_splits_into_parts_of_fifty_thousand() {
        let at = Utc::now();
        assert_eq!(SitemapPlan::new(1, at).parts, 1);
        assert!(!SitemapPlan::new(50_000, at).needs_index());
        let big = SitemapPlan::new(100_001, at);
        assert_eq!(big.parts, 3);
        assert!(big.needs_index());
    }
}
