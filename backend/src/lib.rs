//! The portal CMS server.
//!
//! Layout: `routes` holds one module per API resource (HTTP in, HTTP out, nothing else);
//! `services` hold the rules and talk to the database through `db`; `domain` holds the
//! validated value types the services accept; `auth` holds passwords, tokens and the
//! logged-in-user extractor; `http` holds the cross-cutting HTTP pieces (caching, extractor
//! errors, the SPA host); `error` is the one error type every handler returns.
//! `startup::Application` wires them together; tests build it on a random port.

pub mod admission;
pub mod auth;
pub mod config;
pub mod db;
pub mod domain;
pub mod encoding;
pub mod error;
pub mod files;
pub mod hits;
pub mod http;
pub mod import;
pub mod openapi;
pub mod pages;
pub mod progress;
pub mod routes;
pub mod search;
pub mod services;
pub mod startup;
pub mod state;
pub mod storage;
