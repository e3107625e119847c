//! The category tree: reading it as a tree, breadcrumbs, descendants, and the changes that
//! keep it a tree (a category can never be moved under itself).

use std::collections::{HashMap, HashSet};

use portal_api::{
    Category, CategoryDetail, CategoryNode, CategoryPatch, CategoryRef, ErrorCode, NewCategory,
    CATEGORY_DESCRIPTION_MAX_CHARS, CATEGORY_NAME_MAX_CHARS,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::{
    db::{
        self,
        entities::{article, category},
    },
    domain::{BoundedText, Slug, Title},
    error::{ApiError, ApiResult, FieldErrors},
};

use super::remembered::Remembered;

pub type CategoryName = Title<CATEGORY_NAME_MAX_CHARS>;
pub type CategoryDescription = BoundedText<CATEGORY_DESCRIPTION_MAX_CHARS>;

pub fn to_dto(model: &category::Model) -> Category {
    Category {
        id: model.id,
        parent_id: model.parent_id,
        name: model.name.clone(),
        slug: model.slug.clone(),
        description: model.description.clone(),
        sort_order: model.sort_order,
        created_at: model.created_at,
        updated_at: model.updated_at,
    }
}

pub fn to_ref(model: &category::Model) -> CategoryRef {
    CategoryRef {
        id: model.id,
        name: model.name.clone(),
        slug: model.slug.clone(),
    }
}

/// The category list, kept in memory: every public read needs it (breadcrumbs, descendants)
/// and it changes rarely.
pub struct CategoryCache(Remembered<Vec<category::Model>>);

impl CategoryCache {
    pub fn new(lifetime: std::time::Duration) -> Self {
        Self(Remembered::new(lifetime))
    }

    /// Every category in display order, from memory when fresh.
    pub async fn all(
        &self,
        db: &DatabaseConnection,
    ) -> ApiResult<std::sync::Arc<Vec<category::Model>>> {
        self.0.get_or_read(|| all(db)).await
    }

    /// Forgets the list (after a change).
    pub fn invalidate(&self) {
        self.0.forget();
    }
}

/// Every category in display order (by sort order, then id), from the database.
pub async fn all(db: &impl ConnectionTrait) -> ApiResult<Vec<category::Model>> {
    Ok(category::Entity::find()
        .order_by_asc(category::Column::SortOrder)
        .order_by_asc(category::Column::Id)
        .all(db)
        .await?)
}

/// The whole tree, top level first, children nested, each level in display order.
pub fn build_tree(all: &[category::Model]) -> Vec<CategoryNode> {
    let mut children_of: HashMap<Option<i32>, Vec<&category::Model>> = HashMap::new();
    for model in all {
        children_of.entry(model.parent_id).or_default().push(model);
    }
    for siblings in children_of.values_mut() {
        siblings.sort_by_key(|model| (model.sort_order, model.id));
    }
    fn nodes(
        parent: Option<i32>,
        children_of: &HashMap<Option<i32>, Vec<&category::Model>>,
        seen: &mut HashSet<i32>,
    ) -> Vec<CategoryNode> {
        let Some(children) = children_of.get(&parent) else {
            return Vec::new();
        };
        let mut result = Vec::with_capacity(children.len());
        for model in children {
            if !seen.insert(model.id) {
                continue;
            }
            result.push(CategoryNode {
                id: model.id,
                parent_id: model.parent_id,
                name: model.name.clone(),
                slug: model.slug.clone(),
                description: model.description.clone(),
                sort_order: model.sort_order,
                children: nodes(Some(model.id), children_of, seen),
            });
        }
        result
    }
    nodes(None, &children_of, &mut HashSet::new())
}

/// The categories above `id`, from the top level down. Stops at a loop rather than spinning.
pub fn ancestors(all: &[category::Model], id: i32) -> Vec<&category::Model> {
    let by_id: HashMap<i32, &category::Model> = all.iter().map(|model| (model.id, model)).collect();
    let mut path = Vec::new();
    let mut seen = HashSet::from([id]);
    let mut current = by_id.get(&id).and_then(|model| model.parent_id);
    while let Some(parent_id) = current {
        if !seen.insert(parent_id) {
            break;
        }
        let Some(parent) = by_id.get(&parent_id) else {
            break;
        };
        path.push(*parent);
        current = parent.parent_id;
    }
    path.reverse();
    path
}

/// `id` and every category below it.
pub fn subtree_ids(all: &[category::Model], id: i32) -> Vec<i32> {
    let mut result = vec![id];
    let mut seen = HashSet::from([id]);
    let mut index = 0;
    while index < result.len() {
        let parent = result[index];
        for model in all.iter().filter(|model| model.parent_id == Some(parent)) {
            if seen.insert(model.id) {
                result.push(model.id);
            }
        }
        index += 1;
    }
    result
}

/// Whether putting `moving` under `new_parent` would make it its own ancestor.
pub fn would_create_cycle(all: &[category::Model], moving: i32, new_parent: i32) -> bool {
    subtree_ids(all, moving).contains(&new_parent)
}

/// Finds a category by numeric id or by slug.
pub fn find_in<'a>(all: &'a [category::Model], id_or_slug: &str) -> Option<&'a category::Model> {
    match id_or_slug.parse::<i32>() {
        Ok(id) => all.iter().find(|model| model.id == id),
        Err(_) => all.iter().find(|model| model.slug == id_or_slug),
    }
}

