//! What the keeper's integration tests share.

#![allow(dead_code)] // each test binary uses its own part

use std::time::{Duration, Instant};

/// The payout script the test pools' coinbases pay in these tests.
pub fn payout() -> bitcoin::ScriptBuf {
    use bitcoin::hashes::Hash;
    bitcoin::ScriptBuf::new_p2wpkh(&bitcoin::WPubkeyHash::from_byte_array([7; 20]))
}

/// Waits (polling every 20 ms) until `done`, failing the test after `deadline`.
pub async fn until(what: &str, deadline: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
