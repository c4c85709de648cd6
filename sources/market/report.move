/// Delivery reports, their challenges and their settlement.
///
/// A fill's keeper reports a window: start and end, the n pool-accepted shares whose hash meets
/// the fill's difficulty D (fixed before the window began), their work `n × D × 2^32`, the share
/// counters a buyer audits, the pool's dead time, and the root of the share tree (sorted share
/// hashes, `aihash::share_tree`). What the work costs is reserved from the order's escrow.
///
/// Within the dispute window the buyer (free) or a staked third party (posting a HASH bond)
/// challenges the report: `sui::random` draws k leaf indices, and the keeper must answer each
/// before the response deadline with the share's header and its successor's, their inclusion
/// proofs, and the share's coinbase transaction and merkle branch. An answered challenge leaves the
/// report standing (the bond goes to the keeper); an unanswered one voids it: the reserve returns
/// to the order, the keeper's stake is slashed (part to the challenger, the rest to the treasury).
/// After the dispute window, with no open challenge, anyone settles the report: the provider gets
/// the amount less the platform fee, the keeper its share of the fee, the treasury the rest.
///
/// Cost: `submit`, `settle` and `expire_challenge` are O(1); opening a challenge draws k indices;
/// each answer checks two inclusion proofs (O(log n) hashes), one merkle branch and one coinbase.
/// Nothing iterates over the market's orders, fills or reports.
module aihash::report;

use aihash::hash::HASH;
use aihash::identity::Identity;
use aihash::market::{Self, Market};
use aihash::order::{Self, Order};
use aihash::pow;
use aihash::registry::Registry;
use aihash::share_tree;
use aihash::staking;
use aihash::tips::TipFeed;
use aihash::treasury::Treasury;
use aihash::version;
use sui::balance::{Self, Balance};
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::event;
use sui::random::Random;

// === Errors ===

#[error]
const EWrongOrder: vector<u8> = b"this report belongs to another order";
#[error]
const EWrongKeeper: vector<u8> = b"this identity is not the report's keeper";
#[error]
const EWrongProvider: vector<u8> = b"this identity is not the report's provider";
#[error]
const ENotKeeperController: vector<u8> = b"only the keeper identity's controller may do this";
#[error]
const EEmptyWindow: vector<u8> = b"a window ends after it starts";
#[error]
const EWindowTooLong: vector<u8> = b"the window is longer than the market's maximum report window";
#[error]
const EWindowOverlaps: vector<u8> =
    b"the window starts before the end of the fill's last reported window";
#[error]
const EWindowInFuture: vector<u8> = b"the window has not ended yet";
#[error]
const EWindowAfterFill: vector<u8> =
    b"the window ends after the fill was released or the order ended or expired";
#[error]
const EWrongDifficulty: vector<u8> =
    b"the report's share difficulty is not the one the fill fixed before the window started";
#[error]
const EInconsistentCounters: vector<u8> =
    b"counted shares <= pool-accepted <= verified <= submitted, and rejections <= submitted";
#[error]
const EDeadTimeTooLong: vector<u8> = b"dead time cannot exceed the window";
#[error]
const ERootLength: vector<u8> = b"the share tree root is exactly 32 bytes";
#[error]
const ENotBuyer: vector<u8> = b"only the order's buyer challenges for free";
#[error]
const ENotPending: vector<u8> =
    b"the report is not awaiting settlement (challenged, settled or voided)";
#[error]
const EAlreadyChallenged: vector<u8> = b"a report is challenged at most once";
#[error]
const EDisputeWindowClosed: vector<u8> = b"the dispute window of this report has closed";
#[error]
const ENothingToChallenge: vector<u8> = b"a report of zero shares has no leaves to sample";
#[error]
const ENotChallengerController: vector<u8> =
    b"only the challenger identity's controller may post its bond";
#[error]
const EChallengerStake: vector<u8> =
    b"a third-party challenger needs an active identity with the minimum stake";
