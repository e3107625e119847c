//! Search highlighting: splits a title or summary into the runs that match the reader's search
//! words and the runs that do not, so the page can wrap the matches in `<mark>`.
//!
//! The API matches the whole phrase as a substring; the page also marks each word of a phrase
//! on its own, which is what a reader scanning the results looks for. Matching ignores ASCII
//! case only: Chinese has no case, and folding other scripts could change byte lengths and
//! split characters.

/// A stretch of text, matched or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub matched: bool,
}

/// The words to look for in `query`: the whole phrase and each of its words, longest first so
/// that the longest match wins where they overlap.
pub fn terms(query: &str) -> Vec<&str> {
    let phrase = query.trim();
    let mut terms: Vec<&str> = std::iter::once(phrase)
        .chain(phrase.split_whitespace())
        .filter(|term| !term.is_empty())
        .collect();
    terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    terms.dedup();
    terms
}

/// `text` split into matched and unmatched runs for `query`; one unmatched run when nothing
/// matches, nothing for empty text.
pub fn split<'a>(text: &'a str, query: &str) -> Vec<Run<'a>> {
    let terms = terms(query);
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        let found = terms.iter().find(|term| {
            let end = at + term.len();
            end <= text.len() && bytes[at..end].eq_ignore_ascii_case(term.as_bytes())
        });
        match found {
            Some(term) => {
                if plain_from < at {
                    runs.push(Run {
                        text: &text[plain_from..at],
                        matched: false,
                    });
                }
                let end = at + term.len();
                // Adjacent matches ("民法" then "典") read as one highlighted word.
                match runs.last_mut() {
                    Some(last) if last.matched && plain_from == at => {
                        let start = end - last.text.len() - term.len();
                        last.text = &text[start..end];
                    }
                    _ => runs.push(Run {
                        text: &text[at..end],
                        matched: true,
                    }),
                }
                at = end;
                plain_from = end;
            }
            None => {
                at += text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if plain_from < text.len() {
        runs.push(Run {
            text: &text[plain_from..],
            matched: false,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(runs: &[Run]) -> String {
        runs.iter()
            .map(|run| {
                if run.matched {
                    format!("[{}]", run.text)
                } else {
                    run.text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn a_chinese_word_is_marked_wherever_it_occurs() {
        let runs = split("民法典宣传进社区,学习民法典", "民法典");
        assert_eq!(shown(&runs), "[民法典]宣传进社区,学习[民法典]");
    }

    #[test]
    fn text_without_a_match_is_one_plain_run() {
        let runs = split("普法工作总结", "宪法");
        assert_eq!(
            runs,
            [Run {
                text: "普法工作总结",
                matched: false
            }]
        );
    }

    #[test]
    fn each_word_of_a_phrase_is_marked() {
        let runs = split("区司法局开展宪法宣传周活动", "宪法 活动");
        assert_eq!(shown(&runs), "区司法局开展[宪法]宣传周[活动]");
    }

    #[test]
    fn latin_letters_match_in_any_case() {
        let runs = split("学习 PDF 与 pdf 文件", "Pdf");
        assert_eq!(shown(&runs), "学习 [PDF] 与 [pdf] 文件");
    }

    #[test]
    fn the_longest_term_wins_and_neighbouring_matches_merge() {
        let runs = split("七五普法总结", "七五普法 普法 总结");
        assert_eq!(shown(&runs), "[七五普法总结]");
    }

    #[test]
    fn an_empty_query_marks_nothing() {
        assert_eq!(shown(&split("普法", "   ")), "普法");
        assert!(split("", "普法").is_empty());
    }

    #[test]
    fn the_runs_put_back_together_are_the_text() {
        let text = "“七五”普法工作总结: 七五 ok";
        let joined: String = split(text, "七五 OK").iter().map(|run| run.text).collect();
        assert_eq!(joined, text);
    }
}
