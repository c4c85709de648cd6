/// Capacity challenges: a provider proves it commands the hashrate it claims by mining a block
/// header template the contract makes up on the spot.
///
/// The template is an ordinary Stratum job for real SHA-256 ASICs: the previous-block field is a
/// fresh seed from `sui::random` (so no work can be done in advance), the merkle-root field is
/// bound to the provider's identity and to the challenge (so no one else's work counts), nBits is
/// the challenge target, version `0x20000000` with the BIP 310 bits `0x1fffe000` free to roll,
/// nonce and ntime free. The target is set so that the claimed hashrate expects twice the required
/// number of solutions within the window; a provider that really has it fails with a probability
/// of about 0.1% (16 solutions required, 32 expected).
///
/// The provider's controller submits solved headers before the deadline. The challenge passes when
/// the required number of distinct solutions is in, recording on the identity the hashrate their
/// work shows over the elapsed time. A late, foreign, malformed, too easy or reused solution fails
/// the challenge at once, recording the reason; so does a deadline that passes first
/// (`finalize`, callable by anyone). Either way the result counts in the identity's record.
module aihash::capacity;

use aihash::identity::Identity;
use aihash::pow;
use aihash::registry::Registry;
use aihash::version;
use sui::clock::Clock;
use sui::event;
use sui::random::Random;

// === Errors ===

#[error]
const ENotProvider: vector<u8> = b"only identities with the provider role take capacity challenges";
#[error]
const EChallengeOpen: vector<u8> =
    b"the identity already has an open capacity challenge; finish or finalize it first";
#[error]
const EClaimBelowMinimum: vector<u8> = b"the claimed hashrate is below the registry's minimum";
#[error]
const EWrongIdentity: vector<u8> = b"this challenge was issued to a different identity";
#[error]
const EChallengeClosed: vector<u8> = b"this challenge is already decided";
#[error]
const EDeadlineNotPassed: vector<u8> = b"the challenge can be finalized only after its deadline";

// === Constants ===

/// The template's version; BIP 310 version rolling may change the bits in the mask.
const TEMPLATE_VERSION: u32 = 0x2000_0000;
const VERSION_ROLLING_MASK: u32 = 0x1fff_e000;
/// The easiest target a challenge sets: the largest compact bits can encode (`0x207fffff`).
const MAX_TARGET: u256 = 0x7fffff << 232;
const MAX_U64: u64 = 0xffff_ffff_ffff_ffff;
const MAX_U256: u256 = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff;
/// ntime may lie this far before the issue or after the submission, as Bitcoin allows a block's
/// time to run two hours ahead.
const NTIME_SLACK_SECONDS: u64 = 7_200;
/// Separates the identity binding from any other use of sha256d.
const BINDING_DOMAIN: vector<u8> = b"aihash/capacity-challenge";
/// Expected solutions in the window, as a multiple of the required ones.
const EXPECTED_OVER_REQUIRED: u64 = 2;

// === Types ===

public enum Outcome has copy, drop, store {
    Open,
    Passed { verified_hashrate: u64 },
    Failed { reason: Failure },
}

public enum Failure has copy, drop, store {
    /// Submitted after the deadline.
    Late,
    /// The previous-block, merkle-root or nBits field is not this challenge's.
    ForeignTemplate,
    /// Version bits changed outside the BIP 310 mask.
    VersionOutsideMask,
    /// ntime too far before the issue or after the submission.
    TimeOutOfRange,
    /// The header's hash does not meet the target.
    InsufficientWork,
    /// The same solution twice.
    Reused,
    /// The deadline passed before enough solutions came in.
    TooFewSolutions,
}