#[error]
const EWrongBond: vector<u8> = b"the bond must be exactly the market's challenger bond";
#[error]
const ENotChallenged: vector<u8> = b"the report has no open challenge";
#[error]
const EResponseClosed: vector<u8> = b"the response deadline has passed";
#[error]
const EUnknownSample: vector<u8> = b"the challenge has no sample at this position";
#[error]
const EAlreadyAnswered: vector<u8> = b"this sample is already answered";
#[error]
const ELeafNotInTree: vector<u8> =
    b"the header's hash is not the sampled leaf of the committed tree";
#[error]
const EShareTooEasy: vector<u8> = b"the share's hash does not meet the fill's share difficulty";
#[error]
const ESuccessorNotInTree: vector<u8> =
    b"the successor header's hash is not the next leaf of the committed tree";
#[error]
const ENotIncreasing: vector<u8> =
    b"leaves must strictly increase: a share is counted twice or out of order";
#[error]
const ECoinbaseMismatch: vector<u8> =
    b"the coinbase and merkle branch do not rebuild the header's merkle root";
#[error]
const EForeignPool: vector<u8> = b"the coinbase does not contain the order's pool payout bytes";
#[error]
const EUnknownTip: vector<u8> = b"the header's previous block is not a recent Bitcoin tip";
#[error]
const EStaleTip: vector<u8> = b"the header's previous block was not the tip around the window";
#[error]
const ETimeOutsideWindow: vector<u8> = b"the header's time lies outside the window";
#[error]
const EResponsePending: vector<u8> =
    b"the keeper may still answer: the response deadline has not passed";
#[error]
const EDisputeWindowOpen: vector<u8> = b"the report settles only after its dispute window";

// === Types ===

public enum ReportState has copy, drop, store {
    Pending,
    Challenged,
    Settled,
    Voided,
}

/// What happened to the shares a keeper saw in a window.
public struct ShareCounters has copy, drop, store {
    submitted: u64,
    /// Passed the keeper's verification (header, target, not stale, not duplicate).
    verified: u64,
    /// Verified and accepted by the buyer's pool.
    pool_accepted: u64,
    rejected_stale: u64,
    rejected_duplicate: u64,
    rejected_low_difficulty: u64,
    rejected_by_pool: u64,
}

public struct Challenge has store {
    challenger: address,
    /// The challenger's identity, for a third party.
    challenger_identity: Option<ID>,
    bond: Balance<HASH>,
    /// Sampled leaf indices, in [0, n).
    samples: vector<u64>,
    answered: vector<bool>,
    opened_ms: u64,
    deadline_ms: u64,
}

public struct Report has key {
    id: UID,
    version: u64,
    order_id: ID,
    fill: u64,
    keeper_id: ID,
    provider_id: ID,
    window_start_ms: u64,
    window_end_ms: u64,
    /// Counted shares n.
    shares: u64,
    /// Share difficulty D, 32.32 fixed point.
    difficulty: u128,
    /// `n × D × 2^32` hashes.
    work: u256,
    counters: ShareCounters,
    dead_ms: u64,
    /// Root of the share tree (binds n).
    root: vector<u8>,
    /// Reserved from escrow: what the work costs, capped at the escrow left.
    amount: u64,
    capped: bool,
    reported_ms: u64,
    dispute_deadline_ms: u64,
    state: ReportState,
    challenge: Option<Challenge>,
}

// === Events ===

public struct ReportSubmitted has copy, drop {
    report_id: ID,
    order_id: ID,
    fill: u64,
    keeper_id: ID,
    provider_id: ID,
    window_start_ms: u64,
    window_end_ms: u64,
    shares: u64,
    difficulty: u128,
    work: u256,
    counters: ShareCounters,
    dead_ms: u64,
    root: vector<u8>,
    amount: u64,
    capped: bool,
    dispute_deadline_ms: u64,
}

public struct ChallengeOpened has copy, drop {
    report_id: ID,
    challenger: address,
    challenger_identity: Option<ID>,
    bond: u64,
    samples: vector<u64>,
    deadline_ms: u64,
}

public struct SampleAnswered has copy, drop {
    report_id: ID,
    index: u64,
    share_hash: vector<u8>,
}

