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
