#[test_only]
module aihash::capacity_tests;

use aihash::capacity::{Self, CapacityChallenge};
use aihash::fixtures;
use aihash::identity::{Self, Identity};
use aihash::pow;
use aihash::registry::Registry;
use std::unit_test::assert_eq;
use sui::bcs;
use sui::clock::Clock;
use sui::random::Random;
use sui::test_scenario::{Self as ts, Scenario};

const NOW: u64 = 1_750_000_000_000;
const WINDOW_MS: u64 = 60_000;
const REQUIRED: u64 = 4;
/// The template version with one BIP 310 bit rolled.
const ROLLED_VERSION: u32 = 0x2000_2000;

/// A provider identity and challenge terms small enough to mine in a test: 4 solutions within a
/// minute, any hashrate. Returns the scenario (in a provider transaction), clock and identity id.
fun start(): (Scenario, Clock, ID) {
    let mut scenario = fixtures::publish();
    // Randomness for the challenge seeds, as the system would post it.
    scenario.next_tx(@0x0);
    let mut random = scenario.take_shared<Random>();
    random.update_randomness_state_for_testing(
        0,
        x"1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988",
        scenario.ctx(),
    );
    ts::return_shared(random);
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_capacity_terms(cap, WINDOW_MS, REQUIRED, 1);
    });
    let clock = fixtures::clock_at(&mut scenario, NOW);
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    (scenario, clock, id)
}

/// Requests a challenge for `claimed` H/s as `sender` and returns its id (next transaction begun).
fun request(scenario: &mut Scenario, id: ID, claimed: u64, clock: &Clock): ID {
    let registry = scenario.take_shared<Registry>();
    let mut identity = scenario.take_shared_by_id<Identity>(id);
    let random = scenario.take_shared<Random>();
    capacity::request_for_testing(
        &registry,
        &mut identity,
        claimed,
        &random,
        clock,
        scenario.ctx(),
    );
    let challenge_id = identity.open_challenge().destroy_some();
    ts::return_shared(random);
    ts::return_shared(identity);
    ts::return_shared(registry);
    let sender = scenario.sender();
    scenario.next_tx(sender);
    challenge_id
}

/// What a miner receives of a challenge: the fixed fields of its header template and the target.
public struct Template has copy, drop {
    prev_block: vector<u8>,
    merkle_root: vector<u8>,
    bits: u32,
    target: u256,
}

/// Reads a challenge's template (and begins the next transaction, so the challenge can be taken
/// again).
fun template(scenario: &mut Scenario, challenge_id: ID): Template {
    let challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    let template = Template {
        prev_block: challenge.prev_block(),
        merkle_root: challenge.merkle_root(),
        bits: challenge.bits(),
        target: challenge.target(),
    };
    ts::return_shared(challenge);
    let sender = scenario.sender();
    scenario.next_tx(sender);
    template
}

/// The 80-byte header of the template with the given free fields.
fun header(template: &Template, version: u32, time: u32, nonce: u32): vector<u8> {
    let mut bytes = bcs::to_bytes(&version);
    bytes.append(template.prev_block);
    bytes.append(template.merkle_root);
    bytes.append(bcs::to_bytes(&time));
    bytes.append(bcs::to_bytes(&template.bits));
    bytes.append(bcs::to_bytes(&nonce));
    bytes
}

/// The first nonce from `from` whose header meets (`meets`) or misses the target.
fun search(template: &Template, version: u32, time: u32, from: u32, meets: bool): u32 {
    let mut nonce = from;
    while (
        pow::meets_target(pow::sha256d(header(template, version, time, nonce)), template.target) != meets
    ) {
        nonce = nonce + 1;
    };
    nonce
}

fun time_now(): u32 { (NOW / 1000) as u32 }

/// Submits `bytes` as the provider.
fun submit(scenario: &mut Scenario, id: ID, challenge_id: ID, bytes: vector<u8>, clock: &Clock) {
    let registry = scenario.take_shared<Registry>();
    let mut identity = scenario.take_shared_by_id<Identity>(id);
    let mut challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    challenge.submit(&mut identity, &registry, bytes, clock, scenario.ctx());
    ts::return_shared(challenge);
    ts::return_shared(identity);
    ts::return_shared(registry);
    let sender = scenario.sender();
    scenario.next_tx(sender);
}

