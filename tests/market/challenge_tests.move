/// Challenges against delivery reports, on real Stratum-shaped shares (golden/vectors.json,
/// `make share-vectors`): honest work survives; each way of cheating is caught.
#[test_only]
module aihash::challenge_tests;

use aihash::fixtures::{Self, hash};
use aihash::golden;
use aihash::hash::HASH;
use aihash::identity::{Self, Identity};
use aihash::market::Market;
use aihash::market_fixtures::{Self as mf, World};
use aihash::order::Order;
use aihash::report::{Self, Report};
use aihash::share_tree;
use aihash::tips::{Self, TipFeed};
use aihash::treasury::Treasury;
use std::unit_test::{assert_eq, destroy};
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::random::Random;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

const DAY_MS: u64 = 86_400_000;
const HOUR_MS: u64 = 3_600_000;
const ESCROW: u64 = 10_000;

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

/// A report of window `name` that the buyer has challenged: (scenario, clock, world, order, report).
fun challenged(name: vector<u8>): (Scenario, Clock, World, ID, ID) {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, name);
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    (scenario, clock, world, order_id, report_id)
}

/// The first sample position satisfying `pred` on its leaf index, if any.
macro fun find_sample($scenario: &mut Scenario, $report_id: ID, $pred: |u64| -> bool): Option<u64> {
    let samples = mf::samples($scenario, $report_id);
    samples.find_index!(|index| $pred(*index))
}

fun answer_answerable(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
    name: vector<u8>,
) {
    let count = mf::samples(scenario, report_id).length();
    count.do!(|position| {
        if (
            mf::answerable(scenario, report_id, name, position) && !is_answered(scenario, report_id, position)
        ) {
            mf::answer(scenario, clock, world, order_id, report_id, name, position);
        }
    });
}

fun is_answered(scenario: &mut Scenario, report_id: ID, position: u64): bool {
    let report = scenario.take_shared_by_id<Report>(report_id);
    let answered = report.sample_answered(position);
    ts::return_shared(report);
    let sender = scenario.sender();
    scenario.next_tx(sender);
    answered
}

fun keeper_stake(scenario: &mut Scenario, world: &World): u64 {
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let stake = keeper.stake().total();
    ts::return_shared(keeper);
    let sender = scenario.sender();
    scenario.next_tx(sender);
    stake
}

// === Honest work ===

#[test]
fun the_vectors_root_is_the_share_tree_of_their_leaves() {
    // The Rust generator's root equals the Move tree's, and every leaf is its header's hash.
    let names = vector[b"honest", b"foreign_pool", b"old_tip"];
    names.do!(|name| {
        let leaves = mf::window_leaves(name);
        assert_eq!(share_tree::root_for_testing(&leaves), mf::window_root(name));
        leaves.length().do!(|i| {
            assert_eq!(aihash::pow::sha256d(mf::window_header(name, i)), leaves[i]);
            proof_verifies(&leaves, i, mf::window_root(name));
        });
    });
}

fun proof_verifies(leaves: &vector<vector<u8>>, index: u64, root: vector<u8>) {
    let proof = share_tree::proof_for_testing(leaves, index);
    assert!(share_tree::verify(leaves[index], index, leaves.length(), &proof, root));
    assert!(!share_tree::verify(leaves[index], index, leaves.length() + 1, &proof, root));
}

/// Part `part` of the keeper's answer for leaf `index` (golden `keeper_answers`).
fun keeper_answer(index: u64, part: vector<u8>): vector<u8> {
    let mut name = b"keeper_answer_";
    name.append(index.to_string().into_bytes());
    name.append(b"_");
    name.append(part);
    golden::named(name)
}

