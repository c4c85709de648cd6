/// Hashpower orders: a buyer escrows coins of type `C` for hashrate delivered to their own pool at
/// a price per PH·day, up to a hashrate cap, until an expiry. Keepers attach fills (a provider's
/// committed hashrate at a share difficulty D fixed before each window); delivery reports
/// (`aihash::report`) reserve what the reported work costs; settlement pays it out.
///
/// Lifecycle:
///
/// ```
///            top_up                      report reserves the last of the escrow
///   Active <-------- Exhausted <------------------------------------------ Active
///     |                  |
///     | cancel (buyer, after the grace period), expire (anyone, after expiry),
///     | pool dead for more than the threshold share of reported time
///     v                  v
///   Ended { Cancelled | Expired | PoolDead }: unspent escrow refunded at once; amounts reserved
///   for unsettled reports stay until each report settles (paid) or is voided (refunded).
/// ```
///
/// Every unit that enters escrow leaves as a payout, a fee or a refund:
/// `deposited == escrow + reserved + paid_to_providers + keeper_rewards + treasury_fees + refunded`.
///
/// Cost: every function touches one order and, for fills, one table entry: O(1) whatever the
/// number of orders, fills or reports.
module aihash::order;

use aihash::identity::Identity;
use aihash::market::{Market, Params};
use aihash::text;
use aihash::version;
use std::string::String;
use std::type_name::{Self, TypeName};
use sui::balance::{Self, Balance};
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::event;
use sui::table::{Self, Table};

// === Errors ===

#[error]
const ENotBuyer: vector<u8> = b"only the order's buyer may do this";
#[error]
const EBelowMinimum: vector<u8> =
    b"the escrow is below the market's minimum order value for this coin";
#[error]
const EZeroPrice: vector<u8> = b"the price per PH-day must be positive";
#[error]
const EZeroHashrate: vector<u8> = b"the hashrate must be positive";
#[error]
const EExpiryPassed: vector<u8> = b"the expiry must lie in the future";
#[error]
const EBadPoolUrl: vector<u8> = b"the pool URL is 1 to 256 printable ASCII characters";
#[error]
const EBadWorker: vector<u8> = b"the pool worker is 1 to 128 printable ASCII characters";
#[error]
const EBadPayout: vector<u8> = b"the pool payout bytes are 1 to 128 bytes";
#[error]
const EOrderEnded: vector<u8> = b"the order has ended";
#[error]
const EOrderNotActive: vector<u8> = b"the order is not active (exhausted or ended)";
#[error]
const EZeroTopUp: vector<u8> = b"a top-up must add coins";
#[error]
const ESamePrice: vector<u8> = b"the new price equals the current one";
#[error]
const EPriceDecreaseTooSoon: vector<u8> =
    b"the price was lowered too recently; wait for the interval";
#[error]
const EPriceDecreaseTooLarge: vector<u8> =
    b"the price may not fall by more than the market's limit at once";
#[error]
const ECancelGrace: vector<u8> = b"an order cannot be cancelled during its grace period";
#[error]
const ENotExpired: vector<u8> = b"the order has not reached its expiry";
#[error]
const ENotKeeperController: vector<u8> = b"only the keeper identity's controller may do this";
#[error]
const EKeeperNotEligible: vector<u8> =
    b"the keeper must be an active keeper identity with a keeper-signing key and the minimum stake";
#[error]
const EProviderNotEligible: vector<u8> = b"the provider must be an active provider identity";
#[error]
const EOverCap: vector<u8> = b"the fills' committed hashrate would exceed the order's hashrate cap";
#[error]
const EZeroDifficulty: vector<u8> = b"the share difficulty must be positive";
#[error]
const EUnknownFill: vector<u8> = b"the order has no fill with this index";
#[error]
const EWrongKeeper: vector<u8> = b"this fill belongs to another keeper";
#[error]
const EFillReleased: vector<u8> = b"the fill has been released";
#[error]
const EWindowSpansDifficultyChange: vector<u8> =
    b"a window starting before the fill's scheduled difficulty change must end by the change";
