//! Accounts (admins): create editors, reset passwords, change roles, disable and delete. The
//! server refuses to leave the site without an enabled admin (409), and says so.

use portal_api::{NewUser, Role, User, UserPatch, PASSWORD_MIN_CHARS};
use yew::prelude::*;

use super::form::{
    field_error, prompt, set_text, value_of, ConfirmButton, Failure, Field, FormAlert, Notice,
    NoticeBar,
};
use super::{use_console, use_console_title, use_staff_api};
use crate::components::{error_box, loading, LOADING};
use crate::dates;
use crate::hooks::Remote;
use crate::services::{users, ApiError};

#[component]
pub fn UsersPage() -> Html {
    use_console_title("用户管理");
    let console = use_console();
    let version = use_state(|| 0_u32);
    let notice = use_state(|| None::<Notice>);
    let list = use_staff_api(*version, |_| users::list());
    let reload = {
        let version = version.clone();
        move || version.set(version.wrapping_add(1))
    };
    // Sends a change to one account, then lists again with what happened.
    let change = {
        let (console, notice, reload) = (console.clone(), notice.clone(), reload.clone());
        Callback::from(move |(id, patch, done): (i32, Option<UserPatch>, String)| {
            let (notice, reload) = (notice.clone(), reload.clone());
            let request = async move {
                match patch {
                    Some(patch) => users::update(id, patch).await.map(drop),
                    None => users::delete(id).await,
                }
            };
            console.run(request, move |result: Result<(), ApiError>| {
                notice.set(Some(match result {
                    Ok(()) => Notice::Done(done),
                    Err(error) => Notice::Failed(error),
                }));
                reload();
            });
        })
    };
    let created = {
        let (notice, reload) = (notice.clone(), reload.clone());
        Callback::from(move |user: User| {
            notice.set(Some(Notice::Done(format!("已创建用户 {}", user.username))));
            reload();
        })
    };
    let table = match &list.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&list.retry), Some("用户列表")),
        Remote::Ready(accounts) => html! {
            <table class="data-table users-table">
                <thead>
                    <tr>
                        <th scope="col">{ "用户名" }</th>
                        <th scope="col">{ "角色" }</th>
                        <th scope="col">{ "状态" }</th>
                        <th scope="col">{ "创建时间" }</th>
                        <th scope="col">{ "操作" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for accounts.iter().map(|user| html! {
                        <UserRow key={user.id} user={user.clone()} change={change.clone()}
                            me={user.id == console.user.id} />
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <>
            <section class="panel">
                <h1 class="page-title">{ "用户管理" }</h1>
                <NoticeBar notice={(*notice).clone()} />
                { table }
            </section>
            <NewUserForm {created} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct UserRowProps {
    user: User,
    me: bool,
    change: Callback<(i32, Option<UserPatch>, String)>,
}

#[component]
fn UserRow(props: &UserRowProps) -> Html {
    let console = use_console();
    let user = &props.user;
    let (id, name) = (user.id, user.username.clone());
    let send = |patch: Option<UserPatch>, done: String| {
        let change = props.change.clone();
        Callback::from(move |()| change.emit((id, patch.clone(), done.clone())))
    };
    let reset = {
        let (change, name) = (props.change.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(password) = prompt(&format!(
                "为 {name} 设置新密码(至少 {PASSWORD_MIN_CHARS} 个字符):"
            )) else {
                return;
            };
            let patch = UserPatch {
                password: Some(password),
                ..UserPatch::default()
            };
            change.emit((id, Some(patch), format!("已重置 {name} 的密码")));
        })
    };
    let (role_label, other_role, other_label) = match user.role {
        Role::Admin => ("管理员", Role::Editor, "设为编辑"),
        Role::Editor => ("编辑", Role::Admin, "设为管理员"),
    };
    let toggle_disabled = UserPatch {
        disabled: Some(!user.disabled),
        ..UserPatch::default()
    };
    let role_patch = UserPatch {
        role: Some(other_role),
        ..UserPatch::default()
    };
    html! {
        <tr class={classes!(user.disabled.then_some("disabled"))}>
            <td>{ name.clone() }{ if props.me { " (我)" } else { "" } }</td>
            <td>{ role_label }</td>
            <td>{ if user.disabled { "已停用" } else { "正常" } }</td>
            <td class="nowrap">{ dates::date_time(user.created_at, &console.zone) }</td>
            <td class="actions">
                <button type="button" class="link-button" onclick={reset}>{ "重置密码" }</button>
                <ConfirmButton question={format!("把 {name} {other_label}?")}
                    onconfirm={send(Some(role_patch), format!("{name} 已{other_label}"))}>{ other_label }</ConfirmButton>
                if user.disabled {
                    <ConfirmButton question={format!("启用 {name}?")}
                        onconfirm={send(Some(toggle_disabled), format!("已启用 {name}"))}>{ "启用" }</ConfirmButton>
                } else {
                    <ConfirmButton question={format!("停用 {name}?停用后该账号无法登录。")}
                        onconfirm={send(Some(toggle_disabled), format!("已停用 {name}"))}>{ "停用" }</ConfirmButton>
                }
                <ConfirmButton danger=true question={format!("删除用户 {name}?此操作无法撤销。")}
                    onconfirm={send(None, format!("已删除 {name}"))}>{ "删除" }</ConfirmButton>
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct NewUserFormProps {
    created: Callback<User>,
}

#[component]
fn NewUserForm(props: &NewUserFormProps) -> Html {
    let console = use_console();
    let username = use_state(String::new);
    let password = use_state(String::new);
    let role = use_state(|| Role::Editor);
    let failure = use_state(|| None::<Failure>);
    let onsubmit = {
        let (username, password, role, failure) = (
            username.clone(),
            password.clone(),
            role.clone(),
            failure.clone(),
        );
        let created = props.created.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The server's minimum, checked here too so the editor hears it before sending.
            if password.chars().count() < PASSWORD_MIN_CHARS {
                failure.set(Some(Failure::Form(crate::editorial::FormError {
                    field: "password",
                    message: format!("密码至少 {PASSWORD_MIN_CHARS} 个字符"),
                })));
                return;
            }
            let user = NewUser {
                username: username.trim().to_owned(),
                password: (*password).clone(),
                role: *role,
            };
            let (username, password, failure, created) = (
                username.clone(),
                password.clone(),
                failure.clone(),
                created.clone(),
            );
            console.run(users::create(user), move |result| match result {
                Ok(user) => {
                    username.set(String::new());
                    password.set(String::new());
                    failure.set(None);
                    created.emit(user);
                }
                Err(error) => failure.set(Some(Failure::Api(error))),
            });
        })
    };
    let on_role = {
        let role = role.clone();
        Callback::from(move |event: Event| {
            role.set(Role::parse(&value_of(&event)).unwrap_or(Role::Editor))
        })
    };
    let errors = &*failure;
    html! {
        <section class="panel">
            <h2 class="panel-title"><span>{ "新建用户" }</span></h2>
            <form class="inline-form" {onsubmit} novalidate=true>
                <Field label="用户名" id="new-user-name" error={field_error(errors, "username")}>
                    <input id="new-user-name" name="username" autocomplete="off" value={(*username).clone()}
                        oninput={set_text(&username)} />
                </Field>
                <Field label="初始密码" id="new-user-password" error={field_error(errors, "password")}
                    hint={format!("至少 {PASSWORD_MIN_CHARS} 个字符")}>
                    <input id="new-user-password" name="password" type="password" autocomplete="new-password"
                        value={(*password).clone()} oninput={set_text(&password)} />
                </Field>
                <Field label="角色" id="new-user-role" error={field_error(errors, "role")}>
                    <select id="new-user-role" name="role" onchange={on_role}>
                        <option value="editor" selected={*role == Role::Editor}>{ "编辑" }</option>
                        <option value="admin" selected={*role == Role::Admin}>{ "管理员" }</option>
                    </select>
                </Field>
                <button type="submit" class="button primary">{ "创建用户" }</button>
            </form>
            <FormAlert failure={(*failure).clone()} />
        </section>
    }
}
