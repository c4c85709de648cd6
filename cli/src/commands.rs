//! The `aihash` subcommands, one module each.

mod keys;
mod pow;

use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Bitcoin proof of work: header hashes, compact targets, difficulty.
    #[command(subcommand)]
    Pow(pow::PowCommand),
    /// The signing keys the CLI can use (the Sui CLI's keystore).
    #[command(subcommand)]
    Keys(keys::KeysCommand),
}

/// Runs one command; an `Err` is bad input (exit status 2).
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Pow(command) => pow::run(command),
        Command::Keys(command) => keys::run(command),
    }
}
