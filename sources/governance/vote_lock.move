/// Vote-escrowed HASH: voting power from HASH locked until an unlock time. A lock's weight is
/// `amount × (unlock − t) / MAX_LOCK`: it grows with the lock's length (a four-year lock weighs its
/// full amount) and decays to zero as the unlock approaches. Locks can be increased and extended,
/// never shortened; the HASH comes back only after the unlock.
///
/// `Supply` keeps the total weight of all locks computable at any time without visiting them:
/// `W(t) = (Σ amount × unlock − t × Σ amount) / MAX_LOCK` over the locks still locked at t, with
/// the amounts that unlock in each week recorded so they drop out when their week passes. Unlock
/// times are rounded down to whole weeks so that bringing the totals up to date visits at most one
/// entry per week elapsed.
///
/// Each lock keeps its last eight states with their times, so its weight as of an earlier moment
/// (a proposal's snapshot) is known even after it was increased or extended.
module aihash::vote_lock;

use aihash::hash::HASH;
use sui::balance::Balance;
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::event;
use sui::table::{Self, Table};

// === Errors ===

#[error]
const EZeroAmount: vector<u8> = b"a lock must hold a positive amount of HASH";
#[error]
const ELockTooShort: vector<u8> =
    b"a lock runs at least one week (unlock times round down to whole weeks)";
#[error]
const ELockTooLong: vector<u8> = b"a lock runs at most four years";
#[error]
const ELockShortened: vector<u8> =
    b"a lock can only be extended to a later unlock week, never shortened";
#[error]
const ELockExpired: vector<u8> = b"the lock has unlocked: withdraw it and lock again";
#[error]
const EStillLocked: vector<u8> = b"the lock has not reached its unlock time";

// === Constants ===

const WEEK_MS: u64 = 7 * 86_400_000;
/// Four years of whole weeks.
const MAX_LOCK_MS: u64 = 208 * WEEK_MS;
/// States a lock remembers.
const HISTORY: u64 = 8;

// === Types ===

/// Locked HASH. Owned by its voter and not transferable (no `store`).
public struct Lock has key {
    id: UID,
    locked: Balance<HASH>,
    unlock_ms: u64,
    /// Its states, oldest first, at most `HISTORY`.
    history: vector<LockState>,
}

/// A lock's amount and unlock time from `since_ms` on.
public struct LockState has copy, drop, store {
    since_ms: u64,
    amount: u64,
    unlock_ms: u64,
}

/// The totals over all locks, as of `checkpoint_ms`.
public struct Supply has store {
    /// Σ amount and Σ amount × unlock over locks unlocking after the checkpoint.
    amount: u128,
    amount_unlock: u128,
    /// Start of the week the totals are brought up to.
    checkpoint_ms: u64,
    /// Unlock week -> the totals of the locks unlocking then.
    unlocks: Table<u64, Unlocking>,
}

public struct Unlocking has store {
    amount: u128,
    amount_unlock: u128,
}

// === Events ===

public struct LockChanged has copy, drop {
    lock_id: ID,
    owner: address,
    amount: u64,
    unlock_ms: u64,
    timestamp_ms: u64,
}

public struct LockWithdrawn has copy, drop {
    lock_id: ID,
    owner: address,
    amount: u64,
}

// === Public-View Functions ===

/// The weight of `amount` locked until `unlock_ms`, at `now_ms`.
public fun weight(amount: u64, unlock_ms: u64, now_ms: u64): u64 {
    if (now_ms >= unlock_ms) return 0;
    ((amount as u128) * ((unlock_ms - now_ms) as u128) / (MAX_LOCK_MS as u128)) as u64
}

/// The lock's weight at `now_ms`.
public fun current_weight(lock: &Lock, now_ms: u64): u64 {
    weight(lock.locked.value(), lock.unlock_ms, now_ms)
}

/// The lock's amount and unlock time as they were at `at_ms`, if it existed then (and that state
/// is among the ones it remembers).
public fun state_at(lock: &Lock, at_ms: u64): Option<LockState> {
    let mut i = lock.history.length();
    while (i > 0) {
        i = i - 1;
        if (lock.history[i].since_ms <= at_ms) return option::some(lock.history[i])
    };
    option::none()
}

