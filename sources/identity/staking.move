/// Staking HASH on an identity: stake, request an unstake (which waits out the cooldown, still
/// slashable), withdraw after the cooldown or early for a burned fee, and the slashing the market
/// and governance call when an identity is caught.
module aihash::staking;

use aihash::hash::{Self, HASH};
use aihash::identity::Identity;
use aihash::registry::Registry;
use aihash::treasury::Treasury;
use sui::clock::Clock;
use sui::coin::{Self, Coin};
use sui::coin_registry::Currency;
use sui::event;

// === Errors ===

#[error]
const EShareOutOfRange: vector<u8> = b"the recipient's share of a slash is at most 10,000 bps";

const BPS: u64 = 10_000;

// === Events ===

public struct Staked has copy, drop {
    identity_id: ID,
    amount: u64,
    active: u64,
}

public struct UnstakeRequested has copy, drop {
    identity_id: ID,
    amount: u64,
    unstaking: u64,
    unlock_ms: u64,
}

public struct StakeWithdrawn has copy, drop {
    identity_id: ID,
    /// Paid to the controller.
    amount: u64,
    /// Burned for withdrawing before the cooldown ended.
    burned: u64,
}

public struct StakeSlashed has copy, drop {
    identity_id: ID,
    /// What was taken, never more than the stake.
    amount: u64,
    recipient: address,
    to_recipient: u64,
    to_treasury: u64,
    /// Stake left (active and unstaking).
    remaining: u64,
}

// === Public-Mutative Functions ===

/// Adds `coin` to the identity's active stake. Only its controller may.
public fun stake(
    identity: &mut Identity,
    registry: &Registry,
    coin: Coin<HASH>,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    registry.assert_version();
    let amount = coin.value();
    identity.stake_mut().deposit(coin.into_balance());
    event::emit(Staked {
        identity_id: object::id(identity),
        amount,
        active: identity.stake().active(),
    });
    identity.refresh(registry.policy(), clock.timestamp_ms());
}

/// Starts the cooldown on `amount` of active stake. All unstaking stake unlocks together, one
/// cooldown after the latest request.
public fun request_unstake(
    identity: &mut Identity,
    registry: &Registry,
    amount: u64,
    clock: &Clock,
    ctx: &TxContext,
) {
    identity.assert_controller_of_live(ctx);
    registry.assert_version();
    let unlock_ms = clock.timestamp_ms() + registry.policy().unstake_cooldown_ms();
    identity.stake_mut().request_unstake(amount, unlock_ms);
    event::emit(UnstakeRequested {
        identity_id: object::id(identity),
        amount,
        unstaking: identity.stake().unstaking(),
        unlock_ms,
    });
    identity.refresh(registry.policy(), clock.timestamp_ms());
}

/// Pays the unstaking stake to the controller once the cooldown is over. Works on deactivated
/// identities too: retiring must not lock funds away.
public fun withdraw(
    identity: &mut Identity,
    registry: &Registry,
    clock: &Clock,
    ctx: &mut TxContext,
): Coin<HASH> {
    identity.assert_controller(ctx);
    registry.assert_version();
    let payout = identity.stake_mut().withdraw(clock.timestamp_ms());
    event::emit(StakeWithdrawn {
        identity_id: object::id(identity),
        amount: payout.value(),
        burned: 0,
    });
    coin::from_balance(payout, ctx)
}

/// Pays the unstaking stake to the controller before the cooldown is over, burning the
/// early-unstake fee (seed: 5%, rounded up).
public fun withdraw_early(
    identity: &mut Identity,
    registry: &Registry,
    currency: &mut Currency<HASH>,
    clock: &Clock,
    ctx: &mut TxContext,
): Coin<HASH> {
    identity.assert_controller(ctx);
    registry.assert_version();
    let fee_bps = registry.policy().early_unstake_fee_bps();
    let (payout, fee) = identity.stake_mut().withdraw_early(clock.timestamp_ms(), fee_bps);
    event::emit(StakeWithdrawn {
        identity_id: object::id(identity),
        amount: payout.value(),
        burned: fee.value(),
    });
    hash::burn(currency, coin::from_balance(fee, ctx));
    coin::from_balance(payout, ctx)
}

// === Package Functions ===

/// Slashes up to `amount` of the identity's stake (active first, then unstaking; never more than
/// there is): `recipient_bps` of it goes to `recipient` (e.g. the challenger), the rest to the
/// platform treasury. The identity is marked slashed and barred until its probation ends.
/// Returns the amount taken.
public(package) fun slash(
    identity: &mut Identity,
    registry: &Registry,
    treasury: &mut Treasury,
    amount: u64,
    recipient: address,
    recipient_bps: u64,
    clock: &Clock,
    ctx: &mut TxContext,
): u64 {
    registry.assert_version();
    registry.assert_platform_treasury(object::id(treasury));
    assert!(recipient_bps <= BPS, EShareOutOfRange);
    let mut taken = identity.stake_mut().slash(amount);
    let slashed = taken.value();
    let to_recipient = ((slashed as u128) * (recipient_bps as u128) / (BPS as u128)) as u64;
    transfer::public_transfer(coin::from_balance(taken.split(to_recipient), ctx), recipient);
    let to_treasury = taken.value();
    treasury.deposit(taken);
    event::emit(StakeSlashed {
        identity_id: object::id(identity),
        amount: slashed,
        recipient,
        to_recipient,
        to_treasury,
        remaining: identity.stake().total(),
    });
    identity.mark_slashed(registry.policy(), clock.timestamp_ms());
    slashed
}
