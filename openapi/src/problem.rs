//! RFC 9457 problem documents: the one shape every error of the API takes.

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

/// An error, as an RFC 9457 `application/problem+json` document.
///
/// `type` and `code` are stable: clients branch on them. `title` and `detail` are for people
/// and may change wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "/problems/validation-failed",
    "title": "Validation failed",
    "status": 422,
    "detail": "title: must not be blank",
    "code": "validation_failed",
    "instance": "/api/v1/articles",
    "errors": [{"field": "title", "message": "must not be blank"}]
})))]
pub struct Problem {
    /// A URI reference naming the kind of problem; stable, one per `code`.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "/problems/validation-failed")
    )]
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "Validation failed")
    )]
    pub title: String,
    /// The HTTP status code of this response.
    #[cfg_attr(feature = "openapi", schema(example = 422))]
    pub status: u16,
    /// What went wrong with this request, in words.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "title: must not be blank")
    )]
    pub detail: String,
    /// A stable machine-readable code, e.g. `not_found`, `validation_failed`.
    pub code: ErrorCode,
    /// The request path that produced the problem.
    #[cfg_attr(feature = "openapi", schema(example = "/api/v1/articles"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Field-level validation errors, when the body or the query was invalid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as it appears in the request (`title`, `per_page`, ...); empty for a
    /// form part sent without a name.
    #[cfg_attr(feature = "openapi", schema(example = "title"))]
    pub field: String,
    /// Why the value was refused.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, example = "must not be blank")
    )]
    pub message: String,
}
