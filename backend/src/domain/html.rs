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
    // One pass (search cuts a snippet from every hit's body): tags dropped, the few entities
    // the editor writes decoded, runs of whitespace (and tag boundaries, so that paragraphs
    // don't run together) made one space, none at either end. A stray `>` is dropped without
    // joining what stood around it into an entity (`&am>p;` stays as written); sanitised
    // bodies escape it anyway. Runs of ordinary characters are copied whole: looking at each
    // character was a twentieth of a search's time.
    let bytes = body.as_bytes();
    let mut text = String::with_capacity(body.len());
    let mut space_pending = false;
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .position(|byte| MAY_END_A_RUN[usize::from(*byte)])
            .unwrap_or(bytes.len() - at);
        if run > 0 {
            if space_pending {
                text.push(' ');
                space_pending = false;
            }
            text.push_str(&body[at..at + run]);
            at += run;
            continue;
        }
        let (out, next) = match bytes[at] {
            b'<' => {
                let tag_end = bytes[at..].iter().position(|byte| *byte == b'>');
                (None, tag_end.map_or(bytes.len(), |end| at + end + 1))
            }
            b'>' => (Some(None), at + 1),
            b'&' => match ENTITIES
                .iter()
                .find(|(entity, _)| body[at..].starts_with(entity))
            {
                Some((entity, decoded)) => (Some(Some(*decoded)), at + entity.len()),
                None => (Some(Some('&')), at + 1),
            },
            // Any other byte that may end a run starts a character that may be whitespace.
            _ => {
                let c = body[at..].chars().next().unwrap_or(' ');
                (Some(Some(c)), at + c.len_utf8())
            }
        };
        at = next;
        match out {
            // A tag, or a whitespace character: a space unless at the start.
            None => space_pending = !text.is_empty(),
            Some(Some(c)) if c.is_whitespace() => space_pending = !text.is_empty(),
            Some(Some(c)) => {
                if space_pending {
                    text.push(' ');
                    space_pending = false;
                }
                text.push(c);
            }
            Some(None) => {}
        }
    }
    text
}

/// The entities the editor writes, and what they stand for.
const ENTITIES: [(&str, char); 6] = [
    ("&nbsp;", ' '),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
    ("&amp;", '&'),
];

/// The bytes [`plain_text`] looks at one by one: markup, ASCII whitespace, and the first bytes
/// of every other whitespace character (U+0085 and U+00A0, U+1680, U+2000 to U+205F, U+3000).
const MAY_END_A_RUN: [bool; 256] = {
    let mut table = [false; 256];
    let special = [
        b'<', b'>', b'&', b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// A plain-text summary of at most `max_chars` characters, for articles saved without one.
pub fn summarize_html(body: &str, max_chars: usize) -> String {
    let cut: String = plain_text(body).chars().take(max_chars).collect();
    cut.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `plain_text` computes in one pass: tags out (their boundaries spaces),
    /// entities decoded, whitespace collapsed and trimmed.
    fn plain_text_by_definition(body: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    text.push(' ');
                }
                '>' => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The character-by-character pass `plain_text` replaced, kept as the reference it must
    /// agree with everywhere.
    fn plain_text_char_by_char(body: &str) -> String {
        let mut text = String::with_capacity(body.len());
        let mut in_tag = false;
        let mut space_pending = false;
        let mut skip_to = 0;
        for (at, c) in body.char_indices() {
            if at < skip_to {
                continue;
            }
            let out = match c {
                '<' => {
                    in_tag = true;
                    ' '
                }
                '>' => {
                    in_tag = false;
                    continue;
                }
                _ if in_tag => continue,
                '&' => match ENTITIES
                    .iter()
                    .find(|(entity, _)| body[at..].starts_with(entity))
                {
                    Some((entity, decoded)) => {
                        skip_to = at + entity.len();
                        *decoded
                    }
                    None => '&',
                },
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if out == ' ' {
                space_pending = !text.is_empty();
            } else {
                if space_pending {
                    text.push(' ');
                    space_pending = false;
                }
                text.push(out);
            }
        }
        text
    }

    #[test]
    fn plain_text_agrees_with_the_character_by_character_pass() {
        let pieces = [
            "<", ">", "&", "&nbsp;", "&amp;", "&lt;", "&#39;", "&am", "p;", "<p>", "</p>", "<br/>",
            "\u{3000}", "\u{A0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{205F}",
            "\u{0B}", "\u{0C}", "\t", "\r\n", " ", "、", "。", "「", "普法", "a1", "é", "\u{2010}",
            "\u{1E00}", "\u{20AC}", "𠀀",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut body = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            assert_eq!(
                plain_text(&body),
                plain_text_char_by_char(&body),
                "for {body:?}"
            );
        }
    }

    #[test]
    fn plain_text_drops_tags_decodes_entities_and_collapses_spaces() {
        let cases = [
            "",
            "   ",
            "<p>普法</p><p>宣传</p>",
            "<p> 第一段 </p>\n\n<p>第二段\u{3000}全角空格</p>  ",
            "a&nbsp;&nbsp;b &lt;tag&gt; &quot;引号&quot; &#39;x&#39; &amp;lt; &amp;amp;",
            "&& &am<b>p; &unknown; &",
            "<a title=\"<\">链接</a>尾>巴",
            "<img src=x>图<br/>文",
            "text only, no markup",
            "<p>\t制表\r\n换行</p>&nbsp;",
        ];
        for body in cases {
            assert_eq!(
                plain_text(body),
                plain_text_by_definition(body),
                "for {body:?}"
            );
        }
        assert_eq!(plain_text("<p>普法</p><p>宣传</p>"), "普法 宣传");
        assert_eq!(plain_text("a&nbsp;&nbsp;b &amp;lt;"), "a b &lt;");
        // Where the one pass differs from decoding after the markup is gone, on purpose.
        assert_eq!(plain_text("&am>p;"), "&amp;");
    }

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
