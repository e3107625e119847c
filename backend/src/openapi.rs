//! The OpenAPI document. Its paths come from the routes actually mounted (`routes::configure`
//! through utoipa-actix-web), so the spec cannot drift from the server; this module adds the
//! document's frame: info, tags, the bearer scheme and the shared error responses.
//! `openapi/openapi.json` is this document, committed; a test keeps the two equal.

use actix_web::App;
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};
use utoipa_actix_web::AppExt;

use crate::routes::responses::{
    BadRequest, Conflict, Forbidden, NotFound, PayloadTooLarge, ServerBusy, ServerError,
    ServiceUnavailable, TooManyRequests, Unauthorized, Unprocessable, UnsupportedMediaType,
    UnsupportedUpload, UploadTooLarge,
};

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "A token from `POST /api/v1/auth/login`, sent as `Authorization: Bearer <token>`.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Portal CMS API",
        description = "The JSON API of a public-information portal (普法 news sites): categories, \
articles, friend links, site settings and accounts.\n\n\
Conventions: versioned paths under `/api/v1`, JSON with snake_case fields, RFC 3339 times, \
`page`/`per_page` pagination (at most 100 per page) with the total in the body and in \
`X-Total-Count`, errors as RFC 9457 `application/problem+json` with a stable `code`, \
`ETag`/`If-None-Match` and `Cache-Control` on public reads, CORS open for GET.\n\n\
Editors and admins log in at `POST /api/v1/auth/login` and send the token as a bearer token.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
        contact(name = "Portal CMS maintainers")
    ),
    servers((url = "/", description = "This server")),
    tags(
        (name = "articles", description = "News articles: public reading and editors' publishing."),
        (name = "search", description = "Full-text search of the published articles, Chinese word-segmented and ranked, and title completions."),
        (name = "categories", description = "The category tree, breadcrumbs and navigation."),
        (name = "friend-links", description = "The footer's friend links (友情连接)."),
        (name = "site", description = "Site-wide settings: name, footer, ICP number, time zone."),
        (name = "auth", description = "Logging in and the current account."),
        (name = "stats", description = "View statistics: most-read lists (public) and reports (editors and admins)."),
        (name = "media", description = "Images and attachments (附件) editors upload: the media library."),
        (name = "users", description = "Accounts of editors and admins (admins only)."),
        (name = "health", description = "Liveness and readiness probes."),
    ),
    components(
        schemas(portal_api::Problem, portal_api::FieldError),
        responses(
            BadRequest, Unauthorized, Forbidden, NotFound, Conflict, PayloadTooLarge,
            UploadTooLarge, UnsupportedUpload, UnsupportedMediaType, Unprocessable, TooManyRequests, ServerError, ServiceUnavailable,
            ServerBusy
        )
    ),
    modifiers(&BearerScheme)
)]
pub struct ApiDoc;

impl ApiDoc {
    /// The frame without paths; mounting the routes fills them in.
    pub fn openapi_base() -> utoipa::openapi::OpenApi {
        <ApiDoc as OpenApi>::openapi()
    }
}

/// The whole document, as the server serves it.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, spec) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi_base())
        .configure(|config| crate::routes::configure(config, &["*".to_owned()]))
        .split_for_parts();
    spec
}

/// The document as committed in `openapi/openapi.json`.
pub fn spec_json() -> anyhow::Result<String> {
    Ok(spec().to_pretty_json()?)
}
