//! Words that begin with what the reader has typed so far, for the suggestions: a walk of the
//! term dictionary by a byte-prefix automaton (a regular expression would be compiled into a
//! DFA for every keystroke).

use std::sync::Arc;

use tantivy::{
    query::{AutomatonWeight, EnableScoring, Query, Weight},
    schema::Field,
};
use tantivy_fst::Automaton;

/// Accepts the words that begin with `0`'s bytes.
#[derive(Debug)]
struct StartsWith(Vec<u8>);

impl Automaton for StartsWith {
    /// How many bytes of the prefix have matched; `None` once one did not.
    type State = Option<usize>;

    fn start(&self) -> Self::State {
        Some(0)
    }

    fn is_match(&self, state: &Self::State) -> bool {
        *state == Some(self.0.len())
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn will_always_match(&self, state: &Self::State) -> bool {
        self.is_match(state)
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        match *state {
            Some(matched) if matched == self.0.len() => Some(matched),
            Some(matched) if self.0.get(matched) == Some(&byte) => Some(matched + 1),
            _ => None,
        }
    }
}

/// The documents holding, in `field`, a word that begins with `prefix`.
#[derive(Debug, Clone)]
pub struct PrefixQuery {
    field: Field,
    prefix: Arc<str>,
}

impl PrefixQuery {
    pub fn new(field: Field, prefix: &str) -> Self {
        Self {
            field,
            prefix: prefix.into(),
        }
    }
}

impl Query for PrefixQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::new(
            self.field,
            StartsWith(self.prefix.as_bytes().to_vec()),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(prefix: &str, word: &str) -> bool {
        let automaton = StartsWith(prefix.as_bytes().to_vec());
        let mut state = automaton.start();
        for byte in word.bytes() {
            if !automaton.can_match(&state) {
                return false;
            }
            state = automaton.accept(&state, byte);
        }
        automaton.is_match(&state)
    }

    #[test]
    fn words_that_begin_with_the_prefix_match() {
        assert!(accepts("民法", "民法"));
        assert!(accepts("民法", "民法典"));
        assert!(!accepts("民法", "民"));
        assert!(!accepts("民法", "刑法"));
        assert!(!accepts("民法", "公民法治"));
        assert!(accepts("icp", "icp备案"));
    }
}
