-- How far each pipeline has committed, written in the same transaction as its rows (as in
-- sui-indexer-alt), so a restart resumes exactly after the last committed checkpoint.
CREATE TABLE watermarks (
    pipeline                  TEXT   PRIMARY KEY,
    checkpoint_hi_inclusive   BIGINT NOT NULL CHECK (checkpoint_hi_inclusive >= 0),
    timestamp_ms_hi_inclusive BIGINT NOT NULL CHECK (timestamp_ms_hi_inclusive >= 0),
    -- Lowest checkpoint readers may rely on; raised by the pruner.
    reader_lo                 BIGINT NOT NULL DEFAULT 0 CHECK (reader_lo >= 0)
);
