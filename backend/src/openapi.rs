//! The OpenAPI document. Its paths come from the routes actually mounted (`routes::configure`
//! through utoipa-actix-web), so the spec cannot drift from the server; this module adds the
//! document's frame: info, tags, the bearer scheme and the shared error responses.
//! `openapi/openapi.json` is this document, committed; a test keeps the two equal.

use actix_web::App;
use std::collections::HashSet;

use utoipa::{
    openapi::{
        extensions::Extensions,
        header::{Header, HeaderBuilder},
        link::LinkBuilder,
        path::{Operation, ParameterBuilder, ParameterIn, PathItem},
        schema::{ObjectBuilder, Type},
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
        RefOr, Required, ResponseBuilder,
    },
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
    // Alphabetical, as the tags-alphabetical lint asks: readers find a tag without knowing
    // our grouping.
    tags(
        (name = "articles", description = "News articles: public reading and editors' publishing."),
        (name = "auth", description = "Logging in and the current account."),
        (name = "categories", description = "The category tree, breadcrumbs and navigation."),
        (name = "friend-links", description = "The footer's friend links (友情连接)."),
        (name = "health", description = "Liveness and readiness probes."),
        (name = "media", description = "Images and attachments (附件) editors upload: the media library."),
        (name = "search", description = "Full-text search of the published articles, Chinese word-segmented and ranked, and title completions."),
        (name = "site", description = "Site-wide settings: name, footer, ICP number, time zone."),
        (name = "stats", description = "View statistics: most-read lists (public) and reports (editors and admins)."),
        (name = "users", description = "Accounts of editors and admins (admins only)."),
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
    let (_, mut spec) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi_base())
        .configure(|config| crate::routes::configure(config, &["*".to_owned()]))
        .split_for_parts();
    declare_conditional_reads(&mut spec);
    declare_retry_after(&mut spec);
    declare_links(&mut spec);
    spec
}

/// What a created resource's answer leads to: reading, changing and deleting it, its id taken
/// from the body. Integrators (and generators, and Schemathesis's stateful phase) follow these.
/// (from operation, link name, to operation, where the id is in the 201 body)
const CREATED_LINKS: &[(&str, &str, &str, &str)] = &[
    ("create_article", "ReadArticle", "get_article", "/id"),
    ("create_article", "UpdateArticle", "update_article", "/id"),
    ("create_article", "DeleteArticle", "delete_article", "/id"),
    (
        "create_category",
        "ReadCategory",
        "get_category",
        "/category/id",
    ),
    (
        "create_category",
        "UpdateCategory",
        "update_category",
        "/category/id",
    ),
    (
        "create_category",
        "DeleteCategory",
        "delete_category",
        "/category/id",
    ),
    (
        "create_friend_link",
        "ReadFriendLink",
        "get_friend_link",
        "/id",
    ),
    (
        "create_friend_link",
        "UpdateFriendLink",
        "update_friend_link",
        "/id",
    ),
    (
        "create_friend_link",
        "DeleteFriendLink",
        "delete_friend_link",
        "/id",
    ),
    ("upload_media", "ReadMedia", "get_media", "/id"),
    ("upload_media", "DeleteMedia", "delete_media", "/id"),
    ("create_user", "ReadUser", "get_user", "/id"),
    ("create_user", "UpdateUser", "update_user", "/id"),
    ("create_user", "DeleteUser", "delete_user", "/id"),
];

fn declare_links(spec: &mut utoipa::openapi::OpenApi) {
    let known: HashSet<String> = spec
        .paths
        .paths
        .values()
        .flat_map(operations)
        .filter_map(|operation| operation.operation_id.clone())
        .collect();
    for item in spec.paths.paths.values_mut() {
        for operation in operations_mut(item) {
            let Some(id) = operation.operation_id.clone() else {
                continue;
            };
            let Some(RefOr::T(created)) = operation.responses.responses.get_mut("201") else {
                continue;
            };
            for (from, name, to, pointer) in CREATED_LINKS {
                if *from != id {
                    continue;
                }
                assert!(known.contains(*to), "a link to the unknown operation {to}");
                // utoipa 5.5 writes `operation_id` as `operation_id` rather than `operationId`
                // (its Link lacks the camelCase renaming), and a link without `operationId`
                // leads nowhere; the one key goes in through the flattened extensions instead.
                let mut link = LinkBuilder::new()
                    .parameter("id", format!("$response.body#{pointer}"))
                    .build();
                link.extensions = Some(Extensions::from_iter([("operationId", *to)]));
                created.links.insert((*name).to_owned(), RefOr::T(link));
            }
        }
    }
}

