//! Numbered page links under a list: 上一页, `1 … 4 5 [6] 7 8 … 20`, 下一页. Each is a real link
//! with the page in the query string, so reload and back/forward keep the page.

use yew::prelude::*;

use crate::app::Route;
use crate::components::{aria_current, href};
use crate::pagination::{self, Slot};

pub struct Pager {
    /// The list's own page (`/category/xinzhou`, `/search`).
    pub route: Route,
    /// Query parameters to keep on every page (the search words).
    pub keep: Vec<(&'static str, String)>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u64,
}

impl Pager {
    fn query(&self, page: u32) -> Vec<(&'static str, String)> {
        let mut query = self.keep.clone();
        // Page 1 is the list's plain address, so there is one URL for it.
        if page > 1 {
            query.push(("page", page.to_string()));
        }
        query
    }
}

pub fn pager(pages: &Pager) -> Html {
    if pages.total_pages <= 1 {
        return html! {
            <p class="pager-summary">{ format!("共 {} 篇", pages.total) }</p>
        };
    }
    let page = pages.page;
    let slots = pagination::window(page, pages.total_pages)
        .into_iter()
        .map(|slot| match slot {
            Slot::Page(number) => html! {
                <li>
                    <a href={href(&pages.route, &pages.query(number))} class={classes!("page-link", (number == page).then_some("current"))} aria-current={aria_current(number == page)} aria-label={format!("第 {number} 页")}>
                        { number }
                    </a>
                </li>
            },
            Slot::Gap => html! { <li class="page-gap" aria-hidden="true">{ "…" }</li> },
        });
    let previous = if page > 1 {
        html! {
            <a href={href(&pages.route, &pages.query(page - 1))} class="page-link page-step">
                { "上一页" }
            </a>
        }
    } else {
        html! { <span class="page-link page-step disabled" aria-disabled="true">{ "上一页" }</span> }
    };
    let next = if page < pages.total_pages {
        html! {
            <a href={href(&pages.route, &pages.query(page + 1))} class="page-link page-step">
                { "下一页" }
            </a>
        }
    } else {
        html! { <span class="page-link page-step disabled" aria-disabled="true">{ "下一页" }</span> }
    };
    html! {
        <nav class="pager" aria-label="分页">
            { previous }
            <ol>{ for slots }</ol>
            { next }
            <span class="pager-summary">
                { format!("共 {} 篇, 第 {}/{} 页", pages.total, page.min(pages.total_pages), pages.total_pages) }
            </span>
        </nav>
    }
}
