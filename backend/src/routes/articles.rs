//! `/api/v1/articles`: listing and reading (public, more for staff) and the editors' writes.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use portal_api::{
    Article, ArticleListQuery, ArticlePage, ArticlePatch, ArticlePreview, ArticlePreviewRequest,
    ArticleStatusFilter, NewArticle,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    auth::{Editor, MaybeUser},
    domain::{Pagination, SearchTerms},
    error::{ApiError, ApiResult},
    http::extractors::JsonBody,
    routes::responses::{
        BadRequest, JsonBodyErrors, NotFound, ServerBusy, ServerError, Unauthorized,
    },
    services::articles::{self, Cursor, ListQuery},
    state::AppState,
};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_articles)
        .service(create_article)
        .service(preview_article)
        .service(get_article)
        .service(update_article)
        .service(delete_article);
}

/// List articles, newest first unless `sort` says otherwise.
///
/// Anonymous callers see published articles whose publish time has passed. Editors and admins,
/// sending their bearer token (optional here), may ask for drafts, scheduled and archived
/// articles with `status`. With `q` the full-text
/// index finds the articles (as `GET /api/v1/search` does, in the order `sort` asks for;
/// `most_read` and `pinned` do not combine with `q`). Searches are admitted a few at a time;
/// beyond the queue, or while the index is rebuilt, 503 with `Retry-After`.
#[utoipa::path(
    tag = "articles",
    params(ArticleListQuery),
    responses(
        (status = 200, description = "One page of articles.", body = ArticlePage,
            headers(
                ("X-Total-Count" = u64, description = "Articles in the whole list."),
                ("Link" = String, description = "`first`, `last`, `prev` and `next` pages (RFC 8288)."),
            )),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
        (status = 503, response = ServerBusy),
    ),
    security((), ("bearer" = []))
)]
#[get("/articles")]
async fn list_articles(
    state: web::Data<AppState>,
    viewer: MaybeUser,
    params: web::Query<ArticleListQuery>,
    request: HttpRequest,
) -> ApiResult<HttpResponse> {
    let params = params.into_inner();
    let from_cursor = params.after.is_some();
    let body = read_list(&state, params, viewer.is_staff()).await?;
    if from_cursor {
        // Pages counted from a cursor have no numbers: the one link is to the next.
        return Ok(super::continued(
            &request,
            &body.page,
            body.next_after.as_deref(),
            &body,
        ));
    }
    Ok(super::paged(&request, &body.page, &body))
}

/// One page of the list `params` ask for, as `GET /articles` answers it (the server-rendered
/// pages read their lists here too).
pub(crate) async fn read_list(
    state: &AppState,
    params: ArticleListQuery,
    staff: bool,
) -> ApiResult<ArticlePage> {
    let pagination = Pagination::parse(params.page, params.per_page)
        .map_err(|(field, message)| ApiError::BadRequest(format!("{field}: {message}")))?;
    let search = match params.q.as_deref().map(SearchTerms::parse).transpose() {
        Ok(terms) => terms.flatten(),
        Err(message) => return Err(ApiError::BadRequest(format!("q: {message}"))),
    };
    let status = params.status.unwrap_or_default();
    if status != ArticleStatusFilter::Public && !staff {
        return Err(ApiError::Unauthorized(
            "log in as an editor to list unpublished articles".into(),
        ));
    }
    let after = params
        .after
        .as_deref()
        .map(Cursor::parse)
        .transpose()
        .map_err(|message| ApiError::BadRequest(format!("after: {message}")))?;
    if after.is_some() && params.page.is_some_and(|page| page != 1) {
        return Err(ApiError::BadRequest(
            "page: give either `page` or `after`, not both".into(),
        ));
    }
    let query = ListQuery {
        category: params.category,
        include_descendants: params.include_descendants.unwrap_or(true),
        status,
        pinned: params.pinned,
        search,
        sort: params.sort.unwrap_or_default(),
        after,
    };
    let listed = articles::list(
        &state.db,
        &state.categories,
        &state.search,
        &state.list_memory,
        query,
        pagination,
    )
    .await?;
    Ok(ArticlePage {
        items: listed.items,
        page: listed.page,
        next_after: listed.next_after.map(|cursor| cursor.to_string()),
    })
}

