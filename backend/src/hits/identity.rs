//! Who a client is on a day, remembered per server thread.
//!
//! A visitor's id (a salted SHA-256) and the robot verdict on its user agent depend only on the
//! address, the agent and the day, and a visitor sends many requests: each server thread keeps
//! the answers under a 64-bit fingerprint of address and agent, so that a view costs neither
//! the robot patterns nor the SHA-256 but on a client's first request of the day on that
//! thread. Per thread because it is only a cache: no lock, no cache line shared between cores.

use std::{
    cell::RefCell,
    sync::atomic::{AtomicU64, Ordering},
};

use chrono::NaiveDate;

use super::{batch::VisitorId, FastMap};

/// Entries each thread keeps before starting afresh (about 3 MiB).
const MAX_REMEMBERED: usize = 100_000;

/// Who a client is on `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    pub day: NaiveDate,
    /// `None` for robots.
    pub visitor: Option<VisitorId>,
    /// Whether this thread has already put the visitor on the day's visitor list: the one
    /// thing that keeps a returning visitor from being written again every interval.
    pub listed: bool,
}

/// Tells counters apart: a thread's memory belongs to one counter at a time (tests run several
/// in one process, each with its own salts).
pub fn next_owner() -> u64 {
    static OWNERS: AtomicU64 = AtomicU64::new(1);
    OWNERS.fetch_add(1, Ordering::Relaxed)
}

#[derive(Default)]
struct Memory {
    owner: u64,
    known: FastMap<u64, Identity>,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::new(Memory::default());
}

/// What this thread remembers of the client with `fingerprint` on `day`, for `owner`.
pub fn recall(owner: u64, fingerprint: u64, day: NaiveDate) -> Option<Identity> {
    MEMORY.with_borrow(|memory| {
        (memory.owner == owner)
            .then(|| memory.known.get(&fingerprint).copied())
            .flatten()
            .filter(|identity| identity.day == day)
    })
}

/// Remembers (or updates) who the client with `fingerprint` is, for `owner`.
pub fn remember(owner: u64, fingerprint: u64, identity: Identity) {
    MEMORY.with_borrow_mut(|memory| {
        if memory.owner != owner || memory.known.len() >= MAX_REMEMBERED {
            memory.owner = owner;
            memory.known.clear();
        }
        memory.known.insert(fingerprint, identity);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(number: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, number).unwrap_or_default()
    }

    #[test]
    fn an_identity_is_recalled_on_its_day_for_its_owner_only() {
        let owner = next_owner();
        let identity = Identity {
            day: day(29),
            visitor: Some([7; 16]),
            listed: false,
        };
        remember(owner, 42, identity);
        assert_eq!(recall(owner, 42, day(29)), Some(identity));
        assert_eq!(recall(owner, 42, day(30)), None, "a new day, a new salt");
        assert_eq!(recall(owner, 43, day(29)), None);
        assert_eq!(recall(next_owner(), 42, day(29)), None);
    }

    #[test]
    fn another_owner_starts_the_memory_afresh() {
        let (first, second) = (next_owner(), next_owner());
        let robot = Identity {
            day: day(29),
            visitor: None,
            listed: false,
        };
        remember(first, 1, robot);
        remember(second, 2, robot);
        assert_eq!(recall(first, 1, day(29)), None);
        assert_eq!(recall(second, 2, day(29)), Some(robot));
    }
}
