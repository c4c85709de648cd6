#[test_only]
module aihash::identity_tests;

use aihash::fixtures::{Self, hash, ed25519_key, secp256k1_key};
use aihash::identity::{Self, Identity};
use aihash::registry::Registry;
use aihash::staking;
use std::unit_test::assert_eq;
use sui::clock::Clock;
use sui::event;
use sui::test_scenario::{Self as ts, Scenario};

const NOW: u64 = 1_750_000_000_000;

/// A published package and a clock; the caller gets `(scenario, clock)`.
fun start(): (Scenario, Clock) {
    let mut scenario = fixtures::publish();
    let clock = fixtures::clock_at(&mut scenario, NOW);
    (scenario, clock)
}

fun take(scenario: &Scenario, id: ID): (Identity, Registry) {
    (scenario.take_shared_by_id<Identity>(id), scenario.take_shared<Registry>())
}

fun put(identity: Identity, registry: Registry) {
    ts::return_shared(identity);
    ts::return_shared(registry);
}

fun changes(): vector<identity::IdentityChanged> {
    event::events_by_type<identity::IdentityChanged>()
}

fun add_auth_key(
    identity: &mut Identity,
    registry: &Registry,
    name: vector<u8>,
    seed: u8,
    clock: &Clock,
    scenario: &mut Scenario,
) {
    identity.add_method(
        registry,
        name.to_string(),
        identity::key_ed25519(),
        ed25519_key(seed),
        identity::purpose_authentication(),
        clock,
        scenario.ctx(),
    );
}

// === Creation ===

#[test]
fun a_new_identity_is_pending_with_its_did_and_controller() {
    let (mut scenario, clock) = start();
    scenario.next_tx(fixtures::provider());
    let mut registry = scenario.take_shared<Registry>();
    let identity = identity::new(&mut registry, identity::role_provider(), &clock, scenario.ctx());
    let id = object::id(&identity);
    let did = identity.did();
    assert_eq!(did, identity::did_for(b"mainnet".to_string(), id));
    assert_eq!(did.length(), 82);
    assert_eq!(did.substring(0, 18), b"did:sui:mainnet:0x".to_string());
    assert_eq!(did.substring(18, 82), sui::address::to_string(id.to_address()));
    assert_eq!(identity.controller(), fixtures::provider());
    assert!(identity.is_provider());
    assert!(!identity.is_keeper());
    assert_eq!(identity.status(), identity::status_pending());
    assert_eq!(identity.trust_level(), 1);
    assert_eq!(identity.revision(), 1);
    assert_eq!(identity.created_ms(), NOW);
    assert_eq!(registry.identity_count(), 1);
    assert_eq!(changes().length(), 1);
    identity.share();
    ts::return_shared(registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun the_did_names_the_registry_network() {
    let (mut scenario, clock) = start();
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_network(cap, b"testnet".to_string());
    });
    let id = fixtures::new_identity(&mut scenario, fixtures::keeper(), 3, &clock);
    let (identity, registry) = take(&scenario, id);
    assert_eq!(identity.did().substring(0, 18), b"did:sui:testnet:0x".to_string());
    assert!(identity.is_provider() && identity.is_keeper());
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = identity::EBadRoles)]
fun an_identity_without_roles_is_refused() {
    let (mut scenario, clock) = start();
    fixtures::new_identity(&mut scenario, fixtures::provider(), 0, &clock);
    abort
}

#[test, expected_failure(abort_code = identity::EBadRoles)]
fun an_unknown_role_is_refused() {
    let (mut scenario, clock) = start();
    fixtures::new_identity(&mut scenario, fixtures::provider(), 4, &clock);
    abort
}

// === Verification methods ===

