#[test_only]
module aihash::governance_tests;

use aihash::fixtures::{Self, hash};
use aihash::gov_fixtures::{Self as gf, alice, bob, carol, day_ms};
use aihash::governance::{Self, Governance, Proposal};
use aihash::hash::HASH;
use aihash::market::{Self, Market, MarketCap};
use aihash::market_fixtures as mf;
use aihash::registry::Registry;
use aihash::tips::TipFeed;
use aihash::treasury::Treasury;
use aihash::vote_lock::Lock;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::coin::Coin;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

fun at(clock: &mut Clock, ms: u64) { clock.set_for_testing(ms) }

// === Lifecycle ===

#[test]
fun a_proposal_goes_pending_active_succeeded_queued_executed() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(
        &mut scenario,
        &clock,
        alice(),
        lock,
        governance::set_market_fees(500, 2_500),
    );
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_pending());
    at(&mut clock, gf::now() + 1 + day_ms());
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_active());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    at(&mut clock, gf::now() + 1 + 6 * day_ms());
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_succeeded());
    gf::queue(&mut scenario, &clock, id);
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_queued());
    at(&mut clock, gf::now() + 1 + 8 * day_ms());
    gf::execute_market(&mut scenario, &clock, id);
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_executed());
    let market = scenario.take_shared<Market>();
    assert_eq!(market.params().platform_fee_bps(), 500);
    ts::return_shared(market);
    finish(scenario, clock);
}

/// The scenario the issue names: the platform fee goes from 800 to 500 bps through every state,
/// and the market charges 500 bps on the next settlement.
#[test]
fun a_lower_platform_fee_applies_to_the_next_settlement() {
    let (mut scenario, mut clock, world) = mf::setup();
    aihash::governance::init_for_testing(scenario.ctx());
    scenario.next_tx(fixtures::publisher());
    let mut gov = scenario.take_shared<Governance>();
    gov.install_market_cap(scenario.take_from_sender<MarketCap>());
    ts::return_shared(gov);
    let (order_id, fill) = mf::order_with_fill(&mut scenario, &clock, &world, 10_000);

    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_market_fees(500, 2_500),
    );
    gf::execute_market(&mut scenario, &clock, id);

    let report_id = mf::submit(
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
    let now = clock.timestamp_ms();
    at(&mut clock, now + day_ms());
    mf::settle(&mut scenario, &clock, &world, order_id, report_id);
    // 51 owed; 5% is 2 (rounded down): the provider gets 49 where 8% would have left 47.
    let paid = ts::take_from_address<Coin<SUI>>(&scenario, fixtures::provider());
    assert_eq!(paid.value(), 49);
    let order = scenario.take_shared_by_id<aihash::order::Order<SUI>>(order_id);
    assert_eq!(order.keeper_rewards() + order.treasury_fees(), 2);
    ts::return_shared(order);
    std::unit_test::destroy(paid);
    finish(scenario, clock);
}

#[test]
fun every_market_parameter_group_is_governed() {
    let (mut scenario, mut clock, _) = gf::setup();
    let actions = vector[
        governance::set_dispute_terms(2 * 3_600_000, 3_600_000, 32, hash(50), hash(10)),
        governance::set_slash_rates(hash(5_000), 7_500, 2_500),
        governance::set_order_terms(3_000, 500, 30 * 60_000, 60_000),
        governance::set_window_terms(3_600_000, 3_600_000),
    ];
    actions.do!(|action| {
        let id = gf::passed_and_queued(&mut scenario, &mut clock, action);
        gf::execute_market(&mut scenario, &clock, id);
    });
    let market = scenario.take_shared<Market>();
    let params = market.params();
    assert_eq!(params.samples_per_challenge(), 32);
    assert_eq!(params.keeper_slash_bps(), 7_500);
    assert_eq!(params.min_keeper_stake(), hash(5_000));
    assert_eq!(params.dead_time_threshold_bps(), 3_000);
    assert_eq!(params.max_window_ms(), 3_600_000);
    assert_eq!(params.max_tip_age_ms(), 3_600_000);
    ts::return_shared(market);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = market::EWindowTermsOutOfRange)]
