//! `aihash pow` as a user runs it: exit codes, messages and JSON.

use std::process::{Command, Output};

const GENESIS: &str = "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";

fn aihash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aihash")).args(args).output().expect("aihash runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn genesis_header_holds_with_exit_0() {
    let out = aihash(&["pow", "verify-header", GENESIS]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"), "{text}");
    assert!(text.contains("00000000ffff0000000000000000000000000000000000000000000000000000"), "{text}");
    assert!(text.contains("proof of work holds"), "{text}");
}

#[test]
fn tampered_header_fails_with_exit_1_and_json_says_why() {
    let mut tampered = GENESIS.to_owned();
    tampered.replace_range(152..154, "1e"); // first nonce byte 0x1d -> 0x1e
    let out = aihash(&["pow", "verify-header", &tampered, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pow_valid"], false);
    assert_eq!(report["bits"], "1d00ffff");
    assert_eq!(report["difficulty"], 1.0);
    assert!(report["problem"].is_null());
}

#[test]
fn malformed_headers_exit_2_naming_the_problem() {
    let cases = [
        (&GENESIS[..158], "80 bytes (160 hex digits); this one is 79 bytes"),
        (&GENESIS[..159], "odd number of digits (159)"),
        ("zz", "non-hex character 'z' at position 0"),
        ("", "empty"),
    ];
    for (input, message) in cases {
        let out = aihash(&["pow", "verify-header", input]);
        assert_eq!(out.status.code(), Some(2), "{input:?}");
        assert!(stderr(&out).contains(message), "{input:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn bits_to_target_prints_target_and_difficulty() {
    let out = aihash(&["pow", "bits-to-target", "0x1b04864c", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["target"], "000000000004864c000000000000000000000000000000000000000000000000");
    assert_eq!(report["difficulty"].as_f64().unwrap().floor(), 14484.0);
}

#[test]
fn invalid_bits_exit_2_naming_the_value() {
    for (bits, message) in [("1d80ffff", "sign bit"), ("23000001", "256 bits"), ("hello", "\"hello\"")] {
        let out = aihash(&["pow", "bits-to-target", bits]);
        assert_eq!(out.status.code(), Some(2), "{bits}");
        assert!(stderr(&out).contains(message), "{bits}: {}", stderr(&out));
    }
}

#[test]
fn help_teaches_the_exit_codes() {
    let out = aihash(&["pow", "verify-header", "--help"]);
    let text = stdout(&out);
    assert!(text.contains("Exit status"), "{text}");
    assert!(text.contains("Example"), "{text}");
}
