//! The site's own address, which canonical links, feeds and the sitemap spell out in full.

use actix_web::{http::header, HttpRequest};

/// The configured public address, or else the one the request came to.
#[derive(Debug, Clone, Default)]
pub struct SiteOrigin {
    configured: Option<String>,
}

impl SiteOrigin {
    pub fn new(configured: Option<&url::Url>) -> Self {
        Self {
            configured: configured.map(|address| address.as_str().trim_end_matches('/').to_owned()),
        }
    }

    /// `scheme://host[:port]`, without a trailing slash. Without a configured address the
    /// request's `Host` is used (never `X-Forwarded-Host`, which any client can send and a
    /// shared cache might keep).
    pub fn of(&self, request: &HttpRequest) -> String {
        if let Some(configured) = &self.configured {
            return configured.clone();
        }
        let config = request.app_config();
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .or_else(|| {
                request
                    .uri()
                    .authority()
                    .map(|authority| authority.as_str())
            })
            .filter(|host| is_host(host))
            .unwrap_or_else(|| config.host());
        let scheme = if config.secure() { "https" } else { "http" };
        format!("{scheme}://{host}")
    }
}

/// A host name or address with an optional port: nothing that could break out of a URL.
fn is_host(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 255
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b".-:[]_".contains(&byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_hosts_are_taken_from_requests() {
        assert!(is_host("pufa.example.gov.cn"));
        assert!(is_host("127.0.0.1:8080"));
        assert!(is_host("[::1]:8080"));
        assert!(!is_host("evil.example/\"><script>"));
        assert!(!is_host(""));
    }
}