public fun amount(lock: &Lock): u64 { lock.locked.value() }

public fun unlock_ms(lock: &Lock): u64 { lock.unlock_ms }

public fun state_amount(state: &LockState): u64 { state.amount }

public fun state_unlock_ms(state: &LockState): u64 { state.unlock_ms }

public fun week_ms(): u64 { WEEK_MS }

public fun max_lock_ms(): u64 { MAX_LOCK_MS }

/// The total weight of all locks at `at_ms` (not before the supply's checkpoint).
public fun total_weight_at(supply: &Supply, at_ms: u64): u64 {
    let (amount, amount_unlock) = supply.totals_at(at_ms);
    let decayed = (at_ms as u128) * amount;
    if (amount_unlock <= decayed) return 0;
    ((amount_unlock - decayed) / (MAX_LOCK_MS as u128)) as u64
}

// === Package Functions ===

/// Gives the lock to `owner` (locks have no `store`: only this module moves them).
public(package) fun transfer_to(lock: Lock, owner: address) {
    transfer::transfer(lock, owner);
}

public(package) fun new_supply(now_ms: u64, ctx: &mut TxContext): Supply {
    Supply { amount: 0, amount_unlock: 0, checkpoint_ms: week_of(now_ms), unlocks: table::new(ctx) }
}

/// Locks `coins` until the week of `unlock_ms`.
public(package) fun new(
    supply: &mut Supply,
    coins: Coin<HASH>,
    unlock_ms: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): Lock {
    let now = clock.timestamp_ms();
    supply.advance(now);
    let amount = coins.value();
    assert!(amount > 0, EZeroAmount);
    let unlock_ms = checked_unlock(unlock_ms, now);
    supply.add(amount, unlock_ms);
    let mut lock = Lock {
        id: object::new(ctx),
        locked: coins.into_balance(),
        unlock_ms,
        history: vector[],
    };
    lock.remember(now, ctx);
    lock
}

/// Adds `coins` to a lock that has not unlocked.
public(package) fun increase(
    lock: &mut Lock,
    supply: &mut Supply,
    coins: Coin<HASH>,
    clock: &Clock,
    ctx: &TxContext,
) {
    let now = clock.timestamp_ms();
    supply.advance(now);
    assert!(coins.value() > 0, EZeroAmount);
    assert!(now < lock.unlock_ms, ELockExpired);
    supply.add(coins.value(), lock.unlock_ms);
    lock.locked.join(coins.into_balance());
    lock.remember(now, ctx);
}

/// Moves a lock's unlock to a later week.
public(package) fun extend(
    lock: &mut Lock,
    supply: &mut Supply,
    unlock_ms: u64,
    clock: &Clock,
    ctx: &TxContext,
) {
    let now = clock.timestamp_ms();
    supply.advance(now);
    assert!(now < lock.unlock_ms, ELockExpired);
    let unlock_ms = checked_unlock(unlock_ms, now);
    assert!(unlock_ms > lock.unlock_ms, ELockShortened);
    let amount = lock.locked.value();
    supply.remove(amount, lock.unlock_ms);
    supply.add(amount, unlock_ms);
    lock.unlock_ms = unlock_ms;
    lock.remember(now, ctx);
}

/// Returns an unlocked lock's HASH. (Its weight left the totals when its week passed.)
public(package) fun withdraw(lock: Lock, clock: &Clock, ctx: &mut TxContext): Coin<HASH> {
    assert!(clock.timestamp_ms() >= lock.unlock_ms, EStillLocked);
    let Lock { id, locked, .. } = lock;
    event::emit(LockWithdrawn {
        lock_id: id.to_inner(),
        owner: ctx.sender(),
        amount: locked.value(),
    });
    id.delete();
    coin::from_balance(locked, ctx)
}

