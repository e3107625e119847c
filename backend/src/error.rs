//! The one error type of the API, rendered as an RFC 9457 `application/problem+json` document.
//!
//! When to use which:
//! - `Validation`: the request was well-formed JSON of the right shape, but a value breaks a
//!   rule (blank title, unknown category, bad slug). 422, with one entry per field.
//! - `BadRequest`: the request itself is malformed (JSON syntax, query string, pagination). 400.
//! - `InvalidBody`: the JSON has the wrong shape (missing field, wrong type, unknown field). 422.
//! - `ReferenceNotFound`: the body names a record that does not exist (`category_id`,
//!   `parent_id`). 422, with the field in `errors`: the resource addressed exists, so a 404
//!   would tell the client the wrong thing.
//! - `Unauthorized`: no valid token (or wrong credentials). 401, with `WWW-Authenticate`.
//! - `Forbidden`: a valid token whose role may not do this. 403.
//! - `NotFound`: no such resource, or one the caller may not see. 404.
//! - `Conflict`: the change clashes with existing data (duplicate slug, non-empty category,
//!   a cycle in the tree, the last admin). 409, with the conflict's own `ErrorCode`.
//! - `TooManyRequests`: the caller is throttled (failed logins). 429, with `Retry-After`.
//! - `Busy`: the server is at a bound it keeps for everyone (the password-hashing queue). 503,
//!   with `Retry-After`.
//! - `Contention`: the database kept refusing a write for concurrent ones, even after retries.
//!   503, with `Retry-After`; nothing was written.
//! - `Internal`: anything unexpected, logged with its cause; the caller sees no detail. 500.
//!
//! Handlers never build responses for errors themselves: they return `ApiError`.

use actix_web::{
    http::{header, StatusCode},
    HttpResponse, ResponseError,
};
use portal_api::{ErrorCode, FieldError, Problem};

/// A quota as the IETF `RateLimit` and `RateLimit-Policy` fields state it
/// (draft-ietf-httpapi-ratelimit-headers): `"login";q=5;w=900` and `"login";r=2;t=600`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimit {
    pub policy: &'static str,
    pub quota: u32,
    pub window_secs: u64,
    pub remaining: u32,
    pub reset_secs: u64,
}

impl RateLimit {
    pub fn headers(&self) -> [(&'static str, String); 2] {
        [
            (
                "ratelimit-policy",
                format!(
                    "\"{}\";q={};w={}",
                    self.policy, self.quota, self.window_secs
                ),
            ),
            (
                "ratelimit",
                format!(
                    "\"{}\";r={};t={}",
                    self.policy, self.remaining, self.reset_secs
                ),
            ),
        ]
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{detail}")]
    InvalidBody { detail: String },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("{message}")]
    ReferenceNotFound { field: String, message: String },
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    MethodNotAllowed(String),
    #[error("{detail}")]
    /// `reason` is one of the 409 codes (`name_taken`, `not_empty`, `tree_cycle`, …).
    Conflict { reason: ErrorCode, detail: String },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{detail}")]
    TooManyRequests {
        detail: String,
        retry_after_secs: u64,
        rate_limit: Option<RateLimit>,
    },
    #[error("{detail}")]
    Busy {
        detail: String,
        retry_after_secs: u64,
    },
    #[error("the database is busy with concurrent writes")]
    Contention(#[source] anyhow::Error),
    #[error("the database is unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    /// One invalid field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError {
            field: field.to_owned(),
            message: message.into(),
        }])
    }

    /// A body field names a record that does not exist.
    pub fn unknown_reference(field: &str, message: impl Into<String>) -> Self {
        ApiError::ReferenceNotFound {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub fn conflict(reason: ErrorCode, detail: impl Into<String>) -> Self {
        debug_assert_eq!(reason.status(), 409, "{reason} is not a conflict");
        ApiError::Conflict {
            reason,
            detail: detail.into(),
        }
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound(format!("{what} not found"))
    }

    /// The stable machine-readable code (`portal_api::ErrorCode`, which also holds its status,
    /// title and the message readers are shown).
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::InvalidBody { .. } => ErrorCode::InvalidBody,
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::ReferenceNotFound { .. } => ErrorCode::ReferenceNotFound,
            ApiError::Unauthorized(_) => ErrorCode::Unauthorized,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::MethodNotAllowed(_) => ErrorCode::MethodNotAllowed,
            ApiError::Conflict { reason, .. } => *reason,
            ApiError::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::TooManyRequests { .. } => ErrorCode::TooManyRequests,
            ApiError::Busy { .. } => ErrorCode::ServerBusy,
            ApiError::Contention(_) => ErrorCode::WriteContention,
            ApiError::Unavailable(_) => ErrorCode::ServiceUnavailable,
            ApiError::Internal(_) => ErrorCode::InternalError,
        }
    }

    fn detail(&self) -> String {
        match self {
            ApiError::ReferenceNotFound { field, message } => format!("{field}: {message}"),
            ApiError::Validation(errors) => errors
                .iter()
                .map(|error| format!("{}: {}", error.field, error.message))
                .collect::<Vec<_>>()
                .join("; "),
            ApiError::Contention(_) => {
                "the database was busy with other writes and nothing was changed; try again".into()
            }
            ApiError::Unavailable(_) => "the database is not reachable; try again shortly".into(),
            ApiError::Internal(_) => "an unexpected error occurred; it has been logged".into(),
            other => other.to_string(),
        }
    }

    /// The problem document for this error at `instance` (the request path).
    pub fn to_problem(&self, instance: Option<String>) -> Problem {
        let code = self.code();
        Problem {
            problem_type: code.problem_type(),
            title: code.title().to_owned(),
            status: code.status(),
            detail: self.detail(),
            code,
            instance,
            errors: match self {
                ApiError::Validation(errors) => errors.clone(),
                ApiError::ReferenceNotFound { field, message } => vec![FieldError {
                    field: field.clone(),
                    message: message.clone(),
                }],
                _ => Vec::new(),
            },
        }
    }

    /// The response, with the request path as the problem's `instance`.
    pub fn response_for(&self, path: &str) -> HttpResponse {
        self.render(Some(path.to_owned()))
    }

    fn render(&self, instance: Option<String>) -> HttpResponse {
        match self {
            ApiError::Internal(cause) | ApiError::Unavailable(cause) => {
                tracing::error!(error = ?cause, "request failed");
            }
            ApiError::Contention(cause) => {
                tracing::warn!(error = ?cause, "write refused for contention after retries");
            }
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response
            .content_type("application/problem+json")
            .insert_header((header::CACHE_CONTROL, "no-store"));
        match self {
            ApiError::Unauthorized(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"portal\""));
            }
            ApiError::TooManyRequests {
                retry_after_secs,
                rate_limit,
                ..
            } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
                if let Some(rate_limit) = rate_limit {
                    for pair in rate_limit.headers() {
                        response.insert_header(pair);
                    }
                }
            }
            ApiError::Busy {
                retry_after_secs, ..
            } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Contention(_) | ApiError::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "1"));
            }
            _ => {}
        }
        response.body(serde_json::to_string(&self.to_problem(instance)).unwrap_or_default())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Without the request at hand the `instance` is left out; the `problem_details`
    /// middleware fills it in on the way out.
    fn error_response(&self) -> HttpResponse {
        self.render(None)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> Self {
        use sea_orm::{DbErr, SqlErr};
        match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                return ApiError::conflict(
                    ErrorCode::Duplicate,
                    "a record with the same unique value exists",
                )
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                return ApiError::conflict(
                    ErrorCode::InUse,
                    "the change would break a reference between records",
                )
            }
            _ => {}
        }
        if crate::db::is_contention(&error) {
            return ApiError::Contention(error.into());
        }
        match error {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => ApiError::Unavailable(error.into()),
            other => ApiError::Internal(other.into()),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        ApiError::Internal(error)
    }
}

