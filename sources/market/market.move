/// The market's shared configuration: the parameters every order, fill, report and challenge
/// follows, and the coins orders may escrow (with each coin's minimum order value). Parameters
/// change only through the `MarketCap`, which governance holds once it exists; each setter checks
/// its range on chain. Orders read the market; they never write it, so orders do not contend on it.
module aihash::market;

use aihash::version;
use std::type_name::{Self, TypeName};
use sui::event;
use sui::table::{Self, Table};

// === Errors ===

#[error]
const EWrongMarketCap: vector<u8> = b"this MarketCap belongs to a different market";
#[error]
const EFeeOutOfRange: vector<u8> =
    b"the platform fee is at most 2,000 bps and the keeper's share of it at most 10,000 bps";
#[error]
const EDisputeTermsOutOfRange: vector<u8> =
    b"dispute window 1 hour to 7 days, response window 10 minutes to 3 days, 1 to 64 samples, a bond of 1 base unit to 10,000,000 HASH, a challenger stake of at most 10,000,000 HASH";
#[error]
const EStakeTermsOutOfRange: vector<u8> =
    b"slash rate and challenger reward are at most 10,000 bps; the keeper minimum stake is 1 base unit to 10,000,000 HASH";
#[error]
const EOrderTermsOutOfRange: vector<u8> =
    b"dead-time threshold 1 to 10,000 bps, price decrease at most 10,000 bps per 1 minute to 1 day, grace at most 1 day";
#[error]
const EWindowTermsOutOfRange: vector<u8> =
    b"report windows 1 minute to 1 day; tip age 10 minutes to 1 day; ntime slack at most 2 hours";
#[error]
const ECoinNotAllowed: vector<u8> = b"orders may not escrow this coin type";
#[error]
const EZeroMinimum: vector<u8> = b"a coin's minimum order value must be positive";

// === Constants ===

const BPS: u64 = 10_000;
const MINUTE_MS: u64 = 60_000;
const HOUR_MS: u64 = 3_600_000;
const DAY_MS: u64 = 86_400_000;
/// The longest response window governance can set.
const MAX_RESPONSE_WINDOW_MS: u64 = 3 * DAY_MS;
const HASH: u64 = 1_000_000_000;
const MAX_SAMPLES: u64 = 64;
/// Largest bond or minimum stake: 1% of the fixed HASH supply (a billion HASH).
const MAX_STAKE: u64 = 10_000_000 * HASH;

// === Types ===

public struct Market has key {
    id: UID,
    version: u64,
    params: Params,
    /// Coin types orders may escrow -> minimum order value in that coin's base units.
    coins: Table<TypeName, u64>,
}

/// Authority to change the market's parameters and coins.
public struct MarketCap has key, store {
    id: UID,
    market_id: ID,
}

public struct Params has copy, drop, store {
    /// Share of each settled report taken as the platform fee.
    platform_fee_bps: u64,
    /// Share of the platform fee paid to the report's keeper; the rest goes to the treasury.
    keeper_share_bps: u64,
    /// How long after a report anyone may challenge it; it settles after.
    dispute_window_ms: u64,
    /// How long a keeper has to answer a challenge.
    response_window_ms: u64,
    /// Leaves a challenge samples (k): a keeper with a fraction f of bad leaves is caught with
    /// probability 1 - (1 - f)^k.
    samples_per_challenge: u64,
    /// HASH a third-party challenger posts (the buyer challenges free); it goes to the keeper if
    /// the challenge is answered, back to the challenger if not.
    challenger_bond: u64,
    /// Active stake (HASH) a third-party challenger's identity needs.
    min_challenger_stake: u64,
    /// Active stake (HASH) a keeper's identity needs to attach fills and report.
    min_keeper_stake: u64,
    /// Share of a keeper's stake slashed for a failed or unanswered challenge.
    keeper_slash_bps: u64,
    /// Share of the slashed stake paid to the challenger; the rest goes to the treasury.
    challenger_reward_bps: u64,
    /// Dead time (pool unreachable) over this share of an order's reported time cancels it.
    dead_time_threshold_bps: u64,
    /// A price may fall by at most this share per interval.
    price_decrease_max_bps: u64,
    price_decrease_interval_ms: u64,
    /// An order cannot be cancelled this soon after creation.
    cancel_grace_ms: u64,
    /// Longest delivery window one report may cover.
    max_window_ms: u64,
    /// How long before a window's start a Bitcoin tip may have been posted and still be the
    /// previous block of its shares.
    max_tip_age_ms: u64,
}

