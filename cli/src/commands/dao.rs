//! `aihash dao`: governance by vote-escrowed HASH.

use super::read::{address, now_ms, object_id, ReadArgs, Reader};
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
    /// Propose one action with your lock (it must weigh at least the proposal threshold).
    ///
    /// Examples:
    ///   aihash dao propose --lock 0x10..7c --platform-fee-bps 500 --keeper-share-bps 2500 \
    ///     --description "lower the platform fee to 5%"
    ///   aihash dao propose --lock 0x10..7c --spend-treasury 0x7e..a5 --spend-amount "1000 HASH" \
    ///     --spend-recipient 0xb0b..
    ///   aihash dao propose --lock 0x10..7c --signal --description "adopt the 2027 roadmap"
    #[command(verbatim_doc_comment)]
    Propose(Box<ProposeArgs>),
    /// Execute a queued proposal whose timelock has passed; the path follows its action.
    ///
    /// Example: aihash dao execute --proposal 0x51...ab
    #[command(verbatim_doc_comment)]
    Execute(QueueArgs),
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
#[command(group(clap::ArgGroup::new("action").required(true).args(["platform_fee_bps", "add_feeder", "remove_feeder", "spend_treasury", "signal"])))]
pub struct ProposeArgs {
    /// Your vote lock's object id.
    #[arg(long)]
    lock: String,
    /// What the proposal is about, shown to voters (at most 1,024 bytes).
    #[arg(long, default_value = "")]
    description: String,
    /// Set the platform fee (bps, at most 2000)...
    #[arg(long, requires = "keeper_share_bps")]
    platform_fee_bps: Option<u64>,
    /// ...and the keeper's share of it (bps).
    #[arg(long, requires = "platform_fee_bps")]
    keeper_share_bps: Option<u64>,
    /// Authorise a tip feeder.
    #[arg(long)]
    add_feeder: Option<String>,
    /// Remove a tip feeder.
    #[arg(long)]
    remove_feeder: Option<String>,
    /// Spend from this treasury...
    #[arg(long, requires_all = ["spend_amount", "spend_recipient"])]
    spend_treasury: Option<String>,
    /// ...this much HASH, e.g. `1000 HASH`...
    #[arg(long)]
    spend_amount: Option<String>,
    /// ...to this address.
    #[arg(long)]
    spend_recipient: Option<String>,
    /// A signalling proposal (no on-chain effect).
    #[arg(long)]
    signal: bool,
    #[command(flatten)]
    write: WriteArgs,
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
            let hash_type = format!("{}::hash::HASH", session.deployment().package);
            let coin = session.coins_covering(&hash_type, amount, aihash_sdk::amount::HASH)?;
            // One week past the requested weeks, so rounding down to a week boundary keeps them.
            let unlock_ms = now_ms() + (args.weeks + 1).min(208) * 7 * 86_400_000;
            session.send(&args.write, |calls, tx| {
                let coin = super::write::spend(tx, coin);
                let amount = tx.pure(&amount);
                let locked = tx.split_coins(coin, vec![amount]).remove(0);
                calls.dao_lock(tx, locked, unlock_ms);
            })
        }
        DaoCommand::Propose(args) => propose(&args),
        DaoCommand::Show(args) => show(&args),
        DaoCommand::List(args) => list(&args),
        DaoCommand::Execute(args) => execute(&args),
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

fn propose(args: &ProposeArgs) -> anyhow::Result<ExitCode> {
    use aihash_sdk::tx::ProposalAction;
    let lock = object_id("--lock", &args.lock)?;
    let mut session = Session::open(&args.write)?;
    let action = if let (Some(platform_fee_bps), Some(keeper_share_bps)) =
        (args.platform_fee_bps, args.keeper_share_bps)
    {
        ProposalAction::SetMarketFees { platform_fee_bps, keeper_share_bps }
    } else if let Some(feeder) = &args.add_feeder {
        ProposalAction::AddFeeder(address("--add-feeder", feeder)?)
    } else if let Some(feeder) = &args.remove_feeder {
        ProposalAction::RemoveFeeder(address("--remove-feeder", feeder)?)
    } else if let Some(treasury) = &args.spend_treasury {
        let amount = aihash_sdk::amount::parse_coin(
            args.spend_amount.as_deref().unwrap_or_default(),
            aihash_sdk::amount::HASH,
        )?;
        let recipient = address("--spend-recipient", args.spend_recipient.as_deref().unwrap_or_default())?;
        let coin_type =
            format!("{}::hash::HASH", session.deployment().package).parse().expect("the HASH type");
        ProposalAction::SpendTreasury {
            treasury: object_id("--spend-treasury", treasury)?,
            coin_type,
            amount,
            recipient,
        }
    } else {
        ProposalAction::Signal
    };
    let lock = session.owned(lock)?;
    session.send(&args.write, |calls, tx| calls.dao_propose(tx, lock, &action, &args.description))
}

fn execute(args: &QueueArgs) -> anyhow::Result<ExitCode> {
    use aihash_sdk::bindings::governance::{Action, Proposal};
    use aihash_sdk::tx::Execution;
    let id = object_id("--proposal", &args.proposal)?;
    let mut session = Session::open(&args.write)?;
    let proposal: Proposal = session.object(id)?;
    let execution = match &proposal.action {
        Action::SetMarketFees { .. }
        | Action::SetDisputeTerms { .. }
        | Action::SetSlashRates { .. }
        | Action::SetOrderTerms { .. }
        | Action::SetWindowTerms { .. } => Execution::Market,
        Action::SetMinStakes { .. } => Execution::Registry,
        Action::AddFeeder { .. } | Action::RemoveFeeder { .. } | Action::SetFeedQuorum { .. } => {
            Execution::Feed
        }
        Action::SpendTreasury { treasury_id, coin_type, .. } => {
            let treasury = session.shared(Address::new(treasury_id.bytes.into()))?;
            let name = String::from_utf8_lossy(&coin_type.name.bytes).into_owned();
            let coin_type = format!("0x{name}")
                .parse()
                .map_err(|e| anyhow::anyhow!("the proposal's coin type `{name}`: {e}"))?;
            Execution::Spend { treasury, coin_type }
        }
        Action::SetGovernanceParams { .. } => Execution::Governance,
        Action::RestrictUpgrades { .. } => Execution::UpgradePolicy,
        Action::Signal => Execution::Signal,
    };
    let proposal = session.shared(id)?;
    session.send(&args.write, |calls, tx| calls.dao_execute(tx, proposal, &execution))
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
