//! Liveness and readiness answers.

use serde::{Deserialize, Serialize};

/// The process is up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `ok` when the process answers.
    pub status: String,
    /// The server's version.
    pub version: String,
}

/// The process can serve requests: its database answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// `ok` when ready.
    pub status: String,
    /// The database backend in use: `sqlite`, `postgres` or `mysql`.
    pub database: String,
}
