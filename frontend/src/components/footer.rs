//! The page footer: 友情连接 (the friend links, opening in a new tab), the footer text, the
//! copyright line and the ICP record number, all from the API.

use yew::prelude::*;

use crate::hooks::Remote;
use crate::state::use_portal;

/// Where ICP record numbers are looked up; the law asks sites to link their number there.
const ICP_LOOKUP: &str = "https://beian.miit.gov.cn/";

#[component]
pub fn Footer() -> Html {
    let portal = use_portal();
    let links = match &portal.friend_links {
        Remote::Loading => html! { <p class="footer-note">{ "正在加载…" }</p> },
        Remote::Failed(error) => {
            html! { <p class="footer-note">{ format!("友情连接加载失败: {}", error.headline()) }</p> }
        }
        Remote::Ready(links) if links.is_empty() => html! {},
        Remote::Ready(links) => html! {
            <ul>
                { for links.iter().map(|link| html! {
                    <li key={link.id}>
                        <a href={link.url.clone()} target="_blank" rel="noopener noreferrer">{ link.name.clone() }</a>
                    </li>
                }) }
            </ul>
        },
    };
    let info = match &portal.site {
        Remote::Ready(site) => html! {
            <>
                if !site.footer_text.is_empty() {
                    <p>{ site.footer_text.clone() }</p>
                }
                <p>
                    { site.copyright.clone() }
                    if !site.icp_number.is_empty() {
                        <span class="footer-sep" aria-hidden="true">{ " | " }</span>
                        <a href={ICP_LOOKUP} target="_blank" rel="noopener noreferrer">{ site.icp_number.clone() }</a>
                    }
                </p>
            </>
        },
        Remote::Failed(error) => {
            html! { <p>{ format!("站点信息加载失败: {}", error.headline()) }</p> }
        }
        Remote::Loading => html! {},
    };
    html! {
        <footer class="site-footer">
            <section class="friend-links" aria-labelledby="friend-links-title">
                <div class="wrap">
                    <h2 id="friend-links-title">{ "友情连接" }</h2>
                    { links }
                </div>
            </section>
            <div class="site-info">
                <div class="wrap">{ info }</div>
            </div>
        </footer>
    }
}
