//! `aihash stake`: HASH staked on an identity.

use super::write::{Session, WriteArgs};
use aihash_sdk::amount;
use clap::{Args, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum StakeCommand {
    /// Stake HASH on an identity you control (split from your largest HASH coin).
    ///
    /// Example: aihash stake add --identity 0x9a0e...3f56 --amount "1000 HASH" --network testnet
    #[command(verbatim_doc_comment)]
    Add(AddArgs),
    /// Start the cooldown on part of your active stake (it stays slashable until withdrawn).
    ///
    /// Example: aihash stake unstake --identity 0x9a0e...3f56 --amount "200 HASH"
    #[command(verbatim_doc_comment)]
    Unstake(AddArgs),
    /// Withdraw the stake whose cooldown is over; the HASH comes to you.
    ///
    /// Example: aihash stake withdraw --identity 0x9a0e...3f56
    #[command(verbatim_doc_comment)]
    Withdraw(WithdrawArgs),
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    /// HASH to stake (or unstake), e.g. `1000 HASH`.
    #[arg(long)]
    amount: String,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(command: StakeCommand) -> anyhow::Result<ExitCode> {
    match command {
        StakeCommand::Add(args) => add(&args),
        StakeCommand::Unstake(args) => {
            let amount = amount::parse_coin(&args.amount, amount::HASH)?;
            let mut session = Session::open(&args.write)?;
            let identity = session.shared(super::read::object_id("--identity", &args.identity)?)?;
            session.send(&args.write, |calls, tx| calls.request_unstake(tx, identity, amount))
        }
        StakeCommand::Withdraw(args) => {
            let mut session = Session::open(&args.write)?;
            let identity = session.shared(super::read::object_id("--identity", &args.identity)?)?;
            let me = session.sender();
            session.send(&args.write, |calls, tx| calls.withdraw_stake(tx, identity, me))
        }
    }
}

fn add(args: &AddArgs) -> anyhow::Result<ExitCode> {
    let amount = amount::parse_coin(&args.amount, amount::HASH)?;
    let identity = super::read::object_id("--identity", &args.identity)?;
    let mut session = Session::open(&args.write)?;
    let identity = session.shared(identity)?;
    let hash_type = session.deployment().hash_type().to_string();
    let coin = session.coins_covering(&hash_type, amount, amount::HASH)?;
    session.send(&args.write, |calls, tx| {
        let coin = super::write::spend(tx, coin);
        let amount = tx.pure(&amount);
        let stake = tx.split_coins(coin, vec![amount]).remove(0);
        calls.stake(tx, identity, stake);
    })
}
