//! The portal's API contract: every request and response body of `/api/v1`, shared by the
//! backend (which derives the OpenAPI schemas from these types with the `openapi` feature) and
//! the wasm client (which builds without it).
//!
//! This crate must never depend on the backend, the database or the browser: it is plain data
//! with serde, so that both ends of the wire compile against one definition.

pub mod articles;
pub mod auth;
pub mod categories;
pub mod error_code;
pub mod friend_links;
pub mod health;
pub mod integers;
pub mod markup;
pub mod media;
pub mod pages;
pub mod pagination;
pub mod patterns;
pub mod problem;
pub mod queries;
pub mod search;
pub mod site;
pub mod stats;
pub mod users;

pub use articles::*;
pub use auth::*;
pub use categories::*;
pub use error_code::*;
pub use friend_links::*;
pub use health::*;
pub use media::*;
pub use pages::*;
pub use pagination::*;
pub use problem::*;
pub use queries::*;
pub use search::*;
pub use site::*;
pub use stats::*;
pub use users::*;

/// Deserialises a field that may be absent, `null` or a value into `Option<Option<T>>`, so a
/// PATCH body can tell "leave it alone" (absent) from "clear it" (`null`).
pub fn deserialize_present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    serde::Deserialize::deserialize(deserializer).map(Some)
}