#[error]
const EDifficultyChangeInPast: vector<u8> =
    b"a difficulty change must take effect now or later, never for time already past";
#[error]
const EDifficultyChangeUnderWay: vector<u8> =
    b"the fill's scheduled difficulty change has taken effect: report a window from it before scheduling another";

// === Constants ===

const BPS: u64 = 10_000;
/// 10^15 hashes/s for 86,400 s: the hashes in one PH·day.
const HASHES_PER_PH_DAY: u256 = 86_400_000_000_000_000_000;
const MAX_URL_LENGTH: u64 = 256;
const MAX_WORKER_LENGTH: u64 = 128;
const MAX_PAYOUT_LENGTH: u64 = 128;

// === Types ===

public enum State has copy, drop, store {
    Active,
    /// The escrow ran out; a top-up makes the order active again.
    Exhausted,
    Ended { reason: EndReason },
}

public enum EndReason has copy, drop, store {
    Cancelled,
    Expired,
    /// The keepers reported the pool unreachable for more than the threshold share of the time.
    PoolDead,
}

/// Where the buyer wants the hashrate.
public struct Pool has copy, drop, store {
    /// Stratum URL, e.g. `stratum+tcp://pool.example:3333`.
    url: String,
    /// Worker (user) name at the pool.
    worker: String,
    /// Bytes every coinbase transaction of the pool contains, typically its payout output script.
    payout: vector<u8>,
}

/// A provider's hashrate attached to the order by a keeper.
public struct Fill has copy, drop, store {
    keeper_id: ID,
    provider_id: ID,
    /// Committed hashrate, H/s.
    hashrate: u64,
    /// Share difficulty D in 32.32 fixed point (`D × 2^32`): the hashes each counted share is
    /// credited with.
    difficulty: u128,
    /// A new D and the time from which windows use it (never an earlier window).
    next_difficulty: Option<DifficultyChange>,
    attached_ms: u64,
    /// End of the last reported window: the next window starts here or later.
    reported_until_ms: u64,
    /// When the keeper released the fill (0: still attached).
    released_ms: u64,
}

public struct DifficultyChange has copy, drop, store {
    difficulty: u128,
    from_ms: u64,
}

public struct Order<phantom C> has key {
    id: UID,
    version: u64,
    buyer: address,
    pool: Pool,
    /// Price per PH·day in base units of `C`.
    price: u64,
    last_decrease_ms: u64,
    /// Cap on the fills' committed hashrate, H/s.
    hashrate_cap: u64,
    committed_hashrate: u64,
    /// Unspent escrow.
    escrow: Balance<C>,
    /// Owed for reported work not yet settled or voided.
    reserved: Balance<C>,
    state: State,
    created_ms: u64,
    expiry_ms: u64,
    /// When the order ended (0: it has not).
    ended_ms: u64,
    fills: Table<u64, Fill>,
    fill_count: u64,
    /// Delivery time reported across fills, and the part of it the pool was unreachable.
    reported_ms: u64,
    dead_ms: u64,
    /// Running totals for the conservation invariant.
    deposited: u64,
    paid_to_providers: u64,
    keeper_rewards: u64,
    treasury_fees: u64,
    refunded: u64,
}

// === Events ===

public struct OrderCreated has copy, drop {
    order_id: ID,
    buyer: address,
    coin_type: TypeName,
    pool: Pool,
    price: u64,
    hashrate_cap: u64,
    escrow: u64,
    expiry_ms: u64,
}

public struct OrderToppedUp has copy, drop {
    order_id: ID,
    amount: u64,
    escrow: u64,
}

public struct OrderRepriced has copy, drop {
    order_id: ID,
    from: u64,
    to: u64,
}

public struct OrderExhausted has copy, drop {
    order_id: ID,
}

public struct OrderEnded has copy, drop {
    order_id: ID,
    reason: EndReason,
    /// Unspent escrow returned to the buyer.
    refunded: u64,
    /// Still reserved for unsettled reports.
    reserved: u64,
}

