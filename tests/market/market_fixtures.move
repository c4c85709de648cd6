/// Shared setup for the market tests: a published package with a distributed genesis, a market
/// accepting SUI, a tip feed holding the test tips, an active keeper and provider, an order with a
/// fill, and the Stratum-shaped share windows of golden/vectors.json (`shares` section, generated
/// by `make share-vectors`).
#[test_only]
module aihash::market_fixtures;

use aihash::fixtures::{Self, hash};
use aihash::golden;
use aihash::identity::{Self, Identity};
use aihash::market::{Self, Market, MarketCap};
use aihash::order::{Self, Order};
use aihash::registry::Registry;
use aihash::report::{Self, Report};
use aihash::share_tree;
use aihash::staking;
use aihash::tips::{Self, TipFeed};
use aihash::treasury::Treasury;
use sui::clock::Clock;
use sui::coin;
use sui::random::Random;
use sui::sui::SUI;
use sui::test_scenario::{Self as ts, Scenario};

/// The window of every share vector (see aihash_sdk::share_vectors).
const WINDOW_START_MS: u64 = 1_750_000_000_000;
const WINDOW_END_MS: u64 = 1_750_000_600_000;
const SHARES: u64 = 16;
/// Share difficulty of the vectors, 32.32 fixed point (16 hashes per share).
const DIFFICULTY: u128 = 16;
const BUYER: address = @0xB1;
const DAY_MS: u64 = 86_400_000;
/// 1.728 × 10^19 base units per PH·day (near the u64 limit) make a hash cost exactly 0.2 units, so
/// the tiny test windows cost visible amounts: 256 hashes cost 51.2, rounded down to 51.
const PRICE: u64 = 17_280_000_000_000_000_000;

public fun buyer(): address { BUYER }

public fun window_start_ms(): u64 { WINDOW_START_MS }

public fun window_end_ms(): u64 { WINDOW_END_MS }

public fun shares(): u64 { SHARES }

public fun difficulty(): u128 { DIFFICULTY }

public fun price(): u64 { PRICE }

/// Everything a market test needs, by id.
public struct World has copy, drop {
    keeper: ID,
    provider: ID,
    treasury: ID,
}

public fun keeper(world: &World): ID { world.keeper }

public fun provider(world: &World): ID { world.provider }

public fun treasury(world: &World): ID { world.treasury }

/// A published package ten minutes before the window: market accepting SUI (minimum 10), tips
/// posted (the old tip a day before the window, the current one ten minutes before), an active
/// keeper with 2,000 HASH and an active provider. The clock is returned at that time.
public fun setup(): (Scenario, Clock, World) {
    let mut scenario = fixtures::publish();
    market::init_for_testing(scenario.ctx());
    tips::init_for_testing(scenario.ctx());
    scenario.next_tx(@0x0);
    let mut random = scenario.take_shared<Random>();
    random.update_randomness_state_for_testing(
        0,
        x"5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e",
        scenario.ctx(),
    );
    ts::return_shared(random);
    let mut clock = fixtures::clock_at(&mut scenario, WINDOW_START_MS - DAY_MS);
    let treasury = fixtures::distribute_genesis(&mut scenario, &clock);

    scenario.next_tx(fixtures::publisher());
    let mut market = scenario.take_shared<Market>();
    let cap = scenario.take_from_sender<MarketCap>();
    market.allow_coin<SUI>(&cap, 10);
    let mut feed = scenario.take_shared<TipFeed>();
    feed.add_feeder(&market, &cap, fixtures::publisher());
    feed.post(golden::named(b"shares_old_tip"), 899_856, &clock, scenario.ctx());
    clock.set_for_testing(WINDOW_START_MS - 10 * 60_000);
    feed.post(golden::named(b"shares_tip"), 900_000, &clock, scenario.ctx());
    ts::return_shared(feed);
    ts::return_shared(market);
    scenario.return_to_sender(cap);

    let keeper = fixtures::active_keeper(&mut scenario, fixtures::keeper(), hash(2_000), &clock);
    let provider = active_provider(&mut scenario, &clock);
    (scenario, clock, World { keeper, provider, treasury })
}