/// Mines and submits `count` distinct solutions, starting at nonce `from`; returns the next nonce.
fun solve(
    scenario: &mut Scenario,
    id: ID,
    challenge_id: ID,
    count: u64,
    from: u32,
    clock: &Clock,
): u32 {
    let mut nonce = from;
    count.do!(|_| {
        let template = template(scenario, challenge_id);
        nonce = search(&template, ROLLED_VERSION, time_now(), nonce, true);
        let bytes = header(&template, ROLLED_VERSION, time_now(), nonce);
        submit(scenario, id, challenge_id, bytes, clock);
        nonce = nonce + 1;
    });
    nonce
}

/// Checks the challenge failed for `reason` and the identity's record shows it.
fun assert_failed(scenario: &Scenario, id: ID, challenge_id: ID, reason: capacity::Failure) {
    let challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    let identity = scenario.take_shared_by_id<Identity>(id);
    assert_eq!(challenge.failure(), option::some(reason));
    assert!(!challenge.is_open());
    assert_eq!(identity.reputation().capacity_failed(), 1);
    assert_eq!(identity.reputation().capacity_passed(), 0);
    assert!(identity.open_challenge().is_none());
    assert_eq!(identity.status(), identity::status_pending());
    ts::return_shared(challenge);
    ts::return_shared(identity);
}

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

// === Issue ===

#[test]
fun a_challenge_is_a_header_template_bound_to_the_identity() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    assert_eq!(challenge.identity_id(), id);
    assert_eq!(challenge.prev_block().length(), 32);
    assert_eq!(challenge.merkle_root(), capacity::binding(id, challenge_id));
    assert_eq!(challenge.bits(), pow::target_to_bits(challenge.target()));
    assert_eq!(challenge.target(), capacity::challenge_target(1, WINDOW_MS, REQUIRED));
    assert_eq!(challenge.issued_ms(), NOW);
    assert_eq!(challenge.deadline_ms(), NOW + WINDOW_MS);
    assert_eq!(challenge.required(), REQUIRED);
    assert!(challenge.is_open());
    let identity = scenario.take_shared_by_id<Identity>(id);
    assert_eq!(identity.open_challenge(), option::some(challenge_id));
    ts::return_shared(identity);
    ts::return_shared(challenge);
    finish(scenario, clock);
}

#[test]
fun each_challenge_gets_a_fresh_seed() {
    let (mut scenario, mut clock, id) = start();
    let first = request(&mut scenario, id, 1, &clock);
    clock.set_for_testing(NOW + WINDOW_MS + 1);
    finalize(&mut scenario, id, first, &clock);
    let second = request(&mut scenario, id, 1, &clock);
    let a = scenario.take_shared_by_id<CapacityChallenge>(first);
    let b = scenario.take_shared_by_id<CapacityChallenge>(second);
    assert!(a.prev_block() != b.prev_block());
    assert!(a.merkle_root() != b.merkle_root());
    ts::return_shared(a);
    ts::return_shared(b);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = capacity::EChallengeOpen)]
fun one_open_challenge_at_a_time() {
    let (mut scenario, clock, id) = start();
    request(&mut scenario, id, 1, &clock);
    request(&mut scenario, id, 1, &clock);
    abort
}

#[test, expected_failure(abort_code = capacity::ENotProvider)]
fun keepers_take_no_capacity_challenges() {
    let (mut scenario, clock, _) = start();
    let keeper = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    request(&mut scenario, keeper, 1, &clock);
    abort
}

#[test, expected_failure(abort_code = capacity::EClaimBelowMinimum)]
fun a_claim_below_the_minimum_hashrate_is_refused() {
    let (mut scenario, clock, id) = start();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_capacity_terms(cap, WINDOW_MS, REQUIRED, 1_000_000_000_000);
    });
    scenario.next_tx(fixtures::provider());
    request(&mut scenario, id, 999_999_999_999, &clock);
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_requests_a_challenge() {
    let (mut scenario, clock, id) = start();
    scenario.next_tx(fixtures::stranger());
    request(&mut scenario, id, 1, &clock);
    abort
}

// === Pass ===

