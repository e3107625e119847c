//! Black-box tests of the HTTP API, one module per resource (mirroring `/api/v1/...`). Every
//! scenario runs on SQLite, PostgreSQL and MariaDB.
#![allow(clippy::unwrap_used, clippy::expect_used)] // failing loudly is the point of a test

mod articles;
mod auth;
mod browsers;
mod categories;
mod concurrency;
mod cursors;
mod demo;
mod errors;
mod friend_links;
mod health;
mod import;
mod import_dedecms;
mod media;
mod media_bucket;
mod openapi;
mod pages;
mod relevance;
mod roles;
mod search;
mod site;
mod users;
mod views;