/// Brings the totals up to `now_ms`: locks whose week has passed leave them. Visits one entry per
/// week since the last checkpoint (every lock change and proposal advances it).
public(package) fun advance(supply: &mut Supply, now_ms: u64) {
    let target = week_of(now_ms);
    // Nothing is locked, so nothing can unlock on the way.
    if (supply.amount == 0 && supply.checkpoint_ms < target) supply.checkpoint_ms = target;
    while (supply.checkpoint_ms < target) {
        supply.checkpoint_ms = supply.checkpoint_ms + WEEK_MS;
        let week = supply.checkpoint_ms;
        if (supply.unlocks.contains(week)) {
            let Unlocking { amount, amount_unlock } = supply.unlocks.remove(week);
            supply.amount = supply.amount - amount;
            supply.amount_unlock = supply.amount_unlock - amount_unlock;
        }
    }
}

// === Private Functions ===

fun week_of(ms: u64): u64 { ms / WEEK_MS * WEEK_MS }

/// `unlock_ms` rounded down to its week, checked against the minimum and maximum lock.
fun checked_unlock(unlock_ms: u64, now_ms: u64): u64 {
    let unlock_ms = week_of(unlock_ms);
    assert!(unlock_ms >= now_ms + WEEK_MS, ELockTooShort);
    assert!(unlock_ms <= now_ms + MAX_LOCK_MS, ELockTooLong);
    unlock_ms
}

/// The totals over locks still locked at `at_ms`, without changing the supply.
fun totals_at(supply: &Supply, at_ms: u64): (u128, u128) {
    let (mut amount, mut amount_unlock) = (supply.amount, supply.amount_unlock);
    let mut week = supply.checkpoint_ms;
    let target = week_of(at_ms);
    while (week < target) {
        week = week + WEEK_MS;
        if (supply.unlocks.contains(week)) {
            let unlocking = &supply.unlocks[week];
            amount = amount - unlocking.amount;
            amount_unlock = amount_unlock - unlocking.amount_unlock;
        }
    };
    (amount, amount_unlock)
}

fun add(supply: &mut Supply, amount: u64, unlock_ms: u64) {
    let (amount, amount_unlock) = ((amount as u128), (amount as u128) * (unlock_ms as u128));
    supply.amount = supply.amount + amount;
    supply.amount_unlock = supply.amount_unlock + amount_unlock;
    if (!supply.unlocks.contains(unlock_ms)) {
        supply.unlocks.add(unlock_ms, Unlocking { amount: 0, amount_unlock: 0 });
    };
    let unlocking = &mut supply.unlocks[unlock_ms];
    unlocking.amount = unlocking.amount + amount;
    unlocking.amount_unlock = unlocking.amount_unlock + amount_unlock;
}

fun remove(supply: &mut Supply, amount: u64, unlock_ms: u64) {
    let (amount, amount_unlock) = ((amount as u128), (amount as u128) * (unlock_ms as u128));
    supply.amount = supply.amount - amount;
    supply.amount_unlock = supply.amount_unlock - amount_unlock;
    let unlocking = &mut supply.unlocks[unlock_ms];
    unlocking.amount = unlocking.amount - amount;
    unlocking.amount_unlock = unlocking.amount_unlock - amount_unlock;
}

fun remember(lock: &mut Lock, now_ms: u64, ctx: &TxContext) {
    let state = LockState {
        since_ms: now_ms,
        amount: lock.locked.value(),
        unlock_ms: lock.unlock_ms,
    };
    // Several changes at the same moment leave one state.
    if (!lock.history.is_empty() && lock.history[lock.history.length() - 1].since_ms == now_ms) {
        lock.history.pop_back();
    };
    lock.history.push_back(state);
    if (lock.history.length() > HISTORY) {
        lock.history.remove(0);
    };
    event::emit(LockChanged {
        lock_id: lock.id.to_inner(),
        owner: ctx.sender(),
        amount: state.amount,
        unlock_ms: state.unlock_ms,
        timestamp_ms: now_ms,
    });
}

// === Test Functions ===

#[test_only]
public fun destroy_supply_for_testing(supply: Supply) {
    std::unit_test::destroy(supply);
}