fun an_out_of_range_window_cannot_be_proposed() {
    governance::set_window_terms(59_999, 3_600_000);
}

#[test]
fun a_treasury_spend_pays_the_recipient_exactly() {
    let (mut scenario, mut clock, treasury_id) = gf::setup();
    let treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    let before = treasury.balance<HASH>();
    ts::return_shared(treasury);
    let action = governance::spend_treasury<HASH>(treasury_id, hash(1_234), carol());
    let id = gf::passed_and_queued(&mut scenario, &mut clock, action);
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    proposal.execute_spend<HASH>(&gov, &mut treasury, &clock, scenario.ctx());
    assert_eq!(treasury.balance<HASH>(), before - hash(1_234));
    ts::return_shared(proposal);
    ts::return_shared(gov);
    ts::return_shared(treasury);
    scenario.next_tx(carol());
    let paid = scenario.take_from_sender<Coin<HASH>>();
    assert_eq!(paid.value(), hash(1_234));
    scenario.return_to_sender(paid);
    finish(scenario, clock);
}

#[test]
fun registry_feed_governance_upgrade_and_signal_actions_execute() {
    let (mut scenario, mut clock, _) = gf::setup();
    let min_stakes = governance::set_min_stakes(vector[
        hash(50),
        hash(500),
        hash(5_000),
        hash(50_000),
    ]);
    let id = gf::passed_and_queued(&mut scenario, &mut clock, min_stakes);
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let mut gov = scenario.take_shared<Governance>();
    let mut registry = scenario.take_shared<Registry>();
    proposal.execute_registry(&gov, &mut registry, &clock);
    assert_eq!(registry.policy().min_stake(1), hash(50));
    ts::return_shared(proposal);
    ts::return_shared(registry);

    ts::return_shared(gov);
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::add_feeder(carol()));
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    gov = scenario.take_shared<Governance>();
    let mut feed = scenario.take_shared<TipFeed>();
    let market = scenario.take_shared<Market>();
    proposal.execute_feed(&gov, &mut feed, &market, &clock);
    assert_eq!(feed.feeders(), vector[carol()]);
    ts::return_shared(proposal);
    ts::return_shared(feed);
    ts::return_shared(market);
    ts::return_shared(gov);

    let params = governance::set_governance_params(
        2 * day_ms(),
        3 * day_ms(),
        1_000,
        6_000,
        day_ms(),
        7 * day_ms(),
        hash(1),
    );
    let id = gf::passed_and_queued(&mut scenario, &mut clock, params);
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    gov = scenario.take_shared<Governance>();
    proposal.execute_governance(&mut gov, &clock);
    assert_eq!(gov.params().quorum_bps(), 1_000);
    assert_eq!(gov.params().voting_period_ms(), 3 * day_ms());
    ts::return_shared(proposal);
    ts::return_shared(gov);

    // Under the new parameters: voting starts two days after the proposal, lasts three, and needs
    // a 10% quorum (Alice's three earlier locks weigh 60,000).
    let lock = gf::max_lock(&mut scenario, &clock, bob(), 100_000);
    let now = clock.timestamp_ms();
    at(&mut clock, now + 1);
    let id = gf::propose(&mut scenario, &clock, bob(), lock, governance::restrict_upgrades(128));
    at(&mut clock, now + 1 + 2 * day_ms());
    gf::vote(&mut scenario, &clock, bob(), lock, id, 1);
    at(&mut clock, now + 1 + 5 * day_ms());
    gf::queue(&mut scenario, &clock, id);
    at(&mut clock, now + 1 + 6 * day_ms());
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    gov = scenario.take_shared<Governance>();
    proposal.execute_upgrade_policy(&mut gov, &clock);
    assert_eq!(gov.upgrade_policy(), 128);
    ts::return_shared(proposal);
    ts::return_shared(gov);
    finish(scenario, clock);
}

