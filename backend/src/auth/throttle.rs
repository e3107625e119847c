//! Login throttling, in the database so that it holds across instances.
//!
//! Failed logins are counted in fixed windows under three keys, each with its own limit:
//! - the client address and the account together (a person mistyping, a guesser on one
//!   account from one place);
//! - the account from any address (a guesser spread over many addresses);
//! - the client address across accounts (password spraying: one password tried on many
//!   names).
//!
//! An attempt is counted before its password is checked (`reserve`), so that concurrent guesses
//! cannot all pass on one reading of the quota; a successful login takes its count back.
//!
//! An address from which the account has logged in before (within 30 days) is a known one: the
//! per-account key does not apply to it, so guessers elsewhere cannot lock the owner out.
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

/// How long an address stays known to an account after a successful login.
const KNOWN_FOR_SECS: i64 = 30 * 24 * 3600;
const KNOWN_PREFIX: &str = "known:";

/// The row that says the account logged in from this address.
fn known_key(client: IpAddr, username: &str) -> String {
    let [(pair, _), _, _] = keys(
        &ThrottleLimits {
            per_address_and_account: 0,
            per_account: 0,
            per_address: 0,
        },
        client,
        username,
    );
    format!("{KNOWN_PREFIX}{}", pair.trim_start_matches("pair:"))
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

    /// The keys that apply to this attempt: all three, or without the per-account key from an
    /// address the account is known at.
    async fn applicable(
        &self,
        db: &impl ConnectionTrait,
        client: IpAddr,
        username: &str,
        now: i64,
    ) -> ApiResult<Vec<(String, u32)>> {
        let known = login_failure::Entity::find_by_id(known_key(client, username))
            .one(db)
            .await?
            .is_some_and(|row| row.window_start > now - KNOWN_FOR_SECS);
        Ok(keys(&self.limits, client, username)
            .into_iter()
            .enumerate()
            .filter(|(index, _)| !(known && *index == 1))
            .map(|(_, key)| key)
            .collect())
    }

    /// The tightest of the keys' quotas, from their rows.
    fn quota(&self, keys: &[(String, u32)], rows: &[login_failure::Model], now: i64) -> Quota {
        let window = self.window.as_secs() as i64;
        keys.iter()
            .map(|(key, limit)| {
                let row = rows
                    .iter()
                    .find(|row| &row.key == key && row.window_start > now - window);
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
            .min_by_key(|quota| (quota.remaining, std::cmp::Reverse(quota.reset_secs)))
            .unwrap_or(Quota {
                limit: self.limits.per_address_and_account,
                remaining: self.limits.per_address_and_account,
                reset_secs: window as u64,
                window_secs: window as u64,
            })
    }

    /// The caller's quota before this attempt: exhausted means refuse it without counting.
    pub async fn check(
        &self,
        db: &DatabaseConnection,
        client: IpAddr,
        username: &str,
    ) -> ApiResult<Quota> {
        let now = chrono::Utc::now().timestamp();
        let keys = self.applicable(db, client, username, now).await?;
        let rows = login_failure::Entity::find()
            .filter(login_failure::Column::Key.is_in(keys.iter().map(|(key, _)| key.clone())))
            .all(db)
            .await?;
        Ok(self.quota(&keys, &rows, now))
    }

    /// Counts this attempt under its keys before the password is checked, in one write
    /// transaction, and answers what is left. `over` when this attempt is past a limit: refuse
    /// it (its count stays, as a failure's would).
    pub async fn reserve(
        &self,
        db: &DatabaseConnection,
        client: IpAddr,
        username: &str,
    ) -> ApiResult<Reservation> {
        let now = chrono::Utc::now().timestamp();
        let window = self.window.as_secs() as i64;
        db::retry_on_contention(|| async {
            let txn = db::begin_write(db).await?;
            let keys = self.applicable(&txn, client, username, now).await?;
            let names: Vec<String> = keys.iter().map(|(key, _)| key.clone()).collect();
            // A window that has ended starts again at this attempt.
            login_failure::Entity::delete_many()
                .filter(login_failure::Column::Key.is_in(names.clone()))
                .filter(login_failure::Column::WindowStart.lte(now - window))
                .exec(&txn)
                .await?;
            for key in &names {
                login_failure::Entity::insert(login_failure::ActiveModel {
                    key: Set(key.clone()),
                    window_start: Set(now),
                    failures: Set(1),
                })
                .on_conflict(increment_failures(txn.get_database_backend()))
                .exec_without_returning(&txn)
                .await?;
            }
            let rows = login_failure::Entity::find()
                .filter(login_failure::Column::Key.is_in(names))
                .all(&txn)
                .await?;
            txn.commit().await?;
            let over = keys.iter().any(|(key, limit)| {
                rows.iter().any(|row| {
                    &row.key == key && u32::try_from(row.failures).unwrap_or(u32::MAX) > *limit
                })
            });
            Ok::<_, crate::error::ApiError>(Reservation {
                quota: self.quota(&keys, &rows, now),
                over,
            })
        })
        .await
    }

    /// A successful login: its reserved count is taken back, the address-and-account key is
    /// cleared (a person who finally typed it right) and the address becomes known to the
    /// account. The per-address count of other failures stays, or a sprayer could reset it
    /// with one account of its own.
    pub async fn record_success(
        &self,
        db: &DatabaseConnection,
        client: IpAddr,
        username: &str,
    ) -> ApiResult<()> {
        let now = chrono::Utc::now().timestamp();
        let [(pair, _), (account, _), (address, _)] = keys(&self.limits, client, username);
        let known = known_key(client, username);
        db::retry_on_contention(|| async {
            let txn = db::begin_write(db).await?;
            login_failure::Entity::delete_by_id(pair.clone())
                .exec(&txn)
                .await?;
            login_failure::Entity::update_many()
                .col_expr(
                    login_failure::Column::Failures,
                    Expr::col(login_failure::Column::Failures).sub(1),
                )
                .filter(login_failure::Column::Key.is_in([account.clone(), address.clone()]))
                .filter(login_failure::Column::Failures.gt(0))
                .exec(&txn)
                .await?;
            login_failure::Entity::insert(login_failure::ActiveModel {
                key: Set(known.clone()),
                window_start: Set(now),
                failures: Set(0),
            })
            .on_conflict(
                OnConflict::column(login_failure::Column::Key)
                    .update_column(login_failure::Column::WindowStart)
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
            txn.commit().await
        })
        .await?;
        Ok(())
    }

    /// Deletes the windows that have ended and the addresses no longer known.
    pub async fn forget_expired(&self, db: &DatabaseConnection) -> ApiResult<u64> {
        let now = chrono::Utc::now().timestamp();
        let ended = login_failure::Entity::delete_many()
            .filter(login_failure::Column::WindowStart.lte(now - self.window.as_secs() as i64))
            .filter(login_failure::Column::Key.not_like(format!("{KNOWN_PREFIX}%")))
            .exec(db)
            .await?;
        let forgotten = login_failure::Entity::delete_many()
            .filter(login_failure::Column::WindowStart.lte(now - KNOWN_FOR_SECS))
            .filter(login_failure::Column::Key.like(format!("{KNOWN_PREFIX}%")))
            .exec(db)
            .await?;
        Ok(ended.rows_affected + forgotten.rows_affected)
    }
}

/// An attempt counted before its password is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reservation {
    pub quota: Quota,
    pub over: bool,
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
