//! One component per route. Each page loads what it shows, reports its section and title, and
//! renders loading, error and not-found states of its own.

mod article;
mod category;
mod home;
mod not_found;
mod search;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use home::HomePage;
pub use not_found::{NotFound, NotFoundPage, NOT_FOUND_TITLE};
pub use search::SearchPage;
