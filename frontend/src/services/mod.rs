//! The API, one function per endpoint, all over the one request helper in [`requests`].
//! Request and response bodies are the shared `portal_api` types; nothing here is copied by
//! hand. Functions that send requests only work in the browser; the URL builders are pure and
//! tested on the host.

pub mod articles;
pub mod auth;
pub mod categories;
pub mod friend_links;
pub mod media;
pub mod requests;
pub mod search;
pub mod session;
pub mod site;
pub mod stats;
pub mod users;

pub use requests::ApiError;
