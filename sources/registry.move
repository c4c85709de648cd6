/// The shared registry of identities: which network DIDs name, how many identities exist, which
/// treasury receives the treasury share of slashed stake, and the policy every identity, stake and
/// capacity challenge follows. The policy changes only through the `RegistryCap`, which governance
/// holds once it exists; every setter checks its range on chain.
module aihash::registry;

use aihash::version;
use std::string::String;
use sui::event;

// === Errors ===

#[error]
const EWrongRegistryCap: vector<u8> = b"this RegistryCap belongs to a different registry";
#[error]
const ENetworkFixed: vector<u8> =
    b"the DID network name cannot change once identities exist: their DIDs already name it";
#[error]
const EBadNetworkName: vector<u8> =
    b"a DID network name is 1 to 32 characters of lowercase letters, digits and '-'";
#[error]
const ETreasuryAlreadySet: vector<u8> = b"the platform treasury is set once, at genesis";
#[error]
const ENoTreasury: vector<u8> = b"the platform treasury has not been created yet (genesis)";
#[error]
const EWrongTreasury: vector<u8> = b"this is not the platform treasury";
#[error]
const EMinStakesShape: vector<u8> =
    b"minimum stakes are four non-decreasing amounts, one per trust level 1-4, at most 10,000,000 HASH";
#[error]
const ECooldownOutOfRange: vector<u8> = b"the unstake cooldown must lie between 1 hour and 90 days";
#[error]
const EFeeOutOfRange: vector<u8> = b"the early-unstake fee must lie between 0 and 5,000 bps";
#[error]
const EProbationOutOfRange: vector<u8> = b"the slash probation must lie between 0 and 365 days";
#[error]
const EThresholdOutOfRange: vector<u8> =
    b"trust thresholds: success rates at most 10,000 bps, level 4 no easier than level 3";
#[error]
const ECapacityTermsOutOfRange: vector<u8> =
    b"capacity challenges: window 1 minute to 1 day, 1 to 64 solutions, positive minimum hashrate";

// === Constants ===

const HOUR_MS: u64 = 3_600_000;
const DAY_MS: u64 = 86_400_000;
const HASH: u64 = 1_000_000_000;
const MAX_EARLY_UNSTAKE_FEE_BPS: u64 = 5_000;
const MAX_CAPACITY_SOLUTIONS: u64 = 64;
const BPS: u64 = 10_000;
/// Largest minimum stake: 1% of the fixed HASH supply (a billion HASH).
const MAX_MIN_STAKE: u64 = 10_000_000 * HASH;

// === Types ===

public struct Registry has key {
    id: UID,
    version: u64,
    /// The `<network>` part of every DID: `did:sui:<network>:<object id>`.
    network: String,
    /// How many identities have been created.
    identity_count: u64,
    /// The treasury that receives the treasury share of slashed stake (set at genesis).
    platform_treasury: Option<ID>,
    policy: Policy,
}

/// Authority to change the registry's policy.
public struct RegistryCap has key, store {
    id: UID,
    registry_id: ID,
}

/// The rules identities, stakes and capacity challenges follow.
public struct Policy has copy, drop, store {
    /// Minimum stake (HASH base units) for trust levels 1, 2, 3 and 4. An identity below the
    /// level-1 minimum cannot be active.
    min_stakes: vector<u64>,
    /// How long unstaked funds wait before they can be withdrawn (and stay slashable).
    unstake_cooldown_ms: u64,
    /// Share of unstaking funds burned when withdrawn before the cooldown ends.
    early_unstake_fee_bps: u64,
    /// How long a slashed identity stays barred from becoming active again.
    slash_probation_ms: u64,
    /// Level 2: passed capacity challenges needed.
    level2_capacity_passes: u64,
    /// Level 3: settled reports and success rate needed.
    level3_tasks: u64,
    level3_success_bps: u64,
    /// Level 4: settled reports and success rate needed.
    level4_tasks: u64,
    level4_success_bps: u64,
    /// Capacity challenges: time to answer, solutions required, smallest hashrate (H/s) that may
    /// be claimed.
    capacity_window_ms: u64,
    capacity_solutions: u64,
    capacity_min_hashrate: u64,
}

// === Events ===

public struct RegistryCreated has copy, drop {
    registry_id: ID,
    network: String,
    policy: Policy,
}

public struct PolicyChanged has copy, drop {
    registry_id: ID,
    network: String,
    policy: Policy,
}

// === Init ===

fun init(ctx: &mut TxContext) {
    let cap = new(ctx);
    transfer::public_transfer(cap, ctx.sender());
}

// === Admin Functions ===

/// Names the network in DIDs (`mainnet`, `testnet`, `devnet`, `localnet`, ...). Only before the
/// first identity exists.
public fun set_network(registry: &mut Registry, cap: &RegistryCap, network: String) {
    registry.assert_cap(cap);
    assert!(registry.identity_count == 0, ENetworkFixed);
    assert!(is_network_name(&network), EBadNetworkName);
    registry.network = network;
    registry.emit_changed();
}

