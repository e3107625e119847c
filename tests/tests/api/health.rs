use portal_tests::{on_every_database, TestApp};

on_every_database! {
    async fn the_process_reports_itself_healthy(app: TestApp) {
        let health = app.api().healthz().await.ok();
        assert_eq!(health.status, "ok");
        assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    }

    async fn readiness_names_the_database_in_use(app: TestApp) {
        let readiness = app.api().readyz().await.ok();
        let expected = match app.backend {
            portal_tests::Backend::Sqlite => "sqlite",
            portal_tests::Backend::Postgres => "postgres",
            portal_tests::Backend::MySql => "mysql",
        };
        assert_eq!(readiness.status, "ok");
        assert_eq!(readiness.database, expected);
    }
}