// === Events ===

public struct MarketCreated has copy, drop {
    market_id: ID,
    params: Params,
}

public struct MarketParamsChanged has copy, drop {
    market_id: ID,
    params: Params,
}

public struct CoinTermsChanged has copy, drop {
    market_id: ID,
    coin_type: TypeName,
    /// `None` when the coin is no longer accepted.
    min_order_value: Option<u64>,
}

// === Init ===

fun init(ctx: &mut TxContext) {
    let params = Params {
        platform_fee_bps: 800,
        keeper_share_bps: 2_500,
        dispute_window_ms: DAY_MS,
        response_window_ms: 6 * HOUR_MS,
        samples_per_challenge: 16,
        challenger_bond: 100 * HASH,
        min_challenger_stake: 100 * HASH,
        min_keeper_stake: 1_000 * HASH,
        keeper_slash_bps: 5_000,
        challenger_reward_bps: 5_000,
        dead_time_threshold_bps: 2_000,
        price_decrease_max_bps: 1_000,
        price_decrease_interval_ms: 10 * MINUTE_MS,
        cancel_grace_ms: 10 * MINUTE_MS,
        max_window_ms: DAY_MS,
        max_tip_age_ms: 2 * HOUR_MS,
    };
    let market = Market {
        id: object::new(ctx),
        version: version::current(),
        params,
        coins: table::new(ctx),
    };
    let market_id = market.id.to_inner();
    event::emit(MarketCreated { market_id, params });
    transfer::share_object(market);
    transfer::public_transfer(MarketCap { id: object::new(ctx), market_id }, ctx.sender());
}

// === Admin Functions ===

// Each setter checks its values with the public `check_*` function next to it, which governance
// also calls when a proposal is made, so an out-of-range proposal is refused at once.

/// Lets orders escrow `C`, with a minimum order value in `C`'s base units.
public fun allow_coin<C>(market: &mut Market, cap: &MarketCap, min_order_value: u64) {
    market.assert_cap(cap);
    check_coin_terms(min_order_value);
    let coin_type = type_name::with_original_ids<C>();
    if (market.coins.contains(coin_type)) { market.coins.remove(coin_type); };
    market.coins.add(coin_type, min_order_value);
    event::emit(CoinTermsChanged {
        market_id: market.id.to_inner(),
        coin_type,
        min_order_value: option::some(min_order_value),
    });
}

/// Aborts unless `min_order_value` is what `allow_coin` accepts.
public fun check_coin_terms(min_order_value: u64) {
    assert!(min_order_value > 0, EZeroMinimum);
}

/// Stops new orders in `C` (existing orders run on).
public fun disallow_coin<C>(market: &mut Market, cap: &MarketCap) {
    market.assert_cap(cap);
    let coin_type = type_name::with_original_ids<C>();
    assert!(market.coins.contains(coin_type), ECoinNotAllowed);
    market.coins.remove(coin_type);
    event::emit(CoinTermsChanged {
        market_id: market.id.to_inner(),
        coin_type,
        min_order_value: option::none(),
    });
}

public fun set_fees(
    market: &mut Market,
    cap: &MarketCap,
    platform_fee_bps: u64,
    keeper_share_bps: u64,
) {
    market.assert_cap(cap);
    check_fees(platform_fee_bps, keeper_share_bps);
    market.params.platform_fee_bps = platform_fee_bps;
    market.params.keeper_share_bps = keeper_share_bps;
    market.emit_changed();
}

/// Aborts unless these are values `set_fees` accepts.
public fun check_fees(platform_fee_bps: u64, keeper_share_bps: u64) {
    assert!(platform_fee_bps <= 2_000 && keeper_share_bps <= BPS, EFeeOutOfRange);
}

