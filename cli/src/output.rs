//! How commands report: human text by default, one JSON document with `--json`, and exit codes
//! that mean something (0 holds / done, 1 a well-formed input fails the check, 2 bad input).

use serde::Serialize;
use std::process::ExitCode;

/// Exit status when the input is well-formed but the check asked about does not hold.
pub const CHECK_FAILED: u8 = 1;
/// Exit status for malformed input; the message names the problem.
pub const BAD_INPUT: u8 = 2;

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
