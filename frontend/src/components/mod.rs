//! The parts pages are built from. They render what they are given and hold no API calls of
//! their own, except the frame parts (navigation, footer), which read the site-wide context.

mod article_list;
mod breadcrumb;
mod footer;
mod header;
mod highlighted;
mod links;
mod navigation;
mod pager;
mod search_form;
mod status;

pub use article_list::ArticleList;
pub use breadcrumb::Breadcrumb;
pub use footer::Footer;
pub use header::Header;
pub use highlighted::highlighted;
pub use links::{aria_current, href, use_in_app_links};
pub use navigation::Navigation;
pub use pager::Pager;
pub use search_form::SearchForm;
pub use status::{ErrorBox, Loading};
