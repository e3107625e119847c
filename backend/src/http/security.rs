//! Response headers that tell browsers what the site will never do: no sniffing of content
//! types, referrers cut to the origin across sites, a Content-Security-Policy on the portal's
//! pages (scripts only from this site, plus the one hashed bootstrap that loads the wasm), the
//! console never framed, and HSTS when the operator says the site is served over TLS.

use actix_web::{
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{self, HeaderValue},
    middleware::Next,
    web,
};
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The headers, prepared once at start.
pub struct SecurityHeaders {
    portal_policy: HeaderValue,
    console_policy: HeaderValue,
    hsts: Option<HeaderValue>,
}

impl SecurityHeaders {
    /// `portal_page` and `console_page` are the built pages of the two apps (`index.html`,
    /// `console.html`): each policy allows the inline bootstrap of its own page, by hash.
    pub fn new(
        portal_page: Option<&str>,
        console_page: Option<&str>,
        hsts_max_age: Option<u64>,
    ) -> Self {
        let policy = |page: Option<&str>, frame_ancestors: &str| {
            let hashes: String = page
                .map(inline_scripts)
                .unwrap_or_default()
                .iter()
                .map(|script| {
                    let digest = Sha256::digest(script.as_bytes());
                    format!(
                        " 'sha256-{}'",
                        base64::engine::general_purpose::STANDARD.encode(digest)
                    )
                })
                .collect();
            // Article bodies may show images from other public sites (over http on older
            // ones); Yew sets `style` attributes, so inline styles stay allowed.
            let text = format!(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
                 style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; \
                 font-src 'self' data:; connect-src 'self'; object-src 'none'; \
                 base-uri 'self'; form-action 'self'; frame-ancestors {frame_ancestors}"
            );
            HeaderValue::from_str(&text)
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
        };
        Self {
            portal_policy: policy(portal_page, "'self'"),
            console_policy: policy(console_page, "'none'"),
            hsts: hsts_max_age.and_then(|age| {
                HeaderValue::from_str(&format!("max-age={age}; includeSubDomains")).ok()
            }),
        }
    }
}

/// The bodies of the `<script>` elements without `src` in an HTML page.
fn inline_scripts(page: &str) -> Vec<String> {
    let mut scripts = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open_tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !open_tag.contains(" src=") {
            scripts.push(after[body_start..body_start + close].to_owned());
        }
        rest = &after[body_start + close..];
    }
    scripts
}

pub async fn security_headers(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let settings = request.app_data::<web::Data<SecurityHeaders>>().cloned();
    let path = request.path();
    let console = path == "/admin" || path.starts_with("/admin/");
    let docs = path.starts_with("/docs");
    let mut response = next.call(request).await?;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    let Some(settings) = settings else {
        return Ok(response);
    };
    if let Some(hsts) = &settings.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, hsts.clone());
    }
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if html && !docs {
        let policy = if console {
            headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
            &settings.console_policy
        } else {
            &settings.portal_policy
        };
        headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scripts_without_src_are_hashed() {
        let page = r#"<head><script type="module" src="/a.js"></script>
            <script type="module">import init from '/p.js'; await init();</script></head>"#;
        assert_eq!(
            inline_scripts(page),
            ["import init from '/p.js'; await init();"]
        );
    }

    #[test]
    fn the_policy_allows_wasm_and_the_hashed_bootstrap_but_no_other_inline_script() {
        let headers = SecurityHeaders::new(
            Some("<script>boot()</script>"),
            Some("<script>console()</script>"),
            None,
        );
        let policy = headers.portal_policy.to_str().unwrap_or_default();
        assert!(policy.contains("'wasm-unsafe-eval'"), "{policy}");
        assert!(policy.contains("'sha256-"), "{policy}");
        let scripts = policy
            .split(';')
            .find(|directive| directive.trim().starts_with("script-src"))
            .unwrap_or_default();
        assert!(!scripts.contains("'unsafe-inline'"), "{policy}");
        let console = headers.console_policy.to_str().unwrap_or_default();
        assert!(console.ends_with("frame-ancestors 'none'"), "{console}");
        let hash_of = |policy: &str| {
            policy
                .split_whitespace()
                .find(|word| word.starts_with("'sha256-"))
                .map(str::to_owned)
        };
        assert!(hash_of(console).is_some(), "{console}");
        assert_ne!(
            hash_of(console),
            hash_of(policy),
            "each app's own bootstrap"
        );
    }
}