/// The answers the keeper builds (golden `keeper_answers`, `make answer-vectors`: the honest
/// shares through the keeper's verifier into its journal, whose root is the committed one, then
/// its answer for every leaf) meet a challenge of the honest window: the keeper's bytes and the
/// Move verifier agree.
#[test]
fun the_keepers_own_answers_meet_a_challenge() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    let samples = mf::samples(&mut scenario, report_id);
    samples.length().do!(|position| {
        let report = scenario.take_shared_by_id<Report>(report_id);
        let closed = report.unanswered() == 0 || !report.is_challenged();
        ts::return_shared(report);
        let sender = scenario.sender();
        scenario.next_tx(sender);
        if (!closed && !mf::sample_answered(&mut scenario, report_id, position)) {
            let index = samples[position];
            mf::answer_with(
                &mut scenario,
                &clock,
                &world,
                order_id,
                report_id,
                position,
                keeper_answer(index, b"header"),
                mf::split(keeper_answer(index, b"proof"), 32),
                keeper_answer(index, b"next_header"),
                mf::split(keeper_answer(index, b"next_proof"), 32),
                keeper_answer(index, b"coinbase"),
            );
        };
    });
    let report = scenario.take_shared_by_id<Report>(report_id);
    assert!(!report.is_challenged());
    assert_eq!(report.unanswered(), 0);
    ts::return_shared(report);
    finish(scenario, clock);
}

/// Part `part` of the keeper's `k`th `report::answer` call for the challenge at
/// `keeper_challenge_samples` (golden `keeper_answers`).
fun keeper_call(k: u64, part: vector<u8>): vector<u8> {
    let mut name = b"keeper_call_";
    name.append(k.to_string().into_bytes());
    name.append(b"_");
    name.append(part);
    golden::named(name)
}

/// Concatenated little-endian u64s.
fun u64s(bytes: vector<u8>): vector<u64> {
    let mut bcs = sui::bcs::new(bytes);
    vector::tabulate!(bytes.length() / 8, |_| bcs.peel_u64())
}

/// The calls the keeper's answer duty sends for a challenge drawing leaves twice (golden
/// `keeper_call_<k>_*`, built by `duties::answer::answers` from its journal of the honest window),
/// replayed exactly, positions and coinbase branches included, close the challenge: each call
/// names a position of the challenge drawing the leaf it answers, no leaf is answered twice (a
/// second call aborts), and none is left out.
#[test]
fun the_keepers_calls_close_a_challenge_drawing_leaves_twice() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let samples = u64s(golden::named(b"keeper_challenge_samples"));
    mf::challenge_at(&mut scenario, &clock, order_id, report_id, samples);
    assert_eq!(mf::samples(&mut scenario, report_id), samples);
    let calls = sui::bcs::new(golden::named(b"keeper_challenge_calls")).peel_u64();
    calls.do!(|k| {
        // Every call is needed: the challenge is still open before it.
        let report = scenario.take_shared_by_id<Report>(report_id);
        assert!(report.is_challenged());
        ts::return_shared(report);
        mf::answer_with_branch(
            &mut scenario,
            &clock,
            &world,
            order_id,
            report_id,
            sui::bcs::new(keeper_call(k, b"position")).peel_u64(),
            keeper_call(k, b"header"),
            mf::split(keeper_call(k, b"proof"), 32),
            keeper_call(k, b"next_header"),
            mf::split(keeper_call(k, b"next_proof"), 32),
            keeper_call(k, b"coinbase"),
            mf::split(keeper_call(k, b"branch"), 32),
        );
    });
    let report = scenario.take_shared_by_id<Report>(report_id);
    assert_eq!(report.unanswered(), 0);
    // Back to pending: answered, neither voided nor settled.
    assert!(report.was_challenged() && !report.is_challenged());
    assert!(!report.is_voided() && !report.is_settled());
    ts::return_shared(report);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    assert_eq!(keeper.reputation().challenges_passed(), 1);
    ts::return_shared(keeper);
    finish(scenario, clock);
}

#[test]
fun honest_work_survives_a_challenge_and_settles() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"honest");
    assert_eq!(mf::samples(&mut scenario, report_id).length(), 16);
    mf::answer_all(&mut scenario, &clock, &world, order_id, report_id, b"honest");
    let report = scenario.take_shared_by_id<Report>(report_id);
    assert!(!report.is_challenged());
    assert_eq!(report.unanswered(), 0);
    ts::return_shared(report);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    assert_eq!(keeper.reputation().challenges_passed(), 1);
    ts::return_shared(keeper);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    let report = scenario.take_shared_by_id<Report>(report_id);
    assert!(report.is_settled());
    ts::return_shared(report);
    finish(scenario, clock);
}

