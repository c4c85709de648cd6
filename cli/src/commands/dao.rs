//! `aihash dao`: governance by vote-escrowed HASH.

mod execute;
mod propose;

use super::read::{ms_from_now, now_ms, object_id, ReadArgs, Reader, WEEK_MS};
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
    /// Propose one action with your lock (it must weigh at least the proposal threshold): one
    /// subcommand per action of the governance package.
    ///
    /// Examples:
    ///   aihash dao propose set-market-fees --lock 0x10..7c --platform-fee-bps 500 \
    ///     --keeper-share-bps 2500 --description "lower the platform fee to 5%"
    ///   aihash dao propose spend-treasury --lock 0x10..7c --treasury 0x7e..a5 \
    ///     --amount "1000 HASH" --recipient 0xb0b..
    ///   aihash dao propose signal --lock 0x10..7c --description "adopt the 2027 roadmap"
    #[command(verbatim_doc_comment, subcommand)]
    Propose(Box<propose::ProposeCommand>),
    /// Execute a queued proposal whose timelock has passed; the path follows its action. An
    /// authorised upgrade publishes the new package in the same transaction (`--bytecode`).
    ///
    /// Examples:
    ///   aihash dao execute --proposal 0x51...ab
    ///   make move-build && aihash dao execute --proposal 0x51...ab --bytecode build/move/bytecode.json
    #[command(verbatim_doc_comment)]
    Execute(Box<execute::ExecuteArgs>),
    /// Show a proposal: its action, state now, timing and votes against the quorum.
    ///
    /// Example: aihash dao show 0x51...ab --network testnet --json
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
    /// List proposals with their state now, from the package's `ProposalCreated` events. Reads
    /// every checkpoint since publication (progress on stderr).
    ///
    /// Example: aihash dao list --state active --network testnet
    #[command(verbatim_doc_comment)]
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The proposal's object id.
    proposal: String,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StateFilter {
    Pending,
    Active,
    Canceled,
    Defeated,
    Succeeded,
    Queued,
    Expired,
    Executed,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only proposals in this state now.
    #[arg(long, value_enum)]
    state: Option<StateFilter>,
    /// Where to start reading the package's events [default: the checkpoint recorded at publication].
    #[arg(long)]
    from_checkpoint: Option<u64>,
    #[command(flatten)]
    read: ReadArgs,
}

/// A proposal as the CLI shows it.
#[derive(serde::Serialize)]
struct ProposalView {
    proposal: String,
    number: u64,
    proposer: String,
    state: &'static str,
    action: aihash_sdk::bindings::governance::Action,
    description: String,
    start_ms: u64,
    end_ms: u64,
    /// When it may execute, once queued (0: not queued).
    eta_ms: u64,
    for_weight: u64,
    against_weight: u64,
    abstain_weight: u64,
    /// For and abstain weight needed.
    quorum: u64,
    passed: bool,
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
            let hash_type = session.deployment().hash_type().to_string();
            let coin = session.coins_covering(&hash_type, amount, aihash_sdk::amount::HASH)?;
            // One week past the requested weeks, so rounding down to a week boundary keeps them.
            let unlock_ms = ms_from_now("--weeks", (args.weeks + 1).min(208), WEEK_MS)?;
            session.send(&args.write, |calls, tx| {
                let coin = super::write::spend(tx, coin);
                let amount = tx.pure(&amount);
                let locked = tx.split_coins(coin, vec![amount]).remove(0);
                calls.dao_lock(tx, locked, unlock_ms);
            })
        }
        DaoCommand::Propose(command) => propose::run(&command),
        DaoCommand::Show(args) => show(&args),
        DaoCommand::List(args) => list(&args),
        DaoCommand::Execute(args) => execute::run(&args),
        DaoCommand::Queue(args) => {
            let mut session = Session::open(&args.write)?;
            let proposal = session.shared(object_id("--proposal", &args.proposal)?)?;
            session.send(&args.write, |calls, tx| calls.dao_queue(tx, proposal))
        }
    }
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

fn proposal_view(reader: &mut Reader, id: Address) -> anyhow::Result<ProposalView> {
    use aihash_sdk::bindings::governance::Proposal;
    use aihash_sdk::proposal;
    let found: Proposal = reader.run(|client| client.object(id))?;
    let quorum = (found.total_weight as u128 * found.params.quorum_bps as u128 / 10_000) as u64;
    Ok(ProposalView {
        proposal: id.to_string(),
        number: found.number,
        proposer: found.proposer.to_string(),
        state: proposal::state_name(&proposal::state(&found, now_ms())),
        description: String::from_utf8_lossy(&found.description.bytes).into_owned(),
        start_ms: found.start_ms,
        end_ms: found.end_ms,
        eta_ms: found.eta_ms,
        for_weight: found.for_weight,
        against_weight: found.against_weight,
        abstain_weight: found.abstain_weight,
        quorum,
        passed: proposal::passed(&found),
        action: found.action,
    })
}

fn show(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let id = object_id("proposal", &args.proposal)?;
    let mut reader = Reader::open(&args.read)?;
    let view = proposal_view(&mut reader, id)?;
    if args.read.json {
        crate::output::print_json(&view)?;
    } else {
        println!("proposal #{} {} ({}) by {}", view.number, view.proposal, view.state, view.proposer);
        println!("  action    {:?}", view.action);
        if !view.description.is_empty() {
            println!("  about     {}", view.description);
        }
        println!("  voting    {} to {} (ms since the epoch)", view.start_ms, view.end_ms);
        if view.eta_ms != 0 {
            println!("  executes  from {}", view.eta_ms);
        }
        println!(
            "  votes     for {}  against {}  abstain {}  (quorum {}, {})",
            view.for_weight,
            view.against_weight,
            view.abstain_weight,
            view.quorum,
            if view.passed { "passing" } else { "not passing" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    use aihash_sdk::bindings::governance::ProposalCreated;
    let mut reader = Reader::open(&args.read)?;
    let mut ids = vec![];
    for event in reader.package_events(args.from_checkpoint)? {
        if event.name() == "ProposalCreated" {
            let created: ProposalCreated = event.decode()?;
            ids.push(Address::new(created.proposal_id.bytes.into_inner()));
        }
    }
    let wanted = args
        .state
        .map(|state| state.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default());
    let mut views = vec![];
    for id in ids {
        let view = proposal_view(&mut reader, id)?;
        if wanted.as_deref().is_none_or(|state| state == view.state) {
            views.push(view);
        }
    }
    if args.read.json {
        crate::output::print_json(&views)?;
    } else if views.is_empty() {
        println!("no proposals");
    } else {
        for view in &views {
            println!(
                "#{} {} {:<9} {:?}  {}",
                view.number, view.proposal, view.state, view.action, view.description
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
