/// DAO governance, the Sui way: the shared `Governance` object holds the capabilities it governs
/// (the market's `MarketCap`, the registry's `RegistryCap`, treasuries' `SpendCap`s, the package's
/// `UpgradeCap`) and uses each only to execute a proposal whose typed `Action` names it. A package
/// upgrade follows the standard Sui pattern: executing an `AuthorizeUpgrade` proposal returns the
/// `UpgradeTicket` for the digest it names, the transaction's `Upgrade` command turns it into an
/// `UpgradeReceipt`, and `commit_upgrade` hands that back to the held `UpgradeCap`.
///
/// Voting power is vote-escrowed HASH (`aihash::vote_lock`). A proposal's lifecycle follows
/// OpenZeppelin's Governor:
///
/// ```
///  propose ──► Pending ──(voting delay)──► Active ──(voting period)──► Defeated
///                 │                                      │
///                 └─ cancel (proposer) ─► Canceled        └──► Succeeded ──queue──► Queued
///                                                                                    │
///                               Expired ◄──(grace passes)── Queued ──(timelock)── execute ──► Executed
/// ```
///
/// A succeeded proposal that nobody queues expires too, once the grace period has passed after the
/// end of voting. Changes of state that only time drives (Pending to Active, Active to Succeeded or
/// Defeated, to Expired) emit no event, as in OpenZeppelin's Governor: no transaction happens then.
///
/// - Only locks that existed before the proposal was made vote, with their weight at the start of
///   voting, computed from their state before the proposal (a lock created or increased later adds
///   nothing); each lock votes once. The total weight at the start is fixed when the proposal is
///   made, so votes can never add up to more than it.
/// - Quorum counts for and abstain votes against that total; approval compares for with against.
/// - Every timing and threshold is a governance parameter, changeable by proposal; a proposal
///   keeps the parameters it was made under.
/// - Execution is permissionless once the timelock has passed, and happens once.
module aihash::governance;

use aihash::hash::{Self, HASH};
use aihash::market::{Self, Market, MarketCap};
use aihash::registry::{Self, Registry, RegistryCap};
use aihash::tips::{Self, TipFeed};
use aihash::treasury::{SpendCap, Treasury};
use aihash::version;
use aihash::vote_lock::{Self, Lock, Supply};
use std::string::String;
use std::type_name::{Self, TypeName};
use sui::bag::{Self, Bag};
use sui::clock::Clock;
use sui::coin::Coin;
use sui::event;
use sui::package::{UpgradeCap, UpgradeReceipt, UpgradeTicket};
use sui::table::{Self, Table};

// === Errors ===

#[error]
const EBelowProposalThreshold: vector<u8> =
    b"the proposer's lock weighs less than the proposal threshold";
#[error]
const ENotProposer: vector<u8> = b"only the proposer may cancel a proposal";
#[error]
const ENotPending: vector<u8> = b"a proposal can be cancelled only before voting starts";
#[error]
const ENotActive: vector<u8> =
    b"votes are accepted only while the proposal is active (voting period)";
#[error]
const EAlreadyVoted: vector<u8> = b"this lock has already voted on this proposal";
#[error]
const ELockTooNew: vector<u8> =
    b"the lock did not exist before the proposal was made (no flash voting)";
#[error]
const ENoWeight: vector<u8> = b"the lock carries no weight at the start of voting";
#[error]
const EBadSupport: vector<u8> = b"support is against (0), for (1) or abstain (2)";
#[error]
const ENotSucceeded: vector<u8> = b"only a succeeded proposal can be queued";
#[error]
const ENotQueued: vector<u8> = b"only a queued proposal can be executed (and only once)";
#[error]
const ETimelock: vector<u8> = b"the timelock has not passed";
#[error]
const EExpired: vector<u8> = b"the proposal was not executed in time and has expired";
#[error]
const EWrongAction: vector<u8> = b"this execution path does not match the proposal's action";
#[error]
const ECapMissing: vector<u8> = b"governance does not hold the capability this action needs";
#[error]
const ECapAlreadyHeld: vector<u8> = b"governance already holds such a capability";
#[error]
const EWrongTreasury: vector<u8> = b"the treasury is not the one the proposal spends from";
#[error]
const EWrongCoin: vector<u8> = b"the coin type is not the one the proposal spends";
#[error]
const EParamsOutOfRange: vector<u8> =
    b"governance: delay and timelock at most 30 days, period and grace 1 hour to 30 days, quorum and approval 1 to 10,000 bps, proposal threshold 1 base unit to 1% of the HASH supply";
#[error]
const EBadUpgradePolicy: vector<u8> =
    b"upgrade policies are additive (128), dependency-only (192) or immutable (255)";
#[error]
const EBadUpgrade: vector<u8> =
    b"an upgrade names a 32-byte digest and the policy compatible (0), additive (128) or dependency-only (192)";
#[error]
const EUpgradeTooPermissive: vector<u8> =
    b"the upgrade's policy is more permissive than the package's upgrade policy allows";
