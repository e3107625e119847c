//! The one way the portal and the editors' console talk to the API: send (with the editor's
//! bearer token once someone has logged in), decode the JSON, and turn every failure (no
//! network, an RFC 9457 problem document, a body that does not match the contract) into an
//! [`ApiError`] that a page can show in plain words.

use std::fmt;

use gloo_net::http::{Request, RequestBuilder, Response};
use portal_api::{ErrorCode, Problem};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::session;

// The backend serves the portal and the API from one origin.
pub use portal_api::API_BASE;

/// Why a request gave no data.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all (offline, server down, request refused by the browser).
    Network(String),
    /// An error status, with the problem document when the server sent one.
    Status {
        status: u16,
        problem: Option<Problem>,
    },
    /// An answer that does not fit the contract.
    Decode(String),
}

impl ApiError {
    /// The error for an answer with an error `status` and this `body`.
    pub fn from_response(status: u16, body: &str) -> Self {
        ApiError::Status {
            status,
            problem: serde_json::from_str::<Problem>(body).ok(),
        }
    }

    /// The thing asked for does not exist (or is not public): pages show their 404 view.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Status { status: 404, .. })
    }

    /// The token is missing, expired or revoked: the console asks the editor to log in again.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Status { status: 401, .. })
    }

    /// What the server said about `field` (a 422 or a reference that was not found), to show
    /// next to that field.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            ApiError::Status {
                problem: Some(problem),
                ..
            } => problem
                .errors
                .iter()
                .find(|error| error.field == field)
                .map(|error| error.message.clone()),
            _ => None,
        }
    }

    /// What a reader is told, in Chinese: the message of the problem's code
    /// (`portal_api::ErrorCode`), or, when no problem document came (a proxy's error page),
    /// the message of the code its status most likely stands for.
    pub fn headline(&self) -> &'static str {
        match self {
            ApiError::Network(_) => "无法连接服务器,请检查网络后重试。",
            ApiError::Status {
                problem: Some(problem),
                ..
            } => problem.code.message(),
            ApiError::Status {
                status,
                problem: None,
            } => {
                let code = match status {
                    401 => ErrorCode::Unauthorized,
                    403 => ErrorCode::Forbidden,
                    404 => ErrorCode::NotFound,
                    409 => ErrorCode::Duplicate,
                    413 => ErrorCode::PayloadTooLarge,
                    415 => ErrorCode::UnsupportedMediaType,
                    422 => ErrorCode::ValidationFailed,
                    429 => ErrorCode::TooManyRequests,
                    400..=499 => ErrorCode::BadRequest,
                    _ => ErrorCode::InternalError,
                };
                code.message()
            }
            ApiError::Decode(_) => "服务器返回的数据无法识别,请稍后再试。",
        }
    }

    /// The technical detail, for the reader who reports the fault.
    pub fn detail(&self) -> String {
        match self {
            ApiError::Network(reason) => reason.clone(),
            ApiError::Status {
                status,
                problem: Some(problem),
            } => format!("{status} {}: {}", problem.code, problem.detail),
            ApiError::Status {
                status,
                problem: None,
            } => format!("HTTP {status}"),
            ApiError::Decode(reason) => reason.clone(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} ({})", self.headline(), self.detail())
    }
}

/// Percent-encodes one path segment (a slug typed into the address bar may hold anything).
pub fn encode_segment(segment: &str) -> String {
    let mut encoded = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// `path` under the API, with `query` (a serialisable struct of optional fields) appended.
pub fn url(path: &str, query: &impl serde::Serialize) -> String {
    match serde_urlencoded::to_string(query) {
        Ok(query) if !query.is_empty() => format!("{API_BASE}{path}?{query}"),
        _ => format!("{API_BASE}{path}"),
    }
}

/// GETs `url` and decodes its JSON.
pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    decode_text(&get_text(url).await?).map_err(ApiError::Decode)
}

