//! `/healthz` (the process answers) and `/readyz` (the database answers too).

use actix_web::{get, http::header, web, HttpResponse};
use portal_api::{Health, Readiness};
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{db, error::ApiError, state::AppState};

pub fn configure(config: &mut ServiceConfig) {
    config.service(healthz).service(readyz);
}

/// Liveness
///
/// Answers 200 while the process is up, without touching the database: for a supervisor
/// deciding whether to restart it.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "The process is up.", body = Health),
        (status = 400, response = super::responses::BadRequest),
    ),
)]
#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(Health {
            status: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        })
}

/// Readiness
///
/// Answers 200 when the database answers a query, 503 otherwise: for a load balancer
/// deciding whether to send traffic here.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Ready to serve.", body = Readiness),
        (status = 400, response = super::responses::BadRequest),
        (status = 503, response = super::responses::ServiceUnavailable),
    ),
)]
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let probe = sea_orm::Statement::from_string(state.db.get_database_backend(), "SELECT 1");
    state
        .db
        .execute(probe)
        .await
        .map_err(|error| ApiError::Unavailable(error.into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(Readiness {
            status: "ok".into(),
            database: db::backend_name(&state.db).into(),
        }))
}
