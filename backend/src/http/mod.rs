//! Cross-cutting HTTP: how malformed requests become problem documents, conditional GETs and
//! cache headers for public reads and the fallbacks for unknown routes. Nothing here knows about
//! articles or categories.

pub mod caching;
pub mod client;
pub mod extractors;
pub mod fallback;
pub mod microcache;
pub mod security;

pub use client::TrustedProxies;
