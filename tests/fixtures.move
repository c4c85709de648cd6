/// Shared setup for the package's tests: a published package (registry, HASH), identities with
/// stake, keys and a clock.
#[test_only]
module aihash::fixtures;

use aihash::hash::{Self, HASH, Genesis};
use aihash::identity::{Self, Identity};
use aihash::registry::{Self, Registry, RegistryCap};
use aihash::staking;
use sui::clock::{Self, Clock};
use sui::coin::{Self, Coin};
use sui::coin_registry::Currency;
use sui::test_scenario::{Self as ts, Scenario};

const PUBLISHER: address = @0xA11CE;
const PROVIDER: address = @0xB0B;
const KEEPER: address = @0xCAFE;
const STRANGER: address = @0xBAD;

public fun publisher(): address { PUBLISHER }

public fun provider(): address { PROVIDER }

public fun keeper(): address { KEEPER }

public fun stranger(): address { STRANGER }

/// `amount` whole HASH in base units.
public fun hash(amount: u64): u64 { amount * hash::one_hash() }

/// A scenario right after publication: the registry is shared, the publisher holds its cap, the
/// genesis object and the HASH currency exists; the next transaction is the publisher's.
public fun publish(): Scenario {
    let mut scenario = ts::begin(PUBLISHER);
    scenario.create_system_objects();
    registry::init_for_testing(scenario.ctx());
    hash::init_for_testing(scenario.ctx());
    scenario.next_tx(PUBLISHER);
    scenario
}

/// Distributes the genesis supply (spend caps to the publisher); returns the platform treasury's id.
public fun distribute_genesis(scenario: &mut Scenario, clock: &Clock): ID {
    scenario.next_tx(PUBLISHER);
    let genesis = scenario.take_from_sender<Genesis>();
    let mut registry = scenario.take_shared<Registry>();
    let caps = genesis.distribute(
        &mut registry,
        clock,
        PUBLISHER,
        PUBLISHER,
        PUBLISHER,
        scenario.ctx(),
    );
    let (community, platform, ecosystem) = caps.into_caps();
    let platform_id = platform.treasury_id();
    transfer::public_transfer(community, PUBLISHER);
    transfer::public_transfer(platform, PUBLISHER);
    transfer::public_transfer(ecosystem, PUBLISHER);
    ts::return_shared(registry);
    scenario.next_tx(PUBLISHER);
    platform_id
}

/// A clock at `ms`.
public fun clock_at(scenario: &mut Scenario, ms: u64): Clock {
    let mut clock = clock::create_for_testing(scenario.ctx());
    clock.set_for_testing(ms);
    clock
}

/// Fresh HASH for tests (outside the genesis allocation).
public fun mint(scenario: &mut Scenario, amount: u64): Coin<HASH> {
    coin::mint_for_testing(amount, scenario.ctx())
}

/// The HASH currency, which the coin registry holds.
public fun take_currency(scenario: &Scenario): Currency<HASH> {
    ts::take_from_address<Currency<HASH>>(scenario, @0xc)
}

public fun return_currency(currency: Currency<HASH>) {
    ts::return_to_address(@0xc, currency);
}

/// Runs `f` on the registry and its cap in a transaction of the publisher.
public macro fun with_registry_cap($scenario: &mut Scenario, $f: |&mut Registry, &RegistryCap|) {
    let scenario = $scenario;
    scenario.next_tx(publisher());
    let mut registry = scenario.take_shared<Registry>();
    let cap = scenario.take_from_sender<RegistryCap>();
    $f(&mut registry, &cap);
    scenario.return_to_sender(cap);
    ts::return_shared(registry);
}

/// Creates and shares an identity controlled by `controller`; returns its id.
public fun new_identity(
    scenario: &mut Scenario,
    controller: address,
    roles: u8,
    clock: &Clock,
): ID {
    scenario.next_tx(controller);
    let mut registry = scenario.take_shared<Registry>();
    let identity = identity::new(&mut registry, roles, clock, scenario.ctx());
    let id = object::id(&identity);
    identity.share();
    ts::return_shared(registry);
    scenario.next_tx(controller);
    id
}

/// A 32-byte Ed25519 public key filled with `seed`.
public fun ed25519_key(seed: u8): vector<u8> { vector::tabulate!(32, |_| seed) }

/// A 33-byte compressed Secp256k1 public key: prefix 0x02, then `seed`.
public fun secp256k1_key(seed: u8): vector<u8> {
    let mut key = vector[2u8];
    key.append(vector::tabulate!(32, |_| seed));
    key
}

/// A keeper identity that is active with `stake` HASH: keeper-signing key, stake, activated.
public fun active_keeper(
    scenario: &mut Scenario,
    controller: address,
    stake: u64,
    clock: &Clock,
): ID {
    let id = new_identity(scenario, controller, identity::role_keeper(), clock);
    let registry = scenario.take_shared<Registry>();
    let mut keeper = scenario.take_shared_by_id<Identity>(id);
    keeper.add_method(
        &registry,
        b"keeper-1".to_string(),
        identity::key_ed25519(),
        ed25519_key(7),
        identity::purpose_keeper_signing(),
        clock,
        scenario.ctx(),
    );
    let coin = mint(scenario, stake);
    staking::stake(&mut keeper, &registry, coin, clock, scenario.ctx());
    keeper.activate(&registry, clock, scenario.ctx());
    ts::return_shared(keeper);
    ts::return_shared(registry);
    scenario.next_tx(controller);
    id
}
