//! The media library (媒体库): every uploaded image and attachment, found by words of its name
//! or alt text and by kind, paged; files are uploaded here too (several at once, with a progress
//! bar) and deleted after asking. A file an article still shows or lists is kept: the server
//! refuses and names the articles, which the notice shows.

use std::rc::Rc;

use portal_api::{
    file_type_label, size_label, Media, MediaKind, MediaQuery, DEFAULT_PER_PAGE,
    MEDIA_QUERY_MAX_CHARS,
};
use yew::prelude::*;

use super::form::{prompt, set_text, value_of, ConfirmButton, Notice, NoticeBar};
use super::{use_console, use_console_title, use_staff_api};
use crate::components::{error_box, loading, LOADING};
use crate::dates;
use crate::hooks::Remote;
use crate::services::{media, ApiError};

/// The files of a file field or a drop.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// Whether a drag carries files (not text or a link being moved).
pub fn carries_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
}

/// The files the upload field offers (the server decides by their bytes).
pub const UPLOAD_ACCEPT: &str =
    "image/jpeg,image/png,image/webp,image/gif,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip,.txt";

#[derive(Debug, Clone, PartialEq)]
struct Filters {
    kind: Option<MediaKind>,
    words: String,
    page: u32,
    /// Bumped after a change, to list again.
    version: u32,
}

impl Filters {
    fn query(&self) -> MediaQuery {
        MediaQuery {
            q: Some(self.words.trim().to_owned()).filter(|words| !words.is_empty()),
            kind: self.kind,
            page: Some(self.page),
            per_page: Some(DEFAULT_PER_PAGE),
        }
    }
}

/// Asks for an image's alt text, which the portal needs for readers who cannot see it; `None`
/// when the editor gives none (the image is then not uploaded).
pub fn ask_alt_text(name: &str) -> Option<String> {
    prompt(&format!(
        "请填写图片「{name}」的替代文字(说明图片内容,供视障读者使用):"
    ))
    .map(|alt| alt.trim().to_owned())
    .filter(|alt| !alt.is_empty())
}

fn kind_label(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Image => "图片",
        MediaKind::Attachment => "附件",
    }
}