#[test]
fun a_third_partys_bond_goes_to_the_keeper_who_answers() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let challenger = fixtures::active_keeper(
        &mut scenario,
        fixtures::stranger(),
        hash(200),
        &clock,
    );
    challenge_with_bond(&mut scenario, &clock, report_id, challenger, hash(100));
    mf::answer_all(&mut scenario, &clock, &world, order_id, report_id, b"honest");
    let bond = ts::take_from_address<Coin<HASH>>(&scenario, fixtures::keeper());
    assert_eq!(bond.value(), hash(100));
    destroy(bond);
    finish(scenario, clock);
}

fun challenge_with_bond(
    scenario: &mut Scenario,
    clock: &Clock,
    report_id: ID,
    challenger: ID,
    bond: u64,
) {
    scenario.next_tx(fixtures::stranger());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let market = scenario.take_shared<Market>();
    let identity = scenario.take_shared_by_id<Identity>(challenger);
    let random = scenario.take_shared<Random>();
    let coin = coin::mint_for_testing<HASH>(bond, scenario.ctx());
    report.challenge_with_bond_for_testing(
        &market,
        &identity,
        coin,
        &random,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(report);
    ts::return_shared(market);
    ts::return_shared(identity);
    ts::return_shared(random);
    scenario.next_tx(fixtures::stranger());
}

// === Cheating is caught ===

/// Half the leaves come from no share. With the default 16 samples the keeper misses at least one
/// with probability 1 - 2^-16; the unanswered challenge voids the report and slashes the keeper.
#[test]
fun made_up_leaves_are_caught_and_the_keeper_is_slashed() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"half_fake");
    answer_answerable(&mut scenario, &clock, &world, order_id, report_id, b"half_fake");
    let report = scenario.take_shared_by_id<Report>(report_id);
    assert!(report.unanswered() > 0);
    let deadline = report.response_deadline_ms().destroy_some();
    ts::return_shared(report);
    let stake_before = keeper_stake(&mut scenario, &world);
    let treasury = scenario.take_shared_by_id<Treasury>(world.treasury());
    let treasury_before = treasury.balance<HASH>();
    ts::return_shared(treasury);

    clock.set_for_testing(deadline + 1);
    mf::expire_challenge(&mut scenario, &clock, &world, order_id, report_id);

    let report = scenario.take_shared_by_id<Report>(report_id);
    assert!(report.is_voided());
    ts::return_shared(report);
    // The reserve is back in escrow.
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert_eq!(order.escrow(), ESCROW);
    assert_eq!(order.reserved(), 0);
    ts::return_shared(order);
    // Half the stake slashed: half of that to the buyer, the rest to the treasury.
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    assert_eq!(keeper.stake().total(), stake_before / 2);
    assert_eq!(keeper.status(), identity::status_slashed());
    assert_eq!(keeper.reputation().challenges_failed(), 1);
    ts::return_shared(keeper);
    let reward = ts::take_from_address<Coin<HASH>>(&scenario, mf::buyer());
    assert_eq!(reward.value(), stake_before / 4);
    destroy(reward);
    let treasury = scenario.take_shared_by_id<Treasury>(world.treasury());
    assert_eq!(treasury.balance<HASH>() - treasury_before, stake_before / 4);
    ts::return_shared(treasury);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = report::ELeafNotInTree)]
fun a_made_up_leaf_cannot_be_answered() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"half_fake");
    let position = find_sample!(
        &mut scenario,
        report_id,
        |i| mf::window_header(b"half_fake", i) == vector::tabulate!(80, |_| 0u8),
    ).destroy_some();
    // The keeper's best try: some real header at that position.
    let real = find_real(b"half_fake");
    let leaves = mf::window_leaves(b"half_fake");
    let index = mf::samples(&mut scenario, report_id)[position];
    mf::answer_with(
        &mut scenario,
        &clock,
        &world,
        order_id,
        report_id,
        position,
        mf::window_header(b"half_fake", real),
        share_tree::proof_for_testing(&leaves, index),
        vector[],
        vector[],
        mf::window_coinbase(b"half_fake", real),
    );
    abort
}