#[test]
fun enough_distinct_solutions_in_time_pass_and_verify_the_provider() {
    let (mut scenario, mut clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    clock.set_for_testing(NOW + 20_000);
    solve(&mut scenario, id, challenge_id, REQUIRED, 0, &clock);

    let challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    let identity = scenario.take_shared_by_id<Identity>(id);
    assert_eq!(challenge.accepted(), REQUIRED);
    let work = pow::work(challenge.target()) * (REQUIRED as u256);
    assert_eq!(challenge.work(), work);
    // The work over the 20 seconds since the issue.
    let hashrate = (work * 1000 / 20_000) as u64;
    assert_eq!(challenge.verified_hashrate(), option::some(hashrate));
    assert_eq!(identity.verified_hashrate(), hashrate);
    assert_eq!(identity.reputation().capacity_passed(), 1);
    assert!(identity.open_challenge().is_none());
    // A provider that proved capacity is verified.
    assert_eq!(identity.status(), identity::status_verified());
    ts::return_shared(identity);
    ts::return_shared(challenge);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = capacity::EChallengeClosed)]
fun a_passed_challenge_takes_no_more_solutions() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let next = solve(&mut scenario, id, challenge_id, REQUIRED, 0, &clock);
    solve(&mut scenario, id, challenge_id, 1, next, &clock);
    abort
}

// === Failures recorded on the identity ===

#[test]
fun a_late_solution_fails_the_challenge() {
    let (mut scenario, mut clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let next = solve(&mut scenario, id, challenge_id, 1, 0, &clock);
    clock.set_for_testing(NOW + WINDOW_MS + 1);
    solve(&mut scenario, id, challenge_id, 1, next, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_late());
    finish(scenario, clock);
}

#[test]
fun a_solution_for_a_foreign_template_fails_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let mut bytes = header(&template, ROLLED_VERSION, time_now(), 0);
    // Someone else's merkle root: flip a byte of the binding.
    *&mut bytes[40] = bytes[40] ^ 1;
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_foreign_template());
    finish(scenario, clock);
}

#[test]
fun a_solution_with_other_bits_fails_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let mut bytes = header(&template, ROLLED_VERSION, time_now(), 0);
    // nBits 0x1d00ffff instead of the challenge's.
    let bits = bcs::to_bytes(&0x1d00ffffu32);
    4u64.do!(|i| *&mut bytes[72 + i] = bits[i]);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_foreign_template());
    finish(scenario, clock);
}

#[test]
fun version_bits_outside_the_bip310_mask_fail_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let version = 0x2000_0001;
    let nonce = search(&template, version, time_now(), 0, true);
    let bytes = header(&template, version, time_now(), nonce);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_version_outside_mask());
    finish(scenario, clock);
}

#[test]
fun every_bit_inside_the_mask_may_roll() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let version = capacity::template_version() | capacity::version_rolling_mask();
    let nonce = search(&template, version, time_now(), 0, true);
    let bytes = header(&template, version, time_now(), nonce);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    let challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    assert_eq!(challenge.accepted(), 1);
    assert!(challenge.is_open());
    ts::return_shared(challenge);
    finish(scenario, clock);
}

#[test]
fun an_ntime_more_than_two_hours_ahead_fails_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let time = time_now() + 7_201;
    let nonce = search(&template, ROLLED_VERSION, time, 0, true);
    let bytes = header(&template, ROLLED_VERSION, time, nonce);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_time_out_of_range());
    finish(scenario, clock);
}

#[test]
fun an_ntime_more_than_two_hours_before_the_issue_fails_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let time = time_now() - 7_201;
    let nonce = search(&template, ROLLED_VERSION, time, 0, true);
    let bytes = header(&template, ROLLED_VERSION, time, nonce);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_time_out_of_range());
    finish(scenario, clock);
}

#[test]
fun a_header_that_misses_the_target_fails_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let nonce = search(&template, ROLLED_VERSION, time_now(), 0, false);
    let bytes = header(&template, ROLLED_VERSION, time_now(), nonce);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_insufficient_work());
    finish(scenario, clock);
}

#[test]
fun a_reused_solution_fails_the_challenge() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let nonce = search(&template, ROLLED_VERSION, time_now(), 0, true);
    let bytes = header(&template, ROLLED_VERSION, time_now(), nonce);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_reused());
    finish(scenario, clock);
}

// === Finalize ===

fun finalize(scenario: &mut Scenario, id: ID, challenge_id: ID, clock: &Clock) {
    let registry = scenario.take_shared<Registry>();
    let mut identity = scenario.take_shared_by_id<Identity>(id);
    let mut challenge = scenario.take_shared_by_id<CapacityChallenge>(challenge_id);
    challenge.finalize(&mut identity, &registry, clock);
    ts::return_shared(challenge);
    ts::return_shared(identity);
    ts::return_shared(registry);
    let sender = scenario.sender();
    scenario.next_tx(sender);
}

