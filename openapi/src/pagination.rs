//! Page-numbered listing: the query every list endpoint takes.

use serde::{Deserialize, Serialize};

/// The default number of items on a page.
pub const DEFAULT_PER_PAGE: u32 = 20;
/// How many articles the portal's category and search pages show at a time: the client asks
/// for pages of this size, and the server answers a page number past them with 404.
pub const PORTAL_PAGE_SIZE: u32 = 20;
/// The largest `per_page` a caller may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// The largest page number a list accepts (search has its own, [`crate::SEARCH_MAX_PAGE`]):
/// far past any real list, small enough that the offset always fits a signed 64-bit integer.
pub const MAX_PAGE: u32 = 1_000_000;

/// Which page of a list to return. Totals come back in the body and in the `X-Total-Count`
/// header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageInfo {
    /// The page returned, starting at 1.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub page: u32,
    /// Items per page.
    #[cfg_attr(feature = "openapi", schema(example = 20))]
    pub per_page: u32,
    /// Items in the whole list.
    #[cfg_attr(feature = "openapi", schema(example = 57))]
    pub total: u64,
    /// Pages in the whole list (0 when the list is empty).
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub total_pages: u32,
}

impl PageInfo {
    pub fn new(page: u32, per_page: u32, total: u64) -> Self {
        let per_page_wide = u64::from(per_page.max(1));
        let total_pages = total.div_ceil(per_page_wide);
        Self {
            page,
            per_page,
            total,
            total_pages: u32::try_from(total_pages).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_has_no_pages() {
        assert_eq!(PageInfo::new(1, 20, 0).total_pages, 0);
    }

    #[test]
    fn a_partial_last_page_counts_as_a_page() {
        assert_eq!(PageInfo::new(1, 20, 41).total_pages, 3);
        assert_eq!(PageInfo::new(1, 20, 40).total_pages, 2);
    }
}
