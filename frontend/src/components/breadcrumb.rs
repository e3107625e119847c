//! `您当前所在的位置: 主页 > 普法动态 > 新洲区`, each level a link.

use yew::prelude::*;

use crate::breadcrumb::Crumb;
use crate::components::{aria_current, href};

pub fn breadcrumb(crumbs: &[Crumb]) -> Html {
    let levels = crumbs.iter().enumerate().map(|(index, crumb)| {
        html! {
            <li>
                if index > 0 {
                    <span class="separator" aria-hidden="true">{ " > " }</span>
                }
                <a href={href(&crumb.route, &[])} aria-current={aria_current(crumb.current)}>
                    { crumb.label.clone() }
                </a>
            </li>
        }
    });
    html! {
        <nav class="breadcrumb" aria-label="当前位置">
            <span class="breadcrumb-label">{ "您当前所在的位置: " }</span>
            <ol>{ for levels }</ol>
        </nav>
    }
}
