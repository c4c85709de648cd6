#[test_only]
module aihash::staking_tests;

use aihash::fixtures::{Self, hash};
use aihash::hash::HASH;
use aihash::identity::{Self, Identity};
use aihash::registry::Registry;
use aihash::staking;
use aihash::treasury::{Self, Treasury};
use std::unit_test::{assert_eq, destroy};
use sui::clock::Clock;
use sui::coin::Coin;
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

const NOW: u64 = 1_750_000_000_000;
const DAY_MS: u64 = 86_400_000;

/// A published, distributed package with an active keeper holding `stake`; returns the scenario
/// (in a keeper transaction), the clock, the keeper's id and the platform treasury's id.
fun start(stake: u64): (Scenario, Clock, ID, ID) {
    let mut scenario = fixtures::publish();
    let clock = fixtures::clock_at(&mut scenario, NOW);
    let treasury_id = fixtures::distribute_genesis(&mut scenario, &clock);
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), stake, &clock);
    (scenario, clock, id, treasury_id)
}

fun take(scenario: &Scenario, id: ID): (Identity, Registry) {
    (scenario.take_shared_by_id<Identity>(id), scenario.take_shared<Registry>())
}

fun put(identity: Identity, registry: Registry) {
    ts::return_shared(identity);
    ts::return_shared(registry);
}

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

// === Stake ===

#[test]
fun staking_adds_to_the_active_stake() {
    let (mut scenario, clock, id, _) = start(hash(100));
    let (mut identity, registry) = take(&scenario, id);
    let coin = fixtures::mint(&mut scenario, hash(900));
    staking::stake(&mut identity, &registry, coin, &clock, scenario.ctx());
    assert_eq!(identity.stake().active(), hash(1_000));
    assert_eq!(identity.stake().deposited(), hash(1_000));
    let staked = event::events_by_type<staking::Staked>();
    assert_eq!(staked.length(), 1);
    put(identity, registry);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_stakes() {
    let (mut scenario, clock, id, _) = start(hash(100));
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    let coin = fixtures::mint(&mut scenario, hash(1));
    staking::stake(&mut identity, &registry, coin, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = aihash::stake::EZeroAmount)]
fun staking_nothing_is_refused() {
    let (mut scenario, clock, id, _) = start(hash(100));
    let (mut identity, registry) = take(&scenario, id);
    let coin = fixtures::mint(&mut scenario, 0);
    staking::stake(&mut identity, &registry, coin, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::EDeactivated)]
fun a_deactivated_identity_takes_no_stake() {
    let (mut scenario, clock, id, _) = start(hash(100));
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    let coin = fixtures::mint(&mut scenario, hash(1));
    staking::stake(&mut identity, &registry, coin, &clock, scenario.ctx());
    abort
}

// === Unstake and withdraw ===

#[test]
fun unstaked_funds_are_paid_after_the_cooldown() {
    let (mut scenario, mut clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(200), &clock, scenario.ctx());
    assert_eq!(identity.stake().active(), hash(300));
    assert_eq!(identity.stake().unstaking(), hash(200));
    assert_eq!(identity.stake().unlock_ms(), NOW + 7 * DAY_MS);
    clock.set_for_testing(NOW + 7 * DAY_MS);
    let paid = staking::withdraw(&mut identity, &registry, &clock, scenario.ctx());
    assert_eq!(paid.value(), hash(200));
    assert_eq!(identity.stake().unstaking(), 0);
    assert_eq!(identity.stake().withdrawn(), hash(200));
    destroy(paid);
    put(identity, registry);
    finish(scenario, clock);
}

#[test]
fun a_new_request_restarts_the_cooldown_for_everything_unstaking() {
    let (mut scenario, mut clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(100), &clock, scenario.ctx());
    clock.set_for_testing(NOW + DAY_MS);
    staking::request_unstake(&mut identity, &registry, hash(100), &clock, scenario.ctx());
    assert_eq!(identity.stake().unstaking(), hash(200));
    assert_eq!(identity.stake().unlock_ms(), NOW + 8 * DAY_MS);
    put(identity, registry);
    finish(scenario, clock);
}

#[test]
fun a_deactivated_identity_withdraws_after_the_cooldown() {
    let (mut scenario, mut clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    clock.set_for_testing(NOW + 7 * DAY_MS);
    let paid = staking::withdraw(&mut identity, &registry, &clock, scenario.ctx());
    assert_eq!(paid.value(), hash(500));
    destroy(paid);
    put(identity, registry);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = aihash::stake::ECooldownRunning)]
fun withdrawing_during_the_cooldown_is_refused() {
    let (mut scenario, mut clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(200), &clock, scenario.ctx());
    clock.set_for_testing(NOW + 7 * DAY_MS - 1);
    let paid = staking::withdraw(&mut identity, &registry, &clock, scenario.ctx());
    destroy(paid);
    abort
}

#[test, expected_failure(abort_code = aihash::stake::ENothingUnstaking)]
fun withdrawing_without_a_request_is_refused() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    let paid = staking::withdraw(&mut identity, &registry, &clock, scenario.ctx());
    destroy(paid);
    abort
}