/// A provider identity that passed a capacity challenge and staked the level-1 minimum.
fun active_provider(scenario: &mut Scenario, clock: &Clock): ID {
    let id = fixtures::new_identity(
        scenario,
        fixtures::provider(),
        identity::role_provider(),
        clock,
    );
    let registry = scenario.take_shared<Registry>();
    let mut provider = scenario.take_shared_by_id<Identity>(id);
    provider.record_capacity(registry.policy(), true, 1_000_000_000_000, clock.timestamp_ms());
    let stake = fixtures::mint(scenario, hash(100));
    staking::stake(&mut provider, &registry, stake, clock, scenario.ctx());
    provider.activate(&registry, clock, scenario.ctx());
    ts::return_shared(provider);
    ts::return_shared(registry);
    scenario.next_tx(fixtures::provider());
    id
}

/// The buyer's order: `escrow` SUI at the test price for up to 1 TH/s, expiring a day after the
/// window, paying to the vectors' pool. Returns its id.
public fun new_order(scenario: &mut Scenario, clock: &Clock, escrow: u64): ID {
    scenario.next_tx(BUYER);
    let market = scenario.take_shared<Market>();
    let order = order::new<SUI>(
        &market,
        b"stratum+tcp://pool.example:3333".to_string(),
        b"buyer.rig".to_string(),
        golden::named(b"shares_pool_payout"),
        PRICE,
        1_000_000_000_000,
        coin::mint_for_testing<SUI>(escrow, scenario.ctx()),
        WINDOW_END_MS + DAY_MS,
        clock,
        scenario.ctx(),
    );
    let id = object::id(&order);
    order.share();
    ts::return_shared(market);
    scenario.next_tx(BUYER);
    id
}

/// The keeper attaches the provider to the order at the vectors' difficulty; returns the fill.
public fun attach(scenario: &mut Scenario, clock: &Clock, world: &World, order_id: ID): u64 {
    attach_at(scenario, clock, world, order_id, DIFFICULTY)
}

/// The keeper attaches the provider to the order at share difficulty `difficulty`.
public fun attach_at(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    difficulty: u128,
): u64 {
    let controller = controller_of(scenario, world.keeper);
    scenario.next_tx(controller);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let keeper = scenario.take_shared_by_id<Identity>(world.keeper);
    let fill = if (world.provider == world.keeper) {
        order.attach_fill(
            &market,
            &keeper,
            &keeper,
            100_000_000_000,
            difficulty,
            clock,
            scenario.ctx(),
        )
    } else {
        let provider = scenario.take_shared_by_id<Identity>(world.provider);
        let fill = order.attach_fill(
            &market,
            &keeper,
            &provider,
            100_000_000_000,
            difficulty,
            clock,
            scenario.ctx(),
        );
        ts::return_shared(provider);
        fill
    };
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    scenario.next_tx(controller);
    fill
}

/// A test order with a fill, ready for reports: (order id, fill).
public fun order_with_fill(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    escrow: u64,
): (ID, u64) {
    let order_id = new_order(scenario, clock, escrow);
    let fill = attach(scenario, clock, world, order_id);
    (order_id, fill)
}

/// Counters of a window where every share was counted.
public fun all_counted(shares: u64): report::ShareCounters {
    report::new_counters(shares, shares, shares, 0, 0, 0, 0)
}

/// The keeper reports the vectors' window `name` (e.g. b"honest") for the fill, one minute after
/// the window; returns the report's id.
public fun submit_window(
    scenario: &mut Scenario,
    clock: &mut Clock,
    world: &World,
    order_id: ID,
    fill: u64,
    name: vector<u8>,
): ID {
    clock.set_for_testing(WINDOW_END_MS + 60_000);
    submit(
        scenario,
        clock,
        world,
        order_id,
        fill,
        WINDOW_START_MS,
        WINDOW_END_MS,
        SHARES,
        DIFFICULTY,
        window_root(name),
        0,
    )
}