fun find_real(name: vector<u8>): u64 {
    let mut i = 0;
    while (mf::window_header(name, i) == vector::tabulate!(80, |_| 0u8)) i = i + 1;
    i
}

/// Every share counted twice: a sample at the first of a pair finds its successor equal. With 16
/// samples the keeper escapes with probability 2^-16.
#[test, expected_failure(abort_code = report::ENotIncreasing)]
fun duplicated_shares_are_caught() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"duplicated");
    let position = find_sample!(&mut scenario, report_id, |i| i % 2 == 0).destroy_some();
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"duplicated", position);
    abort
}

/// Vector `part` of tampered keeper journal `journal` (golden `keeper_<journal>_<part>`, `make
/// answer-vectors`): the keeper's honest journal with one share journaled again (b"duplicated"), or
/// with an accepted share of the same job whose hash misses D (b"below_d"), as a keeper counting
/// every accepted share would commit to it and answer its faulty leaf.
fun tampered(journal: vector<u8>, part: vector<u8>): vector<u8> {
    let mut name = b"keeper_";
    name.append(journal);
    name.append(b"_");
    name.append(part);
    golden::named(name)
}

fun tampered_u64(journal: vector<u8>, part: vector<u8>): u64 {
    sui::bcs::new(tampered(journal, part)).peel_u64()
}

/// The report of tampered keeper journal `journal` (its root and count), challenged at its faulty
/// leaf: (scenario, clock, world, order, report).
fun challenged_at_fault(journal: vector<u8>): (Scenario, Clock, World, ID, ID) {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    let report_id = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        tampered_u64(journal, b"count"),
        mf::difficulty(),
        tampered(journal, b"root"),
        0,
    );
    let index = tampered_u64(journal, b"index");
    mf::challenge_at(&mut scenario, &clock, order_id, report_id, vector[index]);
    (scenario, clock, world, order_id, report_id)
}

/// The keeper answers the faulty leaf with tampered keeper journal `journal`'s answer.
fun answer_at_fault(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
    journal: vector<u8>,
) {
    mf::answer_with(
        scenario,
        clock,
        world,
        order_id,
        report_id,
        0,
        tampered(journal, b"answer_header"),
        mf::split(tampered(journal, b"answer_proof"), 32),
        tampered(journal, b"answer_next_header"),
        mf::split(tampered(journal, b"answer_next_proof"), 32),
        tampered(journal, b"answer_coinbase"),
    );
}

/// The keeper's own journal with one share journaled twice, counted twice: its answer at the pair
/// shows a successor equal to the leaf.
#[test, expected_failure(abort_code = report::ENotIncreasing)]
fun the_keepers_journal_with_a_share_counted_twice_is_caught() {
    let (mut scenario, clock, world, order_id, report_id) = challenged_at_fault(b"duplicated");
    assert_eq!(tampered_u64(b"duplicated", b"count"), 17);
    answer_at_fault(&mut scenario, &clock, &world, order_id, report_id, b"duplicated");
    abort
}

/// The keeper's own journal with an accepted share whose hash misses D, counted: its answer for
/// that leaf is in the tree, and refused for its difficulty.
#[test, expected_failure(abort_code = report::EShareTooEasy)]
fun the_keepers_journal_with_a_share_below_d_counted_is_caught() {
    let (mut scenario, clock, world, order_id, report_id) = challenged_at_fault(b"below_d");
    assert_eq!(tampered_u64(b"below_d", b"count"), 17);
    answer_at_fault(&mut scenario, &clock, &world, order_id, report_id, b"below_d");
    abort
}

#[test, expected_failure(abort_code = report::EForeignPool)]
fun shares_for_another_pool_are_caught() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"foreign_pool");
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"foreign_pool", 0);
    abort
}

#[test, expected_failure(abort_code = report::EStaleTip)]
fun shares_on_an_old_tip_are_caught() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"old_tip");
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"old_tip", 0);
    abort
}

