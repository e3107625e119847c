//! Turns actix's extractor failures (bad JSON, bad query strings, bad path segments, oversized
//! bodies) into problem documents instead of its plain-text defaults.

use actix_web::{
    error::{JsonPayloadError, PathError, QueryPayloadError},
    web, HttpRequest,
};

use crate::error::ApiError;

/// The largest JSON body accepted (an article body of 500 000 characters, in UTF-8, fits).
pub const JSON_LIMIT_BYTES: usize = 4 * 1024 * 1024;

fn json_error(error: JsonPayloadError, request: &HttpRequest) -> actix_web::Error {
    let api_error = match &error {
        JsonPayloadError::OverflowKnownLength { length, limit } => ApiError::PayloadTooLarge(
            format!("the body is {length} bytes; the limit is {limit} bytes"),
        ),
        JsonPayloadError::Overflow { limit } => ApiError::PayloadTooLarge(format!(
            "the body is larger than the limit of {limit} bytes"
        )),
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType(
            "send the body as JSON with `Content-Type: application/json`".into(),
        ),
        JsonPayloadError::Deserialize(inner) if inner.is_data() => ApiError::InvalidBody {
            detail: format!("the JSON does not match the expected shape: {inner}"),
        },
        JsonPayloadError::Deserialize(inner) => {
            ApiError::BadRequest(format!("the body is not valid JSON: {inner}"))
        }
        other => ApiError::BadRequest(format!("the body could not be read: {other}")),
    };
    actix_web::error::InternalError::from_response(error, api_error.response_for(request.path()))
        .into()
}

fn query_error(error: QueryPayloadError, request: &HttpRequest) -> actix_web::Error {
    let detail = match &error {
        QueryPayloadError::Deserialize(inner) => format!("invalid query string: {inner}"),
        other => format!("invalid query string: {other}"),
    };
    let api_error = ApiError::BadRequest(detail);
    actix_web::error::InternalError::from_response(error, api_error.response_for(request.path()))
        .into()
}

fn path_error(error: PathError, request: &HttpRequest) -> actix_web::Error {
    // `PATCH /articles/preview` reached `/articles/{id}`, but the path is a route of its own
    // that does not take PATCH: say so (405) rather than "no such article".
    let routes = request.app_data::<web::Data<super::fallback::KnownRoutes>>();
    let other_route = routes.and_then(|routes| routes.methods_for(request.path()));
    if other_route.is_some_and(|methods| !methods.contains(&request.method().as_str())) {
        if let Some(routes) = routes {
            let response = super::fallback::route_problem(request, routes);
            return actix_web::error::InternalError::from_response(error, response).into();
        }
    }
    // `/articles/abc` names no article: ids are integers.
    let api_error = ApiError::NotFound(format!("no resource at `{}`", request.path()));
    actix_web::error::InternalError::from_response(error, api_error.response_for(request.path()))
        .into()
}

pub fn json_config() -> web::JsonConfig {
    json_config_with_limit(JSON_LIMIT_BYTES)
}

/// The JSON settings with a smaller limit, for a scope whose bodies are small by nature (a
/// body declaring more is refused before it is read).
pub fn json_config_with_limit(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(json_error)
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(query_error)
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(path_error)
}

/// A JSON request body that must be an object. serde would also build a struct from a JSON
/// array (`[null, null]`), which no client means; this refuses it. Size limit, content type
/// and syntax errors are handled by `json_config` as for `web::Json`.
pub struct JsonBody<T>(pub T);

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: serde::de::DeserializeOwned + 'static> actix_web::FromRequest for JsonBody<T> {
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let value = web::Json::<serde_json::Value>::from_request(request, payload);
        Box::pin(async move {
            let value = value.await?.into_inner();
            if !value.is_object() {
                return Err(ApiError::InvalidBody {
                    detail: "the body must be a JSON object".into(),
                }
                .into());
            }
            // Through serde_path_to_error, so the problem names the field (`attachments[0]`)
            // a client has to fix rather than only a position in text it never wrote.
            serde_path_to_error::deserialize(value)
                .map(JsonBody)
                .map_err(|error| {
                    let path = error.path().to_string();
                    let at = if path == "." {
                        String::new()
                    } else {
                        format!(" at `{path}`")
                    };
                    ApiError::InvalidBody {
                        detail: format!(
                            "the JSON does not match the expected shape{at}: {}",
                            error.inner()
                        ),
                    }
                    .into()
                })
        })
    }
}
