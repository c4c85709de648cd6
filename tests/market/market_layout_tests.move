/// The BCS layout of the market's objects and of every event of its transitions, pinned to
/// golden/vectors.json, which the Rust bindings decode.
#[test_only]
module aihash::market_layout_tests;

use aihash::fixtures;
use aihash::golden;
use aihash::identity::Identity;
use aihash::market::{Self, Market, MarketCap};
use aihash::market_fixtures::{Self as mf, with_order};
use aihash::order::{Self, Order};
use aihash::registry::Registry;
use aihash::report::{Self, Report};
use aihash::share_tree;
use aihash::tips::{Self, TipFeed};
use aihash::treasury::Treasury;
use std::unit_test::destroy;
use sui::coin;
use sui::event;
use sui::sui::SUI;
use sui::test_scenario as ts;

const DAY_MS: u64 = 86_400_000;

#[test]
fun market_and_tip_feed_layouts_match_golden_bytes() {
    let mut scenario = ts::begin(fixtures::publisher());
    market::init_for_testing(scenario.ctx());
    golden::check(&event::events_by_type<market::MarketCreated>()[0], b"market_created");
    tips::init_for_testing(scenario.ctx());
    scenario.next_tx(fixtures::publisher());
    let mut market = scenario.take_shared<Market>();
    let cap = scenario.take_from_sender<MarketCap>();
    golden::check(&market, b"market_object");
    market.allow_coin<SUI>(&cap, 1_000);
    golden::check(
        &event::events_by_type<market::CoinTermsChanged>()[0],
        b"market_coin_terms_changed",
    );
    market.set_fees(&cap, 500, 2_500);
    golden::check(
        &event::events_by_type<market::MarketParamsChanged>()[0],
        b"market_params_changed",
    );
    let mut feed = scenario.take_shared<TipFeed>();
    feed.add_feeder(&market, &cap, fixtures::publisher());
    golden::check(&event::events_by_type<tips::FeedersChanged>()[0], b"tips_feeders_changed");
    let clock = fixtures::clock_at(&mut scenario, 1_750_000_000_000);
    feed.post(golden::named(b"shares_tip"), 900_000, &clock, scenario.ctx());
    golden::check(&event::events_by_type<tips::TipPosted>()[0], b"tips_tip_posted");
    ts::return_shared(feed);
    ts::return_shared(market);
    scenario.return_to_sender(cap);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun order_layouts_match_golden_bytes() {
    let (mut scenario, mut clock, world) = mf::setup();
    scenario.next_tx(mf::buyer());
    let market = scenario.take_shared<Market>();
    let order = order::new<SUI>(
        &market,
        b"stratum+tcp://pool.example:3333".to_string(),
        b"buyer.rig".to_string(),
        golden::named(b"shares_pool_payout"),
        mf::price(),
        1_000_000_000_000,
        coin::mint_for_testing<SUI>(60, scenario.ctx()),
        mf::window_end_ms() + DAY_MS,
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<order::OrderCreated>()[0], b"order_created");
    let order_id = object::id(&order);
    order.share();
    ts::return_shared(market);

    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let provider = scenario.take_shared_by_id<Identity>(world.provider());
    let fill = order.attach_fill(
        &market,
        &keeper,
        &provider,
        100_000_000_000,
        mf::difficulty(),
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<order::FillAttached>()[0], b"order_fill_attached");
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    ts::return_shared(provider);
    scenario.next_tx(fixtures::keeper());
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    golden::check(&order, b"order_object");
    ts::return_shared(order);

    with_order!(&mut scenario, order_id, mf::buyer(), |order, market, ctx| {
        order.top_up(coin::mint_for_testing<SUI>(5, ctx), ctx);
        golden::check(&event::events_by_type<order::OrderToppedUp>()[0], b"order_topped_up");
        let price = order.price();
        order.set_price(market, price - 1, &clock, ctx);
        golden::check(&event::events_by_type<order::OrderRepriced>()[0], b"order_repriced");
    });
    // The first window costs 51 of the 65 escrowed; the second, as much again, exhausts it.
    mf::submit_window(&mut scenario, &mut clock, &world, order_id, fill, b"honest");
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    // The change applies from now on; the next window ends by it, so it keeps the old D.
    let change_ms = clock.timestamp_ms();
    order.set_difficulty(fill, &keeper, 64, clock.timestamp_ms(), &clock, scenario.ctx());
    golden::check(
        &event::events_by_type<order::FillDifficultyScheduled>()[0],
        b"order_fill_difficulty_scheduled",
    );
    ts::return_shared(order);
    ts::return_shared(keeper);
    clock.set_for_testing(mf::window_end_ms() + 11 * 60_000);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    report::submit(
        &mut order,
        &market,
        &mut keeper,
        fill,
        mf::window_end_ms(),
        change_ms,
        16,
        16,
        mf::all_counted(16),
        0,
        mf::window_root(b"honest"),
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<order::OrderExhausted>()[0], b"order_exhausted");
    order.release_fill(fill, &keeper, &clock, scenario.ctx());
    golden::check(&event::events_by_type<order::FillReleased>()[0], b"order_fill_released");
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    scenario.next_tx(mf::buyer());
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    with_order!(&mut scenario, order_id, mf::buyer(), |order, market, ctx| {
        destroy(order.cancel(market, &clock, ctx));
        golden::check(&event::events_by_type<order::OrderEnded>()[0], b"order_ended");
    });
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun report_layouts_match_golden_bytes() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    clock.set_for_testing(mf::window_end_ms() + 60_000);
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let report_id = report::submit(
        &mut order,
        &market,
        &mut keeper,
        fill,
        mf::window_start_ms(),
        mf::window_end_ms(),
        16,
        16,
        report::new_counters(20, 18, 16, 1, 1, 0, 2),
        30_000,
        mf::window_root(b"honest"),
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<report::ReportSubmitted>()[0], b"report_submitted");
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    scenario.next_tx(fixtures::keeper());
    let report = scenario.take_shared_by_id<Report>(report_id);
    golden::check(&report, b"report_object");
    ts::return_shared(report);

    mf::challenge(&mut scenario, &clock, order_id, report_id);
    // Answer every sampled index but the last drawn one; its answer closes the challenge and is
    // checked in its own transaction.
    let samples = mf::samples(&mut scenario, report_id);
    let last = samples.length() - 1;
    let index = samples[last];
    samples.length().do!(|position| {
        if (samples[position] != index && !answered(&mut scenario, report_id, position)) {
            mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"honest", position);
        }
    });
    let leaves = mf::window_leaves(b"honest");
    let (next, next_proof) = if (index + 1 < 16) {
        (mf::window_header(b"honest", index + 1), share_tree::proof_for_testing(&leaves, index + 1))
    } else (vector[], vector[]);
    scenario.next_tx(fixtures::keeper());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let feed = scenario.take_shared<TipFeed>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let registry = scenario.take_shared<Registry>();
    report.answer(
        &order,
        &market,
        &feed,
        &mut keeper,
        &registry,
        last,
        mf::window_header(b"honest", index),
        share_tree::proof_for_testing(&leaves, index),
        next,
        next_proof,
        mf::window_coinbase(b"honest", index),
        mf::branch(),
        &clock,
        scenario.ctx(),
    );
    assert!(!report.is_challenged());
    golden::check(&event::events_by_type<report::SampleAnswered>()[0], b"report_sample_answered");
    golden::check(
        &event::events_by_type<report::ChallengeAnswered>()[0],
        b"report_challenge_answered",
    );
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(feed);
    ts::return_shared(keeper);
    ts::return_shared(registry);

    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    scenario.next_tx(fixtures::stranger());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let registry = scenario.take_shared<Registry>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(world.treasury());
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let mut provider = scenario.take_shared_by_id<Identity>(world.provider());
    report.settle(
        &mut order,
        &market,
        &registry,
        &mut treasury,
        &mut keeper,
        &mut provider,
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<report::ReportSettled>()[0], b"report_settled");
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(registry);
    ts::return_shared(treasury);
    ts::return_shared(keeper);
    ts::return_shared(provider);
    clock.destroy_for_testing();
    scenario.end();
}

