//! A list of article titles with their publish dates, the portal's most common block: category
//! pages, home page blocks, related articles and search results.

use portal_api::ArticleSummary;
use yew::prelude::*;

use crate::app::Route;
use crate::components::{highlighted, href};
use crate::dates;
use crate::state::use_portal;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub items: Vec<ArticleSummary>,
    /// Search words to mark in titles and summaries.
    #[prop_or_default]
    pub query: AttrValue,
    /// Show each article's summary under its title.
    #[prop_or_default]
    pub summaries: bool,
    /// Name each article's category (lists that mix categories).
    #[prop_or_default]
    pub categories: bool,
    #[prop_or(AttrValue::Static("暂无文章"))]
    pub empty: AttrValue,
}

#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let zone = use_portal().zone();
    if props.items.is_empty() {
        return html! { <p class="empty">{ props.empty.clone() }</p> };
    }
    let items = props.items.iter().map(|article| {
        let date = article.published_at.map(|at| {
            html! { <time datetime={dates::iso(at)}>{ dates::date(at, &zone) }</time> }
        });
        html! {
            <li key={article.id}>
                <div class="article-line">
                    <a href={href(&Route::Article { id: article.id }, &[])} class="article-title">
                        { highlighted(&article.title, &props.query) }
                    </a>
                    if props.categories {
                        <span class="article-category">{ format!("[{}]", article.category.name) }</span>
                    }
                    { for date }
                </div>
                if props.summaries && !article.summary.is_empty() {
                    <p class="article-summary">
                        { highlighted(&article.summary, &props.query) }
                    </p>
                }
            </li>
        }
    });
    html! {
        <ul class={classes!("article-list", props.summaries.then_some("with-summaries"))}>
            { for items }
        </ul>
    }
}
