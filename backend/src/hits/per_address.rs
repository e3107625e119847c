//! The cap on views one address can have counted: at most `cap` distinct visitors per client
//! address, article and day. A visitor is an address and a user agent, so without it one
//! machine rotating its user agent would be a new reader on every request; with it, an office
//! behind one NAT still counts as up to `cap` readers of each article a day.
//!
//! IPv6 addresses are taken by their /64, what one subscriber is given.

use std::net::IpAddr;

use chrono::NaiveDate;

use super::FastMap;

/// The address part of the key: IPv4 whole, IPv6 cut to its /64.
pub fn address_key(ip: IpAddr) -> u64 {
    match ip {
        IpAddr::V4(v4) => u64::from(u32::from(v4)),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => u64::from(u32::from(v4)),
            None => (u128::from(v6) >> 64) as u64 | (1 << 63),
        },
    }
}

/// Counted visitors per (address, article) fingerprint on one day.
pub struct AddressCaps {
    day: Option<NaiveDate>,
    counted: FastMap<u64, u16>,
    capacity: usize,
}

impl AddressCaps {
    /// `capacity` bounds the memory: past it the day's tally starts over (logged), which can
    /// only let more views count, never lose one.
    pub fn new(capacity: usize) -> Self {
        Self {
            day: None,
            counted: FastMap::default(),
            capacity,
        }
    }

    /// Whether one more visitor may be counted for `key` (address and article) on `day`; if
    /// so, it is tallied.
    pub fn admit(&mut self, key: u64, day: NaiveDate, cap: u16) -> bool {
        if self.day != Some(day) {
            self.day = Some(day);
            self.counted.clear();
        }
        if self.counted.len() >= self.capacity && !self.counted.contains_key(&key) {
            tracing::warn!(
                entries = self.counted.len(),
                "per-address view tally full; starting it over for today"
            );
            self.counted.clear();
        }
        let tally = self.counted.entry(key).or_insert(0);
        if *tally >= cap {
            return false;
        }
        *tally += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(number: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, number).unwrap_or_default()
    }

    #[test]
    fn an_address_counts_at_most_the_cap_per_article_and_day() {
        let mut caps = AddressCaps::new(1000);
        let admitted = (0..200).filter(|_| caps.admit(7, day(2), 50)).count();
        assert_eq!(admitted, 50);
        assert!(caps.admit(8, day(2), 50), "another article or address");
        assert!(caps.admit(7, day(3), 50), "a new day");
    }

    #[test]
    fn addresses_in_one_ipv6_64_share_a_key_and_v4_mapped_is_v4() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap_or(IpAddr::V4(0.into()));
        let b: IpAddr = "2001:db8:1:2:ffff::1"
            .parse()
            .unwrap_or(IpAddr::V4(0.into()));
        assert_eq!(address_key(a), address_key(b));
        let v4: IpAddr = "203.0.113.5".parse().unwrap_or(IpAddr::V4(0.into()));
        let mapped: IpAddr = "::ffff:203.0.113.5".parse().unwrap_or(IpAddr::V4(0.into()));
        assert_eq!(address_key(v4), address_key(mapped));
        assert_ne!(address_key(v4), address_key(a));
    }

    #[test]
    fn the_tally_never_grows_past_its_capacity() {
        let mut caps = AddressCaps::new(100);
        for key in 0..10_000 {
            caps.admit(key, day(2), 50);
        }
        assert!(caps.counted.len() <= 100);
    }
}