public struct ChallengeAnswered has copy, drop {
    report_id: ID,
    /// Bond paid to the keeper.
    bond: u64,
}

public struct ReportVoided has copy, drop {
    report_id: ID,
    /// Reserve returned to the order (or to the buyer of an ended order).
    returned: u64,
    slashed: u64,
    challenger: address,
}

public struct ReportSettled has copy, drop {
    report_id: ID,
    provider_payout: u64,
    keeper_reward: u64,
    treasury_fee: u64,
}

// === Public-Mutative Functions ===

/// Counters of a window, for `submit`.
public fun new_counters(
    submitted: u64,
    verified: u64,
    pool_accepted: u64,
    rejected_stale: u64,
    rejected_duplicate: u64,
    rejected_low_difficulty: u64,
    rejected_by_pool: u64,
): ShareCounters {
    let rejected =
        (rejected_stale as u128) + (rejected_duplicate as u128)
        + (rejected_low_difficulty as u128) + (rejected_by_pool as u128);
    assert!(pool_accepted <= verified && verified <= submitted, EInconsistentCounters);
    assert!(rejected <= (submitted as u128), EInconsistentCounters);
    ShareCounters {
        submitted,
        verified,
        pool_accepted,
        rejected_stale,
        rejected_duplicate,
        rejected_low_difficulty,
        rejected_by_pool,
    }
}

/// Reports a delivery window of fill `fill` of `order`, on behalf of `keeper` (the sender controls
/// it): `shares` counted at `difficulty` (which must be the D the fill fixed before the window
/// started), their share tree `root`, the counters and the dead time. Reserves what the work costs.
public fun submit<C>(
    order: &mut Order<C>,
    market: &Market,
    keeper: &mut Identity,
    fill: u64,
    window_start_ms: u64,
    window_end_ms: u64,
    shares: u64,
    difficulty: u128,
    counters: ShareCounters,
    dead_ms: u64,
    root: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
): ID {
    market.assert_version();
    let params = market.params();
    assert!(keeper.controller() == ctx.sender(), ENotKeeperController);
    order::assert_keeper_eligible(keeper, params);
    let now = clock.timestamp_ms();
    assert!(window_end_ms > window_start_ms, EEmptyWindow);
    assert!(window_end_ms - window_start_ms <= params.max_window_ms(), EWindowTooLong);
    assert!(window_end_ms <= now, EWindowInFuture);
    let (earliest_start, latest_end) = order.window_bounds(fill);
    assert!(window_start_ms >= earliest_start, EWindowOverlaps);
    assert!(window_end_ms <= latest_end, EWindowAfterFill);
    assert!(shares <= counters.pool_accepted, EInconsistentCounters);
    assert!(dead_ms <= window_end_ms - window_start_ms, EDeadTimeTooLong);
    assert!(root.length() == 32, ERootLength);

    let (fixed_difficulty, provider_id) = order.cover_window(
        fill,
        object::id(keeper),
        window_start_ms,
        window_end_ms,
        dead_ms,
    );
    assert!(difficulty == fixed_difficulty, EWrongDifficulty);
    let work = (shares as u256) * (difficulty as u256);
    let (amount, capped) = order.reserve(work);
    // The keeper's stake answers for this report until a challenge opened at the last moment
    // would have timed out, under the longest response window governance could set by then
    // (a challenge takes the window in force when it opens).
    let dispute_deadline_ms = now + params.dispute_window_ms();
    keeper.stake_mut().lock_until(dispute_deadline_ms + market::max_response_window_ms());
    let report = Report {
        id: object::new(ctx),
        version: version::current(),
        order_id: object::id(order),
        fill,
        keeper_id: object::id(keeper),
        provider_id,
        window_start_ms,
        window_end_ms,
        shares,
        difficulty,
        work,
        counters,
        dead_ms,
        root,
        amount,
        capped,
        reported_ms: now,
        dispute_deadline_ms,
        state: ReportState::Pending,
        challenge: option::none(),
    };
    let report_id = report.id.to_inner();
    event::emit(ReportSubmitted {
        report_id,
        order_id: report.order_id,
        fill,
        keeper_id: report.keeper_id,
        provider_id,
        window_start_ms,
        window_end_ms,
        shares,
        difficulty,
        work,
        counters,
        dead_ms,
        root: report.root,
        amount,
        capped,
        dispute_deadline_ms: report.dispute_deadline_ms,
    });
    transfer::share_object(report);
    order.check_pool_alive(params, now, ctx);
    report_id
}

