//! The articles table: filter by category, status and words, sort, page through; each row
//! links to its editor and its statistics, and publishes, unpublishes, archives or deletes
//! after asking.

use portal_api::{ArticlePatch, ArticleSort, ArticleStatus, ArticleSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use super::form::{set_text, value_of, ConfirmButton, Notice, NoticeBar};
use super::{use_console, use_console_title, use_staff_api, AdminRoute};
use crate::components::{error_box, loading};
use crate::dates;
use crate::editorial::status_label;
use crate::hooks::Remote;
use crate::sections;
use crate::services::articles::{self, status_filter_label};
use crate::services::{categories, ApiError};
use portal_api::{ArticleListQuery, ArticleStatusFilter, DEFAULT_PER_PAGE, SEARCH_QUERY_MAX_CHARS};

const SORTS: [(ArticleSort, &str, &str); 5] = [
    (ArticleSort::Updated, "updated", "最近修改"),
    (ArticleSort::Newest, "newest", "发布时间(新→旧)"),
    (ArticleSort::Oldest, "oldest", "发布时间(旧→新)"),
    (ArticleSort::MostRead, "most_read", "浏览最多"),
    (ArticleSort::PinnedFirst, "pinned_first", "置顶优先"),
];

#[derive(Debug, Clone, PartialEq)]
struct Filters {
    category: Option<i32>,
    status: ArticleStatusFilter,
    words: String,
    sort: ArticleSort,
    page: u32,
    /// Bumped after a change, to list again.
    version: u32,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            category: None,
            status: ArticleStatusFilter::Any,
            words: String::new(),
            sort: ArticleSort::Updated,
            page: 1,
            version: 0,
        }
    }
}

impl Filters {
    fn query(&self) -> ArticleListQuery {
        ArticleListQuery {
            category: self.category.map(|id| id.to_string()),
            include_descendants: self.category.map(|_| true),
            status: Some(self.status),
            q: Some(self.words.trim().to_owned()).filter(|words| !words.is_empty()),
            sort: Some(self.sort),
            page: Some(self.page),
            per_page: Some(DEFAULT_PER_PAGE),
            ..ArticleListQuery::default()
        }
    }
}

#[component]
pub fn ArticlesPage() -> Html {
    use_console_title("文章管理");
    let console = use_console();
    let filters = use_state(Filters::default);
    let words = use_state(String::new);
    let notice = use_state(|| None::<Notice>);
    let tree = use_staff_api((), |()| categories::tree());
    let list = use_staff_api((*filters).clone(), |filters| {
        articles::list(filters.query())
    });

    let change = |apply: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |event: Event| {
            let mut next = (*filters).clone();
            apply(&mut next, value_of(&event));
            next.page = 1;
            filters.set(next);
        })
    };
    let on_category = change(|filters, value| filters.category = value.parse().ok());
    let on_status = change(|filters, value| {
        filters.status = ArticleStatusFilter::parse(&value).unwrap_or(ArticleStatusFilter::Any)
    });
    let on_sort = change(|filters, value| {
        filters.sort = SORTS
            .iter()
            .find(|(_, key, _)| *key == value)
            .map(|(sort, _, _)| *sort)
            .unwrap_or_default();
    });
    let on_words = set_text(&words);
    let on_search = {
        let (filters, words) = (filters.clone(), words.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            filters.set(Filters {
                words: (*words).clone(),
                page: 1,
                ..(*filters).clone()
            });
        })
    };
    let go_to = |page: u32| {
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| {
            filters.set(Filters {
                page,
                ..(*filters).clone()
            })
        })
    };

    // Runs a change on one article, then lists again with a notice.
    let act = {
        let (filters, notice, console) = (filters.clone(), notice.clone(), console.clone());
        Callback::from(move |(request, done): (Action, String)| {
            let (filters, notice) = (filters.clone(), notice.clone());
            console.run(request.send(), move |result| {
                notice.set(Some(match result {
                    Ok(()) => Notice::Done(done),
                    Err(error) => Notice::Failed(error),
                }));
                filters.set(Filters {
                    version: filters.version.wrapping_add(1),
                    ..(*filters).clone()
                });
            });
        })
    };

    let flat = tree
        .state
        .ready()
        .map(|tree| sections::flatten(tree))
        .unwrap_or_default();
    let category_options = flat.iter().map(|category| {
        html! {
            <option value={category.id.to_string()} selected={filters.category == Some(category.id)}>
                { category.indented() }
            </option>
        }
    });
    let status_options = ArticleStatusFilter::ALL.into_iter().map(|status| {
        html! { <option value={status.as_str()} selected={filters.status == status}>{ status_filter_label(status) }</option> }
    });
    let sort_options = SORTS.iter().map(|(sort, key, label)| {
        html! { <option value={*key} selected={filters.sort == *sort}>{ *label }</option> }
    });

    let table = match &list.state {
        Remote::Loading => loading("正在加载文章…"),
        Remote::Failed(error) => error_box(error, Some(&list.retry), Some("文章列表")),
        Remote::Ready(page) if page.items.is_empty() => {
            html! { <p class="empty">{ "没有符合条件的文章。" }</p> }
        }
        Remote::Ready(page) => {
            let rows = page.items.iter().map(|article| {
                html! { <ArticleRow key={article.id} article={article.clone()} act={act.clone()} /> }
            });
            let info = &page.page;
            html! {
                <>
                    <div class="table-wrap">
                        <table class="data-table articles-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ "标题" }</th>
                                    <th scope="col">{ "栏目" }</th>
                                    <th scope="col">{ "状态" }</th>
                                    <th scope="col">{ "发布时间" }</th>
                                    <th scope="col" class="number">{ "浏览" }</th>
                                    <th scope="col">{ "操作" }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    <nav class="table-pager" aria-label="分页">
                        <button type="button" class="button button-small" disabled={info.page <= 1}
                            onclick={go_to(info.page.saturating_sub(1))}>{ "上一页" }</button>
                        <span>{ format!("第 {} / {} 页,共 {} 篇", info.page, info.total_pages.max(1), info.total) }</span>
                        <button type="button" class="button button-small" disabled={info.page >= info.total_pages}
                            onclick={go_to(info.page + 1)}>{ "下一页" }</button>
                    </nav>
                </>
            }
        }
    };

    html! {
        <section class="panel">
            <div class="console-head">
                <h1 class="page-title">{ "文章管理" }</h1>
                <Link<AdminRoute> to={AdminRoute::NewArticle} classes="button primary">{ "写文章" }</Link<AdminRoute>>
            </div>
            <form class="filters" role="search" onsubmit={on_search}>
                <label>{ "栏目 " }
                    <select name="category" onchange={on_category}>
                        <option value="" selected={filters.category.is_none()}>{ "全部栏目" }</option>
                        { for category_options }
                    </select>
                </label>
                <label>{ "状态 " }
                    <select name="status" onchange={on_status}>{ for status_options }</select>
                </label>
                <label>{ "排序 " }
                    <select name="sort" onchange={on_sort}>{ for sort_options }</select>
                </label>
                <label>{ "关键词 " }
                    <input type="search" name="q" value={(*words).clone()} oninput={on_words}
                        maxlength={SEARCH_QUERY_MAX_CHARS.to_string()} />
                </label>
                <button type="submit" class="button button-small">{ "筛选" }</button>
            </form>
            <NoticeBar notice={(*notice).clone()} />
            { table }
        </section>
    }
}

