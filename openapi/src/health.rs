//! Liveness and readiness answers.

use serde::{Deserialize, Serialize};

/// The process is up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `ok` when the process answers.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "ok"))]
    pub status: String,
    /// The server's version.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "0.1.0"))]
    pub version: String,
}

/// The process can serve requests: its database answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// `ok` when ready.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "ok"))]
    pub status: String,
    /// The database backend in use: `sqlite`, `postgres` or `mysql`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, example = "postgres"))]
    pub database: String,
}