#[test]
fun keys_are_added_rotated_and_revoked_with_a_revision_each() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    identity.add_method(
        &registry,
        b"key-2".to_string(),
        identity::key_secp256k1(),
        secp256k1_key(2),
        identity::purpose_authentication() | identity::purpose_assertion(),
        &clock,
        scenario.ctx(),
    );
    assert_eq!(identity.methods().length(), 2);
    assert_eq!(identity.methods()[1].purposes(), 3);

    identity.rotate_method(
        &registry,
        b"key-1".to_string(),
        identity::key_ed25519(),
        ed25519_key(9),
        &clock,
        scenario.ctx(),
    );
    assert_eq!(identity.methods()[0].public_key(), ed25519_key(9));
    assert_eq!(identity.methods()[0].purposes(), identity::purpose_authentication());

    identity.revoke_method(&registry, b"key-2".to_string(), &clock, scenario.ctx());
    assert_eq!(identity.methods().length(), 1);
    assert_eq!(identity.methods()[0].method_id(), b"key-1".to_string());
    // Created, two additions, one rotation, one revocation.
    assert_eq!(identity.revision(), 5);
    let events = changes();
    assert_eq!(events.length(), 4);
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun a_keeper_signing_key_verifies_a_keeper() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"auth", 1, &clock, &mut scenario);
    assert_eq!(identity.status(), identity::status_pending());
    identity.add_method(
        &registry,
        b"keeper".to_string(),
        identity::key_ed25519(),
        ed25519_key(2),
        identity::purpose_keeper_signing(),
        &clock,
        scenario.ctx(),
    );
    assert_eq!(identity.status(), identity::status_verified());
    assert!(identity.has_keeper_key());
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_adds_keys() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::ETooManyMethods)]
fun a_ninth_key_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    let names = vector[b"k1", b"k2", b"k3", b"k4", b"k5", b"k6", b"k7", b"k8", b"k9"];
    names
        .length()
        .do!(|i| add_auth_key(&mut identity, &registry, names[i], i as u8, &clock, &mut scenario));
    abort
}

#[test, expected_failure(abort_code = identity::EDuplicateMethod)]
fun a_key_id_is_used_once() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    add_auth_key(&mut identity, &registry, b"key-1", 2, &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EBadFragment)]
fun a_key_id_with_a_hash_sign_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key#1", 1, &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EBadFragment)]
fun an_empty_key_id_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"", 1, &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EBadFragment)]
fun a_key_id_over_64_characters_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(
        &mut identity,
        &registry,
        vector::tabulate!(65, |_| 0x61),
        1,
        &clock,
        &mut scenario,
    );
    abort
}

#[test, expected_failure(abort_code = identity::EUnknownKeyType)]
fun an_unknown_key_type_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.add_method(&registry, b"k".to_string(), 3, ed25519_key(1), 1, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::EBadKeyLength)]
fun a_short_ed25519_key_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    let mut key = ed25519_key(1);
    key.pop_back();
    identity.add_method(
        &registry,
        b"k".to_string(),
        identity::key_ed25519(),
        key,
        1,
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::EBadKeyLength)]
fun an_uncompressed_secp256k1_prefix_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    let mut key = secp256k1_key(1);
    *&mut key[0] = 4;
    identity.add_method(
        &registry,
        b"k".to_string(),
        identity::key_secp256k1(),
        key,
        1,
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::EBadPurposes)]
fun a_key_without_purpose_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.add_method(
        &registry,
        b"k".to_string(),
        identity::key_ed25519(),
        ed25519_key(1),
        0,
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::EBadPurposes)]
fun an_unknown_purpose_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.add_method(
        &registry,
        b"k".to_string(),
        identity::key_ed25519(),
        ed25519_key(1),
        8,
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::ESameKey)]
fun rotating_to_the_same_key_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    identity.rotate_method(
        &registry,
        b"key-1".to_string(),
        identity::key_ed25519(),
        ed25519_key(1),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::EUnknownMethod)]
fun rotating_an_unknown_key_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.rotate_method(
        &registry,
        b"key-1".to_string(),
        identity::key_ed25519(),
        ed25519_key(1),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::EUnknownMethod)]
