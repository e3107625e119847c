//! What the counter holds between flushes and a flush writes: views per article and day, and
//! the day's visitors. Shared by the counter that fills it and the store that writes it.

use chrono::NaiveDate;

use super::{FastMap, FastSet};

/// A visitor's id: the first 16 bytes of a salted SHA-256 of the address and user agent.
pub type VisitorId = [u8; 16];

/// Views not yet written, per article and day.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delta {
    pub hits: i64,
    pub raw_hits: i64,
}

impl Delta {
    pub fn add(&mut self, other: Delta) {
        self.hits += other.hits;
        self.raw_hits += other.raw_hits;
    }
}

/// A visitor on a day, as the day's visitor list holds it.
pub type DayVisitor = (NaiveDate, VisitorId);

/// What one flush writes.
#[derive(Debug, Default)]
pub struct Batch {
    pub deltas: FastMap<(i32, NaiveDate), Delta>,
    pub visitors: FastSet<DayVisitor>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.deltas.is_empty() && self.visitors.is_empty()
    }
}
