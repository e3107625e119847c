use portal_tests::{on_every_database, TestApp};
use reqwest::Method;

on_every_database! {
    async fn an_unknown_api_route_is_a_not_found_problem(app: TestApp) {
        app.get("/api/v1/nothing-here").await.assert_problem(404, "not_found");
        let problem = app.get("/api/v2/articles").await.assert_problem(404, "not_found");
        assert_eq!(problem["instance"], "/api/v2/articles");
    }

    async fn a_known_route_with_the_wrong_method_lists_the_allowed_ones(app: TestApp) {
        let reply = app.send(Method::PUT, "/api/v1/articles", None, None).await;
        reply.assert_problem(405, "method_not_allowed");
        assert_eq!(reply.header("allow"), Some("GET, HEAD, POST"));
        let reply = app.send(Method::POST, "/api/v1/site", None, None).await;
        reply.assert_problem(405, "method_not_allowed");
        let reply = app.get("/api/v1/articles/1/views").await;
        reply.assert_problem(405, "method_not_allowed");
        assert_eq!(reply.header("allow"), Some("POST"));
    }

    async fn handler_errors_name_the_request_path(app: TestApp) {
        let problem = app.get("/api/v1/articles/424242").await.assert_problem(404, "not_found");
        assert_eq!(problem["instance"], "/api/v1/articles/424242");
    }
}
