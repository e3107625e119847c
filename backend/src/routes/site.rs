//! `/api/v1/site`: the settings the portal's header and footer show.

use actix_web::{get, patch, web};
use portal_api::{SiteSettings, SiteSettingsPatch};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::Admin,
    error::ApiResult,
    http::extractors::JsonBody,
    routes::responses::{AdminOnly, BadRequest, JsonBodyErrors, ServerError},
    services::site,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config.service(get_site).service(update_site);
}

/// The site settings
///
/// The site's name, footer text, ICP record number, copyright line and time zone: what the
/// portal's header and footer show. Public; carries an `ETag`.
#[utoipa::path(
    tag = "site",
    responses(
        (status = 200, description = "The settings.", body = SiteSettings),
        (status = 400, response = BadRequest),
        (status = 500, response = ServerError),
    ),
)]
#[get("/site")]
async fn get_site(state: web::Data<AppState>) -> ApiResult<web::Json<SiteSettings>> {
    Ok(web::Json(site::get(&state.db, &state.site).await?))
}

/// Change the site settings
///
/// For admins. Only the fields present change; the time zone must be one of the IANA tz
/// database (e.g. `Asia/Shanghai`).
#[utoipa::path(
    tag = "site",
    request_body = SiteSettingsPatch,
    responses(
        (status = 200, description = "The changed settings.", body = SiteSettings),
        JsonBodyErrors,
        AdminOnly,
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[patch("/site")]
async fn update_site(
    state: web::Data<AppState>,
    _admin: Admin,
    body: JsonBody<SiteSettingsPatch>,
) -> ApiResult<web::Json<SiteSettings>> {
    let settings = site::update(&state.db, &state.site, body.into_inner()).await?;
    // Day buckets follow the new zone at once here; other instances within half a minute.
    if let Ok(zone) = settings.timezone.parse() {
        state.hits.set_timezone(zone);
    }
    Ok(web::Json(settings))
}
