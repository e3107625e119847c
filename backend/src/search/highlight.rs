//! Matched words marked for the reader: titles whole, bodies as a snippet of about 120
//! characters around the passage with the most of the query's words. Everything is
//! HTML-escaped; only `<mark>` is added.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::tokenizer::index_words;

/// How long a snippet is, in characters.
pub const SNIPPET_CHARS: usize = 120;
/// How much of the snippet comes before the first matched word.
const LEAD_CHARS: usize = 24;
/// Occurrences looked at when choosing the passage.
const MAX_OCCURRENCES: usize = 256;

/// Marks the words of one query in the hits of one search (the substring finder is built once).
pub struct Highlighter {
    wanted: Vec<String>,
    finder: Option<AhoCorasick>,
}

impl Highlighter {
    pub fn new(wanted: Vec<String>) -> Self {
        let finder = finder(&wanted);
        Self { wanted, finder }
    }

    /// `text` escaped, with the wanted words in `<mark>`.
    pub fn mark(&self, text: &str) -> String {
        mark(text, &self.wanted)
    }

    /// About [`SNIPPET_CHARS`] characters of `text` around its best passage, marked.
    pub fn snippet(&self, text: &str) -> String {
        snippet_with(text, &self.wanted, self.finder.as_ref())
    }
}

/// `text` escaped, with every word of `wanted` in `<mark>`.
pub fn mark(text: &str, wanted: &[String]) -> String {
    let mut ranges: Vec<(usize, usize)> = index_words(text)
        .into_iter()
        .filter(|word| wanted.contains(&word.text))
        .map(|word| (word.byte_start, word.byte_end))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = String::with_capacity(text.len() + merged.len() * 13);
    let mut at = 0;
    for (start, end) in merged {
        escape_into(&text[at..start], &mut out);
        out.push_str("<mark>");
        escape_into(&text[start..end], &mut out);
        out.push_str("</mark>");
        at = end;
    }
    escape_into(&text[at..], &mut out);
    out
}

/// About [`SNIPPET_CHARS`] characters of `text` around the passage richest in `wanted` words,
/// marked; `……` where the text goes on. The passage is found by plain substring search and
/// marked by whole words only, so 市长 is not marked inside 南京市长江大桥.
pub fn snippet(text: &str, wanted: &[String]) -> String {
    snippet_with(text, wanted, finder(wanted).as_ref())
}

fn snippet_with(text: &str, wanted: &[String], finder: Option<&AhoCorasick>) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.is_empty() {
        return String::new();
    }
    let start_char = finder.map_or(0, |finder| best_passage_start(text, &chars, finder));
    let end_char = (start_char + SNIPPET_CHARS).min(chars.len());
    let start_byte = chars[start_char].0;
    let end_byte = chars.get(end_char).map_or(text.len(), |(at, _)| *at);
    let mut out = String::new();
    if start_char > 0 {
        out.push('…');
    }
    out.push_str(&mark(&text[start_byte..end_byte], wanted));
    if end_char < chars.len() {
        out.push('…');
    }
    out
}

/// The first character of the window with the most distinct wanted words, or 0.
fn best_passage_start(text: &str, chars: &[(usize, char)], finder: &AhoCorasick) -> usize {
    let occurrences: Vec<(usize, usize)> = finder
        .find_iter(text)
        .take(MAX_OCCURRENCES)
        .map(|found| (char_index(chars, found.start()), found.pattern().as_usize()))
        .collect();
    let mut best = (0, None);
    for (i, &(first, _)) in occurrences.iter().enumerate() {
        let window_end = first + SNIPPET_CHARS - LEAD_CHARS;
        let mut distinct: Vec<usize> = occurrences[i..]
            .iter()
            .take_while(|(at, _)| *at < window_end)
            .map(|(_, pattern)| *pattern)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        if best.1.is_none_or(|count| distinct.len() > count) {
            best = (first, Some(distinct.len()));
        }
    }
    match best.1 {
        // Some words before the first match, so the reader sees where it stands.
        Some(_) => best.0.saturating_sub(LEAD_CHARS),
        None => 0,
    }
}

fn finder(wanted: &[String]) -> Option<AhoCorasick> {
    if wanted.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(wanted)
        .ok()
}

fn char_index(chars: &[(usize, char)], byte: usize) -> usize {
    chars.partition_point(|(at, _)| *at < byte)
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn whole_words_are_marked_and_the_rest_escaped() {
        assert_eq!(
            mark("<b>民法典</b>宣传", &wanted(&["民法典"])),
            "&lt;b&gt;<mark>民法典</mark>&lt;/b&gt;宣传"
        );
        assert_eq!(mark("南京市长江大桥", &wanted(&["市长"])), "南京市长江大桥");
    }

    #[test]
    fn the_snippet_centres_on_the_match() {
        let text = format!("{}法律援助{}", "前".repeat(300), "后".repeat(300));
        let snippet = snippet(&text, &wanted(&["法律援助"]));
        assert!(
            snippet.starts_with('…') && snippet.ends_with('…'),
            "{snippet}"
        );
        assert!(snippet.contains("<mark>法律援助</mark>"), "{snippet}");
        assert!(snippet.chars().count() < SNIPPET_CHARS + 20, "{snippet}");
    }

    #[test]
    fn without_a_match_the_snippet_is_the_beginning() {
        assert_eq!(snippet("短文", &wanted(&["无"])), "短文");
    }
}
