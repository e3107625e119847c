//! Page-number maths for long lists: which numbers the pager shows (the first, the last and a
//! window around the current page, with gaps as ellipses) and how a `?page=` value from the URL
//! becomes a page number. The page lives in the URL so that reload and back/forward keep it.

use serde::Deserialize;

/// Articles per page on category and search pages.
pub const PER_PAGE: u32 = portal_api::PORTAL_PAGE_SIZE;

/// Pages shown on each side of the current one.
const SPREAD: u32 = 2;

/// One slot of the pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Page(u32),
    /// Skipped pages, shown as `…`.
    Gap,
}

/// The slots for page `current` of `total` pages: `1 … 4 5 [6] 7 8 … 20`. A gap never hides a
/// single page (that page is shown instead), so the pager's width stays steady.
pub fn window(current: u32, total: u32) -> Vec<Slot> {
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let mut low = current.saturating_sub(SPREAD).max(1);
    let mut high = current.saturating_add(SPREAD).min(total);
    // A gap of exactly one page would take as much room as the page: show the page.
    if low == 3 {
        low = 2;
    }
    if total >= 3 && high == total - 2 {
        high = total - 1;
    }
    let mut slots = Vec::new();
    if low > 1 {
        slots.push(Slot::Page(1));
        if low > 2 {
            slots.push(Slot::Gap);
        }
    }
    slots.extend((low..=high).map(Slot::Page));
    if high < total {
        if high < total - 1 {
            slots.push(Slot::Gap);
        }
        slots.push(Slot::Page(total));
    }
    slots
}

/// The query string of a paged list: `?page=3`, and `?q=…&sort=newest&category=…&page=3` on
/// the search page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
}

impl ListQuery {
    /// Reads a query string (with or without its `?`); anything unreadable is ignored, since a
    /// mangled link should still show the list.
    pub fn parse(query: &str) -> Self {
        serde_urlencoded::from_str(query.trim_start_matches('?')).unwrap_or_default()
    }

    /// The page asked for: 1 when absent, not a number, or zero.
    pub fn page(&self) -> u32 {
        self.page
            .as_deref()
            .and_then(|page| page.trim().parse::<u32>().ok())
            .filter(|page| *page >= 1)
            .unwrap_or(1)
    }

    /// The search words, trimmed; empty when absent.
    pub fn words(&self) -> &str {
        self.q.as_deref().map(str::trim).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Slot::{Gap, Page};
    use super::*;

    #[test]
    fn an_empty_list_has_no_pager() {
        assert!(window(1, 0).is_empty());
    }

    #[test]
    fn a_short_list_shows_every_page() {
        assert_eq!(window(1, 1), [Page(1)]);
        assert_eq!(window(2, 3), [Page(1), Page(2), Page(3)]);
        assert_eq!(window(4, 7), (1..=7).map(Page).collect::<Vec<_>>());
    }

    #[test]
    fn a_long_list_shows_the_ends_and_a_window_around_the_current_page() {
        assert_eq!(
            window(10, 25),
            [
                Page(1),
                Gap,
                Page(8),
                Page(9),
                Page(10),
                Page(11),
                Page(12),
                Gap,
                Page(25)
            ]
        );
    }

    #[test]
    fn the_first_and_last_pages_have_a_gap_on_one_side_only() {
        assert_eq!(window(1, 25), [Page(1), Page(2), Page(3), Gap, Page(25)]);
        assert_eq!(window(25, 25), [Page(1), Gap, Page(23), Page(24), Page(25)]);
    }

    #[test]
    fn a_gap_never_hides_just_one_page() {
        assert_eq!(
            window(5, 25),
            [
                Page(1),
                Page(2),
                Page(3),
                Page(4),
                Page(5),
                Page(6),
                Page(7),
                Gap,
                Page(25)
            ]
        );
        assert_eq!(
            window(21, 25),
            [
                Page(1),
                Gap,
                Page(19),
                Page(20),
                Page(21),
                Page(22),
                Page(23),
                Page(24),
                Page(25)
            ]
        );
    }

    #[test]
    fn a_page_beyond_the_end_is_shown_as_the_last_page() {
        assert_eq!(window(99, 3), [Page(1), Page(2), Page(3)]);
        assert_eq!(window(0, 3), [Page(1), Page(2), Page(3)]);
    }

    #[test]
    fn the_page_comes_from_the_query_string() {
        assert_eq!(ListQuery::parse("?page=2").page(), 2);
        assert_eq!(ListQuery::parse("page=7&x=1").page(), 7);
    }

    #[test]
    fn a_missing_or_mangled_page_means_the_first() {
        assert_eq!(ListQuery::parse("").page(), 1);
        assert_eq!(ListQuery::parse("?page=abc").page(), 1);
        assert_eq!(ListQuery::parse("?page=0").page(), 1);
        assert_eq!(ListQuery::parse("?page=-3").page(), 1);
        assert_eq!(ListQuery::parse("?page=%zz").page(), 1);
    }

    #[test]
    fn search_words_are_decoded_and_trimmed() {
        let query = ListQuery::parse("?q=%E6%B0%91%E6%B3%95%E5%85%B8+&page=2");
        assert_eq!(query.words(), "民法典");
        assert_eq!(query.page(), 2);
        assert_eq!(ListQuery::parse("?page=2").words(), "");
    }
}
