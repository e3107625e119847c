//! Keeps the browser tab's title on the page being read (`文章标题 - 新洲普法网`), which is also
//! what bookmarks and screen readers announce after a navigation.

use yew::prelude::*;

use crate::state::use_portal;

/// Sets the title to `page` followed by the site's name; just the site's name for `None`.
#[hook]
pub fn use_document_title(page: Option<String>) {
    let site_name = use_portal().site_name();
    use_effect_with((page, site_name), |(page, site_name)| {
        let title = portal_api::document_title(page.as_deref(), site_name);
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            if !title.is_empty() {
                document.set_title(&title);
            }
        }
    });
}
