//! The API answers a server-rendered page was drawn from. The server renders the portal with
//! the answers it has, looks up the ones its components asked for and did not find, and renders
//! again until nothing is missing; it writes them into the page, and the client hydrates from
//! the same answers: its first render matches the server's and asks the API for nothing the
//! page already shows. After that first render the answers are dropped, so a later visit to the
//! same page within the app asks the API afresh.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use portal_api::{PageAnswer, PageData};
use serde::de::DeserializeOwned;

use crate::hooks::Remote;
use crate::services::ApiError;

/// The page's answers, shared by every component of one render (a context of the app).
#[derive(Clone, Default)]
pub struct Preloaded(Rc<RefCell<Shelf>>);

#[derive(Default)]
struct Shelf {
    answers: PageData,
    /// URLs a component asked for that were not among the answers.
    missing: BTreeSet<String>,
    /// Every URL a component asked for, found or not.
    asked: BTreeSet<String>,
}

impl PartialEq for Preloaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Preloaded {
    pub fn new(answers: PageData) -> Self {
        Self(Rc::new(RefCell::new(Shelf {
            answers,
            ..Shelf::default()
        })))
    }

    /// The answer for `url` as a component's state, or `None` (noted as missing) when the page
    /// has none.
    pub fn answer<T: DeserializeOwned>(&self, url: &str) -> Option<Remote<T>> {
        let mut shelf = self.0.borrow_mut();
        if !shelf.asked.contains(url) {
            shelf.asked.insert(url.to_owned());
        }
        let Some(answer) = shelf.answers.get(url) else {
            shelf.missing.insert(url.to_owned());
            return None;
        };
        Some(match answer {
            PageAnswer::Ok(body) => match serde_json::from_str::<T>(body.get()) {
                Ok(data) => Remote::Ready(Rc::new(data)),
                Err(error) => Remote::Failed(ApiError::Decode(error.to_string())),
            },
            PageAnswer::Failed { status, problem } => Remote::Failed(ApiError::Status {
                status: *status,
                problem: problem.clone(),
            }),
        })
    }

    /// The URLs asked for since the last call that the page had no answer for.
    pub fn take_missing(&self) -> BTreeSet<String> {
        std::mem::take(&mut self.0.borrow_mut().missing)
    }

    /// Every URL asked for since the last call, whether the page had its answer or not.
    pub fn take_asked(&self) -> BTreeSet<String> {
        std::mem::take(&mut self.0.borrow_mut().asked)
    }

    /// Forgets every answer: from now on components ask the API.
    pub fn spend(&self) {
        let mut shelf = self.0.borrow_mut();
        shelf.answers.clear();
        shelf.missing.clear();
        shelf.asked.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::Problem;

    #[test]
    fn answers_become_states_and_misses_are_noted() {
        let mut answers = PageData::new();
        answers.insert(
            "/api/v1/one".into(),
            PageAnswer::Ok(serde_json::value::RawValue::from_string("[1, 2]".into()).unwrap()),
        );
        answers.insert(
            "/api/v1/gone".into(),
            PageAnswer::Failed {
                status: 404,
                problem: None::<Problem>,
            },
        );
        let preloaded = Preloaded::new(answers);
        assert_eq!(
            preloaded.answer::<Vec<u8>>("/api/v1/one"),
            Some(Remote::Ready(Rc::new(vec![1, 2])))
        );
        assert!(matches!(
            preloaded.answer::<Vec<u8>>("/api/v1/gone"),
            Some(Remote::Failed(error)) if error.is_not_found()
        ));
        assert!(matches!(
            preloaded.answer::<String>("/api/v1/one"),
            Some(Remote::Failed(ApiError::Decode(_)))
        ));
        assert_eq!(preloaded.answer::<u8>("/api/v1/two"), None);
        assert_eq!(
            preloaded.take_missing().into_iter().collect::<Vec<_>>(),
            ["/api/v1/two"]
        );
        assert!(preloaded.take_missing().is_empty());
        assert_eq!(
            preloaded.take_asked().into_iter().collect::<Vec<_>>(),
            ["/api/v1/gone", "/api/v1/one", "/api/v1/two"]
        );
        preloaded.spend();
        assert_eq!(preloaded.answer::<Vec<u8>>("/api/v1/one"), None);
    }
}
