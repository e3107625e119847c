//! Matched words marked for the reader: titles whole, bodies as a snippet of about 120
//! characters around the passage with the most of the query's words. Everything is
//! HTML-escaped; only `<mark>` is added.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::tokenizer::{folded, is_run_char, wanted_word_ranges};

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
        mark_with(text, &self.wanted, self.finder.as_ref())
    }

    /// About [`SNIPPET_CHARS`] characters of `text` around its best passage, marked.
    pub fn snippet(&self, text: &str) -> String {
        snippet_with(text, &self.wanted, self.finder.as_ref())
    }
}

/// `text` escaped, with every word of `wanted` in `<mark>`.
pub fn mark(text: &str, wanted: &[String]) -> String {
    mark_with(text, wanted, finder(wanted).as_ref())
}

fn mark_with(text: &str, wanted: &[String], finder: Option<&AhoCorasick>) -> String {
    let mut ranges = match finder {
        // The Kelvin sign lower-cases to an ASCII k, which the substring search would not see.
        Some(finder)
            if wanted.iter().all(|word| word.chars().all(is_run_char))
                && !text.contains('\u{212A}') =>
        {
            words_in_runs(text, wanted, finder)
        }
        _ => wanted_words_in(text, 0, wanted),
    };
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

/// The byte ranges of the words of `text` that are `wanted`, `offset` added.
fn wanted_words_in(text: &str, offset: usize, wanted: &[String]) -> Vec<(usize, usize)> {
    let mut ranges = wanted_word_ranges(text, wanted);
    for range in &mut ranges {
        *range = (range.0 + offset, range.1 + offset);
    }
    ranges
}

/// [`wanted_words_in`] for words made only of run characters, cutting only the runs in which a
/// wanted word occurs as a substring: jieba cuts every run on its own, so a run cut alone gives
/// the words it gives within the whole text, and a title or snippet without the word is not cut
/// at all. The substrings are looked for in the folded text (ＩＣＰ holds icp), one character
/// for one of `text`.
fn words_in_runs(text: &str, wanted: &[String], finder: &AhoCorasick) -> Vec<(usize, usize)> {
    let folded = folded(text);
    // Where each character starts in `text`, by where it starts in `folded`; the same bytes
    // unless something was folded.
    let starts: Option<(Vec<usize>, Vec<usize>)> = (folded.len() != text.len()).then(|| {
        let ends = |s: &str| -> Vec<usize> {
            s.char_indices()
                .map(|(at, _)| at)
                .chain(std::iter::once(s.len()))
                .collect()
        };
        (ends(&folded), ends(text))
    });
    let to_text = |folded_at: usize| match &starts {
        None => folded_at,
        Some((in_folded, in_text)) => in_folded
            .binary_search(&folded_at)
            .map_or(folded_at, |char_index| in_text[char_index]),
    };
    let mut ranges = Vec::new();
    let mut cut_up_to = 0;
    for found in finder.find_iter(folded.as_ref()) {
        if found.start() < cut_up_to {
            continue;
        }
        let run_start = folded[..found.start()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_run_char(*c))
            .last()
            .map_or(found.start(), |(at, _)| at);
        let run_end = folded[found.start()..]
            .char_indices()
            .find(|(_, c)| !is_run_char(*c))
            .map_or(folded.len(), |(at, _)| found.start() + at);
        cut_up_to = run_end.max(found.end());
        let (start, end) = (to_text(run_start), to_text(run_end));
        ranges.extend(wanted_words_in(&text[start..end], start, wanted));
    }
    ranges
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
    out.push_str(&mark_with(&text[start_byte..end_byte], wanted, finder));
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
    fn cutting_only_the_runs_that_hold_a_word_marks_what_cutting_everything_marks() {
        let texts = [
            "南京市长江大桥今日通车，市长出席。",
            "依据《中华人民共和国民法典》第1043条：家庭应当树立优良家风",
            "ＩＣＰ备案号：京ICP备12345号-1，icp查询",
            "普法宣传进社区（示例）——普法志愿者 招募普法志愿者！",
            "Café 普法 😀 法律援助热线12348，C++与C#不是法律。",
            "",
            "<b>民法典</b> & 宣传 \"引号\" '单引号'",
            "　全角空格后的普法，以及ＡＢＣ１２３",
            "结婚的和尚未结婚的都可以咨询",
            "温度单位\u{212A}与k",
        ];
        let queries: [&[&str]; 9] = [
            &["和尚", "结婚"],
            &["k", "温度"],
            &["市长"],
            &["长江", "长江大桥"],
            &["icp", "备案"],
            &["普法", "志愿者"],
            &["1043", "民法典"],
            &["abc123", "法律援助"],
            &["c++", "12348", "宣传"],
        ];
        for text in texts {
            for query in queries {
                let wanted = wanted(query);
                assert_eq!(
                    mark(text, &wanted),
                    mark_with(text, &wanted, None),
                    "{text} / {query:?}"
                );
            }
        }
        assert_eq!(
            mark("ＩＣＰ备案", &wanted(&["icp"])),
            "<mark>ＩＣＰ</mark>备案"
        );
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
