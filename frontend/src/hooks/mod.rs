//! Custom hooks: loading API data with its loading and error states, the remembered font size,
//! and the document title.

mod use_api;
mod use_document_title;
mod use_font_size;

pub use use_api::{use_api, use_get, ApiHandle, Remote};
pub use use_document_title::use_document_title;
pub use use_font_size::use_font_size;