#[error]
const EForeignUpgradeCap: vector<u8> =
    b"this UpgradeCap is not for the aihash package (or was issued after an upgrade)";
#[error]
const EQuorumAboveFeeders: vector<u8> =
    b"the tip quorum cannot exceed the number of feeders (lower the quorum before removing a feeder)";
#[error]
const EDescriptionTooLong: vector<u8> = b"a proposal description is at most 1,024 bytes";

// === Constants ===

const BPS: u64 = 10_000;
const HOUR_MS: u64 = 3_600_000;
const DAY_MS: u64 = 86_400_000;
const HASH_UNIT: u64 = 1_000_000_000;
const MAX_DESCRIPTION: u64 = 1_024;
const SUPPORT_AGAINST: u8 = 0;
const SUPPORT_FOR: u8 = 1;
const SUPPORT_ABSTAIN: u8 = 2;
const POLICY_COMPATIBLE: u8 = 0;
const POLICY_ADDITIVE: u8 = 128;
const POLICY_DEP_ONLY: u8 = 192;
const POLICY_IMMUTABLE: u8 = 255;
const DIGEST_LENGTH: u64 = 32;

// === Types ===

public struct Governance has key {
    id: UID,
    version: u64,
    params: Params,
    /// Totals of all vote locks.
    supply: Supply,
    proposals: u64,
    /// The capabilities it governs, under the keys below.
    caps: Bag,
}

public struct Params has copy, drop, store {
    voting_delay_ms: u64,
    voting_period_ms: u64,
    /// For and abstain votes needed, as a share of the total weight at the start of voting.
    quorum_bps: u64,
    /// Share of for votes among for and against needed (strictly more than this).
    approval_bps: u64,
    timelock_ms: u64,
    /// How long after the timelock a queued proposal may still execute.
    grace_ms: u64,
    /// Weight a proposer's lock needs.
    proposal_threshold: u64,
}

public struct MarketCapKey() has copy, drop, store;

public struct RegistryCapKey() has copy, drop, store;

public struct UpgradeCapKey() has copy, drop, store;

/// Key of the spend cap of treasury `0`.
public struct SpendCapKey(ID) has copy, drop, store;

/// What a proposal does when executed.
public enum Action has copy, drop, store {
    /// `market::set_fees`.
    SetMarketFees { platform_fee_bps: u64, keeper_share_bps: u64 },
    /// `market::set_dispute_terms`.
    SetDisputeTerms {
        dispute_window_ms: u64,
        response_window_ms: u64,
        samples_per_challenge: u64,
        challenger_bond: u64,
        min_challenger_stake: u64,
    },
    /// `market::set_stake_terms`: the keepers' minimum stake and the slash rates.
    SetSlashRates { min_keeper_stake: u64, keeper_slash_bps: u64, challenger_reward_bps: u64 },
    /// `market::set_order_terms`.
    SetOrderTerms {
        dead_time_threshold_bps: u64,
        price_decrease_max_bps: u64,
        price_decrease_interval_ms: u64,
        cancel_grace_ms: u64,
    },
    /// `market::set_window_terms`.
    SetWindowTerms { max_window_ms: u64, max_tip_age_ms: u64 },
    /// `registry::set_min_stakes`: minimum stakes of trust levels 1-4.
    SetMinStakes { min_stakes: vector<u64> },
    AddFeeder { feeder: address },
    RemoveFeeder { feeder: address },
    SetFeedQuorum { quorum: u64 },
    /// Pays `amount` of `coin_type` from treasury `treasury_id` to `recipient`.
    SpendTreasury { treasury_id: ID, coin_type: TypeName, amount: u64, recipient: address },
    SetGovernanceParams { params: Params },
    /// Restricts the package's upgrade policy (additive, dependency-only or immutable).
    RestrictUpgrades { policy: u8 },
    /// A decision with no on-chain effect, recorded with its vote.
    Signal,
    /// `market::allow_coin`: orders may escrow `coin_type`, with this minimum order value.
    AllowCoin { coin_type: TypeName, min_order_value: u64 },
    /// `market::disallow_coin`: no new orders in `coin_type`.
    DisallowCoin { coin_type: TypeName },
    /// `registry::set_unstake_terms`.
    SetUnstakeTerms { cooldown_ms: u64, early_fee_bps: u64 },
    /// `registry::set_slash_probation`.
    SetSlashProbation { probation_ms: u64 },
    /// `registry::set_trust_thresholds`.
    SetTrustThresholds {
        level2_capacity_passes: u64,
        level3_tasks: u64,
        level3_success_bps: u64,
        level4_tasks: u64,
        level4_success_bps: u64,
    },
    /// `registry::set_capacity_terms`.
    SetCapacityTerms { window_ms: u64, solutions: u64, min_hashrate: u64 },
    /// Authorises a package upgrade to the bytecode with this digest under `policy`.
    AuthorizeUpgrade { policy: u8, digest: vector<u8> },
}

public enum ProposalState has copy, drop, store {
    Pending,
    Active,
    Canceled,
    Defeated,
    Succeeded,
    Queued,
    Expired,
    Executed,
}

