//! `/api/v1/friend-links`: the footer's links; admins change them.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use portal_api::{FriendLink, FriendLinkPatch, NewFriendLink};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::Admin,
    error::ApiResult,
    http::extractors::JsonBody,
    routes::responses::{AdminOnly, BadRequest, JsonBodyErrors, NotFound, ServerError},
    services::friend_links,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_friend_links)
        .service(create_friend_link)
        .service(get_friend_link)
        .service(update_friend_link)
        .service(delete_friend_link);
}

/// The friend links
///
/// The links the portal's footer shows (友情连接), in footer order. Public; carries an
/// `ETag`.
#[utoipa::path(
    tag = "friend-links",
    responses(
        (status = 200, description = "The links.", body = Vec<FriendLink>),
        (status = 400, response = BadRequest),
        (status = 500, response = ServerError),
    ),
)]
#[get("/friend-links")]
async fn list_friend_links(state: web::Data<AppState>) -> ApiResult<web::Json<Vec<FriendLink>>> {
    Ok(web::Json(
        friend_links::list(&state.db, &state.friend_links).await?,
    ))
}

/// One friend link
///
/// A friend link by id. Public; carries an `ETag`.
#[utoipa::path(
    tag = "friend-links",
    params(("id" = i32, Path, description = "The link's id.")),
    responses(
        (status = 200, description = "The link.", body = FriendLink),
        (status = 404, response = NotFound),
        (status = 400, response = BadRequest),
        (status = 500, response = ServerError),
    ),
)]
#[get("/friend-links/{id}")]
async fn get_friend_link(
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> ApiResult<web::Json<FriendLink>> {
    Ok(web::Json(
        friend_links::get(&state.db, id.into_inner()).await?,
    ))
}

/// Add a friend link
///
/// For admins. The link goes at the end of the footer unless `sort_order` says otherwise;
/// its URL must be `http` or `https`.
#[utoipa::path(
    tag = "friend-links",
    request_body = NewFriendLink,
    responses(
        (status = 201, description = "Created.", body = FriendLink,
            headers(("Location" = String, description = "The new link's URL."))),
        JsonBodyErrors,
        AdminOnly,
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/friend-links")]
async fn create_friend_link(
    state: web::Data<AppState>,
    _admin: Admin,
    body: JsonBody<NewFriendLink>,
) -> ApiResult<HttpResponse> {
    let link = friend_links::create(&state.db, &state.friend_links, body.into_inner()).await?;
    Ok(super::created(
        format!("/api/v1/friend-links/{}", link.id),
        &link,
    ))
}

/// Change a friend link
///
/// For admins. Only the fields present change.
#[utoipa::path(
    tag = "friend-links",
    params(("id" = i32, Path, description = "The link's id.")),
    request_body = FriendLinkPatch,
    responses(
        (status = 200, description = "The changed link.", body = FriendLink),
        JsonBodyErrors,
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[patch("/friend-links/{id}")]
async fn update_friend_link(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
    body: JsonBody<FriendLinkPatch>,
) -> ApiResult<web::Json<FriendLink>> {
    Ok(web::Json(
        friend_links::update(
            &state.db,
            &state.friend_links,
            id.into_inner(),
            body.into_inner(),
        )
        .await?,
    ))
}

/// Remove a friend link
///
/// For admins. The footer stops showing it at once (on other instances sharing the database
/// within two seconds).
#[utoipa::path(
    tag = "friend-links",
    params(("id" = i32, Path, description = "The link's id.")),
    responses(
        (status = 204, description = "Deleted."),
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[delete("/friend-links/{id}")]
async fn delete_friend_link(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    friend_links::delete(&state.db, &state.friend_links, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
