//! The category navigation: 首页 and the top-level categories, each with its sub-categories
//! (a drop-down on wide screens), and below it a bar with the current section's
//! sub-categories. The section being read is highlighted at both levels.

use portal_api::CategoryNode;
use yew::prelude::*;

use crate::app::{use_page_route, Route};
use crate::components::{aria_current, href};
use crate::hooks::Remote;
use crate::sections;
use crate::state::use_portal;

#[derive(Properties, PartialEq)]
pub struct NavigationProps {
    /// Loads the category tree again after a failure.
    pub retry: Callback<()>,
}

#[component]
pub fn Navigation(props: &NavigationProps) -> Html {
    let portal = use_portal();
    let route = use_page_route();
    let tree = portal.tree();
    let path = portal
        .section
        .as_deref()
        .map(|slug| sections::path_to(&tree, slug))
        .unwrap_or_default();
    // Which link is the page itself (`aria-current`), as opposed to its section (highlighted).
    let page_slug = match &route {
        Some(Route::Category { slug }) => path
            .last()
            .map(|node| node.slug.clone())
            .or(Some(slug.clone())),
        _ => None,
    };
    let is_page = |node: &CategoryNode| page_slug.as_deref() == Some(node.slug.as_str());

    // A sub-category's link, in the dropdown and in the section's sub-navigation alike.
    let child_link = |child: &CategoryNode| {
        html! {
            <li key={child.id}>
                <a href={href(&Route::Category { slug: child.slug.clone() }, &[])} class={classes!(sections::is_on_path(&path, child.id).then_some("active"))} aria-current={aria_current(is_page(child))}>
                    { child.name.clone() }
                </a>
            </li>
        }
    };
    let top_level = tree.iter().map(|node| {
        let active = sections::is_on_path(&path, node.id);
        let children = node.children.iter().map(&child_link);
        html! {
            <li class={classes!("nav-item", active.then_some("active"))} key={node.id}>
                <a href={href(&Route::Category { slug: node.slug.clone() }, &[])} aria-current={aria_current(is_page(node))}>
                    { node.name.clone() }
                </a>
                if !node.children.is_empty() {
                    <ul class="nav-dropdown">{ for children }</ul>
                }
            </li>
        }
    });

    let state = match &portal.tree {
        Remote::Loading => html! { <li class="nav-note">{ "栏目加载中…" }</li> },
        Remote::Failed(error) => {
            let retry = props.retry.clone();
            let onclick = Callback::from(move |_: MouseEvent| retry.emit(()));
            html! {
                <li class="nav-note" role="alert">
                    { format!("栏目加载失败: {}", error.headline()) }
                    <button type="button" class="button button-small" {onclick}>{ "重试" }</button>
                </li>
            }
        }
        Remote::Ready(_) => html! {},
    };

    let subnav = path
        .first()
        .filter(|section| !section.children.is_empty())
        .map(|section| {
            let links = section.children.iter().map(&child_link);
            html! {
                <div class="subnav">
                    <div class="wrap">
                        <span class="subnav-title">{ format!("{}:", section.name) }</span>
                        <ul>{ for links }</ul>
                    </div>
                </div>
            }
        });

    let home_current = matches!(route, Some(Route::Home));
    html! {
        <nav class="site-nav" aria-label="栏目导航">
            <div class="nav-bar">
                <div class="wrap">
                    <ul class="nav-list">
                        <li class={classes!("nav-item", home_current.then_some("active"))}>
                            <a href={href(&Route::Home, &[])} aria-current={aria_current(home_current)}>{ "首页" }</a>
                        </li>
                        { for top_level }
                        { state }
                    </ul>
                </div>
            </div>
            { for subnav }
        </nav>
    }
}