/// GETs `url`: the body of the answer, not yet decoded (the same for every answer type, so the
/// wasm holds one copy of the request).
pub async fn get_text(url: &str) -> Result<String, ApiError> {
    text(send(Request::get(url), None).await?).await
}

/// Decodes an answer's JSON `text`, or says why it does not fit.
pub fn decode_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

/// POSTs to `url` without a body and decodes the JSON answer.
pub async fn post<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    decode(send(Request::post(url), None).await?).await
}

/// POSTs `body` as JSON to `url` and decodes the JSON answer.
pub async fn post_json<T: DeserializeOwned>(
    url: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    send_json(Request::post(url), body).await
}

/// PATCHes `url` with `body` as JSON and decodes the JSON answer.
pub async fn patch_json<T: DeserializeOwned>(
    url: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    send_json(Request::patch(url), body).await
}

/// POSTs to `url` without a body; the answer has none either.
pub async fn post_empty(url: &str) -> Result<(), ApiError> {
    send(Request::post(url), None).await.map(drop)
}

/// DELETEs `url`; the answer has no body.
pub async fn delete(url: &str) -> Result<(), ApiError> {
    send(Request::delete(url), None).await.map(drop)
}

async fn send_json<T: DeserializeOwned>(
    request: RequestBuilder,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    let body = serde_json::to_string(body).map_err(|error| ApiError::Decode(error.to_string()))?;
    decode(send(request, Some(body)).await?).await
}

/// POSTs `form` as `multipart/form-data` (the browser writes the boundary) and decodes the
/// JSON answer. Through `XMLHttpRequest`, whose upload events say how much of a large file has
/// gone (fetch has no such events): `sent` receives the percentage.
pub async fn post_form<T: DeserializeOwned>(
    url: &str,
    form: web_sys::FormData,
    sent: impl Fn(u32) + 'static,
) -> Result<T, ApiError> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let failed = |error: wasm_bindgen::JsValue| {
        ApiError::Network(
            error
                .as_string()
                .unwrap_or_else(|| "the upload failed".into()),
        )
    };
    let request = web_sys::XmlHttpRequest::new().map_err(failed)?;
    request.open("POST", url).map_err(failed)?;
    request
        .set_request_header("Accept", "application/json")
        .map_err(failed)?;
    if let Some(token) = session::token() {
        request
            .set_request_header("Authorization", &format!("Bearer {token}"))
            .map_err(failed)?;
    }
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                sent(
                    (event.loaded() / event.total() * 100.0)
                        .round()
                        .clamp(0.0, 100.0) as u32,
                );
            }
        });
    request
        .upload()
        .map_err(failed)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    // Settles when the request ends, however it ends; the status tells the rest.
    let ended = js_sys::Promise::new(&mut |resolve, _reject| {
        request.set_onloadend(Some(&resolve));
    });
    request
        .send_with_opt_form_data(Some(&form))
        .map_err(failed)?;
    let _ = wasm_bindgen_futures::JsFuture::from(ended).await;
    drop(on_progress);
    let status = request.status().map_err(failed)?;
    let body = request.response_text().ok().flatten().unwrap_or_default();
    match status {
        0 => Err(ApiError::Network(
            "the upload did not reach the server".into(),
        )),
        200..=299 => {
            serde_json::from_str(&body).map_err(|error| ApiError::Decode(error.to_string()))
        }
        status => Err(ApiError::from_response(status, &body)),
    }
}

/// Asks for JSON, with the editor's bearer token once someone has logged in; readers'
/// requests stay anonymous (and cacheable).
fn authorised(request: RequestBuilder) -> RequestBuilder {
    let request = request.header("Accept", "application/json");
    match session::token() {
        Some(token) => request.header("Authorization", &format!("Bearer {token}")),
        None => request,
    }
}