public struct FillAttached has copy, drop {
    order_id: ID,
    fill: u64,
    keeper_id: ID,
    provider_id: ID,
    hashrate: u64,
    difficulty: u128,
}

public struct FillDifficultyScheduled has copy, drop {
    order_id: ID,
    fill: u64,
    difficulty: u128,
    from_ms: u64,
}

public struct FillReleased has copy, drop {
    order_id: ID,
    fill: u64,
    hashrate: u64,
}

// === Public-Mutative Functions ===

/// Creates an order paying `price` (base units of `C` per PH·day) for up to `hashrate_cap` H/s
/// delivered to the pool, escrowing `escrow`, until `expiry_ms`. Share it with `share`.
public fun new<C>(
    market: &Market,
    pool_url: String,
    worker: String,
    payout: vector<u8>,
    price: u64,
    hashrate_cap: u64,
    escrow: Coin<C>,
    expiry_ms: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): Order<C> {
    market.assert_version();
    assert!(escrow.value() >= market.min_order_value<C>(), EBelowMinimum);
    assert!(price > 0, EZeroPrice);
    assert!(hashrate_cap > 0, EZeroHashrate);
    let now = clock.timestamp_ms();
    assert!(expiry_ms > now, EExpiryPassed);
    assert!(text::is_printable_word(&pool_url, MAX_URL_LENGTH), EBadPoolUrl);
    assert!(text::is_printable_word(&worker, MAX_WORKER_LENGTH), EBadWorker);
    assert!(payout.length() >= 1 && payout.length() <= MAX_PAYOUT_LENGTH, EBadPayout);
    let pool = Pool { url: pool_url, worker, payout };
    let amount = escrow.value();
    let order = Order<C> {
        id: object::new(ctx),
        version: version::current(),
        buyer: ctx.sender(),
        pool,
        price,
        last_decrease_ms: 0,
        hashrate_cap,
        committed_hashrate: 0,
        escrow: escrow.into_balance(),
        reserved: balance::zero(),
        state: State::Active,
        created_ms: now,
        expiry_ms,
        ended_ms: 0,
        fills: table::new(ctx),
        fill_count: 0,
        reported_ms: 0,
        dead_ms: 0,
        deposited: amount,
        paid_to_providers: 0,
        keeper_rewards: 0,
        treasury_fees: 0,
        refunded: 0,
    };
    event::emit(OrderCreated {
        order_id: order.id.to_inner(),
        buyer: order.buyer,
        coin_type: type_name::with_original_ids<C>(),
        pool,
        price,
        hashrate_cap,
        escrow: amount,
        expiry_ms,
    });
    order
}

/// Makes the order a shared object.
public fun share<C>(order: Order<C>) {
    transfer::share_object(order);
}

/// Adds escrow; an exhausted order becomes active again.
public fun top_up<C>(order: &mut Order<C>, coins: Coin<C>, ctx: &TxContext) {
    order.assert_buyer(ctx);
    assert!(!order.is_ended(), EOrderEnded);
    let amount = coins.value();
    assert!(amount > 0, EZeroTopUp);
    order.escrow.join(coins.into_balance());
    order.deposited = order.deposited + amount;
    order.state = State::Active;
    event::emit(OrderToppedUp {
        order_id: order.id.to_inner(),
        amount,
        escrow: order.escrow.value(),
    });
}

/// Changes the price: up at any time; down at most by the market's limit per interval.
public fun set_price<C>(
    order: &mut Order<C>,
    market: &Market,
    price: u64,
    clock: &Clock,
    ctx: &TxContext,
) {
    order.assert_buyer(ctx);
    market.assert_version();
    assert!(!order.is_ended(), EOrderEnded);
    assert!(price > 0, EZeroPrice);
    assert!(price != order.price, ESamePrice);
    let now = clock.timestamp_ms();
    if (price < order.price) {
        let params = market.params();
        assert!(
            order.last_decrease_ms == 0
                || now >= order.last_decrease_ms + params.price_decrease_interval_ms(),
            EPriceDecreaseTooSoon,
        );
        let floor =
            (order.price as u128) * ((BPS - params.price_decrease_max_bps()) as u128) / (BPS as u128);
        assert!((price as u128) >= floor, EPriceDecreaseTooLarge);
        order.last_decrease_ms = now;
    };
    event::emit(OrderRepriced { order_id: order.id.to_inner(), from: order.price, to: price });
    order.price = price;
}

