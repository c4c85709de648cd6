#[test_only]
module aihash::order_tests;

use aihash::fixtures::{Self, hash};
use aihash::golden;
use aihash::hash::HASH;
use aihash::identity::Identity;
use aihash::market::{Self, Market};
use aihash::market_fixtures::{Self as mf, with_order};
use aihash::order::{Self, Order};
use aihash::registry::Registry;
use aihash::staking;
use std::unit_test::{assert_eq, destroy};
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

const MINUTE_MS: u64 = 60_000;

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

/// Creates an order with the given terms as the buyer (for failure tests).
fun create<C>(
    scenario: &mut Scenario,
    clock: &Clock,
    escrow: u64,
    price: u64,
    cap: u64,
    expiry_ms: u64,
    url: vector<u8>,
    worker: vector<u8>,
    payout: vector<u8>,
) {
    scenario.next_tx(mf::buyer());
    let market = scenario.take_shared<Market>();
    let order = order::new<C>(
        &market,
        url.to_string(),
        worker.to_string(),
        payout,
        price,
        cap,
        coin::mint_for_testing<C>(escrow, scenario.ctx()),
        expiry_ms,
        clock,
        scenario.ctx(),
    );
    order.share();
    ts::return_shared(market);
}

fun create_sui(scenario: &mut Scenario, clock: &Clock, escrow: u64) {
    create<SUI>(
        scenario,
        clock,
        escrow,
        1,
        1,
        mf::window_end_ms(),
        b"stratum+tcp://p:1",
        b"w",
        b"payout",
    )
}

// === Create ===

#[test]
fun an_order_escrows_the_buyers_coins_with_its_terms() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    let order = scenario.take_shared_by_id<Order<SUI>>(id);
    assert_eq!(order.buyer(), mf::buyer());
    assert_eq!(order.escrow(), 5_000);
    assert_eq!(order.deposited(), 5_000);
    assert_eq!(order.price(), mf::price());
    assert_eq!(order.hashrate_cap(), 1_000_000_000_000);
    assert_eq!(order.pool().pool_payout(), golden::named(b"shares_pool_payout"));
    assert_eq!(order.pool().pool_url(), b"stratum+tcp://pool.example:3333".to_string());
    assert!(order.is_active());
    ts::return_shared(order);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = order::EBelowMinimum)]
fun an_order_below_the_minimum_value_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create_sui(&mut scenario, &clock, 9);
    abort
}

#[test, expected_failure(abort_code = market::ECoinNotAllowed)]
fun an_order_in_a_coin_the_market_does_not_accept_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create<HASH>(
        &mut scenario,
        &clock,
        hash(10),
        1,
        1,
        mf::window_end_ms(),
        b"stratum+tcp://p:1",
        b"w",
        b"payout",
    );
    abort
}

#[test, expected_failure(abort_code = order::EZeroPrice)]
fun an_order_without_a_price_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create<SUI>(
        &mut scenario,
        &clock,
        5_000,
        0,
        1,
        mf::window_end_ms(),
        b"stratum+tcp://p:1",
        b"w",
        b"payout",
    );
    abort
}

#[test, expected_failure(abort_code = order::EZeroHashrate)]
fun an_order_without_a_hashrate_cap_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create<SUI>(
        &mut scenario,
        &clock,
        5_000,
        1,
        0,
        mf::window_end_ms(),
        b"stratum+tcp://p:1",
        b"w",
        b"payout",
    );
    abort
}

#[test, expected_failure(abort_code = order::EExpiryPassed)]
fun an_order_expiring_in_the_past_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    let now = clock.timestamp_ms();
    create<SUI>(&mut scenario, &clock, 5_000, 1, 1, now, b"stratum+tcp://p:1", b"w", b"payout");
    abort
}

#[test, expected_failure(abort_code = order::EBadPoolUrl)]
fun a_pool_url_with_spaces_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create<SUI>(
        &mut scenario,
        &clock,
        5_000,
        1,
        1,
        mf::window_end_ms(),
        b"stratum tcp",
        b"w",
        b"payout",
    );
    abort
}

#[test, expected_failure(abort_code = order::EBadWorker)]
fun an_empty_worker_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create<SUI>(
        &mut scenario,
        &clock,
        5_000,
        1,
        1,
        mf::window_end_ms(),
        b"stratum+tcp://p:1",
        b"",
        b"payout",
    );
    abort
}

#[test, expected_failure(abort_code = order::EBadPayout)]
fun empty_payout_bytes_are_refused() {
    let (mut scenario, clock, _) = mf::setup();
    create<SUI>(
        &mut scenario,
        &clock,
        5_000,
        1,
        1,
        mf::window_end_ms(),
        b"stratum+tcp://p:1",
        b"w",
        b"",
    );
    abort
}

// === Top up and price ===