public struct Proposal has key {
    id: UID,
    version: u64,
    number: u64,
    proposer: address,
    action: Action,
    description: String,
    created_ms: u64,
    start_ms: u64,
    end_ms: u64,
    /// Total lock weight at `start_ms` of the locks that existed when the proposal was made.
    total_weight: u64,
    for_weight: u64,
    against_weight: u64,
    abstain_weight: u64,
    /// Locks that voted.
    voted: Table<ID, bool>,
    /// The parameters it was made under.
    params: Params,
    canceled: bool,
    /// When it may execute, once queued (0: not queued).
    eta_ms: u64,
    executed: bool,
}

// === Events ===

public struct ProposalCreated has copy, drop {
    proposal_id: ID,
    number: u64,
    proposer: address,
    action: Action,
    description: String,
    start_ms: u64,
    end_ms: u64,
    total_weight: u64,
}

public struct VoteCast has copy, drop {
    proposal_id: ID,
    lock_id: ID,
    voter: address,
    support: u8,
    weight: u64,
}

public struct ProposalCanceled has copy, drop {
    proposal_id: ID,
}

public struct ProposalQueued has copy, drop {
    proposal_id: ID,
    eta_ms: u64,
}

public struct ProposalExecuted has copy, drop {
    proposal_id: ID,
    action: Action,
}

public struct CapInstalled has copy, drop {
    governance_id: ID,
    cap_type: TypeName,
}

// === Init ===

fun init(ctx: &mut TxContext) {
    transfer::share_object(Governance {
        id: object::new(ctx),
        version: version::current(),
        params: Params {
            voting_delay_ms: DAY_MS,
            voting_period_ms: 5 * DAY_MS,
            quorum_bps: 400,
            approval_bps: 5_000,
            timelock_ms: 2 * DAY_MS,
            grace_ms: 14 * DAY_MS,
            proposal_threshold: 10_000 * HASH_UNIT,
        },
        supply: vote_lock::new_supply(ctx.epoch_timestamp_ms(), ctx),
        proposals: 0,
        caps: bag::new(ctx),
    });
}

// === Handing capabilities to governance ===

/// Hands the market's parameter capability to governance, for good.
public fun install_market_cap(gov: &mut Governance, cap: MarketCap) {
    gov.install(MarketCapKey(), cap);
}

/// Hands the registry's policy capability to governance, for good.
public fun install_registry_cap(gov: &mut Governance, cap: RegistryCap) {
    gov.install(RegistryCapKey(), cap);
}

/// Hands a treasury's spend capability to governance, for good.
public fun install_spend_cap(gov: &mut Governance, cap: SpendCap) {
    gov.install(SpendCapKey(cap.treasury_id()), cap);
}

/// Hands the package's upgrade capability to governance, for good. The cap must be this package's
/// as first published: its package is the original id of the types defined here. (After an upgrade
/// a cap names the newest version's id, which a running package cannot learn about itself, so the
/// cap is installed at genesis, before any upgrade; once installed, `commit_upgrade` keeps it
/// current.)
public fun install_upgrade_cap(gov: &mut Governance, cap: UpgradeCap) {
    assert!(
        cap.upgrade_package().to_address() == type_name::original_id<Governance>(),
        EForeignUpgradeCap,
    );
    gov.install(UpgradeCapKey(), cap);
}

// === Vote locks ===

/// Locks `coins` until the week of `unlock_ms` (one week to four years away).
public fun lock(
    gov: &mut Governance,
    coins: Coin<HASH>,
    unlock_ms: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): Lock {
    version::assert_current(gov.version);
    vote_lock::new(&mut gov.supply, coins, unlock_ms, clock, ctx)
}

/// Gives a lock to its voter (locks cannot be handed on afterwards).
public fun keep_lock(lock: Lock, ctx: &TxContext) {
    lock.transfer_to(ctx.sender());
}

/// Adds HASH to a lock.
public fun increase_lock(
    gov: &mut Governance,
    lock: &mut Lock,
    coins: Coin<HASH>,
    clock: &Clock,
    ctx: &TxContext,
) {
    version::assert_current(gov.version);
    lock.increase(&mut gov.supply, coins, clock, ctx);
}

/// Moves a lock's unlock later.
public fun extend_lock(
    gov: &mut Governance,
    lock: &mut Lock,
    unlock_ms: u64,
    clock: &Clock,
    ctx: &TxContext,
) {
    version::assert_current(gov.version);
    lock.extend(&mut gov.supply, unlock_ms, clock, ctx);
}

/// Returns an unlocked lock's HASH.
public fun withdraw_lock(lock: Lock, clock: &Clock, ctx: &mut TxContext): Coin<HASH> {
    lock.withdraw(clock, ctx)
}

// === Proposals ===

