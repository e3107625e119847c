//! Server-side rendering of the public pages with the portal's own Yew components: the HTML a
//! reader without JavaScript, a crawler or a link preview reads, and that the wasm client then
//! hydrates. The components ask for API answers as they render; a pass that finds some missing
//! is followed by looking them up ([`super::answers`]) and rendering again, until a pass has
//! everything it asked for (a page's reads nest: the category tree decides which category
//! blocks the home page lists). Rendering only reads: it never counts a view.
//!
//! Finding the reads out pass by pass costs up to three full renders, so the reads each
//! address needed last time are remembered ([`PageReads`]) and looked up before the first
//! pass: a page rendered before is usually drawn in one pass. Only the list of what to read is
//! remembered; the answers are read afresh every time (the site settings, friend links and
//! category list from memory: see [`crate::services::remembered`]).

use std::{collections::BTreeSet, sync::Arc};

use portal_api::{PageAnswer, PageData};
use portal_frontend::{
    app::{App, AppProps},
    page_data::Preloaded,
};
use yew::LocalServerRenderer;

use super::answers;
use crate::state::AppState;

/// Passes before the page is sent with what it has (the deepest page needs three).
const MAX_PASSES: usize = 5;
/// Answers one page may be drawn from (the home page reads about a dozen).
const MAX_ANSWERS: usize = 40;
/// Addresses whose reads are remembered. Readers choose addresses (page numbers, search
/// words), so the memory is bounded: a few hundred bytes an address.
const REMEMBERED_ADDRESSES: u64 = 20_000;

/// The API reads each recently rendered address was drawn from.
#[derive(Clone)]
pub struct PageReads(moka::sync::Cache<String, Arc<BTreeSet<String>>>);

impl Default for PageReads {
    fn default() -> Self {
        Self(moka::sync::Cache::new(REMEMBERED_ADDRESSES))
    }
}

/// A page's body and the answers it was drawn from.
pub struct RenderedPage {
    /// What goes inside the app's root element.
    pub html: String,
    /// The [`PageData`] as JSON, safe to place in a `<script>` element.
    pub data: String,
    /// Whether every answer could be read: a page drawn while the database failed shows
    /// error notes, and is not to be kept and repeated.
    pub complete: bool,
}

/// Renders the page at `url` (path and query), starting from the `answers` its head was drawn
/// from.
pub async fn render(
    state: &AppState,
    reads: &PageReads,
    url: &str,
    mut answers: PageData,
) -> RenderedPage {
    if let Some(known) = reads.0.get(url) {
        look_up(state, &mut answers, known.iter().cloned()).await;
    }
    let mut passes = 0;
    loop {
        passes += 1;
        let preloaded = Preloaded::new(answers.clone());
        let props = AppProps {
            url: Some(url.to_owned().into()),
            preloaded: preloaded.clone(),
        };
        let html = LocalServerRenderer::<App>::with_props(props)
            .hydratable(true)
            .render()
            .await;
        let missing = preloaded.take_missing();
        if missing.is_empty() || passes == MAX_PASSES || answers.len() >= MAX_ANSWERS {
            let asked = preloaded.take_asked();
            // A remembered read the page no longer makes (the article moved to another
            // category) is not sent along.
            answers.retain(|url, _| asked.contains(url));
            if missing.is_empty() {
                reads.0.insert(url.to_owned(), Arc::new(asked));
            } else {
                tracing::warn!(url, ?missing, "a page was sent without all of its data");
            }
            let complete = answers.values().all(|answer| match answer {
                PageAnswer::Failed { status, .. } => *status < 500,
                PageAnswer::Ok(_) => true,
            });
            return RenderedPage {
                html,
                data: script_json(&answers),
                complete,
            };
        }
        look_up(state, &mut answers, missing.into_iter()).await;
    }
}

/// Adds the answers for `wanted` (as many as there is room for).
async fn look_up(state: &AppState, answers: &mut PageData, wanted: impl Iterator<Item = String>) {
    let room = MAX_ANSWERS.saturating_sub(answers.len());
    let wanted: Vec<String> = wanted
        .filter(|url| !answers.contains_key(url))
        .take(room)
        .collect();
    let found =
        futures::future::join_all(wanted.iter().map(|url| answers::answer(state, url))).await;
    answers.extend(wanted.into_iter().zip(found));
}

/// JSON that cannot end the script element it sits in: `<` only occurs inside strings, where
/// `\u003c` reads the same.
fn script_json(answers: &PageData) -> String {
    serde_json::to_string(answers)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
}