/// Read one article with its breadcrumb and its neighbours in the category.
///
/// Reading never counts a view: the portal sends the view separately. Anyone may read a
/// published article; with an editor's or admin's bearer token (optional here) drafts,
/// scheduled and archived articles can be read too.
#[utoipa::path(
    tag = "articles",
    params(("id" = i32, Path, description = "The article's id.")),
    responses(
        (status = 200, description = "The article.", body = Article),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security((), ("bearer" = []))
)]
#[get("/articles/{id}")]
async fn get_article(
    state: web::Data<AppState>,
    viewer: MaybeUser,
    id: web::Path<i32>,
) -> ApiResult<web::Json<Article>> {
    Ok(web::Json(
        articles::get(
            &state.db,
            &state.categories,
            id.into_inner(),
            viewer.is_staff(),
        )
        .await?,
    ))
}

/// Preview an article body as it would be stored
///
/// For editors and admins. Answers the HTML exactly as saving it would store it and the
/// portal show it, after the sanitiser removed scripts, event handlers, styles and unsafe
/// links, with the summary that would be derived from it. Nothing is saved.
#[utoipa::path(
    tag = "articles",
    request_body = ArticlePreviewRequest,
    responses(
        (status = 200, description = "The sanitised body and its derived summary.", body = ArticlePreview),
        JsonBodyErrors,
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/articles/preview")]
async fn preview_article(
    _editor: Editor,
    body: JsonBody<ArticlePreviewRequest>,
) -> ApiResult<web::Json<ArticlePreview>> {
    Ok(web::Json(articles::preview(&body.into_inner().body)?))
}

/// Write an article
///
/// For editors and admins. The article is a draft unless `status` says otherwise:
/// `published` with no `published_at` publishes it now, a future `published_at` schedules it
/// (it appears by itself when due). The body is sanitised on the way in; the summary is
/// derived from it when none is given. Answers 201 with the article and its `Location`.
#[utoipa::path(
    tag = "articles",
    request_body = NewArticle,
    responses(
        (status = 201, description = "Created.", body = Article,
            headers(("Location" = String, description = "The new article's URL."))),
        JsonBodyErrors,
        (status = 401, response = Unauthorized),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[post("/articles")]
async fn create_article(
    state: web::Data<AppState>,
    _editor: Editor,
    body: JsonBody<NewArticle>,
) -> ApiResult<HttpResponse> {
    let article = state
        .list_memory
        .after_change(articles::create(
            &state.db,
            &state.categories,
            body.into_inner(),
        ))
        .await?;
    state.search.after_write().await;
    Ok(super::created(
        format!("/api/v1/articles/{}", article.id),
        &article,
    ))
}

/// Change an article
///
/// For editors and admins: edit, publish, schedule, unpublish, archive or pin. Only the
/// fields present change; `null` clears an optional one. The change is searchable at once.
#[utoipa::path(
    tag = "articles",
    params(("id" = i32, Path, description = "The article's id.")),
    request_body = ArticlePatch,
    responses(
        (status = 200, description = "The changed article.", body = Article),
        JsonBodyErrors,
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[patch("/articles/{id}")]
async fn update_article(
    state: web::Data<AppState>,
    _editor: Editor,
    id: web::Path<i32>,
    body: JsonBody<ArticlePatch>,
) -> ApiResult<web::Json<Article>> {
    let article = state
        .list_memory
        .after_change(articles::update(
            &state.db,
            &state.categories,
            id.into_inner(),
            body.into_inner(),
        ))
        .await?;
    state.search.after_write().await;
    Ok(web::Json(article))
}

/// Delete an article
///
/// For editors and admins. The article is gone for good, with its view statistics and its
/// place in the search index; archive it instead (`status` `archived`) to keep it.
#[utoipa::path(
    tag = "articles",
    params(("id" = i32, Path, description = "The article's id.")),
    responses(
        (status = 204, description = "Deleted."),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 500, response = ServerError),
    ),
    security(("bearer" = []))
)]
#[delete("/articles/{id}")]
async fn delete_article(
    state: web::Data<AppState>,
    _editor: Editor,
    id: web::Path<i32>,
) -> ApiResult<HttpResponse> {
    state
        .list_memory
        .after_change(articles::delete(&state.db, id.into_inner()))
        .await?;
    state.search.after_write().await;
    Ok(HttpResponse::NoContent().finish())
}
