//! Writing and editing an article: title, category (a tree picker), source and author,
//! summary, the body in a rich-text editor (bold, headings, lists, links; the server sanitises
//! the HTML), publish now / schedule / draft, pinned, and a preview in the portal's own style.
//! Every keystroke is kept in `localStorage` until the article is saved, so an expired login
//! or a closed tab loses nothing.

use std::rc::Rc;

use portal_api::{
    file_type_label, size_label, Article, Attachment, Media, MediaKind, ARTICLE_BYLINE_MAX_CHARS,
    ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use super::form::{checked_of, field_error, value_of, Failure, Field, FormAlert};
use super::{use_console, use_console_title, use_staff_api, AdminRoute};
use crate::components::{error_box, loading};
use crate::dates;
use crate::editorial::{draft_key, ArticleForm, Publish};
use crate::embed;
use crate::hooks::Remote;
use crate::sections;
use crate::services::{articles, categories, media};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_draft(key: &str) -> Option<ArticleForm> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn save_draft(key: &str, form: &ArticleForm) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(form)) {
        // A full or refused storage only loses the safety net, not the form.
        let _ = storage.set_item(key, &text);
    }
}

fn clear_draft(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorPageProps {
    /// The article to edit; `None` writes a new one.
    #[prop_or_default]
    pub id: Option<i32>,
}

#[component]
pub fn EditorPage(props: &EditorPageProps) -> Html {
    use_console_title(if props.id.is_some() {
        "编辑文章"
    } else {
        "写文章"
    });
    let article = use_staff_api(props.id, |id| async move {
        match id {
            Some(id) => articles::get(id).await.map(Some),
            None => Ok(None),
        }
    });
    match &article.state {
        Remote::Loading => loading("正在加载文章…"),
        Remote::Failed(error) => error_box(error, Some(&article.retry), Some("文章")),
        Remote::Ready(original) => {
            let original = original.as_ref().clone().map(Rc::new);
            html! { <ArticleEditor key={props.id.unwrap_or(0)} {original} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct ArticleEditorProps {
    original: Option<Rc<Article>>,
}

#[component]
fn ArticleEditor(props: &ArticleEditorProps) -> Html {
    let console = use_console();
    let navigator = use_navigator();
    let key = draft_key(props.original.as_ref().map(|article| article.id));
    let baseline = use_memo(props.original.clone(), |original| match original {
        Some(article) => ArticleForm::from_article(article, &console.zone, dates::now()),
        None => ArticleForm::default(),
    });
    let restored = use_state(|| load_draft(&key).filter(|draft| draft != &*baseline));
    let form = use_state(|| (*restored).clone().unwrap_or_else(|| (*baseline).clone()));
    // Changes when the body is replaced from outside the editor (a discarded draft).
    let body_version = use_state(|| 0_u32);
    let failure = use_state(|| None::<Failure>);
    let busy = use_state(|| false);
    let preview = use_state(|| false);
    let tree = use_staff_api((), |()| categories::tree());

    {
        let (key, baseline) = (key.clone(), baseline.clone());
        use_effect_with((*form).clone(), move |form| {
            if form == &*baseline {
                clear_draft(&key);
            } else {
                save_draft(&key, form);
            }
        });
    }

    let edit = |apply: fn(&mut ArticleForm, String)| {
        let form = form.clone();
        Callback::from(move |event: InputEvent| {
            let mut next = (*form).clone();
            apply(&mut next, value_of(&event));
            form.set(next);
        })
    };
    let change = |apply: fn(&mut ArticleForm, &Event)| {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let mut next = (*form).clone();
            apply(&mut next, &event);
            form.set(next);
        })
    };
    let on_body = {
        let form = form.clone();
        Callback::from(move |body: String| {
            form.set(ArticleForm {
                body,
                ..(*form).clone()
            })
        })
    };
    let on_attachment = {
        let form = form.clone();
        Callback::from(move |uploaded: Media| {
            let mut next = (*form).clone();
            if !next.attachments.iter().any(|file| file.id == uploaded.id) {
                next.attachments.push(Attachment {
                    id: uploaded.id,
                    kind: uploaded.kind,
                    url: uploaded.url,
                    file_name: uploaded.file_name,
                    content_type: uploaded.content_type,
                    size: uploaded.size,
                });
            }
            form.set(next);
        })
    };
    let reorder = |edit: fn(&mut Vec<Attachment>, usize)| {
        let form = form.clone();
        move |index: usize| {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*form).clone();
                edit(&mut next.attachments, index);
                form.set(next);
            })
        }
    };
    let move_up = reorder(|files, index| {
        if index > 0 {
            files.swap(index - 1, index);
        }
    });
    let remove = reorder(|files, index| {
        if index < files.len() {
            files.remove(index);
        }
    });
    let discard = {
        let (form, restored, baseline, body_version) = (
            form.clone(),
            restored.clone(),
            baseline.clone(),
            body_version.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            form.set((*baseline).clone());
            restored.set(None);
            body_version.set(body_version.wrapping_add(1));
        })
    };
    let toggle_preview = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(!*preview))
    };

    let onsubmit = {
        let (form, failure, busy) = (form.clone(), failure.clone(), busy.clone());
        let original = props.original.clone();
        let console = console.clone();
        let key = key.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let now = dates::now();
            let request = match &original {
                Some(article) => form
                    .to_patch(article, &console.zone, now)
                    .map(|patch| (Some(article.id), None, Some(patch))),
                None => form
                    .to_new(&console.zone, now)
                    .map(|new| (None, Some(new), None)),
            };
            let (id, new, patch) = match request {
                Ok(request) => request,
                Err(error) => {
                    failure.set(Some(Failure::Form(error)));
                    return;
                }
            };
            busy.set(true);
            let (failure, busy, navigator, key) = (
                failure.clone(),
                busy.clone(),
                navigator.clone(),
                key.clone(),
            );
            let save = async move {
                match (id, new, patch) {
                    (Some(id), _, Some(patch)) => articles::update(id, patch).await,
                    (_, Some(new), _) => articles::create(new).await,
                    // `to_patch` and `to_new` give one of the two.
                    _ => Err(crate::services::ApiError::Decode("nothing to save".into())),
                }
            };
            console.run(save, move |result| {
                busy.set(false);
                match result {
                    Ok(_) => {
                        clear_draft(&key);
                        if let Some(navigator) = navigator {
                            navigator.push(&AdminRoute::Articles);
                        }
                    }
                    Err(error) if !error.is_unauthorized() => {
                        failure.set(Some(Failure::Api(error)));
                    }
                    // Logged out: the draft stays in storage for after the login.
                    Err(_) => {}
                }
            });
        })
    };

    let errors = &*failure;
    let flat = tree
        .state
        .ready()
        .map(|tree| sections::flatten(tree))
        .unwrap_or_default();
    let category_name = flat
        .iter()
        .find(|category| Some(category.id) == form.category_id)
        .map(|category| category.name.clone())
        .unwrap_or_default();
    let category_options = flat.iter().map(|category| {
        html! {
            <option value={category.id.to_string()} selected={form.category_id == Some(category.id)}>
                { category.indented() }
            </option>
        }
    });
    let publish_choice = |value: Publish, label: &'static str| {
        let onchange = {
            let form = form.clone();
            Callback::from(move |_: Event| {
                form.set(ArticleForm {
                    publish: value,
                    ..(*form).clone()
                })
            })
        };
        html! {
            <label class="choice">
                <input type="radio" name="publish" checked={form.publish == value} {onchange} />
                { label }
            </label>
        }
    };
    let title = if props.original.is_some() {
        "编辑文章"
    } else {
        "写文章"
    };

    html! {
        <section class="panel editor">
            <div class="console-head">
                <h1 class="page-title">{ title }</h1>
                <button type="button" class="button" aria-pressed={preview.to_string()} onclick={toggle_preview}>
                    { if *preview { "返回编辑" } else { "预览" } }
                </button>
            </div>
            if restored.is_some() {
                <p class="notice" role="status">
                    { "已恢复上次未保存的内容。" }
                    <button type="button" class="link-button" onclick={discard}>{ "丢弃未保存的修改" }</button>
                </p>
            }
            if *preview {
                <Preview form={(*form).clone()} {category_name} />
            }
            <form class="article-form" hidden={*preview} {onsubmit} novalidate=true>
                <Field label="标题" id="article-title-input" error={field_error(errors, "title")}>
                    <input id="article-title-input" name="title"
                        maxlength={ARTICLE_TITLE_MAX_CHARS.to_string()} value={form.title.clone()}
                        oninput={edit(|form, value| form.title = value)} />
                </Field>
                <div class="field-row">
                    <Field label="栏目" id="article-category" error={field_error(errors, "category_id")}>
                        <select id="article-category" name="category_id"
                            onchange={change(|form, event| form.category_id = value_of(event).parse().ok())}>
                            <option value="" selected={form.category_id.is_none()}>{ "请选择栏目" }</option>
                            { for category_options }
                        </select>
                    </Field>
                    <Field label="来源" id="article-source" error={field_error(errors, "source")}>
                        <input id="article-source" name="source"
                            maxlength={ARTICLE_BYLINE_MAX_CHARS.to_string()} value={form.source.clone()}
                            oninput={edit(|form, value| form.source = value)} />
                    </Field>
                    <Field label="作者" id="article-author" error={field_error(errors, "author")}>
                        <input id="article-author" name="author"
                            maxlength={ARTICLE_BYLINE_MAX_CHARS.to_string()} value={form.author.clone()}
                            oninput={edit(|form, value| form.author = value)} />
                    </Field>
                </div>
                <Field label="摘要" id="article-summary" error={field_error(errors, "summary")}
                    hint="可不填:留空时由正文开头自动生成。">
                    <textarea id="article-summary" name="summary" rows="2"
                        maxlength={ARTICLE_SUMMARY_MAX_CHARS.to_string()} value={form.summary.clone()}
                        oninput={edit(|form, value| form.summary = value)} />
                </Field>
                <Field label="正文" id="article-body" error={field_error(errors, "body")}>
                    <RichText id="article-body" value={form.body.clone()} version={*body_version} onchange={on_body}
                        {on_attachment} />
                </Field>
                <fieldset class={classes!("attachment-list", field_error(errors, "attachments").is_some().then_some("invalid"))}>
                    <legend>{ "附件" }</legend>
                    if form.attachments.is_empty() {
                        <p class="muted">{ "没有附件。用正文工具栏的“图片/附件”上传 PDF、Word、Excel 等文件,它们会列在文章末尾。" }</p>
                    } else {
                        <ol>
                            { for form.attachments.iter().enumerate().map(|(index, file)| html! {
                                <li>
                                    <a href={file.url.clone()} target="_blank" rel="noopener">{ file.file_name.clone() }</a>
                                    <span class="muted">
                                        { format!(" ({},{})", file_type_label(&file.content_type), size_label(file.size)) }
                                    </span>
                                    if index > 0 {
                                        <button type="button" class="link-button" onclick={move_up(index)}
                                            aria-label={format!("上移附件「{}」", file.file_name)}>{ "上移" }</button>
                                    }
                                    <button type="button" class="link-button" onclick={remove(index)}
                                        aria-label={format!("移除附件「{}」", file.file_name)}>{ "移除" }</button>
                                </li>
                            }) }
                        </ol>
                    }
                    if let Some(error) = field_error(errors, "attachments") {
                        <p class="field-error" role="alert">{ error }</p>
                    }
                </fieldset>
                <fieldset class={classes!("publish", field_error(errors, "published_at").is_some().then_some("invalid"))}>
                    <legend>{ "发布" }</legend>
                    { publish_choice(Publish::Draft, "保存为草稿") }
                    { publish_choice(Publish::Now, "立即发布") }
                    { publish_choice(Publish::Schedule, "定时发布") }
                    if form.publish == Publish::Schedule {
                        <label class="choice">
                            <span class="visually-hidden">{ "发布时间" }</span>
                            <input type="datetime-local" name="published_at" aria-label="定时发布时间"
                                value={form.scheduled_at.clone()}
                                oninput={edit(|form, value| form.scheduled_at = value)} />
                            <span class="muted">{ format!("({})", console.zone.name()) }</span>
                        </label>
                    }
                    if let Some(error) = field_error(errors, "published_at") {
                        <p class="field-error" role="alert">{ error }</p>
                    }
                    <label class="choice pin">
                        <input type="checkbox" name="pinned" checked={form.pinned}
                            onchange={change(|form, event| form.pinned = checked_of(event))} />
                        { "置顶(显示在首页头条)" }
                    </label>
                </fieldset>
                <FormAlert failure={(*failure).clone()} />
                <div class="form-actions">
                    <button type="submit" class="button primary" disabled={*busy}>
                        { if *busy { "正在保存…" } else { "保存" } }
                    </button>
                    <Link<AdminRoute> to={AdminRoute::Articles} classes="button">{ "返回列表" }</Link<AdminRoute>>
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RichTextProps {
    id: AttrValue,
    value: String,
    /// The editor takes `value` when it mounts and whenever this changes; otherwise the
    /// browser owns the content (re-setting it would move the caret on every keystroke).
    version: u32,
    onchange: Callback<String>,
    /// An uploaded attachment (附件), for the list under the text; images go into the text.
    on_attachment: Callback<Media>,
}

/// Puts `html` (whole paragraphs) after the paragraph that holds the caret, or at the end of
/// the text when the caret is elsewhere. Not through `insertHTML`: Chrome would pour the
/// paragraphs into the current one (a list item, say) with copied inline styles.
fn insert_html(area: &NodeRef, html: &str) {
    let Some(element) = area.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let area_node: &web_sys::Node = element.as_ref();
    let mut block = web_sys::window()
        .and_then(|window| window.get_selection().ok().flatten())
        .and_then(|selection| selection.anchor_node())
        .filter(|node| element.contains(Some(node)) && !node.is_same_node(Some(area_node)));
    // Up to the editor's own child.
    while let Some(node) = block.clone() {
        match node.parent_node() {
            Some(parent) if parent.is_same_node(Some(area_node)) => break,
            parent => block = parent,
        }
    }
    let inserted = match block.and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
        Some(paragraph) => {
            let _ = paragraph.insert_adjacent_html("afterend", html);
            paragraph.next_element_sibling()
        }
        None => {
            let _ = element.insert_adjacent_html("beforeend", html);
            element.last_element_child()
        }
    };
    // The caret goes after what came in, so the next file follows it rather than preceding it.
    let selection = web_sys::window().and_then(|window| window.get_selection().ok().flatten());
    if let (Some(selection), Some(inserted)) = (selection, inserted) {
        let _ = element.focus();
        let _ = selection.select_all_children(&inserted);
        let _ = selection.collapse_to_end();
    }
}