/// Sets the minimum stakes of trust levels 1 to 4.
public fun set_min_stakes(registry: &mut Registry, cap: &RegistryCap, min_stakes: vector<u64>) {
    registry.assert_cap(cap);
    check_min_stakes(&min_stakes);
    registry.policy.min_stakes = min_stakes;
    registry.emit_changed();
}

/// Aborts unless `min_stakes` is what `set_min_stakes` accepts.
public fun check_min_stakes(min_stakes: &vector<u64>) {
    assert!(min_stakes.length() == 4, EMinStakesShape);
    assert!(min_stakes[0] <= min_stakes[1], EMinStakesShape);
    assert!(min_stakes[1] <= min_stakes[2], EMinStakesShape);
    assert!(min_stakes[2] <= min_stakes[3], EMinStakesShape);
    assert!(min_stakes[3] <= MAX_MIN_STAKE, EMinStakesShape);
}

/// Sets the unstake cooldown and the fee for withdrawing before it ends.
public fun set_unstake_terms(
    registry: &mut Registry,
    cap: &RegistryCap,
    cooldown_ms: u64,
    early_fee_bps: u64,
) {
    registry.assert_cap(cap);
    check_unstake_terms(cooldown_ms, early_fee_bps);
    registry.policy.unstake_cooldown_ms = cooldown_ms;
    registry.policy.early_unstake_fee_bps = early_fee_bps;
    registry.emit_changed();
}

/// Aborts unless these are values `set_unstake_terms` accepts.
public fun check_unstake_terms(cooldown_ms: u64, early_fee_bps: u64) {
    assert!(cooldown_ms >= HOUR_MS && cooldown_ms <= 90 * DAY_MS, ECooldownOutOfRange);
    assert!(early_fee_bps <= MAX_EARLY_UNSTAKE_FEE_BPS, EFeeOutOfRange);
}

/// Sets how long a slashed identity stays barred from activity.
public fun set_slash_probation(registry: &mut Registry, cap: &RegistryCap, probation_ms: u64) {
    registry.assert_cap(cap);
    check_slash_probation(probation_ms);
    registry.policy.slash_probation_ms = probation_ms;
    registry.emit_changed();
}

/// Aborts unless `probation_ms` is what `set_slash_probation` accepts.
public fun check_slash_probation(probation_ms: u64) {
    assert!(probation_ms <= 365 * DAY_MS, EProbationOutOfRange);
}

/// Sets what trust levels 2 to 4 require besides stake.
public fun set_trust_thresholds(
    registry: &mut Registry,
    cap: &RegistryCap,
    level2_capacity_passes: u64,
    level3_tasks: u64,
    level3_success_bps: u64,
    level4_tasks: u64,
    level4_success_bps: u64,
) {
    registry.assert_cap(cap);
    check_trust_thresholds(level3_tasks, level3_success_bps, level4_tasks, level4_success_bps);
    let policy = &mut registry.policy;
    policy.level2_capacity_passes = level2_capacity_passes;
    policy.level3_tasks = level3_tasks;
    policy.level3_success_bps = level3_success_bps;
    policy.level4_tasks = level4_tasks;
    policy.level4_success_bps = level4_success_bps;
    registry.emit_changed();
}

/// Aborts unless these are thresholds `set_trust_thresholds` accepts (any number of capacity
/// passes is).
public fun check_trust_thresholds(
    level3_tasks: u64,
    level3_success_bps: u64,
    level4_tasks: u64,
    level4_success_bps: u64,
) {
    assert!(level3_success_bps <= BPS && level4_success_bps <= BPS, EThresholdOutOfRange);
    assert!(level4_tasks >= level3_tasks, EThresholdOutOfRange);
    assert!(level4_success_bps >= level3_success_bps, EThresholdOutOfRange);
}

/// Sets the terms of capacity challenges.
public fun set_capacity_terms(
    registry: &mut Registry,
    cap: &RegistryCap,
    window_ms: u64,
    solutions: u64,
    min_hashrate: u64,
) {
    registry.assert_cap(cap);
    check_capacity_terms(window_ms, solutions, min_hashrate);
    let policy = &mut registry.policy;
    policy.capacity_window_ms = window_ms;
    policy.capacity_solutions = solutions;
    policy.capacity_min_hashrate = min_hashrate;
    registry.emit_changed();
}

/// Aborts unless these are terms `set_capacity_terms` accepts.
public fun check_capacity_terms(window_ms: u64, solutions: u64, min_hashrate: u64) {
    assert!(window_ms >= 60_000 && window_ms <= DAY_MS, ECapacityTermsOutOfRange);
    assert!(solutions >= 1 && solutions <= MAX_CAPACITY_SOLUTIONS, ECapacityTermsOutOfRange);
    assert!(min_hashrate > 0, ECapacityTermsOutOfRange);
}

