//! The portal's public face outside the JSON API: the wasm portal's files, and each page's
//! head (title, description, canonical link, Open Graph, JSON-LD) and status on the shell the
//! wasm client boots from,
//! and what crawlers and feed readers fetch: `/robots.txt`, `/sitemap.xml` and the RSS feeds.
//! Pages only read: rendering one never counts a view.

pub mod feeds;
pub mod head;
mod origin;
pub mod shell;
mod text;

pub use origin::SiteOrigin;
