#[test_only]
module aihash::report_tests;

use aihash::fixtures::{Self, hash};
use aihash::hash::HASH;
use aihash::identity::Identity;
use aihash::market::{Self, Market, MarketCap};
use aihash::market_fixtures::{Self as mf, with_order};
use aihash::order::{Self, Order};
use aihash::registry::Registry;
use aihash::report::{Self, Report};
use aihash::treasury::Treasury;
use std::unit_test::{assert_eq, destroy};
use sui::clock::Clock;
use sui::coin::Coin;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

const DAY_MS: u64 = 86_400_000;
/// What the 16 honest shares at 16 hashes each cost at the test price: 256 hashes × 0.2.
const HONEST_COST: u64 = 51;

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

fun take_report(scenario: &Scenario, id: ID): Report { scenario.take_shared_by_id<Report>(id) }

// === Submit ===

#[test]
fun a_report_reserves_what_its_work_costs() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let report = take_report(&scenario, report_id);
    assert_eq!(report.shares(), 16);
    assert_eq!(report.work(), 256);
    assert_eq!(report.amount(), HONEST_COST);
    assert_eq!((order::cost(256, mf::price()) as u64), HONEST_COST);
    assert!(!report.capped());
    assert_eq!(report.keeper_id(), world.keeper());
    assert_eq!(report.provider_id(), world.provider());
    assert_eq!(report.dispute_deadline_ms(), clock.timestamp_ms() + DAY_MS);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert_eq!(order.reserved(), HONEST_COST);
    assert_eq!(order.escrow(), 10_000 - HONEST_COST);
    assert_eq!(order.fill(fill).fill_reported_until_ms(), mf::window_end_ms());
    assert_eq!(order.reported_ms(), 600_000);
    ts::return_shared(order);
    ts::return_shared(report);
    finish(scenario, clock);
}

#[test]
fun a_report_beyond_the_escrow_takes_what_is_left_and_exhausts_the_order() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 40);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let report = take_report(&scenario, report_id);
    assert_eq!(report.amount(), 40);
    assert!(report.capped());
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert_eq!(order.state(), order::state_exhausted());
    assert_eq!(order.escrow(), 0);
    ts::return_shared(order);
    ts::return_shared(report);
    // A top-up makes it active again.
    with_order!(&mut scenario, order_id, mf::buyer(), |order, _market, ctx| {
        order.top_up(sui::coin::mint_for_testing<SUI>(5_000, ctx), ctx);
        assert!(order.is_active());
    });
    finish(scenario, clock);
}

#[test]
fun a_dead_pool_ends_the_order_with_a_refund() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    // 3 of 10 minutes dead: over the 20% threshold.
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        180_000,
    );
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert_eq!(order.end_reason(), option::some(order::reason_pool_dead()));
    assert_eq!(order.reserved(), HONEST_COST);
    assert_eq!(order.refunded(), 10_000 - HONEST_COST);
    ts::return_shared(order);
    let refund = ts::take_from_address<Coin<SUI>>(&scenario, mf::buyer());
    assert_eq!(refund.value(), 10_000 - HONEST_COST);
    destroy(refund);
    finish(scenario, clock);
}

#[test]
fun dead_time_under_the_threshold_keeps_the_order() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        120_000,
    );
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert!(order.is_active());
    assert_eq!(order.dead_ms(), 120_000);
    ts::return_shared(order);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = report::EWindowOverlaps)]
fun a_window_is_reported_once() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    abort
}

#[test, expected_failure(abort_code = report::EWrongDifficulty)]
fun a_report_cannot_claim_a_higher_difficulty() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        32,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

/// Raising D after the window: the window keeps the D fixed before it started.
#[test, expected_failure(abort_code = report::EWrongDifficulty)]
fun a_difficulty_raised_after_the_window_does_not_apply_to_it() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() + 1);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.set_difficulty(fill, &keeper, 1_024, clock.timestamp_ms(), &clock, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(keeper);
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        1_024,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

#[test]
fun a_difficulty_change_applies_from_the_next_window() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.set_difficulty(fill, &keeper, 64, clock.timestamp_ms(), &clock, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(keeper);
    clock.set_for_testing(mf::window_end_ms() + 600_000);
    // The window under way when D changed keeps the old D; the next one uses the new D.
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    let next = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_end_ms(),
        mf::window_end_ms() + 600_000,
        4,
        64,
        mf::window_root(b"honest"),
        0,
    );
    let report = take_report(&scenario, next);
    assert_eq!(report.difficulty(), 64);
    assert_eq!(report.work(), 256);
    ts::return_shared(report);
    finish(scenario, clock);
}

