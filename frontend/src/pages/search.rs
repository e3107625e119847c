//! The search results page, `/search?q=…&page=n`: the API finds the words in titles,
//! summaries and bodies; the page marks them in the titles and summaries it lists.

use portal_api::{ArticleListQuery, ArticleSort};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::{ArticleList, ErrorBox, Loading, Pager, SearchForm};
use crate::hooks::{use_api, use_document_title, Remote};
use crate::pagination::{ListQuery, PER_PAGE};
use crate::services::articles::{self, MAX_QUERY_CHARS};
use crate::state::use_section;

#[component]
pub fn SearchPage() -> Html {
    let location = use_location();
    let query = location
        .map(|location| ListQuery::parse(location.query_str()))
        .unwrap_or_default();
    // A longer search (typed into the address bar) is cut to what the API accepts.
    let words: String = query.words().chars().take(MAX_QUERY_CHARS).collect();
    let page = query.page();
    use_section(None);
    use_document_title(Some(if words.is_empty() {
        "站内搜索".to_owned()
    } else {
        format!("搜索: {words}")
    }));
    let results = use_api((words.clone(), page), |(words, page)| async move {
        if words.is_empty() {
            return Ok(None);
        }
        articles::list(ArticleListQuery {
            q: Some(words),
            sort: Some(ArticleSort::Newest),
            page: Some(page),
            per_page: Some(PER_PAGE),
            ..ArticleListQuery::default()
        })
        .await
        .map(Some)
    });

    let content = match &results.state {
        Remote::Loading => html! { <Loading text="正在搜索…" /> },
        Remote::Failed(error) => {
            html! { <ErrorBox error={error.clone()} retry={results.retry.clone()} what="搜索结果" /> }
        }
        Remote::Ready(found) => match found.as_ref() {
            None => {
                html! { <p class="empty">{ "请输入要查找的词语,例如: 民法典、宪法、普法。" }</p> }
            }
            Some(found) => html! {
                <>
                    <p class="search-summary" role="status">
                        { format!("找到 {} 篇与“{words}”相关的文章", found.page.total) }
                    </p>
                    <ArticleList items={found.items.clone()} query={words.clone()} summaries={true}
                        categories={true} empty="没有找到相关文章,请换个词试试。" />
                    if found.page.total > 0 {
                        <Pager route={Route::Search} keep={vec![("q", words.clone())]} page={page}
                            total_pages={found.page.total_pages} total={found.page.total} />
                    }
                </>
            },
        },
    };

    html! {
        <section class="panel search-page" aria-labelledby="search-title">
            <h1 class="page-title" id="search-title">{ "站内搜索" }</h1>
            <SearchForm input_id="search-page-input" initial={words.clone()} classes="search-large" />
            { content }
        </section>
    }
}
