//! Article bodies: HTML from editors, cleaned on the way in so that the portal can render it
//! as is. Scripts, styles, event handlers and `javascript:` URLs never reach the database.

use std::sync::OnceLock;

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        // Links and images may point at other sites: neither tells them which page the
        // reader came from, and a linked page cannot reach back into ours.
        builder
            .add_generic_attributes(["align"])
            // Uploaded images come with their smaller sizes (see `services::media`).
            .add_tag_attributes("img", ["width", "height", "srcset", "sizes"])
            .set_tag_attribute_value("img", "referrerpolicy", "no-referrer")
            .set_tag_attribute_value("img", "loading", "lazy")
            // The note that marks demo content as 示例 keeps its look.
            .add_allowed_classes("p", ["demo-note"])
            .link_rel(Some("noopener noreferrer"));
        builder
    })
}

/// The body as it will be stored and served.
pub fn sanitize_html(body: &str) -> String {
    cleaner().clean(body).to_string()
}

/// The text of an article body without its markup, paragraphs joined by single spaces: what
/// search indexes and what summaries and snippets are cut from.
pub fn plain_text(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                // Block boundaries become spaces so that paragraphs don't run together.
                if !text.ends_with(' ') && !text.is_empty() {
                    text.push(' ');
                }
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(if c.is_whitespace() { ' ' } else { c }),
            _ => {}
        }
    }
    let decoded = if text.contains('&') {
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    } else {
        text
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plain-text summary of at most `max_chars` characters, for articles saved without one.
pub fn summarize_html(body: &str, max_chars: usize) -> String {
    let cut: String = plain_text(body).chars().take(max_chars).collect();
    cut.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_event_handlers_are_removed() {
        let clean = sanitize_html(r#"<p onclick="steal()">普法<script>alert(1)</script></p>"#);
        assert_eq!(clean, "<p>普法</p>");
    }

    #[test]
    fn javascript_links_lose_their_target() {
        let clean = sanitize_html(r#"<a href="javascript:alert(1)">x</a>"#);
        assert!(!clean.contains("javascript"), "{clean}");
    }

    #[test]
    fn uploaded_images_keep_their_smaller_sizes() {
        let clean = sanitize_html(
            r#"<img src="/media/ab/a.jpg" srcset="/media/ab-480w.jpg 480w, /media/ab-960w.jpg 960w" sizes="(max-width: 600px) 100vw, 760px" alt="示例" width="1000" height="500" onerror="x()">"#,
        );
        assert!(
            clean.contains(r#"srcset="/media/ab-480w.jpg 480w, /media/ab-960w.jpg 960w""#),
            "{clean}"
        );
        assert!(
            clean.contains("sizes=") && !clean.contains("onerror"),
            "{clean}"
        );
    }

    #[test]
    fn links_and_images_tell_other_sites_nothing() {
        let clean = sanitize_html(
            r#"<a href="https://example.org/">x</a><img src="https://example.org/a.png" alt="a">"#,
        );
        assert!(clean.contains(r#"rel="noopener noreferrer""#), "{clean}");
        assert!(clean.contains(r#"referrerpolicy="no-referrer""#), "{clean}");
    }

    #[test]
    fn ordinary_formatting_survives() {
        let body = "<h3>一、加强组织领导</h3><p><strong>一是</strong>提高政治站位</p>";
        assert_eq!(sanitize_html(body), body);
    }

    #[test]
    fn a_summary_is_the_bodys_text_cut_short() {
        let summary = summarize_html("<p>区委政研室&amp;普法</p><p>第二段</p>", 10);
        assert_eq!(summary, "区委政研室&普法 第");
        assert_eq!(
            summarize_html("<p>区委政研室</p><p>第二段</p>", 6),
            "区委政研室"
        );
    }
}
