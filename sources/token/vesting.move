/// Vesting schedules: a balance released linearly after a cliff. The object belongs to its
/// beneficiary and cannot be handed on (it has no `store`); the beneficiary claims whatever the
/// `Clock` says has vested and not yet been claimed, so nothing can be claimed early or twice.
module aihash::vesting;

use sui::balance::Balance;
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::event;

// === Errors ===

#[error]
const ENothingToClaim: vector<u8> = b"nothing has vested since the last claim";
#[error]
const ENotFullyClaimed: vector<u8> = b"a vesting schedule can only be destroyed once fully claimed";
#[error]
const EEmptySchedule: vector<u8> = b"a vesting schedule must hold a positive amount";

// === Types ===

/// Funds released linearly over `linear_ms`, starting `cliff_ms` after `start_ms`: nothing is
/// claimable before `start_ms + cliff_ms`, everything from `start_ms + cliff_ms + linear_ms`.
public struct Vesting<phantom T> has key {
    id: UID,
    /// What has not been claimed yet.
    locked: Balance<T>,
    /// The amount the schedule started with.
    total: u64,
    start_ms: u64,
    cliff_ms: u64,
    linear_ms: u64,
}

// === Events ===

public struct VestingCreated has copy, drop {
    vesting_id: ID,
    beneficiary: address,
    total: u64,
    start_ms: u64,
    cliff_ms: u64,
    linear_ms: u64,
}

public struct VestingClaimed has copy, drop {
    vesting_id: ID,
    amount: u64,
    claimed_total: u64,
}

// === Public-Mutative Functions ===

/// Locks `funds` under a schedule and gives it to `beneficiary`. Returns the schedule's id.
public fun create<T>(
    funds: Balance<T>,
    start_ms: u64,
    cliff_ms: u64,
    linear_ms: u64,
    beneficiary: address,
    ctx: &mut TxContext,
): ID {
    let total = funds.value();
    assert!(total > 0, EEmptySchedule);
    let vesting = Vesting {
        id: object::new(ctx),
        locked: funds,
        total,
        start_ms,
        cliff_ms,
        linear_ms,
    };
    let vesting_id = vesting.id.to_inner();
    event::emit(VestingCreated { vesting_id, beneficiary, total, start_ms, cliff_ms, linear_ms });
    transfer::transfer(vesting, beneficiary);
    vesting_id
}

/// Takes everything vested and not yet claimed. Aborts when that is nothing.
public fun claim<T>(vesting: &mut Vesting<T>, clock: &Clock, ctx: &mut TxContext): Coin<T> {
    let amount = vesting.claimable(clock.timestamp_ms());
    assert!(amount > 0, ENothingToClaim);
    let coin = coin::take(&mut vesting.locked, amount, ctx);
    event::emit(VestingClaimed {
        vesting_id: vesting.id.to_inner(),
        amount,
        claimed_total: vesting.claimed(),
    });
    coin
}

/// Deletes a schedule whose funds have all been claimed.
public fun destroy_empty<T>(vesting: Vesting<T>) {
    let Vesting { id, locked, .. } = vesting;
    assert!(locked.value() == 0, ENotFullyClaimed);
    locked.destroy_zero();
    id.delete();
}

// === Public-View Functions ===

/// How much the schedule has released by `now_ms`, claimed or not.
public fun vested<T>(vesting: &Vesting<T>, now_ms: u64): u64 {
    let cliff_end = vesting.start_ms + vesting.cliff_ms;
    if (now_ms < cliff_end) return 0;
    let elapsed = now_ms - cliff_end;
    if (elapsed >= vesting.linear_ms) return vesting.total;
    ((vesting.total as u128) * (elapsed as u128) / (vesting.linear_ms as u128)) as u64
}

/// How much a claim at `now_ms` would pay.
public fun claimable<T>(vesting: &Vesting<T>, now_ms: u64): u64 {
    vesting.vested(now_ms) - vesting.claimed()
}

/// How much has been claimed so far.
public fun claimed<T>(vesting: &Vesting<T>): u64 { vesting.total - vesting.locked.value() }

public fun total<T>(vesting: &Vesting<T>): u64 { vesting.total }

/// What is still locked in the schedule.
public fun locked<T>(vesting: &Vesting<T>): u64 { vesting.locked.value() }

public fun start_ms<T>(vesting: &Vesting<T>): u64 { vesting.start_ms }

public fun cliff_ms<T>(vesting: &Vesting<T>): u64 { vesting.cliff_ms }

public fun linear_ms<T>(vesting: &Vesting<T>): u64 { vesting.linear_ms }