impl crate::db::Contended for ApiError {
    fn is_contention(&self) -> bool {
        matches!(self, ApiError::Contention(_))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Collects field errors while a request body is parsed into domain values, so that the caller
/// hears about every bad field at once.
#[derive(Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// The parsed value, or `None` after recording why `field` was refused.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.0.push(FieldError {
                    field: field.to_owned(),
                    message,
                });
                None
            }
        }
    }

    /// Like `check` for an optional field.
    pub fn check_optional<T, U>(
        &mut self,
        field: &str,
        value: Option<T>,
        parse: impl FnOnce(T) -> Result<U, String>,
    ) -> Option<U> {
        value.and_then(|value| self.check(field, parse(value)))
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// `Ok` when nothing was refused.
    pub fn finish(self) -> ApiResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_validation_error_lists_its_fields_in_the_problem() {
        let problem = ApiError::invalid("title", "must not be blank").to_problem(None);
        assert_eq!(problem.status, 422);
        assert_eq!(problem.code, ErrorCode::ValidationFailed);
        assert_eq!(problem.problem_type, "/problems/validation-failed");
        assert_eq!(problem.detail, "title: must not be blank");
        assert_eq!(problem.errors.len(), 1);
    }

    #[test]
    fn each_kind_of_conflict_has_its_own_code_and_type() {
        let problem = ApiError::conflict(ErrorCode::TreeCycle, "a cycle").to_problem(None);
        assert_eq!(problem.status, 409);
        assert_eq!(problem.code, ErrorCode::TreeCycle);
        assert_eq!(problem.problem_type, "/problems/tree-cycle");
        assert_eq!(problem.title, "Conflict");
    }

    #[test]
    fn an_internal_error_reveals_nothing_of_its_cause() {
        let problem =
            ApiError::Internal(anyhow::anyhow!("password=hunter2 in SQL")).to_problem(None);
        assert_eq!(problem.status, 500);
        assert!(!problem.detail.contains("hunter2"));
    }

    #[test]
    fn the_problem_json_has_the_rfc_9457_members() {
        let problem = ApiError::not_found("article").to_problem(Some("/api/v1/articles/9".into()));
        let json = serde_json::to_value(&problem).unwrap_or_default();
        assert_eq!(json["type"], "/problems/not-found");
        assert_eq!(json["title"], "Not found");
        assert_eq!(json["status"], 404);
        assert_eq!(json["detail"], "article not found");
        assert_eq!(json["instance"], "/api/v1/articles/9");
        assert_eq!(json["code"], "not_found");
    }
}