#[test]
fun anyone_fails_a_challenge_left_short_at_the_deadline() {
    let (mut scenario, mut clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    solve(&mut scenario, id, challenge_id, REQUIRED - 1, 0, &clock);
    scenario.next_tx(fixtures::stranger());
    clock.set_for_testing(NOW + WINDOW_MS + 1);
    finalize(&mut scenario, id, challenge_id, &clock);
    assert_failed(&scenario, id, challenge_id, capacity::failure_too_few_solutions());
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = capacity::EDeadlineNotPassed)]
fun a_challenge_cannot_be_finalized_before_its_deadline() {
    let (mut scenario, mut clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    clock.set_for_testing(NOW + WINDOW_MS);
    finalize(&mut scenario, id, challenge_id, &clock);
    abort
}

#[test, expected_failure(abort_code = capacity::EChallengeClosed)]
fun a_decided_challenge_cannot_be_finalized() {
    let (mut scenario, mut clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    clock.set_for_testing(NOW + WINDOW_MS + 1);
    finalize(&mut scenario, id, challenge_id, &clock);
    finalize(&mut scenario, id, challenge_id, &clock);
    abort
}

// === Misuse ===

#[test, expected_failure(abort_code = capacity::EWrongIdentity)]
fun solutions_count_only_for_the_challenged_identity() {
    let (mut scenario, clock, id) = start();
    let other = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let bytes = header(&template, ROLLED_VERSION, time_now(), 0);
    submit(&mut scenario, other, challenge_id, bytes, &clock);
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_submits() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    scenario.next_tx(fixtures::stranger());
    let template = template(&mut scenario, challenge_id);
    let bytes = header(&template, ROLLED_VERSION, time_now(), 0);
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    abort
}

#[test, expected_failure(abort_code = pow::EHeaderLength)]
fun a_truncated_header_is_refused() {
    let (mut scenario, clock, id) = start();
    let challenge_id = request(&mut scenario, id, 1, &clock);
    let template = template(&mut scenario, challenge_id);
    let mut bytes = header(&template, ROLLED_VERSION, time_now(), 0);
    bytes.pop_back();
    submit(&mut scenario, id, challenge_id, bytes, &clock);
    abort
}

// === Target ===

#[test]
fun the_target_expects_twice_the_required_solutions_at_the_claimed_hashrate() {
    // 1 PH/s for 10 minutes, 16 solutions: 6 * 10^17 hashes, so 1.875 * 10^16 per solution.
    let target = capacity::challenge_target(1_000_000_000_000_000, 600_000, 16);
    let per_solution = 18_750_000_000_000_000;
    let work = pow::work(target);
    // Compact bits round the target down (the work up) by less than one part in 2^15.
    assert!(work >= per_solution);
    assert!(work <= per_solution + per_solution / 32_768);
    assert_eq!(pow::bits_to_target(pow::target_to_bits(target)), target);
}

#[test]
fun tiny_claims_get_the_easiest_target() {
    assert_eq!(pow::target_to_bits(capacity::challenge_target(1, 60_000, 64)), 0x207fffff);
    assert_eq!(pow::target_to_bits(capacity::challenge_target(0, 60_000, 1)), 0x207fffff);
}

/// Whatever the claim, the target is exactly encodable, never easier than 0x207fffff, and (unless
/// capped there) its work times twice the required solutions covers the claimed hashes in the
/// window within compact rounding.
#[random_test]
fun targets_encode_exactly_and_match_the_claim(hashrate: u64, window: u32, required: u8) {
    let window = (window as u64) % 86_400_000 + 60_000;
    let required = (required as u64) % 64 + 1;
    let target = capacity::challenge_target(hashrate, window, required);
    assert_eq!(pow::bits_to_target(pow::target_to_bits(target)), target);
    assert!(target <= pow::bits_to_target(0x207fffff));
    let hashes = (hashrate as u256) * (window as u256) / 1000;
    let per_solution = hashes / ((2 * required) as u256);
    if (target < pow::bits_to_target(0x207fffff)) {
        let work = pow::work(target);
        assert!(work >= per_solution);
        assert!(work <= per_solution + per_solution / 32_768 + 1);
    }
}
