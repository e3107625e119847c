//! Chinese word segmentation for the index and for queries, on jieba's dictionary.
//!
//! Text is cut into words without the HMM guesser, so that a passage cuts the same way in an
//! article and in a query (南京市/长江大桥: 市长 is not a word of it). Indexing adds, at the
//! same position, the dictionary words inside each longer word (长江, 大桥 inside 长江大桥),
//! so a reader finds the article by a part of a compound, while phrases still match position
//! by position. Latin letters are lower-cased and full-width forms folded to ASCII; spaces and
//! punctuation are not words. Traditional characters are not folded to simplified ones.

use std::{borrow::Cow, cell::RefCell, rc::Rc, sync::OnceLock};

use jieba_rs::Jieba;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name the index knows the tokenizer by.
pub const TOKENIZER_NAME: &str = "jieba_words";
/// The name of the tokenizer of word pairs ([`pairs_of`] the index's words).
pub const PAIRS_TOKENIZER_NAME: &str = "jieba_word_pairs";

/// The longest word whose inner words are looked up.
const MAX_COMPOUND_CHARS: usize = 8;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Loads the dictionary now rather than on the first search.
pub fn warm_up() {
    let _ = jieba();
}

/// A word of a text: its normalised form, where it stands (the n-th word) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub position: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Full-width ASCII (ＩＣＰ, １２３) as ASCII, and the ideographic space as a space: jieba then
/// sees them as the letters and digits they are.
fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Whether jieba cuts `c` as part of a run of text (CJK ideographs, ASCII letters and digits,
/// `+#&._%-`; jieba's `RE_HAN_DEFAULT`). Jieba cuts each maximal run of such characters on its
/// own and every other character as a word by itself, so a run can be cut apart from the rest
/// of its text and gives the same words.
pub fn is_run_char(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        _ if c.is_ascii() => {
            c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
        }
        _ => matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2B73F}'
            | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}'
            | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}'
        ),
    }
}

/// `text` with full-width forms folded as the index folds them (one character for one); most
/// texts have none, and are lent back as they are.
pub fn folded(text: &str) -> Cow<'_, str> {
    // U+3000 is E3 80 80 in UTF-8, U+FF01 to U+FF5E are EF BC 81 to EF BD 9E.
    let has_wide_forms = text.as_bytes().windows(3).any(|bytes| {
        matches!(
            bytes,
            [0xE3, 0x80, 0x80] | [0xEF, 0xBC, 0x81..=0xBF] | [0xEF, 0xBD, 0x80..=0x9E]
        )
    });
    if has_wide_forms {
        Cow::Owned(text.chars().map(fold_width).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Lower-cases; `None` for spaces and punctuation.
fn normalise(word: &str) -> Option<String> {
    // Most words are common ideographs (letters without case) or ASCII: Unicode's tables are
    // only looked up for the rest, where they were a twentieth of marking a search's hits.
    if !word.is_empty() && word.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}')) {
        return Some(word.to_owned());
    }
    if word.is_ascii() {
        return word
            .bytes()
            .any(|byte| byte.is_ascii_alphanumeric())
            .then(|| word.to_ascii_lowercase());
    }
    word.chars()
        .any(char::is_alphanumeric)
        .then(|| word.to_lowercase())
}

/// The words of `text` as a query reads them: one per position.
pub fn query_words(text: &str) -> Vec<Word> {
    words(text, false)
}

/// The words of `text` as the index holds them: each word, and the dictionary words inside it
/// at the same position.
pub fn index_words(text: &str) -> Vec<Word> {
    words(text, true)
}

fn words(text: &str, with_inner_words: bool) -> Vec<Word> {
    let jieba = jieba();
    // Folding keeps one character for one, so character positions point into `text` too.
    let folded = folded(text);
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut out = Vec::new();
    let mut position = 0;
    for token in jieba.cut(&folded, false) {
        let Some(normalised) = normalise(token.word) else {
            continue;
        };
        let chars = token.end - token.start;
        if with_inner_words && (3..=MAX_COMPOUND_CHARS).contains(&chars) {
            let starts: Vec<usize> = token
                .word
                .char_indices()
                .map(|(at, _)| at)
                .chain(std::iter::once(token.word.len()))
                .collect();
            for length in 2..chars {
                for first in 0..=chars - length {
                    let inner = &token.word[starts[first]..starts[first + length]];
                    if jieba.has_word(inner) {
                        if let Some(text) = normalise(inner) {
                            out.push(Word {
                                text,
                                position,
                                byte_start: byte_at[token.start + first],
                                byte_end: byte_at[token.start + first + length],
                            });
                        }
                    }
                }
            }
        }
        out.push(Word {
            text: normalised,
            position,
            byte_start: byte_at[token.start],
            byte_end: byte_at[token.end],
        });
        position += 1;
    }
    out
}

