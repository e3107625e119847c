//! The contract: the served spec is the committed one, and the docs page works offline.

use portal_tests::{Backend, TestApp};

fn committed_spec() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let text = std::fs::read_to_string(path).expect("openapi/openapi.json is committed");
    serde_json::from_str(&text).expect("openapi/openapi.json is JSON")
}

#[test]
fn the_committed_spec_equals_what_the_backend_generates() {
    let generated: serde_json::Value =
        serde_json::from_str(&portal_backend::openapi::spec_json().unwrap()).unwrap();
    assert!(
        generated == committed_spec(),
        "openapi/openapi.json is stale: run `just openapi` and commit the result"
    );
}

#[tokio::test]
async fn the_served_spec_is_the_committed_one_and_documents_every_route() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let reply = app.get("/api-docs/openapi.json").await;
    assert_eq!(reply.status, 200);
    let served = reply.json();
    assert_eq!(served, committed_spec());
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = served["paths"].as_object().unwrap();
    for path in [
        "/api/v1/articles",
        "/api/v1/articles/{id}",
        "/api/v1/categories",
        "/api/v1/categories/{id}",
        "/api/v1/friend-links",
        "/api/v1/site",
        "/api/v1/auth/login",
        "/api/v1/auth/me",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/healthz",
        "/readyz",
    ] {
        assert!(paths.contains_key(path), "{path} is missing from the spec");
    }
    assert_eq!(
        served["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn the_docs_page_is_served_without_any_cdn() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let bare = app.get("/docs").await;
    assert_eq!(bare.status, 308);
    assert_eq!(bare.header("location"), Some("/docs/"));
    let reply = app.get("/docs/").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(reply.text.contains("swagger"), "{}", reply.text);
    assert!(
        !reply.text.contains("cdn") && !reply.text.contains("unpkg"),
        "{}",
        reply.text
    );
    let initializer = app.get("/docs/swagger-initializer.js").await;
    assert_eq!(initializer.status, 200);
    assert!(initializer.text.contains("/api-docs/openapi.json"));
}

#[tokio::test]
async fn portal_routes_fall_back_to_the_single_page_app_with_honest_statuses() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for path in ["/", "/article/1", "/category/xinzhou", "/search?q=普法"] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply
                .header("content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
    }
    assert_eq!(app.get("/missing-asset.js").await.status, 404);
}

#[test]
fn every_pattern_in_the_spec_is_one_the_server_enforces() {
    use portal_api::patterns::*;
    fn collect<'a>(value: &'a serde_json::Value, found: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, child) in map {
                    match (key.as_str(), child.as_str()) {
                        ("pattern", Some(pattern)) => found.push(pattern),
                        _ => collect(child, found),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, found)),
            _ => {}
        }
    }
    let spec = committed_spec();
    let mut found = Vec::new();
    collect(&spec, &mut found);
    assert!(found.len() > 20, "{found:?}");
    let known = [
        ONE_LINE,
        NO_NUL,
        NOT_BLANK,
        SLUG,
        HTTP_URL,
        FROM_YEAR_1000,
        USERNAME,
        LIST_CURSOR,
        TIME_ZONE_NAME,
    ];
    for pattern in found {
        assert!(
            known.contains(&pattern),
            "{pattern} is not in portal_api::patterns"
        );
    }
}

/// What the spec says at each place: its bounds (`maxLength`, `minLength`, `maxItems`,
/// `maximum`...; a lower bound of 0 or 1 only says "not empty" or "from 1") and its words
/// (`description`). A place is `Schema.property` (or `Schema`), or `GET /path ?parameter`.
#[derive(Default)]
struct Statements {
    bounds: Vec<(String, String, serde_json::Value)>,
    words: std::collections::BTreeMap<String, String>,
}

impl Statements {
    fn of(spec: &serde_json::Value) -> Self {
        let mut statements = Self::default();
        statements.walk(spec, &mut Vec::new());
        statements
    }

