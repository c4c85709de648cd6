//! Malformed values of every argument type, fed to the binary: each gives its exit status and a
//! one-line message naming the value and what to write instead, and never a panic; nothing is
//! sent.

mod common;

use common::{assert_fails, Setup, ORDER_CREATE};
use sui_sdk_types::Address;

const IDENTITY: Address = Address::new([0x1d; 32]);
const ORDER: Address = Address::new([0x0d; 32]);

/// A valid `order create` with `flag` set to `value`.
fn order_create(flag: &'static str, value: &'static str) -> Vec<&'static str> {
    let mut args = ORDER_CREATE.to_vec();
    match args.iter().position(|a| *a == flag) {
        Some(at) => args[at + 1] = value,
        None => args.extend([flag, value]),
    }
    args
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

#[test]
fn every_argument_type_refuses_malformed_values_on_one_line() {
    let setup = Setup::new("malformed");
    setup.double.add_shared_object(IDENTITY, "0xa1::identity::Identity", 40, vec![]);
    setup.double.add_shared_object(ORDER, "0xa1::order::Order<0x2::sui::SUI>", 9, vec![]);
    let (identity, order) = (leak(&IDENTITY.to_string()), leak(&ORDER.to_string()));
    let too_long = leak(&format!("0x{}", "1".repeat(65)));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        // object ids
        (vec!["order", "top-up", "--order", "zz", "--amount", "5 SUI"], "--order `zz` is not an object id"),
        (vec!["order", "cancel", "--order", too_long], "--order"),
        (vec!["stake", "add", "--identity", "0xnothex", "--amount", "1 HASH"], "--identity `0xnothex`"),
        (vec!["dao", "vote", "--proposal", "12g", "--lock", "0x1", "--support", "for"], "--proposal `12g`"),
        (vec!["dao", "vote", "--proposal", "0x1", "--lock", "lock", "--support", "for"], "--lock `lock`"),
        (vec!["dao", "execute", "--proposal", "proposal-1"], "--proposal `proposal-1`"),
        (vec!["dao", "propose", "signal", "--lock", "0xq"], "--lock `0xq`"),
        (vec!["dao", "propose", "add-feeder", "--feeder", "bob", "--lock", "0x1"], "--feeder `bob`"),
        (vec!["identity", "create", "--role", "keeper", "--sender", "0xzz"], "--sender `0xzz`"),
        // public keys
        (
            vec![
                "identity",
                "add-key",
                "--identity",
                identity,
                "--id",
                "k",
                "--key-type",
                "ed25519",
                "--public-key",
                "zz",
                "--purpose",
                "authentication",
            ],
            "--public-key `zz` is not hex",
        ),
        (
            vec![
                "identity",
                "rotate-key",
                "--identity",
                identity,
                "--id",
                "k",
                "--key-type",
                "ed25519",
                "--public-key",
                "0x11",
            ],
            "is 1 bytes",
        ),
        // amounts
        (order_create("--escrow", "1.2.3 SUI"), "e.g. `12.5 SUI`"),
        (order_create("--escrow", "99999999999999999999 SUI"), "the most is 18446744073.709551615 SUI"),
        (order_create("--price", "cheap"), "cheap"),
        (order_create("--hashrate-cap", "3"), "`3` has no unit"),
        (order_create("--hashrate-cap", "19 EH/s"), "too large"),
        (vec!["order", "top-up", "--order", order, "--amount", "five SUI"], "five SUI"),
        (vec!["dao", "lock", "--amount", "1e3 HASH", "--weeks", "4"], "1e3 HASH"),
        (order_create("--gas-budget", "0.05"), "`0.05` has no unit"),
        // numbers: not numeric, out of range, overflowing
        (order_create("--expires-in-hours", "soon"), "soon"),
        (order_create("--expires-in-hours", "99999999999999999999"), "99999999999999999999"),
        (order_create("--expires-in-hours", "18446744073709551615"), "too far in the future"),
        (order_create("--gas-price", "-1"), "-1"),
        (vec!["dao", "lock", "--amount", "1 HASH", "--weeks", "0"], "0"),
        (
            vec!["dao", "lock", "--amount", "1 HASH", "--weeks", "18446744073709551616"],
            "18446744073709551616",
        ),
        (
            vec![
                "dao",
                "propose",
                "set-market-fees",
                "--platform-fee-bps",
                "5%",
                "--keeper-share-bps",
                "1",
                "--lock",
                "0x1",
            ],
            "5%",
        ),
        (order_create("--payout", "zz"), "--payout `zz` is not hex"),
    ];
    for (mut args, named) in cases {
        args.push("--dry-run");
        assert_fails(&setup.run(&args), 2, named);
    }
    assert!(setup.double.submitted().is_empty() && setup.double.simulated().is_empty());
}

#[test]
fn a_well_formed_id_of_nothing_is_not_found_with_a_hint() {
    let setup = Setup::new("missing-object");
    let missing = "0x00000000000000000000000000000000000000000000000000000000000000ff";
    let out = setup.run(&["order", "cancel", "--order", missing, "--dry-run"]);
    assert_fails(&out, 5, "check the id and --network");
    assert!(common::stderr(&out).contains(missing));
}
