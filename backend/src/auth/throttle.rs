//! Login throttling: after too many failures for one client address and user name within the
//! window, further attempts are refused until the oldest failure ages out. Kept in memory, per
//! instance: enough to make online guessing impractical without a shared store.

use std::{
    collections::{HashMap, VecDeque},
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

pub struct LoginThrottle {
    max_failures: usize,
    window: Duration,
    failures: Mutex<HashMap<(IpAddr, String), VecDeque<Instant>>>,
}

impl LoginThrottle {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures: max_failures as usize,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when this client may not try this name now.
    pub fn check(&self, client: IpAddr, username: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let Some(recent) = failures.get_mut(&(client, username.to_owned())) else {
            return Ok(());
        };
        while recent
            .front()
            .is_some_and(|at| now.duration_since(*at) >= self.window)
        {
            recent.pop_front();
        }
        if recent.len() < self.max_failures {
            return Ok(());
        }
        let oldest = recent.front().copied().unwrap_or(now);
        let wait = self.window.saturating_sub(now.duration_since(oldest));
        Err(wait.as_secs().max(1))
    }

    pub fn record_failure(&self, client: IpAddr, username: &str) {
        let now = Instant::now();
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Bound the memory an attacker can make us hold: forget stale entries when it grows.
        if failures.len() > 100_000 {
            failures.retain(|_, recent| {
                recent
                    .back()
                    .is_some_and(|at| now.duration_since(*at) < self.window)
            });
        }
        failures
            .entry((client, username.to_owned()))
            .or_default()
            .push_back(now);
    }

    pub fn record_success(&self, client: IpAddr, username: &str) {
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        failures.remove(&(client, username.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn a_client_is_stopped_after_the_allowed_failures() {
        let throttle = LoginThrottle::new(3, Duration::from_secs(60));
        for _ in 0..3 {
            assert!(throttle.check(CLIENT, "admin").is_ok());
            throttle.record_failure(CLIENT, "admin");
        }
        assert!(throttle.check(CLIENT, "admin").is_err());
        assert!(throttle.check(CLIENT, "editor").is_ok());
    }

    #[test]
    fn a_success_clears_the_failures() {
        let throttle = LoginThrottle::new(1, Duration::from_secs(60));
        throttle.record_failure(CLIENT, "admin");
        throttle.record_success(CLIENT, "admin");
        assert!(throttle.check(CLIENT, "admin").is_ok());
    }

    #[test]
    fn failures_age_out_of_the_window() {
        let throttle = LoginThrottle::new(1, Duration::from_millis(1));
        throttle.record_failure(CLIENT, "admin");
        std::thread::sleep(Duration::from_millis(5));
        assert!(throttle.check(CLIENT, "admin").is_ok());
    }
}
