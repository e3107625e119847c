//! An article page: breadcrumb, title, publish time and view count, font size and print tools,
//! the body, previous/next links and related articles. Opening the page sends the view beacon
//! once, and the count shown is the one the beacon answers (this view included).

use std::rc::Rc;

use portal_api::{
    file_type_label, size_label, Article, ArticleLink, ArticleListQuery, ArticlePage as ListPage,
    ArticleSort, Attachment,
};
use yew::prelude::*;

use crate::app::Route;
use crate::breadcrumb;
use crate::components::{article_list, breadcrumb, error_box, href, loading, LOADING};
use crate::dates;
use crate::font_size::FontSize;
use crate::hooks::{use_api, use_document_title, use_font_size, use_get, Remote};
use crate::pages::NotFound;
use crate::services::articles;
use crate::state::{use_portal, use_section};

/// Related articles listed under the body.
const RELATED: usize = 6;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub id: i32,
}

#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let article = use_get::<Article>(Some(articles::url(props.id)));
    use_section(
        article
            .state
            .ready()
            .map(|article| article.category.slug.clone()),
    );
    match &article.state {
        Remote::Loading => loading("正在加载文章…"),
        Remote::Failed(error) if error.is_not_found() => html! { <NotFound /> },
        Remote::Failed(error) => error_box(error, Some(&article.retry), Some("文章")),
        Remote::Ready(found) => html! { <ArticleView article={Rc::clone(found)} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ArticleViewProps {
    article: Rc<Article>,
}

#[component]
fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let zone = use_portal().zone();
    use_document_title(Some(article.title.clone()));
    // Keyed on the id: one view per article opened, none for re-renders.
    let views = use_api(article.id, articles::record_view);
    let (size, choose_size) = use_font_size();

    let hits = match &views.state {
        // The count when the page was read, until the beacon answers with this view's.
        Remote::Loading => html! { <span class="hits counting">{ article.hits }</span> },
        Remote::Ready(recorded) => html! { <span class="hits">{ recorded.hits }</span> },
        // The count could not be recorded: show the last known one, marked as such.
        Remote::Failed(error) => html! {
            <span class="hits stale" title={format!("浏览次数暂未更新: {}", error.detail())}>
                { article.hits }
            </span>
        },
    };
    let size_buttons = FontSize::ALL.into_iter().map(|choice| {
        let onclick = {
            let choose_size = choose_size.clone();
            Callback::from(move |_: MouseEvent| choose_size.emit(choice))
        };
        let pressed = size == choice;
        html! {
            <button type="button" class={classes!("size", pressed.then_some("selected"))}
                aria-pressed={pressed.to_string()} aria-label={choice.description()} {onclick}>
                { choice.label() }
            </button>
        }
    });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // Printing can be refused (kiosk modes); there is nothing to tell the reader then.
            let _ = window.print();
        }
    });
    let meta_source = (!article.source.is_empty()).then(|| {
        html! { <span class="meta-item">{ format!("来源: {}", article.source) }</span> }
    });

    html! {
        <>
            { breadcrumb(&breadcrumb::trail(&article.category_path, false)) }
            <article class="panel article" aria-labelledby="article-title">
                <header class="article-header">
                    <h1 id="article-title">{ article.title.clone() }</h1>
                    <p class="article-meta">
                        if let Some(at) = article.published_at {
                            <span class="meta-item published">
                                { "发布时间: " }
                                <time datetime={dates::iso(at)}>{ dates::date_time(at, &zone) }</time>
                            </span>
                        }
                        <span class="meta-item views">{ "浏览次数: " }{ hits }</span>
                        { for meta_source }
                    </p>
                    <div class="article-tools">
                        <div class="font-switch" role="group" aria-label="字号">
                            <span aria-hidden="true">{ "字号:" }</span>
                            { for size_buttons }
                        </div>
                        <button type="button" class="tool print-button" onclick={print}>{ "打印本页" }</button>
                    </div>
                </header>
                <div class={classes!("article-body", size.class())}>
                    { Html::from_html_unchecked(AttrValue::from(article.body.clone())) }
                </div>
                { attachments(&article.attachments) }
                <nav class="prev-next" aria-label="上一篇和下一篇">
                    { neighbour("上一篇", article.previous.as_ref()) }
                    { neighbour("下一篇", article.next.as_ref()) }
                </nav>
            </article>
            <Related category={article.category.slug.clone()} exclude={article.id} />
        </>
    }
}

/// The files listed under the text (附件): each a download under its own name, with its type
/// and size so a reader on a phone knows what a tap costs.
fn attachments(files: &[Attachment]) -> Html {
    if files.is_empty() {
        return Html::default();
    }
    html! {
        <section class="attachments" aria-labelledby="attachments-title">
            <h2 id="attachments-title">{ "附件" }</h2>
            <ol>
                { for files.iter().map(|file| html! {
                    <li>
                        <a href={file.url.clone()} download={file.file_name.clone()}>{ file.file_name.clone() }</a>
                        <span class="muted">
                            { format!("（{}，{}）", file_type_label(&file.content_type), size_label(file.size)) }
                        </span>
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn neighbour(label: &str, link: Option<&ArticleLink>) -> Html {
    html! {
        <p>
            <span class="neighbour-label">{ format!("{label}: ") }</span>
            if let Some(link) = link {
                <a href={href(&Route::Article { id: link.id }, &[])}>{ link.title.clone() }</a>
            } else {
                <span class="muted">{ "没有了" }</span>
            }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct RelatedProps {
    category: String,
    exclude: i32,
}

/// The newest other articles of the same category.
#[component]
fn Related(props: &RelatedProps) -> Html {
    let zone = use_portal().zone();
    let related = use_get::<ListPage>(Some(articles::list_url(&ArticleListQuery {
        category: Some(props.category.clone()),
        include_descendants: Some(false),
        sort: Some(ArticleSort::Newest),
        // One more than shown, in case the article itself is among them.
        per_page: Some(RELATED as u32 + 1),
        ..ArticleListQuery::default()
    })));
    let content = match &related.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&related.retry), Some("相关文章")),
        Remote::Ready(page) => {
            let items: Vec<_> = page
                .items
                .iter()
                .filter(|item| item.id != props.exclude)
                .take(RELATED)
                .cloned()
                .collect();
            article_list(&items, "暂无相关文章", &zone)
        }
    };
    html! {
        <section class="panel related" aria-labelledby="related-title">
            <h2 class="panel-title" id="related-title"><span>{ "相关文章" }</span></h2>
            { content }
        </section>
    }
}