/// The keeper reports any window.
public fun submit(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    fill: u64,
    start_ms: u64,
    end_ms: u64,
    shares: u64,
    difficulty: u128,
    root: vector<u8>,
    dead_ms: u64,
): ID {
    scenario.next_tx(fixtures::keeper());
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper);
    let report_id = report::submit(
        &mut order,
        &market,
        &mut keeper,
        fill,
        start_ms,
        end_ms,
        shares,
        difficulty,
        all_counted(shares),
        dead_ms,
        root,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    scenario.next_tx(fixtures::keeper());
    report_id
}

/// The buyer challenges a report.
public fun challenge(scenario: &mut Scenario, clock: &Clock, order_id: ID, report_id: ID) {
    scenario.next_tx(BUYER);
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let random = scenario.take_shared<Random>();
    report.challenge_for_testing(&order, &market, &random, clock, scenario.ctx());
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(random);
    scenario.next_tx(BUYER);
}

/// The buyer challenges a report at the given leaf indices (not drawn: a test picks the leaf).
public fun challenge_at(
    scenario: &mut Scenario,
    clock: &Clock,
    order_id: ID,
    report_id: ID,
    samples: vector<u64>,
) {
    scenario.next_tx(BUYER);
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    report.challenge_at_for_testing(&order, &market, samples, clock, scenario.ctx());
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    scenario.next_tx(BUYER);
}

/// The sampled leaf indices of a report's challenge.
public fun samples(scenario: &mut Scenario, report_id: ID): vector<u64> {
    let report = scenario.take_shared_by_id<Report>(report_id);
    let samples = report.samples();
    ts::return_shared(report);
    let sender = scenario.sender();
    scenario.next_tx(sender);
    samples
}

/// `feeder` posts `count` made-up tips (hashes of `first`, `first + 1`, ...), a few hundred per
/// transaction (a transaction emits at most 1,024 events).
public fun post_tips(
    scenario: &mut Scenario,
    clock: &Clock,
    feeder: address,
    first: u64,
    count: u64,
) {
    let mut posted = 0;
    while (posted < count) {
        scenario.next_tx(feeder);
        let mut feed = scenario.take_shared<TipFeed>();
        let batch = (count - posted).min(500);
        batch.do!(|i| {
            let n = first + posted + i;
            feed.post(std::hash::sha2_256(sui::bcs::to_bytes(&n)), n, clock, scenario.ctx())
        });
        posted = posted + batch;
        ts::return_shared(feed);
    }
}

/// The committed root of window `name`.
public fun window_root(name: vector<u8>): vector<u8> { golden::named(vector_name(name, b"_root")) }

/// The sorted leaves (share hashes) of window `name`.
public fun window_leaves(name: vector<u8>): vector<vector<u8>> {
    split(golden::named(vector_name(name, b"_leaves")), 32)
}

/// The header behind leaf `index` of window `name` (80 zero bytes for a made-up leaf).
public fun window_header(name: vector<u8>, index: u64): vector<u8> {
    split(golden::named(vector_name(name, b"_headers")), 80)[index]
}

/// The coinbase of leaf `index` of window `name`, as the pool's Stratum job and the miner's
/// extranonce2 make it.
public fun window_coinbase(name: vector<u8>, index: u64): vector<u8> {
    let mut coinbase = golden::named(b"shares_coinbase1");
    coinbase.append(golden::named(b"shares_extranonce1"));
    coinbase.append(split(golden::named(vector_name(name, b"_extranonce2")), 4)[index]);
    let coinbase2 = if (name == b"foreign_pool") b"shares_other_pool_coinbase2"
    else b"shares_coinbase2";
    coinbase.append(golden::named(coinbase2));
    coinbase
}

/// The Stratum merkle branch shared by every coinbase of the vectors.
public fun branch(): vector<vector<u8>> { split(golden::named(b"shares_branch"), 32) }

/// The keeper answers the sample at `position` from what it holds of window `name`.
public fun answer(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
    name: vector<u8>,
    position: u64,
) {
    let samples = samples(scenario, report_id);
    let index = samples[position];
    let leaves = window_leaves(name);
    let (next_header, next_proof) = if (index + 1 < leaves.length()) {
        (window_header(name, index + 1), share_tree::proof_for_testing(&leaves, index + 1))
    } else (vector[], vector[]);
    answer_with(
        scenario,
        clock,
        world,
        order_id,
        report_id,
        position,
        window_header(name, index),
        share_tree::proof_for_testing(&leaves, index),
        next_header,
        next_proof,
        window_coinbase(name, index),
    );
}