// === Public-View Functions ===

public fun network(registry: &Registry): String { registry.network }

public fun identity_count(registry: &Registry): u64 { registry.identity_count }

public fun platform_treasury(registry: &Registry): Option<ID> { registry.platform_treasury }

public fun policy(registry: &Registry): &Policy { &registry.policy }

/// The minimum stake of trust `level` (1-4).
public fun min_stake(policy: &Policy, level: u8): u64 { policy.min_stakes[(level - 1) as u64] }

public fun min_stakes(policy: &Policy): vector<u64> { policy.min_stakes }

public fun unstake_cooldown_ms(policy: &Policy): u64 { policy.unstake_cooldown_ms }

public fun early_unstake_fee_bps(policy: &Policy): u64 { policy.early_unstake_fee_bps }

public fun slash_probation_ms(policy: &Policy): u64 { policy.slash_probation_ms }

public fun level2_capacity_passes(policy: &Policy): u64 { policy.level2_capacity_passes }

public fun level3_tasks(policy: &Policy): u64 { policy.level3_tasks }

public fun level3_success_bps(policy: &Policy): u64 { policy.level3_success_bps }

public fun level4_tasks(policy: &Policy): u64 { policy.level4_tasks }

public fun level4_success_bps(policy: &Policy): u64 { policy.level4_success_bps }

public fun capacity_window_ms(policy: &Policy): u64 { policy.capacity_window_ms }

public fun capacity_solutions(policy: &Policy): u64 { policy.capacity_solutions }

public fun capacity_min_hashrate(policy: &Policy): u64 { policy.capacity_min_hashrate }

// === Package Functions ===

/// Aborts unless this build may use the registry.
public(package) fun assert_version(registry: &Registry) {
    version::assert_current(registry.version);
}

/// Counts a new identity and returns its ordinal.
public(package) fun record_identity(registry: &mut Registry): u64 {
    registry.assert_version();
    registry.identity_count = registry.identity_count + 1;
    registry.identity_count
}

/// Records the platform treasury, once, at genesis.
public(package) fun set_platform_treasury(registry: &mut Registry, treasury_id: ID) {
    registry.assert_version();
    assert!(registry.platform_treasury.is_none(), ETreasuryAlreadySet);
    registry.platform_treasury = option::some(treasury_id);
}

/// Aborts unless `treasury_id` is the platform treasury.
public(package) fun assert_platform_treasury(registry: &Registry, treasury_id: ID) {
    assert!(registry.platform_treasury.is_some(), ENoTreasury);
    assert!(registry.platform_treasury.borrow() == &treasury_id, EWrongTreasury);
}

// === Private Functions ===

/// Shares a registry with the seed's policy and returns its cap.
fun new(ctx: &mut TxContext): RegistryCap {
    let policy = Policy {
        min_stakes: vector[100 * HASH, 1_000 * HASH, 10_000 * HASH, 100_000 * HASH],
        unstake_cooldown_ms: 7 * DAY_MS,
        early_unstake_fee_bps: 500,
        slash_probation_ms: 30 * DAY_MS,
        level2_capacity_passes: 10,
        level3_tasks: 100,
        level3_success_bps: 9_500,
        level4_tasks: 1_000,
        level4_success_bps: 9_900,
        capacity_window_ms: 10 * 60_000,
        capacity_solutions: 16,
        capacity_min_hashrate: 1_000_000_000_000,
    };
    let registry = Registry {
        id: object::new(ctx),
        version: version::current(),
        network: b"mainnet".to_string(),
        identity_count: 0,
        platform_treasury: option::none(),
        policy,
    };
    let registry_id = registry.id.to_inner();
    event::emit(RegistryCreated { registry_id, network: registry.network, policy });
    transfer::share_object(registry);
    RegistryCap { id: object::new(ctx), registry_id }
}

fun assert_cap(registry: &Registry, cap: &RegistryCap) {
    registry.assert_version();
    assert!(cap.registry_id == registry.id.to_inner(), EWrongRegistryCap);
}

fun emit_changed(registry: &Registry) {
    event::emit(PolicyChanged {
        registry_id: registry.id.to_inner(),
        network: registry.network,
        policy: registry.policy,
    });
}

/// Lowercase letters, digits and '-', 1 to 32 characters: what a DID method-specific id segment
/// can carry without escaping.
fun is_network_name(name: &String): bool {
    let bytes = name.as_bytes();
    let length = bytes.length();
    length >= 1 && length <= 32 && bytes.all!(|b| {
        let b = *b;
        (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b == 0x2d
    })
}

// === Test Functions ===

#[test_only]
public fun init_for_testing(ctx: &mut TxContext) {
    init(ctx);
}
