//! Loads data from the API for a component: the state is loading, failed or ready, it reloads
//! when its inputs change, and a late answer to an outdated request is dropped rather than
//! shown over the current one. Reads of public data ([`use_get`]) start from the answers a
//! server-rendered page carries, so that the page hydrates without asking for them again.

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use yew::prelude::*;

use crate::page_data::Preloaded;
use crate::services::{requests, ApiError};

/// Data from the API as a page sees it.
#[derive(Debug, PartialEq)]
pub enum Remote<T: ?Sized> {
    Loading,
    Failed(ApiError),
    Ready(Rc<T>),
}

// By hand: a derive would ask for `T: Clone`, but only the `Rc` is cloned.
impl<T: ?Sized> Clone for Remote<T> {
    fn clone(&self) -> Self {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Failed(error) => Remote::Failed(error.clone()),
            Remote::Ready(data) => Remote::Ready(Rc::clone(data)),
        }
    }
}

impl<T: ?Sized> Remote<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Remote::Ready(data) => Some(data),
            Remote::Loading | Remote::Failed(_) => None,
        }
    }
}

impl<T: 'static> Remote<T> {
    fn erased(self) -> Remote<dyn Any> {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Failed(error) => Remote::Failed(error),
            Remote::Ready(data) => Remote::Ready(data),
        }
    }
}

impl Remote<dyn Any> {
    /// The state as the type it was loaded as (only an answer of another type, which
    /// [`use_remote`]'s callers never give, would read as undecodable).
    fn typed<T: 'static>(self) -> Remote<T> {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Failed(error) => Remote::Failed(error),
            Remote::Ready(data) => match data.downcast::<T>() {
                Ok(data) => Remote::Ready(data),
                Err(_) => Remote::Failed(ApiError::Decode("an answer of another type".into())),
            },
        }
    }
}

/// A load whose answer may be of any type: [`use_remote`], the bulk of the loading, is then
/// compiled once for all answer types (its copies per type were 40 KB of the portal's 644 KB
/// of wasm).
type AnyLoad<D> = Box<dyn FnOnce(D) -> Option<Pin<Box<dyn Future<Output = AnyAnswer>>>>>;
type AnyAnswer = Result<Rc<dyn Any>, ApiError>;

fn any_answer<T: 'static>(
    future: impl Future<Output = Result<T, ApiError>> + 'static,
) -> Pin<Box<dyn Future<Output = AnyAnswer>>> {
    Box::pin(async move { future.await.map(|data| Rc::new(data) as Rc<dyn Any>) })
}

/// The state of a load and a way to try it again.
pub struct ApiHandle<T: ?Sized> {
    pub state: Remote<T>,
    pub retry: Callback<()>,
}

impl ApiHandle<dyn Any> {
    fn typed<T: 'static>(self) -> ApiHandle<T> {
        ApiHandle {
            state: self.state.typed(),
            retry: self.retry,
        }
    }
}

/// Runs `load(deps)` now and whenever `deps` change (or `retry` is called).
#[hook]
pub fn use_api<T, D, F, Fut>(deps: D, load: F) -> ApiHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    use_remote(
        deps,
        None,
        Box::new(move |deps| Some(any_answer(load(deps)))),
    )
    .typed()
}

/// GETs the API's `url` now and whenever it changes (or `retry` is called); `None` asks for
/// nothing. A server-rendered page's first render takes the answer from the page instead.
#[hook]
pub fn use_get<T>(url: Option<String>) -> ApiHandle<T>
where
    T: DeserializeOwned + 'static,
{
    let preloaded = use_context::<Preloaded>();
    let from_page = url
        .as_deref()
        .zip(preloaded)
        .and_then(|(url, preloaded)| preloaded.answer::<T>(url));
    use_remote(url, from_page.map(Remote::erased), get_any(decode_any::<T>)).typed()
}

fn decode_any<T: DeserializeOwned + 'static>(text: &str) -> Result<Rc<dyn Any>, String> {
    requests::decode_text::<T>(text).map(|data| Rc::new(data) as Rc<dyn Any>)
}

/// `GET url`, its answer decoded by `decode`: outside [`use_get`], so that the request is not
/// copied for each answer type.
fn get_any(decode: fn(&str) -> Result<Rc<dyn Any>, String>) -> AnyLoad<Option<String>> {
    Box::new(move |url| {
        url.map(|url| {
            Box::pin(
                async move { decode(&requests::get_text(&url).await?).map_err(ApiError::Decode) },
            ) as Pin<Box<dyn Future<Output = AnyAnswer>>>
        })
    })
}

/// The state of `load(deps)`, started from `from_page` (when the page came with the answer)
/// rather than by asking; `load` answers `None` when there is nothing to ask.
#[hook]
fn use_remote<D>(
    deps: D,
    from_page: Option<Remote<dyn Any>>,
    load: AnyLoad<D>,
) -> ApiHandle<dyn Any>
where
    D: PartialEq + Clone + 'static,
{
    let answered_by_page = use_mut_ref(|| false);
    let state = {
        let answered_by_page = answered_by_page.clone();
        use_state(move || match from_page {
            Some(answer) => {
                *answered_by_page.borrow_mut() = true;
                answer
            }
            None => Remote::Loading,
        })
    };
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            let outdated = Rc::new(Cell::new(false));
            let stop = {
                let outdated = Rc::clone(&outdated);
                move || outdated.set(true)
            };
            // The page already holds this answer: asking again would only redraw it.
            if std::mem::take(&mut *answered_by_page.borrow_mut()) {
                return stop;
            }
            let Some(future) = load(deps.clone()) else {
                return stop;
            };
            // Only a change of inputs shows the spinner again; the first load starts there.
            if !matches!(*state, Remote::Loading) {
                state.set(Remote::Loading);
            }
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if !outdated.get() {
                    state.set(match result {
                        Ok(data) => Remote::Ready(data),
                        Err(error) => Remote::Failed(error),
                    });
                }
            });
            stop
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ApiHandle {
        state: (*state).clone(),
        retry,
    }
}
