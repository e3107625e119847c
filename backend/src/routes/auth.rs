//! `/api/v1/auth`: logging in (throttled, its body capped), logging out, the current account.

use actix_web::{get, http::header, post, web, HttpRequest, HttpResponse};
// No account name or password is longer: a longer one is refused before the throttle or the
// password hash see it.
use portal_api::{LoginRequest, TokenResponse, User, PASSWORD_MAX_CHARS, USERNAME_MAX_CHARS};
use utoipa_actix_web::{scope, service_config::ServiceConfig};

use crate::{
    auth::{CurrentUser, Quota},
    error::{ApiError, ApiResult, RateLimit},
    http::{
        extractors::{self, JsonBody},
        fallback,
    },
    routes::responses::{JsonBodyErrors, ServerBusy, ServerError, TooManyRequests, Unauthorized},
    services::users,
    state::AppState,
};

/// A login body is a name and a password: a few hundred bytes. Anything much larger is refused
/// with 413 before it is read.
pub const LOGIN_BODY_LIMIT_BYTES: usize = 4 * 1024;

pub fn configure(config: &mut ServiceConfig) {
    config.service(
        scope::scope("/auth")
            .app_data(extractors::json_config_with_limit(LOGIN_BODY_LIMIT_BYTES))
            .service(login)
            .service(logout)
            .service(me)
            .default_service(web::to(fallback::unknown_api_route)),
    );
}

fn rate_limit(quota: &Quota) -> RateLimit {
    RateLimit {
        policy: "login",
        quota: quota.limit,
        window_secs: quota.window_secs,
        remaining: quota.remaining,
        reset_secs: quota.reset_secs,
    }
}

/// Log in with a user name and password; answers a short-lived bearer token.
///
/// Failed logins are counted per address and account (5), per account from any address (20)
/// and per address across accounts (30), each within 15 minutes (the defaults); once a count
/// is used up, attempts get 429 with `Retry-After` until its window ends. Every answer carries
/// the IETF `RateLimit` and `RateLimit-Policy` fields for the tightest of the three. The body
/// may be at most 4 KiB. While too many logins are being checked at once, 503 with
/// `Retry-After`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in.", body = TokenResponse,
            headers(
                ("RateLimit" = String, description = "What is left of the login quota."),
                ("RateLimit-Policy" = String, description = "The login quota."),
            )),
        JsonBodyErrors,
        (status = 401, response = Unauthorized),
        (status = 429, response = TooManyRequests),
        (status = 500, response = ServerError),
        (status = 503, response = ServerBusy),
    ),
)]
#[post("/login")]
async fn login(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: JsonBody<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let LoginRequest { username, password } = body.into_inner();
    if username.chars().count() > USERNAME_MAX_CHARS {
        return Err(ApiError::invalid(
            "username",
            format!("no account name is longer than {USERNAME_MAX_CHARS} characters"),
        ));
    }
    if password.chars().count() > PASSWORD_MAX_CHARS {
        return Err(ApiError::invalid(
            "password",
            format!("no password is longer than {PASSWORD_MAX_CHARS} characters"),
        ));
    }
    let client = state.trusted_proxies.client_ip(&request);
    let quota = state
        .login_throttle
        .check(&state.db, client, &username)
        .await?;
    if quota.exhausted() {
        return Err(ApiError::TooManyRequests {
            detail: format!(
                "too many failed logins; try again in {} seconds",
                quota.reset_secs
            ),
            retry_after_secs: quota.reset_secs,
            rate_limit: Some(rate_limit(&quota)),
        });
    }
    // Counted before the password is checked: concurrent guesses cannot all pass on one
    // reading of the quota.
    let reservation = state
        .login_throttle
        .reserve(&state.db, client, &username)
        .await?;
    if reservation.over {
        return Err(ApiError::TooManyRequests {
            detail: format!(
                "too many failed logins; try again in {} seconds",
                reservation.quota.reset_secs
            ),
            retry_after_secs: reservation.quota.reset_secs,
            rate_limit: Some(rate_limit(&reservation.quota)),
        });
    }
    let Some(account) = users::check_credentials(&state.db, &username, &password).await? else {
        let mut response = ApiError::Unauthorized("wrong user name or password".into())
            .response_for(request.path());
        for (name, value) in rate_limit(&reservation.quota).headers() {
            if let Ok(value) = header::HeaderValue::from_str(&value) {
                response
                    .headers_mut()
                    .insert(header::HeaderName::from_static(name), value);
            }
        }
        return Ok(response);
    };
    state
        .login_throttle
        .record_success(&state.db, client, &username)
        .await?;
    let (access_token, expires_at) = state.tokens.issue(account.id, account.token_version)?;
    let mut response = HttpResponse::Ok();
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    for pair in rate_limit(&quota).headers() {
        response.insert_header(pair);
    }
    Ok(response.json(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: state.tokens.ttl().as_secs(),
        expires_at,
        user: users::to_dto(account),
    }))
}

/// Log out
///
/// Ends the session: the token sent with this request is refused from now on, by every
/// instance. Other sessions of the account stay valid.
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 204, description = "Logged out; the token no longer works."),
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/logout")]
async fn logout(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<HttpResponse> {
    users::revoke(&state.db, &user.session).await?;
    Ok(HttpResponse::NoContent()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}

/// The logged-in account
///
/// The account the bearer token belongs to, with its role: what the console shows and
/// which of its pages it offers.
#[utoipa::path(
    tag = "auth",
    responses(
        (status = 200, description = "The account.", body = User),
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/me")]
async fn me(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<web::Json<User>> {
    Ok(web::Json(users::get(&state.db, user.id).await?))
}
