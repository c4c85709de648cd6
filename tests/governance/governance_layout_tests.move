/// The BCS layout of governance's objects and every event of its transitions, pinned to
/// golden/vectors.json, which the Rust bindings decode.
#[test_only]
module aihash::governance_layout_tests;

use aihash::fixtures::{Self, hash};
use aihash::golden;
use aihash::gov_fixtures::{Self as gf, alice, bob, day_ms};
use aihash::governance::{Self, Governance, Proposal};
use aihash::market::Market;
use aihash::vote_lock::{Self, Lock};
use sui::event;
use sui::test_scenario as ts;

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