/// Proposes `action`. The proposer's lock must weigh at least the proposal threshold now.
public fun propose(
    gov: &mut Governance,
    lock: &Lock,
    action: Action,
    description: String,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    version::assert_current(gov.version);
    let now = clock.timestamp_ms();
    assert!(lock.current_weight(now) >= gov.params.proposal_threshold, EBelowProposalThreshold);
    assert!(description.length() <= MAX_DESCRIPTION, EDescriptionTooLong);
    gov.supply.advance(now);
    let params = gov.params;
    let start_ms = now + params.voting_delay_ms;
    let end_ms = start_ms + params.voting_period_ms;
    let total_weight = gov.supply.total_weight_at(start_ms);
    gov.proposals = gov.proposals + 1;
    let proposal = Proposal {
        id: object::new(ctx),
        version: version::current(),
        number: gov.proposals,
        proposer: ctx.sender(),
        action,
        description,
        created_ms: now,
        start_ms,
        end_ms,
        total_weight,
        for_weight: 0,
        against_weight: 0,
        abstain_weight: 0,
        voted: table::new(ctx),
        params,
        canceled: false,
        eta_ms: 0,
        executed: false,
    };
    let proposal_id = proposal.id.to_inner();
    event::emit(ProposalCreated {
        proposal_id,
        number: proposal.number,
        proposer: proposal.proposer,
        action,
        description,
        start_ms,
        end_ms,
        total_weight,
    });
    transfer::share_object(proposal);
    proposal_id
}

/// Votes with `lock`: against (0), for (1) or abstain (2), with the lock's weight at the start of
/// voting as it stood before the proposal was made.
public fun vote(proposal: &mut Proposal, lock: &Lock, support: u8, clock: &Clock, ctx: &TxContext) {
    version::assert_current(proposal.version);
    assert!(proposal.state(clock) == ProposalState::Active, ENotActive);
    assert!(support <= SUPPORT_ABSTAIN, EBadSupport);
    let lock_id = object::id(lock);
    assert!(!proposal.voted.contains(lock_id), EAlreadyVoted);
    // The lock's state strictly before the proposal: the total fixed then includes it.
    assert!(proposal.created_ms > 0, ELockTooNew);
    let state = lock.state_at(proposal.created_ms - 1);
    assert!(state.is_some(), ELockTooNew);
    let state = state.destroy_some();
    let weight = vote_lock::weight(
        state.state_amount(),
        state.state_unlock_ms(),
        proposal.start_ms,
    );
    assert!(weight > 0, ENoWeight);
    proposal.voted.add(lock_id, true);
    if (support == SUPPORT_FOR) proposal.for_weight = proposal.for_weight + weight
    else if (support == SUPPORT_AGAINST) proposal.against_weight = proposal.against_weight + weight
    else proposal.abstain_weight = proposal.abstain_weight + weight;
    event::emit(VoteCast {
        proposal_id: proposal.id.to_inner(),
        lock_id,
        voter: ctx.sender(),
        support,
        weight,
    });
}

/// The proposer withdraws a proposal before voting starts.
public fun cancel(proposal: &mut Proposal, clock: &Clock, ctx: &TxContext) {
    version::assert_current(proposal.version);
    assert!(ctx.sender() == proposal.proposer, ENotProposer);
    assert!(proposal.state(clock) == ProposalState::Pending, ENotPending);
    proposal.canceled = true;
    event::emit(ProposalCanceled { proposal_id: proposal.id.to_inner() });
}

/// Starts the timelock of a succeeded proposal. Anyone may call it.
public fun queue(proposal: &mut Proposal, clock: &Clock) {
    version::assert_current(proposal.version);
    let state = proposal.state(clock);
    assert!(state != ProposalState::Expired, EExpired);
    assert!(state == ProposalState::Succeeded, ENotSucceeded);
    proposal.eta_ms = clock.timestamp_ms() + proposal.params.timelock_ms;
    event::emit(ProposalQueued { proposal_id: proposal.id.to_inner(), eta_ms: proposal.eta_ms });
}

// === Execution (permissionless, once the timelock has passed) ===