/// The keeper answers the sample at `position` with the given data, and the vectors' coinbase
/// branch.
public fun answer_with(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
    position: u64,
    header: vector<u8>,
    proof: vector<vector<u8>>,
    next_header: vector<u8>,
    next_proof: vector<vector<u8>>,
    coinbase: vector<u8>,
) {
    answer_with_branch(
        scenario,
        clock,
        world,
        order_id,
        report_id,
        position,
        header,
        proof,
        next_header,
        next_proof,
        coinbase,
        branch(),
    );
}

/// The keeper answers the sample at `position` with the given data, coinbase branch included.
public fun answer_with_branch(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
    position: u64,
    header: vector<u8>,
    proof: vector<vector<u8>>,
    next_header: vector<u8>,
    next_proof: vector<vector<u8>>,
    coinbase: vector<u8>,
    branch: vector<vector<u8>>,
) {
    scenario.next_tx(fixtures::keeper());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let feed = scenario.take_shared<TipFeed>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper);
    let registry = scenario.take_shared<Registry>();
    report.answer(
        &order,
        &market,
        &feed,
        &mut keeper,
        &registry,
        position,
        header,
        proof,
        next_header,
        next_proof,
        coinbase,
        branch,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(feed);
    ts::return_shared(keeper);
    ts::return_shared(registry);
    scenario.next_tx(fixtures::keeper());
}

/// Whether the keeper holds the shares to answer the sample at `position` of window `name`: the
/// sampled leaf and its successor come from real headers.
public fun answerable(
    scenario: &mut Scenario,
    report_id: ID,
    name: vector<u8>,
    position: u64,
): bool {
    let index = samples(scenario, report_id)[position];
    is_real(name, index) && (index + 1 == SHARES || is_real(name, index + 1))
}

/// Whether leaf `index` of window `name` has a share behind it (made-up leaves have none).
public fun is_real(name: vector<u8>, index: u64): bool {
    window_header(name, index) != vector::tabulate!(80, |_| 0u8)
}

/// The keeper answers every sample of window `name`.
public fun answer_all(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
    name: vector<u8>,
) {
    let count = samples(scenario, report_id).length();
    count.do!(|position| {
        let report = scenario.take_shared_by_id<Report>(report_id);
        let answered = report.unanswered() == 0 || !report.is_challenged();
        ts::return_shared(report);
        let sender = scenario.sender();
        scenario.next_tx(sender);
        if (!answered && !sample_answered(scenario, report_id, position)) {
            answer(scenario, clock, world, order_id, report_id, name, position);
        };
    });
}

/// Whether the sample at `position` is answered (an index sampled twice is answered once).
public fun sample_answered(scenario: &mut Scenario, report_id: ID, position: u64): bool {
    let report = scenario.take_shared_by_id<Report>(report_id);
    let answered = report.sample_answered(position);
    ts::return_shared(report);
    let sender = scenario.sender();
    scenario.next_tx(sender);
    answered
}

/// Anyone expires the report's unanswered challenge.
public fun expire_challenge(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
) {
    scenario.next_tx(fixtures::stranger());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper);
    let registry = scenario.take_shared<Registry>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(world.treasury);
    report.expire_challenge(
        &mut order,
        &market,
        &mut keeper,
        &registry,
        &mut treasury,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(keeper);
    ts::return_shared(registry);
    ts::return_shared(treasury);
    scenario.next_tx(fixtures::stranger());
}