#[test, expected_failure(abort_code = aihash::stake::EInsufficientStake)]
fun unstaking_more_than_the_active_stake_is_refused() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(500) + 1, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = aihash::stake::EZeroAmount)]
fun unstaking_nothing_is_refused() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, 0, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_unstakes() {
    let (mut scenario, clock, id, _) = start(hash(500));
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(1), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_withdraws() {
    let (mut scenario, mut clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(1), &clock, scenario.ctx());
    put(identity, registry);
    scenario.next_tx(fixtures::stranger());
    clock.set_for_testing(NOW + 7 * DAY_MS);
    let (mut identity, registry) = take(&scenario, id);
    let paid = staking::withdraw(&mut identity, &registry, &clock, scenario.ctx());
    destroy(paid);
    abort
}

// === Early withdrawal ===

#[test]
fun withdrawing_early_burns_five_percent() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    let mut currency = fixtures::take_currency(&scenario);
    let supply_before = currency.total_supply().destroy_some();
    staking::request_unstake(&mut identity, &registry, hash(200), &clock, scenario.ctx());
    let paid = staking::withdraw_early(
        &mut identity,
        &registry,
        &mut currency,
        &clock,
        scenario.ctx(),
    );
    assert_eq!(paid.value(), hash(190));
    assert_eq!(identity.stake().burned(), hash(10));
    assert_eq!(currency.total_supply().destroy_some(), supply_before - hash(10));
    destroy(paid);
    fixtures::return_currency(currency);
    put(identity, registry);
    finish(scenario, clock);
}

#[test]
fun the_early_fee_rounds_up() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    let mut currency = fixtures::take_currency(&scenario);
    staking::request_unstake(&mut identity, &registry, 21, &clock, scenario.ctx());
    let paid = staking::withdraw_early(
        &mut identity,
        &registry,
        &mut currency,
        &clock,
        scenario.ctx(),
    );
    // 5% of 21 is 1.05: 2 burned, 19 paid.
    assert_eq!(paid.value(), 19);
    assert_eq!(identity.stake().burned(), 2);
    destroy(paid);
    fixtures::return_currency(currency);
    put(identity, registry);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = aihash::stake::ECooldownOver)]
fun withdrawing_early_after_the_cooldown_is_refused() {
    let (mut scenario, mut clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    let mut currency = fixtures::take_currency(&scenario);
    staking::request_unstake(&mut identity, &registry, hash(200), &clock, scenario.ctx());
    clock.set_for_testing(NOW + 7 * DAY_MS);
    let paid = staking::withdraw_early(
        &mut identity,
        &registry,
        &mut currency,
        &clock,
        scenario.ctx(),
    );
    destroy(paid);
    abort
}

#[test, expected_failure(abort_code = aihash::stake::ENothingUnstaking)]
fun withdrawing_early_without_a_request_is_refused() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    let mut currency = fixtures::take_currency(&scenario);
    let paid = staking::withdraw_early(
        &mut identity,
        &registry,
        &mut currency,
        &clock,
        scenario.ctx(),
    );
    destroy(paid);
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_withdraws_early() {
    let (mut scenario, clock, id, _) = start(hash(500));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(1), &clock, scenario.ctx());
    put(identity, registry);
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    let mut currency = fixtures::take_currency(&scenario);
    let paid = staking::withdraw_early(
        &mut identity,
        &registry,
        &mut currency,
        &clock,
        scenario.ctx(),
    );
    destroy(paid);
    abort
}

