/// The actions beyond market parameters: payment coins, registry policy, the tip feed's feeders
/// and quorum, and package upgrades. Each executes through its own path and changes what it names;
/// any other path aborts, and out-of-range values cannot be proposed.
#[test_only]
module aihash::action_tests;

use aihash::fixtures::{Self, hash};
use aihash::gov_fixtures::{Self as gf, bob, carol};
use aihash::governance::{Self, Governance, Proposal, Action};
use aihash::market::{Self, Market};
use aihash::registry::{Self, Registry};
use aihash::tips::TipFeed;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::package;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

const DIGEST: vector<u8> = x"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fun finish(scenario: Scenario, clock: Clock) {
    clock.destroy_for_testing();
    scenario.end();
}

fun execute_coin<C>(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut market = scenario.take_shared<Market>();
    proposal.execute_coin<C>(&gov, &mut market, clock);
    ts::return_shared(proposal);
    ts::return_shared(gov);
    ts::return_shared(market);
    scenario.next_tx(fixtures::stranger());
}

fun execute_registry(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut registry = scenario.take_shared<Registry>();
    proposal.execute_registry(&gov, &mut registry, clock);
    ts::return_shared(proposal);
    ts::return_shared(gov);
    ts::return_shared(registry);
    scenario.next_tx(fixtures::stranger());
}

fun execute_feed(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let gov = scenario.take_shared<Governance>();
    let mut feed = scenario.take_shared<TipFeed>();
    let market = scenario.take_shared<Market>();
    proposal.execute_feed(&gov, &mut feed, &market, clock);
    ts::return_shared(proposal);
    ts::return_shared(gov);
    ts::return_shared(feed);
    ts::return_shared(market);
    scenario.next_tx(fixtures::stranger());
}

fun execute_upgrade_policy(scenario: &mut Scenario, clock: &Clock, id: ID) {
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let mut gov = scenario.take_shared<Governance>();
    proposal.execute_upgrade_policy(&mut gov, clock);
    ts::return_shared(proposal);
    ts::return_shared(gov);
    scenario.next_tx(fixtures::stranger());
}

fun feed_state(scenario: &mut Scenario): (vector<address>, u64) {
    let feed = scenario.take_shared<TipFeed>();
    let (feeders, quorum) = (feed.feeders(), feed.quorum());
    ts::return_shared(feed);
    (feeders, quorum)
}

// === Payment coins ===

#[test]
fun a_coin_is_allowed_and_disallowed_by_proposal() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::allow_coin<SUI>(5_000));
    execute_coin<SUI>(&mut scenario, &clock, id);
    let market = scenario.take_shared<Market>();
    assert!(market.accepts<SUI>());
    assert_eq!(market.min_order_value<SUI>(), 5_000);
    ts::return_shared(market);

    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::disallow_coin<SUI>());
    execute_coin<SUI>(&mut scenario, &clock, id);
    let market = scenario.take_shared<Market>();
    assert!(!market.accepts<SUI>());
    ts::return_shared(market);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = governance::EWrongCoin)]
fun a_coin_action_executes_only_for_its_coin() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::allow_coin<SUI>(5_000));
    execute_coin<aihash::hash::HASH>(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun a_coin_action_does_not_execute_as_market_parameters() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::allow_coin<SUI>(5_000));
    gf::execute_market(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun market_parameters_do_not_execute_as_a_coin_action() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_market_fees(500, 2_500),
    );
    execute_coin<SUI>(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = market::EZeroMinimum)]
fun a_coin_without_a_minimum_order_value_cannot_be_proposed() {
    governance::allow_coin<SUI>(0);
}

// === Registry policy ===

#[test]
fun every_registry_policy_group_is_governed() {
    let (mut scenario, mut clock, _) = gf::setup();
    let actions = vector[
        governance::set_unstake_terms(3 * gf::day_ms(), 1_000),
        governance::set_slash_probation(60 * gf::day_ms()),
        governance::set_trust_thresholds(5, 50, 9_000, 500, 9_800),
        governance::set_capacity_terms(5 * 60_000, 8, 1_000_000),
    ];
    actions.do!(|action| {
        let id = gf::passed_and_queued(&mut scenario, &mut clock, action);
        execute_registry(&mut scenario, &clock, id);
    });
    let registry = scenario.take_shared<Registry>();
    let policy = registry.policy();
    assert_eq!(policy.unstake_cooldown_ms(), 3 * gf::day_ms());
    assert_eq!(policy.early_unstake_fee_bps(), 1_000);
    assert_eq!(policy.slash_probation_ms(), 60 * gf::day_ms());
    assert_eq!(policy.level2_capacity_passes(), 5);
    assert_eq!(policy.level3_tasks(), 50);
    assert_eq!(policy.level3_success_bps(), 9_000);
    assert_eq!(policy.level4_tasks(), 500);
    assert_eq!(policy.level4_success_bps(), 9_800);
    assert_eq!(policy.capacity_window_ms(), 5 * 60_000);
    assert_eq!(policy.capacity_solutions(), 8);
    assert_eq!(policy.capacity_min_hashrate(), 1_000_000);
    ts::return_shared(registry);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun a_registry_action_does_not_execute_as_market_parameters() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_slash_probation(gf::day_ms()),
    );
    gf::execute_market(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun market_parameters_do_not_execute_as_a_registry_action() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::set_market_fees(500, 2_500),
    );
    execute_registry(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = registry::ECooldownOutOfRange)]
