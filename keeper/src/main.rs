//! `aihash-keeper`: the daemon node operators run. `run` is the keeper itself: a Stratum V1
//! proxy between providers' rigs and the buyers' pools that verifies every share, forwards the
//! good ones, records the pool's verdicts and journals them in delivery windows with their share
//! trees and challenge answers; on chain it also fills orders, reports windows, answers
//! challenges and settles (verify-only, without a chain, it writes window summaries locally).
//! Beside it: the delivery arithmetic (`estimate`), a CPU miner and a test pool for local runs.

mod estimate;
mod run;
mod tools;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The aihash keeper: verifies every share a provider's rigs deliver and reports the work on chain.
///
/// `run` proxies rigs to the buyers' pools over Stratum V1, verifies and forwards every share, and
/// journals delivery windows (share counts, dead time, the share tree's root, answers to
/// challenges); with `--config` it fills orders, reports windows, answers challenges and settles
/// on chain, without it it runs verify-only and writes window summaries locally.
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
    /// Run the keeper: rigs connect here, every share is verified, forwarded to a pool and
    /// journaled in delivery windows.
    ///
    /// On chain (--config): the keeper fills the best-paying open orders for its providers'
    /// hashrate, sends each rig's work to the pool of a fill of its own provider, reports each
    /// closed window, answers challenges from the journal and settles its reports.
    /// Verify-only (--upstream): one pool, window summaries written locally and each rig's
    /// verified and pool-accepted hashrate logged, so you can measure rigs before listing them.
    ///
    /// Example: aihash-keeper run --config keeper.toml --listen 0.0.0.0:3334 --metrics 127.0.0.1:9184
    /// Example: aihash-keeper run --upstream pool.example:3333 --upstream-user buyer.keeper1 \
    ///            --provider acme --listen 0.0.0.0:3334
    #[command(verbatim_doc_comment)]
    Run(Box<run::RunArgs>),
    /// Mine with the CPU on a pool or keeper, with a hashrate readout every 5 s (tests, demos,
    /// smoke checks; real rigs are millions of times faster).
    ///
    /// Example: aihash-keeper mine --pool 127.0.0.1:3333 --user provider.rig1 --threads 2
    #[command(verbatim_doc_comment)]
    Mine(tools::MineArgs),
    /// Run the test pool: a Stratum pool for local runs and tests only (it pays nothing and
    /// finds no real blocks) that checks every share it is sent.
    ///
    /// Example: aihash-keeper test-pool --listen 127.0.0.1:3333 --difficulty 0.0001
    #[command(verbatim_doc_comment)]
    TestPool(tools::TestPoolArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let result = match cli.command {
        Command::Estimate(args) => estimate::run(&args),
        Command::Run(args) => run::run(&args),
        Command::Mine(args) => tools::mine(&args),
        Command::TestPool(args) => tools::test_pool(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
