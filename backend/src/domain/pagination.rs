//! `page` and `per_page`, bounded.

use portal_api::{DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE};

/// A page of a list that exists: `1 <= page <= MAX_PAGE`, `1 <= per_page <= MAX_PER_PAGE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pagination {
    pub page: u32,
    pub per_page: u32,
}

impl Pagination {
    pub fn parse(page: Option<u32>, per_page: Option<u32>) -> Result<Self, (&'static str, String)> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if page == 0 || page > MAX_PAGE {
            return Err(("page", format!("must be between 1 and {MAX_PAGE}")));
        }
        if per_page == 0 || per_page > MAX_PER_PAGE {
            return Err(("per_page", format!("must be between 1 and {MAX_PER_PAGE}")));
        }
        Ok(Self { page, per_page })
    }

    pub fn offset(self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }

    pub fn limit(self) -> u64 {
        u64::from(self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_page_of_twenty_is_the_default() {
        assert_eq!(
            Pagination::parse(None, None),
            Ok(Pagination {
                page: 1,
                per_page: 20
            })
        );
    }

    #[test]
    fn page_zero_and_oversized_pages_are_refused() {
        assert!(Pagination::parse(Some(0), None).is_err());
        assert!(Pagination::parse(None, Some(0)).is_err());
        assert!(Pagination::parse(None, Some(101)).is_err());
        assert!(Pagination::parse(None, Some(100)).is_ok());
    }

    #[test]
    fn the_offset_skips_the_earlier_pages() {
        let page = Pagination::parse(Some(3), Some(10)).map(Pagination::offset);
        assert_eq!(page, Ok(20));
    }
}
