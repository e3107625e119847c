//! Login throttling, in the database so that it holds across instances.
//!
//! Failed logins are counted in fixed windows under three keys, each with its own limit:
//! - the client address and the account together (a person mistyping, a guesser on one
//!   account from one place);
//! - the account from any address (a guesser spread over many addresses);
//! - the client address across accounts (password spraying: one password tried on many
//!   names).
//!
//! A key never holds what the client sent verbatim: names are hashed, IPv6 addresses are cut
//! to their /64 (what one subscriber gets), so a key is at most 80 bytes whatever is sent.
//! Expired windows are deleted by the housekeeping task, so the table stays as small as the
//! last window's failures.

use std::{net::IpAddr, time::Duration};

use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};

use crate::{
    db::{self, entities::login_failure},
    encoding::lower_hex,
    error::ApiResult,
};

/// Failures allowed per window, per key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleLimits {
    pub per_address_and_account: u32,
    pub per_account: u32,
    pub per_address: u32,
}

pub struct LoginThrottle {
    limits: ThrottleLimits,
    window: Duration,
}

/// Where the caller stands: the tightest of the three keys, for the `RateLimit` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the window of the tightest key ends (the whole window when unused).
    pub reset_secs: u64,
    pub window_secs: u64,
}

impl Quota {
    pub fn exhausted(&self) -> bool {
        self.remaining == 0
    }
}

/// The three keys of one attempt, with their limits.
fn keys(limits: &ThrottleLimits, client: IpAddr, username: &str) -> [(String, u32); 3] {
    let address = match client {
        IpAddr::V4(ip) => ip.to_string(),
        IpAddr::V6(ip) => {
            let segments = ip.segments();
            format!(
                "{:x}:{:x}:{:x}:{:x}::/64",
                segments[0], segments[1], segments[2], segments[3]
            )
        }
    };
    let digest = |parts: &[&str]| {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        lower_hex(&hasher.finalize()[..16])
    };
    let account = username.trim().to_ascii_lowercase();
    [
        (
            format!("pair:{}", digest(&[&address, &account])),
            limits.per_address_and_account,
        ),
        (
            format!("account:{}", digest(&[&account])),
            limits.per_account,
        ),
        (format!("address:{address}"), limits.per_address),
    ]
}

impl LoginThrottle {
    pub fn new(limits: ThrottleLimits, window: Duration) -> Self {
        Self { limits, window }
    }

    pub fn window(&self) -> Duration {
        self.window
    }

    /// The caller's quota before this attempt; exhausted means refuse it unchecked.
    pub async fn check(
        &self,
        db: &DatabaseConnection,
        client: IpAddr,
        username: &str,
    ) -> ApiResult<Quota> {
        let now = chrono::Utc::now().timestamp();
        let window = self.window.as_secs() as i64;
        let keys = keys(&self.limits, client, username);
        let rows = login_failure::Entity::find()
            .filter(login_failure::Column::Key.is_in(keys.iter().map(|(key, _)| key.clone())))
            .filter(login_failure::Column::WindowStart.gt(now - window))
            .all(db)
            .await?;
        let tightest = keys
            .iter()
            .map(|(key, limit)| {
                let row = rows.iter().find(|row| &row.key == key);
                let used = row.map_or(0, |row| u32::try_from(row.failures).unwrap_or(0));
                let reset = row.map_or(window, |row| row.window_start + window - now);
                Quota {
                    limit: *limit,
                    remaining: limit.saturating_sub(used),
                    reset_secs: u64::try_from(reset.max(1)).unwrap_or(1),
                    window_secs: window as u64,
                }
            })
            // Fewest left first; among exhausted ones, the one that frees latest.
            .min_by_key(|quota| (quota.remaining, std::cmp::Reverse(quota.reset_secs)));
        Ok(tightest.unwrap_or(Quota {
            limit: self.limits.per_address_and_account,
            remaining: self.limits.per_address_and_account,
            reset_secs: window as u64,
            window_secs: window as u64,
        }))
    }

