//! The portal's public face outside the JSON API: the wasm portal's files; each public page
//! rendered on the server with the portal's own components, with its head (title,
//! description, canonical link, Open Graph, JSON-LD) and status, in the shell the wasm client
//! hydrates; and what crawlers and feed readers fetch: `/robots.txt`, `/sitemap.xml` and the RSS feeds.
//! Pages only read: rendering one never counts a view.

mod answers;
pub mod assets;
pub mod counter;
pub mod feeds;
pub mod head;
mod origin;
pub mod render;
pub mod shell;
mod text;

pub use origin::SiteOrigin;
