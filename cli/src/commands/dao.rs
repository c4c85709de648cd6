//! `aihash dao`: governance by vote-escrowed HASH.

use super::write::{Session, WriteArgs};
use clap::{Args, Subcommand, ValueEnum};
use std::process::ExitCode;
use sui_sdk_types::Address;

#[derive(Debug, Subcommand)]
pub enum DaoCommand {
    /// Vote on a proposal with one of your vote locks (each lock votes once per proposal, with
    /// its weight at the start of voting).
    ///
    /// Example: aihash dao vote --proposal 0x51...ab --lock 0x10...7c --support for
    #[command(verbatim_doc_comment)]
    Vote(VoteArgs),
    /// Lock HASH for voting power (weight = amount x remaining time / 4 years), split from your
    /// largest HASH coin.
    ///
    /// Example: aihash dao lock --amount "20000 HASH" --weeks 208
    #[command(verbatim_doc_comment)]
    Lock(LockArgs),
    /// Queue a succeeded proposal: its timelock starts, after which anyone may execute it.
    ///
    /// Example: aihash dao queue --proposal 0x51...ab
    #[command(verbatim_doc_comment)]
    Queue(QueueArgs),
}

#[derive(Debug, Args)]
pub struct LockArgs {
    /// HASH to lock, e.g. `20000 HASH`.
    #[arg(long)]
    amount: String,
    /// Weeks until the lock opens (1 to 208; unlock times round down to whole weeks).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=208))]
    weeks: u64,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct QueueArgs {
    /// The proposal's object id.
    #[arg(long)]
    proposal: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Support {
    Against,
    For,
    Abstain,
}

#[derive(Debug, Args)]
pub struct VoteArgs {
    /// The proposal's object id.
    #[arg(long)]
    proposal: String,
    /// Your vote lock's object id.
    #[arg(long)]
    lock: String,
    /// How you vote.
    #[arg(long, value_enum)]
    support: Support,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(command: DaoCommand) -> anyhow::Result<ExitCode> {
    match command {
        DaoCommand::Vote(args) => vote(&args),
        DaoCommand::Lock(args) => {
            let amount = aihash_sdk::amount::parse_coin(&args.amount, aihash_sdk::amount::HASH)?;
            let mut session = Session::open(&args.write)?;
            let hash_type = format!("{}::hash::HASH", session.deployment.package);
            let coin = session.coin_covering(&hash_type, amount, aihash_sdk::amount::HASH)?;
            let now_ms =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis() as u64;
            // One week past the requested weeks, so rounding down to a week boundary keeps them.
            let unlock_ms = now_ms + (args.weeks + 1).min(208) * 7 * 86_400_000;
            session.send(&args.write, |calls, tx| {
                let coin = tx.object(coin);
                let amount = tx.pure(&amount);
                let locked = tx.split_coins(coin, vec![amount]).remove(0);
                calls.dao_lock(tx, locked, unlock_ms);
            })
        }
        DaoCommand::Queue(args) => {
            let mut session = Session::open(&args.write)?;
            let proposal = session.shared(object_id("--proposal", &args.proposal)?)?;
            session.send(&args.write, |calls, tx| calls.dao_queue(tx, proposal))
        }
    }
}

fn object_id(flag: &str, text: &str) -> anyhow::Result<Address> {
    text.parse().map_err(|e| anyhow::anyhow!("{flag} `{text}` is not an object id: {e}"))
}

fn vote(args: &VoteArgs) -> anyhow::Result<ExitCode> {
    let proposal = object_id("--proposal", &args.proposal)?;
    let lock = object_id("--lock", &args.lock)?;
    let support = match args.support {
        Support::Against => 0u8,
        Support::For => 1,
        Support::Abstain => 2,
    };
    let mut session = Session::open(&args.write)?;
    let proposal = session.shared(proposal)?;
    let lock = session.owned(lock)?;
    session.send(&args.write, |calls, tx| calls.dao_vote(tx, proposal, lock, support))
}