/// A window under way when D changes must end by the change: otherwise the keeper could pick,
/// after seeing the shares, on which side of the change its window starts.
#[test, expected_failure(abort_code = order::EWindowSpansDifficultyChange)]
fun a_window_spanning_a_scheduled_difficulty_change_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let change_ms = mf::window_start_ms() + 300_000;
    clock.set_for_testing(change_ms);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.set_difficulty(fill, &keeper, 64, clock.timestamp_ms(), &clock, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(keeper);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        change_ms - 1,
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

/// The keeper schedules D `difficulty` for the fill's windows from `from_ms`, at the clock's time.
fun schedule(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &mf::World,
    order_id: ID,
    fill: u64,
    difficulty: u128,
    from_ms: u64,
) {
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.set_difficulty(fill, &keeper, difficulty, from_ms, clock, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(keeper);
}

/// A keeper that sees its pool's difficulty rise mid-window names the next window boundary: the
/// window under way keeps its D and its full length, the next one counts at the new D.
#[test]
fun a_change_named_for_the_next_boundary_leaves_the_window_under_way_whole() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_start_ms() + 300_000);
    schedule(&mut scenario, &clock, &world, order_id, fill, 64, mf::window_end_ms());
    clock.set_for_testing(mf::window_end_ms() + 600_000);
    let start = mf::window_start_ms();
    let end = mf::window_end_ms();
    let honest = mf::window_root(b"honest");
    let first = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        start,
        end,
        16,
        16,
        honest,
        0,
    );
    let next = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        end,
        end + 600_000,
        4,
        64,
        honest,
        0,
    );
    let first = take_report(&scenario, first);
    let next = take_report(&scenario, next);
    assert_eq!(first.difficulty(), 16);
    assert_eq!(next.difficulty(), 64);
    ts::return_shared(first);
    ts::return_shared(next);
    finish(scenario, clock);
}

/// D is fixed before the shares it counts exist: never from a time already past.
#[test, expected_failure(abort_code = order::EDifficultyChangeInPast)]
fun a_difficulty_change_cannot_start_in_the_past() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    schedule(&mut scenario, &clock, &world, order_id, fill, 64, mf::window_end_ms() - 1);
    abort
}

/// A change in effect (its time reached, no window from it reported yet) cannot be replaced:
/// otherwise the keeper could pick, after the fact, which D counted the time since.
#[test, expected_failure(abort_code = order::EDifficultyChangeUnderWay)]
fun a_difficulty_change_in_effect_cannot_be_replaced() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_start_ms() + 1);
    schedule(&mut scenario, &clock, &world, order_id, fill, 64, mf::window_start_ms() + 1);
    clock.set_for_testing(mf::window_start_ms() + 2);
    schedule(&mut scenario, &clock, &world, order_id, fill, 128, mf::window_end_ms());
    abort
}

/// A change not in effect yet can be replaced: the windows from its time count at the last one.
#[test]
fun a_pending_difficulty_change_can_be_replaced_before_its_time() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_start_ms() + 1);
    schedule(&mut scenario, &clock, &world, order_id, fill, 64, mf::window_end_ms());
    schedule(&mut scenario, &clock, &world, order_id, fill, 128, mf::window_end_ms());
    clock.set_for_testing(mf::window_end_ms() + 600_000);
    let end = mf::window_end_ms();
    let honest = mf::window_root(b"honest");
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        end,
        16,
        16,
        honest,
        0,
    );
    let next = mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        end,
        end + 600_000,
        2,
        128,
        honest,
        0,
    );
    let next = take_report(&scenario, next);
    assert_eq!(next.difficulty(), 128);
    assert_eq!(next.work(), 256);
    ts::return_shared(next);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = order::EOrderEnded)]
fun a_fill_of_an_ended_order_cannot_be_released() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() + DAY_MS);
    with_order!(&mut scenario, order_id, mf::buyer(), |order, market, ctx| {
        destroy(order.cancel(market, &clock, ctx));
    });
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.release_fill(fill, &keeper, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = report::EEmptyWindow)]
fun an_empty_window_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_start_ms(),
        0,
        16,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

#[test, expected_failure(abort_code = report::EWindowTooLong)]
fun a_window_over_a_day_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_start_ms() + DAY_MS + 1);
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_start_ms() + DAY_MS + 1,
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

#[test, expected_failure(abort_code = report::EWindowInFuture)]
fun a_window_still_under_way_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() - 1);
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

#[test, expected_failure(abort_code = report::EWindowOverlaps)]
fun a_window_before_the_fill_was_attached_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms() - 3_600_000,
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        0,
    );
    abort
}

#[test, expected_failure(abort_code = report::EWindowAfterFill)]
fun a_window_after_the_fill_was_released_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_start_ms() + 60_000);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    order.release_fill(fill, &keeper, &clock, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(keeper);
    mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    abort
}

