#[test_only]
module aihash::registry_tests;

use aihash::fixtures::{Self, hash};
use aihash::identity;
use aihash::registry::{Self, Registry, RegistryCap};
use std::unit_test::assert_eq;
use sui::event;
use sui::test_scenario as ts;

#[test]
fun publication_shares_a_registry_with_the_seed_policy() {
    let mut scenario = fixtures::publish();
    let registry = scenario.take_shared<Registry>();
    assert_eq!(registry.network(), b"mainnet".to_string());
    assert_eq!(registry.identity_count(), 0);
    assert!(registry.platform_treasury().is_none());
    let policy = registry.policy();
    assert_eq!(policy.min_stakes(), vector[hash(100), hash(1_000), hash(10_000), hash(100_000)]);
    assert_eq!(policy.min_stake(1), hash(100));
    assert_eq!(policy.early_unstake_fee_bps(), 500);
    assert_eq!(policy.unstake_cooldown_ms(), 7 * 86_400_000);
    assert_eq!(policy.level2_capacity_passes(), 10);
    assert_eq!(policy.level3_tasks(), 100);
    assert_eq!(policy.level3_success_bps(), 9_500);
    assert_eq!(policy.capacity_solutions(), 16);
    ts::return_shared(registry);
    scenario.next_tx(fixtures::publisher());
    assert!(scenario.has_most_recent_for_sender<RegistryCap>());
    scenario.end();
}

#[test]
fun the_cap_holder_changes_the_policy_within_range() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_network(cap, b"testnet".to_string());
        registry.set_min_stakes(cap, vector[1, 2, 2, 3]);
        registry.set_unstake_terms(cap, 3_600_000, 0);
        registry.set_slash_probation(cap, 0);
        registry.set_trust_thresholds(cap, 1, 2, 5_000, 3, 6_000);
        registry.set_capacity_terms(cap, 60_000, 64, 1);
        assert_eq!(event::events_by_type<registry::PolicyChanged>().length(), 6);
        let policy = registry.policy();
        assert_eq!(registry.network(), b"testnet".to_string());
        assert_eq!(policy.min_stakes(), vector[1, 2, 2, 3]);
        assert_eq!(policy.unstake_cooldown_ms(), 3_600_000);
        assert_eq!(policy.early_unstake_fee_bps(), 0);
        assert_eq!(policy.slash_probation_ms(), 0);
        assert_eq!(policy.level4_tasks(), 3);
        assert_eq!(policy.level4_success_bps(), 6_000);
        assert_eq!(policy.capacity_window_ms(), 60_000);
        assert_eq!(policy.capacity_solutions(), 64);
        assert_eq!(policy.capacity_min_hashrate(), 1);
    });
    scenario.end();
}

#[test, expected_failure(abort_code = registry::ENetworkFixed)]
fun the_network_is_fixed_once_identities_exist() {
    let mut scenario = fixtures::publish();
    let clock = fixtures::clock_at(&mut scenario, 1);
    fixtures::new_identity(&mut scenario, fixtures::provider(), identity::role_provider(), &clock);
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_network(cap, b"testnet".to_string());
    });
    abort
}

#[test, expected_failure(abort_code = registry::EBadNetworkName)]
fun a_network_name_with_a_colon_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_network(cap, b"test:net".to_string());
    });
    abort
}

#[test, expected_failure(abort_code = registry::EBadNetworkName)]
fun an_empty_network_name_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_network(cap, b"".to_string());
    });
    abort
}

#[test, expected_failure(abort_code = registry::EMinStakesShape)]
fun decreasing_minimum_stakes_are_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_min_stakes(cap, vector[10, 5, 20, 30]);
    });
    abort
}

#[test, expected_failure(abort_code = registry::EMinStakesShape)]
fun three_minimum_stakes_are_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_min_stakes(cap, vector[10, 20, 30]);
    });
    abort
}

#[test, expected_failure(abort_code = registry::ECooldownOutOfRange)]
fun a_cooldown_under_an_hour_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_unstake_terms(cap, 3_599_999, 500);
    });
    abort
}

#[test, expected_failure(abort_code = registry::EFeeOutOfRange)]
fun an_early_unstake_fee_over_half_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_unstake_terms(cap, 3_600_000, 5_001);
    });
    abort
}

#[test, expected_failure(abort_code = registry::EProbationOutOfRange)]
fun a_probation_over_a_year_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_slash_probation(cap, 366 * 86_400_000);
    });
    abort
}

#[test, expected_failure(abort_code = registry::EThresholdOutOfRange)]
fun a_success_rate_over_100_percent_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_trust_thresholds(cap, 10, 100, 10_001, 1_000, 10_001);
    });
    abort
}

#[test, expected_failure(abort_code = registry::EThresholdOutOfRange)]
fun a_level_4_easier_than_level_3_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_trust_thresholds(cap, 10, 100, 9_500, 99, 9_900);
    });
    abort
}

#[test, expected_failure(abort_code = registry::ECapacityTermsOutOfRange)]
fun more_than_64_capacity_solutions_are_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_capacity_terms(cap, 600_000, 65, 1);
    });
    abort
}

#[test, expected_failure(abort_code = registry::ECapacityTermsOutOfRange)]
fun a_capacity_window_under_a_minute_is_refused() {
    let mut scenario = fixtures::publish();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_capacity_terms(cap, 59_999, 16, 1);
    });
    abort
}

#[test, expected_failure(abort_code = registry::EWrongRegistryCap)]
fun a_cap_of_another_registry_is_refused() {
    let mut scenario = fixtures::publish();
    // A second publication yields a second registry and cap.
    registry::init_for_testing(scenario.ctx());
    scenario.next_tx(fixtures::publisher());
    let caps = scenario.ids_for_sender<RegistryCap>();
    let mut registry = scenario.take_shared<Registry>();
    let first = scenario.take_from_sender_by_id<RegistryCap>(caps[0]);
    let second = scenario.take_from_sender_by_id<RegistryCap>(caps[1]);
    // One of the two caps is not this registry's.
    registry.set_slash_probation(&first, 0);
    registry.set_slash_probation(&second, 0);
    abort
}

#[test, expected_failure(abort_code = registry::ETreasuryAlreadySet)]
fun the_platform_treasury_is_set_once() {
    let scenario = fixtures::publish();
    let mut registry = scenario.take_shared<Registry>();
    registry.set_platform_treasury(object::id_from_address(@0x1));
    registry.set_platform_treasury(object::id_from_address(@0x2));
    abort
}
