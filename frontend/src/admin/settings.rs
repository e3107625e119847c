//! Friend links (the footer's 友情连接) and the site settings (name, footer text, ICP record
//! number, copyright, time zone), for admins.

use portal_api::{FriendLink, FriendLinkPatch, NewFriendLink, SiteSettingsPatch};
use yew::prelude::*;

use super::form::{
    field_error, set_text, value_of, ConfirmButton, Failure, Field, FormAlert, Notice, NoticeBar,
};
use super::{use_console, use_console_title, use_staff_api};
use crate::components::{error_box, loading, LOADING};
use crate::hooks::Remote;
use crate::services::{friend_links, site, ApiError};

#[component]
pub fn FriendLinksPage() -> Html {
    use_console_title("友情链接");
    let version = use_state(|| 0_u32);
    let notice = use_state(|| None::<Notice>);
    let list = use_staff_api(*version, |_| friend_links::list());
    let done = {
        let (notice, version) = (notice.clone(), version.clone());
        Callback::from(move |result: Result<String, ApiError>| {
            notice.set(Some(match result {
                Ok(text) => Notice::Done(text),
                Err(error) => Notice::Failed(error),
            }));
            version.set(version.wrapping_add(1));
        })
    };
    let table = match &list.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&list.retry), Some("友情链接")),
        Remote::Ready(links) => html! {
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{ "名称" }</th>
                        <th scope="col">{ "网址" }</th>
                        <th scope="col" class="number">{ "排序" }</th>
                        <th scope="col">{ "操作" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for links.iter().map(|link| html! {
                        <LinkRow key={link.id} link={link.clone()} done={done.clone()} />
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <>
            <section class="panel">
                <h1 class="page-title">{ "友情链接" }</h1>
                <NoticeBar notice={(*notice).clone()} />
                { table }
            </section>
            <LinkForm link={None::<FriendLink>} done={done.clone()} key={*version} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LinkRowProps {
    link: FriendLink,
    done: Callback<Result<String, ApiError>>,
}

#[component]
fn LinkRow(props: &LinkRowProps) -> Html {
    let console = use_console();
    let editing = use_state(|| false);
    let link = &props.link;
    if *editing {
        let close = {
            let (editing, done) = (editing.clone(), props.done.clone());
            Callback::from(move |result: Result<String, ApiError>| {
                editing.set(false);
                done.emit(result);
            })
        };
        return html! {
            <tr class="editing"><td colspan="4"><LinkForm link={Some(link.clone())} done={close} /></td></tr>
        };
    }
    let (id, name) = (link.id, link.name.clone());
    let remove = {
        let (done, console) = (props.done.clone(), console.clone());
        Callback::from(move |()| {
            let (done, name) = (done.clone(), name.clone());
            console.run(friend_links::delete(id), move |result| {
                done.emit(result.map(|()| format!("已删除 {name}")));
            });
        })
    };
    let open = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    html! {
        <tr>
            <td>{ link.name.clone() }</td>
            <td><a href={link.url.clone()} target="_blank" rel="noopener noreferrer">{ link.url.clone() }</a></td>
            <td class="number">{ link.sort_order }</td>
            <td class="actions">
                <button type="button" class="link-button" onclick={open}>{ "修改" }</button>
                <ConfirmButton danger=true question={format!("删除友情链接 {}?", link.name)} onconfirm={remove}>
                    { "删除" }
                </ConfirmButton>
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct LinkFormProps {
    /// The link to change; `None` adds one.
    link: Option<FriendLink>,
    done: Callback<Result<String, ApiError>>,
}

/// Adds a friend link, or changes one in place.
#[component]
fn LinkForm(props: &LinkFormProps) -> Html {
    let console = use_console();
    let original = props.link.clone();
    let name = use_state(|| {
        original
            .as_ref()
            .map(|link| link.name.clone())
            .unwrap_or_default()
    });
    let url = use_state(|| {
        original
            .as_ref()
            .map(|link| link.url.clone())
            .unwrap_or_default()
    });
    let order = use_state(|| {
        original
            .as_ref()
            .map(|link| link.sort_order.to_string())
            .unwrap_or_default()
    });
    let failure = use_state(|| None::<Failure>);
    let onsubmit = {
        let (name, url, order, failure) =
            (name.clone(), url.clone(), order.clone(), failure.clone());
        let done = props.done.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (failure, done, label) = (failure.clone(), done.clone(), name.trim().to_owned());
            let sort_order = order.trim().parse().ok();
            let finish = move |result: Result<FriendLink, ApiError>| match result {
                Ok(_) => done.emit(Ok(format!("已保存 {label}"))),
                Err(error) => failure.set(Some(Failure::Api(error))),
            };
            match &original {
                Some(link) => console.run(
                    friend_links::update(
                        link.id,
                        FriendLinkPatch {
                            name: Some(name.trim().to_owned()),
                            url: Some(url.trim().to_owned()),
                            sort_order,
                        },
                    ),
                    finish,
                ),
                None => console.run(
                    friend_links::create(NewFriendLink {
                        name: name.trim().to_owned(),
                        url: url.trim().to_owned(),
                        sort_order,
                    }),
                    finish,
                ),
            }
        })
    };
    let prefix = props
        .link
        .as_ref()
        .map(|link| link.id.to_string())
        .unwrap_or_else(|| "new".into());
    let errors = &*failure;
    let form = html! {
        <>
            <form class="inline-form" {onsubmit} novalidate=true>
                <Field label="名称" id={format!("link-name-{prefix}")} error={field_error(errors, "name")}>
                    <input id={format!("link-name-{prefix}")} value={(*name).clone()} oninput={set_text(&name)} />
                </Field>
                <Field label="网址" id={format!("link-url-{prefix}")} error={field_error(errors, "url")}>
                    <input id={format!("link-url-{prefix}")} type="url" placeholder="https://" value={(*url).clone()}
                        oninput={set_text(&url)} />
                </Field>
                <Field label="排序" id={format!("link-order-{prefix}")} error={field_error(errors, "sort_order")}>
                    <input id={format!("link-order-{prefix}")} type="number" value={(*order).clone()}
                        oninput={set_text(&order)} />
                </Field>
                <button type="submit" class="button primary">
                    { if props.link.is_some() { "保存" } else { "添加链接" } }
                </button>
            </form>
            <FormAlert failure={(*failure).clone()} />
        </>
    };
    if props.link.is_some() {
        form
    } else {
        html! {
            <section class="panel">
                <h2 class="panel-title"><span>{ "添加友情链接" }</span></h2>
                { form }
            </section>
        }
    }
}

#[component]
pub fn SitePage() -> Html {
    use_console_title("站点设置");
    let settings = use_staff_api((), |()| site::get());
    match &settings.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&settings.retry), Some("站点设置")),
        Remote::Ready(current) => html! { <SiteForm current={(**current).clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct SiteFormProps {
    current: portal_api::SiteSettings,
}

#[component]
fn SiteForm(props: &SiteFormProps) -> Html {
    let console = use_console();
    let current = &props.current;
    let fields = use_state(|| {
        [
            current.site_name.clone(),
            current.footer_text.clone(),
            current.icp_number.clone(),
            current.copyright.clone(),
            current.timezone.clone(),
        ]
    });
    let failure = use_state(|| None::<Failure>);
    let notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (fields, failure, notice) = (fields.clone(), failure.clone(), notice.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let [site_name, footer_text, icp_number, copyright, timezone] = (*fields).clone();
            let patch = SiteSettingsPatch {
                site_name: Some(site_name),
                footer_text: Some(footer_text),
                icp_number: Some(icp_number),
                copyright: Some(copyright),
                timezone: Some(timezone),
            };
            let (failure, notice) = (failure.clone(), notice.clone());
            console.run(site::update(patch), move |result| match result {
                Ok(_) => {
                    failure.set(None);
                    notice.set(Some(Notice::Done("站点设置已保存".into())));
                }
                Err(error) => {
                    notice.set(None);
                    failure.set(Some(Failure::Api(error)));
                }
            });
        })
    };
    let rows = [
        ("site_name", "站点名称", ""),
        ("footer_text", "页脚文字", ""),
        ("icp_number", "ICP 备案号", "如 鄂ICP备12345678号"),
        ("copyright", "版权信息", ""),
        ("timezone", "时区", "IANA 名称,如 Asia/Shanghai"),
    ];
    let inputs = rows
        .into_iter()
        .enumerate()
        .map(|(index, (field, label, hint))| {
            let oninput = {
                let fields = fields.clone();
                Callback::from(move |event: InputEvent| {
                    let mut next = (*fields).clone();
                    next[index] = value_of(&event);
                    fields.set(next);
                })
            };
            let id = format!("site-{field}");
            html! {
                <Field label={label} id={id.clone()} error={field_error(&failure, field)}
                    hint={(!hint.is_empty()).then_some(AttrValue::Static(hint))}>
                    <input id={id} name={field} value={fields[index].clone()} {oninput} />
                </Field>
            }
        });
    html! {
        <section class="panel">
            <h1 class="page-title">{ "站点设置" }</h1>
            <form class="site-form" {onsubmit} novalidate=true>
                { for inputs }
                <NoticeBar notice={(*notice).clone()} />
                <FormAlert failure={(*failure).clone()} />
                <button type="submit" class="button primary">{ "保存设置" }</button>
            </form>
        </section>
    }
}
