//! The aihash indexer: checkpoints into PostgreSQL (diesel), a read API, DID resolution and
//! metrics. This is its storage foundation: migrations and per-pipeline watermarks.

pub mod db;
pub mod schema;
pub mod watermark;