fun revoking_an_unknown_key_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.revoke_method(&registry, b"key-1".to_string(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_rotates_keys() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    put(identity, registry);
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    identity.rotate_method(
        &registry,
        b"key-1".to_string(),
        identity::key_ed25519(),
        ed25519_key(2),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_revokes_keys() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    put(identity, registry);
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    identity.revoke_method(&registry, b"key-1".to_string(), &clock, scenario.ctx());
    abort
}

// === Services ===

fun add_stratum(
    identity: &mut Identity,
    name: vector<u8>,
    endpoint: vector<u8>,
    clock: &Clock,
    scenario: &mut Scenario,
) {
    identity.add_service(
        name.to_string(),
        b"StratumEndpoint".to_string(),
        endpoint.to_string(),
        clock,
        scenario.ctx(),
    );
}

#[test]
fun services_are_added_and_removed() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_stratum(
        &mut identity,
        b"stratum",
        b"stratum+tcp://keeper.example:3333",
        &clock,
        &mut scenario,
    );
    add_stratum(
        &mut identity,
        b"stratum-eu",
        b"stratum+tcp://eu.keeper.example:3333",
        &clock,
        &mut scenario,
    );
    assert_eq!(identity.services().length(), 2);
    assert_eq!(identity.services()[0].service_type(), b"StratumEndpoint".to_string());
    assert_eq!(
        identity.services()[1].endpoint(),
        b"stratum+tcp://eu.keeper.example:3333".to_string(),
    );
    identity.remove_service(b"stratum".to_string(), &clock, scenario.ctx());
    assert_eq!(identity.services().length(), 1);
    assert_eq!(identity.services()[0].service_id(), b"stratum-eu".to_string());
    assert_eq!(identity.revision(), 4);
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = identity::ETooManyServices)]
fun a_ninth_service_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    let names = vector[b"s1", b"s2", b"s3", b"s4", b"s5", b"s6", b"s7", b"s8", b"s9"];
    names.do!(|name| add_stratum(&mut identity, name, b"stratum+tcp://k:1", &clock, &mut scenario));
    abort
}

#[test, expected_failure(abort_code = identity::EDuplicateService)]
fun a_service_id_is_used_once() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    add_stratum(&mut identity, b"stratum", b"stratum+tcp://k:1", &clock, &mut scenario);
    add_stratum(&mut identity, b"stratum", b"stratum+tcp://k:2", &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EBadEndpoint)]
fun an_endpoint_with_a_space_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    add_stratum(&mut identity, b"stratum", b"stratum+tcp://k :1", &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EBadEndpoint)]
fun an_endpoint_over_256_bytes_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    add_stratum(&mut identity, b"stratum", vector::tabulate!(257, |_| 0x61), &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EBadServiceType)]
fun an_empty_service_type_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    identity.add_service(
        b"s".to_string(),
        b"".to_string(),
        b"x".to_string(),
        &clock,
        scenario.ctx(),
    );
    abort
}

#[test, expected_failure(abort_code = identity::EUnknownService)]
fun removing_an_unknown_service_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    identity.remove_service(b"stratum".to_string(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_adds_services() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    scenario.next_tx(fixtures::stranger());
    let (mut identity, _registry) = take(&scenario, id);
    add_stratum(&mut identity, b"stratum", b"stratum+tcp://k:1", &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_removes_services() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    add_stratum(&mut identity, b"stratum", b"stratum+tcp://k:1", &clock, &mut scenario);
    put(identity, registry);
    scenario.next_tx(fixtures::stranger());
    let (mut identity, _registry) = take(&scenario, id);
    identity.remove_service(b"stratum".to_string(), &clock, scenario.ctx());
    abort
}

// === Controller ===

#[test]
fun a_new_controller_takes_over_and_the_old_one_is_locked_out() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.set_controller(fixtures::keeper(), &clock, scenario.ctx());
    assert_eq!(identity.controller(), fixtures::keeper());
    put(identity, registry);
    scenario.next_tx(fixtures::keeper());
    let (mut identity, registry) = take(&scenario, id);
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    assert_eq!(identity.methods().length(), 1);
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun the_old_controller_cannot_act_after_a_handover() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.set_controller(fixtures::keeper(), &clock, scenario.ctx());
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::ESameController)]
fun handing_over_to_oneself_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    identity.set_controller(fixtures::provider(), &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_hands_over() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    scenario.next_tx(fixtures::stranger());
    let (mut identity, _registry) = take(&scenario, id);
    identity.set_controller(fixtures::stranger(), &clock, scenario.ctx());
    abort
}