#[test, expected_failure(abort_code = report::EUnknownTip)]
fun shares_on_a_tip_no_feeder_posted_are_caught() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    // A ring's worth of later tips pushes the window's tip out.
    mf::post_tips(&mut scenario, &clock, fixtures::publisher(), 900_001, tips::capacity());
    scenario.next_tx(fixtures::publisher());
    let feed = scenario.take_shared<TipFeed>();
    assert!(feed.find(&golden::named(b"shares_tip")).is_none());
    ts::return_shared(feed);
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", 0);
    abort
}

#[test, expected_failure(abort_code = report::ETimeOutsideWindow)]
fun shares_timed_outside_the_window_are_caught() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    // The honest shares, reported as if mined an hour later.
    let start = mf::window_start_ms() + HOUR_MS;
    clock.set_for_testing(start + 600_000);
    let report_id = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        start,
        start + 600_000,
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", 0);
    abort
}

/// No slack: shares stamped minutes before the window cannot be counted in it, so one share can
/// never be paid in two adjacent windows of a fill.
#[test, expected_failure(abort_code = report::ETimeOutsideWindow)]
fun shares_stamped_just_before_the_window_are_caught() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    // The honest shares are stamped 0 to 450 s into their window; this one starts at 451 s.
    let start = mf::window_start_ms() + 451_000;
    clock.set_for_testing(start + 600_000);
    let report_id = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        start,
        start + 600_000,
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", 0);
    abort
}

#[test, expected_failure(abort_code = report::EShareTooEasy)]
fun shares_easier_than_the_fill_difficulty_are_caught() {
    let (mut scenario, mut clock, world) = mf::setup();
    let order_id = mf::new_order(&mut scenario, &clock, ESCROW);
    // A fill at difficulty 2^24 (in 32.32): the honest shares (difficulty 16) fall far short.
    let fill = mf::attach_at(&mut scenario, &clock, &world, order_id, 1 << 24);
    clock.set_for_testing(mf::window_end_ms());
    let report_id = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        1 << 24,
        mf::window_root(b"honest"),
        0,
    );
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", 0);
    abort
}

#[test, expected_failure(abort_code = report::ECoinbaseMismatch)]
fun a_coinbase_that_does_not_rebuild_the_merkle_root_is_refused() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    let index = mf::samples(&mut scenario, report_id)[0];
    let leaves = mf::window_leaves(b"honest");
    let (next, next_proof) = successor(&leaves, index);
    mf::answer_with(
        &mut scenario,
        &clock,
        &world,
        order_id,
        report_id,
        0,
        mf::window_header(b"honest", index),
        share_tree::proof_for_testing(&leaves, index),
        next,
        next_proof,
        mf::window_coinbase(b"honest", (index + 1) % 16),
    );
    abort
}

fun successor(leaves: &vector<vector<u8>>, index: u64): (vector<u8>, vector<vector<u8>>) {
    if (index + 1 < leaves.length()) {
        (mf::window_header(b"honest", index + 1), share_tree::proof_for_testing(leaves, index + 1))
    } else (vector[], vector[])
}

#[test, expected_failure(abort_code = report::ESuccessorNotInTree)]
fun a_wrong_successor_is_refused() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    let position = find_sample!(&mut scenario, report_id, |i| i + 2 < 16).destroy_some();
    let index = mf::samples(&mut scenario, report_id)[position];
    let leaves = mf::window_leaves(b"honest");
    mf::answer_with(
        &mut scenario,
        &clock,
        &world,
        order_id,
        report_id,
        position,
        mf::window_header(b"honest", index),
        share_tree::proof_for_testing(&leaves, index),
        mf::window_header(b"honest", index + 2),
        share_tree::proof_for_testing(&leaves, index + 1),
        mf::window_coinbase(b"honest", index),
    );
    abort
}

// === Challenge rules ===

#[test, expected_failure(abort_code = report::ENotBuyer)]
fun only_the_buyer_challenges_for_free() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    scenario.next_tx(fixtures::stranger());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let random = scenario.take_shared<Random>();
    report.challenge_for_testing(&order, &market, &random, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = report::EDisputeWindowClosed)]
