//! Rust types of every datatype of the `aihash` Move package (objects, events and the values inside
//! them), generated at build time from `sources/` by moverox-build (see `build.rs`), with the Sui
//! framework's types (`UID`, `Balance`, `String`, ...) from moverox-sui. The tests decode the
//! golden vectors the Move tests assert, so a layout change on either side fails a test.

moverox::include_oxidized!("aihash");

mod bitcoin_header;
#[cfg(test)]
mod golden_tests;
