//! Per-pipeline watermarks: the highest checkpoint whose rows are committed. They only move
//! forward, and they are written in the caller's transaction together with the rows.

use crate::schema::watermarks;
use diesel::prelude::*;
use diesel::query_dsl::methods::FilterDsl;
use diesel::upsert::excluded;

/// A pipeline's committed progress.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = watermarks)]
pub struct Watermark {
    pub pipeline: String,
    pub checkpoint_hi_inclusive: i64,
    pub timestamp_ms_hi_inclusive: i64,
    pub reader_lo: i64,
}

impl Watermark {
    /// The first checkpoint a restarted pipeline must process.
    pub fn next_checkpoint(&self) -> i64 {
        self.checkpoint_hi_inclusive + 1
    }
}

/// Raises `pipeline`'s watermark to `checkpoint` unless it is already there or beyond (a replayed
/// batch after a crash must not move it back). Returns whether it moved.
pub fn advance(
    conn: &mut PgConnection,
    pipeline: &str,
    checkpoint: i64,
    timestamp_ms: i64,
) -> QueryResult<bool> {
    let row = Watermark {
        pipeline: pipeline.to_owned(),
        checkpoint_hi_inclusive: checkpoint,
        timestamp_ms_hi_inclusive: timestamp_ms,
        reader_lo: 0,
    };
    let upsert = diesel::insert_into(watermarks::table)
        .values(&row)
        .on_conflict(watermarks::pipeline)
        .do_update()
        .set((
            watermarks::checkpoint_hi_inclusive.eq(excluded(watermarks::checkpoint_hi_inclusive)),
            watermarks::timestamp_ms_hi_inclusive.eq(excluded(watermarks::timestamp_ms_hi_inclusive)),
        ));
    // `ON CONFLICT ... DO UPDATE ... WHERE`: the upsert's own filter, not `QueryDsl::filter`.
    let changed =
        FilterDsl::filter(upsert, watermarks::checkpoint_hi_inclusive.lt(checkpoint)).execute(conn)?;
    Ok(changed == 1)
}

/// One pipeline's watermark, if it has committed anything.
pub fn get(conn: &mut PgConnection, pipeline: &str) -> QueryResult<Option<Watermark>> {
    watermarks::table.find(pipeline).select(Watermark::as_select()).first(conn).optional()
}

/// Every pipeline's watermark, by name.
pub fn all(conn: &mut PgConnection) -> QueryResult<Vec<Watermark>> {
    watermarks::table.order(watermarks::pipeline).select(Watermark::as_select()).load(conn)
}
