#[test_only]
module aihash::vesting_tests;

use aihash::vesting::{Self, Vesting};
use std::unit_test::{assert_eq, destroy};
use sui::balance;
use sui::clock;
use sui::sui::SUI;
use sui::test_scenario as ts;

const BENEFICIARY: address = @0xBE;
const START: u64 = 1_000_000;
const CLIFF: u64 = 1_000;
const LINEAR: u64 = 4_000;

/// Gives BENEFICIARY a schedule over `total` and moves to their next transaction.
fun schedule(scenario: &mut ts::Scenario, total: u64): ID {
    let id = vesting::create(
        balance::create_for_testing<SUI>(total),
        START,
        CLIFF,
        LINEAR,
        BENEFICIARY,
        scenario.ctx(),
    );
    scenario.next_tx(BENEFICIARY);
    id
}

#[test]
fun nothing_vests_before_the_cliff_then_linearly_until_the_end() {
    let mut scenario = ts::begin(@0xA);
    schedule(&mut scenario, 8_000);
    let vesting = scenario.take_from_sender<Vesting<SUI>>();
    assert_eq!(vesting.vested(0), 0);
    assert_eq!(vesting.vested(START + CLIFF - 1), 0);
    assert_eq!(vesting.vested(START + CLIFF), 0);
    assert_eq!(vesting.vested(START + CLIFF + 1), 2);
    assert_eq!(vesting.vested(START + CLIFF + LINEAR / 4), 2_000);
    assert_eq!(vesting.vested(START + CLIFF + LINEAR - 1), 7_998);
    assert_eq!(vesting.vested(START + CLIFF + LINEAR), 8_000);
    assert_eq!(vesting.vested(START + 100 * LINEAR), 8_000);
    scenario.return_to_sender(vesting);
    scenario.end();
}

#[test]
fun claims_pay_what_vested_since_the_last_claim() {
    let mut scenario = ts::begin(@0xA);
    schedule(&mut scenario, 8_000);
    let mut vesting = scenario.take_from_sender<Vesting<SUI>>();
    let mut clock = clock::create_for_testing(scenario.ctx());

    clock.set_for_testing(START + CLIFF + LINEAR / 2);
    let first = vesting.claim(&clock, scenario.ctx());
    assert_eq!(first.value(), 4_000);
    assert_eq!(vesting.claimed(), 4_000);
    assert_eq!(vesting.locked(), 4_000);

    clock.set_for_testing(START + CLIFF + LINEAR);
    let second = vesting.claim(&clock, scenario.ctx());
    assert_eq!(second.value(), 4_000);
    assert_eq!(vesting.claimable(START + 10 * LINEAR), 0);
    vesting.destroy_empty();
    destroy(vector[first, second]);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = vesting::ENothingToClaim)]
fun claiming_before_the_cliff_aborts() {
    let mut scenario = ts::begin(@0xA);
    schedule(&mut scenario, 8_000);
    let mut vesting = scenario.take_from_sender<Vesting<SUI>>();
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(START + CLIFF);
    let coin = vesting.claim(&clock, scenario.ctx());
    destroy(coin);
    destroy(clock);
    scenario.return_to_sender(vesting);
    scenario.end();
}

#[test, expected_failure(abort_code = vesting::ENothingToClaim)]
fun claiming_twice_at_the_same_time_aborts() {
    let mut scenario = ts::begin(@0xA);
    schedule(&mut scenario, 8_000);
    let mut vesting = scenario.take_from_sender<Vesting<SUI>>();
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(START + CLIFF + 100);
    let first = vesting.claim(&clock, scenario.ctx());
    let second = vesting.claim(&clock, scenario.ctx());
    destroy(vector[first, second]);
    destroy(clock);
    scenario.return_to_sender(vesting);
    scenario.end();
}

#[test, expected_failure(abort_code = vesting::ENotFullyClaimed)]
fun a_schedule_with_locked_funds_cannot_be_destroyed() {
    let mut scenario = ts::begin(@0xA);
    schedule(&mut scenario, 8_000);
    let vesting = scenario.take_from_sender<Vesting<SUI>>();
    vesting.destroy_empty();
    scenario.end();
}

#[test, expected_failure(abort_code = vesting::EEmptySchedule)]
fun an_empty_schedule_cannot_be_created() {
    let mut scenario = ts::begin(@0xA);
    schedule(&mut scenario, 0);
    scenario.end();
}

#[test]
fun the_schedule_goes_to_the_beneficiary_with_its_terms() {
    let mut scenario = ts::begin(@0xA);
    let id = schedule(&mut scenario, 8_000);
    let vesting = scenario.take_from_sender<Vesting<SUI>>();
    assert_eq!(object::id(&vesting), id);
    assert_eq!(vesting.total(), 8_000);
    assert_eq!(vesting.start_ms(), START);
    assert_eq!(vesting.cliff_ms(), CLIFF);
    assert_eq!(vesting.linear_ms(), LINEAR);
    scenario.return_to_sender(vesting);
    scenario.end();
}

/// Claims at random times (in random order, so the clock may also stand still) never pay more
/// than the schedule has released by then, and a final claim brings the total to exactly `total`.
#[random_test]
fun claims_never_exceed_the_schedule(total: u64, cliff: u32, linear: u32, steps: vector<u32>) {
    let total = total % 1_000_000_000_000_000_000 + 1;
    let cliff = cliff as u64;
    let linear = linear as u64;
    let mut scenario = ts::begin(@0xA);
    vesting::create(
        balance::create_for_testing<SUI>(total),
        START,
        cliff,
        linear,
        BENEFICIARY,
        scenario.ctx(),
    );
    scenario.next_tx(BENEFICIARY);
    let mut vesting = scenario.take_from_sender<Vesting<SUI>>();
    let mut clock = clock::create_for_testing(scenario.ctx());
    let mut now = START;
    let mut paid = 0;
    steps.do!(|step| {
        now = now + ((step as u64) % (cliff + linear + 2));
        clock.set_for_testing(now);
        if (vesting.claimable(now) > 0) {
            let coin = vesting.claim(&clock, scenario.ctx());
            paid = paid + coin.value();
            destroy(coin);
        };
        assert!(paid <= vesting.vested(now));
        assert_eq!(paid, vesting.claimed());
        assert_eq!(paid + vesting.locked(), total);
    });
    let end = START + cliff + linear;
    if (end > now) clock.set_for_testing(end);
    if (vesting.claimable(clock.timestamp_ms()) > 0) {
        let coin = vesting.claim(&clock, scenario.ctx());
        paid = paid + coin.value();
        destroy(coin);
    };
    assert_eq!(paid, total);
    vesting.destroy_empty();
    clock.destroy_for_testing();
    scenario.end();
}
