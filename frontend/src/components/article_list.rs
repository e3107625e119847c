//! A list of article titles with their publish dates, the portal's most common block: category
//! pages, home page blocks and related articles.

use portal_api::ArticleSummary;
use yew::prelude::*;

use crate::app::Route;
use crate::components::href;
use crate::dates::{self, Zone};

/// `items` with their dates in `zone`, or `empty` when there are none. A view function, not a
/// component: it keeps no state, and each component costs the bundle its own copy of Yew's
/// lifecycle code.
pub fn article_list(items: &[ArticleSummary], empty: &str, zone: &Zone) -> Html {
    if items.is_empty() {
        return html! { <p class="empty">{ empty }</p> };
    }
    let items = items.iter().map(|article| {
        let date = article.published_at.map(|at| {
            html! { <time datetime={dates::iso(at)}>{ dates::date(at, zone) }</time> }
        });
        html! {
            <li key={article.id}>
                <div class="article-line">
                    <a href={href(&Route::Article { id: article.id }, &[])} class="article-title">
                        { article.title.clone() }
                    </a>
                    { for date }
                </div>
            </li>
        }
    });
    html! {
        <ul class="article-list">{ for items }</ul>
    }
}