// === Entry Functions ===

/// The buyer challenges a report, free. Draws the samples with `Random`, so it is a private entry
/// function: nobody can wrap it and abort on samples they dislike.
entry fun challenge<C>(
    report: &mut Report,
    order: &Order<C>,
    market: &Market,
    random: &Random,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    assert!(report.order_id == object::id(order), EWrongOrder);
    assert!(order.buyer() == ctx.sender(), ENotBuyer);
    let samples = draw_samples(report, market, random, ctx);
    report.open(market, ctx.sender(), option::none(), balance::zero(), samples, clock);
}

/// A staked third party challenges a report, posting the market's bond in HASH.
entry fun challenge_with_bond(
    report: &mut Report,
    market: &Market,
    challenger: &Identity,
    bond: Coin<HASH>,
    random: &Random,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    let params = market.params();
    assert!(challenger.controller() == ctx.sender(), ENotChallengerController);
    assert!(
        challenger.is_active() && challenger.stake().active() >= params.min_challenger_stake(),
        EChallengerStake,
    );
    assert!(bond.value() == params.challenger_bond(), EWrongBond);
    let samples = draw_samples(report, market, random, ctx);
    report.open(
        market,
        ctx.sender(),
        option::some(object::id(challenger)),
        bond.into_balance(),
        samples,
        clock,
    );
}

// === Public-Mutative Functions (continued) ===

/// Answers the challenge's sample at `position` (its leaf index is `samples[position]`; every
/// position sampling the same index is answered with it). `header` is the 80-byte header of that
/// leaf and `proof` its inclusion proof; `next_header` and `next_proof` are the successor's (empty
/// for the last leaf); `coinbase` and `branch` rebuild `header`'s merkle root. Aborts with a named
/// error for each check that fails; the keeper can try again until the deadline. The last answer
/// closes the challenge in the report's favour.
public fun answer<C>(
    report: &mut Report,
    order: &Order<C>,
    market: &Market,
    tips: &TipFeed,
    keeper: &mut Identity,
    registry: &Registry,
    position: u64,
    header: vector<u8>,
    proof: vector<vector<u8>>,
    next_header: vector<u8>,
    next_proof: vector<vector<u8>>,
    coinbase: vector<u8>,
    branch: vector<vector<u8>>,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    version::assert_current(report.version);
    order.assert_version();
    market.assert_version();
    tips.assert_version();
    assert!(report.order_id == object::id(order), EWrongOrder);
    assert!(object::id(keeper) == report.keeper_id, EWrongKeeper);
    assert!(keeper.controller() == ctx.sender(), ENotKeeperController);
    assert!(report.state == ReportState::Challenged, ENotChallenged);
    let now = clock.timestamp_ms();
    let challenge = report.challenge.borrow();
    assert!(now <= challenge.deadline_ms, EResponseClosed);
    assert!(position < challenge.samples.length(), EUnknownSample);
    assert!(!challenge.answered[position], EAlreadyAnswered);
    let index = challenge.samples[position];

    let share_hash = report.check_share(
        order,
        market,
        tips,
        index,
        header,
        &proof,
        &coinbase,
        &branch,
    );
    if (index + 1 < report.shares) {
        let next_hash = pow::sha256d(next_header);
        assert!(
            share_tree::verify(next_hash, index + 1, report.shares, &next_proof, report.root),
            ESuccessorNotInTree,
        );
        assert!(pow::hash_to_u256(share_hash) < pow::hash_to_u256(next_hash), ENotIncreasing);
    };

    let report_id = report.id.to_inner();
    let challenge = report.challenge.borrow_mut();
    let samples = challenge.samples;
    samples.length().do!(|i| if (samples[i] == index) *&mut challenge.answered[i] = true);
    event::emit(SampleAnswered { report_id, index, share_hash });
    if (challenge.answered.all!(|a| *a)) {
        let bond = challenge.bond.withdraw_all();
        let bond_value = bond.value();
        transfer::public_transfer(coin::from_balance(bond, ctx), keeper.controller());
        report.state = ReportState::Pending;
        keeper.record_challenge_passed(registry.policy(), now);
        event::emit(ChallengeAnswered { report_id, bond: bond_value });
    }
}