    /// Counts a failed attempt under all three keys.
    pub async fn record_failure(
        &self,
        db: &DatabaseConnection,
        client: IpAddr,
        username: &str,
    ) -> ApiResult<()> {
        let now = chrono::Utc::now().timestamp();
        let window = self.window.as_secs() as i64;
        let keys: Vec<String> = keys(&self.limits, client, username)
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        db::retry_on_contention(|| async {
            // A window that has ended starts again at this failure.
            login_failure::Entity::delete_many()
                .filter(login_failure::Column::Key.is_in(keys.clone()))
                .filter(login_failure::Column::WindowStart.lte(now - window))
                .exec(db)
                .await?;
            for key in &keys {
                login_failure::Entity::insert(login_failure::ActiveModel {
                    key: Set(key.clone()),
                    window_start: Set(now),
                    failures: Set(1),
                })
                .on_conflict(increment_failures(db.get_database_backend()))
                .exec_without_returning(db)
                .await?;
            }
            Ok::<_, sea_orm::DbErr>(())
        })
        .await?;
        Ok(())
    }

    /// A successful login clears the address-and-account key (a person who finally typed it
    /// right); the wider keys keep counting, or a sprayer could reset them with one account
    /// of its own.
    pub async fn record_success(
        &self,
        db: &DatabaseConnection,
        client: IpAddr,
        username: &str,
    ) -> ApiResult<()> {
        let [(pair, _), _, _] = keys(&self.limits, client, username);
        db::retry_on_contention(|| login_failure::Entity::delete_by_id(pair.clone()).exec(db))
            .await?;
        Ok(())
    }

    /// Deletes the windows that have ended.
    pub async fn forget_expired(&self, db: &DatabaseConnection) -> ApiResult<u64> {
        let cutoff = chrono::Utc::now().timestamp() - self.window.as_secs() as i64;
        let deleted = login_failure::Entity::delete_many()
            .filter(login_failure::Column::WindowStart.lte(cutoff))
            .exec(db)
            .await?;
        Ok(deleted.rows_affected)
    }
}

/// `failures = failures + 1` on a key that already has a window.
fn increment_failures(backend: sea_orm::DatabaseBackend) -> OnConflict {
    let incremented = match backend {
        sea_orm::DatabaseBackend::MySql => Expr::cust("`failures` + 1"),
        _ => Expr::cust("\"login_failures\".\"failures\" + 1"),
    };
    OnConflict::column(login_failure::Column::Key)
        .value(login_failure::Column::Failures, incremented)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ThrottleLimits = ThrottleLimits {
        per_address_and_account: 5,
        per_account: 20,
        per_address: 30,
    };

    #[test]
    fn a_key_stays_short_whatever_name_is_sent() {
        let long_name = "x".repeat(4 * 1024 * 1024);
        let client = IpAddr::V6(std::net::Ipv6Addr::new(
            0x2001, 0xdb8, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff,
        ));
        for (key, _) in keys(&LIMITS, client, &long_name) {
            assert!(key.len() <= 80, "{key}");
        }
    }

    #[test]
    fn the_account_key_ignores_case_and_spaces_and_the_address_key_the_name() {
        let client = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 7));
        let a = keys(&LIMITS, client, "Admin ");
        let b = keys(&LIMITS, client, "admin");
        assert_eq!(a, b);
        let other = keys(&LIMITS, client, "editor");
        assert_ne!(a[0], other[0]);
        assert_ne!(a[1], other[1]);
        assert_eq!(a[2], other[2]);
    }

    #[test]
    fn addresses_in_one_ipv6_64_share_a_key() {
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap_or(IpAddr::V4(0.into()));
        let two: IpAddr = "2001:db8:1:2:ffff::9"
            .parse()
            .unwrap_or(IpAddr::V4(0.into()));
        assert_eq!(keys(&LIMITS, one, "a")[2], keys(&LIMITS, two, "a")[2]);
    }
}