// === Slashing ===

#[test]
fun a_slash_pays_the_recipient_and_the_treasury_and_bars_the_identity() {
    let (mut scenario, clock, id, treasury_id) = start(hash(1_000));
    let (mut identity, registry) = take(&scenario, id);
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    let before = treasury.balance<HASH>();
    let taken = staking::slash(
        &mut identity,
        &registry,
        &mut treasury,
        hash(400),
        fixtures::stranger(),
        2_500,
        &clock,
        scenario.ctx(),
    );
    assert_eq!(taken, hash(400));
    assert_eq!(identity.stake().active(), hash(600));
    assert_eq!(identity.stake().slashed(), hash(400));
    assert_eq!(treasury.balance<HASH>() - before, hash(300));
    assert_eq!(identity.status(), identity::status_slashed());
    assert!(!identity.is_active());
    assert_eq!(identity.trust_level(), 1);
    assert_eq!(identity.slashed_at_ms(), NOW);
    assert_eq!(event::events_by_type<staking::StakeSlashed>().length(), 1);
    put(identity, registry);
    ts::return_shared(treasury);
    scenario.next_tx(fixtures::stranger());
    let reward = scenario.take_from_sender<Coin<HASH>>();
    assert_eq!(reward.value(), hash(100));
    destroy(reward);
    finish(scenario, clock);
}

#[test]
fun a_slash_never_takes_more_than_the_stake_and_reaches_unstaking_funds() {
    let (mut scenario, clock, id, treasury_id) = start(hash(1_000));
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(300), &clock, scenario.ctx());
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    let taken = staking::slash(
        &mut identity,
        &registry,
        &mut treasury,
        hash(5_000),
        fixtures::stranger(),
        0,
        &clock,
        scenario.ctx(),
    );
    assert_eq!(taken, hash(1_000));
    assert_eq!(identity.stake().total(), 0);
    assert_eq!(identity.stake().slashed(), hash(1_000));
    put(identity, registry);
    ts::return_shared(treasury);
    finish(scenario, clock);
}

#[test]
fun a_slashed_identity_returns_to_work_only_after_probation() {
    let (mut scenario, mut clock, id, treasury_id) = start(hash(1_000));
    let (mut identity, registry) = take(&scenario, id);
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    staking::slash(
        &mut identity,
        &registry,
        &mut treasury,
        hash(100),
        fixtures::stranger(),
        0,
        &clock,
        scenario.ctx(),
    );
    clock.set_for_testing(NOW + registry.policy().slash_probation_ms());
    identity.activate(&registry, &clock, scenario.ctx());
    assert!(identity.is_active());
    put(identity, registry);
    ts::return_shared(treasury);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = identity::EOnProbation)]
fun a_slashed_identity_cannot_activate_during_probation() {
    let (mut scenario, mut clock, id, treasury_id) = start(hash(1_000));
    let (mut identity, registry) = take(&scenario, id);
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    staking::slash(
        &mut identity,
        &registry,
        &mut treasury,
        hash(100),
        fixtures::stranger(),
        0,
        &clock,
        scenario.ctx(),
    );
    clock.set_for_testing(NOW + registry.policy().slash_probation_ms() - 1);
    identity.activate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = aihash::registry::EWrongTreasury)]
fun slashed_funds_go_only_to_the_platform_treasury() {
    let (mut scenario, clock, id, _) = start(hash(1_000));
    let (mut identity, registry) = take(&scenario, id);
    let (mut other, cap) = treasury::new_for_testing(b"other".to_string(), scenario.ctx());
    staking::slash(
        &mut identity,
        &registry,
        &mut other,
        hash(100),
        fixtures::stranger(),
        0,
        &clock,
        scenario.ctx(),
    );
    destroy(cap);
    abort
}

