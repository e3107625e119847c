//! The article font size (大 中 小), read from and written to `localStorage` so the reader's
//! choice holds on every article and on the next visit.

use yew::prelude::*;

use crate::font_size::{FontSize, STORAGE_KEY};

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refused (private modes, blocked cookies): the switch then
    // still works for the page, it just is not remembered.
    web_sys::window()?.local_storage().ok().flatten()
}

/// A page rendered by the server has the default size; the reader's own choice follows once the
/// page runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn storage() -> Option<web_sys::Storage> {
    None
}

fn load() -> FontSize {
    let stored = storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
    FontSize::from_stored(stored.as_deref())
}

/// The current size and a callback that changes and remembers it.
#[hook]
pub fn use_font_size() -> (FontSize, Callback<FontSize>) {
    let size = use_state_eq(load);
    let choose = {
        let size = size.clone();
        Callback::from(move |chosen: FontSize| {
            if let Some(storage) = storage() {
                // Failing to remember (quota, privacy settings) must not block the change.
                let _ = storage.set_item(STORAGE_KEY, chosen.key());
            }
            size.set(chosen);
        })
    };
    (*size, choose)
}