#[test]
fun the_buyer_tops_up_and_reprices_within_the_limits() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    let now = clock.timestamp_ms();
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        order.top_up(coin::mint_for_testing<SUI>(1_000, ctx), ctx);
        assert_eq!(order.escrow(), 6_000);
        assert_eq!(order.deposited(), 6_000);
        // Up freely, down by at most 10% per 10 minutes.
        let price = order.price();
        order.set_price(market, price / 10 * 9, &clock, ctx);
        order.set_price(market, price, &clock, ctx);
        assert_eq!(order.price(), price);
    });
    clock.set_for_testing(now + 10 * MINUTE_MS);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        let price = order.price();
        order.set_price(market, price / 10 * 9, &clock, ctx);
        assert_eq!(order.price(), price / 10 * 9);
    });
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = order::EPriceDecreaseTooLarge)]
fun a_price_cut_over_the_limit_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        let floor = order.price() / 10 * 9;
        order.set_price(market, floor - 1, &clock, ctx);
    });
    abort
}

#[test, expected_failure(abort_code = order::EPriceDecreaseTooSoon)]
fun a_second_price_cut_within_the_interval_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        let price = order.price();
        order.set_price(market, price - 1, &clock, ctx);
        order.set_price(market, price - 2, &clock, ctx);
    });
    abort
}

#[test, expected_failure(abort_code = order::ESamePrice)]
fun repricing_to_the_same_price_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        let price = order.price();
        order.set_price(market, price, &clock, ctx);
    });
    abort
}

#[test, expected_failure(abort_code = order::EZeroPrice)]
fun repricing_to_zero_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        order.set_price(market, 0, &clock, ctx);
    });
    abort
}

#[test, expected_failure(abort_code = order::ENotBuyer)]
fun only_the_buyer_reprices() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, fixtures::stranger(), |order, market, ctx| {
        order.set_price(market, 5, &clock, ctx);
    });
    abort
}

#[test, expected_failure(abort_code = order::ENotBuyer)]
fun only_the_buyer_tops_up() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, fixtures::stranger(), |order, _market, ctx| {
        order.top_up(coin::mint_for_testing<SUI>(1, ctx), ctx);
    });
    abort
}

#[test, expected_failure(abort_code = order::EZeroTopUp)]
fun an_empty_top_up_is_refused() {
    let (mut scenario, clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    with_order!(&mut scenario, id, mf::buyer(), |order, _market, ctx| {
        order.top_up(coin::zero<SUI>(ctx), ctx);
    });
    abort
}

// === Cancel and expire ===

#[test]
fun cancelling_after_the_grace_period_refunds_the_escrow() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 10 * MINUTE_MS);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        let refund = order.cancel(market, &clock, ctx);
        assert_eq!(refund.value(), 5_000);
        assert_eq!(order.end_reason(), option::some(order::reason_cancelled()));
        assert_eq!(order.refunded(), 5_000);
        assert_eq!(order.escrow(), 0);
        destroy(refund);
    });
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = order::ECancelGrace)]
fun cancelling_within_the_grace_period_is_refused() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 10 * MINUTE_MS - 1);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        destroy(order.cancel(market, &clock, ctx));
    });
    abort
}

#[test, expected_failure(abort_code = order::ENotBuyer)]
fun only_the_buyer_cancels() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 10 * MINUTE_MS);
    with_order!(&mut scenario, id, fixtures::stranger(), |order, market, ctx| {
        destroy(order.cancel(market, &clock, ctx));
    });
    abort
}

#[test, expected_failure(abort_code = order::EOrderEnded)]
fun an_ended_order_takes_no_top_up() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 10 * MINUTE_MS);
    with_order!(&mut scenario, id, mf::buyer(), |order, market, ctx| {
        destroy(order.cancel(market, &clock, ctx));
        order.top_up(coin::mint_for_testing<SUI>(1, ctx), ctx);
    });
    abort
}

#[test]
fun anyone_expires_an_order_past_its_expiry_and_the_buyer_is_refunded() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    clock.set_for_testing(mf::window_end_ms() + 86_400_000);
    with_order!(&mut scenario, id, fixtures::stranger(), |order, _market, ctx| {
        order.expire(&clock, ctx);
        assert_eq!(order.end_reason(), option::some(order::reason_expired()));
    });
    let refund = ts::take_from_address<Coin<SUI>>(&scenario, mf::buyer());
    assert_eq!(refund.value(), 5_000);
    destroy(refund);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = order::ENotExpired)]
fun an_order_cannot_expire_early() {
    let (mut scenario, mut clock, _) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    clock.set_for_testing(mf::window_end_ms() + 86_400_000 - 1);
    with_order!(&mut scenario, id, fixtures::stranger(), |order, _market, ctx| {
        order.expire(&clock, ctx);
    });
    abort
}

// === Fills ===

#[test]
fun a_keeper_attaches_a_provider_within_the_cap() {
    let (mut scenario, clock, world) = mf::setup();
    let (id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 5_000);
    let order = scenario.take_shared_by_id<Order<SUI>>(id);
    let entry = order.fill(fill);
    assert_eq!(fill, 0);
    assert_eq!(entry.fill_keeper_id(), world.keeper());
    assert_eq!(entry.fill_provider_id(), world.provider());
    assert_eq!(entry.fill_difficulty(), mf::difficulty());
    assert_eq!(order.committed_hashrate(), 100_000_000_000);
    ts::return_shared(order);
    finish(scenario, clock);
}

