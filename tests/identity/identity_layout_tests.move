/// The BCS layout of the identity, its events and those of staking and capacity challenges, pinned
/// to golden/vectors.json, which the Rust bindings decode.
#[test_only]
module aihash::identity_layout_tests;

use aihash::capacity::{Self, CapacityChallenge};
use aihash::fixtures::{Self, hash};
use aihash::golden;
use aihash::identity::{Self, Identity, IdentityChanged};
use aihash::registry::Registry;
use aihash::staking;
use aihash::treasury::Treasury;
use sui::bcs;
use sui::event;
use sui::random::Random;
use sui::test_scenario::{Self as ts, Scenario};

const NOW: u64 = 1_750_000_000_000;

fun changes(): vector<IdentityChanged> { event::events_by_type<IdentityChanged>() }

fun take(scenario: &Scenario, id: ID): (Identity, Registry) {
    (scenario.take_shared_by_id<Identity>(id), scenario.take_shared<Registry>())
}

fun put(identity: Identity, registry: Registry) {
    ts::return_shared(identity);
    ts::return_shared(registry);
}

#[test]
fun identity_and_its_changes_match_golden_bytes() {
    let mut scenario = fixtures::publish();
    let mut clock = fixtures::clock_at(&mut scenario, NOW);
    let treasury_id = fixtures::distribute_genesis(&mut scenario, &clock);

    scenario.next_tx(fixtures::keeper());
    let mut registry = scenario.take_shared<Registry>();
    let keeper = identity::new(
        &mut registry,
        identity::role_keeper() | identity::role_provider(),
        &clock,
        scenario.ctx(),
    );
    let id = object::id(&keeper);
    golden::check(&changes()[0], b"identity_changed_created");
    keeper.share();
    ts::return_shared(registry);

    scenario.next_tx(fixtures::keeper());
    let (mut keeper, registry) = take(&scenario, id);
    keeper.add_method(
        &registry,
        b"keeper-1".to_string(),
        identity::key_ed25519(),
        fixtures::ed25519_key(7),
        identity::purpose_keeper_signing() | identity::purpose_authentication(),
        &clock,
        scenario.ctx(),
    );
    golden::check(&changes()[0], b"identity_changed_method_added");
    keeper.rotate_method(
        &registry,
        b"keeper-1".to_string(),
        identity::key_secp256k1(),
        fixtures::secp256k1_key(8),
        &clock,
        scenario.ctx(),
    );
    golden::check(&changes()[1], b"identity_changed_method_rotated");
    keeper.add_method(
        &registry,
        b"auth-1".to_string(),
        identity::key_ed25519(),
        fixtures::ed25519_key(9),
        identity::purpose_authentication(),
        &clock,
        scenario.ctx(),
    );
    keeper.revoke_method(&registry, b"auth-1".to_string(), &clock, scenario.ctx());
    golden::check(&changes()[3], b"identity_changed_method_revoked");
    keeper.add_service(
        b"stratum".to_string(),
        b"StratumEndpoint".to_string(),
        b"stratum+tcp://keeper.example:3333".to_string(),
        &clock,
        scenario.ctx(),
    );
    golden::check(&changes()[4], b"identity_changed_service_added");
    keeper.add_service(
        b"old".to_string(),
        b"LinkedDomains".to_string(),
        b"https://keeper.example".to_string(),
        &clock,
        scenario.ctx(),
    );
    keeper.remove_service(b"old".to_string(), &clock, scenario.ctx());
    golden::check(&changes()[6], b"identity_changed_service_removed");

    let coin = fixtures::mint(&mut scenario, hash(2_000));
    staking::stake(&mut keeper, &registry, coin, &clock, scenario.ctx());
    golden::check(&event::events_by_type<staking::Staked>()[0], b"staking_staked");
    10u64.do!(|_| keeper.record_capacity(registry.policy(), true, 1_000_000_000_000, NOW));
    // Seven changes so far, then ten record changes; the first provider pass verified it.
    golden::check(&changes()[7], b"identity_changed_record_changed");
    golden::check(&changes()[8], b"identity_changed_status_changed");
    golden::check(&changes()[18], b"identity_changed_trust_level_changed");
    keeper.activate(&registry, &clock, scenario.ctx());
    keeper.set_controller(fixtures::provider(), &clock, scenario.ctx());
    golden::check(&changes()[20], b"identity_changed_controller_changed");
    golden::check(&keeper, b"identity_object");
    put(keeper, registry);

    scenario.next_tx(fixtures::provider());
    let (mut keeper, registry) = take(&scenario, id);
    staking::request_unstake(&mut keeper, &registry, hash(500), &clock, scenario.ctx());
    golden::check(
        &event::events_by_type<staking::UnstakeRequested>()[0],
        b"staking_unstake_requested",
    );
    clock.set_for_testing(NOW + registry.policy().unstake_cooldown_ms());
    let paid = staking::withdraw(&mut keeper, &registry, &clock, scenario.ctx());
    golden::check(&event::events_by_type<staking::StakeWithdrawn>()[0], b"staking_stake_withdrawn");
    transfer::public_transfer(paid, fixtures::provider());
    let mut treasury = scenario.take_shared_by_id<Treasury>(treasury_id);
    staking::slash(
        &mut keeper,
        &registry,
        &mut treasury,
        hash(300),
        fixtures::stranger(),
        5_000,
        &clock,
        scenario.ctx(),
    );
    golden::check(&event::events_by_type<staking::StakeSlashed>()[0], b"staking_stake_slashed");
    ts::return_shared(treasury);
    put(keeper, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun capacity_challenges_and_their_events_match_golden_bytes() {
    let mut scenario = fixtures::publish();
    scenario.next_tx(@0x0);
    let mut random = scenario.take_shared<Random>();
    random.update_randomness_state_for_testing(
        0,
        x"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        scenario.ctx(),
    );
    ts::return_shared(random);
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_capacity_terms(cap, 60_000, 1, 1);
    });
    let clock = fixtures::clock_at(&mut scenario, NOW);
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );

    let (mut provider, registry) = take(&scenario, id);
    let random = scenario.take_shared<Random>();
    capacity::request_for_testing(&registry, &mut provider, 1, &random, &clock, scenario.ctx());
    golden::check(
        &event::events_by_type<capacity::CapacityChallengeIssued>()[0],
        b"capacity_challenge_issued",
    );
    ts::return_shared(random);
    put(provider, registry);

    scenario.next_tx(fixtures::provider());
    let (mut provider, registry) = take(&scenario, id);
    let mut challenge = scenario.take_shared<CapacityChallenge>();
    golden::check(&challenge, b"capacity_challenge_object");
    // Mine the one solution required.
    let mut nonce = 0u32;
    let header = loop {
        let mut bytes = bcs::to_bytes(&capacity::template_version());
        bytes.append(challenge.prev_block());
        bytes.append(challenge.merkle_root());
        bytes.append(bcs::to_bytes(&((NOW / 1000) as u32)));
        bytes.append(bcs::to_bytes(&challenge.bits()));
        bytes.append(bcs::to_bytes(&nonce));
        if (aihash::pow::meets_target(aihash::pow::sha256d(bytes), challenge.target())) break bytes;
        nonce = nonce + 1;
    };
    challenge.submit(&mut provider, &registry, header, &clock, scenario.ctx());
    golden::check(
        &event::events_by_type<capacity::CapacitySolutionAccepted>()[0],
        b"capacity_solution_accepted",
    );
    golden::check(
        &event::events_by_type<capacity::CapacityChallengeClosed>()[0],
        b"capacity_challenge_closed",
    );
    ts::return_shared(challenge);
    put(provider, registry);
    clock.destroy_for_testing();
    scenario.end();
}