pub fn detail(all: &[category::Model], model: &category::Model) -> CategoryDetail {
    CategoryDetail {
        category: to_dto(model),
        ancestors: ancestors(all, model.id).into_iter().map(to_ref).collect(),
        children: all
            .iter()
            .filter(|child| child.parent_id == Some(model.id))
            .map(to_dto)
            .collect(),
    }
}

pub async fn tree(db: &DatabaseConnection, cache: &CategoryCache) -> ApiResult<Vec<CategoryNode>> {
    Ok(build_tree(&cache.all(db).await?))
}

pub async fn get(
    db: &DatabaseConnection,
    cache: &CategoryCache,
    id_or_slug: &str,
) -> ApiResult<CategoryDetail> {
    let all = cache.all(db).await?;
    let model = find_in(&all, id_or_slug).ok_or_else(|| ApiError::not_found("category"))?;
    Ok(detail(&all, model))
}

/// Every category, locked against concurrent moves where the database can lock rows.
async fn all_for_update(db: &impl ConnectionTrait) -> ApiResult<Vec<category::Model>> {
    let query = category::Entity::find().order_by_asc(category::Column::Id);
    let query = match db.get_database_backend() {
        // SQLite has no row locks: its single writer already serialises the transaction.
        DatabaseBackend::Sqlite => query,
        _ => query.lock_exclusive(),
    };
    Ok(query.all(db).await?)
}

fn check_slug_free(all: &[category::Model], slug: &Slug, except: Option<i32>) -> ApiResult<()> {
    if all
        .iter()
        .any(|model| model.slug == slug.as_str() && Some(model.id) != except)
    {
        return Err(ApiError::conflict(
            ErrorCode::NameTaken,
            format!("the slug `{}` is taken", slug.as_str()),
        ));
    }
    Ok(())
}

fn next_sort_order(all: &[category::Model], parent: Option<i32>) -> i32 {
    all.iter()
        .filter(|model| model.parent_id == parent)
        .map(|model| model.sort_order)
        .max()
        .map_or(0, |max| max.saturating_add(1))
}