/// Ends the order and returns its unspent escrow. Not during the grace period after creation.
public fun cancel<C>(
    order: &mut Order<C>,
    market: &Market,
    clock: &Clock,
    ctx: &mut TxContext,
): Coin<C> {
    order.assert_buyer(ctx);
    market.assert_version();
    assert!(!order.is_ended(), EOrderEnded);
    let now = clock.timestamp_ms();
    assert!(now >= order.created_ms + market.params().cancel_grace_ms(), ECancelGrace);
    coin::from_balance(order.end(EndReason::Cancelled, now), ctx)
}

/// Ends an order past its expiry and sends its unspent escrow to the buyer. Anyone may call it.
public fun expire<C>(order: &mut Order<C>, clock: &Clock, ctx: &mut TxContext) {
    version::assert_current(order.version);
    assert!(!order.is_ended(), EOrderEnded);
    let now = clock.timestamp_ms();
    assert!(now >= order.expiry_ms, ENotExpired);
    let refund = order.end(EndReason::Expired, now);
    transfer::public_transfer(coin::from_balance(refund, ctx), order.buyer);
}

/// Attaches `provider`'s hashrate to the order on behalf of `keeper` (the sender controls it), at
/// share difficulty `difficulty` (32.32 fixed point). Returns the fill's index.
public fun attach_fill<C>(
    order: &mut Order<C>,
    market: &Market,
    keeper: &Identity,
    provider: &Identity,
    hashrate: u64,
    difficulty: u128,
    clock: &Clock,
    ctx: &TxContext,
): u64 {
    version::assert_current(order.version);
    market.assert_version();
    assert!(keeper.controller() == ctx.sender(), ENotKeeperController);
    assert_keeper_eligible(keeper, market.params());
    assert!(provider.is_active() && provider.is_provider(), EProviderNotEligible);
    assert!(order.state == State::Active, EOrderNotActive);
    let now = clock.timestamp_ms();
    assert!(now < order.expiry_ms, EOrderNotActive);
    assert!(hashrate > 0, EZeroHashrate);
    assert!(difficulty > 0, EZeroDifficulty);
    assert!(order.committed_hashrate + hashrate <= order.hashrate_cap, EOverCap);
    order.committed_hashrate = order.committed_hashrate + hashrate;
    let index = order.fill_count;
    order.fill_count = index + 1;
    let keeper_id = object::id(keeper);
    let provider_id = object::id(provider);
    order
        .fills
        .add(
            index,
            Fill {
                keeper_id,
                provider_id,
                hashrate,
                difficulty,
                next_difficulty: option::none(),
                attached_ms: now,
                reported_until_ms: now,
                released_ms: 0,
            },
        );
    event::emit(FillAttached {
        order_id: order.id.to_inner(),
        fill: index,
        keeper_id,
        provider_id,
        hashrate,
        difficulty,
    });
    index
}

