//! sea-orm entities, one per table. Hand-written to match `db::migrations`; services are the
//! only users.

pub mod article;
pub mod category;
pub mod friend_link;
pub mod site_setting;
pub mod user;
