#[test_only]
module aihash::hash_tests;

use aihash::fixtures;
use aihash::hash::{Self, HASH, Genesis};
use aihash::registry::Registry;
use aihash::treasury::Treasury;
use aihash::vesting::Vesting;
use std::unit_test::{assert_eq, destroy};
use sui::coin::Coin;
use sui::event;
use sui::test_scenario as ts;

const TEAM: address = @0x7EA;
const PRIVATE_SALE: address = @0x9121;
const PUBLIC_SALE: address = @0x9AB;
const DAY_MS: u64 = 86_400_000;
const NOW: u64 = 1_750_000_000_000;

#[test]
fun publication_mints_the_whole_supply_once_into_genesis_with_a_burn_only_currency() {
    let scenario = fixtures::publish();
    let genesis = scenario.take_from_sender<Genesis>();
    assert_eq!(genesis.genesis_supply(), 1_000_000_000 * 1_000_000_000);
    assert_eq!(genesis.genesis_supply(), hash::total_supply());
    let currency = fixtures::take_currency(&scenario);
    assert_eq!(currency.decimals(), 9);
    assert_eq!(currency.symbol(), b"HASH".to_string());
    assert!(currency.is_supply_burn_only());
    assert_eq!(currency.total_supply(), option::some(hash::total_supply()));
    fixtures::return_currency(currency);
    scenario.return_to_sender(genesis);
    scenario.end();
}

#[test]
fun distribution_follows_the_allocation_table() {
    let mut scenario = fixtures::publish();
    let clock = fixtures::clock_at(&mut scenario, NOW);
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
    let (community_cap, treasury_cap, ecosystem_cap) = caps.into_caps();
    let distributed = event::events_by_type<hash::GenesisDistributed>();
    assert_eq!(distributed.length(), 1);
    ts::return_shared(registry);
    scenario.next_tx(fixtures::publisher());

    let million = 1_000_000 * hash::one_hash();
    let community = scenario.take_shared_by_id<Treasury>(community_cap.treasury_id());
    let platform = scenario.take_shared_by_id<Treasury>(treasury_cap.treasury_id());
    let ecosystem = scenario.take_shared_by_id<Treasury>(ecosystem_cap.treasury_id());
    assert_eq!(community.balance<HASH>(), 400 * million);
    assert_eq!(platform.balance<HASH>(), 200 * million);
    assert_eq!(ecosystem.balance<HASH>(), 50 * million);
    assert_eq!(community.purpose(), b"community rewards".to_string());
    assert_eq!(platform.purpose(), b"platform treasury".to_string());
    assert_eq!(ecosystem.purpose(), b"ecosystem fund".to_string());
    let registry = scenario.take_shared<Registry>();
    assert_eq!(registry.platform_treasury(), option::some(object::id(&platform)));

    let team = ts::take_from_address<Vesting<HASH>>(&scenario, TEAM);
    assert_eq!(team.total(), 150 * million);
    assert_eq!(team.start_ms(), NOW);
    assert_eq!(team.cliff_ms(), 365 * DAY_MS);
    assert_eq!(team.linear_ms(), 3 * 365 * DAY_MS);
    // One day after the cliff, 1/1095 of the team's share has vested.
    assert_eq!(team.vested(NOW + 366 * DAY_MS), 150 * million / 1095);
    let private_sale = ts::take_from_address<Vesting<HASH>>(&scenario, PRIVATE_SALE);
    assert_eq!(private_sale.total(), 100 * million);
    assert_eq!(private_sale.cliff_ms(), 365 * DAY_MS / 2);
    assert_eq!(private_sale.linear_ms(), 2 * 365 * DAY_MS);
    assert_eq!(private_sale.vested(NOW + 182 * DAY_MS), 0);
    let public_sale = ts::take_from_address<Coin<HASH>>(&scenario, PUBLIC_SALE);
    assert_eq!(public_sale.value(), 100 * million);

    // Every unit of the supply is accounted for.
    assert_eq!(
        community.balance<HASH>() + platform.balance<HASH>() + ecosystem.balance<HASH>()
            + team.total() + private_sale.total() + public_sale.value(),
        hash::total_supply(),
    );
    ts::return_to_address(TEAM, team);
    ts::return_to_address(PRIVATE_SALE, private_sale);
    ts::return_to_address(PUBLIC_SALE, public_sale);
    ts::return_shared(community);
    ts::return_shared(platform);
    ts::return_shared(ecosystem);
    ts::return_shared(registry);
    destroy(vector[community_cap, treasury_cap, ecosystem_cap]);
    destroy(clock);
    scenario.end();
}

#[test]
fun burning_lowers_the_recorded_supply() {
    let mut scenario = fixtures::publish();
    let mut currency = fixtures::take_currency(&scenario);
    let coin = fixtures::mint(&mut scenario, 5 * hash::one_hash());
    hash::burn(&mut currency, coin);
    assert_eq!(currency.total_supply(), option::some(hash::total_supply() - 5 * hash::one_hash()));
    fixtures::return_currency(currency);
    scenario.end();
}
