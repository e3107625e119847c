//! The page header: the site's emblem and name, the `今天是` date line in the site's time zone,
//! and the search box.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{use_page_route, Route};
use crate::components::{href, SearchForm};
use crate::dates;
use crate::pagination::ListQuery;
use crate::state::use_portal;

#[component]
pub fn Header() -> Html {
    let portal = use_portal();
    let location = use_location();
    let route = use_page_route();
    let searched = match (route, location) {
        (Some(Route::Search), Some(location)) => {
            ListQuery::parse(location.query_str()).words().to_owned()
        }
        _ => String::new(),
    };
    let site_name = portal.site_name();
    let today = dates::today_line(dates::now(), &portal.zone());
    html! {
        <header class="site-header">
            <div class="topbar">
                <div class="wrap">
                    <p class="today">{ today }</p>
                    if !site_name.is_empty() {
                        <p class="welcome">{ format!("欢迎访问{site_name}") }</p>
                    }
                </div>
            </div>
            <div class="masthead">
                <div class="wrap">
                    <a href={href(&Route::Home, &[])} class="brand">
                        { emblem() }
                        <span class="brand-text">
                            <span class="brand-name">{ site_name.clone() }</span>
                            <span class="brand-motto">
                                { "弘扬法治精神 · 建设法治社会" }
                            </span>
                        </span>
                    </a>
                    <SearchForm input_id="header-search" landmark="站内搜索" initial={searched} classes="header-search" />
                </div>
            </div>
        </header>
    }
}

/// A round seal with a balance, drawn inline: no image request, crisp at any size. Decorative,
/// since the site's name follows it.
fn emblem() -> Html {
    html! {
        <svg class="emblem" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false">
            <circle cx="32" cy="32" r="30" fill="#fff" />
            <circle cx="32" cy="32" r="26" fill="none" stroke="#c8102e" stroke-width="3" />
            <g fill="none" stroke="#c8102e" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
                <path d="M32 15v31M22 46h20M18 22h28" />
                <path d="M18 22l-6 12h12zM46 22l-6 12h12z" />
            </g>
            <circle cx="32" cy="15" r="3" fill="#c8102e" />
        </svg>
    }
}
