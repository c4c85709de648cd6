#[test_only]
module aihash::trust_tests;

use aihash::fixtures::{Self, hash};
use aihash::identity::{Self, Identity};
use aihash::registry::{Registry, Policy};
use aihash::reputation;
use aihash::staking;
use aihash::trust;
use std::unit_test::assert_eq;
use sui::event;
use sui::test_scenario as ts;

const NOW: u64 = 1_750_000_000_000;

/// The level under `policy` for a stake (whole HASH) and a record.
fun level_of(
    policy: &Policy,
    stake: u64,
    settled: u64,
    failed: u64,
    capacity: u64,
    timed_out: u64,
): u8 {
    let rep = reputation::new_for_testing(settled, failed, capacity, timed_out);
    trust::level(policy, hash(stake), &rep)
}

/// Runs `f` with the seed policy.
macro fun with_seed_policy($f: |&Policy|) {
    let scenario = fixtures::publish();
    let registry = scenario.take_shared<Registry>();
    $f(registry.policy());
    ts::return_shared(registry);
    scenario.end();
}

#[test]
fun every_identity_starts_at_level_1() {
    with_seed_policy!(|p| {
        assert_eq!(level_of(p, 0, 0, 0, 0, 0), 1);
        assert_eq!(level_of(p, 1_000_000, 0, 0, 0, 0), 1);
    });
}

#[test]
fun level_2_needs_1000_hash_and_10_capacity_passes() {
    with_seed_policy!(|p| {
        assert_eq!(level_of(p, 1_000, 0, 0, 10, 0), 2);
        assert_eq!(level_of(p, 1_000, 0, 0, 9, 0), 1);
        assert_eq!(level_of(p, 999, 0, 0, 10, 0), 1);
    });
}

#[test]
fun level_3_needs_10000_hash_100_tasks_and_95_percent_success() {
    with_seed_policy!(|p| {
        // 100 settled, 5 failed: 95.23%.
        assert_eq!(level_of(p, 10_000, 100, 5, 10, 0), 3);
        // 100 settled, 6 timed out: 94.33%.
        assert_eq!(level_of(p, 10_000, 100, 0, 10, 6), 2);
        assert_eq!(level_of(p, 10_000, 99, 0, 10, 0), 2);
        assert_eq!(level_of(p, 9_999, 100, 0, 10, 0), 2);
        // Without level 2's capacity record, no level 3.
        assert_eq!(level_of(p, 10_000, 100, 0, 9, 0), 1);
    });
}

#[test]
fun level_4_needs_100000_hash_1000_tasks_and_99_percent_success() {
    with_seed_policy!(|p| {
        // 1,000 settled, 10 failed: exactly 99%.
        assert_eq!(level_of(p, 100_000, 1_000, 10, 10, 0), 4);
        assert_eq!(level_of(p, 100_000, 1_000, 11, 10, 0), 3);
        assert_eq!(level_of(p, 99_999, 1_000, 0, 10, 0), 3);
        assert_eq!(level_of(p, 100_000, 999, 0, 10, 0), 3);
    });
}

#[test]
fun success_rate_counts_settled_against_failed_and_timed_out() {
    assert_eq!(reputation::new_for_testing(0, 0, 0, 0).success_bps(), 0);
    assert_eq!(reputation::new_for_testing(3, 1, 0, 0).success_bps(), 7_500);
    assert_eq!(reputation::new_for_testing(1, 1, 0, 2).success_bps(), 2_500);
    assert_eq!(reputation::new_for_testing(7, 0, 0, 0).success_bps(), 10_000);
}

#[test]
fun an_identitys_level_follows_its_record_and_stake() {
    let mut scenario = fixtures::publish();
    let clock = fixtures::clock_at(&mut scenario, NOW);
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(1_000), &clock);
    let mut identity = scenario.take_shared_by_id<Identity>(id);
    let registry = scenario.take_shared<Registry>();
    10u64.do!(|_| identity.record_capacity(registry.policy(), true, 1_000, NOW));
    assert_eq!(identity.reputation().capacity_passed(), 10);
    assert_eq!(identity.verified_hashrate(), 1_000);
    assert_eq!(identity.trust_level(), 2);
    let changes = event::events_by_type<identity::IdentityChanged>();
    // Ten record changes and one trust level change.
    assert_eq!(changes.length(), 11);

    staking::request_unstake(&mut identity, &registry, 1, &clock, scenario.ctx());
    assert_eq!(identity.trust_level(), 1);

    identity.record_report_settled(registry.policy(), NOW);
    identity.record_challenge_passed(registry.policy(), NOW);
    identity.record_challenge_failed(registry.policy(), NOW);
    identity.record_task_timed_out(registry.policy(), NOW);
    let rep = identity.reputation();
    assert_eq!(rep.reports_settled(), 1);
    assert_eq!(rep.challenges_passed(), 1);
    assert_eq!(rep.challenges_failed(), 1);
    assert_eq!(rep.tasks_timed_out(), 1);
    assert_eq!(rep.capacity_failed(), 0);
    ts::return_shared(identity);
    ts::return_shared(registry);
    clock.destroy_for_testing();
    scenario.end();
}