pub async fn create(
    db: &DatabaseConnection,
    cache: &CategoryCache,
    input: NewCategory,
) -> ApiResult<CategoryDetail> {
    let mut errors = FieldErrors::default();
    let name = errors.check("name", CategoryName::parse(&input.name));
    let slug = errors.check("slug", Slug::parse(&input.slug));
    let description = errors.check(
        "description",
        CategoryDescription::parse(&input.description),
    );
    errors.finish()?;
    let (Some(name), Some(slug), Some(description)) = (name, slug, description) else {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };

    let created_id = db::retry_on_contention(|| async {
        let txn = db::begin_write(db).await?;
        let existing = all_for_update(&txn).await?;
        if let Some(parent) = input.parent_id {
            if !existing.iter().any(|model| model.id == parent) {
                return Err(ApiError::unknown_reference(
                    "parent_id",
                    format!("there is no category {parent}"),
                ));
            }
        }
        check_slug_free(&existing, &slug, None)?;
        let now = db::now();
        let created = category::ActiveModel {
            parent_id: Set(input.parent_id),
            name: Set(name.as_str().to_owned()),
            slug: Set(slug.as_str().to_owned()),
            description: Set(description.as_str().to_owned()),
            sort_order: Set(input
                .sort_order
                .unwrap_or_else(|| next_sort_order(&existing, input.parent_id))),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(created.id)
    })
    .await?;
    cache.invalidate();
    get(db, cache, &created_id.to_string()).await
}

pub async fn update(
    db: &DatabaseConnection,
    cache: &CategoryCache,
    id: i32,
    patch: CategoryPatch,
) -> ApiResult<CategoryDetail> {
    let mut errors = FieldErrors::default();
    let name = errors.check_optional("name", patch.name.as_deref(), CategoryName::parse);
    let slug = errors.check_optional("slug", patch.slug.as_deref(), Slug::parse);
    let description = errors.check_optional(
        "description",
        patch.description.as_deref(),
        CategoryDescription::parse,
    );
    errors.finish()?;

    db::retry_on_contention(|| async {
        let txn = db::begin_write(db).await?;
        let existing = all_for_update(&txn).await?;
        let current = existing
            .iter()
            .find(|model| model.id == id)
            .cloned()
            .ok_or_else(|| ApiError::not_found("category"))?;
        let mut active: category::ActiveModel = current.into();
        if let Some(new_parent) = patch.parent_id {
            if let Some(parent) = new_parent {
                if !existing.iter().any(|model| model.id == parent) {
                    return Err(ApiError::unknown_reference(
                        "parent_id",
                        format!("there is no category {parent}"),
                    ));
                }
                if would_create_cycle(&existing, id, parent) {
                    return Err(ApiError::conflict(
                        ErrorCode::TreeCycle,
                        "a category cannot be moved under itself or one of its descendants",
                    ));
                }
            }
            active.parent_id = Set(new_parent);
        }
        if let Some(slug) = &slug {
            check_slug_free(&existing, slug, Some(id))?;
            active.slug = Set(slug.as_str().to_owned());
        }
        if let Some(name) = &name {
            active.name = Set(name.as_str().to_owned());
        }
        if let Some(description) = &description {
            active.description = Set(description.as_str().to_owned());
        }
        if let Some(sort_order) = patch.sort_order {
            active.sort_order = Set(sort_order);
        }
        active.updated_at = Set(db::now());
        active.update(&txn).await?;
        txn.commit().await?;
        Ok(())
    })
    .await?;
    cache.invalidate();
    get(db, cache, &id.to_string()).await
}

/// Deletes an empty category; one with children or articles is refused, never cascaded.
pub async fn delete(db: &DatabaseConnection, cache: &CategoryCache, id: i32) -> ApiResult<()> {
    db::retry_on_contention(|| async {
        let txn = db::begin_write(db).await?;
        let existing = all_for_update(&txn).await?;
        if !existing.iter().any(|model| model.id == id) {
            return Err(ApiError::not_found("category"));
        }
        let children = existing
            .iter()
            .filter(|model| model.parent_id == Some(id))
            .count();
        if children > 0 {
            return Err(ApiError::conflict(
                ErrorCode::NotEmpty,
                format!("the category has {children} sub-categories; move or delete them first"),
            ));
        }
        let articles = article::Entity::find()
            .filter(article::Column::CategoryId.eq(id))
            .count(&txn)
            .await?;
        if articles > 0 {
            return Err(ApiError::conflict(
                ErrorCode::NotEmpty,
                format!("the category holds {articles} articles; move or delete them first"),
            ));
        }
        category::Entity::delete_by_id(id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    })
    .await?;
    cache.invalidate();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(id: i32, parent_id: Option<i32>, sort_order: i32) -> category::Model {
        category::Model {
            id,
            parent_id,
            name: format!("c{id}"),
            slug: format!("c{id}"),
            description: String::new(),
            sort_order,
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    /// 1 > 2 > 3, 1 > 4, 5
    fn sample() -> Vec<category::Model> {
        vec![
            model(1, None, 0),
            model(2, Some(1), 1),
            model(3, Some(2), 0),
            model(4, Some(1), 0),
            model(5, None, 1),
        ]
    }

    #[test]
    fn the_tree_nests_children_in_display_order() {
        let tree = build_tree(&sample());
        assert_eq!(tree.iter().map(|node| node.id).collect::<Vec<_>>(), [1, 5]);
        let children: Vec<i32> = tree[0].children.iter().map(|node| node.id).collect();
        assert_eq!(children, [4, 2]);
        assert_eq!(tree[0].children[1].children[0].id, 3);
    }

    #[test]
    fn ancestors_run_from_the_top_level_down() {
        let all = sample();
        let ids: Vec<i32> = ancestors(&all, 3).iter().map(|model| model.id).collect();
        assert_eq!(ids, [1, 2]);
        assert!(ancestors(&all, 1).is_empty());
    }

    #[test]
    fn moving_a_category_under_its_own_descendant_is_a_cycle() {
        let all = sample();
        assert!(would_create_cycle(&all, 1, 3));
        assert!(would_create_cycle(&all, 2, 2));
        assert!(!would_create_cycle(&all, 3, 4));
        assert!(!would_create_cycle(&all, 1, 5));
    }

    #[test]
    fn the_subtree_includes_every_descendant() {
        let mut ids = subtree_ids(&sample(), 1);
        ids.sort_unstable();
        assert_eq!(ids, [1, 2, 3, 4]);
    }

    #[test]
    fn a_corrupt_loop_in_stored_data_does_not_hang_the_breadcrumb() {
        let looped = vec![model(1, Some(2), 0), model(2, Some(1), 0)];
        assert_eq!(ancestors(&looped, 1).len(), 1);
        assert!(build_tree(&looped).is_empty());
    }

    #[test]
    fn categories_are_found_by_id_or_slug() {
        let all = sample();
        assert_eq!(find_in(&all, "3").map(|model| model.id), Some(3));
        assert_eq!(find_in(&all, "c4").map(|model| model.id), Some(4));
        assert!(find_in(&all, "nope").is_none());
    }
}
