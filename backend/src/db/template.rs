//! Statements built once: for the hottest reads, building the SQL with sea-query (an
//! expression tree, then text) costs more than SQLite takes to run a primary-key lookup.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{SelectStatement, Value},
    DatabaseBackend, Statement,
};

/// A statement whose SQL depends only on the database kind, with two parameters: an id and a
/// time. It is built once per kind with marker values, and each use puts the real values in
/// the markers' places.
pub struct StatementTemplate {
    build: fn(i32, DateTime<Utc>) -> SelectStatement,
    built: [OnceLock<(String, Vec<Value>)>; 3],
}

/// Values no real statement carries in these places: ids are positive and times are in whole
/// seconds.
const MARKER_ID: i32 = i32::MIN + 20_261_129;
fn marker_time() -> DateTime<Utc> {
    DateTime::from_timestamp(1, 7).unwrap_or_default()
}

impl StatementTemplate {
    pub const fn new(build: fn(i32, DateTime<Utc>) -> SelectStatement) -> Self {
        Self {
            build,
            built: [OnceLock::new(), OnceLock::new(), OnceLock::new()],
        }
    }

    /// The statement for `id` and `at`, the same as building it afresh.
    pub fn statement(&self, backend: DatabaseBackend, id: i32, at: DateTime<Utc>) -> Statement {
        let slot = match backend {
            DatabaseBackend::MySql => 0,
            DatabaseBackend::Postgres => 1,
            DatabaseBackend::Sqlite => 2,
        };
        let (sql, markers) = self.built[slot].get_or_init(|| {
            let built = backend.build(&(self.build)(MARKER_ID, marker_time()));
            (
                built.sql,
                built.values.map(|values| values.0).unwrap_or_default(),
            )
        });
        let values = markers.iter().map(|value| match value {
            Value::Int(Some(MARKER_ID)) => Value::Int(Some(id)),
            Value::ChronoDateTimeUtc(Some(time)) if **time == marker_time() => at.into(),
            other => other.clone(),
        });
        Statement::from_sql_and_values(backend, sql.clone(), values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, Expr, Query};

    fn sample(id: i32, at: DateTime<Utc>) -> SelectStatement {
        Query::select()
            .column(Alias::new("title"))
            .from(Alias::new("articles"))
            .and_where(Expr::col(Alias::new("id")).eq(id))
            .and_where(Expr::col(Alias::new("status")).eq("published"))
            .and_where(Expr::col(Alias::new("published_at")).lte(at))
            .and_where(Expr::col(Alias::new("hits")).gte(0))
            .to_owned()
    }

    #[test]
    fn a_template_gives_what_building_afresh_gives() {
        static TEMPLATE: StatementTemplate = StatementTemplate::new(sample);
        let at = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        for backend in [
            DatabaseBackend::Sqlite,
            DatabaseBackend::Postgres,
            DatabaseBackend::MySql,
        ] {
            for id in [1, 481, MARKER_ID] {
                assert_eq!(
                    TEMPLATE.statement(backend, id, at),
                    backend.build(&sample(id, at)),
                    "{backend:?} {id}"
                );
            }
        }
    }
}