#[test, expected_failure(abort_code = report::EInconsistentCounters)]
fun more_counted_shares_than_the_pool_accepted_are_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    report::submit(
        &mut order,
        &market,
        &mut keeper,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::all_counted(15),
        0,
        mf::window_root(b"honest"),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = report::EInconsistentCounters)]
fun counters_with_more_accepted_than_verified_are_refused() {
    report::new_counters(10, 5, 6, 0, 0, 0, 0);
}

#[test, expected_failure(abort_code = report::EInconsistentCounters)]
fun counters_with_more_rejections_than_submissions_are_refused() {
    report::new_counters(10, 5, 5, 3, 3, 3, 3);
}

#[test, expected_failure(abort_code = report::EDeadTimeTooLong)]
fun dead_time_longer_than_the_window_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::window_root(b"honest"),
        600_001,
    );
    abort
}

#[test, expected_failure(abort_code = report::ERootLength)]
fun a_short_root_is_refused() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    mf::submit(
        &mut scenario,
        &clock,
        &world,
        order_id,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        x"00",
        0,
    );
    abort
}

#[test, expected_failure(abort_code = report::ENotKeeperController)]
fun only_the_keepers_controller_reports() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms());
    scenario.next_tx(fixtures::stranger());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    report::submit(
        &mut order,
        &market,
        &mut keeper,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::all_counted(16),
        0,
        mf::window_root(b"honest"),
        &clock,
        scenario.ctx(),
    );
    abort
}

// === Settle ===

#[test]
fun settlement_pays_provider_keeper_and_treasury_after_the_dispute_window() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let treasury = scenario.take_shared_by_id<Treasury>(world.treasury());
    let treasury_before = treasury.balance<SUI>();
    ts::return_shared(treasury);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);

    // The 8% fee of 51 is 4 (rounded down); the keeper gets a quarter of it, the treasury the rest.
    let paid = ts::take_from_address<Coin<SUI>>(&scenario, fixtures::provider());
    assert_eq!(paid.value(), HONEST_COST - 4);
    let reward = ts::take_from_address<Coin<SUI>>(&scenario, fixtures::keeper());
    assert_eq!(reward.value(), 1);
    let treasury = scenario.take_shared_by_id<Treasury>(world.treasury());
    assert_eq!(treasury.balance<SUI>() - treasury_before, 3);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    assert_eq!(order.reserved(), 0);
    assert_eq!(
        order.paid_to_providers() + order.keeper_rewards() + order.treasury_fees(),
        HONEST_COST,
    );
    let report = take_report(&scenario, report_id);
    assert!(report.is_settled());
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let provider = scenario.take_shared_by_id<Identity>(world.provider());
    assert_eq!(keeper.reputation().reports_settled(), 1);
    assert_eq!(provider.reputation().reports_settled(), 1);
    destroy(vector[paid, reward]);
    ts::return_shared(treasury);
    ts::return_shared(order);
    ts::return_shared(report);
    ts::return_shared(keeper);
    ts::return_shared(provider);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = report::EDisputeWindowOpen)]
fun a_report_cannot_settle_during_its_dispute_window() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS - 1);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::ENotPending)]
fun a_report_settles_once() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = report::EWrongProvider)]
fun settlement_pays_only_the_reports_provider() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    let other = fixtures::new_identity(
        &mut scenario,
        fixtures::stranger(),
        aihash::identity::role_provider(),
        &clock,
    );
    let fake = mf::provider_world(&world, other);
    mf::settle(&mut scenario, &clock, &fake, order_id, report_id);
    abort
}

#[test, expected_failure(abort_code = aihash::registry::EWrongTreasury)]
fun fees_go_only_to_the_platform_treasury() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    scenario.next_tx(fixtures::stranger());
    let (mut other, cap) = aihash::treasury::new_for_testing(b"other".to_string(), scenario.ctx());
    let mut report = take_report(&scenario, report_id);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let registry = scenario.take_shared<Registry>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let mut provider = scenario.take_shared_by_id<Identity>(world.provider());
    report.settle(
        &mut order,
        &market,
        &registry,
        &mut other,
        &mut keeper,
        &mut provider,
        &clock,
        scenario.ctx(),
    );
    destroy(cap);
    abort
}

