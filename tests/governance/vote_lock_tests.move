#[test_only]
module aihash::vote_lock_tests;

use aihash::fixtures::hash;
use aihash::gov_fixtures::{Self as gf, alice, bob, day_ms};
use aihash::governance::{Self, Governance};
use aihash::vote_lock::{Self, Lock};
use std::unit_test::{assert_eq, destroy};
use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

fun take_lock(scenario: &mut Scenario, owner: address, id: ID): Lock {
    scenario.next_tx(owner);
    scenario.take_from_sender_by_id<Lock>(id)
}

#[test]
fun weight_grows_with_the_lock_length_and_decays_to_the_unlock() {
    let max = vote_lock::max_lock_ms();
    assert_eq!(vote_lock::weight(1_000, max, 0), 1_000);
    assert_eq!(vote_lock::weight(1_000, max / 2, 0), 500);
    assert_eq!(vote_lock::weight(1_000, max, max / 4 * 3), 250);
    assert_eq!(vote_lock::weight(1_000, max, max), 0);
    assert_eq!(vote_lock::weight(1_000, max, max + 1), 0);
}

#[test]
fun the_total_weight_is_the_sum_of_the_locks_and_drops_unlocked_ones() {
    let (mut scenario, mut clock, _) = gf::setup();
    let a = gf::max_lock(&mut scenario, &clock, alice(), 1_000);
    let b = gf::lock(&mut scenario, &clock, bob(), 400, 30 * day_ms());
    let alice_lock = take_lock(&mut scenario, alice(), a);
    let bob_lock = take_lock(&mut scenario, bob(), b);
    let gov = scenario.take_shared<Governance>();
    vector[gf::now(), gf::now() + 10 * day_ms(), gf::now() + 400 * day_ms()].do!(|at| {
        let sum = alice_lock.current_weight(at) + bob_lock.current_weight(at);
        let total = gov.total_weight_at(at);
        // Sums of floors lie at most one unit per lock below the floor of the sum.
        assert!(total >= sum && total <= sum + 2);
    });
    // Bob's lock has unlocked by then and weighs nothing.
    assert_eq!(bob_lock.current_weight(gf::now() + 40 * day_ms()), 0);
    assert_eq!(
        gov.total_weight_at(gf::now() + 40 * day_ms()),
        alice_lock.current_weight(gf::now() + 40 * day_ms()),
    );
    ts::return_shared(gov);
    scenario.return_to_sender(bob_lock);
    ts::return_to_address(alice(), alice_lock);
    clock.set_for_testing(gf::now() + 40 * day_ms());
    finish(scenario, clock);
}

#[test]
fun locks_are_increased_and_extended_and_remember_their_past() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::lock(&mut scenario, &clock, alice(), 100, 70 * day_ms());
    let mut lock = take_lock(&mut scenario, alice(), id);
    let mut gov = scenario.take_shared<Governance>();
    let first_unlock = lock.unlock_ms();
    assert_eq!(first_unlock % vote_lock::week_ms(), 0);
    clock.set_for_testing(gf::now() + day_ms());
    gov.increase_lock(
        &mut lock,
        aihash::fixtures::mint(&mut scenario, hash(50)),
        &clock,
        scenario.ctx(),
    );
    assert_eq!(lock.amount(), hash(150));
    clock.set_for_testing(gf::now() + 2 * day_ms());
    gov.extend_lock(&mut lock, gf::now() + 400 * day_ms(), &clock, scenario.ctx());
    assert!(lock.unlock_ms() > first_unlock);
    let before = lock.state_at(gf::now()).destroy_some();
    assert_eq!(before.state_amount(), hash(100));
    assert_eq!(before.state_unlock_ms(), first_unlock);
    assert!(lock.state_at(gf::now() - 1).is_none());
    assert_eq!(lock.state_at(gf::now() + day_ms()).destroy_some().state_amount(), hash(150));
    // The totals follow: the lock's weight is the whole supply.
    assert!(
        gov.total_weight_at(gf::now() + 3 * day_ms()) >= lock.current_weight(gf::now() + 3 * day_ms()),
    );
    assert!(
        gov.total_weight_at(gf::now() + 3 * day_ms()) <= lock.current_weight(gf::now() + 3 * day_ms()) + 1,
    );
    ts::return_shared(gov);
    scenario.return_to_sender(lock);
    finish(scenario, clock);
}

#[test]
fun an_unlocked_lock_returns_its_hash() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::lock(&mut scenario, &clock, alice(), 100, 14 * day_ms());
    let lock = take_lock(&mut scenario, alice(), id);
    clock.set_for_testing(lock.unlock_ms());
    let coins = governance::withdraw_lock(lock, &clock, scenario.ctx());
    assert_eq!(coins.value(), hash(100));
    destroy(coins);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = vote_lock::EStillLocked)]
fun a_lock_cannot_be_withdrawn_early() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::lock(&mut scenario, &clock, alice(), 100, 14 * day_ms());
    let lock = take_lock(&mut scenario, alice(), id);
    clock.set_for_testing(lock.unlock_ms() - 1);
    destroy(governance::withdraw_lock(lock, &clock, scenario.ctx()));
    abort
}

#[test, expected_failure(abort_code = vote_lock::ELockShortened)]
fun a_lock_cannot_be_shortened() {
    let (mut scenario, clock, _) = gf::setup();
    let id = gf::lock(&mut scenario, &clock, alice(), 100, 70 * day_ms());
    let mut lock = take_lock(&mut scenario, alice(), id);
    let mut gov = scenario.take_shared<Governance>();
    gov.extend_lock(&mut lock, gf::now() + 30 * day_ms(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = vote_lock::ELockTooShort)]
fun a_lock_runs_at_least_a_week() {
    let (mut scenario, clock, _) = gf::setup();
    gf::lock(&mut scenario, &clock, alice(), 100, 6 * day_ms());
    abort
}

#[test, expected_failure(abort_code = vote_lock::ELockTooLong)]
fun a_lock_runs_at_most_four_years() {
    let (mut scenario, clock, _) = gf::setup();
    gf::lock(&mut scenario, &clock, alice(), 100, vote_lock::max_lock_ms() + vote_lock::week_ms());
    abort
}

#[test, expected_failure(abort_code = vote_lock::EZeroAmount)]
fun an_empty_lock_is_refused() {
    let (mut scenario, clock, _) = gf::setup();
    gf::lock(&mut scenario, &clock, alice(), 0, 70 * day_ms());
    abort
}

#[test, expected_failure(abort_code = vote_lock::ELockExpired)]
fun an_unlocked_lock_cannot_be_increased() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::lock(&mut scenario, &clock, alice(), 100, 14 * day_ms());
    let mut lock = take_lock(&mut scenario, alice(), id);
    let mut gov = scenario.take_shared<Governance>();
    clock.set_for_testing(lock.unlock_ms());
    gov.increase_lock(
        &mut lock,
        aihash::fixtures::mint(&mut scenario, hash(1)),
        &clock,
        scenario.ctx(),
    );
    abort
}
