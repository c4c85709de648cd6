//! The `aihash` subcommands, one module each.

mod pow;

use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Bitcoin proof of work: header hashes, compact targets, difficulty.
    #[command(subcommand)]
    Pow(pow::PowCommand),
}

/// Runs one command; an `Err` is bad input (exit status 2).
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Pow(command) => pow::run(command),
    }
}
