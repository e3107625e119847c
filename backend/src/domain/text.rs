//! Text fields: lengths that fit every database column, no control characters (PostgreSQL
//! refuses NUL outright), and the shapes slugs, names and URLs must have.

use chrono::{DateTime, Datelike, Utc};
use portal_api::{
    is_username_char, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, PASSWORD_MIN_SCORE,
    PUBLISHED_YEAR_MAX, PUBLISHED_YEAR_MIN, SEARCH_QUERY_MAX_CHARS, SLUG_MAX_CHARS,
    USERNAME_MAX_CHARS, USERNAME_MIN_CHARS,
};

/// NUL is the one character no database column takes (PostgreSQL refuses it outright).
fn has_nul(value: &str) -> bool {
    value.contains('\0')
}

/// Titles and names are one line: no C0 control characters (line breaks included) or DEL.
fn is_line_control(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f')
}

fn check_length(value: &str, min: usize, max: usize) -> Result<(), String> {
    let length = value.chars().count();
    if length < min {
        return Err(if min == 1 {
            "must not be empty".into()
        } else {
            format!("must be at least {min} characters long")
        });
    }
    if length > max {
        return Err(format!("must be at most {max} characters long"));
    }
    Ok(())
}

/// Free text up to `MAX` characters (may be empty), without control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundedText<const MAX: usize>(String);

