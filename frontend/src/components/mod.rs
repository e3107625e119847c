//! The parts pages are built from. They render what they are given and hold no API calls of
//! their own, except the frame parts (navigation, footer), which read the site-wide context.

mod article_list;
mod breadcrumb;
mod footer;
mod header;
mod links;
mod navigation;
mod pager;
mod search_form;
mod status;

pub use article_list::article_list;
pub use breadcrumb::breadcrumb;
pub use footer::Footer;
pub use header::Header;
pub use links::{aria_current, href, use_in_app_links};
pub use navigation::Navigation;
pub use pager::{pager, Pager};
pub use search_form::SearchForm;
pub use status::{error_box, loading, LOADING};
