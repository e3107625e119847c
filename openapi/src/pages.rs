//! What the server and the client agree on about the portal's pages: their titles (the server
//! writes them into each page's head, the client keeps the browser's tab in step as the reader
//! moves on: `页面 - 站点名`), and how a server-rendered page hands the client the API answers
//! it was drawn from, so that hydrating it asks the API for nothing the page already shows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Problem;

/// Where the JSON API lives, under the site's origin.
pub const API_BASE: &str = "/api/v1";

/// The `id` of the element the portal is drawn into (by the server, then by the client).
pub const APP_ROOT_ID: &str = "app";
/// The `id` of the `<script type="application/json">` holding a server-rendered page's
/// [`PageData`]. A page without it was not rendered by the server: the client draws it anew.
pub const PAGE_DATA_ID: &str = "page-data";

/// One API answer a page was drawn from: the body of a success (its JSON as the API sends it,
/// so that the client reads it with the same decoder as an answer it asked for, and the
/// wasm carries one decoder per type rather than two), or the status and problem document of
/// a failure (an unknown article's page is drawn from its 404).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageAnswer {
    Ok(Box<serde_json::value::RawValue>),
    Failed {
        status: u16,
        problem: Option<Problem>,
    },
}

/// The answers a server-rendered page was drawn from, by the URL the client would have asked
/// (`/api/v1/articles/7`, `/api/v1/articles?category=news&per_page=6`).
pub type PageData = BTreeMap<String, PageAnswer>;

/// The portal's pages: every address a reader can land on, listed once. The client's router
/// and the server (which renders these pages and gives each its status and head) both read
/// addresses with [`PageRoute::recognize`] and write them with [`PageRoute::path`], so a new
/// page is added here, and the compiler then asks both for what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageRoute {
    /// `/`
    Home,
    /// `/category/{slug}`, its pages as `?page=n`. The slug is the address's segment as sent.
    Category { slug: String },
    /// `/article/{id}`.
    Article { id: i32 },
    /// `/search?q=words&page=n`.
    Search,
    /// `/admin` and everything under it: the editors' console, an app of its own.
    Console,
    /// Any other address, `/article/abc` and `/category/a/b` included.
    NotFound,
}

impl PageRoute {
    /// The page at `path` (without its query); a trailing slash is the same page.
    pub fn recognize(path: &str) -> PageRoute {
        let trimmed = path.trim_end_matches('/');
        match trimmed {
            "" => return PageRoute::Home,
            "/search" => return PageRoute::Search,
            "/admin" => return PageRoute::Console,
            _ if trimmed.starts_with("/admin/") => return PageRoute::Console,
            _ => {}
        }
        let single = |prefix: &str| {
            trimmed
                .strip_prefix(prefix)
                .filter(|rest| !rest.is_empty() && !rest.contains('/'))
        };
        if let Some(id) = single("/article/") {
            return id
                .parse()
                .map_or(PageRoute::NotFound, |id| PageRoute::Article { id });
        }
        if let Some(slug) = single("/category/") {
            return PageRoute::Category {
                slug: slug.to_owned(),
            };
        }
        PageRoute::NotFound
    }

    /// The page's address (`/article/7`); the 404 page's own is `/404`.
    pub fn path(&self) -> String {
        match self {
            PageRoute::Home => "/".to_owned(),
            PageRoute::Category { slug } => format!("/category/{slug}"),
            PageRoute::Article { id } => format!("/article/{id}"),
            PageRoute::Search => "/search".to_owned(),
            PageRoute::Console => "/admin".to_owned(),
            PageRoute::NotFound => "/404".to_owned(),
        }
    }
}

/// The title of the page for an unknown address.
pub const NOT_FOUND_TITLE: &str = "页面未找到";
/// The title of the search page before anything is asked.
pub const SEARCH_TITLE: &str = "站内搜索";
/// The title of the editors' console.
pub const CONSOLE_TITLE: &str = "管理后台";

/// The tab's title: `page - site`, the site's name alone for the home page (`None`).
pub fn document_title(page: Option<&str>, site_name: &str) -> String {
    match page {
        Some(page) if !site_name.is_empty() => format!("{page} - {site_name}"),
        Some(page) => page.to_owned(),
        None => site_name.to_owned(),
    }
}

/// A category page's title; past the first page its number follows.
pub fn category_title(name: &str, page: u32) -> String {
    if page > 1 {
        format!("{name} - 第{page}页")
    } else {
        name.to_owned()
    }
}

/// The search page's title for the words asked (the first 40 characters of them).
pub fn search_title(words: &str) -> String {
    let words = words.trim();
    if words.is_empty() {
        return SEARCH_TITLE.to_owned();
    }
    let shown: String = words.chars().take(40).collect();
    let more = if words.chars().nth(40).is_some() {
        "…"
    } else {
        ""
    };
    format!("“{shown}{more}”的搜索结果")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_read_page_then_site() {
        assert_eq!(
            document_title(Some("通知公告"), "示例站"),
            "通知公告 - 示例站"
        );
        assert_eq!(document_title(None, "示例站"), "示例站");
        assert_eq!(category_title("通知公告", 2), "通知公告 - 第2页");
        assert_eq!(search_title(" 民法典 "), "“民法典”的搜索结果");
        assert_eq!(search_title(""), SEARCH_TITLE);
    }
}

#[cfg(test)]
mod route_tests {
    use super::PageRoute;

    #[test]
    fn addresses_are_recognised_as_the_pages_they_name() {
        assert_eq!(PageRoute::recognize("/"), PageRoute::Home);
        assert_eq!(PageRoute::recognize(""), PageRoute::Home);
        assert_eq!(PageRoute::recognize("/search"), PageRoute::Search);
        assert_eq!(PageRoute::recognize("/search/"), PageRoute::Search);
        assert_eq!(PageRoute::recognize("/admin"), PageRoute::Console);
        assert_eq!(
            PageRoute::recognize("/admin/articles/7"),
            PageRoute::Console
        );
        assert_eq!(PageRoute::recognize("/administration"), PageRoute::NotFound);
        assert_eq!(
            PageRoute::recognize("/article/7"),
            PageRoute::Article { id: 7 }
        );
        assert_eq!(
            PageRoute::recognize("/article/7/"),
            PageRoute::Article { id: 7 }
        );
        assert_eq!(PageRoute::recognize("/article/abc"), PageRoute::NotFound);
        assert_eq!(
            PageRoute::recognize("/article/99999999999"),
            PageRoute::NotFound
        );
        assert_eq!(
            PageRoute::recognize("/category/xinzhou"),
            PageRoute::Category {
                slug: "xinzhou".into()
            }
        );
        assert_eq!(PageRoute::recognize("/category/a/b"), PageRoute::NotFound);
        assert_eq!(PageRoute::recognize("/category/"), PageRoute::NotFound);
        assert_eq!(PageRoute::recognize("/nothing-here"), PageRoute::NotFound);
    }

    #[test]
    fn every_page_is_recognised_at_its_own_address() {
        for route in [
            PageRoute::Home,
            PageRoute::Category {
                slug: "pufa-dongtai".into(),
            },
            PageRoute::Article { id: 42 },
            PageRoute::Search,
            PageRoute::Console,
            PageRoute::NotFound,
        ] {
            assert_eq!(
                PageRoute::recognize(&route.path()),
                route,
                "{}",
                route.path()
            );
        }
    }
}