async fn send(request: RequestBuilder, body: Option<String>) -> Result<Response, ApiError> {
    let request = authorised(request);
    let request = match body {
        Some(body) => request
            .header("Content-Type", "application/json")
            .body(body),
        None => request.build(),
    }
    .map_err(|error| ApiError::Network(error.to_string()))?;
    finish(request).await
}

async fn finish(request: gloo_net::http::Request) -> Result<Response, ApiError> {
    let response = request
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    if !response.ok() {
        let body = response.text().await.unwrap_or_default();
        return Err(ApiError::from_response(response.status(), &body));
    }
    Ok(response)
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    decode_text(&text(response).await?).map_err(ApiError::Decode)
}

async fn text(response: Response) -> Result<String, ApiError> {
    response
        .text()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_document_is_kept_with_its_status() {
        let body = r#"{"type":"/problems/not-found","title":"Not found","status":404,
            "detail":"article not found","code":"not_found","instance":"/api/v1/articles/9"}"#;
        let error = ApiError::from_response(404, body);
        assert!(error.is_not_found());
        assert_eq!(error.headline(), "您要找的内容不存在或已被删除。");
        assert_eq!(error.detail(), "404 not_found: article not found");
    }

    #[test]
    fn an_error_without_a_problem_document_still_reads_well() {
        let error = ApiError::from_response(502, "<html>Bad gateway</html>");
        assert!(!error.is_not_found());
        assert_eq!(error.headline(), "服务器暂时无法处理请求,请稍后再试。");
        assert_eq!(error.detail(), "HTTP 502");
    }

    #[test]
    fn client_errors_and_throttling_have_their_own_words() {
        assert_eq!(
            ApiError::from_response(400, "").headline(),
            "请求的内容有误,无法完成。"
        );
        assert_eq!(
            ApiError::from_response(429, "").headline(),
            "访问过于频繁,请稍后再试。"
        );
    }

    #[test]
    fn a_conflict_is_explained_by_its_code() {
        let body = r#"{"type":"/problems/not-empty","title":"Conflict","status":409,
            "detail":"the category holds 3 articles; move or delete them first","code":"not_empty"}"#;
        let error = ApiError::Status {
            status: 409,
            problem: serde_json::from_str(body).ok(),
        };
        assert_eq!(
            error.headline(),
            "该栏目下还有子栏目或文章,请先移走或删除它们。"
        );
    }

    #[test]
    fn the_display_form_has_the_headline_and_the_detail() {
        let error = ApiError::Network("TypeError: Failed to fetch".into());
        assert_eq!(
            error.to_string(),
            "无法连接服务器,请检查网络后重试。 (TypeError: Failed to fetch)"
        );
    }

    #[test]
    fn field_errors_are_found_by_field_name() {
        let body = r#"{"type":"/problems/validation-failed","title":"Validation failed",
            "status":422,"detail":"title: must not be blank","code":"validation_failed",
            "errors":[{"field":"title","message":"must not be blank"}]}"#;
        let error = ApiError::from_response(422, body);
        assert_eq!(
            error.field_message("title").as_deref(),
            Some("must not be blank")
        );
        assert_eq!(error.field_message("body"), None);
        assert!(!error.is_unauthorized());
        assert!(ApiError::from_response(401, "").is_unauthorized());
    }

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(encode_segment("xinzhou"), "xinzhou");
        assert_eq!(encode_segment("新洲"), "%E6%96%B0%E6%B4%B2");
        assert_eq!(encode_segment("a/b?c"), "a%2Fb%3Fc");
    }

    #[test]
    fn an_empty_query_adds_no_question_mark() {
        #[derive(serde::Serialize)]
        struct Nothing {
            #[serde(skip_serializing_if = "Option::is_none")]
            page: Option<u32>,
        }
        assert_eq!(url("/site", &Nothing { page: None }), "/api/v1/site");
        assert_eq!(url("/x", &Nothing { page: Some(2) }), "/api/v1/x?page=2");
    }
}
