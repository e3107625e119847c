//! Validated values: parse, don't validate. A service takes these types, so input that got
//! past the parsers is known to fit the database and the rules. Parsers return a message for
//! the caller ("must not be blank"), which the error type pairs with the field's name.

mod html;
mod pagination;
mod text;

pub use html::{plain_text, sanitize_html, summarize_html};
pub use pagination::Pagination;
pub use text::{
    check_published_at, BoundedText, HttpUrl, Password, SearchTerms, Slug, TimeZoneName, Title,
    Username,
};
