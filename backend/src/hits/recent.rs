//! The reload window: which visitor had a view of which article counted lately.

use std::{collections::hash_map::Entry, time::Duration};

use super::FastMap;

/// When each visitor last had a view of each article counted, in whole seconds on the
/// counter's own clock.
///
/// Two generations, each at most one window long: a view is looked up in both and written to
/// the current one; when the current one is a window old it becomes the previous one and the
/// previous one is dropped whole. So every entry still inside the window is found, memory stays
/// bounded by what two windows hold, and no request pays for a sweep. A generation that reaches
/// `capacity` entries turns over early: under that load a reload may count again, which is
/// better than running out of memory.
///
/// An entry is 16 bytes, a 64-bit fingerprint of visitor and article and the second: this map
/// is touched on every view and is the counter's largest, so its size is its speed.
pub struct RecentViews {
    current: FastMap<u64, u32>,
    previous: FastMap<u64, u32>,
    current_since: u32,
    window: u32,
    capacity: usize,
}

impl RecentViews {
    pub fn new(window: Duration, capacity: usize) -> Self {
        Self {
            current: FastMap::default(),
            previous: FastMap::default(),
            current_since: 0,
            window: u32::try_from(window.as_secs()).unwrap_or(u32::MAX),
            capacity,
        }
    }

    /// Whether a view with this fingerprint (of visitor and article) was counted within the
    /// window before `now` (seconds on the counter's clock); if not, this view is remembered
    /// as counted.
    pub fn is_repeat(&mut self, fingerprint: u64, now: u32) -> bool {
        if now.saturating_sub(self.current_since) >= self.window
            || self.current.len() >= self.capacity
        {
            // The next generation is likely to see as many views as this one.
            let expected = self.current.len();
            let mut next = std::mem::take(&mut self.previous);
            next.clear();
            next.reserve(expected);
            self.previous = std::mem::replace(&mut self.current, next);
            self.current_since = now;
        }
        let window = self.window;
        let within = |last: &u32| now.saturating_sub(*last) < window;
        match self.current.entry(fingerprint) {
            Entry::Occupied(mut last) => {
                let repeat = within(last.get());
                if !repeat {
                    last.insert(now);
                }
                repeat
            }
            Entry::Vacant(unseen) => {
                let repeat = self.previous.get(unseen.key()).is_some_and(within);
                if !repeat {
                    unseen.insert(now);
                }
                repeat
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HALF_HOUR: Duration = Duration::from_secs(1800);

    fn view(visitor: u64, article: u64) -> u64 {
        visitor * 1000 + article
    }

    #[test]
    fn a_reload_within_the_window_is_a_repeat_and_one_after_it_is_not() {
        let mut recent = RecentViews::new(HALF_HOUR, 1000);
        assert!(!recent.is_repeat(view(7, 1), 10));
        assert!(recent.is_repeat(view(7, 1), 10 + 1799));
        assert!(!recent.is_repeat(view(7, 1), 10 + 1800));
    }

    #[test]
    fn other_articles_and_other_visitors_are_not_repeats() {
        let mut recent = RecentViews::new(HALF_HOUR, 1000);
        assert!(!recent.is_repeat(view(7, 1), 10));
        assert!(!recent.is_repeat(view(7, 2), 11));
        assert!(!recent.is_repeat(view(8, 1), 12));
    }

    #[test]
    fn a_view_counted_in_the_previous_generation_is_still_found() {
        let mut recent = RecentViews::new(HALF_HOUR, 1000);
        assert!(!recent.is_repeat(view(7, 1), 1000));
        // The generation turns over at 1800; the view at 1000 is 1500 s old at 2500.
        assert!(!recent.is_repeat(view(9, 9), 1800));
        assert!(recent.is_repeat(view(7, 1), 2500));
        // At 3600 the generation holding it is dropped, and it is outside the window anyway.
        assert!(!recent.is_repeat(view(7, 1), 3600));
    }

    #[test]
    fn memory_stays_bounded_under_a_flood_of_distinct_views() {
        let mut recent = RecentViews::new(HALF_HOUR, 100);
        for visitor in 0..10_000 {
            recent.is_repeat(view(visitor, 1), 5);
        }
        assert!(recent.current.len() <= 100 && recent.previous.len() <= 100);
    }
}
