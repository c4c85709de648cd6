//! How commands report: human text by default, one JSON document with `--json`, and exit codes
//! that say which kind of problem stopped a command (see [`EXIT_CODES`]).

use aihash_sdk::chain::ChainError;
use aihash_sdk::keystore::KeystoreError;
use aihash_sdk::network::NetworkError;
use serde::Serialize;
use std::process::ExitCode;

/// Exit status when the input is well-formed but the check asked about does not hold.
pub const CHECK_FAILED: u8 = 1;
/// Exit status for malformed input (a value, an amount, a flag); the message names the problem.
pub const BAD_INPUT: u8 = 2;
/// Exit status when the keystore is missing, malformed, empty or lacks the sender's key.
pub const KEYSTORE: u8 = 3;
/// Exit status when the node cannot be reached or refuses the request.
pub const NODE: u8 = 4;
/// Exit status when the object asked for does not exist on the chain.
pub const NOT_FOUND: u8 = 5;
/// Exit status for the wrong network or deployment: an unknown network name or URL, a package not
/// deployed there, a deployment made on another chain, an unreadable deployments file.
pub const WRONG_NETWORK: u8 = 6;
/// Exit status when an object exists but is the wrong kind: another type, not shared, or not the
/// sender's.
pub const WRONG_OBJECT: u8 = 7;
/// Exit status when the keystore cannot be used for its permissions: readable by others, or not
/// readable by you.
pub const KEYSTORE_PERMISSIONS: u8 = 8;

/// The exit codes as `--help` and the README list them.
pub const EXIT_CODES: &str = "Exit status: 0 done, 1 a check does not hold, 2 bad input, 3 keystore \
missing or malformed, 4 node unreachable or refused, 5 no such object on chain, 6 wrong network or \
deployment, 7 wrong kind of object, 8 keystore permissions.";

/// The exit status for an error: what kind of problem it is.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if let Some(keystore) = err.downcast_ref::<KeystoreError>() {
        match keystore {
            KeystoreError::TooOpen { .. } | KeystoreError::Unreadable { .. } => KEYSTORE_PERMISSIONS,
            _ => KEYSTORE,
        }
    } else if let Some(chain) = err.downcast_ref::<ChainError>() {
        match chain {
            ChainError::NotFound { .. } => NOT_FOUND,
            ChainError::BadUrl { .. } => WRONG_NETWORK,
            ChainError::WrongOwnership { .. } | ChainError::WrongType { .. } => WRONG_OBJECT,
            ChainError::Unreachable { .. } | ChainError::Refused { .. } | ChainError::Malformed { .. } => {
                NODE
            }
        }
    } else if err.downcast_ref::<NetworkError>().is_some() {
        WRONG_NETWORK
    } else {
        BAD_INPUT
    }
}

/// A command-line error (unknown flag, missing or unparsable value) on one line, with the hint
/// to ask for help: clap's own rendering spreads it over several.
pub fn one_line_usage_error(err: &clap::Error) -> String {
    let text = err.render().to_string();
    let parts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| {
            !line.is_empty() && !line.starts_with("Usage:") && !line.starts_with("For more information")
        })
        .collect();
    format!("{}; see --help", parts.join(" "))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn each_problem_class_has_its_own_code() {
        let path = PathBuf::from("k");
        let code = |err: anyhow::Error| exit_code(&err);
        assert_eq!(code(anyhow::anyhow!("--order `x` is not an object id")), BAD_INPUT);
        assert_eq!(code(KeystoreError::Missing { path: path.clone() }.into()), KEYSTORE);
        assert_eq!(
            code(KeystoreError::TooOpen { path: path.clone(), mode: 0o644 }.into()),
            KEYSTORE_PERMISSIONS
        );
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(code(KeystoreError::Unreadable { path, source: denied }.into()), KEYSTORE_PERMISSIONS);
        let unreachable = ChainError::Unreachable { url: "u".into(), rpc: "GetObject", reason: "r".into() };
        assert_eq!(code(unreachable.into()), NODE);
        assert_eq!(code(ChainError::NotFound { rpc: "GetObject", target: "0x1".into() }.into()), NOT_FOUND);
        assert_eq!(code(ChainError::BadUrl { url: "u".into(), reason: "r".into() }.into()), WRONG_NETWORK);
        assert_eq!(code(NetworkError::Unknown("moon".into()).into()), WRONG_NETWORK);
        let wrong = ChainError::WrongOwnership { target: "t".into(), actual: "a".into(), expected: "e" };
        assert_eq!(code(wrong.into()), WRONG_OBJECT);
        // Context added on the way up keeps the class.
        let keystore: anyhow::Error = KeystoreError::Empty.into();
        assert_eq!(code(keystore.context("loading the signer")), KEYSTORE);
    }
}
