//! Connecting to PostgreSQL and bringing its schema up to date.

use diesel::pg::PgConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// The SQL migrations under `indexer/migrations`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot connect to PostgreSQL at {url}: {source}")]
    Connect { url: String, source: diesel::ConnectionError },
    #[error("migration failed: {0}")]
    Migrate(String),
}

/// Opens a connection; the error names the URL (without its password).
pub fn connect(url: &str) -> Result<PgConnection, DbError> {
    PgConnection::establish(url).map_err(|source| DbError::Connect { url: redact_password(url), source })
}

/// Applies every migration not yet applied; returns the versions it applied (none when current).
pub fn migrate(conn: &mut PgConnection) -> Result<Vec<String>, DbError> {
    let applied = conn.run_pending_migrations(MIGRATIONS).map_err(|err| DbError::Migrate(err.to_string()))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// `postgres://user:secret@host/db` -> `postgres://user:***@host/db`, for messages and logs.
pub fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((credentials, host)) = rest.split_once('@') else { return url.to_owned() };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact_password("postgres://u:hunter2@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(redact_password("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact_password("not a url"), "not a url");
    }
}