/// Two words standing one after the other, as one term of the pairs fields. A space is never
/// part of a word, so no word and no other pair reads the same.
pub fn pair(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// The [`pair`]s of `words` (as [`index_words`] gives them): each word at a position pairs with
/// each at the next (a compound and the words inside it share one). A phrase of two words is
/// then one term to look up rather than two lists of positions to compare.
pub fn pairs_of(words: &[Word]) -> Vec<Word> {
    let mut pairs = Vec::with_capacity(words.len());
    let mut at = 0;
    while at < words.len() {
        let position = words[at].position;
        let here = words[at..].partition_point(|word| word.position == position);
        let next_start = at + here;
        let next = words[next_start..].partition_point(|word| word.position == position + 1);
        for first in &words[at..next_start] {
            for second in &words[next_start..next_start + next] {
                pairs.push(Word {
                    text: pair(&first.text, &second.text),
                    position,
                    byte_start: first.byte_start.min(second.byte_start),
                    byte_end: first.byte_end.max(second.byte_end),
                });
            }
        }
        at = next_start;
    }
    pairs
}

/// How many texts each indexing thread keeps cut (see [`recently_cut`]).
const RECENTLY_CUT_KEPT: usize = 4;

thread_local! {
    static RECENTLY_CUT: RefCell<Vec<(String, Rc<Vec<Word>>)>> = const { RefCell::new(Vec::new()) };
}

/// [`index_words`], remembered for the last few texts cut on this thread: an article gives
/// each of its texts to three fields (its own, the weighted text and the pairs), and jieba,
/// most of the indexing's work, then cuts it once.
fn recently_cut(text: &str) -> Rc<Vec<Word>> {
    let kept = RECENTLY_CUT.with_borrow(|recent| {
        recent
            .iter()
            .find(|(cut, _)| cut == text)
            .map(|(_, words)| words.clone())
    });
    if let Some(words) = kept {
        return words;
    }
    let words = Rc::new(index_words(text));
    RECENTLY_CUT.with_borrow_mut(|recent| {
        if recent.len() >= RECENTLY_CUT_KEPT {
            recent.remove(0);
        }
        recent.push((text.to_owned(), words.clone()));
    });
    words
}

/// The index's tokenizer: [`index_words`] as a tantivy token stream.
#[derive(Clone, Default)]
pub struct IndexTokenizer;

/// The pairs field's tokenizer: [`pairs_of`] the index's words, as a tantivy token stream.
#[derive(Clone, Default)]
pub struct PairsTokenizer;

impl Tokenizer for PairsTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        WordStream {
            words: pairs_of(&recently_cut(text)).into_iter(),
            token: Token::default(),
        }
    }
}

pub struct WordStream {
    words: std::vec::IntoIter<Word>,
    token: Token,
}

impl Tokenizer for IndexTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        WordStream {
            words: recently_cut(text).as_ref().clone().into_iter(),
            token: Token::default(),
        }
    }
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        let Some(word) = self.words.next() else {
            return false;
        };
        self.token = Token {
            offset_from: word.byte_start,
            offset_to: word.byte_end,
            position: word.position,
            text: word.text,
            position_length: 1,
        };
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(words: &[Word]) -> Vec<&str> {
        words.iter().map(|word| word.text.as_str()).collect()
    }

    #[test]
    fn a_bridge_is_not_a_mayor() {
        let indexed = index_words("南京市长江大桥");
        assert!(texts(&indexed).contains(&"长江大桥"), "{indexed:?}");
        assert!(texts(&indexed).contains(&"长江"), "{indexed:?}");
        assert!(!texts(&indexed).contains(&"市长"), "{indexed:?}");
    }

    #[test]
    fn inner_words_share_their_word_s_position() {
        let indexed = index_words("南京市长江大桥");
        let bridge = indexed
            .iter()
            .find(|w| w.text == "长江大桥")
            .map(|w| w.position);
        let river = indexed
            .iter()
            .find(|w| w.text == "长江")
            .map(|w| w.position);
        assert_eq!(bridge, river);
    }

    #[test]
    fn latin_is_folded_and_punctuation_dropped() {
        assert_eq!(texts(&query_words("ＩＣＰ备案，")), vec!["icp", "备案"]);
        assert_eq!(texts(&query_words("  ，。！")), Vec::<&str>::new());
    }

    #[test]
    fn pairs_are_the_words_that_stand_one_after_the_other() {
        let pairs = pairs_of(&index_words("宪法宣传进长江大桥"));
        let texts = texts(&pairs);
        assert!(texts.contains(&"宪法 宣传"), "{texts:?}");
        // The compound and the words inside it each pair with the word before them.
        assert!(texts.contains(&"进 长江大桥"), "{texts:?}");
        assert!(texts.contains(&"进 长江"), "{texts:?}");
        assert!(!texts.contains(&"宪法 进"), "{texts:?}");
        assert!(!texts.contains(&"长江 大桥"), "{texts:?}");
    }

    #[test]
    fn folding_and_normalising_take_the_short_way_only_where_it_gives_the_same() {
        for text in [
            "普法、宣传。",
            "ＩＣＰ备案\u{3000}ｘ",
            "「民法典」",
            "abc",
            "",
        ] {
            let by_char: String = text.chars().map(fold_width).collect();
            assert_eq!(folded(text), by_char, "{text:?}");
        }
        for word in [
            "普法", "ICP", "Ab1", "Straße", "ÉCOLE", "，", "、", "--", "㐀", "𠀀",
        ] {
            let by_tables = word
                .chars()
                .any(char::is_alphanumeric)
                .then(|| word.to_lowercase());
            assert_eq!(normalise(word), by_tables, "{word:?}");
        }
    }

    #[test]
    fn numbers_stand_apart_from_the_words_around_them() {
        let words = query_words("民法典第1043条");
        assert!(texts(&words).contains(&"1043"), "{words:?}");
        assert!(texts(&words).contains(&"民法典"), "{words:?}");
    }
}
