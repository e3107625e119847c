use sea_orm::entity::prelude::*;

/// One article's views on one day of the site's calendar.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "article_daily_hits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub article_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    /// Counted views: bots and reloads excluded.
    pub hits: i64,
    /// Every beacon request for the article.
    pub raw_hits: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
