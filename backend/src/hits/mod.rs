//! The hit counter: counts article views in memory and writes them in batches, so that a view
//! never costs a database write of its own.
//!
//! A view is counted once per visitor and article within the dedup window, and never for bots;
//! every beacon request still counts as a raw hit. A flush (one transaction per interval) adds
//! each article's delta to `articles.hits` and to its day bucket, and records the day's
//! distinct visitors. Deltas (`hits = hits + n`) let several instances share one database
//! without coordination. A failed flush keeps its deltas for the next one; shutdown flushes
//! everything, so only a crash can lose views, at most one interval's worth.
//!
//! Visitors are identified by a hash of a daily random salt (shared through the database and
//! destroyed when the day ends), the client address and the user agent: no address is stored.
//! One address has at most `views_per_address` visitors counted per article and day, however
//! many user agents it sends.

mod batch;
pub mod bots;
mod counter;
mod identity;
mod per_address;
mod recent;
mod store;

pub use counter::{ClientInfo, CounterSettings, HitCounter, ViewOutcome};

/// The counter's maps are touched on every view: a fast seeded hasher (foldhash) instead of
/// SipHash. Their keys are salted SHA-256 prefixes and ids, not chosen by clients.
type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The calendar day `at` falls on in `zone`: day buckets roll over at the site's midnight.
pub fn local_day(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_day_rolls_over_at_midnight_in_shanghai_not_utc() {
        let before = Utc.with_ymd_and_hms(2026, 11, 28, 15, 59, 59).single();
        let after = Utc.with_ymd_and_hms(2026, 11, 28, 16, 0, 0).single();
        let zone = chrono_tz::Asia::Shanghai;
        assert_eq!(
            before.map(|at| local_day(at, zone)),
            NaiveDate::from_ymd_opt(2026, 11, 28)
        );
        assert_eq!(
            after.map(|at| local_day(at, zone)),
            NaiveDate::from_ymd_opt(2026, 11, 29)
        );
    }
}
