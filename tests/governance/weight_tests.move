/// Vote weight never exceeds what was locked: randomised over locks of random sizes and lengths,
/// made over several weeks before the proposal (so some unlock before it, some in the week voting
/// starts, some years later), changed before and after the proposal, and new locks made during the
/// voting delay. The test works out every lock's amount and unlock itself and applies the
/// vote-escrow formula, `amount × (unlock − start) / four years`, independently of the package's
/// totals.
#[test_only]
module aihash::weight_tests;

use aihash::fixtures::{Self, hash};
use aihash::gov_fixtures::{Self as gf, alice, day_ms};
use aihash::governance::{Self, Governance, Proposal};
use aihash::vote_lock::Lock;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};

const MAX_VOTERS: u64 = 12;
const WEEK_MS: u64 = 7 * 86_400_000;
/// Four years of whole weeks.
const MAX_LOCK_MS: u64 = 208 * WEEK_MS;

fun voter(i: u64): address { sui::address::from_u256((i as u256) + 0x1000) }

/// Unlock times round down to whole weeks since the Unix epoch.
fun week_of(ms: u64): u64 { ms / WEEK_MS * WEEK_MS }

/// `amount × (unlock − at) / four years`, as u128 before the division.
fun scaled_weight(amount: u64, unlock_ms: u64, at_ms: u64): u128 {
    if (unlock_ms <= at_ms) 0 else (amount as u128) * ((unlock_ms - at_ms) as u128)
}

/// Increases (even seeds) or extends (odd seeds) a lock that has not unlocked; returns its amount
/// and unlock afterwards, worked out here.
fun change(
    scenario: &mut Scenario,
    clock: &Clock,
    owner: address,
    lock_id: ID,
    amount: u64,
    unlock_ms: u64,
    seed: u64,
): (u64, u64) {
    let now = clock.timestamp_ms();
    if (now >= unlock_ms) return (amount, unlock_ms);
    scenario.next_tx(owner);
    let mut lock = scenario.take_from_sender_by_id<Lock>(lock_id);
    let mut gov = scenario.take_shared<Governance>();
    let (mut amount, mut unlock_ms) = (amount, unlock_ms);
    if (seed % 2 == 0) {
        let added = hash(seed % 50_000 + 1);
        gov.increase_lock(&mut lock, fixtures::mint(scenario, added), clock, scenario.ctx());
        amount = amount + added;
    } else {
        let later = unlock_ms + WEEK_MS * (seed % 20 + 1);
        if (later <= now + MAX_LOCK_MS) {
            gov.extend_lock(&mut lock, later, clock, scenario.ctx());
            unlock_ms = later;
        }
    };
    ts::return_shared(gov);
    scenario.return_to_sender(lock);
    (amount, unlock_ms)
}

#[random_test]
fun votes_never_exceed_the_total_weight_at_the_start(seeds: vector<u64>) {
    let (mut scenario, mut clock, _) = gf::setup();
    let count = seeds.length().min(MAX_VOTERS);
    let proposer = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    let proposer_unlock = week_of(gf::now() + MAX_LOCK_MS);
    let mut locks = vector[];
    let mut amounts = vector[];
    let mut unlocks = vector[];
    count.do!(|i| {
        let seed = seeds[i];
        // Up to three days apart: twelve locks spread over about five weeks.
        clock.increment_for_testing(seed % (3 * day_ms()));
        // At least two weeks, so at least one whole week stays locked; a quarter of the locks run up
        // to four years, the rest under six weeks, so they unlock around the proposal.
        let span = if (seed % 4 == 0) MAX_LOCK_MS - 2 * WEEK_MS else 4 * WEEK_MS;
        let duration = 2 * WEEK_MS + (seed >> 16) % span;
        let amount = seed % 100_000 + 1;
        let unlock_ms = week_of(clock.timestamp_ms() + duration);
        let lock = gf::lock(&mut scenario, &clock, voter(i), amount, duration);
        let (amount, unlock_ms) = if (seed % 3 == 0) {
            change(&mut scenario, &clock, voter(i), lock, hash(amount), unlock_ms, seed >> 8)
        } else (hash(amount), unlock_ms);
        locks.push_back(lock);
        amounts.push_back(amount);
        unlocks.push_back(unlock_ms);
    });
    clock.increment_for_testing(1);
    let proposed_ms = clock.timestamp_ms();
    let id = gf::propose(&mut scenario, &clock, alice(), proposer, governance::signal());
    let start = proposed_ms + day_ms();

    // What the locks that existed before the proposal weigh at the start of voting.
    let mut scaled = scaled_weight(hash(20_000), proposer_unlock, start);
    count.do!(|i| scaled = scaled + scaled_weight(amounts[i], unlocks[i], start));
    let expected_total = (scaled / (MAX_LOCK_MS as u128)) as u64;

    // During the voting delay: locks change, and new ones appear (they cannot vote).
    clock.set_for_testing(proposed_ms + day_ms() / 2);
    count.do!(|i| if (seeds[i] % 5 < 2) {
        change(&mut scenario, &clock, voter(i), locks[i], amounts[i], unlocks[i], seeds[i] >> 24);
    });
    gf::max_lock(&mut scenario, &clock, voter(99), 1_000_000);

    clock.set_for_testing(start);
    gf::vote(&mut scenario, &clock, alice(), proposer, id, 1);
    let mut expected_votes =
        (scaled_weight(hash(20_000), proposer_unlock, start) / (MAX_LOCK_MS as u128)) as u64;
    count.do!(|i| {
        let weight = (scaled_weight(amounts[i], unlocks[i], start) / (MAX_LOCK_MS as u128)) as u64;
        // A lock weighing nothing at the start (unlocked by then) cannot vote.
        if (weight > 0) {
            gf::vote(&mut scenario, &clock, voter(i), locks[i], id, ((seeds[i] >> 40) % 3) as u8);
            expected_votes = expected_votes + weight;
        }
    });

    let proposal = scenario.take_shared_by_id<Proposal>(id);
    assert_eq!(proposal.total_weight(), expected_total);
    let counted = proposal.for_weight() + proposal.against_weight() + proposal.abstain_weight();
    assert_eq!(counted, expected_votes);
    assert!(counted <= expected_total);
    ts::return_shared(proposal);
    clock.destroy_for_testing();
    scenario.end();
}
