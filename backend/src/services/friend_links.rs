//! Friend links (友情连接), in footer order.

use portal_api::{
    FriendLink, FriendLinkPatch, NewFriendLink, FRIEND_LINK_NAME_MAX_CHARS,
    FRIEND_LINK_URL_MAX_CHARS,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryOrder, QuerySelect, Set,
};

use crate::{
    db::{self, entities::friend_link},
    domain::{HttpUrl, Title},
    error::{ApiError, ApiResult, FieldErrors},
};

use super::remembered::Remembered;

pub type LinkName = Title<FRIEND_LINK_NAME_MAX_CHARS>;
pub type LinkUrl = HttpUrl<FRIEND_LINK_URL_MAX_CHARS>;

fn to_dto(model: friend_link::Model) -> FriendLink {
    FriendLink {
        id: model.id,
        name: model.name,
        url: model.url,
        sort_order: model.sort_order,
        created_at: model.created_at,
        updated_at: model.updated_at,
    }
}

/// The links in footer order, from memory while fresh.
pub async fn list(
    db: &DatabaseConnection,
    remembered: &Remembered<Vec<FriendLink>>,
) -> ApiResult<Vec<FriendLink>> {
    let links = remembered
        .get_or_read(|| async {
            let links = friend_link::Entity::find()
                .order_by_asc(friend_link::Column::SortOrder)
                .order_by_asc(friend_link::Column::Id)
                .all(db)
                .await?;
            Ok(links.into_iter().map(to_dto).collect())
        })
        .await?;
    Ok(Vec::clone(&links))
}

pub async fn get(db: &DatabaseConnection, id: i32) -> ApiResult<FriendLink> {
    friend_link::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(to_dto)
        .ok_or_else(|| ApiError::not_found("friend link"))
}

pub async fn create(
    db: &DatabaseConnection,
    remembered: &Remembered<Vec<FriendLink>>,
    input: NewFriendLink,
) -> ApiResult<FriendLink> {
    let mut errors = FieldErrors::default();
    let name = errors.check("name", LinkName::parse(&input.name));
    let url = errors.check("url", LinkUrl::parse(&input.url));
    errors.finish()?;
    let (Some(name), Some(url)) = (name, url) else {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    let sort_order = match input.sort_order {
        Some(order) => order,
        None => {
            let last: Option<i32> = friend_link::Entity::find()
                .select_only()
                .column_as(friend_link::Column::SortOrder.max(), "max")
                .into_tuple::<Option<i32>>()
                .one(db)
                .await?
                .flatten();
            last.map_or(0, |max| max.saturating_add(1))
        }
    };
    let now = db::now();
    let new_link = friend_link::ActiveModel {
        name: Set(name.into_inner()),
        url: Set(url.into_inner()),
        sort_order: Set(sort_order),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let created = remembered
        .after_change(db::retry_on_contention(|| new_link.clone().insert(db)))
        .await?;
    Ok(to_dto(created))
}

pub async fn update(
    db: &DatabaseConnection,
    remembered: &Remembered<Vec<FriendLink>>,
    id: i32,
    patch: FriendLinkPatch,
) -> ApiResult<FriendLink> {
    let mut errors = FieldErrors::default();
    let name = errors.check_optional("name", patch.name.as_deref(), LinkName::parse);
    let url = errors.check_optional("url", patch.url.as_deref(), LinkUrl::parse);
    errors.finish()?;
    let existing = friend_link::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("friend link"))?;
    let mut active: friend_link::ActiveModel = existing.into();
    if let Some(name) = name {
        active.name = Set(name.into_inner());
    }
    if let Some(url) = url {
        active.url = Set(url.into_inner());
    }
    if let Some(sort_order) = patch.sort_order {
        active.sort_order = Set(sort_order);
    }
    active.updated_at = Set(db::now());
    let updated = remembered
        .after_change(db::retry_on_contention(|| active.clone().update(db)))
        .await?;
    Ok(to_dto(updated))
}

pub async fn delete(
    db: &DatabaseConnection,
    remembered: &Remembered<Vec<FriendLink>>,
    id: i32,
) -> ApiResult<()> {
    let result = remembered
        .after_change(db::retry_on_contention(|| {
            friend_link::Entity::delete_by_id(id).exec(db)
        }))
        .await?;
    if result.rows_affected == 0 {
        return Err(ApiError::not_found("friend link"));
    }
    Ok(())
}