fun answered(scenario: &mut ts::Scenario, report_id: ID, position: u64): bool {
    scenario.next_tx(fixtures::stranger());
    let report = scenario.take_shared_by_id<Report>(report_id);
    let answered = !report.is_challenged() || report.sample_answered(position);
    ts::return_shared(report);
    scenario.next_tx(fixtures::stranger());
    answered
}

#[test]
fun challenge_events_match_golden_bytes() {
    let (mut scenario, mut clock, world) = mf::setup();
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);
    let report_id = mf::submit_window(
        &mut scenario,
        &mut clock,
        &world,
        order_id,
        fill,
        b"half_fake",
    );
    // Open, answer one sample, and expire: the events of each step, checked in the transaction
    // that emitted them.
    scenario.next_tx(mf::buyer());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let random = scenario.take_shared<sui::random::Random>();
    report.challenge_for_testing(&order, &market, &random, &clock, scenario.ctx());
    golden::check(&event::events_by_type<report::ChallengeOpened>()[0], b"report_challenge_opened");
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(random);
    let mut position = 0;
    scenario.next_tx(fixtures::keeper());
    while (!mf::answerable(&mut scenario, report_id, b"half_fake", position)) position =
        position + 1;
    mf::answer(&mut scenario, &clock, &world, order_id, report_id, b"half_fake", position);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + DAY_MS);
    scenario.next_tx(fixtures::stranger());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper());
    let registry = scenario.take_shared<Registry>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(world.treasury());
    report.expire_challenge(
        &mut order,
        &market,
        &mut keeper,
        &registry,
        &mut treasury,
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<report::ReportVoided>()[0], b"report_voided");
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    ts::return_shared(registry);
    ts::return_shared(treasury);
    clock.destroy_for_testing();
    scenario.end();
}
