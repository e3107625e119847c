//! `/api/v1/auth`: logging in (throttled) and the current account.

use actix_web::{get, http::header, post, web, HttpRequest, HttpResponse};
use portal_api::{LoginRequest, TokenResponse, User};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::CurrentUser,
    error::{ApiError, ApiResult},
    http::client_ip,
    http::extractors::JsonBody,
    openapi::{JsonBodyErrors, ServerError, TooManyRequests, Unauthorized},
    services::users,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config.service(login).service(me);
}

/// Log in with a user name and password; answers a short-lived bearer token.
///
/// After 5 failed attempts for one name from one address within 15 minutes, further attempts
/// get 429 until the oldest failure ages out.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in.", body = TokenResponse),
        JsonBodyErrors,
        (status = 401, response = Unauthorized),
        (status = 429, response = TooManyRequests),
        (status = 500, response = ServerError),
    ),
    security(())
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: JsonBody<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let LoginRequest { username, password } = body.into_inner();
    let client = client_ip(&request, state.trust_proxy);
    let throttle_key = username.trim().to_ascii_lowercase();
    if let Err(retry_after_secs) = state.login_throttle.check(client, &throttle_key) {
        return Err(ApiError::TooManyRequests {
            detail: format!("too many failed logins; try again in {retry_after_secs} seconds"),
            retry_after_secs,
        });
    }
    let Some(account) = users::check_credentials(&state.db, &username, &password).await? else {
        state.login_throttle.record_failure(client, &throttle_key);
        return Err(ApiError::Unauthorized("wrong user name or password".into()));
    };
    state.login_throttle.record_success(client, &throttle_key);
    let (access_token, expires_at) = state.tokens.issue(account.id)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.tokens.ttl().as_secs(),
            expires_at,
            user: users::to_dto(account),
        }))
}

/// The account the bearer token belongs to.
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 200, description = "The account.", body = User),
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/auth/me")]
async fn me(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<web::Json<User>> {
    Ok(web::Json(users::get(&state.db, user.id).await?))
}
