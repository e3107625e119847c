//! Cross-cutting HTTP: how malformed requests become problem documents, conditional GETs and
//! cache headers for public reads, the fallbacks for unknown routes, and the host of the wasm
//! portal. Nothing here knows about articles or categories.

pub mod caching;
pub mod client;
pub mod extractors;
pub mod fallback;
pub mod microcache;
pub mod security;
pub mod spa;

pub use client::TrustedProxies;