/// Schedules share difficulty `difficulty` for the fill's windows starting at or after `from_ms`
/// (now or later: never for time already past, so D is always fixed before the shares it counts
/// exist). A keeper names a future window boundary, so no window under way has to be cut short. A
/// pending change not yet in effect may be replaced; one in effect stays until a window starting
/// at or after it is reported (replacing it would let the keeper choose, after the fact, which D
/// counted the time since).
public fun set_difficulty<C>(
    order: &mut Order<C>,
    fill: u64,
    keeper: &Identity,
    difficulty: u128,
    from_ms: u64,
    clock: &Clock,
    ctx: &TxContext,
) {
    version::assert_current(order.version);
    assert!(difficulty > 0, EZeroDifficulty);
    let now = clock.timestamp_ms();
    assert!(from_ms >= now, EDifficultyChangeInPast);
    let order_id = order.id.to_inner();
    let entry = order.keeper_fill_mut(fill, keeper, ctx);
    assert!(entry.released_ms == 0, EFillReleased);
    entry
        .next_difficulty
        .do_ref!(|pending| assert!(pending.from_ms > now, EDifficultyChangeUnderWay));
    entry.next_difficulty = option::some(DifficultyChange { difficulty, from_ms });
    event::emit(FillDifficultyScheduled { order_id, fill, difficulty, from_ms });
}

/// Detaches the fill: its hashrate no longer counts against the cap; windows up to now can still
/// be reported.
public fun release_fill<C>(
    order: &mut Order<C>,
    fill: u64,
    keeper: &Identity,
    clock: &Clock,
    ctx: &TxContext,
) {
    version::assert_current(order.version);
    let order_id = order.id.to_inner();
    assert!(!order.is_ended(), EOrderEnded);
    let entry = order.keeper_fill_mut(fill, keeper, ctx);
    assert!(entry.released_ms == 0, EFillReleased);
    entry.released_ms = clock.timestamp_ms();
    let hashrate = entry.hashrate;
    order.committed_hashrate = order.committed_hashrate - hashrate;
    event::emit(FillReleased { order_id, fill, hashrate });
}

// === Public-View Functions ===

public fun buyer<C>(order: &Order<C>): address { order.buyer }

public fun pool<C>(order: &Order<C>): &Pool { &order.pool }

public fun pool_url(pool: &Pool): String { pool.url }

public fun pool_worker(pool: &Pool): String { pool.worker }

public fun pool_payout(pool: &Pool): vector<u8> { pool.payout }

public fun price<C>(order: &Order<C>): u64 { order.price }

public fun hashrate_cap<C>(order: &Order<C>): u64 { order.hashrate_cap }

public fun committed_hashrate<C>(order: &Order<C>): u64 { order.committed_hashrate }

public fun escrow<C>(order: &Order<C>): u64 { order.escrow.value() }

public fun reserved<C>(order: &Order<C>): u64 { order.reserved.value() }

public fun state<C>(order: &Order<C>): State { order.state }

public fun is_active<C>(order: &Order<C>): bool { order.state == State::Active }

public fun is_ended<C>(order: &Order<C>): bool {
    match (order.state) {
        State::Ended { .. } => true,
        _ => false,
    }
}

public fun end_reason<C>(order: &Order<C>): Option<EndReason> {
    match (order.state) {
        State::Ended { reason } => option::some(reason),
        _ => option::none(),
    }
}

public fun created_ms<C>(order: &Order<C>): u64 { order.created_ms }

public fun expiry_ms<C>(order: &Order<C>): u64 { order.expiry_ms }

public fun ended_ms<C>(order: &Order<C>): u64 { order.ended_ms }

public fun fill_count<C>(order: &Order<C>): u64 { order.fill_count }

public fun fill<C>(order: &Order<C>, index: u64): Fill {
    assert!(order.fills.contains(index), EUnknownFill);
    order.fills[index]
}

public fun fill_keeper_id(fill: &Fill): ID { fill.keeper_id }

public fun fill_provider_id(fill: &Fill): ID { fill.provider_id }

public fun fill_hashrate(fill: &Fill): u64 { fill.hashrate }

public fun fill_difficulty(fill: &Fill): u128 { fill.difficulty }

public fun fill_next_difficulty(fill: &Fill): Option<DifficultyChange> { fill.next_difficulty }

public fun fill_reported_until_ms(fill: &Fill): u64 { fill.reported_until_ms }

public fun fill_released_ms(fill: &Fill): u64 { fill.released_ms }

public fun reported_ms<C>(order: &Order<C>): u64 { order.reported_ms }

