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

/// `text` with full-width forms folded as the index folds them (one character for one). Only
/// the forms that fold into letters, digits and the other characters of jieba's runs change
/// what a text cuts into: a text without them (full-width commas and colons fold to
/// punctuation, which is no word either way) is lent back as it is.
pub fn folded(text: &str) -> Cow<'_, str> {
    // U+FF00 to U+FF3F are EF BC 80 to BF in UTF-8, U+FF40 to U+FF7F are EF BD 80 to BF.
    let folds_into_a_run = text.as_bytes().windows(3).any(|bytes| match bytes {
        [0xEF, 0xBC, low] | [0xEF, 0xBD, low] if (0x80..=0xBF).contains(low) => {
            let high = if bytes[1] == 0xBC { 0xFF00 } else { 0xFF40 };
            char::from_u32(high + u32::from(low - 0x80))
                .is_some_and(|wide| wide != fold_width(wide) && is_run_char(fold_width(wide)))
        }
        _ => false,
    });
    if folds_into_a_run {
        Cow::Owned(text.chars().map(fold_width).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Lower-cases; `None` for spaces and punctuation. A word already in its normal form is lent
/// back as it is.
fn normalise(word: &str) -> Option<Cow<'_, str>> {
    // Most words are common ideographs (letters without case) or ASCII: Unicode's tables are
    // only looked up for the rest, where they were a twentieth of marking a search's hits.
    if !word.is_empty() && word.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}')) {
        return Some(Cow::Borrowed(word));
    }
    if word.is_ascii() {
        if !word.bytes().any(|byte| byte.is_ascii_alphanumeric()) {
            return None;
        }
        return Some(if word.bytes().any(|byte| byte.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        });
    }
    word.chars()
        .any(char::is_alphanumeric)
        .then(|| Cow::Owned(word.to_lowercase()))
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
    let mut out = Vec::new();
    walk_words(
        text,
        with_inner_words,
        &|_| true,
        &mut |word, position, start, end| {
            out.push(Word {
                text: word.into_owned(),
                position,
                byte_start: start,
                byte_end: end,
            });
        },
    );
    out
}

/// The byte ranges of the words of `text` as the index holds them ([`index_words`]) that are
/// among `wanted`, without making the others.
pub fn wanted_word_ranges(text: &str, wanted: &[String]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    walk_words(
        text,
        true,
        &|word| wanted.iter().any(|wanted| wanted == word),
        &mut |_, _, start, end| ranges.push((start, end)),
    );
    ranges
}

/// What [`walk_words`] hands each word to: the word normalised, its position, and where it
/// starts and ends in the text (bytes).
type OnWord<'f> = dyn FnMut(Cow<'_, str>, usize, usize, usize) + 'f;