public fun set_dispute_terms(
    market: &mut Market,
    cap: &MarketCap,
    dispute_window_ms: u64,
    response_window_ms: u64,
    samples_per_challenge: u64,
    challenger_bond: u64,
    min_challenger_stake: u64,
) {
    market.assert_cap(cap);
    check_dispute_terms(
        dispute_window_ms,
        response_window_ms,
        samples_per_challenge,
        challenger_bond,
        min_challenger_stake,
    );
    let params = &mut market.params;
    params.dispute_window_ms = dispute_window_ms;
    params.response_window_ms = response_window_ms;
    params.samples_per_challenge = samples_per_challenge;
    params.challenger_bond = challenger_bond;
    params.min_challenger_stake = min_challenger_stake;
    market.emit_changed();
}

/// Aborts unless these are values `set_dispute_terms` accepts.
public fun check_dispute_terms(
    dispute_window_ms: u64,
    response_window_ms: u64,
    samples_per_challenge: u64,
    challenger_bond: u64,
    min_challenger_stake: u64,
) {
    assert!(
        dispute_window_ms >= HOUR_MS && dispute_window_ms <= 7 * DAY_MS,
        EDisputeTermsOutOfRange,
    );
    assert!(
        response_window_ms >= 10 * MINUTE_MS && response_window_ms <= MAX_RESPONSE_WINDOW_MS,
        EDisputeTermsOutOfRange,
    );
    assert!(
        samples_per_challenge >= 1 && samples_per_challenge <= MAX_SAMPLES,
        EDisputeTermsOutOfRange,
    );
    assert!(challenger_bond > 0 && challenger_bond <= MAX_STAKE, EDisputeTermsOutOfRange);
    assert!(min_challenger_stake <= MAX_STAKE, EDisputeTermsOutOfRange);
}

public fun set_stake_terms(
    market: &mut Market,
    cap: &MarketCap,
    min_keeper_stake: u64,
    keeper_slash_bps: u64,
    challenger_reward_bps: u64,
) {
    market.assert_cap(cap);
    check_stake_terms(min_keeper_stake, keeper_slash_bps, challenger_reward_bps);
    let params = &mut market.params;
    params.min_keeper_stake = min_keeper_stake;
    params.keeper_slash_bps = keeper_slash_bps;
    params.challenger_reward_bps = challenger_reward_bps;
    market.emit_changed();
}

/// Aborts unless these are values `set_stake_terms` accepts.
public fun check_stake_terms(
    min_keeper_stake: u64,
    keeper_slash_bps: u64,
    challenger_reward_bps: u64,
) {
    assert!(min_keeper_stake > 0 && min_keeper_stake <= MAX_STAKE, EStakeTermsOutOfRange);
    assert!(keeper_slash_bps <= BPS && challenger_reward_bps <= BPS, EStakeTermsOutOfRange);
}

public fun set_order_terms(
    market: &mut Market,
    cap: &MarketCap,
    dead_time_threshold_bps: u64,
    price_decrease_max_bps: u64,
    price_decrease_interval_ms: u64,
    cancel_grace_ms: u64,
) {
    market.assert_cap(cap);
    check_order_terms(
        dead_time_threshold_bps,
        price_decrease_max_bps,
        price_decrease_interval_ms,
        cancel_grace_ms,
    );
    let params = &mut market.params;
    params.dead_time_threshold_bps = dead_time_threshold_bps;
    params.price_decrease_max_bps = price_decrease_max_bps;
    params.price_decrease_interval_ms = price_decrease_interval_ms;
    params.cancel_grace_ms = cancel_grace_ms;
    market.emit_changed();
}

/// Aborts unless these are values `set_order_terms` accepts.
public fun check_order_terms(
    dead_time_threshold_bps: u64,
    price_decrease_max_bps: u64,
    price_decrease_interval_ms: u64,
    cancel_grace_ms: u64,
) {
    assert!(dead_time_threshold_bps >= 1 && dead_time_threshold_bps <= BPS, EOrderTermsOutOfRange);
    assert!(price_decrease_max_bps <= BPS, EOrderTermsOutOfRange);
    assert!(
        price_decrease_interval_ms >= MINUTE_MS && price_decrease_interval_ms <= DAY_MS,
        EOrderTermsOutOfRange,
    );
    assert!(cancel_grace_ms <= DAY_MS, EOrderTermsOutOfRange);
}

