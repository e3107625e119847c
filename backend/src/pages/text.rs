//! Text for markup other than the article bodies: XML and HTML escaping, and the plain text a
//! description is cut from.

pub use portal_api::markup::escape;

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
    fn bodies_read_as_text() {
        assert_eq!(readable("<p>甲&amp;乙</p><p>丙&nbsp;丁</p>"), "甲&乙 丙 丁");
        assert_eq!(cut("一二三四五", 3), "一二三…");
        assert_eq!(cut("一二三", 3), "一二三");
    }
}
