//! `aihash-oracle`: fetches Bitcoin difficulty, tip, fees and BTC price from several sources and
//! posts hashprice and recent tips on chain. Today it offers the hashprice computation itself.

mod hashprice;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The aihash price oracle: hashprice, difficulty and Bitcoin tips for the chain.
///
/// Source fetching, outlier rejection, forecasts and posting arrive with the oracle issue; this
/// build computes hashprice from figures you give it.
#[derive(Debug, Parser)]
#[command(name = "aihash-oracle", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Expected mining revenue per PH·day from difficulty, block height, fees and BTC price.
    Hashprice(hashprice::HashpriceArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Hashprice(args) => hashprice::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
