//! How commands report: human text by default, one JSON document with `--json`, and exit codes
//! that mean something (0 holds / done, 1 a well-formed input fails the check, 2 bad input, 3 a
//! keystore problem, 4 the node cannot be reached or refused, 5 no such object on chain).

use serde::Serialize;
use std::process::ExitCode;

/// Exit status when the input is well-formed but the check asked about does not hold.
pub const CHECK_FAILED: u8 = 1;
/// Exit status for malformed input; the message names the problem.
pub const BAD_INPUT: u8 = 2;
/// Exit status when the keystore is missing, unreadable, readable by others or malformed.
pub const KEYSTORE: u8 = 3;

/// Exit status when the node cannot be reached or refuses the request.
pub const NODE: u8 = 4;
/// Exit status when the object asked for does not exist on the chain.
pub const NOT_FOUND: u8 = 5;

/// The exit status for an error: what kind of problem it is.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<aihash_sdk::keystore::KeystoreError>().is_some() {
        KEYSTORE
    } else if let Some(chain) = err.downcast_ref::<aihash_sdk::chain::ChainError>() {
        match chain {
            aihash_sdk::chain::ChainError::NotFound { .. } => NOT_FOUND,
            _ => NODE,
        }
    } else {
        BAD_INPUT
    }
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// The exit code for a check's verdict.
pub fn verdict(holds: bool) -> ExitCode {
    if holds {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CHECK_FAILED)
    }
}
