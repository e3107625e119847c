use portal_tests::{on_every_database, TestApp};

on_every_database! {
    async fn the_process_reports_itself_healthy(app: TestApp) {
        let reply = app.get("/healthz").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.json()["status"], "ok");
    }

    async fn readiness_names_the_database_in_use(app: TestApp) {
        let reply = app.get("/readyz").await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let expected = match app.backend {
            portal_tests::Backend::Sqlite => "sqlite",
            portal_tests::Backend::Postgres => "postgres",
            portal_tests::Backend::MySql => "mysql",
        };
        assert_eq!(reply.json()["database"], expected);
    }
}