#[component]
pub fn MediaPage() -> Html {
    use_console_title("媒体库");
    let console = use_console();
    let filters = use_state(|| Filters {
        kind: None,
        words: String::new(),
        page: 1,
        version: 0,
    });
    let words = use_state(String::new);
    let notice = use_state(|| None::<Notice>);
    let progress = use_state(|| None::<(String, u32)>);
    let list = use_staff_api((*filters).clone(), |filters| media::list(filters.query()));

    let listed_again = {
        let filters = filters.clone();
        move || {
            filters.set(Filters {
                version: filters.version.wrapping_add(1),
                ..(*filters).clone()
            })
        }
    };
    let on_kind = {
        let filters = filters.clone();
        Callback::from(move |event: Event| {
            let kind = match value_of(&event).as_str() {
                "image" => Some(MediaKind::Image),
                "attachment" => Some(MediaKind::Attachment),
                _ => None,
            };
            filters.set(Filters {
                kind,
                page: 1,
                ..(*filters).clone()
            });
        })
    };
    let on_words = set_text(&words);
    let on_search = {
        let (filters, words) = (filters.clone(), words.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            filters.set(Filters {
                words: (*words).clone(),
                page: 1,
                ..(*filters).clone()
            });
        })
    };
    let go_to = |page: u32| {
        let filters = filters.clone();
        Callback::from(move |_: MouseEvent| {
            filters.set(Filters {
                page,
                ..(*filters).clone()
            })
        })
    };
    let remove = {
        let (console, notice, listed_again) =
            (console.clone(), notice.clone(), listed_again.clone());
        Callback::from(move |(id, name): (i32, String)| {
            let (notice, listed_again) = (notice.clone(), listed_again.clone());
            console.run(media::delete(id), move |result| {
                notice.set(Some(match result {
                    Ok(()) => Notice::Done(format!("已删除「{name}」")),
                    Err(error) => Notice::Failed(error),
                }));
                listed_again();
            });
        })
    };
    // One file after another, so the bar follows one file at a time.
    let upload = {
        let (console, notice, progress) = (console.clone(), notice.clone(), progress.clone());
        let listed_again = Rc::new(listed_again);
        Callback::from(move |files: Vec<web_sys::File>| {
            let mut queued = Vec::new();
            for file in files {
                let name = file.name();
                let alt = if file.type_().starts_with("image/") {
                    match ask_alt_text(&name) {
                        Some(alt) => alt,
                        None => {
                            notice.set(Some(Notice::Done(format!(
                                "未上传「{name}」:图片需要替代文字。"
                            ))));
                            continue;
                        }
                    }
                } else {
                    String::new()
                };
                queued.push((file, alt));
            }
            if queued.is_empty() {
                return;
            }
            let (notice, progress, listed_again) =
                (notice.clone(), progress.clone(), listed_again.clone());
            let uploads = {
                let progress = progress.clone();
                async move {
                    let mut done = Vec::new();
                    for (file, alt) in queued {
                        let name = file.name();
                        let sending = {
                            let (progress, name) = (progress.clone(), name.clone());
                            move |percent: u32| progress.set(Some((name.clone(), percent)))
                        };
                        progress.set(Some((name.clone(), 0)));
                        done.push(media::upload(&file, &alt, sending).await?);
                    }
                    Ok::<_, ApiError>(done)
                }
            };
            console.run(uploads, move |result: Result<Vec<Media>, ApiError>| {
                progress.set(None);
                notice.set(Some(match result {
                    Ok(done) => Notice::Done(format!(
                        "已上传 {} 个文件:{}",
                        done.len(),
                        done.iter()
                            .map(|file| format!("「{}」", file.file_name))
                            .collect::<String>()
                    )),
                    Err(error) => Notice::Failed(error),
                }));
                listed_again();
            });
        })
    };

    let on_pick = {
        let upload = upload.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let files = files_of(input.files());
            input.set_value("");
            upload.emit(files);
        })
    };
    // Files dropped anywhere on the page are uploaded like picked ones.
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if carries_files(&event) {
                event.prevent_default();
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, upload) = (dragging.clone(), upload.clone());
        Callback::from(move |event: DragEvent| {
            dragging.set(false);
            let files = files_of(event.data_transfer().and_then(|transfer| transfer.files()));
            if !files.is_empty() {
                event.prevent_default();
                upload.emit(files);
            }
        })
    };

    let table = match &list.state {
        Remote::Loading => loading(LOADING),
        Remote::Failed(error) => error_box(error, Some(&list.retry), Some("媒体库")),
        Remote::Ready(listed) if listed.items.is_empty() => {
            html! { <p class="muted">{ "没有找到文件。" }</p> }
        }
        Remote::Ready(listed) => {
            let info = &listed.page;
            let rows = listed.items.iter().map(|file| {
                let preview = match file.kind {
                    MediaKind::Image => {
                        let small = file
                            .variants
                            .iter()
                            .find(|variant| variant.content_type == file.content_type)
                            .map_or(file.url.clone(), |variant| variant.url.clone());
                        html! { <img class="media-thumb" src={small} alt={file.alt.clone()} loading="lazy" /> }
                    }
                    MediaKind::Attachment => {
                        html! { <span class="media-type">{ file_type_label(&file.content_type) }</span> }
                    }
                };
                let dimensions = match (file.width, file.height) {
                    (Some(width), Some(height)) => format!(",{width}×{height}"),
                    _ => String::new(),
                };
                let (id, name) = (file.id, file.file_name.clone());
                let onconfirm = {
                    let remove = remove.clone();
                    Callback::from(move |()| remove.emit((id, name.clone())))
                };
                html! {
                    <tr key={file.id}>
                        <td>{ preview }</td>
                        <td>
                            <a href={file.url.clone()} target="_blank" rel="noopener">{ file.file_name.clone() }</a>
                            if !file.alt.is_empty() {
                                <div class="muted">{ format!("替代文字:{}", file.alt) }</div>
                            }
                        </td>
                        <td>{ format!("{}{}", size_label(file.size), dimensions) }</td>
                        <td>{ dates::date_time(file.created_at, &console.zone) }</td>
                        <td>
                            <ConfirmButton danger=true question={format!("删除「{}」?此操作无法撤销。", file.file_name)} {onconfirm}>
                                { "删除" }
                            </ConfirmButton>
                        </td>
                    </tr>
                }
            });
            html! {
                <>
                    <div class="table-scroll">
                        <table class="data-table media-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ "预览" }</th>
                                    <th scope="col">{ "文件" }</th>
                                    <th scope="col">{ "大小" }</th>
                                    <th scope="col">{ "上传时间" }</th>
                                    <th scope="col">{ "操作" }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    <nav class="table-pager" aria-label="分页">
                        <button type="button" class="button button-small" disabled={info.page <= 1}
                            onclick={go_to(info.page.saturating_sub(1))}>{ "上一页" }</button>
                        <span>{ format!("第 {} / {} 页,共 {} 个文件", info.page, info.total_pages.max(1), info.total) }</span>
                        <button type="button" class="button button-small" disabled={info.page >= info.total_pages}
                            onclick={go_to(info.page + 1)}>{ "下一页" }</button>
                    </nav>
                </>
            }
        }
    };
    let kinds = [None, Some(MediaKind::Image), Some(MediaKind::Attachment)].map(|kind| {
        let (value, label) = match kind {
            None => ("", "全部"),
            Some(kind) => (
                match kind {
                    MediaKind::Image => "image",
                    MediaKind::Attachment => "attachment",
                },
                kind_label(kind),
            ),
        };
        html! { <option {value} selected={filters.kind == kind}>{ label }</option> }
    });

    html! {
        <section class={classes!("panel", "drop-target", dragging.then_some("dragging"))}
            {ondragover} {ondragleave} {ondrop}>
            <div class="console-head">
                <h1 class="page-title">{ "媒体库" }</h1>
                <label class="button primary upload-button">
                    { "上传文件" }
                    <input type="file" class="visually-hidden" multiple=true accept={UPLOAD_ACCEPT}
                        onchange={on_pick} />
                </label>
            </div>
            <p class="muted drop-hint">{ "也可以把文件拖到本页上传。" }</p>
            if let Some((name, percent)) = &*progress {
                <p class="upload-line" role="status">
                    { format!("正在上传「{name}」 {percent}% ") }
                    <progress class="upload-progress" max="100" value={percent.to_string()}
                        aria-label={format!("「{name}」上传进度")}>{ format!("{percent}%") }</progress>
                </p>
            }
            <form class="filters" role="search" onsubmit={on_search}>
                <label>{ "类型 " }
                    <select name="kind" onchange={on_kind}>{ for kinds }</select>
                </label>
                <label>{ "关键词 " }
                    <input type="search" name="q" value={(*words).clone()} oninput={on_words}
                        maxlength={MEDIA_QUERY_MAX_CHARS.to_string()} placeholder="文件名或替代文字" />
                </label>
                <button type="submit" class="button button-small">{ "筛选" }</button>
            </form>
            <NoticeBar notice={(*notice).clone()} />
            { table }
        </section>
    }
}
