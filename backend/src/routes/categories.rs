//! `/api/v1/categories`: the tree for navigation, one category with its breadcrumb, and the
//! admins' changes to the tree.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use portal_api::{CategoryDetail, CategoryNode, CategoryPatch, NewCategory};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::Admin,
    error::ApiResult,
    http::extractors::JsonBody,
    routes::responses::{AdminOnly, BadRequest, Conflict, JsonBodyErrors, NotFound, ServerError},
    services::categories,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(category_tree)
        .service(create_category)
        .service(get_category)
        .service(update_category)
        .service(delete_category);
}

/// The category tree
///
/// Every category, top level first, children nested, in display order: what the portal's
/// navigation draws. Public; carries an `ETag`.
#[utoipa::path(
    tag = "categories",
    responses(
        (status = 200, description = "The tree.", body = Vec<CategoryNode>),
        (status = 400, response = BadRequest),
        (status = 500, response = ServerError),
    ),
)]
#[get("/categories")]
async fn category_tree(state: web::Data<AppState>) -> ApiResult<web::Json<Vec<CategoryNode>>> {
    Ok(web::Json(
        categories::tree(&state.db, &state.categories).await?,
    ))
}

/// One category
///
/// A category by id or slug, with its ancestors from the top level down (the breadcrumb)
/// and its direct children. Public; carries an `ETag`.
#[utoipa::path(
    tag = "categories",
    params(("id" = String, Path, description = "The category's numeric id or its slug.", example = "xinzhou")),
    responses(
        (status = 200, description = "The category.", body = CategoryDetail),
        (status = 404, response = NotFound),
        (status = 400, response = BadRequest),
        (status = 500, response = ServerError),
    ),
)]
#[get("/categories/{id}")]
async fn get_category(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<web::Json<CategoryDetail>> {
    Ok(web::Json(
        categories::get(&state.db, &state.categories, &id).await?,
    ))
}

/// Create a category
///
/// For admins. Under `parent_id`, or at the top level without one; at the end of its
/// siblings unless `sort_order` says otherwise. The slug must be unused (409 otherwise).
#[utoipa::path(
    tag = "categories",
    request_body = NewCategory,
    responses(
        (status = 201, description = "Created.", body = CategoryDetail,
            headers(("Location" = String, description = "The new category's URL."))),
        JsonBodyErrors,
        AdminOnly,
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/categories")]
async fn create_category(
    state: web::Data<AppState>,
    _admin: Admin,
    body: JsonBody<NewCategory>,
) -> ApiResult<HttpResponse> {
    let created = categories::create(&state.db, &state.categories, body.into_inner()).await?;
    Ok(super::created(
        format!("/api/v1/categories/{}", created.category.id),
        &created,
    ))
}

/// Change a category
///
/// For admins: rename, move (`parent_id`), reorder (`sort_order`) or re-slug it. Only the
/// fields present change. A move under the category's own subtree is refused with 409.
#[utoipa::path(
    tag = "categories",
    params(("id" = i32, Path, description = "The category's id.")),
    request_body = CategoryPatch,
    responses(
        (status = 200, description = "The changed category.", body = CategoryDetail),
        JsonBodyErrors,
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[patch("/categories/{id}")]
async fn update_category(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
    body: JsonBody<CategoryPatch>,
) -> ApiResult<web::Json<CategoryDetail>> {
    Ok(web::Json(
        categories::update(
            &state.db,
            &state.categories,
            id.into_inner(),
            body.into_inner(),
        )
        .await?,
    ))
}

/// Delete a category
///
/// For admins. Only an empty category can go: one that still has sub-categories or
/// articles is refused with 409.
#[utoipa::path(
    tag = "categories",
    params(("id" = i32, Path, description = "The category's id.")),
    responses(
        (status = 204, description = "Deleted."),
        AdminOnly,
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[delete("/categories/{id}")]
async fn delete_category(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    categories::delete(&state.db, &state.categories, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
