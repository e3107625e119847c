//! The OpenAPI document. Its paths come from the routes actually mounted (`routes::configure`
//! through utoipa-actix-web), so the spec cannot drift from the server; this module adds the
//! document's frame: info, tags, the bearer scheme and the shared error responses.
//! `openapi/openapi.json` is this document, committed; a test keeps the two equal.

use actix_web::App;
use utoipa::{
    openapi::{
        content::ContentBuilder,
        response::{Response, ResponseBuilder},
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
        Ref, RefOr,
    },
    Modify, OpenApi,
};
use utoipa_actix_web::AppExt;

/// Declares a shared error response: a problem document with a fixed description, referenced
/// from each route as `response = Name`.
macro_rules! problem_responses {
    ($($name:ident => $description:literal),* $(,)?) => {
        $(
            pub struct $name;

            impl<'s> utoipa::ToResponse<'s> for $name {
                fn response() -> (&'s str, RefOr<Response>) {
                    (stringify!($name), problem_response($description))
                }
            }
        )*
    };
}

fn problem_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

problem_responses! {
    BadRequest => "The request is malformed: bad JSON syntax, query string or pagination.",
    Unauthorized => "No valid bearer token was sent, or the credentials are wrong.",
    Forbidden => "The token is valid but its role may not do this.",
    NotFound => "No such resource, or one the caller may not see.",
    Conflict => "The change clashes with existing data; `code` says how: `name_taken` (slug or user name), `not_empty` (a category with sub-categories or articles), `tree_cycle` (a category moved under itself), `last_admin`, `not_public` (a view of an unpublished article), `duplicate`, `in_use`.",
    PayloadTooLarge => "The body is larger than 4 MiB.",
    UnsupportedMediaType => "The body is not `application/json`.",
    Unprocessable => "The body has the wrong shape, a value breaks a rule, or it names a record that does not exist (`reference_not_found`); `errors` lists the fields.",
    TooManyRequests => "Too many failed attempts; retry after the `Retry-After` seconds.",
    ServerError => "An unexpected error; logged on the server, no details are given.",
    ServiceUnavailable => "The database is not reachable.",
    ServerBusy => "The server is at a bound it keeps for everyone (`server_busy`: too many logins being checked; `write_contention`: the database kept refusing the write for concurrent ones). Nothing was changed; retry after the `Retry-After` seconds.",
}

/// Declares a set of shared error responses that routes list as one entry.
macro_rules! response_sets {
    ($($(#[$doc:meta])* $name:ident => [$($status:literal: $response:ident),* $(,)?]),* $(,)?) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl utoipa::IntoResponses for $name {
                fn responses() -> std::collections::BTreeMap<String, RefOr<Response>> {
                    [$(($status.to_string(), RefOr::Ref(Ref::from_response_name(stringify!($response))))),*]
                        .into_iter()
                        .collect()
                }
            }
        )*
    };
}

response_sets! {
    /// What any route taking a JSON body may answer about the body.
    JsonBodyErrors => [400: BadRequest, 413: PayloadTooLarge, 415: UnsupportedMediaType, 422: Unprocessable],
    /// What an admin-only route answers to anyone else.
    AdminOnly => [401: Unauthorized, 403: Forbidden],
}

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

/// The time zones the server knows, listed in the schema so that clients can offer a choice and
/// the documented values are exactly the accepted ones.
struct TimeZoneNames;

impl Modify for TimeZoneNames {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::schema::Schema;
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        let Some(RefOr::T(Schema::Object(settings))) =
            components.schemas.get_mut("SiteSettingsPatch")
        else {
            return;
        };
        if let Some(RefOr::T(Schema::Object(timezone))) = settings.properties.get_mut("timezone") {
            let mut names: Vec<serde_json::Value> = chrono_tz::TZ_VARIANTS
                .iter()
                .map(|zone| zone.name().into())
                .collect();
            names.push(serde_json::Value::Null);
            timezone.enum_values = Some(names);
        }
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
        (name = "categories", description = "The category tree, breadcrumbs and navigation."),
        (name = "friend-links", description = "The footer's friend links (友情连接)."),
        (name = "site", description = "Site-wide settings: name, footer, ICP number, time zone."),
        (name = "auth", description = "Logging in and the current account."),
        (name = "stats", description = "View statistics: most-read lists (public) and reports (editors and admins)."),
        (name = "users", description = "Accounts of editors and admins (admins only)."),
        (name = "health", description = "Liveness and readiness probes."),
    ),
    components(
        schemas(portal_api::Problem, portal_api::FieldError),
        responses(
            BadRequest, Unauthorized, Forbidden, NotFound, Conflict, PayloadTooLarge,
            UnsupportedMediaType, Unprocessable, TooManyRequests, ServerError, ServiceUnavailable,
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
    // The route schemas exist only now, after mounting: modifiers of `ApiDoc` cannot see them.
    let mut spec = spec;
    TimeZoneNames.modify(&mut spec);
    spec
}

/// The document as committed in `openapi/openapi.json`.
pub fn spec_json() -> anyhow::Result<String> {
    Ok(spec().to_pretty_json()?)
}
