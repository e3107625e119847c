//! `/api/v1/users`: accounts, for admins only.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use portal_api::{NewUser, User, UserPatch};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::Admin,
    error::ApiResult,
    http::extractors::JsonBody,
    routes::responses::{AdminOnly, Conflict, JsonBodyErrors, NotFound, ServerError},
    services::users,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_users)
        .service(create_user)
        .service(get_user)
        .service(update_user)
        .service(delete_user);
}

/// List accounts
///
/// For admins: every account with its role and whether it is enabled. Passwords are never
/// shown.
#[utoipa::path(
    tag = "users",
    responses(
        (status = 200, description = "The accounts.", body = Vec<User>),
        AdminOnly,
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/users")]
async fn list_users(state: web::Data<AppState>, _admin: Admin) -> ApiResult<web::Json<Vec<User>>> {
    Ok(web::Json(users::list(&state.db).await?))
}

/// One account
///
/// For admins: an account by id.
#[utoipa::path(
    tag = "users",
    params(("id" = i32, Path, description = "The account's id.")),
    responses(
        (status = 200, description = "The account.", body = User),
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/users/{id}")]
async fn get_user(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
) -> ApiResult<web::Json<User>> {
    Ok(web::Json(users::get(&state.db, id.into_inner()).await?))
}

/// Create an account
///
/// For admins. The password must be at least 10 characters and hard to guess (422 names
/// the reason otherwise); the name must be unused (409).
#[utoipa::path(
    tag = "users",
    request_body = NewUser,
    responses(
        (status = 201, description = "Created.", body = User,
            headers(("Location" = String, description = "The new account's URL."))),
        JsonBodyErrors,
        AdminOnly,
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/users")]
async fn create_user(
    state: web::Data<AppState>,
    _admin: Admin,
    body: JsonBody<NewUser>,
) -> ApiResult<HttpResponse> {
    let created = users::create(&state.db, body.into_inner()).await?;
    Ok(super::created(
        format!("/api/v1/users/{}", created.id),
        &created,
    ))
}

/// Change an account
///
/// For admins: change its role, reset its password or disable it. Its sessions end when the
/// password, role or state changes. The last enabled admin cannot be demoted or disabled.
#[utoipa::path(
    tag = "users",
    params(("id" = i32, Path, description = "The account's id.")),
    request_body = UserPatch,
    responses(
        (status = 200, description = "The changed account.", body = User),
        JsonBodyErrors,
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
async fn update_user(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
    body: JsonBody<UserPatch>,
) -> ApiResult<web::Json<User>> {
    Ok(web::Json(
        users::update(&state.db, id.into_inner(), body.into_inner()).await?,
    ))
}

/// Delete an account
///
/// For admins. Its sessions end at once. The last enabled admin cannot be deleted.
#[utoipa::path(
    tag = "users",
    params(("id" = i32, Path, description = "The account's id.")),
    responses(
        (status = 204, description = "Deleted."),
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[delete("/users/{id}")]
async fn delete_user(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    users::delete(&state.db, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
