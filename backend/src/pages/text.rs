//! Text for markup other than the article bodies: XML and HTML escaping, and the plain text a
//! description is cut from.

/// `text` escaped for XML and HTML text and attribute values. Characters XML 1.0 forbids
/// (control characters other than tab and line breaks) are dropped: one would make a whole
/// feed unreadable.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// The readable text of a sanitised body: tags dropped, the entities the sanitiser writes
/// decoded, runs of spaces joined.
pub fn readable(body: &str) -> String {
    let plain = crate::domain::plain_text(body)
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `limit` characters of `text`, cut at a character and marked with an ellipsis.
pub fn cut(text: &str, limit: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(limit) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped_or_dropped() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(escape("x\u{1}y\u{7f}z\n"), "xyz\n");
    }

    #[test]
    fn bodies_read_as_text() {
        assert_eq!(readable("<p>甲&amp;乙</p><p>丙&nbsp;丁</p>"), "甲&乙 丙 丁");
        assert_eq!(cut("一二三四五", 3), "一二三…");
        assert_eq!(cut("一二三", 3), "一二三");
    }
}