public struct CapacityChallenge has key {
    id: UID,
    version: u64,
    identity_id: ID,
    /// The hashrate (H/s) the provider claimed.
    claimed_hashrate: u64,
    /// The template: previous-block field (the random seed), merkle-root field (the binding), bits.
    prev_block: vector<u8>,
    merkle_root: vector<u8>,
    bits: u32,
    target: u256,
    issued_ms: u64,
    deadline_ms: u64,
    required: u64,
    /// Hashes of the accepted solutions (at most `required`, which the registry caps at 64).
    solutions: vector<vector<u8>>,
    /// Expected hashes behind the accepted solutions.
    work: u256,
    outcome: Outcome,
}

// === Events ===

public struct CapacityChallengeIssued has copy, drop {
    challenge_id: ID,
    identity_id: ID,
    claimed_hashrate: u64,
    version: u32,
    version_mask: u32,
    prev_block: vector<u8>,
    merkle_root: vector<u8>,
    bits: u32,
    required: u64,
    issued_ms: u64,
    deadline_ms: u64,
}

public struct CapacitySolutionAccepted has copy, drop {
    challenge_id: ID,
    hash: vector<u8>,
    accepted: u64,
    required: u64,
}

public struct CapacityChallengeClosed has copy, drop {
    challenge_id: ID,
    identity_id: ID,
    outcome: Outcome,
    solutions: u64,
    work: u256,
    timestamp_ms: u64,
}

// === Entry Functions ===

/// Issues a capacity challenge to the sender's provider identity for `claimed_hashrate` (H/s).
/// Takes `Random`, so it is a private entry function: nobody can wrap it and abort on a seed they
/// dislike.
entry fun request(
    registry: &Registry,
    identity: &mut Identity,
    claimed_hashrate: u64,
    random: &Random,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    let seed = random.new_generator(ctx).generate_bytes(32);
    issue(registry, identity, claimed_hashrate, seed, clock, ctx);
}

// === Public-Mutative Functions ===

/// Submits one solved header (80 bytes, serialized as in a block). Accepting the last required
/// solution passes the challenge; a solution that fails a check fails it (see `Failure`).
public fun submit(
    challenge: &mut CapacityChallenge,
    identity: &mut Identity,
    registry: &Registry,
    header: vector<u8>,
    clock: &Clock,
    ctx: &TxContext,
) {
    version::assert_current(challenge.version);
    identity.assert_controller_of_live(ctx);
    assert!(object::id(identity) == challenge.identity_id, EWrongIdentity);
    assert!(challenge.outcome == Outcome::Open, EChallengeClosed);
    let header = pow::header_from_bytes(header);
    let now = clock.timestamp_ms();
    let hash = header.hash();
    let failure = challenge.check(&header, &hash, now);
    if (failure.is_some()) {
        challenge.close(
            identity,
            registry,
            Outcome::Failed { reason: failure.destroy_some() },
            now,
        );
        return
    };
    challenge.solutions.push_back(hash);
    challenge.work = challenge.work + pow::work(challenge.target);
    event::emit(CapacitySolutionAccepted {
        challenge_id: challenge.id.to_inner(),
        hash,
        accepted: challenge.solutions.length(),
        required: challenge.required,
    });
    if (challenge.solutions.length() == challenge.required) {
        let verified_hashrate = hashrate(challenge.work, now - challenge.issued_ms);
        challenge.close(identity, registry, Outcome::Passed { verified_hashrate }, now);
    }
}

/// Fails a challenge whose deadline passed before enough solutions came in. Anyone may call it.
public fun finalize(
    challenge: &mut CapacityChallenge,
    identity: &mut Identity,
    registry: &Registry,
    clock: &Clock,
) {
    version::assert_current(challenge.version);
    assert!(object::id(identity) == challenge.identity_id, EWrongIdentity);
    assert!(challenge.outcome == Outcome::Open, EChallengeClosed);
    let now = clock.timestamp_ms();
    assert!(now > challenge.deadline_ms, EDeadlineNotPassed);
    challenge.close(identity, registry, Outcome::Failed { reason: Failure::TooFewSolutions }, now);
}

// === Public-View Functions ===

