//! What unknown API routes answer: `405 Method Not Allowed` with `Allow` when the path exists
//! under another method, else `404`; both as problem documents. The route table is read from
//! the OpenAPI document, so it is always the set of routes actually mounted.

use actix_web::{
    body::{self, BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{
        header::{self, HeaderValue},
        StatusCode,
    },
    middleware::Next,
    web, HttpRequest, HttpResponse,
};

use crate::error::ApiError;

/// Path templates (`/api/v1/articles/{id}`) with the methods each one answers.
pub struct KnownRoutes(Vec<(Vec<String>, Vec<&'static str>)>);

impl KnownRoutes {
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> Self {
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(template, item)| {
                let segments = template.split('/').map(str::to_owned).collect();
                let mut methods: Vec<&'static str> = Vec::new();
                let mut add = |present: bool, name: &'static str| {
                    if present {
                        methods.push(name);
                    }
                };
                add(item.get.is_some(), "GET");
                add(item.get.is_some(), "HEAD");
                add(item.post.is_some(), "POST");
                add(item.put.is_some(), "PUT");
                add(item.patch.is_some(), "PATCH");
                add(item.delete.is_some(), "DELETE");
                (segments, methods)
            })
            .collect();
        Self(routes)
    }

    /// The methods `path` answers to, if it is a known route. A literal route wins over a
    /// templated one (`/articles/preview` over `/articles/{id}`), as in the router.
    pub fn methods_for(&self, path: &str) -> Option<&[&'static str]> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        self.0
            .iter()
            .filter(|(template, _)| {
                template.len() == segments.len()
                    && template.iter().zip(&segments).all(|(expected, actual)| {
                        (expected.starts_with('{') && !actual.is_empty()) || expected == actual
                    })
            })
            .min_by_key(|(template, _)| {
                template
                    .iter()
                    .filter(|segment| segment.starts_with('{'))
                    .count()
            })
            .map(|(_, methods)| methods.as_slice())
    }
}

/// The default service of the API scopes.
pub async fn unknown_api_route(
    request: HttpRequest,
    routes: web::Data<KnownRoutes>,
) -> HttpResponse {
    route_problem(&request, &routes)
}

/// 405 with `Allow` for a known path, else 404.
pub fn route_problem(request: &HttpRequest, routes: &KnownRoutes) -> HttpResponse {
    let path = request.path();
    match routes.methods_for(path) {
        Some(methods) => {
            let allow = methods.join(", ");
            let mut response = ApiError::MethodNotAllowed(format!(
                "`{}` is not allowed on `{path}`; allowed: {allow}",
                request.method()
            ))
            .response_for(path);
            if let Ok(value) = HeaderValue::from_str(&allow) {
                response.headers_mut().insert(header::ALLOW, value);
            }
            response
        }
        None => ApiError::NotFound(format!("no API route at `{path}`")).response_for(path),
    }
}

/// Makes every error a complete problem document: fills in the `instance` of those produced
/// where the request was not at hand (errors returned by handlers), and replaces actix's bare
/// `405` of method-guarded routes outside the API scope with one that lists `Allow`.
pub async fn problem_details(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let response = next.call(request).await?;
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes() == b"application/problem+json");
    if response.status() == StatusCode::METHOD_NOT_ALLOWED && !is_problem {
        let (request, _) = response.into_parts();
        let replacement = match request.app_data::<web::Data<KnownRoutes>>() {
            Some(routes) => route_problem(&request, routes),
            None => {
                ApiError::MethodNotAllowed("method not allowed".into()).response_for(request.path())
            }
        };
        return Ok(ServiceResponse::new(
            request,
            replacement.map_into_boxed_body(),
        ));
    }
    if !is_problem {
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let bytes = body::to_bytes(body).await.map_err(|error| {
        ApiError::Internal(anyhow::anyhow!("reading a problem body: {}", error.into()))
    })?;
    let bytes = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(serde_json::Value::Object(mut problem)) if !problem.contains_key("instance") => {
            problem.insert("instance".into(), request.path().into());
            serde_json::to_vec(&problem)
                .map(Into::into)
                .unwrap_or(bytes)
        }
        _ => bytes,
    };
    Ok(ServiceResponse::new(
        request,
        head.set_body(bytes).map_into_boxed_body(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::openapi::{
        path::OperationBuilder, HttpMethod, OpenApiBuilder, PathItem, PathsBuilder,
    };

    fn routes() -> KnownRoutes {
        let paths = PathsBuilder::new()
            .path(
                "/api/v1/articles",
                PathItem::new(HttpMethod::Get, OperationBuilder::new()),
            )
            .path(
                "/api/v1/articles/{id}",
                PathItem::new(HttpMethod::Delete, OperationBuilder::new()),
            )
            .path(
                "/api/v1/articles/preview",
                PathItem::new(HttpMethod::Post, OperationBuilder::new()),
            )
            .build();
        KnownRoutes::from_spec(&OpenApiBuilder::new().paths(paths).build())
    }

    #[test]
    fn a_templated_segment_matches_any_value() {
        assert_eq!(
            routes().methods_for("/api/v1/articles/7"),
            Some(&["DELETE"][..])
        );
    }

    #[test]
    fn a_literal_route_wins_over_a_templated_one() {
        assert_eq!(
            routes().methods_for("/api/v1/articles/preview"),
            Some(&["POST"][..])
        );
    }

    #[test]
    fn an_unknown_path_has_no_methods() {
        assert_eq!(routes().methods_for("/api/v1/nothing"), None);
        assert_eq!(routes().methods_for("/api/v1/articles/7/extra"), None);
    }

    #[test]
    fn a_get_route_also_answers_head() {
        assert_eq!(
            routes().methods_for("/api/v1/articles/"),
            Some(&["GET", "HEAD"][..])
        );
    }
}
