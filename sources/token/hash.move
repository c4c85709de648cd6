/// The HASH coin. The whole supply is minted once, when the package is published, into a `Genesis`
/// object for the publisher; `distribute` then splits it by the allocation table below. The
/// supply is registered burn-only: nothing can mint more, and burning (early-unstake penalties)
/// lowers the recorded total supply.
///
/// | share | allocation          | release                                            |
/// |-------|---------------------|----------------------------------------------------|
/// | 40%   | community rewards   | shared treasury, spent by the DAO                  |
/// | 15%   | team and advisors   | vesting: 1-year cliff, then linear over 3 years    |
/// | 20%   | platform treasury   | shared treasury, spent by the DAO                  |
/// | 10%   | private sale        | vesting: 6-month cliff, then linear over 2 years   |
/// | 10%   | public sale         | liquid                                             |
/// | 5%    | ecosystem fund      | shared treasury, spent by the DAO                  |
module aihash::hash;

use aihash::registry::Registry;
use aihash::treasury::{Self, SpendCap};
use aihash::vesting;
use sui::balance::Balance;
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::coin_registry::{Self, Currency};
use sui::event;

// === Constants ===

/// HASH has 9 decimals, like SUI.
const DECIMALS: u8 = 9;
/// One HASH in base units.
const ONE_HASH: u64 = 1_000_000_000;
/// One billion HASH.
const TOTAL_SUPPLY: u64 = 1_000_000_000 * ONE_HASH;

const COMMUNITY_PERCENT: u64 = 40;
const TEAM_PERCENT: u64 = 15;
const TREASURY_PERCENT: u64 = 20;
const PRIVATE_SALE_PERCENT: u64 = 10;
const PUBLIC_SALE_PERCENT: u64 = 10;
const ECOSYSTEM_PERCENT: u64 = 5;

const DAY_MS: u64 = 86_400_000;
const YEAR_MS: u64 = 365 * DAY_MS;
const TEAM_CLIFF_MS: u64 = YEAR_MS;
const TEAM_LINEAR_MS: u64 = 3 * YEAR_MS;
const PRIVATE_SALE_CLIFF_MS: u64 = YEAR_MS / 2;
const PRIVATE_SALE_LINEAR_MS: u64 = 2 * YEAR_MS;

// === Types ===

/// The one-time witness of the HASH coin.
public struct HASH has drop {}

/// The whole supply, waiting to be distributed. Exists once, owned by the publisher.
public struct Genesis has key {
    id: UID,
    supply: Balance<HASH>,
}

/// The authorities over the three DAO pools that `distribute` creates; governance takes them over.
public struct GenesisCaps {
    community_rewards: SpendCap,
    platform_treasury: SpendCap,
    ecosystem_fund: SpendCap,
}

// === Events ===

public struct GenesisDistributed has copy, drop {
    community_rewards_id: ID,
    platform_treasury_id: ID,
    ecosystem_fund_id: ID,
    team_vesting_id: ID,
    private_sale_vesting_id: ID,
    public_sale: address,
    public_sale_amount: u64,
    timestamp_ms: u64,
}

// === Init ===

fun init(otw: HASH, ctx: &mut TxContext) {
    let (mut currency, mut cap) = coin_registry::new_currency_with_otw(
        otw,
        DECIMALS,
        b"HASH".to_string(),
        b"aihash HASH".to_string(),
        b"Governance and staking token of the aihash hashpower market".to_string(),
        b"".to_string(),
        ctx,
    );
    let supply = cap.mint_balance(TOTAL_SUPPLY);
    currency.make_supply_burn_only(cap);
    let metadata_cap = currency.finalize(ctx);
    transfer::public_transfer(metadata_cap, ctx.sender());
    transfer::transfer(Genesis { id: object::new(ctx), supply }, ctx.sender());
}

// === Public-Mutative Functions ===