/// Runs `attach_fill` as the keeper with the given hashrate and difficulty.
fun attach_as(
    scenario: &mut Scenario,
    clock: &Clock,
    keeper_id: ID,
    provider_id: ID,
    order_id: ID,
    sender: address,
    hashrate: u64,
    difficulty: u128,
) {
    scenario.next_tx(sender);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let keeper = scenario.take_shared_by_id<Identity>(keeper_id);
    let provider = scenario.take_shared_by_id<Identity>(provider_id);
    order.attach_fill(&market, &keeper, &provider, hashrate, difficulty, clock, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    ts::return_shared(provider);
}

#[test, expected_failure(abort_code = order::EOverCap)]
fun fills_cannot_exceed_the_hashrate_cap() {
    let (mut scenario, clock, world) = mf::setup();
    let (id, _) = mf::order_with_fill(&mut scenario, &clock, &world, 5_000);
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::keeper(),
        900_000_000_001,
        16,
    );
    abort
}

#[test, expected_failure(abort_code = order::ENotKeeperController)]
fun only_the_keepers_controller_attaches() {
    let (mut scenario, clock, world) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::stranger(),
        1,
        16,
    );
    abort
}

#[test, expected_failure(abort_code = order::EKeeperNotEligible)]
fun a_keeper_below_the_market_stake_cannot_attach() {
    let (mut scenario, clock, world) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    scenario.next_tx(fixtures::keeper());
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let registry = scenario.take_shared<Registry>();
    staking::request_unstake(&mut keeper, &registry, 1_001 * 1_000_000_000, &clock, scenario.ctx());
    ts::return_shared(keeper);
    ts::return_shared(registry);
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::keeper(),
        1,
        16,
    );
    abort
}

#[test, expected_failure(abort_code = order::EProviderNotEligible)]
fun a_paused_provider_cannot_be_attached() {
    let (mut scenario, clock, world) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    scenario.next_tx(fixtures::provider());
    let mut provider = scenario.take_shared_by_id<Identity>(world.provider());
    provider.pause(&clock, scenario.ctx());
    ts::return_shared(provider);
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::keeper(),
        1,
        16,
    );
    abort
}

#[test, expected_failure(abort_code = order::EZeroDifficulty)]
fun a_fill_without_a_share_difficulty_is_refused() {
    let (mut scenario, clock, world) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::keeper(),
        1,
        0,
    );
    abort
}

#[test, expected_failure(abort_code = order::EZeroHashrate)]
fun a_fill_without_hashrate_is_refused() {
    let (mut scenario, clock, world) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::keeper(),
        0,
        16,
    );
    abort
}

#[test, expected_failure(abort_code = order::EOrderNotActive)]
fun an_ended_order_takes_no_fills() {
    let (mut scenario, mut clock, world) = mf::setup();
    let id = mf::new_order(&mut scenario, &clock, 5_000);
    clock.set_for_testing(mf::window_end_ms() + 86_400_000);
    with_order!(
        &mut scenario,
        id,
        fixtures::stranger(),
        |order, _market, ctx| order.expire(&clock, ctx),
    );
    attach_as(
        &mut scenario,
        &clock,
        world.keeper(),
        world.provider(),
        id,
        fixtures::keeper(),
        1,
        16,
    );
    abort
}

#[test]
fun releasing_a_fill_frees_its_hashrate_and_a_new_difficulty_waits_for_the_next_window() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 5_000);
    clock.set_for_testing(mf::window_start_ms() + 1);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.set_difficulty(fill, &keeper, 64, clock.timestamp_ms(), &clock, scenario.ctx());
    let entry = order.fill(fill);
    // Still the old D; the new one from now on.
    assert_eq!(entry.fill_difficulty(), mf::difficulty());
    assert!(entry.fill_next_difficulty().is_some());
    order.release_fill(fill, &keeper, &clock, scenario.ctx());
    assert_eq!(order.committed_hashrate(), 0);
    assert_eq!(order.fill(fill).fill_released_ms(), mf::window_start_ms() + 1);
    ts::return_shared(order);
    ts::return_shared(keeper);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = order::EFillReleased)]
fun a_released_fill_cannot_be_released_again() {
    let (mut scenario, clock, world) = mf::setup();
    let (id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 5_000);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.release_fill(fill, &keeper, &clock, scenario.ctx());
    order.release_fill(fill, &keeper, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = order::EUnknownFill)]
fun an_unknown_fill_is_named() {
    let (mut scenario, clock, world) = mf::setup();
    let (id, _) = mf::order_with_fill(&mut scenario, &clock, &world, 5_000);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.release_fill(7, &keeper, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = order::EWrongKeeper)]
fun another_keeper_cannot_touch_the_fill() {
    let (mut scenario, clock, world) = mf::setup();
    let (id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 5_000);
    let other = fixtures::active_keeper(&mut scenario, fixtures::stranger(), hash(2_000), &clock);
    scenario.next_tx(fixtures::stranger());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(id);
    let keeper = scenario.take_shared_by_id<Identity>(other);
    order.set_difficulty(fill, &keeper, 64, clock.timestamp_ms(), &clock, scenario.ctx());
    abort
}
