//! Diesel table definitions, matching `migrations/`.

diesel::table! {
    watermarks (pipeline) {
        pipeline -> Text,
        checkpoint_hi_inclusive -> Int8,
        timestamp_ms_hi_inclusive -> Int8,
        reader_lo -> Int8,
    }
}
