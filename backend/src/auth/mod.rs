//! Who is calling: password hashing (argon2id), access tokens (JWT, HS256 pinned), the
//! login throttle, and the extractors that give handlers the logged-in user.
//!
//! This module never decides what a role may do with a resource beyond "editor or admin":
//! the services hold those rules.

mod extractor;
mod password;
mod throttle;
mod tokens;

pub use extractor::{Admin, CurrentUser, Editor, MaybeUser, Session};
pub use password::{burn_verification_time, hash_password, verify_password};
pub use throttle::{LoginThrottle, Quota, Reservation, ThrottleLimits};
pub use tokens::{Claims, TokenKeys, VerifiedToken};