/// A `contenteditable` editor with a small toolbar. The browser's editing commands write the
/// HTML; the server sanitises whatever arrives. Images and attachments are uploaded from the
/// toolbar or dropped onto the text, and go in where the caret is.
#[component]
fn RichText(props: &RichTextProps) -> Html {
    let area = use_node_ref();
    let picker = use_node_ref();
    let console = use_console();
    // What the last upload did, read out to screen readers.
    let upload_status = use_state(|| None::<String>);
    // The file on its way and how much of it has gone, in percent.
    let upload_progress = use_state(|| None::<(String, u32)>);
    {
        let (area, value) = (area.clone(), props.value.clone());
        use_effect_with(props.version, move |_| {
            if let Some(element) = area.cast::<web_sys::Element>() {
                element.set_inner_html(&value);
            }
        });
    }
    let emit = {
        let (area, onchange) = (area.clone(), props.onchange.clone());
        move || {
            if let Some(element) = area.cast::<web_sys::Element>() {
                onchange.emit(element.inner_html());
            }
        }
    };
    let command = |name: &'static str, value: &'static str| {
        let (area, emit) = (area.clone(), emit.clone());
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            let value = if name == "createLink" {
                match super::form::prompt("链接地址(以 https:// 开头):") {
                    Some(url) if !url.trim().is_empty() => url.trim().to_owned(),
                    _ => return,
                }
            } else {
                value.to_owned()
            };
            if let Some(element) = area.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
            let document = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.dyn_into::<web_sys::HtmlDocument>().ok());
            if let Some(document) = document {
                // `execCommand` is deprecated but still the only editing API every browser
                // ships; it keeps undo working, which hand-made DOM edits would not.
                let _ = document.exec_command_with_show_ui_and_value(name, false, &value);
            }
            emit();
        })
    };
    let oninput = {
        let emit = emit.clone();
        Callback::from(move |_: InputEvent| emit())
    };
    let upload = {
        let (area, emit, status) = (area.clone(), emit.clone(), upload_status.clone());
        let progress = upload_progress.clone();
        let on_attachment = props.on_attachment.clone();
        Rc::new(move |files: Vec<web_sys::File>| {
            for file in files {
                let name = file.name();
                let alt = if file.type_().starts_with("image/") {
                    match super::media::ask_alt_text(&name) {
                        Some(alt) => alt,
                        None => {
                            status.set(Some(format!("未插入「{name}」:图片需要替代文字。")));
                            continue;
                        }
                    }
                } else {
                    String::new()
                };
                status.set(Some(format!("正在上传「{name}」…")));
                let (area, emit, status) = (area.clone(), emit.clone(), status.clone());
                let on_attachment = on_attachment.clone();
                let sending = {
                    let (progress, name) = (progress.clone(), name.clone());
                    move |percent: u32| progress.set(Some((name.clone(), percent)))
                };
                let progress = progress.clone();
                console.run(
                    async move { media::upload(&file, &alt, sending).await },
                    move |result| {
                        progress.set(None);
                        match result {
                            Ok(uploaded) => {
                                let done = match uploaded.kind {
                                    MediaKind::Image => {
                                        insert_html(&area, &embed::image(&uploaded));
                                        emit();
                                        "已插入"
                                    }
                                    MediaKind::Attachment => "已加入文末附件列表:",
                                };
                                status.set(Some(format!(
                                    "{done}「{}」({})。",
                                    uploaded.file_name,
                                    size_label(uploaded.size)
                                )));
                                if uploaded.kind == MediaKind::Attachment {
                                    on_attachment.emit(uploaded);
                                }
                            }
                            Err(error) => {
                                status.set(Some(format!("「{name}」上传失败:{}", error.headline())))
                            }
                        }
                    },
                );
            }
        })
    };
    let open_picker = {
        let picker = picker.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(input) = picker.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_pick = {
        let upload = upload.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            upload(super::media::files_of(input.files()));
            // The same file can be chosen again.
            input.set_value("");
        })
    };
    let ondragover = Callback::from(move |event: DragEvent| {
        if super::media::carries_files(&event) {
            event.prevent_default();
        }
    });
    let ondrop = Callback::from(move |event: DragEvent| {
        let files =
            super::media::files_of(event.data_transfer().and_then(|transfer| transfer.files()));
        if !files.is_empty() {
            event.prevent_default();
            upload(files);
        }
    });
    let tools = [
        ("bold", "", "B", "加粗"),
        ("italic", "", "I", "斜体"),
        ("formatBlock", "<h2>", "H2", "大标题"),
        ("formatBlock", "<h3>", "H3", "小标题"),
        ("formatBlock", "<p>", "¶", "正文段落"),
        ("insertUnorderedList", "", "• 列表", "项目列表"),
        ("insertOrderedList", "", "1. 列表", "编号列表"),
        ("createLink", "", "链接", "插入链接"),
        ("unlink", "", "取消链接", "取消链接"),
        ("removeFormat", "", "清除格式", "清除格式"),
    ];
    html! {
        <div class="rich-text">
            <div class="toolbar" role="toolbar" aria-label="正文格式">
                { for tools.into_iter().map(|(name, value, label, title)| html! {
                    <button type="button" class="tool" title={title} aria-label={title}
                        onmousedown={command(name, value)}>{ label }</button>
                }) }
                <button type="button" class="tool" title="上传图片(插入到光标处)或附件(列在文末);也可把文件拖进正文"
                    onclick={open_picker}>{ "图片/附件" }</button>
                <input type="file" ref={picker} class="visually-hidden" multiple=true tabindex="-1"
                    accept={super::media::UPLOAD_ACCEPT} aria-label="上传图片或附件" onchange={on_pick} />
            </div>
            <div id={props.id.clone()} class="rich-area article-body" ref={area} contenteditable="true"
                role="textbox" aria-multiline="true" {oninput} {ondragover} {ondrop}></div>
            <p class="upload-status muted" role="status" aria-live="polite">
                { (*upload_status).clone().unwrap_or_default() }
            </p>
            if let Some((name, percent)) = &*upload_progress {
                <progress class="upload-progress" max="100" value={percent.to_string()}
                    aria-label={format!("「{name}」上传进度")}>{ format!("{percent}%") }</progress>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    form: ArticleForm,
    category_name: String,
}

/// The article as the portal's article page will show it (its classes and styles), with the
/// body as the server's sanitiser keeps it: what the preview shows is what a save stores.
#[component]
fn Preview(props: &PreviewProps) -> Html {
    let console = use_console();
    let form = &props.form;
    let sanitised = use_state(|| None::<Result<String, String>>);
    {
        let sanitised = sanitised.clone();
        use_effect_with(form.body.clone(), move |body| {
            sanitised.set(None);
            let body = body.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = articles::preview(body)
                    .await
                    .map(|preview| preview.body)
                    .map_err(|error| error.headline().to_owned());
                sanitised.set(Some(result));
            });
        });
    }
    let when = match form.publish {
        Publish::Schedule => dates::from_input(&form.scheduled_at, &console.zone),
        Publish::Draft | Publish::Now => Some(dates::now()),
    }
    .map(|at| dates::date_time(at, &console.zone))
    .unwrap_or_default();
    html! {
        <div class="preview" aria-label="预览">
            <p class="preview-note">{ format!("预览:门户上的样子(栏目: {})", props.category_name) }</p>
            <article class="panel article">
                <header class="article-header">
                    <h1>{ form.title.clone() }</h1>
                    <p class="article-meta">
                        <span class="meta-item">{ format!("发布时间: {when}") }</span>
                        <span class="meta-item">{ "浏览次数: 0" }</span>
                        if !form.source.is_empty() {
                            <span class="meta-item">{ format!("来源: {}", form.source) }</span>
                        }
                    </p>
                </header>
                <div class="article-body font-medium">
                    { match &*sanitised {
                        None => html! { <p class="preview-note" role="status">{ "正在生成预览…" }</p> },
                        Some(Ok(body)) => Html::from_html_unchecked(AttrValue::from(body.clone())),
                        Some(Err(message)) => html! { <p class="notice" role="alert">{ format!("无法生成预览:{message}") }</p> },
                    } }
                </div>
            </article>
        </div>
    }
}
