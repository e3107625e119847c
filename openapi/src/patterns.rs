//! The regular expressions (ECMA-262, as JSON Schema uses) that the OpenAPI document states for
//! text fields. The backend checks the same rules, so a value the schema allows is accepted and
//! a value it refuses is refused.

/// One line with something besides spaces: no control characters, not blank.
pub const ONE_LINE: &str =
    r"^[^\u0000-\u001F\u007F]*[^\s\u0000-\u001F\u007F][^\u0000-\u001F\u007F]*$";
/// Free text: anything but NUL, which no database column takes.
pub const NO_NUL: &str = r"^[^\u0000]*$";
/// Free text with something besides blanks (what a search or a completion needs), no NUL.
pub const NOT_BLANK: &str = r"^[^\u0000]*[^\s\u0000][^\u0000]*$";
/// Whether `c` is what `\s` matches in these patterns (ECMA-262's white space and line
/// terminators), the blank that [`ONE_LINE`] and [`NOT_BLANK`] refuse on its own. Not Rust's
/// `char::is_whitespace`: that counts U+0085 (NEL) and not U+FEFF, so a server trimming with
/// it refused `q=%C2%85`, which the document allows (Schemathesis found it).
pub fn is_pattern_space(c: char) -> bool {
    // Tab, line feed, vertical tab, form feed and carriage return are '\t'..='\r'.
    matches!(c, '\t'..='\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
        )
}

/// `text` without the pattern blanks ([`is_pattern_space`]) at either end.
pub fn trim_pattern_space(text: &str) -> &str {
    text.trim_matches(is_pattern_space)
}

/// A URL name: starts with a letter; lowercase letters, digits and single hyphens.
pub const SLUG: &str = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
/// An absolute http(s) URL on a named host, in plain RFC 3986 characters (non-ASCII
/// characters percent-encoded).
pub const HTTP_URL: &str = r"^https?://[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z][A-Za-z0-9-]*)*(:([0-9]{1,4}|[1-5][0-9]{4}))?(/(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|/)*)?(\?(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|[/?])*)?(#(([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})|[/?])*)?$";
/// A time from the year 1000 on (MariaDB's DATETIME starts there).
pub const FROM_YEAR_1000: &str = r"^[1-9][0-9]{3}-";
/// A list cursor (`next_after`): a publish time in Unix seconds and an article id.
pub const LIST_CURSOR: &str = r"^[0-9]{1,12}-[0-9]{1,10}$";
/// A login name.
pub const USERNAME: &str = r"^[A-Za-z0-9_.-]{3,32}$";
/// An IANA time zone name's shape (`Asia/Shanghai`, `Etc/GMT+8`, `UTC`); the server also
/// requires it to be in its tz database, which every name of that database fits.
pub const TIME_ZONE_NAME: &str = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{USERNAME_MAX_CHARS, USERNAME_MIN_CHARS};

    #[test]
    fn pattern_blanks_are_ecma_white_space_not_rusts() {
        assert!(is_pattern_space('\u{3000}') && is_pattern_space('\u{FEFF}'));
        assert!(!is_pattern_space('\u{85}') && !is_pattern_space('a'));
        assert_eq!(trim_pattern_space("\u{3000} 民法\u{FEFF}\n"), "民法");
        assert_eq!(trim_pattern_space("\u{85}"), "\u{85}");
        // Every Unicode white space but NEL is a pattern blank.
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            if c.is_whitespace() && c != '\u{85}' {
                assert!(is_pattern_space(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn the_username_pattern_states_the_username_lengths() {
        let lengths = format!("{{{USERNAME_MIN_CHARS},{USERNAME_MAX_CHARS}}}$");
        assert!(
            USERNAME.ends_with(&lengths),
            "{USERNAME} should end {lengths}"
        );
    }
}