fun a_report_past_its_dispute_window_cannot_be_challenged() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::EAlreadyChallenged)]
fun a_report_is_challenged_once() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    mf::answer_all(&mut scenario, &clock, &world, order_id, report_id, b"honest");
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::ENothingToChallenge)]
fun a_report_of_no_shares_has_nothing_to_sample() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    clock.set_for_testing(mf::window_end_ms());
    let report_id = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        0,
        16,
        mf::window_root(b"honest"),
        0,
    );
    mf::challenge(&mut scenario, &clock, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::EWrongBond)]
fun a_third_party_must_post_the_exact_bond() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let challenger = fixtures::active_keeper(
        &mut scenario,
        fixtures::stranger(),
        hash(200),
        &clock,
    );
    challenge_with_bond(&mut scenario, &clock, report_id, challenger, hash(99));
    abort
}

#[test, expected_failure(abort_code = report::EChallengerStake)]
fun a_third_party_needs_the_minimum_stake() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let challenger = fixtures::new_identity(
        &mut scenario,
        fixtures::stranger(),
        identity::role_keeper(),
        &clock,
    );
    challenge_with_bond(&mut scenario, &clock, report_id, challenger, hash(100));
    abort
}

#[test, expected_failure(abort_code = report::EResponseClosed)]
fun answers_after_the_deadline_are_refused() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 6 * HOUR_MS + 1);
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", 0);
    abort
}

#[test, expected_failure(abort_code = report::EResponsePending)]
fun a_challenge_cannot_be_expired_before_its_deadline() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"half_fake");
    mf::expire_challenge(&mut scenario, &clock, &world, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::EAlreadyAnswered)]
fun a_sample_is_answered_once() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"half_fake");
    let position = find_sample_answerable(&mut scenario, report_id, b"half_fake");
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"half_fake", position);
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"half_fake", position);
    abort
}

fun find_sample_answerable(scenario: &mut Scenario, report_id: ID, name: vector<u8>): u64 {
    let mut position = 0;
    while (!mf::answerable(scenario, report_id, name, position)) position = position + 1;
    position
}

#[test, expected_failure(abort_code = report::EUnknownSample)]
fun an_unknown_sample_position_is_named() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    let leaves = mf::window_leaves(b"honest");
    let (next, next_proof) = successor(&leaves, 0);
    mf::answer_with(
        &mut scenario,
        &clock,
        &world,
        order_id,
        report_id,
        16,
        mf::window_header(b"honest", 0),
        share_tree::proof_for_testing(&leaves, 0),
        next,
        next_proof,
        mf::window_coinbase(b"honest", 0),
    );
    abort
}

#[test, expected_failure(abort_code = report::ENotChallenged)]
fun an_unchallenged_report_takes_no_answers() {
    let (mut scenario, clock, world, order_id, report_id) = challenged(b"honest");
    mf::answer_all(&mut scenario, &clock, &world, order_id, report_id, b"honest");
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", 0);
    abort
}

#[test, expected_failure(abort_code = report::ENotPending)]
fun a_voided_report_is_never_paid() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"half_fake");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::expire_challenge(&mut scenario, &clock, &world, order_id, report_id);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::ENotPending)]
fun a_challenged_report_cannot_settle() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"half_fake");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::ENotChallengerController)]
fun a_bond_is_posted_only_by_the_challengers_controller() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    // The keeper's identity, used by someone else.
    challenge_with_bond(&mut scenario, &clock, report_id, world.keeper(), hash(100));
    abort
}

#[test, expected_failure(abort_code = report::EWrongKeeper)]
fun only_the_reports_keeper_is_slashed() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"half_fake");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    // The provider's identity passed as the keeper's.
    let wrong = mf::keeper_world(&world, world.provider());
    mf::expire_challenge(&mut scenario, &clock, &wrong, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::EWrongOrder)]
fun a_report_settles_only_against_its_order() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let other_order = mf::new_order(&mut scenario, &clock, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::settle(&mut scenario, &clock, &world, other_order, report_id);
    abort
}

// === Who gets what when a challenge goes unanswered ===

