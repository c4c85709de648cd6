#[test_only]
module aihash::tips_tests;

use aihash::fixtures;
use aihash::market::{Self, Market, MarketCap};
use aihash::market_fixtures as mf;
use aihash::tips::{Self, TipFeed};
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::test_scenario::{Self as ts, Scenario};

const FEEDER: address = @0xFEED;

/// A market and an empty tip feed; the publisher's transaction.
fun start(): (Scenario, Clock) {
    let mut scenario = ts::begin(fixtures::publisher());
    market::init_for_testing(scenario.ctx());
    tips::init_for_testing(scenario.ctx());
    let clock = fixtures::clock_at(&mut scenario, 1_750_000_000_000);
    scenario.next_tx(fixtures::publisher());
    (scenario, clock)
}

macro fun as_admin($scenario: &mut Scenario, $f: |&mut TipFeed, &Market, &MarketCap|) {
    let scenario = $scenario;
    scenario.next_tx(fixtures::publisher());
    let mut feed = scenario.take_shared<TipFeed>();
    let market = scenario.take_shared<Market>();
    let cap = scenario.take_from_sender<MarketCap>();
    $f(&mut feed, &market, &cap);
    ts::return_shared(feed);
    ts::return_shared(market);
    scenario.return_to_sender(cap);
}

fun post(scenario: &mut Scenario, clock: &Clock, sender: address, hash: vector<u8>, height: u64) {
    scenario.next_tx(sender);
    let mut feed = scenario.take_shared<TipFeed>();
    feed.post(hash, height, clock, scenario.ctx());
    ts::return_shared(feed);
}

fun block(i: u64): vector<u8> { std::hash::sha2_256(sui::bcs::to_bytes(&i)) }

#[test]
fun authorised_feeders_post_tips_that_anyone_finds() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| feed.add_feeder(market, cap, FEEDER));
    post(&mut scenario, &clock, FEEDER, block(1), 900_000);
    // A second feeder posting the same block changes nothing.
    post(&mut scenario, &clock, FEEDER, block(1), 900_000);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    let tip = feed.find(&block(1)).destroy_some();
    assert_eq!(tip.height(), 900_000);
    assert_eq!(tip.posted_ms(), 1_750_000_000_000);
    assert_eq!(feed.posted(), 1);
    assert!(feed.find(&block(2)).is_none());
    assert_eq!(feed.feeders(), vector[FEEDER]);
    ts::return_shared(feed);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun the_ring_forgets_the_oldest_tip_past_its_capacity() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| feed.add_feeder(market, cap, FEEDER));
    let capacity = tips::capacity();
    assert_eq!(capacity, 2048);
    mf::post_tips(&mut scenario, &clock, FEEDER, 0, capacity + 1);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert!(feed.find(&block(0)).is_none());
    assert!(feed.find(&block(1)).is_some());
    assert!(feed.find(&block(capacity)).is_some());
    assert_eq!(feed.posted(), capacity + 1);
    ts::return_shared(feed);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = tips::ENotFeeder)]
fun only_feeders_post() {
    let (mut scenario, clock) = start();
    post(&mut scenario, &clock, FEEDER, block(1), 1);
    abort
}

#[test, expected_failure(abort_code = tips::ENotFeeder)]
fun a_removed_feeder_no_longer_posts() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        feed.add_feeder(market, cap, FEEDER);
        feed.remove_feeder(market, cap, FEEDER);
    });
    post(&mut scenario, &clock, FEEDER, block(1), 1);
    abort
}

#[test, expected_failure(abort_code = tips::EHashLength)]
fun a_tip_is_a_32_byte_hash() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| feed.add_feeder(market, cap, FEEDER));
    post(&mut scenario, &clock, FEEDER, x"00", 1);
    abort
}

#[test, expected_failure(abort_code = tips::EAlreadyFeeder)]
fun a_feeder_is_added_once() {
    let (mut scenario, _clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        feed.add_feeder(market, cap, FEEDER);
        feed.add_feeder(market, cap, FEEDER);
    });
    abort
}

#[test, expected_failure(abort_code = tips::EUnknownFeeder)]
fun removing_an_unknown_feeder_is_named() {
    let (mut scenario, _clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| feed.remove_feeder(market, cap, FEEDER));
    abort
}