#[test, expected_failure(abort_code = aihash::registry::ENoTreasury)]
fun nothing_is_slashed_before_genesis_names_the_treasury() {
    let mut scenario = fixtures::publish();
    let clock = fixtures::clock_at(&mut scenario, NOW);
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    let (mut identity, registry) = take(&scenario, id);
    let (mut treasury, cap) = treasury::new_for_testing(
        b"platform treasury".to_string(),
        scenario.ctx(),
    );
    staking::slash(
        &mut identity,
        &registry,
        &mut treasury,
        hash(1),
        fixtures::stranger(),
        0,
        &clock,
        scenario.ctx(),
    );
    destroy(cap);
    abort
}

#[test, expected_failure(abort_code = staking::EShareOutOfRange)]
fun a_recipient_share_over_100_percent_is_refused() {
    let (mut scenario, clock, id, treasury_id) = start(hash(1_000));
    let (mut identity, registry) = take(&scenario, id);
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    staking::slash(
        &mut identity,
        &registry,
        &mut treasury,
        hash(100),
        fixtures::stranger(),
        10_001,
        &clock,
        scenario.ctx(),
    );
    abort
}

// === Conservation ===

/// Whatever happens to a stake, every unit deposited is active, unstaking, slashed, burned or
/// withdrawn, and the coins that left match the counters: what the controller received is
/// `withdrawn`, what the supply lost is `burned`, what the recipient and the treasury received is
/// `slashed`.
#[random_test]
fun stake_slashed_burned_and_withdrawn_add_up_to_the_deposits(operations: vector<u64>) {
    let (mut scenario, mut clock, id, treasury_id) = start(hash(100));
    let (mut identity, registry) = take(&scenario, id);
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    let mut currency = fixtures::take_currency(&scenario);
    let supply_before = currency.total_supply().destroy_some();
    let treasury_before = treasury.balance<HASH>();
    let mut received = 0;
    let mut to_recipient = 0;
    let mut now = NOW;
    operations.do!(|op| {
        let amount = (op >> 8) % hash(1_000) + 1;
        now = now + (op >> 40) % (2 * DAY_MS);
        clock.set_for_testing(now);
        let stake = identity.stake();
        let kind = op % 5;
        if (kind == 0 && identity.status() != identity::status_deactivated()) {
            let coin = fixtures::mint(&mut scenario, amount);
            staking::stake(&mut identity, &registry, coin, &clock, scenario.ctx());
        } else if (kind == 1 && stake.active() > 0 && identity.status() != identity::status_deactivated()) {
            let amount = amount.min(stake.active());
            staking::request_unstake(&mut identity, &registry, amount, &clock, scenario.ctx());
        } else if (kind == 2 && stake.unstaking() > 0 && now >= stake.unlock_ms()) {
            let coin = staking::withdraw(&mut identity, &registry, &clock, scenario.ctx());
            received = received + coin.value();
            destroy(coin);
        } else if (kind == 3 && stake.unstaking() > 0 && now < stake.unlock_ms()) {
            let coin = staking::withdraw_early(
                &mut identity,
                &registry,
                &mut currency,
                &clock,
                scenario.ctx(),
            );
            received = received + coin.value();
            destroy(coin);
        } else if (kind == 4) {
            let share = (op >> 16) % 10_001;
            let total = stake.total();
            let taken = staking::slash(
                &mut identity,
                &registry,
                &mut treasury,
                amount,
                fixtures::stranger(),
                share,
                &clock,
                scenario.ctx(),
            );
            assert!(taken <= amount && taken <= total);
            to_recipient = to_recipient + ((taken as u128) * (share as u128) / 10_000 as u64);
        };
        let stake = identity.stake();
        assert_eq!(
            stake.active() + stake.unstaking() + stake.slashed() + stake.burned() + stake.withdrawn(),
            stake.deposited(),
        );
        assert_eq!(received, stake.withdrawn());
        assert_eq!(supply_before - currency.total_supply().destroy_some(), stake.burned());
        assert_eq!(to_recipient + treasury.balance<HASH>() - treasury_before, stake.slashed());
    });
    fixtures::return_currency(currency);
    ts::return_shared(treasury);
    put(identity, registry);
    finish(scenario, clock);
}
