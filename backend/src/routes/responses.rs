//! The error responses routes share in the OpenAPI document: each a problem document with a
//! fixed description, referenced from a route as `response = Name` (or a set of them listed as
//! one entry). The document's frame (`crate::openapi`) registers them as components.

use utoipa::openapi::{
    content::ContentBuilder,
    response::{Response, ResponseBuilder},
    Ref, RefOr,
};

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
    UploadTooLarge => "The file is larger than the server's limit (`PORTAL_MEDIA_MAX_BYTES`, 20 MiB unless the operator set another).",
    UnsupportedUpload => "The body is not `multipart/form-data`, or its file is of a type not accepted (decided by its bytes).",
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
