//! Benchmark: build and sign 10,000 order transactions (`order::new` + `order::share`, escrow split
//! from the gas coin) with the SDK's builders and keys, next to a baseline measured in the same
//! run: raw Ed25519 signing of the same signing digests. Run by `make bench-sdk`.

use aihash_sdk::tx::{Calls, Deployment};
use std::time::Instant;
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::{Signer, SuiSigner};
use sui_sdk_types::{Address, Digest, Ed25519Signature, StructTag};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

const TRANSACTIONS: u64 = 10_000;

fn main() {
    let deployment = Deployment::made_up(Address::new([0xa1; 32]));
    let calls = Calls { deployment: &deployment };
    let key = Ed25519PrivateKey::new([7; 32]);
    let sender = key.public_key().derive_address();
    let sui: StructTag = "0x2::sui::SUI".parse().unwrap();

    let started = Instant::now();
    let mut digests = Vec::with_capacity(TRANSACTIONS as usize);
    for i in 0..TRANSACTIONS {
        let mut tx = TransactionBuilder::new();
        let gas = tx.gas();
        let amount = tx.pure(&(10_000_000_000u64 + i));
        let escrow = tx.split_coins(gas, vec![amount]).remove(0);
        calls.order_create(
            &mut tx,
            &sui,
            "stratum+tcp://pool.example:3333",
            "buyer.rig",
            &[0, 20],
            45_000_000,
            3_000_000_000_000_000,
            escrow,
            1_800_000_000_000 + i,
        );
        tx.set_sender(sender);
        tx.set_gas_budget(50_000_000);
        tx.set_gas_price(1_000);
        tx.add_gas_objects([ObjectInput::owned(Address::new([0x6a; 32]), i + 1, Digest::ZERO)]);
        let transaction = tx.try_build().expect("builds");
        key.sign_transaction(&transaction).expect("signs");
        digests.push(transaction.signing_digest());
    }
    let build_and_sign = started.elapsed();

    let started = Instant::now();
    for digest in &digests {
        let _: Ed25519Signature = key.try_sign(digest).expect("signs");
    }
    let raw = started.elapsed();

    let per = |total: std::time::Duration| total.as_secs_f64() * 1e6 / TRANSACTIONS as f64;
    println!("SDK signing benchmark ({TRANSACTIONS} order transactions)");
    println!(
        "  build + sign (aihash-sdk)   {:8.1} µs/tx  ({:.2} s total)",
        per(build_and_sign),
        build_and_sign.as_secs_f64()
    );
    println!("  raw ed25519 sign (baseline) {:8.1} µs/tx  ({:.2} s total)", per(raw), raw.as_secs_f64());
    println!("  building and encoding cost  {:8.1} µs/tx over the baseline", per(build_and_sign) - per(raw));
}