public fun identity_id(challenge: &CapacityChallenge): ID { challenge.identity_id }

public fun claimed_hashrate(challenge: &CapacityChallenge): u64 { challenge.claimed_hashrate }

public fun prev_block(challenge: &CapacityChallenge): vector<u8> { challenge.prev_block }

public fun merkle_root(challenge: &CapacityChallenge): vector<u8> { challenge.merkle_root }

public fun bits(challenge: &CapacityChallenge): u32 { challenge.bits }

public fun target(challenge: &CapacityChallenge): u256 { challenge.target }

public fun issued_ms(challenge: &CapacityChallenge): u64 { challenge.issued_ms }

public fun deadline_ms(challenge: &CapacityChallenge): u64 { challenge.deadline_ms }

public fun required(challenge: &CapacityChallenge): u64 { challenge.required }

public fun accepted(challenge: &CapacityChallenge): u64 { challenge.solutions.length() }

public fun work(challenge: &CapacityChallenge): u256 { challenge.work }

public fun outcome(challenge: &CapacityChallenge): Outcome { challenge.outcome }

public fun is_open(challenge: &CapacityChallenge): bool { challenge.outcome == Outcome::Open }

/// The hashrate a pass recorded, if the challenge passed.
public fun verified_hashrate(challenge: &CapacityChallenge): Option<u64> {
    match (challenge.outcome) {
        Outcome::Passed { verified_hashrate } => option::some(verified_hashrate),
        _ => option::none(),
    }
}

/// Why the challenge failed, if it did.
public fun failure(challenge: &CapacityChallenge): Option<Failure> {
    match (challenge.outcome) {
        Outcome::Failed { reason } => option::some(reason),
        _ => option::none(),
    }
}

public fun template_version(): u32 { TEMPLATE_VERSION }

public fun version_rolling_mask(): u32 { VERSION_ROLLING_MASK }

/// The target for a claim: the claimed hashrate expects `2 * required` solutions within
/// `window_ms`. Rounded down to what compact bits encode exactly; never easier than `0x207fffff`.
public fun challenge_target(claimed_hashrate: u64, window_ms: u64, required: u64): u256 {
    let hashes_in_window = (claimed_hashrate as u256) * (window_ms as u256) / 1000;
    let hashes_per_solution = hashes_in_window / ((EXPECTED_OVER_REQUIRED * required) as u256);
    let target = if (hashes_per_solution <= 1) MAX_TARGET
    else (MAX_U256 / hashes_per_solution).min(MAX_TARGET);
    pow::bits_to_target(pow::target_to_bits(target))
}

/// The merkle-root field that binds a challenge's template to the identity and the challenge.
public fun binding(identity_id: ID, challenge_id: ID): vector<u8> {
    let mut preimage = BINDING_DOMAIN;
    preimage.append(identity_id.to_bytes());
    preimage.append(challenge_id.to_bytes());
    pow::sha256d(preimage)
}

public fun failure_late(): Failure { Failure::Late }

public fun failure_foreign_template(): Failure { Failure::ForeignTemplate }

public fun failure_version_outside_mask(): Failure { Failure::VersionOutsideMask }

public fun failure_time_out_of_range(): Failure { Failure::TimeOutOfRange }

public fun failure_insufficient_work(): Failure { Failure::InsufficientWork }

public fun failure_reused(): Failure { Failure::Reused }

public fun failure_too_few_solutions(): Failure { Failure::TooFewSolutions }

// === Private Functions ===

