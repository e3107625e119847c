//! The portal's browser client. For now it shows the site's name, its top-level categories and
//! its footer, read from the public API, so the build and hosting pipeline is exercised end to
//! end; the full portal grows from here.

use gloo_net::http::Request;
use portal_api::{CategoryNode, SiteSettings};
use serde::de::DeserializeOwned;
use yew::prelude::*;

/// GETs `path` from the API and decodes the JSON body.
async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, String> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|error| format!("网络错误: {error}"))?;
    if !response.ok() {
        return Err(format!("服务器返回 {}", response.status()));
    }
    response
        .json::<T>()
        .await
        .map_err(|error| format!("无法读取数据: {error}"))
}

/// Loads `path` once and keeps the outcome; `None` while loading.
#[hook]
fn use_api<T: DeserializeOwned + 'static>(
    path: &'static str,
) -> UseStateHandle<Option<Result<T, String>>> {
    let state = use_state(|| None);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(Some(get_json::<T>(path).await));
            });
        });
    }
    state
}

#[component]
fn App() -> Html {
    let site = use_api::<SiteSettings>("/api/v1/site");
    let categories = use_api::<Vec<CategoryNode>>("/api/v1/categories");

    let site_name = match &*site {
        Some(Ok(site)) => site.site_name.clone(),
        Some(Err(_)) | None => "普法网".to_owned(),
    };
    let navigation = match &*categories {
        None => html! { <span>{ "加载中…" }</span> },
        Some(Err(error)) => html! { <span class="error">{ error.clone() }</span> },
        Some(Ok(tree)) => tree
            .iter()
            .map(|node| {
                let href = format!("/category/{}", node.slug);
                html! { <a key={node.id} href={href}>{ node.name.clone() }</a> }
            })
            .collect::<Html>(),
    };
    let footer = match &*site {
        Some(Ok(site)) => html! {
            <>
                <p>{ site.copyright.clone() }</p>
                <p>{ site.icp_number.clone() }</p>
            </>
        },
        Some(Err(error)) => html! { <p class="error">{ error.clone() }</p> },
        None => html! {},
    };

    html! {
        <>
            <header class="site"><h1>{ site_name }</h1></header>
            <nav class="main" aria-label="栏目导航">{ navigation }</nav>
            <main>
                <p>{ "门户页面正在建设中。接口文档: " }<a href="/docs/">{ "/docs/" }</a></p>
            </main>
            <footer class="site">{ footer }</footer>
        </>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
