//! The `aihash` subcommands, one module each.

mod compiled;
mod dao;
mod identity;
mod keeper;
mod keys;
mod oracle;
mod order;
mod pow;
mod publish;
mod read;
mod stake;
mod write;

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
    /// DID-linked identities of providers and keepers.
    #[command(subcommand)]
    Identity(identity::IdentityCommand),
    /// Hashpower orders.
    #[command(subcommand)]
    Order(order::OrderCommand),
    /// HASH staked on identities.
    #[command(subcommand)]
    Stake(stake::StakeCommand),
    /// Governance: vote with locked HASH.
    #[command(subcommand)]
    Dao(dao::DaoCommand),
    /// Keeper node setup.
    #[command(subcommand)]
    Keeper(keeper::KeeperCommand),
    /// The Bitcoin tip feed.
    #[command(subcommand)]
    Oracle(oracle::OracleCommand),
    /// Compile the Move package with the offline toolchain, publish it and record its deployment.
    ///
    /// The package's id and its shared objects (registry, market, tip feed, governance) are
    /// written to the deployments file under the network's name; the upgrade capability goes to
    /// the sender. Run it from the repository (or pass --package-dir; --bytecode publishes an
    /// already compiled package). Example: aihash publish --network testnet
    #[command(verbatim_doc_comment)]
    Publish(Box<publish::PublishArgs>),
}

/// Runs one command; an `Err` is bad input (exit status 2).
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Pow(command) => pow::run(command),
        Command::Keys(command) => keys::run(command),
        Command::Identity(command) => identity::run(command),
        Command::Order(command) => order::run(command),
        Command::Stake(command) => stake::run(command),
        Command::Dao(command) => dao::run(command),
        Command::Keeper(command) => keeper::run(command),
        Command::Oracle(command) => oracle::run(command),
        Command::Publish(args) => publish::run(&args),
    }
}
