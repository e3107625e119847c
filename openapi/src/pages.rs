//! The portal's page titles, which the server writes into each page's head and the client
//! keeps in the browser's tab as the reader moves on: `页面 - 站点名`.

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
