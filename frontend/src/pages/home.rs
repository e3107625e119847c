//! The home page: pinned articles, the 点击排行 most-read list, and one block per top-level
//! category with its latest titles and a 更多 link.

use portal_api::{ArticleListQuery, ArticlePage, ArticleSort, MostReadArticle, StatsPeriod};
use yew::prelude::*;

use crate::app::Route;
use crate::components::{article_list, error_box, href, loading, LOADING};
use crate::dates;
use crate::hooks::{use_document_title, use_get, Remote};
use crate::services::articles;
use crate::services::stats;
use crate::state::{use_portal, use_section};
use portal_api::MostReadQuery;

/// Titles per category block.
const BLOCK_SIZE: u32 = 6;
/// What an empty block of articles says.
const NO_ARTICLES: &str = "暂无文章";
/// Pinned articles on the home page: one lead story and a list.
const PINNED: u32 = 7;
/// Entries in 点击排行.
const RANKING_SIZE: u32 = 10;

#[component]
pub fn HomePage() -> Html {
    use_section(None);
    use_document_title(None);
    let portal = use_portal();
    let tree = portal.tree();
    let blocks = tree.iter().map(|node| {
        html! {
            <CategoryBlock key={node.id} slug={node.slug.clone()} name={node.name.clone()} />
        }
    });
    html! {
        <>
            <h1 class="visually-hidden">{ format!("{}首页", portal.site_name()) }</h1>
            <div class="home-top">
                <Featured />
                <MostRead />
            </div>
            <div class="home-blocks">{ for blocks }</div>
        </>
    }
}

/// Pinned articles: the newest as a lead with its summary, the rest as a list.
#[component]
fn Featured() -> Html {
    let zone = use_portal().zone();
    let pinned = use_get::<ArticlePage>(Some(articles::list_url(&ArticleListQuery {
        pinned: Some(true),
        sort: Some(ArticleSort::Newest),
        per_page: Some(PINNED),
        ..ArticleListQuery::default()
    })));
    let content = match &pinned.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&pinned.retry), None),
        Remote::Ready(page) => match page.items.split_first() {
            None => html! { <p class="empty">{ "暂无推荐文章" }</p> },
            Some((lead, rest)) => html! {
                <>
                    <article class="lead-story">
                        <h3>
                            <a href={href(&Route::Article { id: lead.id }, &[])}>{ lead.title.clone() }</a>
                        </h3>
                        <p class="lead-summary">{ lead.summary.clone() }</p>
                        <p class="lead-meta">
                            { format!("{} · ", lead.category.name) }
                            { for lead.published_at.map(|at| html! {
                                <time datetime={dates::iso(at)}>{ dates::date(at, &zone) }</time>
                            }) }
                        </p>
                    </article>
                    { article_list(rest, NO_ARTICLES, &zone) }
                </>
            },
        },
    };
    html! {
        <section class="panel featured" aria-labelledby="featured-title">
            <h2 class="panel-title" id="featured-title"><span>{ "要闻推荐" }</span></h2>
            { content }
        </section>
    }
}

/// 点击排行: the most-read articles of the chosen period.
#[component]
fn MostRead() -> Html {
    let period = use_state_eq(|| StatsPeriod::Week);
    let ranking = use_get::<Vec<MostReadArticle>>(Some(stats::most_read_url(&MostReadQuery {
        period: Some(*period),
        category: None,
        limit: Some(RANKING_SIZE),
    })));
    let tabs = [
        (StatsPeriod::Week, "本周"),
        (StatsPeriod::Month, "本月"),
        (StatsPeriod::All, "总排行"),
    ]
    .into_iter()
    .map(|(choice, label)| {
        let onclick = {
            let period = period.clone();
            Callback::from(move |_: MouseEvent| period.set(choice))
        };
        let pressed = *period == choice;
        html! {
            <button type="button" class={classes!("period", pressed.then_some("selected"))}
                aria-pressed={pressed.to_string()} {onclick}>
                { label }
            </button>
        }
    });
    let content = match &ranking.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&ranking.retry), Some("点击排行")),
        Remote::Ready(entries) if entries.is_empty() => {
            html! { <p class="empty">{ "暂无点击数据" }</p> }
        }
        Remote::Ready(entries) => html! {
            <ol class="ranking">
                { for entries.iter().enumerate().map(|(index, entry)| html! {
                    <li key={entry.id}>
                        <span class={classes!("rank", (index < 3).then_some("top"))} aria-hidden="true">
                            { index + 1 }
                        </span>
                        <a href={href(&Route::Article { id: entry.id }, &[])} class="ranking-title">
                            { entry.title.clone() }
                        </a>
                        <span class="ranking-hits">{ format!("{}次", entry.hits) }</span>
                    </li>
                }) }
            </ol>
        },
    };
    html! {
        <aside class="panel most-read" aria-labelledby="most-read-title">
            <h2 class="panel-title" id="most-read-title"><span>{ "点击排行" }</span></h2>
            <div class="periods" role="group" aria-label="统计时段">{ for tabs }</div>
            { content }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct CategoryBlockProps {
    slug: String,
    name: String,
}

/// A top-level category's newest articles (its sub-categories' included).
#[component]
fn CategoryBlock(props: &CategoryBlockProps) -> Html {
    let zone = use_portal().zone();
    let latest = use_get::<ArticlePage>(Some(articles::list_url(&ArticleListQuery {
        category: Some(props.slug.clone()),
        include_descendants: Some(true),
        sort: Some(ArticleSort::Newest),
        per_page: Some(BLOCK_SIZE),
        ..ArticleListQuery::default()
    })));
    let title_id = format!("block-{}", props.slug);
    let route = Route::Category {
        slug: props.slug.clone(),
    };
    let content = match &latest.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&latest.retry), None),
        Remote::Ready(page) => article_list(&page.items, NO_ARTICLES, &zone),
    };
    html! {
        <section class="panel category-block" aria-labelledby={title_id.clone()}>
            <div class="panel-head">
                <h2 class="panel-title" id={title_id}>
                    <a href={href(&route, &[])}><span>{ props.name.clone() }</span></a>
                </h2>
                <a href={href(&route, &[])} class="more" aria-label={format!("更多{}文章", props.name)}>
                    { "更多 »" }
                </a>
            </div>
            { content }
        </section>
    }
}