    fn walk(&mut self, value: &serde_json::Value, at: &mut Vec<String>) {
        const BOUNDS: [&str; 8] = [
            "maxLength",
            "minLength",
            "maxItems",
            "minItems",
            "maximum",
            "minimum",
            "exclusiveMaximum",
            "exclusiveMinimum",
        ];
        match value {
            serde_json::Value::Object(map) => {
                for (key, child) in map {
                    let lower = key.starts_with("min") || key.starts_with("exclusiveMin");
                    let trivial = lower && child.as_u64().is_some_and(|bound| bound <= 1);
                    if BOUNDS.contains(&key.as_str()) && child.is_number() {
                        if !trivial {
                            self.bounds.push((place(at), key.clone(), child.clone()));
                        }
                    } else if let ("description", Some(text)) = (key.as_str(), child.as_str()) {
                        // Doc comments wrap lines: compare the words, not the line breaks.
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        let words = self.words.entry(place(at)).or_default();
                        words.push_str(&text);
                        words.push(' ');
                    } else {
                        at.push(key.clone());
                        self.walk(child, at);
                        at.pop();
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    // Parameters are known by their names, not their positions.
                    let name = item["name"]
                        .as_str()
                        .map_or(index.to_string(), str::to_owned);
                    at.push(name);
                    self.walk(item, at);
                    at.pop();
                }
            }
            _ => {}
        }
    }
}

fn place(at: &[String]) -> String {
    match at {
        [components, schemas, schema, properties, property, ..]
            if components == "components" && schemas == "schemas" && properties == "properties" =>
        {
            format!("{schema}.{property}")
        }
        [components, schemas, schema, ..] if components == "components" && schemas == "schemas" => {
            schema.clone()
        }
        [paths, path, method, parameters, name, ..]
            if paths == "paths" && parameters == "parameters" =>
        {
            format!("{} {path} ?{name}", method.to_uppercase())
        }
        _ => at.join("/"),
    }
}

/// utoipa takes only literals for `max_length`, `maximum` and the like, so the types in
/// portal-api restate their constants there: this holds every such literal to its constant.
#[test]
fn every_bound_in_the_spec_is_the_portal_api_constant_for_it() {
    use portal_api::*;
    // One line a bound, so that the table reads as one.
    #[rustfmt::skip]
    let expected: Vec<(&str, &str, serde_json::Value)> = vec![
        ("NewArticle.title", "maxLength", ARTICLE_TITLE_MAX_CHARS.into()),
        ("NewArticle.summary", "maxLength", ARTICLE_SUMMARY_MAX_CHARS.into()),
        ("NewArticle.body", "maxLength", ARTICLE_BODY_MAX_CHARS.into()),
        ("NewArticle.source", "maxLength", ARTICLE_BYLINE_MAX_CHARS.into()),
        ("NewArticle.author", "maxLength", ARTICLE_BYLINE_MAX_CHARS.into()),
        ("NewArticle.attachments", "maxItems", ARTICLE_ATTACHMENTS_MAX.into()),
        ("ArticlePatch.title", "maxLength", ARTICLE_TITLE_MAX_CHARS.into()),
        ("ArticlePatch.summary", "maxLength", ARTICLE_SUMMARY_MAX_CHARS.into()),
        ("ArticlePatch.body", "maxLength", ARTICLE_BODY_MAX_CHARS.into()),
        ("ArticlePatch.source", "maxLength", ARTICLE_BYLINE_MAX_CHARS.into()),
        ("ArticlePatch.author", "maxLength", ARTICLE_BYLINE_MAX_CHARS.into()),
        ("ArticlePatch.attachments", "maxItems", ARTICLE_ATTACHMENTS_MAX.into()),
        ("ArticlePreviewRequest.body", "maxLength", ARTICLE_BODY_MAX_CHARS.into()),
        ("NewCategory.name", "maxLength", CATEGORY_NAME_MAX_CHARS.into()),
        ("NewCategory.slug", "maxLength", SLUG_MAX_CHARS.into()),
        ("NewCategory.description", "maxLength", CATEGORY_DESCRIPTION_MAX_CHARS.into()),
        ("CategoryPatch.name", "maxLength", CATEGORY_NAME_MAX_CHARS.into()),
        ("CategoryPatch.slug", "maxLength", SLUG_MAX_CHARS.into()),
        ("CategoryPatch.description", "maxLength", CATEGORY_DESCRIPTION_MAX_CHARS.into()),
        ("NewFriendLink.name", "maxLength", FRIEND_LINK_NAME_MAX_CHARS.into()),
        ("NewFriendLink.url", "maxLength", FRIEND_LINK_URL_MAX_CHARS.into()),
        ("FriendLinkPatch.name", "maxLength", FRIEND_LINK_NAME_MAX_CHARS.into()),
        ("FriendLinkPatch.url", "maxLength", FRIEND_LINK_URL_MAX_CHARS.into()),
        ("SiteSettingsPatch.site_name", "maxLength", SITE_NAME_MAX_CHARS.into()),
        ("SiteSettingsPatch.footer_text", "maxLength", SITE_FOOTER_TEXT_MAX_CHARS.into()),
        ("SiteSettingsPatch.icp_number", "maxLength", SITE_ICP_NUMBER_MAX_CHARS.into()),
        ("SiteSettingsPatch.copyright", "maxLength", SITE_COPYRIGHT_MAX_CHARS.into()),
        ("SiteSettingsPatch.timezone", "maxLength", SITE_TIMEZONE_MAX_CHARS.into()),
        ("LoginRequest.username", "maxLength", USERNAME_MAX_CHARS.into()),
        ("LoginRequest.password", "maxLength", PASSWORD_MAX_CHARS.into()),
        ("User.username", "minLength", USERNAME_MIN_CHARS.into()),
        ("User.username", "maxLength", USERNAME_MAX_CHARS.into()),
        ("NewUser.username", "minLength", USERNAME_MIN_CHARS.into()),
        ("NewUser.username", "maxLength", USERNAME_MAX_CHARS.into()),
        ("NewUser.password", "minLength", PASSWORD_MIN_CHARS.into()),
        ("NewUser.password", "maxLength", PASSWORD_MAX_CHARS.into()),
        ("UserPatch.password", "minLength", PASSWORD_MIN_CHARS.into()),
        ("UserPatch.password", "maxLength", PASSWORD_MAX_CHARS.into()),
        ("MediaUpload.alt", "maxLength", MEDIA_ALT_MAX_CHARS.into()),
        // A SHA-256 in hex: a fact of the hash, not a rule of the portal's.
        ("Media.sha256", "minLength", 64.into()),
        ("Media.sha256", "maxLength", 64.into()),
        ("GET /api/v1/articles ?q", "maxLength", SEARCH_QUERY_MAX_CHARS.into()),
        ("GET /api/v1/articles ?page", "maximum", MAX_PAGE.into()),
        ("GET /api/v1/articles ?per_page", "maximum", MAX_PER_PAGE.into()),
        // Only a cap for validators: the cursor's pattern (`patterns::LIST_CURSOR`) is its rule.
        ("GET /api/v1/articles ?after", "maxLength", 40.into()),
        ("GET /api/v1/media ?q", "maxLength", MEDIA_QUERY_MAX_CHARS.into()),
        ("GET /api/v1/media ?page", "maximum", MAX_PAGE.into()),
        ("GET /api/v1/media ?per_page", "maximum", MAX_PER_PAGE.into()),
        ("GET /api/v1/search ?q", "maxLength", SEARCH_QUERY_MAX_CHARS.into()),
        ("GET /api/v1/search ?page", "maximum", SEARCH_MAX_PAGE.into()),
        ("GET /api/v1/search ?per_page", "maximum", MAX_PER_PAGE.into()),
        ("GET /api/v1/search/suggest ?q", "maxLength", SEARCH_QUERY_MAX_CHARS.into()),
        ("GET /api/v1/stats/most-read ?limit", "maximum", MOST_READ_LIMIT_MAX.into()),
    ];
    let stated = Statements::of(&committed_spec()).bounds;
    let mut wrong = Vec::new();
    for (place, keyword, value) in &stated {
        let wanted = expected
            .iter()
            .find(|(at, bound, _)| at == place && bound == keyword);
        match wanted {
            Some((_, _, wanted)) if wanted == value => {}
            Some((_, _, wanted)) => {
                wrong.push(format!("{place} {keyword} is {value}, not {wanted}"))
            }
            None => wrong.push(format!(
                "{place} {keyword} {value} is not in this test's table"
            )),
        }
    }
    for (place, keyword, _) in &expected {
        if !stated
            .iter()
            .any(|(at, bound, _)| at == place && bound == keyword)
        {
            wrong.push(format!("{place} {keyword} is not in the spec"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The constants the spec states only in words (a default, a score, a range of years) are
/// held to their words the same way.
#[test]
fn every_limit_the_spec_states_in_words_is_the_portal_api_constant() {
    use portal_api::*;
    let per_page = format!("1 to {MAX_PER_PAGE} (default {DEFAULT_PER_PAGE})");
    let years = format!("the year {PUBLISHED_YEAR_MIN} to {PUBLISHED_YEAR_MAX}");
    let expected = [
        ("GET /api/v1/articles ?per_page", per_page.clone()),
        ("GET /api/v1/media ?per_page", per_page.clone()),
        ("GET /api/v1/search ?per_page", per_page),
        (
            "GET /api/v1/stats/most-read ?limit",
            format!("1 to {MOST_READ_LIMIT_MAX} (default {MOST_READ_LIMIT_DEFAULT})"),
        ),
        (
            "GET /api/v1/stats/daily ?to",
            format!("longer than {MAX_SERIES_DAYS} days"),
        ),
        (
            "NewUser.password",
            format!(
                "{PASSWORD_MIN_CHARS} to {PASSWORD_MAX_CHARS} characters that a strength \
                 estimator (zxcvbn) scores at least {PASSWORD_MIN_SCORE} of 4"
            ),
        ),
        ("NewArticle.published_at", years.clone()),
        ("ArticlePatch.published_at", years),
        (
            "GET /api/v1/search ?q",
            format!(
                "at most {SEARCH_QUERY_MAX_CHARS} characters and {SEARCH_QUERY_MAX_TERMS} parts"
            ),
        ),
        (
            "GET /api/v1/search ?page",
            format!("ranked to a depth of {SEARCH_MAX_DEPTH}"),
        ),
        (
            "SuggestionList",
            format!("Up to {SUGGESTIONS_MAX} title completions"),
        ),
    ];
    let stated = Statements::of(&committed_spec()).words;
    for (place, words) in expected {
        let description = stated.get(place).map_or("", String::as_str);
        assert!(
            description.contains(&words),
            "{place} should say `{words}`: {description:?}"
        );
    }
}
