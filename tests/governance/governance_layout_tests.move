/// The BCS layout of governance's objects and every event of its transitions, pinned to
/// golden/vectors.json, which the Rust bindings decode.
#[test_only]
module aihash::governance_layout_tests;

use aihash::fixtures::{Self, hash};
use aihash::golden;
use aihash::gov_fixtures::{Self as gf, alice, bob, day_ms};
use aihash::governance::{Self, Governance, Proposal, Action};
use aihash::hash::HASH;
use aihash::market::Market;
use aihash::vote_lock::{Self, Lock};
use sui::clock::Clock;
use sui::event;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

#[test]
fun lock_and_governance_layouts_match_golden_bytes() {
    let mut scenario = fixtures::publish();
    governance::init_for_testing(scenario.ctx());
    aihash::market::init_for_testing(scenario.ctx());
    let mut clock = fixtures::clock_at(&mut scenario, gf::now());
    scenario.next_tx(fixtures::publisher());
    let mut gov = scenario.take_shared<Governance>();
    gov.install_market_cap(scenario.take_from_sender<aihash::market::MarketCap>());
    golden::check(
        &event::events_by_type<governance::CapInstalled>()[0],
        b"governance_cap_installed",
    );
    ts::return_shared(gov);

    scenario.next_tx(alice());
    let mut gov = scenario.take_shared<Governance>();
    let coins = fixtures::mint(&mut scenario, hash(1_000));
    let lock = gov.lock(coins, gf::now() + 30 * day_ms(), &clock, scenario.ctx());
    golden::check(&event::events_by_type<vote_lock::LockChanged>()[0], b"vote_lock_changed");
    golden::check(&lock, b"vote_lock_object");
    golden::check(&gov, b"governance_object");
    governance::keep_lock(lock, scenario.ctx());
    ts::return_shared(gov);

    scenario.next_tx(alice());
    let lock = scenario.take_from_sender<Lock>();
    clock.set_for_testing(lock.unlock_ms());
    let coins = governance::withdraw_lock(lock, &clock, scenario.ctx());
    golden::check(&event::events_by_type<vote_lock::LockWithdrawn>()[0], b"vote_lock_withdrawn");
    std::unit_test::destroy(coins);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun proposal_layouts_match_golden_bytes() {
    let (mut scenario, mut clock, _) = gf::setup();
    let lock = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    clock.set_for_testing(gf::now() + 1);
    scenario.next_tx(alice());
    let mut gov = scenario.take_shared<Governance>();
    let alice_lock = scenario.take_from_sender_by_id<Lock>(lock);
    let id = gov.propose(
        &alice_lock,
        governance::set_market_fees(500, 2_500),
        b"lower the platform fee to 5%".to_string(),
        &clock,
        scenario.ctx(),
    );
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created",
    );
    scenario.return_to_sender(alice_lock);
    ts::return_shared(gov);

    scenario.next_tx(alice());
    let proposal = scenario.take_shared_by_id<Proposal>(id);
    golden::check(&proposal, b"governance_proposal_object");
    ts::return_shared(proposal);

    clock.set_for_testing(gf::now() + 1 + day_ms());
    scenario.next_tx(alice());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let alice_lock = scenario.take_from_sender_by_id<Lock>(lock);
    proposal.vote(&alice_lock, 1, &clock, scenario.ctx());
    golden::check(&event::events_by_type<governance::VoteCast>()[0], b"governance_vote_cast");
    scenario.return_to_sender(alice_lock);
    ts::return_shared(proposal);

    clock.set_for_testing(gf::now() + 1 + 6 * day_ms());
    scenario.next_tx(bob());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    proposal.queue(&clock);
    golden::check(
        &event::events_by_type<governance::ProposalQueued>()[0],
        b"governance_proposal_queued",
    );
    ts::return_shared(proposal);

    clock.set_for_testing(gf::now() + 1 + 8 * day_ms());
    scenario.next_tx(bob());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut market = scenario.take_shared<Market>();
    proposal.execute_market(&gov, &mut market, &clock);
    golden::check(
        &event::events_by_type<governance::ProposalExecuted>()[0],
        b"governance_proposal_executed",
    );
    ts::return_shared(proposal);
    ts::return_shared(gov);
    ts::return_shared(market);

    // A second proposal, cancelled by its proposer.
    scenario.next_tx(alice());
    let mut gov = scenario.take_shared<Governance>();
    let alice_lock = scenario.take_from_sender_by_id<Lock>(lock);
    let second = gov.propose(
        &alice_lock,
        governance::signal(),
        b"".to_string(),
        &clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(alice_lock);
    ts::return_shared(gov);
    scenario.next_tx(alice());
    let mut proposal = scenario.take_shared_by_id<Proposal>(second);
    proposal.cancel(&clock, scenario.ctx());
    golden::check(
        &event::events_by_type<governance::ProposalCanceled>()[0],
        b"governance_proposal_canceled",
    );
    ts::return_shared(proposal);
    clock.destroy_for_testing();
    scenario.end();
}

// === `ProposalCreated` for every action variant ===
// (`SetMarketFees` is `governance_proposal_created` above.) One small test each, so the Rust
// bindings decode every variant's layout.

/// Alice proposes `action`; the transaction stays open so its `ProposalCreated` can be read.
fun proposed(action: Action): (Scenario, Clock) {
    let mut scenario = fixtures::publish();
    governance::init_for_testing(scenario.ctx());
    let mut clock = fixtures::clock_at(&mut scenario, gf::now());
    let lock_id = gf::max_lock(&mut scenario, &clock, alice(), 20_000);
    clock.set_for_testing(gf::now() + 1);
    scenario.next_tx(alice());
    let mut gov = scenario.take_shared<Governance>();
    let lock = scenario.take_from_sender_by_id<Lock>(lock_id);
    gov.propose(&lock, action, b"".to_string(), &clock, scenario.ctx());
    scenario.return_to_sender(lock);
    ts::return_shared(gov);
    (scenario, clock)
}

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun proposal_created_set_dispute_terms_matches_golden_bytes() {
    let (scenario, clock) = proposed(
        governance::set_dispute_terms(2 * 3_600_000, 3_600_000, 32, hash(50), hash(10)),
    );
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_dispute_terms",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_slash_rates_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_slash_rates(hash(5_000), 7_500, 2_500));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_slash_rates",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_order_terms_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_order_terms(3_000, 500, 30 * 60_000, 60_000));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_order_terms",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_window_terms_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_window_terms(3_600_000, 3_600_000));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_window_terms",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_min_stakes_matches_golden_bytes() {
    let (scenario, clock) = proposed(
        governance::set_min_stakes(vector[hash(50), hash(500), hash(5_000), hash(50_000)]),
    );
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_min_stakes",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_add_feeder_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::add_feeder(bob()));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_add_feeder",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_remove_feeder_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::remove_feeder(bob()));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_remove_feeder",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_feed_quorum_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_feed_quorum(2));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_feed_quorum",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_spend_treasury_matches_golden_bytes() {
    let (scenario, clock) = proposed(
        governance::spend_treasury<HASH>(@0x7EA5.to_id(), hash(1_234), bob()),
    );
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_spend_treasury",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_governance_params_matches_golden_bytes() {
    let (scenario, clock) = proposed(
        governance::set_governance_params(
            2 * day_ms(),
            3 * day_ms(),
            1_000,
            6_000,
            day_ms(),
            7 * day_ms(),
            hash(5_000),
        ),
    );
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_governance_params",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_restrict_upgrades_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::restrict_upgrades(192));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_restrict_upgrades",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_signal_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::signal());
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_signal",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_allow_coin_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::allow_coin<SUI>(1_000_000));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_allow_coin",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_disallow_coin_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::disallow_coin<SUI>());
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_disallow_coin",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_unstake_terms_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_unstake_terms(3 * day_ms(), 1_000));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_unstake_terms",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_slash_probation_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_slash_probation(60 * day_ms()));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_slash_probation",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_trust_thresholds_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_trust_thresholds(5, 50, 9_000, 500, 9_800));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_trust_thresholds",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_set_capacity_terms_matches_golden_bytes() {
    let (scenario, clock) = proposed(governance::set_capacity_terms(5 * 60_000, 8, 1_000_000));
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_set_capacity_terms",
    );
    finish(scenario, clock);
}

#[test]
fun proposal_created_authorize_upgrade_matches_golden_bytes() {
    let (scenario, clock) = proposed(
        governance::authorize_upgrade(
            128,
            x"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        ),
    );
    golden::check(
        &event::events_by_type<governance::ProposalCreated>()[0],
        b"governance_proposal_created_authorize_upgrade",
    );
    finish(scenario, clock);
}