#[test]
fun a_signal_is_recorded_by_executing_it() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::signal());
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    proposal.execute_signal(&gov, &clock);
    assert_eq!(proposal.state(&clock), governance::state_executed());
    ts::return_shared(proposal);
    ts::return_shared(gov);
    finish(scenario, clock);
}

// === Outcomes ===

#[test]
fun a_proposal_below_quorum_is_defeated() {
    let (mut scenario, mut clock, _) = gf::setup();
    let big = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    // Bob holds 3% of the weight: under the 4% quorum.
    let small = gf::max_lock(&mut scenario, &clock, bob(), 620);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), big, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, bob(), small, id, 1);
    at(&mut clock, gf::now() + 1 + 6 * day_ms());
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_defeated());
    finish(scenario, clock);
}

#[test]
fun a_proposal_with_more_against_than_for_is_defeated() {
    let (mut scenario, mut clock, _) = gf::setup();
    let for_lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    let against_lock = gf::max_lock(&mut scenario, &clock, bob(), 20_001);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), for_lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), for_lock, id, 1);
    gf::vote(&mut scenario, &clock, bob(), against_lock, id, 0);
    at(&mut clock, gf::now() + 1 + 6 * day_ms());
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_defeated());
    finish(scenario, clock);
}

#[test]
fun abstentions_count_for_quorum_but_not_approval() {
    let (mut scenario, mut clock, _) = gf::setup();
    let alice_lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    let bob_lock = gf::max_lock(&mut scenario, &clock, bob(), 1_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), alice_lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), alice_lock, id, 2);
    gf::vote(&mut scenario, &clock, bob(), bob_lock, id, 1);
    at(&mut clock, gf::now() + 1 + 6 * day_ms());
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_succeeded());
    let proposal = scenario.take_shared_by_id<Proposal>(id);
    assert!(proposal.abstain_weight() > proposal.for_weight());
    assert_eq!(proposal.against_weight(), 0);
    ts::return_shared(proposal);
    finish(scenario, clock);
}

#[test]
fun a_queued_proposal_not_executed_in_time_expires() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::signal());
    let now = clock.timestamp_ms();
    at(&mut clock, now + 14 * day_ms() + 1);
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_expired());
    finish(scenario, clock);
}

/// Nobody queued it: it stays Succeeded through the grace period after voting ends, then expires.
#[test]
fun a_succeeded_proposal_never_queued_expires() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    let end = gf::now() + 1 + 6 * day_ms();
    at(&mut clock, end + 14 * day_ms());
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_succeeded());
    at(&mut clock, end + 14 * day_ms() + 1);
    assert_eq!(gf::state(&mut scenario, &clock, id), governance::state_expired());
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = governance::EExpired)]
fun an_expired_proposal_cannot_be_queued() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    at(&mut clock, gf::now() + 1 + 120 * day_ms());
    gf::queue(&mut scenario, &clock, id);
    abort
}

#[test]
fun the_proposer_cancels_before_voting() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    scenario.next_tx(alice());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    proposal.cancel(&clock, scenario.ctx());
    assert_eq!(proposal.state(&clock), governance::state_canceled());
    ts::return_shared(proposal);
    finish(scenario, clock);
}

/// A lock increased after the proposal counts with what it held before.
#[test]
fun an_increase_after_the_proposal_adds_no_weight() {
    let (mut scenario, mut clock, _) = gf::setup();
    let big = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    let lock = gf::max_lock(&mut scenario, &clock, bob(), 1_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), big, governance::signal());
    at(&mut clock, gf::now() + 2);
    scenario.next_tx(bob());
    let mut bob_lock = scenario.take_from_sender_by_id<Lock>(lock);
    let mut gov = scenario.take_shared<Governance>();
    gov.increase_lock(
        &mut bob_lock,
        fixtures::mint(&mut scenario, hash(100_000)),
        &clock,
        scenario.ctx(),
    );
    let start = gf::now() + 1 + day_ms();
    let before = bob_lock.state_at(gf::now() + 1).destroy_some();
    let expected = aihash::vote_lock::weight(
        before.state_amount(),
        before.state_unlock_ms(),
        start,
    );
    scenario.return_to_sender(bob_lock);
    ts::return_shared(gov);
    at(&mut clock, start);
    gf::vote(&mut scenario, &clock, bob(), lock, id, 1);
    let proposal = scenario.take_shared_by_id<Proposal>(id);
    assert_eq!(proposal.for_weight(), expected);
    assert!(proposal.for_weight() < hash(1_000));
    ts::return_shared(proposal);
    finish(scenario, clock);
}