/// Anyone settles the report.
public fun settle(
    scenario: &mut Scenario,
    clock: &Clock,
    world: &World,
    order_id: ID,
    report_id: ID,
) {
    scenario.next_tx(fixtures::stranger());
    let mut report = scenario.take_shared_by_id<Report>(report_id);
    let mut order = scenario.take_shared_by_id<Order<SUI>>(order_id);
    let market = scenario.take_shared<Market>();
    let registry = scenario.take_shared<Registry>();
    let mut treasury = scenario.take_shared_by_id<Treasury>(world.treasury);
    let mut keeper = scenario.take_shared_by_id<Identity>(world.keeper);
    let mut provider = scenario.take_shared_by_id<Identity>(world.provider);
    report.settle(
        &mut order,
        &market,
        &registry,
        &mut treasury,
        &mut keeper,
        &mut provider,
        clock,
        scenario.ctx(),
    );
    ts::return_shared(report);
    ts::return_shared(order);
    ts::return_shared(market);
    ts::return_shared(registry);
    ts::return_shared(treasury);
    ts::return_shared(keeper);
    ts::return_shared(provider);
    scenario.next_tx(fixtures::stranger());
}

/// Runs `f` on the order as `sender`, in a transaction of its own.
public macro fun with_order(
    $scenario: &mut Scenario,
    $order_id: ID,
    $sender: address,
    $f: |&mut Order<SUI>, &Market, &mut TxContext|,
) {
    let scenario = $scenario;
    scenario.next_tx($sender);
    let mut order = scenario.take_shared_by_id<Order<SUI>>($order_id);
    let market = scenario.take_shared<Market>();
    $f(&mut order, &market, scenario.ctx());
    ts::return_shared(order);
    ts::return_shared(market);
    scenario.next_tx($sender);
}

/// Runs `f` on the report, in a transaction of its own.
public macro fun with_report(
    $scenario: &mut Scenario,
    $report_id: ID,
    $f: |&mut Report, &mut TxContext|,
) {
    let scenario = $scenario;
    scenario.next_tx(@0xF00);
    let mut report = scenario.take_shared_by_id<Report>($report_id);
    $f(&mut report, scenario.ctx());
    ts::return_shared(report);
    scenario.next_tx(@0xF00);
}

/// `bytes` cut into pieces of `size`.
public fun split(bytes: vector<u8>, size: u64): vector<vector<u8>> {
    vector::tabulate!(bytes.length() / size, |i| vector::tabulate!(size, |j| bytes[i * size + j]))
}

fun vector_name(window: vector<u8>, suffix: vector<u8>): vector<u8> {
    let mut name = b"shares_";
    name.append(window);
    name.append(suffix);
    name
}

/// A world whose keeper is `keeper` (for tests that pass the wrong identity).
public fun keeper_world(world: &World, keeper: ID): World {
    World { keeper, provider: world.provider, treasury: world.treasury }
}

/// A world whose provider is `provider` (for tests that pass the wrong identity).
public fun provider_world(world: &World, provider: ID): World {
    World { keeper: world.keeper, provider, treasury: world.treasury }
}

/// A world in which one identity, controlled by `controller`, is both keeper and provider: a
/// provider running its own keeper.
public fun own_world(
    scenario: &mut Scenario,
    clock: &Clock,
    controller: address,
    treasury: ID,
): World {
    let id = fixtures::new_identity(
        scenario,
        controller,
        identity::role_keeper() | identity::role_provider(),
        clock,
    );
    let registry = scenario.take_shared<Registry>();
    let mut both = scenario.take_shared_by_id<Identity>(id);
    both.add_method(
        &registry,
        b"keeper-1".to_string(),
        identity::key_ed25519(),
        fixtures::ed25519_key(3),
        identity::purpose_keeper_signing(),
        clock,
        scenario.ctx(),
    );
    both.record_capacity(registry.policy(), true, 1_000_000_000_000, clock.timestamp_ms());
    let stake = fixtures::mint(scenario, hash(2_000));
    staking::stake(&mut both, &registry, stake, clock, scenario.ctx());
    both.activate(&registry, clock, scenario.ctx());
    ts::return_shared(both);
    ts::return_shared(registry);
    scenario.next_tx(controller);
    World { keeper: id, provider: id, treasury }
}

/// The controller of identity `id`.
public fun controller_of(scenario: &mut Scenario, id: ID): address {
    let sender = scenario.sender();
    scenario.next_tx(sender);
    let identity = scenario.take_shared_by_id<Identity>(id);
    let controller = identity.controller();
    ts::return_shared(identity);
    scenario.next_tx(sender);
    controller
}
