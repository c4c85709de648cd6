//! `aihash stake`: HASH staked on an identity.

use super::write::{Session, WriteArgs};
use aihash_sdk::amount;
use clap::{Args, Subcommand};
use std::process::ExitCode;
use sui_sdk_types::Address;

#[derive(Debug, Subcommand)]
pub enum StakeCommand {
    /// Stake HASH on an identity you control (split from your largest HASH coin).
    ///
    /// Example: aihash stake add --identity 0x9a0e...3f56 --amount "1000 HASH" --network testnet
    #[command(verbatim_doc_comment)]
    Add(AddArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    /// HASH to stake, e.g. `1000 HASH`.
    #[arg(long)]
    amount: String,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(command: StakeCommand) -> anyhow::Result<ExitCode> {
    match command {
        StakeCommand::Add(args) => add(&args),
    }
}

fn add(args: &AddArgs) -> anyhow::Result<ExitCode> {
    let amount = amount::parse_coin(&args.amount, amount::HASH)?;
    let identity: Address = args
        .identity
        .parse()
        .map_err(|e| anyhow::anyhow!("--identity `{}` is not an object id: {e}", args.identity))?;
    let mut session = Session::open(&args.write)?;
    let identity = session.shared(identity)?;
    let hash_type = format!("{}::hash::HASH", session.deployment.package);
    let coin = session.coin_covering(&hash_type, amount, amount::HASH)?;
    session.send(&args.write, |calls, tx| {
        let coin = tx.object(coin);
        let amount = tx.pure(&amount);
        let stake = tx.split_coins(coin, vec![amount]).remove(0);
        calls.stake(tx, identity, stake);
    })
}
