//! The rules of the portal, one module per resource, over `&DatabaseConnection`. Handlers call
//! these with validated input; these never see HTTP.

pub mod articles;
pub mod bootstrap;
pub mod categories;
pub mod demo;
pub mod demo_content;
pub mod feeds;
pub mod friend_links;
pub mod legacy_links;
pub mod media;
pub mod remembered;
pub mod search;
pub mod site;
pub mod stats;
pub mod users;
