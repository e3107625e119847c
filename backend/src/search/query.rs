//! What a reader types, understood: words that must all match, `"quoted phrases"` whose words
//! must stand together, and `-excluded` words or phrases.

use portal_api::{SEARCH_QUERY_MAX_CHARS, SEARCH_QUERY_MAX_TERMS};

use super::tokenizer::query_words;

/// One part of a query: the words of what the reader typed between spaces, or between quotes,
/// as the index holds them, in order. Typed Chinese has no spaces, so 招募普法志愿者 is one
/// part of three words: each must match, and articles where they stand together rank higher.
/// A quoted part (`exact`) matches only where its words stand together in that order, and so
/// does an excluded one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub words: Vec<String>,
    pub exact: bool,
}

/// A query ready for the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    pub required: Vec<Part>,
    pub excluded: Vec<Part>,
}

impl ParsedQuery {
    /// Reads a query. Errors are for the reader: empty, too long, only exclusions, too many
    /// parts, NUL characters.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.contains('\0') {
            return Err("must not contain NUL characters".into());
        }
        let text = text.trim();
        if text.is_empty() {
            return Err("say what to search for".into());
        }
        if text.chars().count() > SEARCH_QUERY_MAX_CHARS {
            return Err(format!(
                "must be at most {SEARCH_QUERY_MAX_CHARS} characters"
            ));
        }
        let mut query = ParsedQuery {
            required: Vec::new(),
            excluded: Vec::new(),
        };
        let mut parts = 0;
        for (raw, excluded, quoted) in split(text) {
            let words: Vec<String> = query_words(raw).into_iter().map(|w| w.text).collect();
            if words.is_empty() {
                continue;
            }
            parts += 1;
            let part = Part {
                words,
                exact: quoted || excluded,
            };
            if excluded {
                query.excluded.push(part);
            } else {
                query.required.push(part);
            }
        }
        if parts > SEARCH_QUERY_MAX_TERMS {
            return Err(format!(
                "must have at most {SEARCH_QUERY_MAX_TERMS} words, phrases and exclusions"
            ));
        }
        if query.required.is_empty() {
            return Err(if query.excluded.is_empty() {
                "has no words to search for (only spaces or punctuation)".into()
            } else {
                "say what to find, not only what to leave out".into()
            });
        }
        Ok(query)
    }

    /// Every word the reader asked for, for marking in titles and snippets.
    pub fn wanted_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .required
            .iter()
            .flat_map(|part| part.words.iter().cloned())
            .collect();
        words.sort();
        words.dedup();
        words
    }
}

/// Splits on whitespace, keeping `"…"` (and `“…”`) together; a leading `-` excludes. Each
/// piece comes with whether it is excluded and whether it was quoted.
fn split(text: &str) -> Vec<(&str, bool, bool)> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (excluded, body) = match rest.strip_prefix('-') {
            Some(body) if !body.is_empty() && !body.starts_with(char::is_whitespace) => {
                (true, body)
            }
            _ => (false, rest),
        };
        let quote = body.chars().next().and_then(|first| match first {
            '"' => Some('"'),
            '“' => Some('”'),
            _ => None,
        });
        if let Some(close) = quote {
            let inner = &body[body.chars().next().map_or(1, char::len_utf8)..];
            match inner.find(close) {
                Some(end) => {
                    parts.push((&inner[..end], excluded, true));
                    rest = &inner[end + close.len_utf8()..];
                }
                None => {
                    parts.push((inner, excluded, true));
                    rest = "";
                }
            }
            continue;
        }
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        parts.push((&body[..end], excluded, false));
        rest = &body[end..];
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(parts: &[Part]) -> Vec<Vec<String>> {
        parts.iter().map(|part| part.words.clone()).collect()
    }

    fn owned(parts: &[&[&str]]) -> Vec<Vec<String>> {
        parts
            .iter()
            .map(|part| part.iter().map(|w| (*w).to_owned()).collect())
            .collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let query = ParsedQuery::parse(r#"民法典 "婚姻 家庭" -草案"#);
        assert_eq!(
            query.as_ref().map(|q| words(&q.required)),
            Ok(owned(&[&["民法典"], &["婚姻", "家庭"]]))
        );
        assert_eq!(
            query.as_ref().map(|q| words(&q.excluded)),
            Ok(owned(&[&["草案"]]))
        );
    }

    #[test]
    fn chinese_quotes_and_an_open_quote_work() {
        let query = ParsedQuery::parse("“法律援助” \"宪法宣传");
        assert_eq!(
            query.map(|q| words(&q.required)),
            Ok(owned(&[&["法律援助"], &["宪法", "宣传"]]))
        );
    }

    #[test]
    fn empty_long_and_negative_only_queries_are_refused() {
        assert!(ParsedQuery::parse("   ").is_err());
        assert!(ParsedQuery::parse("，。").is_err());
        assert!(ParsedQuery::parse("-草案").is_err());
        assert!(ParsedQuery::parse(&"法".repeat(101)).is_err());
        assert!(ParsedQuery::parse("a\0b").is_err());
        let many = (0..17)
            .map(|n| format!("w{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(ParsedQuery::parse(&many).is_err());
    }

    #[test]
    fn a_lone_hyphen_is_not_an_exclusion() {
        let query = ParsedQuery::parse("普法 - 宣传").ok();
        assert_eq!(query.map(|q| q.required.len()), Some(2));
    }
}
