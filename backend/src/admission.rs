//! Admission for work that is expensive by nature and that anonymous callers can ask for
//! (checking a password, a search that reads every article): at most `running` at once, at
//! most `waiting` more queued, and anything beyond answered `503` with `Retry-After` at once.
//! A flood then costs a bounded share of the cores and of memory, and never a growing queue.

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::error::{ApiError, ApiResult};

pub struct Admission {
    running: Semaphore,
    admitted: Semaphore,
    /// What a refused caller is told.
    busy: &'static str,
}

/// Held while the work runs; dropping it lets the next one in.
pub struct Admitted<'a> {
    _running: SemaphorePermit<'a>,
    _admitted: SemaphorePermit<'a>,
}

impl Admission {
    pub fn new(running: usize, waiting: usize, busy: &'static str) -> Self {
        Self {
            running: Semaphore::new(running.max(1)),
            admitted: Semaphore::new(running.max(1) + waiting),
            busy,
        }
    }

    /// Every core: for work short enough that a queue of it never starves other requests.
    pub fn all_the_cores() -> usize {
        std::thread::available_parallelism().map_or(1, usize::from)
    }

    /// Half the cores (at least one): the rest keep serving everything else.
    pub fn half_the_cores() -> usize {
        (std::thread::available_parallelism().map_or(1, usize::from) / 2).max(1)
    }

    /// Waits for a free place, or refuses at once when the queue is full.
    pub async fn enter(&self) -> ApiResult<Admitted<'_>> {
        let Ok(admitted) = self.admitted.try_acquire() else {
            return Err(ApiError::Busy {
                detail: self.busy.into(),
                retry_after_secs: 1,
            });
        };
        let running = self
            .running
            .acquire()
            .await
            .map_err(|error| anyhow::anyhow!("an admission queue closed: {error}"))?;
        Ok(Admitted {
            _running: running,
            _admitted: admitted,
        })
    }

    #[cfg(test)]
    pub fn free_places(&self) -> usize {
        self.admitted.available_permits()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_beyond_the_running_and_the_waiting_is_refused_at_once() {
        let admission = Admission::new(1, 2, "busy");
        let running = admission.enter().await;
        assert!(running.is_ok());
        let waiting: Vec<_> = (0..2).map(|_| Box::pin(admission.enter())).collect();
        // The two waiters hold their places in the queue while they wait.
        let mut waiting = waiting;
        for waiter in &mut waiting {
            assert!(futures::poll!(waiter.as_mut()).is_pending());
        }
        assert_eq!(admission.free_places(), 0);
        assert!(matches!(
            admission.enter().await,
            Err(ApiError::Busy { .. })
        ));
        drop(running);
        assert!(waiting.remove(0).await.is_ok(), "the first waiter goes in");
    }
}