// === Status ===

#[test]
fun a_verified_staked_identity_activates_pauses_and_resumes() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    let (mut identity, registry) = take(&scenario, id);
    assert!(identity.is_active());
    identity.pause(&clock, scenario.ctx());
    assert_eq!(identity.status(), identity::status_inactive());
    identity.activate(&registry, &clock, scenario.ctx());
    assert!(identity.is_active());
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test]
fun unstaking_below_the_minimum_makes_an_active_identity_inactive() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(150), &clock);
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, hash(50), &clock, scenario.ctx());
    assert!(identity.is_active());
    staking::request_unstake(&mut identity, &registry, 1, &clock, scenario.ctx());
    assert_eq!(identity.status(), identity::status_inactive());
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = identity::ENotVerified)]
fun a_pending_identity_cannot_activate() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    let coin = fixtures::mint(&mut scenario, hash(100));
    staking::stake(&mut identity, &registry, coin, &clock, scenario.ctx());
    identity.activate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::EBelowMinimumStake)]
fun activation_needs_the_level_1_minimum_stake() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    let (mut identity, registry) = take(&scenario, id);
    staking::request_unstake(&mut identity, &registry, 1, &clock, scenario.ctx());
    identity.activate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::EAlreadyActive)]
fun activating_twice_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    let (mut identity, registry) = take(&scenario, id);
    identity.activate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotActive)]
fun pausing_an_identity_that_is_not_active_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::keeper(),
        identity::role_keeper(),
        &clock,
    );
    let (mut identity, _registry) = take(&scenario, id);
    identity.pause(&clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_activates() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    let (mut identity, registry) = take(&scenario, id);
    identity.pause(&clock, scenario.ctx());
    put(identity, registry);
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    identity.activate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_pauses() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    scenario.next_tx(fixtures::stranger());
    let (mut identity, _registry) = take(&scenario, id);
    identity.pause(&clock, scenario.ctx());
    abort
}

// === Deactivation ===

#[test]
fun deactivation_is_final_and_starts_the_stake_cooldown() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(300), &clock);
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    assert_eq!(identity.status(), identity::status_deactivated());
    assert!(!identity.is_active());
    assert_eq!(identity.stake().active(), 0);
    assert_eq!(identity.stake().unstaking(), hash(300));
    assert_eq!(identity.stake().unlock_ms(), NOW + registry.policy().unstake_cooldown_ms());
    put(identity, registry);
    clock.destroy_for_testing();
    scenario.end();
}

#[test, expected_failure(abort_code = identity::EDeactivated)]
fun a_deactivated_identity_takes_no_new_keys() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    add_auth_key(&mut identity, &registry, b"key-1", 1, &clock, &mut scenario);
    abort
}

#[test, expected_failure(abort_code = identity::EDeactivated)]
fun a_deactivated_identity_cannot_be_activated() {
    let (mut scenario, clock) = start();
    let id = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(100), &clock);
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    identity.activate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::EDeactivated)]
fun deactivating_twice_is_refused() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    identity.deactivate(&registry, &clock, scenario.ctx());
    abort
}

#[test, expected_failure(abort_code = identity::ENotController)]
fun only_the_controller_deactivates() {
    let (mut scenario, clock) = start();
    let id = fixtures::new_identity(
        &mut scenario,
        fixtures::provider(),
        identity::role_provider(),
        &clock,
    );
    scenario.next_tx(fixtures::stranger());
    let (mut identity, registry) = take(&scenario, id);
    identity.deactivate(&registry, &clock, scenario.ctx());
    abort
}