/// Splits the supply by the allocation table: vesting schedules starting now for the team and
/// the private sale, the public sale's liquid share, and three shared DAO pools whose spend caps
/// are returned (governance takes them over). The platform treasury is recorded in `registry` as
/// the receiver of slashed stake.
public fun distribute(
    genesis: Genesis,
    registry: &mut Registry,
    clock: &Clock,
    team: address,
    private_sale: address,
    public_sale: address,
    ctx: &mut TxContext,
): GenesisCaps {
    let Genesis { id, mut supply } = genesis;
    id.delete();
    let now = clock.timestamp_ms();

    let team_vesting_id = vesting::create(
        supply.split(share_of(TEAM_PERCENT)),
        now,
        TEAM_CLIFF_MS,
        TEAM_LINEAR_MS,
        team,
        ctx,
    );
    let private_sale_vesting_id = vesting::create(
        supply.split(share_of(PRIVATE_SALE_PERCENT)),
        now,
        PRIVATE_SALE_CLIFF_MS,
        PRIVATE_SALE_LINEAR_MS,
        private_sale,
        ctx,
    );
    let public_sale_amount = share_of(PUBLIC_SALE_PERCENT);
    transfer::public_transfer(
        coin::from_balance(supply.split(public_sale_amount), ctx),
        public_sale,
    );

    let (community_rewards_id, community_rewards) = new_pool(
        b"community rewards",
        supply.split(share_of(COMMUNITY_PERCENT)),
        ctx,
    );
    let (ecosystem_fund_id, ecosystem_fund) = new_pool(
        b"ecosystem fund",
        supply.split(share_of(ECOSYSTEM_PERCENT)),
        ctx,
    );
    let (platform_treasury_id, platform_treasury) = new_pool(
        b"platform treasury",
        supply.split(share_of(TREASURY_PERCENT)),
        ctx,
    );
    // The table sums to 100%, so nothing is left over.
    supply.destroy_zero();
    registry.set_platform_treasury(platform_treasury_id);

    event::emit(GenesisDistributed {
        community_rewards_id,
        platform_treasury_id,
        ecosystem_fund_id,
        team_vesting_id,
        private_sale_vesting_id,
        public_sale,
        public_sale_amount,
        timestamp_ms: now,
    });
    GenesisCaps { community_rewards, platform_treasury, ecosystem_fund }
}

/// Unpacks the pool caps: (community rewards, platform treasury, ecosystem fund).
public fun into_caps(caps: GenesisCaps): (SpendCap, SpendCap, SpendCap) {
    let GenesisCaps { community_rewards, platform_treasury, ecosystem_fund } = caps;
    (community_rewards, platform_treasury, ecosystem_fund)
}

/// Burns `coin`, lowering the recorded total supply.
public fun burn(currency: &mut Currency<HASH>, coin: Coin<HASH>) {
    currency.burn(coin);
}

// === Public-View Functions ===

/// The supply minted at publication.
public fun total_supply(): u64 { TOTAL_SUPPLY }

/// One HASH in base units.
public fun one_hash(): u64 { ONE_HASH }

/// What genesis still holds.
public fun genesis_supply(genesis: &Genesis): u64 { genesis.supply.value() }

// === Private Functions ===

/// `percent` of the total supply, in base units.
fun share_of(percent: u64): u64 {
    TOTAL_SUPPLY / 100 * percent
}

/// Shares a new DAO pool holding `funds`; returns its id and spend cap.
fun new_pool(purpose: vector<u8>, funds: Balance<HASH>, ctx: &mut TxContext): (ID, SpendCap) {
    let (mut pool, cap) = treasury::new(purpose.to_string(), ctx);
    pool.deposit(funds);
    let pool_id = object::id(&pool);
    pool.share();
    (pool_id, cap)
}

// === Test Functions ===

#[test_only]
public fun init_for_testing(ctx: &mut TxContext) {
    init(HASH {}, ctx);
}