/// A lock extended once voting has started counts with the unlock it had before the proposal.
#[test]
fun an_extension_after_the_proposal_started_adds_no_weight() {
    let (mut scenario, mut clock, _) = gf::setup();
    let big = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    let year = 52 * aihash::vote_lock::week_ms();
    let lock = gf::lock(&mut scenario, &clock, bob(), 1_000, year);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), big, governance::signal());
    let start = gf::now() + 1 + day_ms();
    at(&mut clock, start);
    scenario.next_tx(bob());
    let mut bob_lock = scenario.take_from_sender_by_id<Lock>(lock);
    let old_unlock = bob_lock.unlock_ms();
    let mut gov = scenario.take_shared<Governance>();
    gov.extend_lock(
        &mut bob_lock,
        start + aihash::vote_lock::max_lock_ms(),
        &clock,
        scenario.ctx(),
    );
    let extended = bob_lock.current_weight(start);
    scenario.return_to_sender(bob_lock);
    ts::return_shared(gov);
    gf::vote(&mut scenario, &clock, bob(), lock, id, 1);
    let proposal = scenario.take_shared_by_id<Proposal>(id);
    // amount × (unlock − start) / four years, with the unlock from before the proposal.
    let max_lock = aihash::vote_lock::max_lock_ms() as u128;
    let expected = ((hash(1_000) as u128) * ((old_unlock - start) as u128) / max_lock) as u64;
    assert_eq!(proposal.for_weight(), expected);
    assert!(expected < extended);
    ts::return_shared(proposal);
    finish(scenario, clock);
}

// === Named failures ===

#[test, expected_failure(abort_code = governance::ENotActive)]
fun a_canceled_proposal_takes_no_votes() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    scenario.next_tx(alice());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    proposal.cancel(&clock, scenario.ctx());
    ts::return_shared(proposal);
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongTreasury)]
fun a_spend_executes_only_from_its_treasury() {
    let (mut scenario, mut clock, treasury_id) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::spend_treasury<HASH>(treasury_id, 1, carol()),
    );
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let (mut other, _cap) = aihash::treasury::new_for_testing(b"other".to_string(), scenario.ctx());
    proposal.execute_spend<HASH>(&gov, &mut other, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = governance::EAlreadyVoted)]
fun a_lock_votes_once() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    gf::vote(&mut scenario, &clock, alice(), lock, id, 0);
    abort
}

#[test, expected_failure(abort_code = governance::ELockTooNew)]
fun a_lock_made_after_the_proposal_cannot_vote() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    let late = gf::max_lock(&mut scenario, &clock, bob(), 1_000_000);
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, bob(), late, id, 1);
    abort
}

#[test, expected_failure(abort_code = governance::ENotActive)]
fun votes_before_the_voting_period_are_refused() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    abort
}

#[test, expected_failure(abort_code = governance::ENotActive)]
fun votes_after_the_voting_period_are_refused() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + 6 * day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 1);
    abort
}

#[test, expected_failure(abort_code = governance::EBadSupport)]
fun support_is_against_for_or_abstain() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 3);
    abort
}

#[test, expected_failure(abort_code = governance::ETimelock)]
fun execution_waits_for_the_timelock() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_market_fees(500, 2_500),
    );
    let now = clock.timestamp_ms();
    // passed_and_queued leaves the clock at the eta; step back before it.
    let mut early = sui::clock::create_for_testing(scenario.ctx());
    early.set_for_testing(now - 1);
    gf::execute_market(&mut scenario, &early, id);
    abort
}

