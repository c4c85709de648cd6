/// Shared setup for the governance tests: a published package whose governance holds the market,
/// registry, platform-treasury and upgrade capabilities, and helpers to lock, propose and vote.
#[test_only]
module aihash::gov_fixtures;

use aihash::fixtures::{Self, hash};
use aihash::governance::{Self, Governance, Proposal, Action};
use aihash::market::{Self, MarketCap};
use aihash::registry::RegistryCap;
use aihash::tips;
use aihash::treasury::SpendCap;
use aihash::vote_lock::{Self, Lock};
use std::type_name;
use sui::clock::Clock;
use sui::package::{Self, UpgradeCap};
use sui::test_scenario::{Self as ts, Scenario};

const NOW: u64 = 1_750_000_000_000;
const DAY_MS: u64 = 86_400_000;
const ALICE: address = @0xA11;
const BOB: address = @0xB0B0;
const CAROL: address = @0xCA401;

public fun alice(): address { ALICE }

public fun bob(): address { BOB }

public fun carol(): address { CAROL }

public fun now(): u64 { NOW }

public fun day_ms(): u64 { DAY_MS }

/// Governance holding every capability, at `now()`; returns the platform treasury's id.
public fun setup(): (Scenario, Clock, ID) {
    let mut scenario = fixtures::publish();
    market::init_for_testing(scenario.ctx());
    tips::init_for_testing(scenario.ctx());
    governance::init_for_testing(scenario.ctx());
    let clock = fixtures::clock_at(&mut scenario, NOW);
    let treasury = fixtures::distribute_genesis(&mut scenario, &clock);
    scenario.next_tx(fixtures::publisher());
    let mut gov = scenario.take_shared<Governance>();
    gov.install_market_cap(scenario.take_from_sender<MarketCap>());
    gov.install_registry_cap(scenario.take_from_sender<RegistryCap>());
    let spend_caps = scenario.ids_for_sender<SpendCap>();
    spend_caps.do!(|id| {
        let cap = scenario.take_from_sender_by_id<SpendCap>(id);
        if (cap.treasury_id() == treasury) gov.install_spend_cap(cap)
        else scenario.return_to_sender(cap);
    });
    // The test package lives at @0x0, the id an UpgradeCap uses while an upgrade is under way.
    gov.install_upgrade_cap_for_testing(
        package::test_publish(object::id_from_address(@0xA1A5), scenario.ctx()),
    );
    ts::return_shared(gov);
    scenario.next_tx(fixtures::publisher());
    (scenario, clock, treasury)
}

/// An upgrade capability for this package as first published.
public fun own_upgrade_cap(ctx: &mut TxContext): UpgradeCap {
    package::test_publish(type_name::original_id<Governance>().to_id(), ctx)
}

/// `voter` locks `amount` whole HASH for `duration_ms`; returns the lock's id.
public fun lock(
    scenario: &mut Scenario,
    clock: &Clock,
    voter: address,
    amount: u64,
    duration_ms: u64,
): ID {
    scenario.next_tx(voter);
    let mut gov = scenario.take_shared<Governance>();
    let coins = fixtures::mint(scenario, hash(amount));
    let lock = gov.lock(coins, clock.timestamp_ms() + duration_ms, clock, scenario.ctx());
    let id = object::id(&lock);
    governance::keep_lock(lock, scenario.ctx());
    ts::return_shared(gov);
    scenario.next_tx(voter);
    id
}

/// `voter` locks `amount` whole HASH for the longest time (weight = amount).
public fun max_lock(scenario: &mut Scenario, clock: &Clock, voter: address, amount: u64): ID {
    lock(scenario, clock, voter, amount, vote_lock::max_lock_ms())
}

/// `voter` proposes `action` with their lock; returns the proposal's id.
public fun propose(
    scenario: &mut Scenario,
    clock: &Clock,
    voter: address,
    lock_id: ID,
    action: Action,
): ID {
    scenario.next_tx(voter);
    let mut gov = scenario.take_shared<Governance>();
    let lock = scenario.take_from_sender_by_id<Lock>(lock_id);
    let id = gov.propose(
        &lock,
        action,
        b"lower the platform fee".to_string(),
        clock,
        scenario.ctx(),
    );
    scenario.return_to_sender(lock);
    ts::return_shared(gov);
    scenario.next_tx(voter);
    id
}

/// `voter` votes with their lock: against 0, for 1, abstain 2.
public fun vote(
    scenario: &mut Scenario,
    clock: &Clock,
    voter: address,
    lock_id: ID,
    proposal_id: ID,
    support: u8,
) {
    scenario.next_tx(voter);
    let mut proposal = scenario.take_shared_by_id<Proposal>(proposal_id);
    let lock = scenario.take_from_sender_by_id<Lock>(lock_id);
    proposal.vote(&lock, support, clock, scenario.ctx());
    scenario.return_to_sender(lock);
    ts::return_shared(proposal);
    scenario.next_tx(voter);
}

/// Anyone queues the proposal.
public fun queue(scenario: &mut Scenario, clock: &Clock, proposal_id: ID) {
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(proposal_id);
    proposal.queue(clock);
    ts::return_shared(proposal);
    scenario.next_tx(fixtures::stranger());
}

/// The proposal's state now.
public fun state(
    scenario: &mut Scenario,
    clock: &Clock,
    proposal_id: ID,
): governance::ProposalState {
    let sender = scenario.sender();
    scenario.next_tx(sender);
    let proposal = scenario.take_shared_by_id<Proposal>(proposal_id);
    let state = proposal.state(clock);
    ts::return_shared(proposal);
    scenario.next_tx(sender);
    state
}

/// A proposal by Alice (20,000 HASH locked for four years) that she votes through and queues; the
/// clock ends at its eta. Returns its id.
public fun passed_and_queued(scenario: &mut Scenario, clock: &mut Clock, action: Action): ID {
    let lock = max_lock(scenario, clock, ALICE, 20_000);
    let now = clock.timestamp_ms();
    clock.set_for_testing(now + 1);
    let id = propose(scenario, clock, ALICE, lock, action);
    clock.set_for_testing(now + 1 + DAY_MS);
    vote(scenario, clock, ALICE, lock, id, 1);
    clock.set_for_testing(now + 1 + 6 * DAY_MS);
    queue(scenario, clock, id);
    clock.set_for_testing(now + 1 + 8 * DAY_MS);
    id
}

/// Anyone executes the market-parameter proposal `id`.
public fun execute_market(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut market = scenario.take_shared<aihash::market::Market>();
    proposal.execute_market(&gov, &mut market, clock);
    ts::return_shared(proposal);
    ts::return_shared(gov);
    ts::return_shared(market);
    scenario.next_tx(fixtures::stranger());
}