/// Voids a report whose challenge went unanswered past the deadline: the reserve returns to the
/// order, the keeper's stake is slashed by the market's rate (the challenger's reward share to the
/// challenger, the rest to the treasury), the bond returns to the challenger, and the keeper's
/// record shows a failed challenge. Anyone may call it.
public fun expire_challenge<C>(
    report: &mut Report,
    order: &mut Order<C>,
    market: &Market,
    keeper: &mut Identity,
    registry: &Registry,
    treasury: &mut Treasury,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    version::assert_current(report.version);
    market.assert_version();
    assert!(report.order_id == object::id(order), EWrongOrder);
    assert!(object::id(keeper) == report.keeper_id, EWrongKeeper);
    assert!(report.state == ReportState::Challenged, ENotChallenged);
    let now = clock.timestamp_ms();
    let challenge = report.challenge.borrow_mut();
    assert!(now > challenge.deadline_ms, EResponsePending);
    let challenger = challenge.challenger;
    let bond = challenge.bond.withdraw_all();
    transfer::public_transfer(coin::from_balance(bond, ctx), challenger);

    report.state = ReportState::Voided;
    let returned = order.release_reserve(report.amount, ctx);
    let params = market.params();
    let to_slash =
        ((keeper.stake().total() as u128) * (params.keeper_slash_bps() as u128) / 10_000) as u64;
    let slashed = staking::slash(
        keeper,
        registry,
        treasury,
        to_slash,
        challenger,
        params.challenger_reward_bps(),
        clock,
        ctx,
    );
    keeper.record_challenge_failed(registry.policy(), now);
    event::emit(ReportVoided { report_id: report.id.to_inner(), returned, slashed, challenger });
}

/// Settles a report after its dispute window: the provider's controller gets the amount less the
/// platform fee, the keeper's controller its share of the fee, the platform treasury the rest; both
/// identities' records count the settled report. Anyone may call it. (When the keeper and the
/// provider are one identity, use `settle_own`.)
public fun settle<C>(
    report: &mut Report,
    order: &mut Order<C>,
    market: &Market,
    registry: &Registry,
    treasury: &mut Treasury,
    keeper: &mut Identity,
    provider: &mut Identity,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    assert!(object::id(keeper) == report.keeper_id, EWrongKeeper);
    assert!(object::id(provider) == report.provider_id, EWrongProvider);
    report.pay(
        order,
        market,
        registry,
        treasury,
        keeper.controller(),
        provider.controller(),
        clock,
        ctx,
    );
    let now = clock.timestamp_ms();
    keeper.record_report_settled(registry.policy(), now);
    provider.record_report_settled(registry.policy(), now);
}

/// `settle` for a report whose keeper is also its provider.
public fun settle_own<C>(
    report: &mut Report,
    order: &mut Order<C>,
    market: &Market,
    registry: &Registry,
    treasury: &mut Treasury,
    identity: &mut Identity,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    assert!(object::id(identity) == report.keeper_id, EWrongKeeper);
    assert!(object::id(identity) == report.provider_id, EWrongProvider);
    let controller = identity.controller();
    report.pay(order, market, registry, treasury, controller, controller, clock, ctx);
    identity.record_report_settled(registry.policy(), clock.timestamp_ms());
}

// === Public-View Functions ===

public fun order_id(report: &Report): ID { report.order_id }

public fun fill(report: &Report): u64 { report.fill }

public fun keeper_id(report: &Report): ID { report.keeper_id }

public fun provider_id(report: &Report): ID { report.provider_id }

public fun window_start_ms(report: &Report): u64 { report.window_start_ms }

