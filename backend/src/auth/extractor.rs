//! The logged-in user as a handler argument, so that a handler's signature says who may call
//! it: `Editor` requires a valid bearer token of an editor or admin, `Admin` one of an admin
//! (anyone else gets 403), `CurrentUser` is the account behind either, and `MaybeUser` accepts
//! no token at all (public reads that show more to editors).

use actix_web::{dev::Payload, http::header, web, FromRequest, HttpRequest};
use futures_util::future::{ready, Either, LocalBoxFuture, Ready};
use portal_api::Role;

use crate::{error::ApiError, services::users, state::AppState};

/// A user with a valid token whose account exists and is enabled, and which neither logging
/// out nor a change to the account has voided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    pub id: i32,
    pub username: String,
    pub role: Role,
    /// The token this request came with.
    pub session: Session,
}

/// The token a request came with, as far as ending it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub jti: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A caller who may edit: any editor or admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor(pub CurrentUser);

/// A caller who may administer the site: an admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admin(pub CurrentUser);

/// The caller's user when a bearer token was sent, `None` for anonymous callers. A token that
/// was sent but is not valid is refused, never silently ignored.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl MaybeUser {
    /// Editors and admins see drafts and scheduled articles.
    pub fn is_staff(&self) -> bool {
        self.0.is_some()
    }
}

enum Credentials {
    Absent,
    Bearer(String),
    Malformed,
}

fn credentials(request: &HttpRequest) -> Credentials {
    let Some(value) = request.headers().get(header::AUTHORIZATION) else {
        return Credentials::Absent;
    };
    let Ok(value) = value.to_str() else {
        return Credentials::Malformed;
    };
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Credentials::Bearer(token.trim().to_owned())
        }
        _ => Credentials::Malformed,
    }
}

async fn authenticate(
    state: Option<web::Data<AppState>>,
    token: String,
) -> Result<CurrentUser, ApiError> {
    let state =
        state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
    let invalid = || {
        ApiError::Unauthorized("the access token is invalid or has expired; log in again".into())
    };
    let verified = state.tokens.verify(&token).ok_or_else(invalid)?;
    let user = users::find_session(&state.db, &verified)
        .await?
        .ok_or_else(invalid)?;
    Ok(user)
}

/// The user behind the request's credentials: `None` without any, an error for bad ones.
fn resolve(
    request: &HttpRequest,
) -> LocalBoxFuture<'static, Result<Option<CurrentUser>, ApiError>> {
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let credentials = credentials(request);
    Box::pin(async move {
        match credentials {
            Credentials::Absent => Ok(None),
            Credentials::Bearer(token) => authenticate(state, token).await.map(Some),
            Credentials::Malformed => Err(ApiError::Unauthorized(
                "the Authorization header must be `Bearer <token>`".into(),
            )),
        }
    })
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = resolve(request);
        Box::pin(async move {
            user.await?.ok_or_else(|| {
                ApiError::Unauthorized(
                    "log in first: send `Authorization: Bearer <token>` from POST /api/v1/auth/login"
                        .into(),
                )
            })
        })
    }
}

impl FromRequest for MaybeUser {
    type Error = ApiError;
    /// Anonymous callers, the public and the view beacon's readers, are answered at once:
    /// nothing to look up, nothing to allocate.
    type Future =
        Either<Ready<Result<Self, ApiError>>, LocalBoxFuture<'static, Result<Self, ApiError>>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        if !request.headers().contains_key(header::AUTHORIZATION) {
            return Either::Left(ready(Ok(MaybeUser(None))));
        }
        let user = resolve(request);
        Either::Right(Box::pin(async move { user.await.map(MaybeUser) }))
    }
}

impl FromRequest for Editor {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(request, payload);
        // Every account is an editor or an admin, and both may edit.
        Box::pin(async move { user.await.map(Editor) })
    }
}

impl FromRequest for Admin {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(request, payload);
        Box::pin(async move {
            let user = user.await?;
            if user.role == Role::Admin {
                Ok(Admin(user))
            } else {
                Err(ApiError::Forbidden("only an admin may do this".into()))
            }
        })
    }
}
