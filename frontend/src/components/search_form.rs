//! The search box: a plain GET form to `/search?q=…` (it works before the app has started)
//! that navigates inside the app once it has, and offers title completions as the reader
//! types (a combobox: arrow keys move through them, Enter opens one, Escape closes the list).

use portal_api::{Suggestion, SEARCH_QUERY_MAX_CHARS};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, Routed};
use crate::services::search;

#[derive(Properties, PartialEq)]
pub struct SearchFormProps {
    /// The `id` of the input, unique on the page (the header and the search page both have one).
    pub input_id: AttrValue,
    /// The words already searched for.
    #[prop_or_default]
    pub initial: AttrValue,
    #[prop_or_default]
    pub classes: Classes,
    /// The name of the search landmark, unique on the page (the header's is 站内搜索).
    pub landmark: AttrValue,
}

#[component]
pub fn SearchForm(props: &SearchFormProps) -> Html {
    let navigator = use_navigator();
    let text = use_state(|| props.initial.to_string());
    let suggestions = use_state(Vec::<Suggestion>::new);
    let active = use_state(|| None::<usize>);
    // Answers can arrive out of order: only the one for the latest keystroke is shown.
    let latest = use_mut_ref(|| 0u64);
    {
        // Navigating to other results (back, a new search elsewhere) refills the box.
        let (text, suggestions) = (text.clone(), suggestions.clone());
        use_effect_with(props.initial.clone(), move |initial| {
            text.set(initial.to_string());
            suggestions.set(Vec::new());
        });
    }
    let list_id = format!("{}-suggestions", props.input_id);
    let oninput = {
        let (text, suggestions, active) = (text.clone(), suggestions.clone(), active.clone());
        Callback::from(move |event: InputEvent| {
            let typed = event.target_unchecked_into::<HtmlInputElement>().value();
            text.set(typed.clone());
            active.set(None);
            let ticket = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            let typed: String = typed
                .trim_start()
                .chars()
                .take(SEARCH_QUERY_MAX_CHARS)
                .collect();
            if typed.trim().is_empty() {
                suggestions.set(Vec::new());
                return;
            }
            let (suggestions, latest) = (suggestions.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let found = search::suggest(typed).await.map(|list| list.items);
                if *latest.borrow() == ticket {
                    suggestions.set(found.unwrap_or_default());
                }
            });
        })
    };
    let open_article = {
        let (navigator, suggestions) = (navigator.clone(), suggestions.clone());
        move |id: i32| {
            suggestions.set(Vec::new());
            if let Some(navigator) = navigator.as_ref() {
                navigator.push(&Routed(Route::Article { id }));
            }
        }
    };
    let onkeydown = {
        let (suggestions, active, open_article) =
            (suggestions.clone(), active.clone(), open_article.clone());
        Callback::from(move |event: KeyboardEvent| {
            let count = suggestions.len();
            match event.key().as_str() {
                "ArrowDown" if count > 0 => {
                    event.prevent_default();
                    active.set(Some(active.map_or(0, |at| (at + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    event.prevent_default();
                    active.set(Some(
                        active.map_or(count - 1, |at| (at + count - 1) % count),
                    ));
                }
                "Enter" => {
                    if let Some(chosen) = active.and_then(|at| suggestions.get(at)) {
                        event.prevent_default();
                        open_article(chosen.id);
                    }
                }
                "Escape" => {
                    suggestions.set(Vec::new());
                    active.set(None);
                }
                _ => {}
            }
        })
    };
    let onblur = {
        let suggestions = suggestions.clone();
        // Later than a click on a suggestion, which must still find the list there.
        Callback::from(move |_: FocusEvent| {
            let suggestions = suggestions.clone();
            after_a_moment(move || suggestions.set(Vec::new()));
        })
    };
    let onsubmit = {
        let (text, suggestions) = (text.clone(), suggestions.clone());
        Callback::from(move |event: SubmitEvent| {
            let Some(navigator) = navigator.as_ref() else {
                return;
            };
            event.prevent_default();
            suggestions.set(Vec::new());
            let words: String = text.trim().chars().take(SEARCH_QUERY_MAX_CHARS).collect();
            let query = [("q", words)];
            if navigator
                .push_with_query(&Routed(Route::Search), &query)
                .is_err()
            {
                navigator.push(&Routed(Route::Search));
            }
        })
    };
    let expanded = !suggestions.is_empty();
    let option_id = |at: usize| format!("{list_id}-{at}");
    let options = suggestions.iter().enumerate().map(|(at, suggestion)| {
        let selected = *active == Some(at);
        let onmousedown = {
            let (open_article, id) = (open_article.clone(), suggestion.id);
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                open_article(id);
            })
        };
        html! {
            <li id={option_id(at)} role="option" aria-selected={selected.to_string()}
                class={classes!("suggestion", selected.then_some("active"))} {onmousedown}>
                { suggestion.title.clone() }
            </li>
        }
    });
    html! {
        <form class={classes!("search-form", props.classes.clone())} role="search"
            aria-label={props.landmark.clone()} action="/search" method="get" {onsubmit}>
            <label class="visually-hidden" for={props.input_id.clone()}>{ "搜索文章" }</label>
            <div class="search-combobox">
                <input
                    id={props.input_id.clone()}
                    type="search"
                    name="q"
                    role="combobox"
                    aria-autocomplete="list"
                    aria-expanded={expanded.to_string()}
                    aria-controls={list_id.clone()}
                    aria-activedescendant={active.map(option_id)}
                    maxlength={SEARCH_QUERY_MAX_CHARS.to_string()}
                    placeholder="请输入关键词"
                    autocomplete="off"
                    value={(*text).clone()}
                    {oninput}
                    {onkeydown}
                    {onblur}
                />
                <ul id={list_id.clone()} role="listbox" aria-label="标题提示"
                    class="search-suggestions" hidden={!expanded}>
                    { for options }
                </ul>
            </div>
            <button type="submit">{ "搜索" }</button>
        </form>
    }
}

/// Runs `then` after the current event has finished (a zero-delay timer).
fn after_a_moment(then: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 150);
}
