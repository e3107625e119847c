//! Text fields: lengths that fit every database column, no control characters (PostgreSQL
//! refuses NUL outright), and the shapes slugs, names and URLs must have.

use chrono::{DateTime, Datelike, Utc};

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
        let trimmed = value.trim();
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
/// at most 64 characters. Never all digits, so `/categories/{id_or_slug}` is unambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 64;

    pub fn parse(value: &str) -> Result<Self, String> {
        let shape = "must start with a lowercase letter and contain only lowercase letters, \
                     digits and single hyphens (e.g. `xinzhou`, `pufa-dongtai`)";
        check_length(value, 1, Self::MAX_LEN)?;
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
        check_length(value, 3, 32)?;
        if !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
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

/// A new password: 10 to 128 characters that a strength estimator (zxcvbn, which knows
/// common passwords, words, names, dates, keyboard walks and the account's own name) scores
/// as hard to guess.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// The least zxcvbn score accepted (of 0 to 4): "safely unguessable", resistant to an
    /// offline attack on the slow hash.
    pub const MIN_SCORE: u8 = 3;

    /// `related` are words the password must not lean on: the account name, the site name.
    pub fn parse(value: &str, related: &[&str]) -> Result<Self, String> {
        check_length(value, 10, 128)?;
        if has_nul(value) {
            return Err("must not contain NUL characters".into());
        }
        let estimate = zxcvbn::zxcvbn(value, related);
        let score = u8::from(estimate.score());
        if score < Self::MIN_SCORE {
            let hint = estimate
                .feedback()
                .and_then(|feedback| feedback.warning())
                .map(|warning| format!(" ({warning})"))
                .unwrap_or_default();
            return Err(format!(
                "密码太容易被猜到(强度 {score}/4,至少需要 {}/4):请使用更长、不常见的词语组合,\
                 避免常用密码、用户名、日期和键盘顺序; too easy to guess{hint}",
                Self::MIN_SCORE
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

/// An absolute `http` or `https` URL that fits its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl(String);

impl HttpUrl {
    pub fn parse(value: &str) -> Result<Self, String> {
        static SHAPE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
        let shape = SHAPE.get_or_init(|| regex::Regex::new(portal_api::patterns::HTTP_URL).ok());
        let refused = || "must be an absolute http(s) URL on a named host".to_owned();
        check_length(value, 1, 500)?;
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

/// The words of a search: trimmed, at most 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms(String);

impl SearchTerms {
    pub fn parse(value: &str) -> Result<Option<Self>, String> {
        if has_nul(value) {
            return Err("must not contain NUL characters".into());
        }
        let trimmed = value.trim();
        check_length(trimmed, 0, 100)?;
        Ok((!trimmed.is_empty()).then(|| Self(trimmed.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Publish times must fit every database's time column (MariaDB's DATETIME holds the years
/// 1000 to 9999) and are kept to whole seconds so that every backend returns the same value.
pub fn check_published_at(value: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if !(1000..=9999).contains(&value.year()) {
        return Err("must be between the years 1000 and 9999".into());
    }
    Ok(crate::db::whole_seconds(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_time_zone_fits_the_documented_pattern() {
        let pattern = regex::Regex::new(portal_api::patterns::TIME_ZONE_NAME).unwrap();
        for zone in chrono_tz::TZ_VARIANTS {
            assert!(pattern.is_match(zone.name()), "{}", zone.name());
            assert!(TimeZoneName::parse(zone.name()).is_ok(), "{}", zone.name());
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
        assert!(Slug::parse(&"a".repeat(65)).is_err());
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
        assert!(HttpUrl::parse("http://www.legalinfo.gov.cn/").is_ok());
        assert!(HttpUrl::parse("javascript:alert(1)").is_err());
        assert!(HttpUrl::parse("/relative").is_err());
        assert!(HttpUrl::parse("ftp://example.org/").is_err());
        assert!(HttpUrl::parse("http://1.2.3.999/").is_err());
        assert!(HttpUrl::parse("https://sft.hubei.gov.cn:8443/path?q=1").is_ok());
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
