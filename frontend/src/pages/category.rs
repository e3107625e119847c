//! A category page: breadcrumb, the section's sub-categories, and the category's articles (its
//! sub-categories' included), newest first, one page at a time with the page in the URL.

use portal_api::{ArticleListQuery, ArticlePage, ArticleSort, CategoryDetail, CategoryNode};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::breadcrumb;
use crate::components::{
    aria_current, article_list, breadcrumb, error_box, href, loading, pager, Pager, LOADING,
};
use crate::hooks::{use_document_title, use_get, Remote};
use crate::pages::{NotFound, NOT_FOUND_TITLE};
use crate::pagination::{ListQuery, PER_PAGE};
use crate::sections;
use crate::services::articles;
use crate::services::categories;
use crate::state::{use_portal, use_section};

#[derive(Properties, PartialEq)]
pub struct CategoryPageProps {
    /// The category's slug (its id works too).
    pub slug: String,
}

#[component]
pub fn CategoryPage(props: &CategoryPageProps) -> Html {
    let location = use_location();
    let page = location
        .map(|location| ListQuery::parse(location.query_str()).page())
        .unwrap_or(1);
    let portal = use_portal();
    let detail = use_get::<CategoryDetail>(Some(categories::detail_url(&props.slug)));
    let list = use_get::<ArticlePage>(Some(articles::list_url(&ArticleListQuery {
        category: Some(props.slug.clone()),
        include_descendants: Some(true),
        sort: Some(ArticleSort::Newest),
        page: Some(page),
        per_page: Some(PER_PAGE),
        ..ArticleListQuery::default()
    })));
    use_section(Some(props.slug.clone()));
    let title = match &detail.state {
        Remote::Ready(detail) => Some(portal_api::category_title(&detail.category.name, page)),
        Remote::Failed(error) if error.is_not_found() => Some(NOT_FOUND_TITLE.to_owned()),
        Remote::Failed(_) | Remote::Loading => None,
    };
    use_document_title(title);

    let detail = match &detail.state {
        Remote::Loading => return loading(LOADING),
        Remote::Failed(error) if error.is_not_found() => return html! { <NotFound /> },
        Remote::Failed(error) => return error_box(error, Some(&detail.retry), Some("栏目")),
        Remote::Ready(detail) => detail.clone(),
    };
    let category = &detail.category;
    let route = Route::Category {
        slug: props.slug.clone(),
    };

    let tree = portal.tree();
    let path = sections::path_to(&tree, &category.slug);
    let section = path
        .first()
        .copied()
        .filter(|section| !section.children.is_empty());
    let sidebar = section.map(|section| {
        html! {
            <aside class="panel side-nav" aria-labelledby="side-nav-title">
                <h2 class="panel-title" id="side-nav-title">
                    <a href={href(&Route::Category { slug: section.slug.clone() }, &[])} aria-current={aria_current(section.id == category.id)}>
                        <span>{ section.name.clone() }</span>
                    </a>
                </h2>
                { section_tree(&section.children, category.id, &path_ids(&path)) }
            </aside>
        }
    });
    // The sidebar already lists a section's children; deeper categories show theirs here.
    let own_children_shown = section.is_some_and(|section| section.id == category.id);
    let children = (!detail.children.is_empty() && !own_children_shown).then(|| {
        html! {
            <nav class="child-categories" aria-label="下级栏目">
                <span>{ "下级栏目:" }</span>
                <ul>
                    { for detail.children.iter().map(|child| html! {
                        <li key={child.id}>
                            <a href={href(&Route::Category { slug: child.slug.clone() }, &[])}>{ child.name.clone() }</a>
                        </li>
                    }) }
                </ul>
            </nav>
        }
    });

    let articles = match &list.state {
        Remote::Loading => loading("正在加载文章列表…"),
        Remote::Failed(error) => error_box(error, Some(&list.retry), Some("文章列表")),
        Remote::Ready(found) if found.items.is_empty() && page > 1 => html! {
            <p class="empty">
                { format!("没有第 {page} 页。") }
                <a href={href(&route, &[])}>{ "返回第一页" }</a>
            </p>
        },
        Remote::Ready(found) => html! {
            <>
                { article_list(&found.items, "本栏目暂无文章", &portal.zone()) }
                { pager(&Pager { route: route.clone(), keep: Vec::new(), page,
                    total_pages: found.page.total_pages, total: found.page.total }) }
            </>
        },
    };

    html! {
        <>
            { breadcrumb(&breadcrumb::for_category(&detail)) }
            <div class={classes!("columns", sidebar.is_some().then_some("with-sidebar"))}>
                { for sidebar }
                <section class="panel list-panel" aria-labelledby="category-title">
                    <h1 class="page-title" id="category-title">{ category.name.clone() }</h1>
                    if !category.description.is_empty() {
                        <p class="description">{ category.description.clone() }</p>
                    }
                    { for children }
                    { articles }
                </section>
            </div>
        </>
    }
}

fn path_ids(path: &[&CategoryNode]) -> Vec<i32> {
    path.iter().map(|node| node.id).collect()
}

/// A section's categories as nested lists, the current one (`current`) and its parents (`path`)
/// highlighted.
fn section_tree(nodes: &[CategoryNode], current: i32, path: &[i32]) -> Html {
    html! {
        <ul class="section-tree">
            { for nodes.iter().map(|node| html! {
                <li key={node.id}>
                    <a href={href(&Route::Category { slug: node.slug.clone() }, &[])} class={classes!(path.contains(&node.id).then_some("active"))} aria-current={aria_current(node.id == current)}>
                        { node.name.clone() }
                    </a>
                    if !node.children.is_empty() {
                        { section_tree(&node.children, current, path) }
                    }
                </li>
            }) }
        </ul>
    }
}