public fun window_end_ms(report: &Report): u64 { report.window_end_ms }

public fun shares(report: &Report): u64 { report.shares }

public fun difficulty(report: &Report): u128 { report.difficulty }

public fun work(report: &Report): u256 { report.work }

public fun counters(report: &Report): ShareCounters { report.counters }

public fun dead_ms(report: &Report): u64 { report.dead_ms }

public fun root(report: &Report): vector<u8> { report.root }

public fun amount(report: &Report): u64 { report.amount }

public fun capped(report: &Report): bool { report.capped }

public fun dispute_deadline_ms(report: &Report): u64 { report.dispute_deadline_ms }

public fun state(report: &Report): ReportState { report.state }

public fun is_settled(report: &Report): bool { report.state == ReportState::Settled }

public fun is_voided(report: &Report): bool { report.state == ReportState::Voided }

public fun is_challenged(report: &Report): bool { report.state == ReportState::Challenged }

public fun was_challenged(report: &Report): bool { report.challenge.is_some() }

/// The sampled leaf indices of the report's challenge (empty if never challenged).
public fun samples(report: &Report): vector<u64> {
    if (report.challenge.is_some()) report.challenge.borrow().samples
    else vector[]
}

/// Whether the sample at `position` of the report's challenge is answered.
public fun sample_answered(report: &Report, position: u64): bool {
    report.challenge.borrow().answered[position]
}

/// How many samples are still unanswered.
public fun unanswered(report: &Report): u64 {
    if (report.challenge.is_none()) return 0;
    report.challenge.borrow().answered.count!(|a| !*a)
}

public fun response_deadline_ms(report: &Report): Option<u64> {
    if (report.challenge.is_some()) option::some(report.challenge.borrow().deadline_ms)
    else option::none()
}

public fun submitted(counters: &ShareCounters): u64 { counters.submitted }

public fun verified(counters: &ShareCounters): u64 { counters.verified }

public fun pool_accepted(counters: &ShareCounters): u64 { counters.pool_accepted }

// === Private Functions ===

/// Draws the market's number of leaf indices, uniformly in [0, n), with replacement.
fun draw_samples(
    report: &Report,
    market: &Market,
    random: &Random,
    ctx: &mut TxContext,
): vector<u64> {
    assert!(report.shares > 0, ENothingToChallenge);
    let mut generator = random.new_generator(ctx);
    let last = report.shares - 1;
    vector::tabulate!(
        market.params().samples_per_challenge(),
        |_| generator.generate_u64_in_range(0, last),
    )
}

fun open(
    report: &mut Report,
    market: &Market,
    challenger: address,
    challenger_identity: Option<ID>,
    bond: Balance<HASH>,
    samples: vector<u64>,
    clock: &Clock,
) {
    version::assert_current(report.version);
    market.assert_version();
    assert!(report.challenge.is_none(), EAlreadyChallenged);
    assert!(report.state == ReportState::Pending, ENotPending);
    let now = clock.timestamp_ms();
    assert!(now < report.dispute_deadline_ms, EDisputeWindowClosed);
    let deadline_ms = now + market.params().response_window_ms();
    let bond_value = bond.value();
    report
        .challenge
        .fill(Challenge {
            challenger,
            challenger_identity,
            bond,
            samples,
            answered: vector::tabulate!(samples.length(), |_| false),
            opened_ms: now,
            deadline_ms,
        });
    report.state = ReportState::Challenged;
    event::emit(ChallengeOpened {
        report_id: report.id.to_inner(),
        challenger,
        challenger_identity,
        bond: bond_value,
        samples,
        deadline_ms,
    });
}