public fun dead_ms<C>(order: &Order<C>): u64 { order.dead_ms }

public fun deposited<C>(order: &Order<C>): u64 { order.deposited }

public fun paid_to_providers<C>(order: &Order<C>): u64 { order.paid_to_providers }

public fun keeper_rewards<C>(order: &Order<C>): u64 { order.keeper_rewards }

public fun treasury_fees<C>(order: &Order<C>): u64 { order.treasury_fees }

public fun refunded<C>(order: &Order<C>): u64 { order.refunded }

public fun reason_cancelled(): EndReason { EndReason::Cancelled }

public fun reason_expired(): EndReason { EndReason::Expired }

public fun reason_pool_dead(): EndReason { EndReason::PoolDead }

public fun state_active(): State { State::Active }

public fun state_exhausted(): State { State::Exhausted }

/// What `work` hashes cost at `price` per PH·day: `work × price / (10^15 × 86,400)`, rounded down
/// (in the buyer's favour).
public fun cost(work: u256, price: u64): u256 {
    work * (price as u256) / HASHES_PER_PH_DAY
}

// === Package Functions ===

/// Records a reported window of the fill (after `report::submit` checked its bounds): applies a
/// scheduled difficulty if the window starts at or after its time, advances the fill past the
/// window, and adds the window's time and dead time to the order. Returns the share difficulty
/// fixed for the window and the fill's provider.
public(package) fun cover_window<C>(
    order: &mut Order<C>,
    fill: u64,
    keeper_id: ID,
    start_ms: u64,
    end_ms: u64,
    dead_ms: u64,
): (u128, ID) {
    version::assert_current(order.version);
    assert!(order.fills.contains(fill), EUnknownFill);
    let entry = &mut order.fills[fill];
    assert!(entry.keeper_id == keeper_id, EWrongKeeper);
    // D is fixed before a window starts: a change applies only to windows starting at or after
    // the time it was scheduled, and a window starting before it ends by it. Otherwise a keeper
    // could schedule a change and, seeing the shares, pick the window's start on whichever side
    // of the change credits more.
    if (entry.next_difficulty.is_some()) {
        let from_ms = entry.next_difficulty.borrow().from_ms;
        if (start_ms >= from_ms) {
            entry.difficulty = entry.next_difficulty.extract().difficulty;
        } else {
            assert!(end_ms <= from_ms, EWindowSpansDifficultyChange);
        }
    };
    entry.reported_until_ms = end_ms;
    let difficulty = entry.difficulty;
    let provider_id = entry.provider_id;
    order.reported_ms = order.reported_ms + (end_ms - start_ms);
    order.dead_ms = order.dead_ms + dead_ms;
    (difficulty, provider_id)
}

/// The earliest start and latest end a new window of the fill may have.
public(package) fun window_bounds<C>(order: &Order<C>, fill: u64): (u64, u64) {
    assert!(order.fills.contains(fill), EUnknownFill);
    let entry = &order.fills[fill];
    let mut latest_end = order.expiry_ms;
    if (entry.released_ms != 0) latest_end = latest_end.min(entry.released_ms);
    if (order.ended_ms != 0) latest_end = latest_end.min(order.ended_ms);
    (entry.reported_until_ms, latest_end)
}

/// Moves what `work` costs (capped at the unspent escrow) into the reserve; an order whose escrow
/// runs out is marked exhausted. Returns the amount reserved and whether it was capped.
public(package) fun reserve<C>(order: &mut Order<C>, work: u256): (u64, bool) {
    let owed = cost(work, order.price);
    let available = order.escrow.value();
    let capped = owed > (available as u256);
    let amount = if (capped) available else owed as u64;
    order.reserved.join(order.escrow.split(amount));
    if (capped && order.state == State::Active) {
        order.state = State::Exhausted;
        event::emit(OrderExhausted { order_id: order.id.to_inner() });
    };
    (amount, capped)
}

