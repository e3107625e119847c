//! Loads data from the API for a component: the state is loading, failed or ready, it reloads
//! when its inputs change, and a late answer to an outdated request is dropped rather than
//! shown over the current one.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use yew::prelude::*;

use crate::services::ApiError;

/// Data from the API as a page sees it.
#[derive(Debug, PartialEq)]
pub enum Remote<T> {
    Loading,
    Failed(ApiError),
    Ready(Rc<T>),
}

// By hand: a derive would ask for `T: Clone`, but only the `Rc` is cloned.
impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Failed(error) => Remote::Failed(error.clone()),
            Remote::Ready(data) => Remote::Ready(Rc::clone(data)),
        }
    }
}

impl<T> Remote<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Remote::Ready(data) => Some(data),
            Remote::Loading | Remote::Failed(_) => None,
        }
    }
}

/// The state of a load and a way to try it again.
pub struct ApiHandle<T> {
    pub state: Remote<T>,
    pub retry: Callback<()>,
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
    let state = use_state(|| Remote::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            // Only a change of inputs shows the spinner again; the first load starts there.
            if !matches!(*state, Remote::Loading) {
                state.set(Remote::Loading);
            }
            let outdated = Rc::new(Cell::new(false));
            let future = load(deps.clone());
            {
                let outdated = Rc::clone(&outdated);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = future.await;
                    if !outdated.get() {
                        state.set(match result {
                            Ok(data) => Remote::Ready(Rc::new(data)),
                            Err(error) => Remote::Failed(error),
                        });
                    }
                });
            }
            move || outdated.set(true)
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
