//! The category tree (admins): create, rename, move under another parent, reorder among its
//! siblings, delete. The server refuses moves into a category's own subtree and deletes of
//! categories that still hold sub-categories or articles; its reason is shown as it is.

use std::future::Future;
use std::pin::Pin;

use portal_api::{CategoryPatch, NewCategory};
use yew::prelude::*;

use super::form::{
    field_error, set_text, value_of, ConfirmButton, Failure, Field, FormAlert, Notice, NoticeBar,
};
use super::{use_console, use_console_title, use_staff_api};
use crate::components::{error_box, loading, LOADING};
use crate::hooks::Remote;
use crate::sections::{self, FlatCategory};
use crate::services::{categories, ApiError};

type Request = Pin<Box<dyn Future<Output = Result<(), ApiError>>>>;

fn patch(id: i32, patch: CategoryPatch) -> Request {
    Box::pin(async move { categories::update(id, patch).await.map(drop) })
}

#[component]
pub fn CategoriesPage() -> Html {
    use_console_title("栏目管理");
    let console = use_console();
    let version = use_state(|| 0_u32);
    let notice = use_state(|| None::<Notice>);
    let editing = use_state(|| None::<i32>);
    let tree = use_staff_api(*version, |_| categories::tree());
    let reload = {
        let version = version.clone();
        Callback::from(move |()| version.set(version.wrapping_add(1)))
    };
    // Runs the requests one after the other, then lists again with what happened.
    let apply = {
        let (console, notice, reload, editing) = (
            console.clone(),
            notice.clone(),
            reload.clone(),
            editing.clone(),
        );
        Callback::from(move |(requests, done): (Vec<Request>, String)| {
            let (notice, reload, editing) = (notice.clone(), reload.clone(), editing.clone());
            let all = async move {
                for request in requests {
                    request.await?;
                }
                Ok(())
            };
            console.run(all, move |result: Result<(), ApiError>| {
                let ok = result.is_ok();
                notice.set(Some(match result {
                    Ok(()) => Notice::Done(done),
                    Err(error) => Notice::Failed(error),
                }));
                if ok {
                    editing.set(None);
                }
                reload.emit(());
            });
        })
    };
    let flat = tree
        .state
        .ready()
        .map(|tree| sections::flatten(tree))
        .unwrap_or_default();
    let table = match &tree.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&tree.retry), Some("栏目")),
        Remote::Ready(_) => html! {
            <table class="data-table categories-table">
                <thead>
                    <tr>
                        <th scope="col">{ "栏目" }</th>
                        <th scope="col">{ "别名(网址)" }</th>
                        <th scope="col" class="number">{ "排序" }</th>
                        <th scope="col">{ "操作" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for flat.iter().map(|category| {
                        let edit = {
                            let (editing, id) = (editing.clone(), category.id);
                            Callback::from(move |open: bool| editing.set(open.then_some(id)))
                        };
                        html! {
                            <CategoryRow key={category.id} category={category.clone()} flat={flat.clone()}
                                editing={*editing == Some(category.id)} {edit} apply={apply.clone()} />
                        }
                    }) }
                </tbody>
            </table>
        },
    };
    let created = {
        let (notice, reload) = (notice.clone(), reload.clone());
        Callback::from(move |name: String| {
            notice.set(Some(Notice::Done(format!("已创建栏目 {name}"))));
            reload.emit(());
        })
    };
    html! {
        <>
            <section class="panel">
                <h1 class="page-title">{ "栏目管理" }</h1>
                <NoticeBar notice={(*notice).clone()} />
                { table }
            </section>
            <NewCategoryForm flat={flat.clone()} {created} />
        </>
    }
}