/// Executes a market-parameter action (fees, dispute terms, slash rates, order and window terms).
public fun execute_market(
    proposal: &mut Proposal,
    gov: &Governance,
    market: &mut Market,
    clock: &Clock,
) {
    proposal.begin_execution(gov, clock);
    let cap: &MarketCap = gov.cap(MarketCapKey());
    match (proposal.action) {
        Action::SetMarketFees { platform_fee_bps, keeper_share_bps } => market.set_fees(
            cap,
            platform_fee_bps,
            keeper_share_bps,
        ),
        Action::SetDisputeTerms {
            dispute_window_ms,
            response_window_ms,
            samples_per_challenge,
            challenger_bond,
            min_challenger_stake,
        } => market.set_dispute_terms(
            cap,
            dispute_window_ms,
            response_window_ms,
            samples_per_challenge,
            challenger_bond,
            min_challenger_stake,
        ),
        Action::SetSlashRates {
            min_keeper_stake,
            keeper_slash_bps,
            challenger_reward_bps,
        } => market.set_stake_terms(
            cap,
            min_keeper_stake,
            keeper_slash_bps,
            challenger_reward_bps,
        ),
        Action::SetOrderTerms {
            dead_time_threshold_bps,
            price_decrease_max_bps,
            price_decrease_interval_ms,
            cancel_grace_ms,
        } => market.set_order_terms(
            cap,
            dead_time_threshold_bps,
            price_decrease_max_bps,
            price_decrease_interval_ms,
            cancel_grace_ms,
        ),
        Action::SetWindowTerms { max_window_ms, max_tip_age_ms } => market.set_window_terms(
            cap,
            max_window_ms,
            max_tip_age_ms,
        ),
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes a registry action (minimum stakes, unstake terms, slash probation, trust thresholds,
/// capacity terms).
public fun execute_registry(
    proposal: &mut Proposal,
    gov: &Governance,
    registry: &mut Registry,
    clock: &Clock,
) {
    proposal.begin_execution(gov, clock);
    let cap: &RegistryCap = gov.cap(RegistryCapKey());
    match (proposal.action) {
        Action::SetMinStakes { min_stakes } => registry.set_min_stakes(cap, min_stakes),
        Action::SetUnstakeTerms { cooldown_ms, early_fee_bps } => registry.set_unstake_terms(
            cap,
            cooldown_ms,
            early_fee_bps,
        ),
        Action::SetSlashProbation { probation_ms } => registry.set_slash_probation(
            cap,
            probation_ms,
        ),
        Action::SetTrustThresholds {
            level2_capacity_passes,
            level3_tasks,
            level3_success_bps,
            level4_tasks,
            level4_success_bps,
        } => registry.set_trust_thresholds(
            cap,
            level2_capacity_passes,
            level3_tasks,
            level3_success_bps,
            level4_tasks,
            level4_success_bps,
        ),
        Action::SetCapacityTerms {
            window_ms,
            solutions,
            min_hashrate,
        } => registry.set_capacity_terms(
            cap,
            window_ms,
            solutions,
            min_hashrate,
        ),
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes a change of the coins orders may escrow, for coin type `C` (the one the proposal
/// names).
public fun execute_coin<C>(
    proposal: &mut Proposal,
    gov: &Governance,
    market: &mut Market,
    clock: &Clock,
) {
    proposal.begin_execution(gov, clock);
    let cap: &MarketCap = gov.cap(MarketCapKey());
    match (proposal.action) {
        Action::AllowCoin { coin_type, min_order_value } => {
            assert!(coin_type == type_name::with_original_ids<C>(), EWrongCoin);
            market.allow_coin<C>(cap, min_order_value);
        },
        Action::DisallowCoin { coin_type } => {
            assert!(coin_type == type_name::with_original_ids<C>(), EWrongCoin);
            market.disallow_coin<C>(cap);
        },
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes a tip-feed action (feeders and quorum).
public fun execute_feed(
    proposal: &mut Proposal,
    gov: &Governance,
    feed: &mut TipFeed,
    market: &Market,
    clock: &Clock,
) {
    proposal.begin_execution(gov, clock);
    let cap: &MarketCap = gov.cap(MarketCapKey());
    match (proposal.action) {
        Action::AddFeeder { feeder } => feed.add_feeder(market, cap, feeder),
        Action::RemoveFeeder { feeder } => {
            // A quorum above the feeder count would let no tip count, failing every challenge.
            assert!(feed.feeders().length() > feed.quorum(), EQuorumAboveFeeders);
            feed.remove_feeder(market, cap, feeder)
        },
        Action::SetFeedQuorum { quorum } => {
            assert!(quorum <= feed.feeders().length(), EQuorumAboveFeeders);
            feed.set_quorum(market, cap, quorum)
        },
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes a treasury spend of coin type `T`, paying the recipient.
public fun execute_spend<T>(
    proposal: &mut Proposal,
    gov: &Governance,
    treasury: &mut Treasury,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    proposal.begin_execution(gov, clock);
    match (proposal.action) {
        Action::SpendTreasury { treasury_id, coin_type, amount, recipient } => {
            assert!(treasury_id == object::id(treasury), EWrongTreasury);
            assert!(coin_type == type_name::with_original_ids<T>(), EWrongCoin);
            let cap: &SpendCap = gov.cap(SpendCapKey(treasury_id));
            transfer::public_transfer(treasury.spend<T>(cap, amount, ctx), recipient);
        },
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes a change of governance's own parameters.
public fun execute_governance(proposal: &mut Proposal, gov: &mut Governance, clock: &Clock) {
    proposal.begin_execution(gov, clock);
    match (proposal.action) {
        Action::SetGovernanceParams { params } => gov.params = params,
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes a restriction of the package's upgrade policy.
public fun execute_upgrade_policy(proposal: &mut Proposal, gov: &mut Governance, clock: &Clock) {
    proposal.begin_execution(gov, clock);
    match (proposal.action) {
        Action::RestrictUpgrades { policy } => {
            if (policy == POLICY_IMMUTABLE) {
                assert!(gov.caps.contains(UpgradeCapKey()), ECapMissing);
                let cap: UpgradeCap = gov.caps.remove(UpgradeCapKey());
                cap.make_immutable();
            } else {
                let cap: &mut UpgradeCap = gov.cap_mut(UpgradeCapKey());
                if (policy == POLICY_ADDITIVE) cap.only_additive_upgrades()
                else cap.only_dep_upgrades();
            }
        },
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

/// Executes an authorised package upgrade: returns the ticket for the digest and policy the proposal
/// names, which the transaction's `Upgrade` command must consume; pass the receipt it produces to
/// `commit_upgrade` in the same transaction.
public fun execute_upgrade(
    proposal: &mut Proposal,
    gov: &mut Governance,
    clock: &Clock,
): UpgradeTicket {
    proposal.begin_execution(gov, clock);
    let ticket = match (proposal.action) {
        Action::AuthorizeUpgrade { policy, digest } => {
            let cap: &mut UpgradeCap = gov.cap_mut(UpgradeCapKey());
            // `authorize_upgrade` refuses this too (`ETooPermissive`); checked here to name the
            // problem in governance's own terms.
            assert!(policy >= cap.upgrade_policy(), EUpgradeTooPermissive);
            cap.authorize_upgrade(policy, digest)
        },
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
    ticket
}

/// Completes an upgrade authorised by `execute_upgrade`: the held `UpgradeCap` now names the new
/// package version. The framework checks the receipt is for that cap. (No version check: the
/// upgrade transaction may call this through the old or the new package.)
public fun commit_upgrade(gov: &mut Governance, receipt: UpgradeReceipt) {
    let cap: &mut UpgradeCap = gov.cap_mut(UpgradeCapKey());
    cap.commit_upgrade(receipt);
}

/// Executes a signalling proposal (records the decision).
public fun execute_signal(proposal: &mut Proposal, gov: &Governance, clock: &Clock) {
    proposal.begin_execution(gov, clock);
    match (proposal.action) {
        Action::Signal => (),
        _ => abort EWrongAction,
    };
    proposal.finish_execution();
}

// === Actions (each checked at once, so an out-of-range proposal cannot be made) ===

public fun set_market_fees(platform_fee_bps: u64, keeper_share_bps: u64): Action {
    market::check_fees(platform_fee_bps, keeper_share_bps);
    Action::SetMarketFees { platform_fee_bps, keeper_share_bps }
}

public fun set_dispute_terms(
    dispute_window_ms: u64,
    response_window_ms: u64,
    samples_per_challenge: u64,
    challenger_bond: u64,
    min_challenger_stake: u64,
): Action {
    market::check_dispute_terms(
        dispute_window_ms,
        response_window_ms,
        samples_per_challenge,
        challenger_bond,
        min_challenger_stake,
    );
    Action::SetDisputeTerms {
        dispute_window_ms,
        response_window_ms,
        samples_per_challenge,
        challenger_bond,
        min_challenger_stake,
    }
}

public fun set_slash_rates(
    min_keeper_stake: u64,
    keeper_slash_bps: u64,
    challenger_reward_bps: u64,
): Action {
    market::check_stake_terms(min_keeper_stake, keeper_slash_bps, challenger_reward_bps);
    Action::SetSlashRates { min_keeper_stake, keeper_slash_bps, challenger_reward_bps }
}

public fun set_order_terms(
    dead_time_threshold_bps: u64,
    price_decrease_max_bps: u64,
    price_decrease_interval_ms: u64,
    cancel_grace_ms: u64,
): Action {
    market::check_order_terms(
        dead_time_threshold_bps,
        price_decrease_max_bps,
        price_decrease_interval_ms,
        cancel_grace_ms,
    );
    Action::SetOrderTerms {
        dead_time_threshold_bps,
        price_decrease_max_bps,
        price_decrease_interval_ms,
        cancel_grace_ms,
    }
}

public fun set_window_terms(max_window_ms: u64, max_tip_age_ms: u64): Action {
    market::check_window_terms(max_window_ms, max_tip_age_ms);
    Action::SetWindowTerms { max_window_ms, max_tip_age_ms }
}

public fun set_min_stakes(min_stakes: vector<u64>): Action {
    registry::check_min_stakes(&min_stakes);
    Action::SetMinStakes { min_stakes }
}

public fun add_feeder(feeder: address): Action { Action::AddFeeder { feeder } }

public fun remove_feeder(feeder: address): Action { Action::RemoveFeeder { feeder } }

public fun set_feed_quorum(quorum: u64): Action {
    tips::check_quorum(quorum);
    Action::SetFeedQuorum { quorum }
}

public fun spend_treasury<T>(treasury_id: ID, amount: u64, recipient: address): Action {
    Action::SpendTreasury {
        treasury_id,
        coin_type: type_name::with_original_ids<T>(),
        amount,
        recipient,
    }
}

public fun set_governance_params(
    voting_delay_ms: u64,
    voting_period_ms: u64,
    quorum_bps: u64,
    approval_bps: u64,
    timelock_ms: u64,
    grace_ms: u64,
    proposal_threshold: u64,
): Action {
    assert!(voting_delay_ms <= 30 * DAY_MS && timelock_ms <= 30 * DAY_MS, EParamsOutOfRange);
    assert!(voting_period_ms >= HOUR_MS && voting_period_ms <= 30 * DAY_MS, EParamsOutOfRange);
    assert!(grace_ms >= HOUR_MS && grace_ms <= 30 * DAY_MS, EParamsOutOfRange);
    assert!(
        quorum_bps >= 1 && quorum_bps <= BPS && approval_bps >= 1 && approval_bps < BPS,
        EParamsOutOfRange,
    );
    assert!(
        // At most 1 % of the HASH supply.
        proposal_threshold >= 1 && proposal_threshold <= hash::total_supply() / 100,
        EParamsOutOfRange,
    );
    Action::SetGovernanceParams {
        params: Params {
            voting_delay_ms,
            voting_period_ms,
            quorum_bps,
            approval_bps,
            timelock_ms,
            grace_ms,
            proposal_threshold,
        },
    }
}

public fun restrict_upgrades(policy: u8): Action {
    assert!(
        policy == POLICY_ADDITIVE || policy == POLICY_DEP_ONLY || policy == POLICY_IMMUTABLE,
        EBadUpgradePolicy,
    );
    Action::RestrictUpgrades { policy }
}

public fun signal(): Action { Action::Signal }

/// Lets orders escrow `C` with a minimum order value in `C`'s base units.
public fun allow_coin<C>(min_order_value: u64): Action {
    market::check_coin_terms(min_order_value);
    Action::AllowCoin { coin_type: type_name::with_original_ids<C>(), min_order_value }
}

/// Stops new orders in `C`.
public fun disallow_coin<C>(): Action {
    Action::DisallowCoin { coin_type: type_name::with_original_ids<C>() }
}

public fun set_unstake_terms(cooldown_ms: u64, early_fee_bps: u64): Action {
    registry::check_unstake_terms(cooldown_ms, early_fee_bps);
    Action::SetUnstakeTerms { cooldown_ms, early_fee_bps }
}

public fun set_slash_probation(probation_ms: u64): Action {
    registry::check_slash_probation(probation_ms);
    Action::SetSlashProbation { probation_ms }
}

public fun set_trust_thresholds(
    level2_capacity_passes: u64,
    level3_tasks: u64,
    level3_success_bps: u64,
    level4_tasks: u64,
    level4_success_bps: u64,
): Action {
    registry::check_trust_thresholds(
        level3_tasks,
        level3_success_bps,
        level4_tasks,
        level4_success_bps,
    );
    Action::SetTrustThresholds {
        level2_capacity_passes,
        level3_tasks,
        level3_success_bps,
        level4_tasks,
        level4_success_bps,
    }
}

public fun set_capacity_terms(window_ms: u64, solutions: u64, min_hashrate: u64): Action {
    registry::check_capacity_terms(window_ms, solutions, min_hashrate);
    Action::SetCapacityTerms { window_ms, solutions, min_hashrate }
}

/// Authorises upgrading the package to the bytecode whose digest is `digest` (32 bytes, as `sui
/// move build --dump-bytecode-as-base64` prints it) under `policy`: compatible (0), additive
/// (128) or dependency-only (192). It executes only if the package's policy allows `policy`.
public fun authorize_upgrade(policy: u8, digest: vector<u8>): Action {
    assert!(
        policy == POLICY_COMPATIBLE || policy == POLICY_ADDITIVE || policy == POLICY_DEP_ONLY,
        EBadUpgrade,
    );
    assert!(digest.length() == DIGEST_LENGTH, EBadUpgrade);
    Action::AuthorizeUpgrade { policy, digest }
}

// === Public-View Functions ===

/// The proposal's state now.
public fun state(proposal: &Proposal, clock: &Clock): ProposalState {
    let now = clock.timestamp_ms();
    if (proposal.executed) return ProposalState::Executed;
    if (proposal.canceled) return ProposalState::Canceled;
    if (now < proposal.start_ms) return ProposalState::Pending;
    if (now < proposal.end_ms) return ProposalState::Active;
    if (!proposal.passed()) return ProposalState::Defeated;
    if (proposal.eta_ms == 0) {
        // Never queued: it lapses once the grace period has passed after voting ended.
        if (now > proposal.end_ms + proposal.params.grace_ms) return ProposalState::Expired;
        return ProposalState::Succeeded
    };
    if (now > proposal.eta_ms + proposal.params.grace_ms) return ProposalState::Expired;
    ProposalState::Queued
}

/// Whether the votes reached the quorum and the approval threshold.
public fun passed(proposal: &Proposal): bool {
    let quorum =
        (proposal.total_weight as u128) * (proposal.params.quorum_bps as u128) / (BPS as u128);
    let turnout = (proposal.for_weight as u128) + (proposal.abstain_weight as u128);
    let decided = (proposal.for_weight as u128) + (proposal.against_weight as u128);
    turnout >= quorum && turnout > 0
        && (proposal.for_weight as u128) * (BPS as u128) > decided * (proposal.params.approval_bps as u128)
}

public fun params(gov: &Governance): Params { gov.params }

/// The total weight of all vote locks at `at_ms` (now or later).
public fun total_weight_at(gov: &Governance, at_ms: u64): u64 { gov.supply.total_weight_at(at_ms) }

public fun holds_market_cap(gov: &Governance): bool { gov.caps.contains(MarketCapKey()) }

public fun holds_registry_cap(gov: &Governance): bool { gov.caps.contains(RegistryCapKey()) }

public fun holds_spend_cap(gov: &Governance, treasury_id: ID): bool {
    gov.caps.contains(SpendCapKey(treasury_id))
}

public fun holds_upgrade_cap(gov: &Governance): bool { gov.caps.contains(UpgradeCapKey()) }

/// The package version the held upgrade capability names (`@0x0` while an upgrade is under way).
public fun upgrade_package(gov: &Governance): ID {
    let cap: &UpgradeCap = gov.cap(UpgradeCapKey());
    cap.upgrade_package()
}

/// The upgrade policy of the package governance holds the upgrade capability of.
public fun upgrade_policy(gov: &Governance): u8 {
    let cap: &UpgradeCap = gov.cap(UpgradeCapKey());
    cap.upgrade_policy()
}

public fun action(proposal: &Proposal): Action { proposal.action }

public fun proposer(proposal: &Proposal): address { proposal.proposer }

public fun start_ms(proposal: &Proposal): u64 { proposal.start_ms }

public fun end_ms(proposal: &Proposal): u64 { proposal.end_ms }

public fun eta_ms(proposal: &Proposal): u64 { proposal.eta_ms }

public fun total_weight(proposal: &Proposal): u64 { proposal.total_weight }

public fun for_weight(proposal: &Proposal): u64 { proposal.for_weight }

public fun against_weight(proposal: &Proposal): u64 { proposal.against_weight }

public fun abstain_weight(proposal: &Proposal): u64 { proposal.abstain_weight }

public fun has_voted(proposal: &Proposal, lock_id: ID): bool { proposal.voted.contains(lock_id) }

public fun voting_delay_ms(params: &Params): u64 { params.voting_delay_ms }

public fun voting_period_ms(params: &Params): u64 { params.voting_period_ms }

public fun quorum_bps(params: &Params): u64 { params.quorum_bps }

public fun approval_bps(params: &Params): u64 { params.approval_bps }

public fun timelock_ms(params: &Params): u64 { params.timelock_ms }

public fun grace_ms(params: &Params): u64 { params.grace_ms }

public fun proposal_threshold(params: &Params): u64 { params.proposal_threshold }

public fun state_pending(): ProposalState { ProposalState::Pending }

public fun state_active(): ProposalState { ProposalState::Active }

public fun state_canceled(): ProposalState { ProposalState::Canceled }

public fun state_defeated(): ProposalState { ProposalState::Defeated }

public fun state_succeeded(): ProposalState { ProposalState::Succeeded }

public fun state_queued(): ProposalState { ProposalState::Queued }

public fun state_expired(): ProposalState { ProposalState::Expired }

public fun state_executed(): ProposalState { ProposalState::Executed }

// === Private Functions ===

fun install<K: copy + drop + store, Cap: key + store>(gov: &mut Governance, key: K, cap: Cap) {
    version::assert_current(gov.version);
    assert!(!gov.caps.contains(key), ECapAlreadyHeld);
    gov.caps.add(key, cap);
    event::emit(CapInstalled {
        governance_id: gov.id.to_inner(),
        cap_type: type_name::with_original_ids<Cap>(),
    });
}

fun cap<K: copy + drop + store, Cap: key + store>(gov: &Governance, key: K): &Cap {
    assert!(gov.caps.contains(key), ECapMissing);
    &gov.caps[key]
}

fun cap_mut<K: copy + drop + store, Cap: key + store>(gov: &mut Governance, key: K): &mut Cap {
    assert!(gov.caps.contains(key), ECapMissing);
    &mut gov.caps[key]
}

/// Aborts unless the proposal may execute now: queued, timelock passed, not expired.
fun begin_execution(proposal: &Proposal, gov: &Governance, clock: &Clock) {
    version::assert_current(proposal.version);
    version::assert_current(gov.version);
    let state = proposal.state(clock);
    assert!(state != ProposalState::Expired, EExpired);
    assert!(state == ProposalState::Queued, ENotQueued);
    assert!(clock.timestamp_ms() >= proposal.eta_ms, ETimelock);
}

fun finish_execution(proposal: &mut Proposal) {
    proposal.executed = true;
    event::emit(ProposalExecuted { proposal_id: proposal.id.to_inner(), action: proposal.action });
}

// === Test Functions ===

#[test_only]
public fun init_for_testing(ctx: &mut TxContext) {
    init(ctx);
}

/// Installs any upgrade capability. Unit tests publish the package at `@0x0`, which an
/// `UpgradeCap` also uses to mark an upgrade under way, so tests of the upgrade flow install a cap
/// for a made-up package id through this instead of `install_upgrade_cap`.
#[test_only]
public fun install_upgrade_cap_for_testing(gov: &mut Governance, cap: UpgradeCap) {
    gov.install(UpgradeCapKey(), cap);
}
