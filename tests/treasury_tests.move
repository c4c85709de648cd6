#[test_only]
module aihash::treasury_tests;

use aihash::hash::HASH;
use aihash::treasury::{Self, Treasury, SpendCap};
use std::unit_test::{assert_eq, destroy};
use sui::balance;
use sui::event;
use sui::sui::SUI;
use sui::test_scenario as ts;

fun new(scenario: &mut ts::Scenario): (Treasury, SpendCap) {
    treasury::new_for_testing(b"platform treasury".to_string(), scenario.ctx())
}

#[test]
fun deposits_are_kept_per_coin_type_and_spent_only_as_asked() {
    let mut scenario = ts::begin(@0xA);
    let (mut treasury, cap) = new(&mut scenario);
    treasury.deposit(balance::create_for_testing<SUI>(500));
    treasury.deposit(balance::create_for_testing<SUI>(250));
    treasury.deposit(balance::create_for_testing<HASH>(9));
    assert_eq!(treasury.balance<SUI>(), 750);
    assert_eq!(treasury.balance<HASH>(), 9);

    let paid = treasury.spend<SUI>(&cap, 700, scenario.ctx());
    assert_eq!(paid.value(), 700);
    assert_eq!(treasury.balance<SUI>(), 50);
    assert_eq!(treasury.balance<HASH>(), 9);
    assert_eq!(event::events_by_type<treasury::FundsSpent>().length(), 1);
    assert_eq!(event::events_by_type<treasury::FundsDeposited>().length(), 3);
    assert_eq!(treasury.purpose(), b"platform treasury".to_string());
    assert_eq!(cap.treasury_id(), object::id(&treasury));
    destroy(paid);
    destroy(cap);
    treasury.destroy_for_testing();
    scenario.end();
}

#[test]
fun a_zero_deposit_changes_nothing_and_emits_nothing() {
    let mut scenario = ts::begin(@0xA);
    let (mut treasury, cap) = new(&mut scenario);
    treasury.deposit(balance::zero<SUI>());
    assert_eq!(treasury.balance<SUI>(), 0);
    assert_eq!(event::events_by_type<treasury::FundsDeposited>().length(), 0);
    destroy(cap);
    treasury.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = treasury::EWrongSpendCap)]
fun another_treasurys_cap_cannot_spend() {
    let mut scenario = ts::begin(@0xA);
    let (mut treasury, cap) = new(&mut scenario);
    let (other, other_cap) = new(&mut scenario);
    treasury.deposit(balance::create_for_testing<SUI>(500));
    let paid = treasury.spend<SUI>(&other_cap, 1, scenario.ctx());
    destroy(paid);
    destroy(vector[cap, other_cap]);
    treasury.destroy_for_testing();
    other.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = treasury::EInsufficientFunds)]
fun spending_more_than_held_aborts() {
    let mut scenario = ts::begin(@0xA);
    let (mut treasury, cap) = new(&mut scenario);
    treasury.deposit(balance::create_for_testing<SUI>(500));
    let paid = treasury.spend<SUI>(&cap, 501, scenario.ctx());
    destroy(paid);
    destroy(cap);
    treasury.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = treasury::EInsufficientFunds)]
fun spending_a_coin_never_deposited_aborts() {
    let mut scenario = ts::begin(@0xA);
    let (mut treasury, cap) = new(&mut scenario);
    let paid = treasury.spend<HASH>(&cap, 1, scenario.ctx());
    destroy(paid);
    destroy(cap);
    treasury.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = treasury::EZeroAmount)]
fun spending_zero_aborts() {
    let mut scenario = ts::begin(@0xA);
    let (mut treasury, cap) = new(&mut scenario);
    treasury.deposit(balance::create_for_testing<SUI>(500));
    let paid = treasury.spend<SUI>(&cap, 0, scenario.ctx());
    destroy(paid);
    destroy(cap);
    treasury.destroy_for_testing();
    scenario.end();
}