fun an_out_of_range_unstake_cooldown_cannot_be_proposed() {
    governance::set_unstake_terms(91 * gf::day_ms(), 0);
}

#[test, expected_failure(abort_code = registry::EFeeOutOfRange)]
fun an_out_of_range_early_unstake_fee_cannot_be_proposed() {
    governance::set_unstake_terms(gf::day_ms(), 5_001);
}

#[test, expected_failure(abort_code = registry::EProbationOutOfRange)]
fun an_out_of_range_probation_cannot_be_proposed() {
    governance::set_slash_probation(366 * gf::day_ms());
}

#[test, expected_failure(abort_code = registry::EThresholdOutOfRange)]
fun inverted_trust_thresholds_cannot_be_proposed() {
    governance::set_trust_thresholds(5, 500, 9_000, 50, 9_800);
}

#[test, expected_failure(abort_code = registry::ECapacityTermsOutOfRange)]
fun out_of_range_capacity_terms_cannot_be_proposed() {
    governance::set_capacity_terms(5 * 60_000, 65, 1_000_000);
}

// === Stake and bond bounds (1% of the HASH supply) ===

#[test]
fun the_largest_bonds_and_stakes_can_be_proposed() {
    let max = hash(10_000_000);
    governance::set_dispute_terms(3_600_000, 600_000, 16, max, max);
    governance::set_slash_rates(max, 5_000, 5_000);
    governance::set_min_stakes(vector[1, 2, 3, max]);
    governance::set_governance_params(0, 3_600_000, 400, 5_000, 0, 3_600_000, max);
}

#[test, expected_failure(abort_code = market::EDisputeTermsOutOfRange)]
fun a_challenger_bond_above_1_percent_of_supply_cannot_be_proposed() {
    governance::set_dispute_terms(3_600_000, 600_000, 16, hash(10_000_000) + 1, 0);
}

#[test, expected_failure(abort_code = market::EDisputeTermsOutOfRange)]
fun a_challenger_stake_above_1_percent_of_supply_cannot_be_proposed() {
    governance::set_dispute_terms(3_600_000, 600_000, 16, hash(100), hash(10_000_000) + 1);
}

#[test, expected_failure(abort_code = market::EStakeTermsOutOfRange)]
fun a_keeper_stake_above_1_percent_of_supply_cannot_be_proposed() {
    governance::set_slash_rates(hash(10_000_000) + 1, 5_000, 5_000);
}

#[test, expected_failure(abort_code = registry::EMinStakesShape)]
fun a_minimum_stake_above_1_percent_of_supply_cannot_be_proposed() {
    governance::set_min_stakes(vector[1, 2, 3, hash(10_000_000) + 1]);
}

#[test, expected_failure(abort_code = governance::EParamsOutOfRange)]
fun a_zero_proposal_threshold_cannot_be_proposed() {
    governance::set_governance_params(0, 3_600_000, 400, 5_000, 0, 3_600_000, 0);
}

#[test, expected_failure(abort_code = governance::EParamsOutOfRange)]
fun a_proposal_threshold_above_1_percent_of_supply_cannot_be_proposed() {
    governance::set_governance_params(0, 3_600_000, 400, 5_000, 0, 3_600_000, hash(10_000_000) + 1);
}

// === Tip feed ===

#[test]
fun feeders_are_added_and_removed_and_the_quorum_set_by_proposal() {
    let (mut scenario, mut clock, _) = gf::setup();
    let actions = vector[
        governance::add_feeder(carol()),
        governance::add_feeder(bob()),
        governance::set_feed_quorum(2),
    ];
    actions.do!(|action| {
        let id = gf::passed_and_queued(&mut scenario, &mut clock, action);
        execute_feed(&mut scenario, &clock, id);
    });
    let (feeders, quorum) = feed_state(&mut scenario);
    assert_eq!(feeders.length(), 2);
    assert_eq!(quorum, 2);

    let actions = vector[governance::set_feed_quorum(1), governance::remove_feeder(carol())];
    actions.do!(|action| {
        let id = gf::passed_and_queued(&mut scenario, &mut clock, action);
        execute_feed(&mut scenario, &clock, id);
    });
    let (feeders, quorum) = feed_state(&mut scenario);
    assert_eq!(feeders, vector[bob()]);
    assert_eq!(quorum, 1);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = governance::EQuorumAboveFeeders)]
