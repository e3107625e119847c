//! A value read from the database and kept in memory for a moment: the site settings, the
//! friend links and the category list are on every public page, and change a few times a
//! year. A change through this instance forgets the value at once; a change through another
//! instance (or the `portal` command line) shows within the lifetime.

use std::{
    future::Future,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, RwLock,
    },
    time::{Duration, Instant},
};

use crate::error::ApiResult;

pub struct Remembered<T> {
    lifetime: Duration,
    kept: RwLock<Option<(Instant, Arc<T>)>>,
    /// Counts the changes: a read that began before a change is not kept after it.
    changes: AtomicU64,
}

impl<T> Remembered<T> {
    /// Keeps a value for `lifetime` (zero: reads every time).
    pub fn new(lifetime: Duration) -> Self {
        Self {
            lifetime,
            kept: RwLock::new(None),
            changes: AtomicU64::new(0),
        }
    }

    /// The value, from memory while fresh, otherwise from `read`.
    pub async fn get_or_read<F, Fut>(&self, read: F) -> ApiResult<Arc<T>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = ApiResult<T>>,
    {
        if let Some((at, value)) = self
            .kept
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
        {
            if at.elapsed() < self.lifetime {
                return Ok(Arc::clone(value));
            }
        }
        let changes_before = self.changes.load(Ordering::SeqCst);
        let value = Arc::new(read().await?);
        let mut kept = self
            .kept
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.changes.load(Ordering::SeqCst) == changes_before {
            *kept = Some((Instant::now(), Arc::clone(&value)));
        }
        Ok(value)
    }

    /// Runs `change` (a write to what the value is read from) and forgets the value whatever
    /// the outcome: a write that reports an error may still have changed the rows (MariaDB
    /// reads a row back after writing it).
    pub async fn after_change<R>(&self, change: impl Future<Output = R>) -> R {
        let outcome = change.await;
        self.forget();
        outcome
    }

    /// Forgets the value (after a change).
    pub fn forget(&self) {
        let mut kept = self
            .kept
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.changes.fetch_add(1, Ordering::SeqCst);
        *kept = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn read(value: u32) -> ApiResult<u32> {
        Ok(value)
    }

    #[tokio::test]
    async fn a_value_is_read_once_while_fresh_and_again_after_a_change() {
        let remembered = Remembered::new(Duration::from_secs(60));
        assert_eq!(
            *remembered.get_or_read(|| read(1)).await.unwrap_or_default(),
            1
        );
        assert_eq!(
            *remembered.get_or_read(|| read(2)).await.unwrap_or_default(),
            1
        );
        remembered.forget();
        assert_eq!(
            *remembered.get_or_read(|| read(3)).await.unwrap_or_default(),
            3
        );
    }

    #[tokio::test]
    async fn a_change_that_fails_still_forgets() {
        let remembered = Remembered::new(Duration::from_secs(60));
        let _ = remembered.get_or_read(|| read(1)).await;
        let failed: ApiResult<()> = remembered
            .after_change(async { Err(crate::error::ApiError::NotFound("row".into())) })
            .await;
        assert!(failed.is_err());
        assert_eq!(
            *remembered.get_or_read(|| read(2)).await.unwrap_or_default(),
            2
        );
    }

    #[tokio::test]
    async fn a_zero_lifetime_reads_every_time() {
        let remembered = Remembered::new(Duration::ZERO);
        assert_eq!(
            *remembered.get_or_read(|| read(1)).await.unwrap_or_default(),
            1
        );
        assert_eq!(
            *remembered.get_or_read(|| read(2)).await.unwrap_or_default(),
            2
        );
    }

    #[tokio::test]
    async fn a_read_overtaken_by_a_change_is_not_kept() {
        let remembered = Remembered::new(Duration::from_secs(60));
        let value = remembered
            .get_or_read(|| {
                // The change lands while the old value is on its way from the database.
                remembered.forget();
                read(1)
            })
            .await
            .unwrap_or_default();
        assert_eq!(*value, 1, "the reader still gets what it read");
        assert_eq!(
            *remembered.get_or_read(|| read(2)).await.unwrap_or_default(),
            2
        );
    }
}
