//! Conditional GETs for the API's reads: a strong `ETag` from the body's SHA-256, `304 Not
//! Modified` when `If-None-Match` matches, and `Cache-Control`: public and short for anonymous
//! readers, private and revalidated for logged-in ones (who may see drafts).

use actix_web::{
    body::{self, BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{
        header::{self, HeaderValue},
        Method, StatusCode,
    },
    middleware::Next,
    HttpResponse,
};
use sha2::{Digest, Sha256};

use crate::{encoding::lower_hex, error::ApiError};

/// How long shared caches and browsers may reuse a public read without asking again.
pub const PUBLIC_CACHE_CONTROL: &str = "public, max-age=30";
pub const PRIVATE_CACHE_CONTROL: &str = "private, no-cache";

pub fn etag_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    format!("\"{}\"", lower_hex(&digest[..16]))
}

/// Whether an `If-None-Match` value matches `etag` (weak comparison, as RFC 9110 asks).
pub fn if_none_match_matches(header_value: &str, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let wanted = opaque(etag);
    header_value
        .split(',')
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == wanted)
}

pub async fn conditional_get(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    let logged_in = request.headers().contains_key(header::AUTHORIZATION);
    let if_none_match = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let if_modified_since = request
        .headers()
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| chrono::DateTime::parse_from_rfc2822(value).ok());
    let response = next.call(request).await?;
    if !is_read || response.status() != StatusCode::OK {
        return Ok(response.map_into_boxed_body());
    }

    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = body::to_bytes(body).await.map_err(|error| {
        ApiError::Internal(anyhow::anyhow!("reading a response body: {}", error.into()))
    })?;
    let etag = etag_of(&bytes);
    let headers = head.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        let policy = if logged_in {
            PRIVATE_CACHE_CONTROL
        } else {
            PUBLIC_CACHE_CONTROL
        };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    headers.append(header::VARY, HeaderValue::from_static("Authorization"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }

    // `If-Modified-Since` counts only without `If-None-Match` (RFC 9110, 13.1.3), and only
    // where the response says when it last changed (feeds and sitemaps do).
    let last_modified = head
        .headers()
        .get(header::LAST_MODIFIED)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| chrono::DateTime::parse_from_rfc2822(value).ok());
    let unchanged = match (&if_none_match, if_modified_since, last_modified) {
        (Some(value), _, _) => if_none_match_matches(value, &etag),
        (None, Some(since), Some(modified)) => modified <= since,
        _ => false,
    };
    if unchanged {
        let mut not_modified = HttpResponse::NotModified();
        for (name, value) in head.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                not_modified.append_header((name.clone(), value.clone()));
            }
        }
        return Ok(ServiceResponse::new(request, not_modified.finish()));
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(bytes).map_into_boxed_body(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_etag_is_quoted_and_stable() {
        let etag = etag_of(b"{}");
        assert!(etag.starts_with('"') && etag.ends_with('"'));
        assert_eq!(etag, etag_of(b"{}"));
        assert_ne!(etag, etag_of(b"[]"));
    }

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists_and_stars() {
        let etag = "\"abc\"";
        assert!(if_none_match_matches("\"abc\"", etag));
        assert!(if_none_match_matches("W/\"abc\"", etag));
        assert!(if_none_match_matches("\"x\", \"abc\"", etag));
        assert!(if_none_match_matches("*", etag));
        assert!(!if_none_match_matches("\"abd\"", etag));
    }
}
