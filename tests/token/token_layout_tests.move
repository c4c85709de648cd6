/// The BCS layout of the token's, the treasuries' and the registry's objects and events, pinned to
/// golden/vectors.json, which the Rust bindings decode.
#[test_only]
module aihash::token_layout_tests;

use aihash::fixtures;
use aihash::golden;
use aihash::hash::{Self, Genesis, HASH};
use aihash::registry::{Self, Registry};
use aihash::treasury::{Self, Treasury};
use aihash::vesting::{Self, Vesting};
use sui::event;
use sui::test_scenario as ts;

const NOW: u64 = 1_750_000_000_000;
const TEAM: address = @0x7EA;
const PRIVATE_SALE: address = @0x9121;
const PUBLIC_SALE: address = @0x9AB;

#[test]
fun registry_objects_and_events_match_golden_bytes() {
    let mut scenario = ts::begin(fixtures::publisher());
    registry::init_for_testing(scenario.ctx());
    golden::check(&event::events_by_type<registry::RegistryCreated>()[0], b"registry_created");
    scenario.next_tx(fixtures::publisher());
    let registry = scenario.take_shared<Registry>();
    golden::check(&registry, b"registry_object");
    ts::return_shared(registry);
    fixtures::with_registry_cap!(&mut scenario, |registry, cap| {
        registry.set_network(cap, b"testnet".to_string());
        golden::check(
            &event::events_by_type<registry::PolicyChanged>()[0],
            b"registry_policy_changed",
        );
    });
    scenario.end();
}

#[test]
fun genesis_vesting_and_treasury_events_match_golden_bytes() {
    let mut scenario = fixtures::publish();
    let mut clock = fixtures::clock_at(&mut scenario, NOW);
    let genesis = scenario.take_from_sender<Genesis>();
    let mut registry = scenario.take_shared<Registry>();
    let caps = genesis.distribute(
        &mut registry,
        &clock,
        TEAM,
        PRIVATE_SALE,
        PUBLIC_SALE,
        scenario.ctx(),
    );
    golden::check(
        &event::events_by_type<hash::GenesisDistributed>()[0],
        b"hash_genesis_distributed",
    );
    golden::check(&event::events_by_type<vesting::VestingCreated>()[0], b"vesting_created");
    golden::check(&event::events_by_type<treasury::TreasuryCreated>()[0], b"treasury_created");
    golden::check(
        &event::events_by_type<treasury::FundsDeposited>()[0],
        b"treasury_funds_deposited",
    );
    let (community, platform, ecosystem) = caps.into_caps();
    golden::check(&platform, b"treasury_spend_cap");
    transfer::public_transfer(community, fixtures::publisher());
    transfer::public_transfer(ecosystem, fixtures::publisher());
    ts::return_shared(registry);

    scenario.next_tx(fixtures::publisher());
    let mut pool = scenario.take_shared_by_id<Treasury>(platform.treasury_id());
    let spent = pool.spend<HASH>(&platform, 1_000, scenario.ctx());
    golden::check(&event::events_by_type<treasury::FundsSpent>()[0], b"treasury_funds_spent");
    transfer::public_transfer(spent, TEAM);
    ts::return_shared(pool);
    transfer::public_transfer(platform, fixtures::publisher());

    scenario.next_tx(TEAM);
    let mut team = scenario.take_from_sender<Vesting<HASH>>();
    golden::check(&team, b"vesting_object");
    clock.set_for_testing(NOW + 2 * 365 * 86_400_000);
    let claimed = team.claim(&clock, scenario.ctx());
    golden::check(&event::events_by_type<vesting::VestingClaimed>()[0], b"vesting_claimed");
    transfer::public_transfer(claimed, TEAM);
    scenario.return_to_sender(team);
    clock.destroy_for_testing();
    scenario.end();
}
