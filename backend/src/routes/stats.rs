//! `/api/v1/stats`: what the portal shows (most-read lists, public) and what the office
//! reports upward (summary, daily series, per-category totals; editors and admins, raw counts
//! for admins only).

use actix_web::{get, web};
use chrono::NaiveDate;
use portal_api::{CategoryHits, DailySeries, MostReadArticle, Role, SiteSummary, StatsPeriod};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::CurrentUser,
    error::{ApiError, ApiResult},
    openapi::{BadRequest, NotFound, ServerError, Unauthorized},
    services::stats,
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(most_read)
        .service(summary)
        .service(daily)
        .service(per_category);
}

/// Which most-read list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MostReadParams {
    /// `day`, `week` (default), `month` or `all`, ending today in the site's time zone.
    #[param(inline)]
    period: Option<StatsPeriod>,
    /// Only articles in this category and its descendants (id or slug).
    category: Option<String>,
    /// How many, 1 to 50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<u32>,
}

/// The most-read public articles of a period (点击排行).
#[utoipa::path(
    tag = "stats",
    params(MostReadParams),
    responses(
        (status = 200, description = "Most read first.", body = Vec<MostReadArticle>),
        (status = 304, description = "Not modified since the `If-None-Match` entity tag."),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(())
)]
#[get("/stats/most-read")]
async fn most_read(
    state: web::Data<AppState>,
    params: web::Query<MostReadParams>,
) -> ApiResult<web::Json<Vec<MostReadArticle>>> {
    let limit = params.limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::BadRequest(
            "limit: must be between 1 and 50".into(),
        ));
    }
    let list = stats::most_read(
        &state.db,
        state.hits.timezone(),
        params.period.unwrap_or_default(),
        params.category.as_deref(),
        u64::from(limit),
    )
    .await?;
    Ok(web::Json(list))
}

/// The site at a glance: articles, categories, total and today's views, today's visitors
/// (editors and admins).
#[utoipa::path(
    tag = "stats",
    responses(
        (status = 200, description = "The summary.", body = SiteSummary),
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/stats/summary")]
async fn summary(
    state: web::Data<AppState>,
    _staff: CurrentUser,
) -> ApiResult<web::Json<SiteSummary>> {
    Ok(web::Json(
        stats::summary(&state.db, state.hits.timezone()).await?,
    ))
}

/// The range and subject of a daily series.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DailyParams {
    /// First day (YYYY-MM-DD); default 29 days before `to`.
    from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD); default today in the site's time zone. A range longer than 366
    /// days is shortened to the 366 days ending here; one that ends before it starts is empty.
    to: Option<NaiveDate>,
    /// One article's series; the whole site's when absent.
    article_id: Option<i32>,
}

/// Views per day over a date range, days without views as zero (editors and admins; raw
/// counts with robots and reloads for admins only).
#[utoipa::path(
    tag = "stats",
    params(DailyParams),
    responses(
        (status = 200, description = "The series.", body = DailySeries),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/stats/daily")]
async fn daily(
    state: web::Data<AppState>,
    user: CurrentUser,
    params: web::Query<DailyParams>,
) -> ApiResult<web::Json<DailySeries>> {
    let today = stats::today(state.hits.timezone());
    let range = stats::series_range(params.from, params.to, today);
    let series = stats::daily(
        &state.db,
        params.article_id,
        range,
        user.role == Role::Admin,
    )
    .await?;
    Ok(web::Json(series))
}

/// Views and article counts per category, each including its sub-categories (editors and
/// admins).
#[utoipa::path(
    tag = "stats",
    responses(
        (status = 200, description = "One entry per category, in display order.", body = Vec<CategoryHits>),
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[get("/stats/categories")]
async fn per_category(
    state: web::Data<AppState>,
    _staff: CurrentUser,
) -> ApiResult<web::Json<Vec<CategoryHits>>> {
    Ok(web::Json(stats::per_category(&state.db).await?))
}
