//! Cross-cutting HTTP: how malformed requests become problem documents, conditional GETs and
//! cache headers for public reads, the fallbacks for unknown routes, and the host of the wasm
//! portal. Nothing here knows about articles or categories.

pub mod caching;
pub mod extractors;
pub mod fallback;
pub mod microcache;
pub mod spa;

use std::net::IpAddr;

use actix_web::HttpRequest;

/// The caller's address: the socket peer, or the first `X-Forwarded-For` hop when the server
/// is configured to trust its reverse proxy.
pub fn client_ip(request: &HttpRequest, trust_proxy: bool) -> IpAddr {
    let forwarded = trust_proxy
        .then(|| request.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(',').next())
        .and_then(|first| first.trim().parse().ok());
    forwarded
        .or_else(|| request.peer_addr().map(|addr| addr.ip()))
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}
