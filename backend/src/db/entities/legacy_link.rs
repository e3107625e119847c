use sea_orm::entity::prelude::*;

/// An old site's address (normalised by `services::legacy_links::key`) and the site-relative
/// address it now answers with a 301.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legacy_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub path: String,
    pub target: String,
    /// The import that recorded it, e.g. `wxr:http://old-site.example.gov.cn`.
    pub source: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
