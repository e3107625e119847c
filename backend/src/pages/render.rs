//! Server-side rendering of the public pages with the portal's own Yew components: the HTML a
//! reader without JavaScript, a crawler or a link preview reads, and that the wasm client then
//! hydrates. The components ask for API answers as they render; a pass that finds some missing
//! is followed by looking them up ([`super::answers`]) and rendering again, until a pass has
//! everything it asked for (a page's reads nest: the category tree decides which category
//! blocks the home page lists). Rendering only reads: it never counts a view.

use portal_api::PageData;
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

/// A page's body and the answers it was drawn from.
pub struct RenderedPage {
    /// What goes inside the app's root element.
    pub html: String,
    /// The [`PageData`] as JSON, safe to place in a `<script>` element.
    pub data: String,
}

/// Renders the page at `url` (path and query).
pub async fn render(state: &AppState, url: &str) -> RenderedPage {
    let mut answers = PageData::new();
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
            if !missing.is_empty() {
                tracing::warn!(url, ?missing, "a page was sent without all of its data");
            }
            return RenderedPage {
                html,
                data: script_json(&answers),
            };
        }
        let room = MAX_ANSWERS - answers.len();
        for wanted in missing.into_iter().take(room) {
            let answer = answers::answer(state, &wanted).await;
            answers.insert(wanted, answer);
        }
    }
}

/// JSON that cannot end the script element it sits in: `<` only occurs inside strings, where
/// `\u003c` reads the same.
fn script_json(answers: &PageData) -> String {
    serde_json::to_string(answers)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
}