fun the_feed_quorum_cannot_exceed_the_feeders() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::add_feeder(carol()));
    execute_feed(&mut scenario, &clock, id);
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::set_feed_quorum(2));
    execute_feed(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EQuorumAboveFeeders)]
fun a_feeder_the_quorum_needs_cannot_be_removed() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::add_feeder(carol()));
    execute_feed(&mut scenario, &clock, id);
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::remove_feeder(carol()));
    execute_feed(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun a_feed_action_does_not_execute_as_a_registry_action() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::add_feeder(carol()));
    execute_registry(&mut scenario, &clock, id);
    abort
}

// === Package upgrades ===

#[test]
fun an_upgrade_is_authorised_by_proposal_and_committed() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::authorize_upgrade(128, DIGEST),
    );
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let mut gov = scenario.take_shared<Governance>();
    let before = gov.upgrade_package();
    let ticket = proposal.execute_upgrade(&mut gov, &clock);
    assert_eq!(*ticket.ticket_digest(), DIGEST);
    assert_eq!(ticket.ticket_policy(), 128);
    assert_eq!(ticket.ticket_package(), before);
    // While the upgrade is under way the cap names no package.
    assert_eq!(gov.upgrade_package(), @0x0.to_id());
    // The transaction's Upgrade command.
    let receipt = package::test_upgrade(ticket);
    let upgraded = receipt.receipt_package();
    gov.commit_upgrade(receipt);
    assert_eq!(gov.upgrade_package(), upgraded);
    assert_eq!(proposal.state(&clock), governance::state_executed());
    ts::return_shared(proposal);
    ts::return_shared(gov);
    finish(scenario, clock);
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun only_an_upgrade_proposal_yields_an_upgrade_ticket() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::restrict_upgrades(128));
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let mut gov = scenario.take_shared<Governance>();
    let _ticket = proposal.execute_upgrade(&mut gov, &clock);
    abort
}

#[test, expected_failure(abort_code = governance::EWrongAction)]
fun an_upgrade_does_not_execute_as_a_policy_restriction() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::authorize_upgrade(0, DIGEST),
    );
    execute_upgrade_policy(&mut scenario, &clock, id);
    abort
}

#[test, expected_failure(abort_code = governance::EUpgradeTooPermissive)]
fun an_upgrade_cannot_exceed_the_packages_policy() {
    let (mut scenario, mut clock, _) = gf::setup();
    let id = gf::passed_and_queued(&mut scenario, &mut clock, governance::restrict_upgrades(192));
    execute_upgrade_policy(&mut scenario, &clock, id);
    let id = gf::passed_and_queued(
        &mut scenario,
        &mut clock,
        governance::authorize_upgrade(128, DIGEST),
    );
    scenario.next_tx(fixtures::stranger());
    let mut proposal = scenario.take_shared_by_id<Proposal>(id);
    let mut gov = scenario.take_shared<Governance>();
    let _ticket = proposal.execute_upgrade(&mut gov, &clock);
    abort
}

#[test, expected_failure(abort_code = governance::EBadUpgrade)]
fun an_upgrade_names_a_32_byte_digest() {
    governance::authorize_upgrade(0, x"0011");
}

#[test, expected_failure(abort_code = governance::EBadUpgrade)]
fun an_upgrade_cannot_make_the_package_immutable() {
    governance::authorize_upgrade(255, DIGEST);
}

#[test]
fun the_packages_own_upgrade_cap_is_installed() {
    let mut scenario = fixtures::publish();
    governance::init_for_testing(scenario.ctx());
    scenario.next_tx(fixtures::publisher());
    let mut gov = scenario.take_shared<Governance>();
    gov.install_upgrade_cap(gf::own_upgrade_cap(scenario.ctx()));
    assert!(gov.holds_upgrade_cap());
    assert_eq!(gov.upgrade_package(), std::type_name::original_id<Governance>().to_id());
    ts::return_shared(gov);
    scenario.end();
}

#[test, expected_failure(abort_code = governance::EForeignUpgradeCap)]
fun another_packages_upgrade_cap_is_refused() {
    let mut scenario = fixtures::publish();
    governance::init_for_testing(scenario.ctx());
    scenario.next_tx(fixtures::publisher());
    let mut gov = scenario.take_shared<Governance>();
    gov.install_upgrade_cap(package::test_publish(@0xB2.to_id(), scenario.ctx()));
    abort
}