#[test, expected_failure(abort_code = governance::ENotQueued)]
fun a_proposal_executes_once() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_market_fees(500, 2_500),
    );
    gf::execute_market(&mut scenario, &clock, id);
    gf::execute_market(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::ENotQueued)]
fun a_defeated_proposal_cannot_execute() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(
        &mut scenario,
        &clock,
        alice(),
        lock,
        governance::set_market_fees(500, 2_500),
    );
    at(&mut clock, gf::now() + 1 + day_ms());
    gf::vote(&mut scenario, &clock, alice(), lock, id, 0);
    at(&mut clock, gf::now() + 1 + 9 * day_ms());
    gf::execute_market(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::ENotSucceeded)]
fun a_defeated_proposal_cannot_be_queued() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + 6 * day_ms());
    gf::queue(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EExpired)]
fun an_expired_proposal_cannot_execute() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_market_fees(500, 2_500),
    );
    let now = clock.timestamp_ms();
    at(&mut clock, now + 14 * day_ms() + 1);
    gf::execute_market(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = market::EFeeOutOfRange)]
fun an_out_of_range_parameter_cannot_be_proposed() {
    governance::set_market_fees(2_001, 2_500);
}

#[test, expected_failure(abort_code = governance::EParamsOutOfRange)]
fun out_of_range_governance_parameters_cannot_be_proposed() {
    governance::set_governance_params(0, 0, 400, 5_000, 0, 3_600_000, 1);
}

#[test, expected_failure(abort_code = governance::EBadUpgradePolicy)]
fun an_unknown_upgrade_policy_cannot_be_proposed() {
    governance::restrict_upgrades(1);
}

#[test, expected_failure(abort_code = aihash::registry::EMinStakesShape)]
fun decreasing_minimum_stakes_cannot_be_proposed() {
    governance::set_min_stakes(vector[5, 4, 3, 2]);
}

#[test, expected_failure(abort_code = governance::EBelowProposalThreshold)]
fun a_small_lock_cannot_propose() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 9_999);
    at(&mut clock, gf::now() + 1);
    gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    abort
}

#[test, expected_failure(abort_code = governance::ENotProposer)]
fun only_the_proposer_cancels() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    scenario.next_tx(bob());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    proposal.cancel(&clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = governance::ENotPending)]
fun a_proposal_cannot_be_cancelled_once_voting_started() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    at(&mut clock, gf::now() + 1);
    let id = gf::propose(&mut scenario, &clock, alice(), lock, governance::signal());
    at(&mut clock, gf::now() + 1 + day_ms());
    scenario.next_tx(alice());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    proposal.cancel(&clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun an_action_executes_only_through_its_own_path() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::signal());
    gf::execute_market(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongCoin)]
fun a_spend_executes_only_in_its_coin() {
    let (mut scenario, mut clock, treasury_id) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::spend_treasury<HASH>(treasury_id, 1, carol()),
    );
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    proposal.execute_spend<SUI>(&gov, &mut treasury, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = governance::ECapMissing)]
fun an_action_needs_its_capability_installed() {
    // Governance that was never handed the registry's cap.
    let mut scenario = fixtures::publish();
    governance::init_for_testing(scenario.ctx());
    let mut clock = fixtures::clock_at(&mut scenario, gf::now());
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_min_stakes(vector[1, 2, 3, 4]),
    );
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut registry = scenario.take_shared<Registry>();
    proposal.execute_registry(&gov, &mut registry, &clock);
    abort
}

#[test, expected_failure(abort_code = governance::ECapAlreadyHeld)]
fun a_capability_is_installed_once() {
    let (mut scenario, _clock, _) = gf::setup();
    scenario.next_tx(fixtures::publisher());
    let mut gov = scenario.take_shared<Governance>();
    gov.install_upgrade_cap(gf::own_upgrade_cap(scenario.ctx()));
    abort
}