/// `<option>`s for a parent picker: 顶级栏目, then every category not in `excluded`.
fn parent_options(flat: &[FlatCategory], excluded: &[i32], selected: Option<i32>) -> Html {
    html! {
        <>
            <option value="" selected={selected.is_none()}>{ "(顶级栏目)" }</option>
            { for flat.iter().filter(|category| !excluded.contains(&category.id)).map(|category| html! {
                <option value={category.id.to_string()} selected={selected == Some(category.id)}>
                    { category.indented() }
                </option>
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CategoryRowProps {
    category: FlatCategory,
    flat: Vec<FlatCategory>,
    editing: bool,
    edit: Callback<bool>,
    apply: Callback<(Vec<Request>, String)>,
}

#[component]
fn CategoryRow(props: &CategoryRowProps) -> Html {
    let category = &props.category;
    let name = use_state(|| category.name.clone());
    let slug = use_state(|| category.slug.clone());
    let parent = use_state(|| category.parent_id);
    let id = category.id;
    let label = category.name.clone();

    let reorder = |up: bool| {
        let neighbour = sections::neighbour(&props.flat, id, up).cloned();
        let (apply, mine, label) = (props.apply.clone(), category.sort_order, label.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(other) = neighbour.clone() else {
                return;
            };
            // Equal orders (the default) cannot be swapped: step past the neighbour instead.
            let (new_mine, new_other) = if mine == other.sort_order {
                (
                    if up {
                        other.sort_order - 1
                    } else {
                        other.sort_order + 1
                    },
                    other.sort_order,
                )
            } else {
                (other.sort_order, mine)
            };
            let order = |value| CategoryPatch {
                sort_order: Some(value),
                ..CategoryPatch::default()
            };
            apply.emit((
                vec![
                    patch(id, order(new_mine)),
                    patch(other.id, order(new_other)),
                ],
                format!("已调整 {label} 的顺序"),
            ));
        })
    };
    let remove = {
        let (apply, label) = (props.apply.clone(), label.clone());
        Callback::from(move |()| {
            let request: Request = Box::pin(categories::delete(id));
            apply.emit((vec![request], format!("已删除栏目 {label}")));
        })
    };
    let open = props.edit.reform(|_: MouseEvent| true);
    let cancel = props.edit.reform(|_: MouseEvent| false);
    let save = {
        let (apply, name, slug, parent) = (
            props.apply.clone(),
            name.clone(),
            slug.clone(),
            parent.clone(),
        );
        let original = category.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let change = CategoryPatch {
                name: (*name != original.name).then(|| name.trim().to_owned()),
                slug: (*slug != original.slug).then(|| slug.trim().to_owned()),
                parent_id: (*parent != original.parent_id).then_some(*parent),
                ..CategoryPatch::default()
            };
            apply.emit((
                vec![patch(id, change)],
                format!("已保存栏目 {}", name.trim()),
            ));
        })
    };
    let indent = format!("padding-left: {}rem", 0.6 + 1.4 * category.depth as f64);
    if props.editing {
        let excluded = sections::subtree_ids(&props.flat, id);
        let on_parent = {
            let parent = parent.clone();
            Callback::from(move |event: Event| parent.set(value_of(&event).parse().ok()))
        };
        let form_id = format!("category-edit-{id}");
        return html! {
            <tr class="editing">
                <td colspan="4">
                    <form id={form_id} class="inline-form" onsubmit={save}>
                        <Field label="名称" id={format!("category-name-{id}")}>
                            <input id={format!("category-name-{id}")} value={(*name).clone()} oninput={set_text(&name)} />
                        </Field>
                        <Field label="别名" id={format!("category-slug-{id}")}>
                            <input id={format!("category-slug-{id}")} value={(*slug).clone()} oninput={set_text(&slug)} />
                        </Field>
                        <Field label="上级栏目" id={format!("category-parent-{id}")}>
                            <select id={format!("category-parent-{id}")} onchange={on_parent}>
                                { parent_options(&props.flat, &excluded, *parent) }
                            </select>
                        </Field>
                        <button type="submit" class="button primary">{ "保存" }</button>
                        <button type="button" class="button" onclick={cancel}>{ "取消" }</button>
                    </form>
                </td>
            </tr>
        };
    }
    html! {
        <tr>
            <td style={indent}>{ category.name.clone() }</td>
            <td>{ category.slug.clone() }</td>
            <td class="number">{ category.sort_order }</td>
            <td class="actions">
                <button type="button" class="link-button" aria-label={format!("上移 {label}")}
                    onclick={reorder(true)}>{ "上移" }</button>
                <button type="button" class="link-button" aria-label={format!("下移 {label}")}
                    onclick={reorder(false)}>{ "下移" }</button>
                <button type="button" class="link-button" onclick={open}>{ "修改/移动" }</button>
                <ConfirmButton danger=true question={format!("删除栏目 {label}?")} onconfirm={remove}>
                    { "删除" }
                </ConfirmButton>
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct NewCategoryFormProps {
    flat: Vec<FlatCategory>,
    created: Callback<String>,
}

#[component]
fn NewCategoryForm(props: &NewCategoryFormProps) -> Html {
    let console = use_console();
    let name = use_state(String::new);
    let slug = use_state(String::new);
    let parent = use_state(|| None::<i32>);
    let failure = use_state(|| None::<Failure>);
    let onsubmit = {
        let (name, slug, parent, failure) =
            (name.clone(), slug.clone(), parent.clone(), failure.clone());
        let created = props.created.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let category = NewCategory {
                parent_id: *parent,
                name: name.trim().to_owned(),
                slug: slug.trim().to_owned(),
                description: String::new(),
                sort_order: None,
            };
            let (name, slug, failure, created) =
                (name.clone(), slug.clone(), failure.clone(), created.clone());
            console.run(categories::create(category), move |result| match result {
                Ok(detail) => {
                    name.set(String::new());
                    slug.set(String::new());
                    failure.set(None);
                    created.emit(detail.category.name);
                }
                Err(error) => failure.set(Some(Failure::Api(error))),
            });
        })
    };
    let on_parent = {
        let parent = parent.clone();
        Callback::from(move |event: Event| parent.set(value_of(&event).parse().ok()))
    };
    let errors = &*failure;
    html! {
        <section class="panel">
            <h2 class="panel-title"><span>{ "新建栏目" }</span></h2>
            <form class="inline-form" {onsubmit} novalidate=true>
                <Field label="名称" id="new-category-name" error={field_error(errors, "name")}>
                    <input id="new-category-name" value={(*name).clone()} oninput={set_text(&name)} />
                </Field>
                <Field label="别名(网址)" id="new-category-slug" error={field_error(errors, "slug")}
                    hint="小写字母、数字和连字符,如 xinzhou">
                    <input id="new-category-slug" value={(*slug).clone()} oninput={set_text(&slug)} />
                </Field>
                <Field label="上级栏目" id="new-category-parent" error={field_error(errors, "parent_id")}>
                    <select id="new-category-parent" onchange={on_parent}>
                        { parent_options(&props.flat, &[], *parent) }
                    </select>
                </Field>
                <button type="submit" class="button primary">{ "创建栏目" }</button>
            </form>
            <FormAlert failure={(*failure).clone()} />
        </section>
    }
}