public fun set_window_terms(
    market: &mut Market,
    cap: &MarketCap,
    max_window_ms: u64,
    max_tip_age_ms: u64,
) {
    market.assert_cap(cap);
    check_window_terms(max_window_ms, max_tip_age_ms);
    let params = &mut market.params;
    params.max_window_ms = max_window_ms;
    params.max_tip_age_ms = max_tip_age_ms;
    market.emit_changed();
}

/// Aborts unless these are values `set_window_terms` accepts.
public fun check_window_terms(max_window_ms: u64, max_tip_age_ms: u64) {
    assert!(max_window_ms >= MINUTE_MS && max_window_ms <= DAY_MS, EWindowTermsOutOfRange);
    assert!(max_tip_age_ms >= 10 * MINUTE_MS && max_tip_age_ms <= DAY_MS, EWindowTermsOutOfRange);
}

// === Public-View Functions ===

public fun params(market: &Market): &Params { &market.params }

/// The minimum order value of `C`; aborts if orders may not escrow `C`.
public fun min_order_value<C>(market: &Market): u64 {
    let coin_type = type_name::with_original_ids<C>();
    assert!(market.coins.contains(coin_type), ECoinNotAllowed);
    market.coins[coin_type]
}

public fun accepts<C>(market: &Market): bool {
    market.coins.contains(type_name::with_original_ids<C>())
}

public fun market_id(cap: &MarketCap): ID { cap.market_id }

public fun platform_fee_bps(params: &Params): u64 { params.platform_fee_bps }

public fun keeper_share_bps(params: &Params): u64 { params.keeper_share_bps }

public fun dispute_window_ms(params: &Params): u64 { params.dispute_window_ms }

public fun response_window_ms(params: &Params): u64 { params.response_window_ms }

/// The longest response window governance can set: how long after its dispute deadline a report
/// can still be under challenge, whatever the window becomes meanwhile.
public fun max_response_window_ms(): u64 { MAX_RESPONSE_WINDOW_MS }

public fun samples_per_challenge(params: &Params): u64 { params.samples_per_challenge }

public fun challenger_bond(params: &Params): u64 { params.challenger_bond }

public fun min_challenger_stake(params: &Params): u64 { params.min_challenger_stake }

public fun min_keeper_stake(params: &Params): u64 { params.min_keeper_stake }

public fun keeper_slash_bps(params: &Params): u64 { params.keeper_slash_bps }

public fun challenger_reward_bps(params: &Params): u64 { params.challenger_reward_bps }

public fun dead_time_threshold_bps(params: &Params): u64 { params.dead_time_threshold_bps }

public fun price_decrease_max_bps(params: &Params): u64 { params.price_decrease_max_bps }

public fun price_decrease_interval_ms(params: &Params): u64 { params.price_decrease_interval_ms }

public fun cancel_grace_ms(params: &Params): u64 { params.cancel_grace_ms }

public fun max_window_ms(params: &Params): u64 { params.max_window_ms }

public fun max_tip_age_ms(params: &Params): u64 { params.max_tip_age_ms }

// === Package Functions ===

/// Aborts unless this build may use the market.
public(package) fun assert_version(market: &Market) {
    version::assert_current(market.version);
}

/// Aborts unless `cap` is this market's.
public(package) fun assert_cap(market: &Market, cap: &MarketCap) {
    market.assert_version();
    assert!(cap.market_id == market.id.to_inner(), EWrongMarketCap);
}

// === Private Functions ===

fun emit_changed(market: &Market) {
    event::emit(MarketParamsChanged { market_id: market.id.to_inner(), params: market.params });
}

// === Test Functions ===

#[test_only]
public fun init_for_testing(ctx: &mut TxContext) {
    init(ctx);
}