#[test, expected_failure(abort_code = tips::ETooManyFeeders)]
fun at_most_16_feeders() {
    let (mut scenario, _clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        17u64.do!(|i| feed.add_feeder(market, cap, sui::address::from_u256(i as u256 + 1)));
    });
    abort
}

#[test]
fun with_a_quorum_of_two_a_tip_counts_once_a_second_feeder_posts_it() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        feed.add_feeder(market, cap, FEEDER);
        feed.add_feeder(market, cap, @0xFEED2);
        feed.set_quorum(market, cap, 2);
    });
    post(&mut scenario, &clock, FEEDER, block(1), 900_000);
    post(&mut scenario, &clock, FEEDER, block(1), 900_000);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert!(feed.find(&block(1)).is_none());
    ts::return_shared(feed);
    post(&mut scenario, &clock, @0xFEED2, block(1), 900_000);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert_eq!(feed.find(&block(1)).destroy_some().confirmations(), 2);
    assert_eq!(feed.quorum(), 2);
    ts::return_shared(feed);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun a_feeder_flooding_made_up_tips_cannot_push_real_ones_out_of_the_ring() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        feed.add_feeder(market, cap, FEEDER);
        feed.add_feeder(market, cap, @0xFEED2);
        feed.set_quorum(market, cap, 2);
    });
    post(&mut scenario, &clock, FEEDER, block(1), 900_000);
    post(&mut scenario, &clock, @0xFEED2, block(1), 900_000);
    // A ring's worth and more of tips nobody else confirms.
    mf::post_tips(&mut scenario, &clock, @0xFEED2, 1_000_000, tips::capacity() + 1);
    scenario.next_tx(@0xFEED2);
    let feed = scenario.take_shared<TipFeed>();
    // Only the confirmed tip entered the ring.
    assert_eq!(feed.posted(), 1);
    assert_eq!(feed.find(&block(1)).destroy_some().confirmations(), 2);
    // The flooder's last 8 wait for a second feeder; older ones were dropped as it went on.
    assert!(feed.find(&block(1_000_000 + tips::capacity())).is_none());
    ts::return_shared(feed);
    post(&mut scenario, &clock, FEEDER, block(1_000_000 + tips::capacity()), 7);
    post(&mut scenario, &clock, FEEDER, block(1_000_000), 0);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert_eq!(feed.find(&block(1_000_000 + tips::capacity())).destroy_some().confirmations(), 2);
    assert_eq!(feed.posted(), 2);
    // The flooder's first post had been dropped: FEEDER's post alone does not make it count.
    assert!(feed.find(&block(1_000_000)).is_none());
    ts::return_shared(feed);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun a_removed_feeders_pending_confirmations_go_with_it() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        feed.add_feeder(market, cap, FEEDER);
        feed.add_feeder(market, cap, @0xFEED2);
        feed.add_feeder(market, cap, @0xFEED3);
        feed.set_quorum(market, cap, 2);
    });
    post(&mut scenario, &clock, @0xFEED2, block(5), 900_005);
    as_admin!(&mut scenario, |feed, market, cap| feed.remove_feeder(market, cap, @0xFEED2));
    post(&mut scenario, &clock, FEEDER, block(5), 900_005);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert!(feed.find(&block(5)).is_none());
    ts::return_shared(feed);
    post(&mut scenario, &clock, @0xFEED3, block(5), 900_005);
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert_eq!(feed.find(&block(5)).destroy_some().confirmations(), 2);
    ts::return_shared(feed);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun a_pending_tip_counts_once_the_quorum_is_lowered_to_its_confirmations() {
    let (mut scenario, clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| {
        feed.add_feeder(market, cap, FEEDER);
        feed.add_feeder(market, cap, @0xFEED2);
        feed.set_quorum(market, cap, 2);
    });
    post(&mut scenario, &clock, FEEDER, block(9), 900_009);
    as_admin!(&mut scenario, |feed, market, cap| feed.set_quorum(market, cap, 1));
    scenario.next_tx(FEEDER);
    let feed = scenario.take_shared<TipFeed>();
    assert_eq!(feed.find(&block(9)).destroy_some().height(), 900_009);
    ts::return_shared(feed);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = tips::EQuorumOutOfRange)]
fun a_zero_quorum_is_refused() {
    let (mut scenario, _clock) = start();
    as_admin!(&mut scenario, |feed, market, cap| feed.set_quorum(market, cap, 0));
    abort
}
