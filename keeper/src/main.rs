//! `aihash-keeper`: the daemon node operators run. It will speak Stratum to providers' rigs,
//! verify every share, journal it, and report delivered work on chain. Today it offers the
//! delivery arithmetic every report rests on.

mod estimate;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The aihash keeper: verifies every share a provider's rigs deliver and reports the work on chain.
///
/// The Stratum proxy, share journal and chain duties arrive with the keeper issues; this build
/// has the window arithmetic they use (work = n * D * 2^32, payment at a price per PH·day).
#[derive(Debug, Parser)]
#[command(name = "aihash-keeper", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work, average hashrate and payment of a delivery window from its share count.
    Estimate(estimate::EstimateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Estimate(args) => estimate::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
