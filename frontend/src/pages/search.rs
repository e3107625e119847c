//! The search results page, `/search?q=…&sort=…&category=…&page=n`: the API ranks the
//! articles and marks the matched words in each title and snippet (escaped by the server,
//! `<mark>` only); the reader narrows by category and orders by relevance or date, and every
//! choice stays in the URL.

use portal_api::{
    CategoryNode, SearchHit, SearchPage as Hits, SearchQuery, SearchSort, SEARCH_MAX_DEPTH,
    SEARCH_QUERY_MAX_CHARS,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, Routed};
use crate::components::{aria_current, error_box, href, loading, pager, Pager, SearchForm};
use crate::dates;
use crate::hooks::{use_document_title, use_get, Remote};
use crate::pagination::{ListQuery, PER_PAGE};
use crate::services::search;
use crate::state::{use_portal, use_section};

fn sort_of(raw: Option<&str>) -> SearchSort {
    match raw {
        Some("newest") => SearchSort::Newest,
        _ => SearchSort::Relevance,
    }
}

/// The query-string pairs that describe a search, for links that keep it.
fn keep(words: &str, sort: SearchSort, category: &str) -> Vec<(&'static str, String)> {
    let mut pairs = vec![("q", words.to_owned())];
    if sort != SearchSort::Relevance {
        pairs.push(("sort", sort.as_str().to_owned()));
    }
    if !category.is_empty() {
        pairs.push(("category", category.to_owned()));
    }
    pairs
}

/// Every category, children indented under their parents, for the filter.
fn category_options(nodes: &[CategoryNode], depth: usize, into: &mut Vec<(String, String)>) {
    for node in nodes {
        into.push((
            node.slug.clone(),
            format!("{}{}", "\u{3000}".repeat(depth), node.name),
        ));
        category_options(&node.children, depth + 1, into);
    }
}

#[component]
pub fn SearchPage() -> Html {
    let location = use_location();
    let navigator = use_navigator();
    let portal = use_portal();
    let query = location
        .map(|location| ListQuery::parse(location.query_str()))
        .unwrap_or_default();
    // A longer search (typed into the address bar) is cut to what the API accepts.
    let words: String = query.words().chars().take(SEARCH_QUERY_MAX_CHARS).collect();
    let page = query.page();
    let sort = sort_of(query.sort.as_deref());
    let category = query.category.clone().unwrap_or_default();
    use_section(None);
    use_document_title(Some(portal_api::search_title(&words)));
    // Nothing is asked before there are words to search for.
    let results = use_get::<Hits>((!words.is_empty()).then(|| {
        search::search_url(&SearchQuery {
            q: words.clone(),
            category: (!category.is_empty()).then(|| category.clone()),
            sort: Some(sort),
            page: Some(page),
            per_page: Some(PER_PAGE),
            ..SearchQuery::default()
        })
    }));

    let category_select = use_node_ref();
    // Choosing a category searches at once; the form's button is for readers without
    // JavaScript, whose browser submits the form to the server-rendered results.
    let apply_category = {
        let (words, navigator, category_select) =
            (words.clone(), navigator.clone(), category_select.clone());
        move || {
            let Some(select) = category_select.cast::<HtmlSelectElement>() else {
                return;
            };
            if let Some(navigator) = navigator.as_ref() {
                let _ = navigator
                    .push_with_query(&Routed(Route::Search), &keep(&words, sort, &select.value()));
            }
        }
    };
    let on_category = {
        let apply_category = apply_category.clone();
        Callback::from(move |_: Event| apply_category())
    };
    let on_filter = Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        apply_category();
    });
    let mut options = Vec::new();
    category_options(&portal.tree(), 0, &mut options);
    let filters = (!words.is_empty()).then(|| {
        let sort_link = |this: SearchSort, label: &'static str| {
            html! {
                <a href={href(&Route::Search, &keep(&words, this, &category))} class={classes!("sort-option", (sort == this).then_some("active"))} aria-current={aria_current(sort == this)}>
                    { label }
                </a>
            }
        };
        html! {
            <div class="search-filters">
                <form class="category-filter" method="get" action="/search" onsubmit={on_filter}>
                    <input type="hidden" name="q" value={words.clone()} />
                    if sort != SearchSort::Relevance {
                        <input type="hidden" name="sort" value={sort.as_str()} />
                    }
                    <label for="search-category">{ "栏目" }</label>
                    <select id="search-category" name="category" ref={category_select} onchange={on_category}>
                        <option value="" selected={category.is_empty()}>{ "全部栏目" }</option>
                        { for options.iter().map(|(slug, name)| html! {
                            <option value={slug.clone()} selected={*slug == category}>{ name.clone() }</option>
                        }) }
                    </select>
                    <button type="submit" class="tool filter-apply">{ "筛选" }</button>
                </form>
                <span class="sort-options" role="group" aria-label="排序">
                    { "排序: " }
                    { sort_link(SearchSort::Relevance, "相关度") }
                    { sort_link(SearchSort::Newest, "最新发布") }
                </span>
            </div>
        }
    });

    let content = match &results.state {
        _ if words.is_empty() => {
            html! { <p class="empty">{ "请输入要查找的词语,例如: 民法典、宪法、普法。" }</p> }
        }
        Remote::Loading => loading("正在搜索…"),
        Remote::Failed(error) => error_box(error, Some(&results.retry), Some("搜索结果")),
        Remote::Ready(found) => {
            let zone = portal.zone();
            let hits = found.items.iter().map(|hit: &SearchHit| {
                let article = &hit.article;
                let date = article.published_at.map(|at| {
                    html! { <time datetime={dates::iso(at)}>{ dates::date(at, &zone) }</time> }
                });
                html! {
                    <li key={article.id}>
                        <div class="article-line">
                            <a href={href(&Route::Article { id: article.id }, &[])} class="article-title">
                                { Html::from_html_unchecked(AttrValue::from(hit.title_highlight.clone())) }
                            </a>
                            <span class="article-category">{ format!("[{}]", article.category.name) }</span>
                            { for date }
                        </div>
                        <p class="article-summary">
                            { Html::from_html_unchecked(AttrValue::from(hit.snippet.clone())) }
                        </p>
                    </li>
                }
            });
            html! {
                <>
                    <p class="search-summary" role="status">
                        { format!("找到 {} 篇与“{words}”相关的文章", found.page.total) }
                    </p>
                    if found.items.is_empty() {
                        <p class="empty">{ "没有找到相关文章,请换个词试试。" }</p>
                    } else {
                        <ul class="article-list with-summaries search-hits">{ for hits }</ul>
                    }
                    if found.page.total > 0 {
                        { pager(&Pager { route: Route::Search, keep: keep(&words, sort, &category), page,
                            total_pages: found.page.total_pages.min(SEARCH_MAX_DEPTH / PER_PAGE),
                            total: found.page.total }) }
                    }
                </>
            }
        }
    };

    html! {
        <section class="panel search-page" aria-labelledby="search-title">
            <h1 class="page-title" id="search-title">{ "站内搜索" }</h1>
            <SearchForm input_id="search-page-input" landmark="重新搜索" initial={words.clone()} classes="search-large" />
            { for filters }
            { content }
        </section>
    }
}