impl<const MAX: usize> BoundedText<MAX> {
    pub fn parse(value: &str) -> Result<Self, String> {
        if has_nul(value) {
            return Err("must not contain NUL characters".into());
        }
        check_length(value, 0, MAX)?;
        Ok(Self(value.trim().to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A display name or title: 1 to `MAX` characters, not blank, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title<const MAX: usize>(String);

impl<const MAX: usize> Title<MAX> {
    pub fn parse(value: &str) -> Result<Self, String> {
        if value.chars().any(is_line_control) {
            return Err("must be one line without control characters".into());
        }
        // Blank as the document's pattern (`ONE_LINE`) has it, so both refuse the same titles.
        let trimmed = portal_api::patterns::trim_pattern_space(value);
        if trimmed.is_empty() {
            return Err("must not be blank".into());
        }
        check_length(trimmed, 1, MAX)?;
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A URL name: starts with a lowercase letter; lowercase letters, digits and single hyphens;
/// at most [`SLUG_MAX_CHARS`]. Never all digits, so `/categories/{id_or_slug}` is unambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub fn parse(value: &str) -> Result<Self, String> {
        let shape = "must start with a lowercase letter and contain only lowercase letters, \
                     digits and single hyphens (e.g. `xinzhou`, `pufa-dongtai`)";
        check_length(value, 1, SLUG_MAX_CHARS)?;
        let starts_with_letter = value.starts_with(|c: char| c.is_ascii_lowercase());
        let allowed = value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let hyphens_ok = !value.ends_with('-') && !value.contains("--");
        if starts_with_letter && allowed && hyphens_ok {
            Ok(Self(value.to_owned()))
        } else {
            Err(shape.into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A login name, stored lower-cased so that `Admin` and `admin` are one account everywhere
/// (MariaDB compares case-insensitively, PostgreSQL does not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(value: &str) -> Result<Self, String> {
        check_length(value, USERNAME_MIN_CHARS, USERNAME_MAX_CHARS)?;
        if !value.chars().all(is_username_char) {
            return Err("may contain only letters, digits, `_`, `-` and `.`".into());
        }
        Ok(Self(value.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A new password: [`PASSWORD_MIN_CHARS`] to [`PASSWORD_MAX_CHARS`] characters that a
/// strength estimator (zxcvbn, which knows common passwords, words, names, dates, keyboard
/// walks and the account's own name) scores at least [`PASSWORD_MIN_SCORE`].
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// `related` are words the password must not lean on: the account name, the site name.
    pub fn parse(value: &str, related: &[&str]) -> Result<Self, String> {
        check_length(value, PASSWORD_MIN_CHARS, PASSWORD_MAX_CHARS)?;
        if has_nul(value) {
            return Err("must not contain NUL characters".into());
        }
        let estimate = zxcvbn::zxcvbn(value, related);
        let score = u8::from(estimate.score());
        if score < PASSWORD_MIN_SCORE {
            let hint = estimate
                .feedback()
                .and_then(|feedback| feedback.warning())
                .map(|warning| format!(" ({warning})"))
                .unwrap_or_default();
            return Err(format!(
                "密码太容易被猜到(强度 {score}/4,至少需要 {}/4):请使用更长、不常见的词语组合,\
                 避免常用密码、用户名、日期和键盘顺序; too easy to guess{hint}",
                PASSWORD_MIN_SCORE
            ));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// An absolute `http` or `https` URL of at most `MAX` characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl<const MAX: usize>(String);

impl<const MAX: usize> HttpUrl<MAX> {
    pub fn parse(value: &str) -> Result<Self, String> {
        static SHAPE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
        let shape = SHAPE.get_or_init(|| regex::Regex::new(portal_api::patterns::HTTP_URL).ok());
        let refused = || "must be an absolute http(s) URL on a named host".to_owned();
        check_length(value, 1, MAX)?;
        if !shape.as_ref().is_some_and(|shape| shape.is_match(value)) {
            return Err(refused());
        }
        let url = url::Url::parse(value).map_err(|error| format!("{} ({error})", refused()))?;
        if url.host_str().is_none() {
            return Err(refused());
        }
        Ok(Self(value.to_owned()))
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// An IANA time zone name the server knows, e.g. `Asia/Shanghai`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeZoneName(String);

impl TimeZoneName {
    pub fn parse(value: &str) -> Result<Self, String> {
        value
            .parse::<chrono_tz::Tz>()
            .map(|zone| Self(zone.name().to_owned()))
            .map_err(|_| "must be an IANA time zone name such as `Asia/Shanghai`".into())
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// The words of a search: trimmed, at most [`SEARCH_QUERY_MAX_CHARS`], no NUL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms(String);

impl SearchTerms {
    pub fn parse(value: &str) -> Result<Option<Self>, String> {
        if has_nul(value) {
            return Err("must not contain NUL characters".into());
        }
        let trimmed = value.trim();
        check_length(trimmed, 0, SEARCH_QUERY_MAX_CHARS)?;
        Ok((!trimmed.is_empty()).then(|| Self(trimmed.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Publish times must fit every database's time column (MariaDB's DATETIME holds the years
/// [`PUBLISHED_YEAR_MIN`] to [`PUBLISHED_YEAR_MAX`]) and are kept to whole seconds so that
/// every backend returns the same value.
pub fn check_published_at(value: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if !(PUBLISHED_YEAR_MIN..=PUBLISHED_YEAR_MAX).contains(&value.year()) {
        return Err(format!(
            "must be between the years {PUBLISHED_YEAR_MIN} and {PUBLISHED_YEAR_MAX}"
        ));
    }
    Ok(crate::db::whole_seconds(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use portal_api::{patterns, FRIEND_LINK_URL_MAX_CHARS, SITE_TIMEZONE_MAX_CHARS};

    #[test]
    fn every_known_time_zone_fits_the_documented_pattern_and_length() {
        let pattern = regex::Regex::new(patterns::TIME_ZONE_NAME).unwrap();
        for zone in chrono_tz::TZ_VARIANTS {
            assert!(pattern.is_match(zone.name()), "{}", zone.name());
            assert!(TimeZoneName::parse(zone.name()).is_ok(), "{}", zone.name());
            assert!(zone.name().chars().count() <= SITE_TIMEZONE_MAX_CHARS);
        }
    }

    #[test]
    fn a_username_is_accepted_exactly_when_the_documented_pattern_matches() {
        let pattern = regex::Regex::new(patterns::USERNAME).unwrap();
        let mut samples: Vec<String> = (0..=0x7f_u8)
            .chain([0xe9])
            .map(|code| char::from(code).to_string().repeat(USERNAME_MIN_CHARS))
            .collect();
        samples.extend(
            [
                USERNAME_MIN_CHARS - 1,
                USERNAME_MIN_CHARS,
                USERNAME_MAX_CHARS,
                USERNAME_MAX_CHARS + 1,
            ]
            .map(|length| "a".repeat(length)),
        );
        samples.push("新洲区".into());
        for sample in samples {
            assert_eq!(
                Username::parse(&sample).is_ok(),
                pattern.is_match(&sample),
                "{sample:?}"
            );
        }
    }

    #[test]
    fn a_slug_is_accepted_exactly_when_the_documented_pattern_matches() {
        let pattern = regex::Regex::new(patterns::SLUG).unwrap();
        for sample in [
            "xinzhou",
            "pufa-dongtai",
            "a1-2b",
            "x",
            "Xinzhou",
            "xin zhou",
            "xin--zhou",
            "xinzhou-",
            "-x",
            "1abc",
            "123",
            "新洲",
            "xin_zhou",
            "xinzhou\n",
        ] {
            assert_eq!(
                Slug::parse(sample).is_ok(),
                pattern.is_match(sample),
                "{sample:?}"
            );
        }
    }

    #[test]
    fn a_publish_time_is_accepted_exactly_when_the_documented_year_pattern_matches() {
        let pattern = regex::Regex::new(patterns::FROM_YEAR_1000).unwrap();
        for year in [
            PUBLISHED_YEAR_MIN - 1,
            PUBLISHED_YEAR_MIN,
            PUBLISHED_YEAR_MAX,
            PUBLISHED_YEAR_MAX + 1,
        ] {
            let at = Utc.with_ymd_and_hms(year, 6, 1, 0, 0, 0).unwrap();
            assert_eq!(
                check_published_at(at).is_ok(),
                pattern.is_match(&at.to_rfc3339()),
                "{at}"
            );
        }
    }

    #[test]
    fn a_slug_of_lowercase_words_and_hyphens_is_accepted() {
        assert!(Slug::parse("pufa-dongtai").is_ok());
        assert!(Slug::parse("xinzhou2").is_ok());
    }

    #[test]
    fn a_slug_that_could_be_taken_for_an_id_is_refused() {
        assert!(Slug::parse("123").is_err());
        assert!(Slug::parse("1abc").is_err());
    }

    #[test]
    fn a_slug_with_capitals_spaces_or_loose_hyphens_is_refused() {
        for bad in [
            "Xinzhou",
            "xin zhou",
            "xin--zhou",
            "xinzhou-",
            "-x",
            "",
            "新洲",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Slug::parse(&"a".repeat(SLUG_MAX_CHARS)).is_ok());
        assert!(Slug::parse(&"a".repeat(SLUG_MAX_CHARS + 1)).is_err());
    }

    #[test]
    fn a_blank_title_is_refused_and_a_padded_one_is_trimmed() {
        assert!(Title::<200>::parse("   ").is_err());
        assert_eq!(
            Title::<200>::parse("  普法  ").map(Title::into_inner),
            Ok("普法".into())
        );
    }

    #[test]
    fn a_title_counts_characters_not_bytes() {
        assert!(Title::<5>::parse("新洲区普法").is_ok());
        assert!(Title::<5>::parse("新洲区普法网").is_err());
    }

    #[test]
    fn text_with_a_nul_character_is_refused() {
        assert!(BoundedText::<100>::parse("a\0b").is_err());
        assert!(Title::<100>::parse("a\0b").is_err());
        assert!(BoundedText::<100>::parse("line one\nline two").is_ok());
    }

    #[test]
    fn usernames_are_lower_cased() {
        assert_eq!(
            Username::parse("Editor.One").map(Username::into_inner),
            Ok("editor.one".into())
        );
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("with space").is_err());
    }

    #[test]
    fn a_short_password_is_refused() {
        assert!(Password::parse("short", &[]).is_err());
        assert!(Password::parse("long enough password", &[]).is_ok());
    }

    #[test]
    fn a_long_but_guessable_password_is_refused_in_chinese() {
        for weak in ["password1234", "1234567890", "qwertyuiop", "admin12345678"] {
            let refused = Password::parse(weak, &["admin"]);
            assert!(
                refused
                    .as_ref()
                    .is_err_and(|message| message.contains("密码太容易被猜到")),
                "{weak}: {refused:?}"
            );
        }
    }

    #[test]
    fn only_absolute_http_urls_are_links() {
        type Link = HttpUrl<FRIEND_LINK_URL_MAX_CHARS>;
        assert!(Link::parse("http://www.legalinfo.gov.cn/").is_ok());
        assert!(Link::parse("javascript:alert(1)").is_err());
        assert!(Link::parse("/relative").is_err());
        assert!(Link::parse("ftp://example.org/").is_err());
        assert!(Link::parse("http://1.2.3.999/").is_err());
        assert!(Link::parse("https://sft.hubei.gov.cn:8443/path?q=1").is_ok());
    }

    #[test]
    fn time_zones_are_checked_against_the_database_of_zones() {
        assert!(TimeZoneName::parse("Asia/Shanghai").is_ok());
        assert!(TimeZoneName::parse("Mars/Olympus").is_err());
    }

    #[test]
    fn search_terms_are_trimmed_and_blank_means_none() {
        let terms = SearchTerms::parse(" 100%_法 ").ok().flatten();
        assert_eq!(terms.as_ref().map(SearchTerms::as_str), Some("100%_法"));
        assert_eq!(SearchTerms::parse("   "), Ok(None));
    }
}