/// Checks one sampled share: its hash is leaf `index` of the committed tree and meets D; its
/// coinbase rebuilds its merkle root and pays the order's pool; it was built on a then-recent tip
/// within the window. Returns the share's hash.
fun check_share<C>(
    report: &Report,
    order: &Order<C>,
    market: &Market,
    tips: &TipFeed,
    index: u64,
    header_bytes: vector<u8>,
    proof: &vector<vector<u8>>,
    coinbase: &vector<u8>,
    branch: &vector<vector<u8>>,
): vector<u8> {
    let header = pow::header_from_bytes(header_bytes);
    let share_hash = header.hash();
    assert!(
        share_tree::verify(share_hash, index, report.shares, proof, report.root),
        ELeafNotInTree,
    );
    assert!(pow::meets_target(share_hash, pow::share_target(report.difficulty)), EShareTooEasy);

    let root = pow::merkle_root_from_branch(pow::sha256d(*coinbase), branch);
    assert!(root == header.merkle_root(), ECoinbaseMismatch);
    assert!(contains(coinbase, &order.pool().pool_payout()), EForeignPool);

    let params = market.params();
    let tip = tips.find(&header.prev_block());
    assert!(tip.is_some(), EUnknownTip);
    let posted_ms = tip.destroy_some().posted_ms();
    let max_age = params.max_tip_age_ms();
    assert!(
        posted_ms + max_age >= report.window_start_ms && posted_ms <= report.window_end_ms + max_age,
        EStaleTip,
    );
    // The share's own time (ntime, seconds) lies in the window, with no slack: windows of a fill
    // do not overlap, so no share can be counted in two of them.
    let time_ms = (header.time() as u64) * 1000;
    assert!(
        time_ms >= report.window_start_ms && time_ms < report.window_end_ms,
        ETimeOutsideWindow,
    );
    share_hash
}

fun pay<C>(
    report: &mut Report,
    order: &mut Order<C>,
    market: &Market,
    registry: &Registry,
    treasury: &mut Treasury,
    keeper_address: address,
    provider_address: address,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    version::assert_current(report.version);
    market.assert_version();
    registry.assert_platform_treasury(object::id(treasury));
    assert!(report.order_id == object::id(order), EWrongOrder);
    assert!(report.state == ReportState::Pending, ENotPending);
    assert!(clock.timestamp_ms() >= report.dispute_deadline_ms, EDisputeWindowOpen);
    report.state = ReportState::Settled;
    let (provider_share, keeper_reward, fee) = order.pay_out(report.amount, market.params());
    event::emit(ReportSettled {
        report_id: report.id.to_inner(),
        provider_payout: provider_share.value(),
        keeper_reward: keeper_reward.value(),
        treasury_fee: fee.value(),
    });
    transfer::public_transfer(coin::from_balance(provider_share, ctx), provider_address);
    transfer::public_transfer(coin::from_balance(keeper_reward, ctx), keeper_address);
    treasury.deposit(fee);
}

/// Whether `needle` occurs in `haystack` (O(|haystack| × |needle|); a coinbase is a few hundred
/// bytes and a payout script a few dozen).
fun contains(haystack: &vector<u8>, needle: &vector<u8>): bool {
    let (h, n) = (haystack.length(), needle.length());
    if (n == 0) return true;
    if (n > h) return false;
    let mut start = 0;
    while (start + n <= h) {
        let mut i = 0;
        while (i < n && haystack[start + i] == needle[i]) i = i + 1;
        if (i == n) return true;
        start = start + 1;
    };
    false
}

// === Test Functions ===

#[test_only]
public fun challenge_for_testing<C>(
    report: &mut Report,
    order: &Order<C>,
    market: &Market,
    random: &Random,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    challenge(report, order, market, random, clock, ctx);
}

/// The buyer challenges a report at chosen leaf indices instead of drawn ones, so a test can
/// sample the leaf it means to; every check of the answers is the same.
#[test_only]
public fun challenge_at_for_testing<C>(
    report: &mut Report,
    order: &Order<C>,
    market: &Market,
    samples: vector<u64>,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    assert!(report.order_id == object::id(order), EWrongOrder);
    assert!(order.buyer() == ctx.sender(), ENotBuyer);
    report.open(market, ctx.sender(), option::none(), balance::zero(), samples, clock);
}

#[test_only]
public fun challenge_with_bond_for_testing(
    report: &mut Report,
    market: &Market,
    challenger: &Identity,
    bond: Coin<HASH>,
    random: &Random,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    challenge_with_bond(report, market, challenger, bond, random, clock, ctx);
}