#[test]
fun a_keeper_reporting_its_own_rigs_settles_with_settle_own() {
    let (mut scenario, mut clock, world) = mf::setup();
    let order_id = mf::new_order(&mut scenario, &clock, 10_000);
    let both = mf::own_world(&mut scenario, &clock, fixtures::stranger(), world.treasury());
    let own = both.keeper();
    let fill = mf::attach(&mut scenario, &clock, &both, order_id);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    scenario.next_tx(fixtures::stranger());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut identity = scenario.take_shared_by_id<Identity>(own);
    let report_id = report::submit(
        &mut order,
        &market,
        &mut identity,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        mf::all_counted(16),
        0,
        mf::window_root(b"honest"),
        &clock,
        scenario.ctx(),
    );
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(identity);
    clock.set_for_testing(mf::window_end_ms() + 60_000 + DAY_MS);
    scenario.next_tx(fixtures::keeper());
    let mut report = take_report(&scenario, report_id);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let registry = scenario.take_shared<Registry>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(both.treasury());
    let mut identity = scenario.take_shared_by_id<Identity>(own);
    report.settle_own(
        &mut order,
        &market,
        &registry,
        &mut treasury,
        &mut identity,
        &clock,
        scenario.ctx(),
    );
    assert!(report.is_settled());
    assert_eq!(identity.reputation().reports_settled(), 1);
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(registry);
    ts::return_shared(treasury);
    ts::return_shared(identity);
    finish(scenario, clock);
}

// === Market parameters ===

#[test]
fun the_market_cap_changes_parameters_within_range() {
    let (mut scenario, clock, _) = mf::setup();
    scenario.next_tx(fixtures::publisher());
    let mut market = scenario.take_shared<Market>();
    let cap = scenario.take_from_sender<MarketCap>();
    market.set_fees(&cap, 500, 5_000);
    market.set_dispute_terms(&cap, 3_600_000, 600_000, 64, 1, 0);
    market.set_stake_terms(&cap, 1, 10_000, 0);
    market.set_order_terms(&cap, 10_000, 0, 60_000, 0);
    market.set_window_terms(&cap, 60_000, 600_000);
    let params = market.params();
    assert_eq!(params.platform_fee_bps(), 500);
    assert_eq!(params.keeper_share_bps(), 5_000);
    assert_eq!(params.samples_per_challenge(), 64);
    assert_eq!(params.keeper_slash_bps(), 10_000);
    assert_eq!(params.dead_time_threshold_bps(), 10_000);
    assert_eq!(params.max_window_ms(), 60_000);
    market.disallow_coin<SUI>(&cap);
    assert!(!market.accepts<SUI>());
    ts::return_shared(market);
    scenario.return_to_sender(cap);
    finish(scenario, clock);
}

/// Runs `f` with the market and its cap.
macro fun with_market_cap($scenario: &mut Scenario, $f: |&mut Market, &MarketCap|) {
    let scenario = $scenario;
    scenario.next_tx(fixtures::publisher());
    let mut market = scenario.take_shared<Market>();
    let cap = scenario.take_from_sender<MarketCap>();
    $f(&mut market, &cap);
    ts::return_shared(market);
    scenario.return_to_sender(cap);
}

#[test, expected_failure(abort_code = market::EFeeOutOfRange)]
fun a_platform_fee_over_20_percent_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(&mut scenario, |market, cap| market.set_fees(cap, 2_001, 0));
    abort
}

#[test, expected_failure(abort_code = market::EDisputeTermsOutOfRange)]
fun more_than_64_samples_are_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(
        &mut scenario,
        |market, cap| market.set_dispute_terms(cap, 3_600_000, 600_000, 65, 1, 0),
    );
    abort
}

#[test, expected_failure(abort_code = market::EDisputeTermsOutOfRange)]
fun a_dispute_window_under_an_hour_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(
        &mut scenario,
        |market, cap| market.set_dispute_terms(cap, 3_599_999, 600_000, 16, 1, 0),
    );
    abort
}

#[test, expected_failure(abort_code = market::EStakeTermsOutOfRange)]
fun a_slash_rate_over_100_percent_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(&mut scenario, |market, cap| market.set_stake_terms(cap, 1, 10_001, 0));
    abort
}

#[test, expected_failure(abort_code = market::EOrderTermsOutOfRange)]
fun a_zero_dead_time_threshold_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(&mut scenario, |market, cap| market.set_order_terms(cap, 0, 0, 60_000, 0));
    abort
}

#[test, expected_failure(abort_code = market::EWindowTermsOutOfRange)]
fun a_tip_age_over_a_day_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(&mut scenario, |market, cap| market.set_window_terms(cap, 60_000, 86_400_001));
    abort
}

#[test, expected_failure(abort_code = market::EZeroMinimum)]
fun a_coin_without_minimum_order_value_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    with_market_cap!(&mut scenario, |market, cap| market.allow_coin<HASH>(cap, 0));
    abort
}

#[test, expected_failure(abort_code = market::EWrongMarketCap)]
fun another_markets_cap_is_refused() {
    let (mut scenario, _clock, _) = mf::setup();
    market::init_for_testing(scenario.ctx());
    scenario.next_tx(fixtures::publisher());
    let caps = scenario.ids_for_sender<MarketCap>();
    let mut market = scenario.take_shared<Market>();
    caps.do!(|id| {
        let cap = scenario.take_from_sender_by_id<MarketCap>(id);
        market.set_fees(&cap, 1, 1);
        scenario.return_to_sender(cap);
    });
    abort
}