fun issue(
    registry: &Registry,
    identity: &mut Identity,
    claimed_hashrate: u64,
    seed: vector<u8>,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    registry.assert_version();
    identity.assert_controller_of_live(ctx);
    assert!(identity.is_provider(), ENotProvider);
    assert!(identity.open_challenge().is_none(), EChallengeOpen);
    let policy = registry.policy();
    assert!(claimed_hashrate >= policy.capacity_min_hashrate(), EClaimBelowMinimum);
    let required = policy.capacity_solutions();
    let target = challenge_target(claimed_hashrate, policy.capacity_window_ms(), required);
    let id = object::new(ctx);
    let identity_id = object::id(identity);
    let merkle_root = binding(identity_id, id.to_inner());
    let issued_ms = clock.timestamp_ms();
    let challenge = CapacityChallenge {
        id,
        version: version::current(),
        identity_id,
        claimed_hashrate,
        prev_block: seed,
        merkle_root,
        bits: pow::target_to_bits(target),
        target,
        issued_ms,
        deadline_ms: issued_ms + policy.capacity_window_ms(),
        required,
        solutions: vector[],
        work: 0,
        outcome: Outcome::Open,
    };
    identity.set_open_challenge(option::some(challenge.id.to_inner()));
    event::emit(CapacityChallengeIssued {
        challenge_id: challenge.id.to_inner(),
        identity_id,
        claimed_hashrate,
        version: TEMPLATE_VERSION,
        version_mask: VERSION_ROLLING_MASK,
        prev_block: challenge.prev_block,
        merkle_root: challenge.merkle_root,
        bits: challenge.bits,
        required,
        issued_ms,
        deadline_ms: challenge.deadline_ms,
    });
    transfer::share_object(challenge);
}

/// The first check a solution fails, if any.
fun check(
    challenge: &CapacityChallenge,
    header: &pow::Header,
    hash: &vector<u8>,
    now_ms: u64,
): Option<Failure> {
    if (now_ms > challenge.deadline_ms) return option::some(Failure::Late);
    if (
        header.prev_block() != challenge.prev_block
            || header.merkle_root() != challenge.merkle_root
            || header.bits() != challenge.bits
    ) return option::some(Failure::ForeignTemplate);
    if (header.version() & (VERSION_ROLLING_MASK ^ 0xffff_ffff) != TEMPLATE_VERSION)
        return option::some(Failure::VersionOutsideMask);
    let time = header.time() as u64;
    if (
        time + NTIME_SLACK_SECONDS < challenge.issued_ms / 1000 || time > now_ms / 1000 + NTIME_SLACK_SECONDS
    ) return option::some(Failure::TimeOutOfRange);
    if (!pow::meets_target(*hash, challenge.target)) return option::some(Failure::InsufficientWork);
    if (challenge.solutions.contains(hash)) return option::some(Failure::Reused);
    option::none()
}

fun close(
    challenge: &mut CapacityChallenge,
    identity: &mut Identity,
    registry: &Registry,
    outcome: Outcome,
    now_ms: u64,
) {
    challenge.outcome = outcome;
    identity.set_open_challenge(option::none());
    let (passed, hashrate) = match (outcome) {
        Outcome::Passed { verified_hashrate } => (true, verified_hashrate),
        _ => (false, 0),
    };
    identity.record_capacity(registry.policy(), passed, hashrate, now_ms);
    event::emit(CapacityChallengeClosed {
        challenge_id: challenge.id.to_inner(),
        identity_id: challenge.identity_id,
        outcome,
        solutions: challenge.solutions.length(),
        work: challenge.work,
        timestamp_ms: now_ms,
    });
}

/// Hashes per second shown by `work` over `elapsed_ms` (at least one second), capped at u64.
fun hashrate(work: u256, elapsed_ms: u64): u64 {
    let rate = work * 1000 / (elapsed_ms.max(1000) as u256);
    if (rate > (MAX_U64 as u256)) MAX_U64 else rate as u64
}

// === Test Functions ===

#[test_only]
public fun request_for_testing(
    registry: &Registry,
    identity: &mut Identity,
    claimed_hashrate: u64,
    random: &Random,
    clock: &Clock,
    ctx: &mut TxContext,
) {
    request(registry, identity, claimed_hashrate, random, clock, ctx);
}
