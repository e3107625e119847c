//! Site settings: one row, created with defaults on first start.

use portal_api::{
    SiteSettings, SiteSettingsPatch, SITE_COPYRIGHT_MAX_CHARS, SITE_FOOTER_TEXT_MAX_CHARS,
    SITE_ICP_NUMBER_MAX_CHARS, SITE_NAME_MAX_CHARS,
};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set};

use crate::{
    db::{self, entities::site_setting},
    domain::{BoundedText, TimeZoneName, Title},
    error::{ApiError, ApiResult, FieldErrors},
};

use super::remembered::Remembered;

const ROW_ID: i32 = 1;
pub const DEFAULT_TIMEZONE: &str = "Asia/Shanghai";

/// The site's name, whether an admin sets it or `PORTAL_SITE_NAME` does.
pub type SiteName = Title<SITE_NAME_MAX_CHARS>;

fn to_dto(model: site_setting::Model) -> SiteSettings {
    SiteSettings {
        site_name: model.site_name,
        footer_text: model.footer_text,
        icp_number: model.icp_number,
        copyright: model.copyright,
        timezone: model.timezone,
        updated_at: model.updated_at,
    }
}

/// Creates the settings row if it is missing, with `initial` values.
pub async fn ensure(db: &impl ConnectionTrait, initial: SiteSettingsPatch) -> ApiResult<()> {
    if site_setting::Entity::find_by_id(ROW_ID)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    site_setting::ActiveModel {
        id: Set(ROW_ID),
        site_name: Set(initial.site_name.unwrap_or_else(|| "普法网".into())),
        footer_text: Set(initial.footer_text.unwrap_or_default()),
        icp_number: Set(initial.icp_number.unwrap_or_default()),
        copyright: Set(initial.copyright.unwrap_or_default()),
        timezone: Set(initial.timezone.unwrap_or_else(|| DEFAULT_TIMEZONE.into())),
        updated_at: Set(db::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The settings as every page shows them, from memory while fresh.
pub async fn get(
    db: &DatabaseConnection,
    remembered: &Remembered<SiteSettings>,
) -> ApiResult<SiteSettings> {
    let settings = remembered.get_or_read(|| read(db)).await?;
    Ok(SiteSettings::clone(&settings))
}

/// The settings as stored now.
pub async fn read(db: &DatabaseConnection) -> ApiResult<SiteSettings> {
    site_setting::Entity::find_by_id(ROW_ID)
        .one(db)
        .await?
        .map(to_dto)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the site settings row is missing")))
}

pub async fn update(
    db: &DatabaseConnection,
    remembered: &Remembered<SiteSettings>,
    patch: SiteSettingsPatch,
) -> ApiResult<SiteSettings> {
    let mut errors = FieldErrors::default();
    let site_name = errors.check_optional("site_name", patch.site_name.as_deref(), SiteName::parse);
    let footer_text = errors.check_optional(
        "footer_text",
        patch.footer_text.as_deref(),
        BoundedText::<SITE_FOOTER_TEXT_MAX_CHARS>::parse,
    );
    let icp_number = errors.check_optional(
        "icp_number",
        patch.icp_number.as_deref(),
        BoundedText::<SITE_ICP_NUMBER_MAX_CHARS>::parse,
    );
    let copyright = errors.check_optional(
        "copyright",
        patch.copyright.as_deref(),
        BoundedText::<SITE_COPYRIGHT_MAX_CHARS>::parse,
    );
    let timezone =
        errors.check_optional("timezone", patch.timezone.as_deref(), TimeZoneName::parse);
    errors.finish()?;

    let existing = site_setting::Entity::find_by_id(ROW_ID)
        .one(db)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the site settings row is missing")))?;
    let mut active: site_setting::ActiveModel = existing.into();
    if let Some(value) = site_name {
        active.site_name = Set(value.into_inner());
    }
    if let Some(value) = footer_text {
        active.footer_text = Set(value.into_inner());
    }
    if let Some(value) = icp_number {
        active.icp_number = Set(value.into_inner());
    }
    if let Some(value) = copyright {
        active.copyright = Set(value.into_inner());
    }
    if let Some(value) = timezone {
        active.timezone = Set(value.into_inner());
    }
    active.updated_at = Set(db::now());
    let updated = remembered
        .after_change(db::retry_on_contention(|| active.clone().update(db)))
        .await?;
    Ok(to_dto(updated))
}
