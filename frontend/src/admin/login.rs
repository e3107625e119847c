//! The login form. A wrong password is answered in words; after five failures the server
//! throttles (429) and the form says to wait.

use portal_api::{LoginRequest, TokenResponse};
use yew::prelude::*;

use super::form::{set_text, Field};
use crate::hooks::use_document_title;
use crate::services::{auth, ApiError};

#[derive(Properties, PartialEq)]
pub struct LoginPageProps {
    pub on_login: Callback<TokenResponse>,
    /// Why the editor is here again (an expired session).
    #[prop_or_default]
    pub notice: Option<AttrValue>,
}

fn explain(error: &ApiError) -> String {
    match error {
        ApiError::Status { status: 401, .. } => "用户名或密码错误。".to_owned(),
        ApiError::Status { status: 429, .. } => "登录失败次数过多,请稍等几分钟后再试。".to_owned(),
        other => other.headline().to_owned(),
    }
}

#[component]
pub fn LoginPage(props: &LoginPageProps) -> Html {
    use_document_title(Some(format!("登录 - {}", portal_api::CONSOLE_TITLE)));
    let username = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (username, password, error, busy) = (
            username.clone(),
            password.clone(),
            error.clone(),
            busy.clone(),
        );
        let on_login = props.on_login.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let request = LoginRequest {
                username: username.trim().to_owned(),
                password: (*password).clone(),
            };
            let (error, busy, on_login) = (error.clone(), busy.clone(), on_login.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = auth::login(request).await;
                busy.set(false);
                match result {
                    Ok(token) => on_login.emit(token),
                    Err(failure) => error.set(Some(explain(&failure))),
                }
            });
        })
    };
    let on_username = set_text(&username);
    let on_password = set_text(&password);
    html! {
        <main id="main" class="login-page">
            <form class="panel login" {onsubmit}>
                <h1 class="page-title">{ "管理后台登录" }</h1>
                if let Some(notice) = &props.notice {
                    <p class="notice" role="status">{ notice.clone() }</p>
                }
                <Field label="用户名" id="login-username">
                    <input id="login-username" name="username" autocomplete="username" required=true
                        value={(*username).clone()} oninput={on_username} />
                </Field>
                <Field label="密码" id="login-password">
                    <input id="login-password" name="password" type="password" autocomplete="current-password"
                        required=true value={(*password).clone()} oninput={on_password} />
                </Field>
                if let Some(error) = &*error {
                    <p class="error-box error-headline" role="alert">{ error.clone() }</p>
                }
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { "正在登录…" } else { "登录" } }
                </button>
                <p class="muted"><a href="/">{ "← 返回网站首页" }</a></p>
            </form>
        </main>
    }
}