fn operations(item: &PathItem) -> impl Iterator<Item = &Operation> {
    [&item.get, &item.post, &item.put, &item.patch, &item.delete]
        .into_iter()
        .flatten()
}

fn operations_mut(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.post,
        &mut item.put,
        &mut item.patch,
        &mut item.delete,
    ]
    .into_iter()
    .flatten()
}

/// Every GET under `/api/v1` passes through `http::caching::conditional_get`, which the routes
/// do not see: it takes `If-None-Match` (answering 304 while the tag still matches) and gives
/// each 200 an `ETag`, a `Cache-Control` and `Vary: Authorization`. The document says so for
/// every such operation here, as the middleware does it for every route, so neither can leave
/// one out.
fn declare_conditional_reads(spec: &mut utoipa::openapi::OpenApi) {
    for (path, item) in spec.paths.paths.iter_mut() {
        if !path.starts_with(portal_api::API_BASE) {
            continue;
        }
        let Some(read) = item.get.as_mut() else {
            continue;
        };
        let parameters = read.parameters.get_or_insert_with(Vec::new);
        if !parameters
            .iter()
            .any(|parameter| parameter.name == IF_NONE_MATCH)
        {
            parameters.push(
                ParameterBuilder::new()
                    .name(IF_NONE_MATCH)
                    .parameter_in(ParameterIn::Header)
                    .required(Required::False)
                    .description(Some(
                        "The `ETag` of an earlier answer: while it still matches, the answer is \
                         304 without a body (weak comparison; a list of tags or `*` is accepted).",
                    ))
                    // Any text: one that matches nothing is simply not a match.
                    .schema(Some(
                        ObjectBuilder::new()
                            .schema_type(Type::String)
                            .examples([serde_json::json!(EXAMPLE_ETAG)]),
                    ))
                    .build(),
            );
        }
        let responses = &mut read.responses.responses;
        responses.insert(
            "304".to_owned(),
            ResponseBuilder::new()
                .description("Not modified: the `If-None-Match` entity tag still matches.")
                .header("ETag", etag_header())
                .header("Cache-Control", cache_control_header())
                .build()
                .into(),
        );
        if let Some(RefOr::T(ok)) = responses.get_mut("200") {
            ok.headers.insert("ETag".to_owned(), etag_header());
            ok.headers
                .insert("Cache-Control".to_owned(), cache_control_header());
            ok.headers.insert(
                "Vary".to_owned(),
                HeaderBuilder::new()
                    .schema(text_schema("Authorization"))
                    .description(Some(
                        "`Authorization`: a logged-in caller may be answered differently.",
                    ))
                    .build(),
            );
        }
    }
}

fn etag_header() -> Header {
    HeaderBuilder::new()
        .schema(text_schema(EXAMPLE_ETAG))
        .description(Some(
            "A strong entity tag of the body; send it back in `If-None-Match`.",
        ))
        .build()
}

fn cache_control_header() -> Header {
    use crate::http::caching::{PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL};
    HeaderBuilder::new()
        .schema(text_schema(PUBLIC_CACHE_CONTROL))
        .description(Some(format!(
            "`{PUBLIC_CACHE_CONTROL}` for anonymous callers; `{PRIVATE_CACHE_CONTROL}` with a \
             bearer token, whose answers may hold drafts."
        )))
        .build()
}

/// 429 and 503 problems always say when to try again (`ApiError::render`).
fn declare_retry_after(spec: &mut utoipa::openapi::OpenApi) {
    let Some(components) = spec.components.as_mut() else {
        return;
    };
    for name in ["TooManyRequests", "ServerBusy", "ServiceUnavailable"] {
        if let Some(RefOr::T(response)) = components.responses.get_mut(name) {
            response.headers.insert(
                "Retry-After".to_owned(),
                HeaderBuilder::new()
                    .schema(
                        ObjectBuilder::new()
                            .schema_type(Type::Integer)
                            .minimum(Some(0))
                            .examples([serde_json::json!(1)]),
                    )
                    .description(Some("Seconds to wait before trying again."))
                    .build(),
            );
        }
    }
}

fn text_schema(example: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(1))
        .examples([serde_json::json!(example)])
}

const IF_NONE_MATCH: &str = "If-None-Match";
const EXAMPLE_ETAG: &str = "\"3f2a9c0b1d4e5f60718293a4b5c6d7e8\"";

/// The document as committed in `openapi/openapi.json`.
pub fn spec_json() -> anyhow::Result<String> {
    Ok(spec().to_pretty_json()?)
}
