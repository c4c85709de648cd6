/// Shared pools of funds held for the DAO: the platform treasury (fees and the treasury share of
/// slashed stake), the community rewards pool and the ecosystem fund. A pool holds one balance per
/// coin type. Anyone may deposit; only the holder of the pool's `SpendCap` (governance, once it
/// exists) may take funds out.
module aihash::treasury;

use aihash::version;
use std::string::String;
use std::type_name::{Self, TypeName};
use sui::bag::{Self, Bag};
use sui::balance::{Self, Balance};
use sui::coin::{Self, Coin};
use sui::event;

// === Errors ===

#[error]
const EWrongSpendCap: vector<u8> = b"this SpendCap belongs to a different treasury";
#[error]
const EInsufficientFunds: vector<u8> = b"the treasury holds less of this coin than requested";
#[error]
const EZeroAmount: vector<u8> = b"the amount must be greater than zero";

// === Types ===

/// A shared pool of funds, one balance per coin type.
public struct Treasury has key {
    id: UID,
    version: u64,
    /// What the pool is for, e.g. "platform treasury".
    purpose: String,
    /// `BalanceKey<T>` -> `Balance<T>`.
    balances: Bag,
}

/// Authority to spend from one treasury.
public struct SpendCap has key, store {
    id: UID,
    treasury_id: ID,
}

/// Bag key of the balance of coin type `T`.
public struct BalanceKey<phantom T>() has copy, drop, store;

// === Events ===

public struct TreasuryCreated has copy, drop {
    treasury_id: ID,
    purpose: String,
}

public struct FundsDeposited has copy, drop {
    treasury_id: ID,
    coin_type: TypeName,
    amount: u64,
    balance_after: u64,
}

public struct FundsSpent has copy, drop {
    treasury_id: ID,
    coin_type: TypeName,
    amount: u64,
    balance_after: u64,
}

// === Public-Mutative Functions ===

/// Adds `funds` to the treasury's balance of `T`. Zero deposits are accepted silently.
public fun deposit<T>(treasury: &mut Treasury, funds: Balance<T>) {
    version::assert_current(treasury.version);
    let amount = funds.value();
    if (amount == 0) {
        funds.destroy_zero();
        return
    };
    let key = BalanceKey<T>();
    if (!treasury.balances.contains(key)) treasury.balances.add(key, balance::zero<T>());
    let held: &mut Balance<T> = &mut treasury.balances[key];
    held.join(funds);
    event::emit(FundsDeposited {
        treasury_id: treasury.id.to_inner(),
        coin_type: type_name::with_original_ids<T>(),
        amount,
        balance_after: held.value(),
    });
}

/// Takes `amount` of `T` out of the treasury. Only the holder of its `SpendCap` may.
public fun spend<T>(
    treasury: &mut Treasury,
    cap: &SpendCap,
    amount: u64,
    ctx: &mut TxContext,
): Coin<T> {
    version::assert_current(treasury.version);
    assert!(cap.treasury_id == treasury.id.to_inner(), EWrongSpendCap);
    assert!(amount > 0, EZeroAmount);
    assert!(treasury.balance<T>() >= amount, EInsufficientFunds);
    let held: &mut Balance<T> = &mut treasury.balances[BalanceKey<T>()];
    let coin = coin::take(held, amount, ctx);
    event::emit(FundsSpent {
        treasury_id: treasury.id.to_inner(),
        coin_type: type_name::with_original_ids<T>(),
        amount,
        balance_after: held.value(),
    });
    coin
}

// === Public-View Functions ===

/// How much of `T` the treasury holds.
public fun balance<T>(treasury: &Treasury): u64 {
    let key = BalanceKey<T>();
    if (treasury.balances.contains(key)) {
        let held: &Balance<T> = &treasury.balances[key];
        held.value()
    } else 0
}

public fun purpose(treasury: &Treasury): String { treasury.purpose }

/// The treasury this cap spends from.
public fun treasury_id(cap: &SpendCap): ID { cap.treasury_id }

// === Package Functions ===

/// Creates an empty treasury and the cap that spends from it; the caller shares the treasury.
public(package) fun new(purpose: String, ctx: &mut TxContext): (Treasury, SpendCap) {
    let treasury = Treasury {
        id: object::new(ctx),
        version: version::current(),
        purpose,
        balances: bag::new(ctx),
    };
    let cap = SpendCap { id: object::new(ctx), treasury_id: treasury.id.to_inner() };
    event::emit(TreasuryCreated { treasury_id: treasury.id.to_inner(), purpose });
    (treasury, cap)
}

#[allow(lint(share_owned))]
public(package) fun share(treasury: Treasury) {
    transfer::share_object(treasury);
}

// === Test Functions ===

#[test_only]
public fun new_for_testing(purpose: String, ctx: &mut TxContext): (Treasury, SpendCap) {
    new(purpose, ctx)
}

#[test_only]
public fun destroy_for_testing(treasury: Treasury) {
    std::unit_test::destroy(treasury);
}
