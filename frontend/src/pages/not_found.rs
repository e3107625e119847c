//! The 404 page: for unknown addresses, and for categories and articles the API does not know
//! (or that are not public).

use yew::prelude::*;

use crate::app::Route;
use crate::components::{href, SearchForm};
use crate::hooks::use_document_title;
use crate::state::use_section;

// Pages that show [`NotFound`] in their place use its title too, so whichever sets the title
// last sets the same one.
pub use portal_api::NOT_FOUND_TITLE;

/// The route `/404` and every unknown address.
#[component]
pub fn NotFoundPage() -> Html {
    use_section(None);
    html! { <NotFound /> }
}

/// The not-found content, also shown in place of a missing category or article.
#[component]
pub fn NotFound() -> Html {
    use_document_title(Some(NOT_FOUND_TITLE.to_owned()));
    html! {
        <section class="panel not-found" aria-labelledby="not-found-title">
            <p class="not-found-code" aria-hidden="true">{ "404" }</p>
            <h1 id="not-found-title">{ "页面未找到" }</h1>
            <p>{ "您访问的页面不存在,可能已被删除或地址有误。" }</p>
            <p>
                { "您可以返回 " }
                <a href={href(&Route::Home, &[])}>{ "网站首页" }</a>
                { ",或搜索您要找的内容:" }
            </p>
            <SearchForm input_id="not-found-search" landmark="查找文章" classes="search-large" />
        </section>
    }
}
