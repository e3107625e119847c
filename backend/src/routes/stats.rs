//! `/api/v1/stats`: what the portal shows (most-read lists, public) and what the office
//! reports upward (summary, daily series, per-category totals; editors and admins, raw counts
//! for admins only).

use actix_web::{get, web};
use portal_api::{
    CategoryHits, DailyQuery, DailySeries, MostReadArticle, MostReadQuery, Role, SiteSummary,
    MOST_READ_LIMIT_DEFAULT, MOST_READ_LIMIT_MAX,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::Editor,
    error::{ApiError, ApiResult},
    routes::responses::{BadRequest, NotFound, ServerError, Unauthorized},
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

/// Most-read articles
///
/// The most-read public articles of a period ending today in the site's time zone (点击排行),
/// optionally within a category and its sub-categories. Public.
#[utoipa::path(
    tag = "stats",
    params(MostReadQuery),
    responses(
        (status = 200, description = "Most read first.", body = Vec<MostReadArticle>),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
)]
#[get("/stats/most-read")]
async fn most_read(
    state: web::Data<AppState>,
    params: web::Query<MostReadQuery>,
) -> ApiResult<web::Json<Vec<MostReadArticle>>> {
    Ok(web::Json(read_most_read(&state, &params).await?))
}

/// The most-read list `params` ask for (the home page's 点击排行 is rendered from it too).
pub(crate) async fn read_most_read(
    state: &AppState,
    params: &MostReadQuery,
) -> ApiResult<Vec<MostReadArticle>> {
    let limit = params.limit.unwrap_or(MOST_READ_LIMIT_DEFAULT);
    if !(1..=MOST_READ_LIMIT_MAX).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "limit: must be between 1 and {MOST_READ_LIMIT_MAX}"
        )));
    }
    stats::most_read(
        &state.db,
        &state.categories,
        state.hits.timezone(),
        params.period.unwrap_or_default(),
        params.category.as_deref(),
        u64::from(limit),
    )
    .await
}

/// Site summary
///
/// For editors and admins: articles (and how many are published), categories, total and
/// today's views, today's visitors.
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
async fn summary(state: web::Data<AppState>, _staff: Editor) -> ApiResult<web::Json<SiteSummary>> {
    Ok(web::Json(
        stats::summary(&state.db, state.hits.timezone()).await?,
    ))
}

/// Views per day
///
/// For editors and admins: views per day over a date range, site-wide or for one article,
/// days without views as zero. Raw counts with robots and reloads are for admins only.
#[utoipa::path(
    tag = "stats",
    params(DailyQuery),
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
    Editor(user): Editor,
    params: web::Query<DailyQuery>,
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

/// Views per category
///
/// For editors and admins: views and article counts per category, each including its
/// sub-categories.
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
    _staff: Editor,
) -> ApiResult<web::Json<Vec<CategoryHits>>> {
    Ok(web::Json(
        stats::per_category(&state.db, &state.categories).await?,
    ))
}
