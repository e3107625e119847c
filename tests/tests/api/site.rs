use portal_api::{ErrorCode, SiteSettingsPatch};
use portal_tests::{on_every_database, TestApp};

on_every_database! {
    async fn the_site_settings_name_the_portal(app: TestApp) {
        let site = app.api().get_site().await.ok();
        assert!(!site.site_name.is_empty());
        // The demo site says it is one, and poses as no registered site.
        assert!(site.footer_text.contains("示例"), "{site:?}");
        assert_eq!(site.icp_number, "");
        assert_eq!(site.timezone, "Asia/Shanghai");
    }

    async fn an_admin_changes_only_the_fields_sent(app: TestApp) {
        let admin = app.admin_token().await;
        let before = app.api().get_site().await.ok();
        let patch = SiteSettingsPatch {
            site_name: Some("新洲区普法网".into()),
            icp_number: Some("鄂ICP备00000000号".into()),
            ..Default::default()
        };
        app.api_as(&admin).update_site(&patch).await.ok();
        let after = app.api().get_site().await.ok();
        assert_eq!(after.site_name, "新洲区普法网");
        assert_eq!(after.icp_number, "鄂ICP备00000000号");
        assert_eq!(after.copyright, before.copyright);
    }

    async fn an_unknown_time_zone_is_refused(app: TestApp) {
        let admin = app.admin_token().await;
        let patch = SiteSettingsPatch { timezone: Some("Mars/Olympus".into()), ..Default::default() };
        let problem = app.api_as(&admin).update_site(&patch).await.problem(422, ErrorCode::ValidationFailed);
        assert_eq!(problem.errors[0].field, "timezone");
        assert_eq!(app.api().get_site().await.ok().timezone, "Asia/Shanghai");
    }
}