/// Cuts `text` and hands `found` each word `keep` accepts (normalised), with its position and
/// byte range in `text`; with `with_inner_words`, each dictionary word inside a longer word
/// too, before that word and at its position.
fn walk_words(
    text: &str,
    with_inner_words: bool,
    keep: &dyn Fn(&str) -> bool,
    found: &mut OnWord<'_>,
) {
    let jieba = jieba();
    // Folding keeps one character for one, so character positions point into `text` too; when
    // nothing was folded the byte offsets are the same as well.
    let folded = folded(text);
    let byte_at: Option<Vec<usize>> = matches!(folded, Cow::Owned(_)).then(|| {
        text.char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(text.len()))
            .collect()
    });
    // Where a character (by its index) starts in `text`: the token's own bytes when nothing
    // was folded.
    let in_text = |char_index: usize, byte_in_folded: usize| match &byte_at {
        Some(byte_at) => byte_at[char_index],
        None => byte_in_folded,
    };
    let mut position = 0;
    for token in jieba.cut(&folded, false) {
        let Some(normalised) = normalise(token.word) else {
            continue;
        };
        let chars = token.end - token.start;
        if with_inner_words && (3..=MAX_COMPOUND_CHARS).contains(&chars) {
            let mut starts = [0_usize; MAX_COMPOUND_CHARS + 1];
            for (index, (at, _)) in token.word.char_indices().enumerate() {
                starts[index] = at;
            }
            starts[chars] = token.word.len();
            for length in 2..chars {
                for first in 0..=chars - length {
                    let inner = &token.word[starts[first]..starts[first + length]];
                    let Some(inner_normalised) = normalise(inner) else {
                        continue;
                    };
                    if keep(&inner_normalised) && jieba.has_word(inner) {
                        let start = in_text(token.start + first, token.byte_start + starts[first]);
                        let end = in_text(
                            token.start + first + length,
                            token.byte_start + starts[first + length],
                        );
                        found(inner_normalised, position, start, end);
                    }
                }
            }
        }
        if keep(&normalised) {
            let start = in_text(token.start, token.byte_start);
            let end = in_text(token.end, token.byte_end);
            found(normalised, position, start, end);
        }
        position += 1;
    }
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
            assert_eq!(normalise(word).map(Cow::into_owned), by_tables, "{word:?}");
        }
    }

    #[test]
    fn wanted_ranges_are_the_index_words_that_are_wanted() {
        let samples = [
            "南京市长江大桥，长江大桥上的长江。",
            "南京市长江大桥、长江大桥上的长江。",
            "第１０４３条 民法典（２０２０年）施行\u{3000}ＡＢＣ",
            "ＩＣＰ备案号与ICP许可证、icp；Ｉｃｐ\u{3000}备案",
            "民法典第1043条：家庭应当树立优良家风。2021年《民法典》施行",
            "中华人民共和国宪法宣传周，宪法宣传进社区",
            "",
            "，。！",
        ];
        let wanted_sets: [&[&str]; 5] = [
            &["长江", "大桥", "长江大桥"],
            &["icp", "备案"],
            &["民法典", "1043", "2021"],
            &["宪法", "宣传", "人民", "共和国"],
            &["市长"],
        ];
        for text in samples {
            // Each word's range holds that word, as the index folds and lower-cases it.
            for word in index_words(text) {
                let held = &text[word.byte_start..word.byte_end];
                let held: String = held.chars().map(fold_width).collect();
                assert_eq!(held.to_lowercase(), word.text, "{text:?} {word:?}");
            }
            // And a text lent back unfolded cuts into the words of the text folded throughout.
            let folded_throughout: String = text.chars().map(fold_width).collect();
            let words_at = |text: &str| -> Vec<(String, usize)> {
                index_words(text)
                    .into_iter()
                    .map(|word| (word.text, word.position))
                    .collect()
            };
            assert_eq!(words_at(text), words_at(&folded_throughout), "{text:?}");
            for wanted in wanted_sets {
                let wanted: Vec<String> = wanted.iter().map(|w| (*w).to_owned()).collect();
                let expected: Vec<(usize, usize)> = index_words(text)
                    .into_iter()
                    .filter(|word| wanted.contains(&word.text))
                    .map(|word| (word.byte_start, word.byte_end))
                    .collect();
                assert_eq!(
                    wanted_word_ranges(text, &wanted),
                    expected,
                    "{text:?} {wanted:?}"
                );
                for (start, end) in &expected {
                    assert!(text.is_char_boundary(*start) && text.is_char_boundary(*end));
                }
            }
        }
        let folded_wide = index_words("ＩＣＰ备案");
        assert_eq!(texts(&folded_wide)[0], "icp");
        assert_eq!(
            (folded_wide[0].byte_start, folded_wide[0].byte_end),
            (0, "ＩＣＰ".len())
        );
    }

    #[test]
    fn numbers_stand_apart_from_the_words_around_them() {
        let words = query_words("民法典第1043条");
        assert!(texts(&words).contains(&"1043"), "{words:?}");
        assert!(texts(&words).contains(&"民法典"), "{words:?}");
    }
}
