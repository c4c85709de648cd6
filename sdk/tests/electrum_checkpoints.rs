//! Every mainnet retarget period in Debian's python3-electrum `checkpoints.json` (installed by
//! `make setup`, never copied into this repository) against the proof-of-work helpers.
//!
//! Entry `i` is `[hash of the last block of period i, target of period i + 1]`: Electrum stores the
//! target the period's end produced. So the hash of period `i` must meet entry `i - 1`'s target
//! (the genesis target for period 0), and need not meet its own entry's target.

use aihash_sdk::pow::{parse_header_hex, target_from_bits};
use bitcoin::{BlockHash, Target};
use primitive_types::U256;
use std::str::FromStr;

const DEFAULT_PATH: &str = "/usr/lib/python3/dist-packages/electrum/checkpoints.json";

fn checkpoints() -> Vec<(BlockHash, Target)> {
    let path = std::env::var("AIHASH_ELECTRUM_CHECKPOINTS").unwrap_or_else(|_| DEFAULT_PATH.into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!("cannot read {path} ({err}): install Debian's python3-electrum (`make setup`)")
    });
    // The targets are JSON integers far beyond u64, hence `arbitrary_precision` and U256.
    let rows: Vec<(String, serde_json::Number)> =
        serde_json::from_str(&text).expect("checkpoints.json is [[hash, target], ...]");
    rows.into_iter()
        .map(|(hash, target)| {
            let target = U256::from_dec_str(&target.to_string()).expect("target is a 256-bit integer");
            (
                BlockHash::from_str(&hash).expect("block hash hex"),
                Target::from_be_bytes(target.to_big_endian()),
            )
        })
        .collect()
}

#[test]
fn every_retarget_target_round_trips_through_compact_bits() {
    let checkpoints = checkpoints();
    assert!(checkpoints.len() >= 371, "expected the full mainnet history, got {} periods", checkpoints.len());
    for (period, (_, target)) in checkpoints.iter().enumerate() {
        let bits = target.to_compact_lossy();
        assert_eq!(
            target_from_bits(bits).unwrap(),
            *target,
            "period {period}, bits {:#010x}",
            bits.to_consensus()
        );
    }
}

#[test]
fn every_period_ends_with_a_block_that_meets_the_target_governing_it() {
    let checkpoints = checkpoints();
    let mut governing = Target::MAX_ATTAINABLE_MAINNET;
    for (period, (hash, next_target)) in checkpoints.iter().enumerate() {
        assert!(governing.is_met_by(*hash), "period {period}: {hash} does not meet its target");
        governing = *next_target;
    }
}

#[test]
fn golden_dec_2010_header_uses_a_mainnet_target_of_its_time() {
    let header =
        parse_header_hex(&hex::encode(aihash_sdk::golden::bytes("mainnet_header_dec_2010").unwrap()))
            .unwrap();
    let target = target_from_bits(header.bits).unwrap();
    let period =
        checkpoints().iter().position(|(_, t)| *t == target).expect("bits 1b04864c are a mainnet target");
    // Entry 48 holds the target of period 49 (blocks 98,784 to 100,799), December 2010.
    assert_eq!(period, 48);
}