/// A change to one article from the table.
#[derive(Debug, Clone, PartialEq)]
enum Action {
    Patch(i32, ArticlePatch),
    Delete(i32),
}

impl Action {
    async fn send(self) -> Result<(), ApiError> {
        match self {
            Action::Patch(id, patch) => articles::update(id, patch).await.map(drop),
            Action::Delete(id) => articles::delete(id).await,
        }
    }
}

#[derive(Properties, PartialEq)]
struct ArticleRowProps {
    article: ArticleSummary,
    act: Callback<(Action, String)>,
}

#[component]
fn ArticleRow(props: &ArticleRowProps) -> Html {
    let console = use_console();
    let article = &props.article;
    let now = dates::now();
    let status = status_label(article.status, article.published_at, now);
    let public = article.status == ArticleStatus::Published
        && article.published_at.is_some_and(|at| at <= now);
    let id = article.id;
    let title = article.title.clone();
    let send = |action: Action, done: String| {
        let act = props.act.clone();
        Callback::from(move |()| act.emit((action.clone(), done.clone())))
    };
    let status_patch = |status: ArticleStatus| {
        Action::Patch(
            id,
            ArticlePatch {
                status: Some(status),
                ..ArticlePatch::default()
            },
        )
    };
    let publish_toggle = if article.status == ArticleStatus::Published {
        html! {
            <ConfirmButton question={format!("撤回《{title}》?撤回后门户将不再显示它。")}
                onconfirm={send(status_patch(ArticleStatus::Draft), format!("已撤回《{title}》"))}>
                { "撤回" }
            </ConfirmButton>
        }
    } else {
        html! {
            <ConfirmButton question={format!("立即发布《{title}》?")}
                onconfirm={send(status_patch(ArticleStatus::Published), format!("已发布《{title}》"))}>
                { "发布" }
            </ConfirmButton>
        }
    };
    html! {
        <tr>
            <td class="title-cell">
                if article.pinned {
                    <span class="badge pinned">{ "置顶" }</span>
                }
                <Link<AdminRoute> to={AdminRoute::EditArticle { id }}>{ title.clone() }</Link<AdminRoute>>
            </td>
            <td>{ article.category.name.clone() }</td>
            <td><span class={classes!("badge", status_class(status))}>{ status }</span></td>
            <td class="nowrap">
                { article.published_at.map(|at| dates::date_time(at, &console.zone)).unwrap_or_else(|| "—".into()) }
            </td>
            <td class="number">{ article.hits }</td>
            <td class="actions">
                <Link<AdminRoute> to={AdminRoute::EditArticle { id }}>{ "编辑" }</Link<AdminRoute>>
                <Link<AdminRoute> to={AdminRoute::ArticleStats { id }}>{ "统计" }</Link<AdminRoute>>
                if public {
                    <a href={format!("/article/{id}")} target="_blank" rel="noopener noreferrer">{ "查看" }</a>
                }
                { publish_toggle }
                if article.status != ArticleStatus::Archived {
                    <ConfirmButton question={format!("归档《{title}》?归档后门户将不再显示它。")}
                        onconfirm={send(status_patch(ArticleStatus::Archived), format!("已归档《{title}》"))}>
                        { "归档" }
                    </ConfirmButton>
                }
                <ConfirmButton danger=true question={format!("永久删除《{title}》?此操作无法撤销。")}
                    onconfirm={send(Action::Delete(id), format!("已删除《{title}》"))}>
                    { "删除" }
                </ConfirmButton>
            </td>
        </tr>
    }
}

fn status_class(label: &str) -> &'static str {
    match label {
        "已发布" => "published",
        "定时发布" => "scheduled",
        "已归档" => "archived",
        _ => "draft",
    }
}