/// Ends the order with a full refund of its unspent escrow if the reported dead time exceeds the
/// market's threshold share of the reported time.
public(package) fun check_pool_alive<C>(
    order: &mut Order<C>,
    params: &Params,
    now_ms: u64,
    ctx: &mut TxContext,
) {
    if (order.is_ended() || order.reported_ms == 0) return;
    let dead_share = (order.dead_ms as u128) * (BPS as u128) / (order.reported_ms as u128);
    if (dead_share > (params.dead_time_threshold_bps() as u128)) {
        let refund = order.end(EndReason::PoolDead, now_ms);
        transfer::public_transfer(coin::from_balance(refund, ctx), order.buyer);
    }
}

/// Pays a settled report out of the reserve: (provider's share, keeper reward, treasury fee).
public(package) fun pay_out<C>(
    order: &mut Order<C>,
    amount: u64,
    params: &Params,
): (Balance<C>, Balance<C>, Balance<C>) {
    version::assert_current(order.version);
    let fee = ((amount as u128) * (params.platform_fee_bps() as u128) / (BPS as u128)) as u64;
    let keeper_reward =
        ((fee as u128) * (params.keeper_share_bps() as u128) / (BPS as u128)) as u64;
    let mut provider_share = order.reserved.split(amount);
    let mut fees = provider_share.split(fee);
    let keeper = fees.split(keeper_reward);
    order.paid_to_providers = order.paid_to_providers + provider_share.value();
    order.keeper_rewards = order.keeper_rewards + keeper.value();
    order.treasury_fees = order.treasury_fees + fees.value();
    (provider_share, keeper, fees)
}

/// Returns a voided report's reserve: to the escrow of a live order (an exhausted one becomes
/// active again), to the buyer once the order has ended. Returns the amount.
public(package) fun release_reserve<C>(
    order: &mut Order<C>,
    amount: u64,
    ctx: &mut TxContext,
): u64 {
    version::assert_current(order.version);
    let funds = order.reserved.split(amount);
    if (order.is_ended()) {
        order.refunded = order.refunded + amount;
        transfer::public_transfer(coin::from_balance(funds, ctx), order.buyer);
    } else {
        order.escrow.join(funds);
        if (amount > 0) order.state = State::Active;
    };
    amount
}

/// Aborts unless the order belongs to this version of the package.
public(package) fun assert_version<C>(order: &Order<C>) {
    version::assert_current(order.version);
}

// === Private Functions ===

fun assert_buyer<C>(order: &Order<C>, ctx: &TxContext) {
    version::assert_current(order.version);
    assert!(ctx.sender() == order.buyer, ENotBuyer);
}

/// Keepers need an active keeper identity with a keeper-signing key and the market's stake.
public(package) fun assert_keeper_eligible(keeper: &Identity, params: &Params) {
    assert!(
        keeper.is_active() && keeper.is_keeper() && keeper.has_keeper_key()
            && keeper.stake().active() >= params.min_keeper_stake(),
        EKeeperNotEligible,
    );
}

fun keeper_fill_mut<C>(
    order: &mut Order<C>,
    fill: u64,
    keeper: &Identity,
    ctx: &TxContext,
): &mut Fill {
    assert!(keeper.controller() == ctx.sender(), ENotKeeperController);
    assert!(order.fills.contains(fill), EUnknownFill);
    let entry = &mut order.fills[fill];
    assert!(entry.keeper_id == object::id(keeper), EWrongKeeper);
    entry
}

/// Ends the order: releases the fills' committed hashrate and returns the unspent escrow.
fun end<C>(order: &mut Order<C>, reason: EndReason, now_ms: u64): Balance<C> {
    order.state = State::Ended { reason };
    order.ended_ms = now_ms;
    order.committed_hashrate = 0;
    let refund = order.escrow.withdraw_all();
    order.refunded = order.refunded + refund.value();
    event::emit(OrderEnded {
        order_id: order.id.to_inner(),
        reason,
        refunded: refund.value(),
        reserved: order.reserved.value(),
    });
    refund
}
