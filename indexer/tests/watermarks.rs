//! Watermarks against a real PostgreSQL: each test gets its own fresh database.

use aihash_indexer::{db, watermark};
use diesel::prelude::*;
use diesel::sql_query;

const ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A database created for one test and dropped when the test ends.
struct TestDatabase {
    name: String,
    url: String,
    admin_url: String,
}

impl TestDatabase {
    fn new(test: &str) -> Self {
        let admin_url = std::env::var("AIHASH_TEST_DATABASE_URL").unwrap_or_else(|_| ADMIN_URL.into());
        let name = format!("aihash_{test}_{}", std::process::id());
        let mut admin = db::connect(&admin_url).expect("PostgreSQL runs on 127.0.0.1:5432 (`make setup`)");
        sql_query(format!("DROP DATABASE IF EXISTS {name}")).execute(&mut admin).unwrap();
        sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).unwrap();
        let (base, _) = admin_url.rsplit_once('/').expect("URL ends with /database");
        Self { url: format!("{base}/{name}"), name, admin_url }
    }

    fn connect(&self) -> PgConnection {
        db::connect(&self.url).unwrap()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = db::connect(&self.admin_url) {
            let _ =
                sql_query(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).execute(&mut admin);
        }
    }
}

#[test]
fn migrations_apply_once_and_then_report_nothing_to_do() {
    let database = TestDatabase::new("migrate");
    let mut conn = database.connect();
    assert_eq!(db::migrate(&mut conn).unwrap().len(), 1);
    assert!(db::migrate(&mut conn).unwrap().is_empty());
    assert!(watermark::all(&mut conn).unwrap().is_empty());
}

#[test]
fn watermark_only_moves_forward_and_survives_a_reconnect() {
    let database = TestDatabase::new("advance");
    let mut conn = database.connect();
    db::migrate(&mut conn).unwrap();

    assert_eq!(watermark::get(&mut conn, "events").unwrap(), None);
    assert!(watermark::advance(&mut conn, "events", 10, 1_000).unwrap());
    assert!(watermark::advance(&mut conn, "events", 12, 1_200).unwrap());
    // A batch replayed after a crash must not move the watermark back, nor rewrite it in place.
    assert!(!watermark::advance(&mut conn, "events", 11, 1_100).unwrap());
    assert!(!watermark::advance(&mut conn, "events", 12, 9_999).unwrap());
    // Pipelines are independent.
    assert!(watermark::advance(&mut conn, "orders", 3, 300).unwrap());
    drop(conn);

    let mut conn = database.connect();
    let events = watermark::get(&mut conn, "events").unwrap().unwrap();
    assert_eq!((events.checkpoint_hi_inclusive, events.timestamp_ms_hi_inclusive), (12, 1_200));
    assert_eq!(events.next_checkpoint(), 13);
    let names: Vec<_> = watermark::all(&mut conn).unwrap().into_iter().map(|w| w.pipeline).collect();
    assert_eq!(names, ["events", "orders"]);
}

#[test]
fn watermark_advances_only_when_its_transaction_commits() {
    let database = TestDatabase::new("rollback");
    let mut conn = database.connect();
    db::migrate(&mut conn).unwrap();
    watermark::advance(&mut conn, "events", 5, 500).unwrap();

    let failed: Result<(), diesel::result::Error> = conn.transaction(|tx| {
        watermark::advance(tx, "events", 6, 600)?;
        // The batch's rows fail to write: the watermark must stay at 5.
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(failed.is_err());
    assert_eq!(watermark::get(&mut conn, "events").unwrap().unwrap().checkpoint_hi_inclusive, 5);
}

#[test]
fn unreachable_database_is_named_in_the_error() {
    let err = db::connect("postgres://postgres:secret@127.0.0.1:1/nowhere").err().unwrap().to_string();
    assert!(err.contains("127.0.0.1:1/nowhere"), "{err}");
    assert!(!err.contains("secret"), "{err}");
}
