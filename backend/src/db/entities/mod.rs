//! sea-orm entities, one per table. Hand-written to match `db::migrations`; services are the
//! only users.

pub mod article;
pub mod article_attachment;
pub mod article_daily_hits;
pub mod article_tombstone;
pub mod category;
pub mod daily_visitor;
pub mod demo_record;
pub mod friend_link;
pub mod import_record;
pub mod legacy_link;
pub mod login_failure;
pub mod media;
pub mod revoked_token;
pub mod site_setting;
pub mod user;
pub mod visitor_day_total;
pub mod visitor_salt;