/// A staked third party's challenge goes unanswered: its bond comes back, and it (not the buyer)
/// gets the challenger's share of the slash.
#[test]
fun an_unanswered_bonded_challenge_returns_the_bond_and_rewards_the_challenger() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let challenger = fixtures::active_keeper(
        &mut scenario,
        fixtures::stranger(),
        hash(200),
        &clock,
    );
    challenge_with_bond(&mut scenario, &clock, report_id, challenger, hash(100));
    let stake_before = keeper_stake(&mut scenario, &world);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 6 * HOUR_MS + 1);
    mf::expire_challenge(&mut scenario, &clock, &world, order_id, report_id);

    let report = scenario.take_shared_by_id<Report>(report_id);
    assert!(report.is_voided());
    ts::return_shared(report);
    let mut received = 0;
    while (ts::has_most_recent_for_address<Coin<HASH>>(fixtures::stranger())) {
        let coin = ts::take_from_address<Coin<HASH>>(&scenario, fixtures::stranger());
        received = received + coin.value();
        destroy(coin);
    };
    assert_eq!(received, hash(100) + stake_before / 4);
    assert!(!ts::has_most_recent_for_address<Coin<HASH>>(mf::buyer()));
    finish(scenario, clock);
}

/// A report voided after its order ended: the reserve goes back to the buyer, not to escrow.
#[test]
fun a_report_voided_after_its_order_ended_refunds_the_buyer() {
    let (mut scenario, mut clock, world, order_id, report_id) = challenged(b"half_fake");
    let report = scenario.take_shared_by_id<Report>(report_id);
    let (amount, deadline) = (report.amount(), report.response_deadline_ms().destroy_some());
    ts::return_shared(report);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + HOUR_MS);
    mf::with_order!(&mut scenario, order_id, mf::buyer(), |order, market, ctx| {
        destroy(order.cancel(market, &clock, ctx));
    });
    clock.set_for_testing(deadline + 1);
    mf::expire_challenge(&mut scenario, &clock, &world, order_id, report_id);
    let refund = ts::take_from_address<Coin<SUI>>(&scenario, mf::buyer());
    assert_eq!(refund.value(), amount);
    destroy(refund);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert_eq!(order.reserved(), 0);
    assert_eq!(order.refunded(), ESCROW);
    ts::return_shared(order);
    finish(scenario, clock);
}

// === The stake behind a report stays until its challenges are over ===

#[test, expected_failure(abort_code = aihash::stake::EBacksOpenReports)]
fun a_keeper_cannot_withdraw_early_while_its_reports_can_be_challenged() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    withdraw_all_early(&mut scenario, &clock, &world);
    abort
}

#[test]
fun a_keepers_stake_is_free_once_no_challenge_can_reach_its_reports() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, ESCROW);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let report = scenario.take_shared_by_id<Report>(report_id);
    let free_ms = report.dispute_deadline_ms() + aihash::market::max_response_window_ms();
    ts::return_shared(report);
    scenario.next_tx(fixtures::keeper());
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    assert_eq!(keeper.stake().locked_until_ms(), free_ms);
    let stake = keeper.stake().active();
    ts::return_shared(keeper);
    clock.set_for_testing(free_ms);
    let paid = withdraw_all_early(&mut scenario, &clock, &world);
    // The early fee is 5 %, rounded up.
    assert_eq!(paid, stake - (stake + 19) / 20);
    finish(scenario, clock);
}

/// The keeper unstakes everything and withdraws at once, paying the early fee; returns the payout.
fun withdraw_all_early(scenario: &mut Scenario, clock: &Clock, world: &World): u64 {
    scenario.next_tx(fixtures::keeper());
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let registry = scenario.take_shared<aihash::registry::Registry>();
    let mut currency = fixtures::take_currency(scenario);
    let active = keeper.stake().active();
    aihash::staking::request_unstake(&mut keeper, &registry, active, clock, scenario.ctx());
    let paid = aihash::staking::withdraw_early(
        &mut keeper,
        &registry,
        &mut currency,
        clock,
        scenario.ctx(),
    );
    let value = paid.value();
    destroy(paid);
    fixtures::return_currency(currency);
    ts::return_shared(keeper);
    ts::return_shared(registry);
    value
}
