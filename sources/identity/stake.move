/// The HASH an identity has staked: active stake that backs its work, stake waiting out the
/// unstake cooldown (still slashable), and running totals that account for every unit deposited:
/// `deposited == active + unstaking + slashed + burned + withdrawn`, always.
module aihash::stake;

use aihash::hash::HASH;
use sui::balance::{Self, Balance};

// === Errors ===

#[error]
const EZeroAmount: vector<u8> = b"the amount must be greater than zero";
#[error]
const EInsufficientStake: vector<u8> = b"the active stake is smaller than the amount to unstake";
#[error]
const ENothingUnstaking: vector<u8> =
    b"nothing is waiting to be withdrawn; request an unstake first";
#[error]
const ECooldownRunning: vector<u8> =
    b"the unstake cooldown has not ended; wait, or withdraw early and pay the fee";
#[error]
const ECooldownOver: vector<u8> = b"the cooldown is over: withdraw without the early fee";
#[error]
const EBacksOpenReports: vector<u8> =
    b"the stake backs delivery reports that can still be challenged; withdraw once their challenges are over";

const BPS: u64 = 10_000;

// === Types ===

public struct Stake has store {
    /// Backs the identity's work and counts towards its trust level.
    active: Balance<HASH>,
    /// Requested for withdrawal; withdrawable from `unlock_ms`, slashable until then.
    unstaking: Balance<HASH>,
    unlock_ms: u64,
    /// No withdrawal, with or without the early fee, before this time: the stake backs delivery
    /// reports whose challenges may still come (a keeper must not run off with what a failed
    /// challenge would slash).
    locked_until_ms: u64,
    deposited: u64,
    slashed: u64,
    burned: u64,
    withdrawn: u64,
}

// === Public-View Functions ===

public fun active(stake: &Stake): u64 { stake.active.value() }

public fun unstaking(stake: &Stake): u64 { stake.unstaking.value() }

/// Active and unstaking stake together: what a slash can reach.
public fun total(stake: &Stake): u64 { stake.active.value() + stake.unstaking.value() }

/// When the unstaking funds can be withdrawn without a fee.
public fun unlock_ms(stake: &Stake): u64 { stake.unlock_ms }

/// Until when the stake backs reports that can still be challenged.
public fun locked_until_ms(stake: &Stake): u64 { stake.locked_until_ms }

public fun deposited(stake: &Stake): u64 { stake.deposited }

public fun slashed(stake: &Stake): u64 { stake.slashed }

public fun burned(stake: &Stake): u64 { stake.burned }

public fun withdrawn(stake: &Stake): u64 { stake.withdrawn }

// === Package Functions ===

public(package) fun empty(): Stake {
    Stake {
        active: balance::zero(),
        unstaking: balance::zero(),
        unlock_ms: 0,
        locked_until_ms: 0,
        deposited: 0,
        slashed: 0,
        burned: 0,
        withdrawn: 0,
    }
}

/// Adds `funds` to the active stake.
public(package) fun deposit(stake: &mut Stake, funds: Balance<HASH>) {
    assert!(funds.value() > 0, EZeroAmount);
    stake.deposited = stake.deposited + funds.value();
    stake.active.join(funds);
}

/// Moves `amount` from active to unstaking; everything unstaking unlocks at `unlock_ms` (a new
/// request restarts the cooldown for all of it, so a request cannot ride an older, shorter one).
public(package) fun request_unstake(stake: &mut Stake, amount: u64, unlock_ms: u64) {
    assert!(amount > 0, EZeroAmount);
    assert!(stake.active.value() >= amount, EInsufficientStake);
    stake.unstaking.join(stake.active.split(amount));
    stake.unlock_ms = unlock_ms;
}

/// Moves all active stake to unstaking (deactivation).
public(package) fun unstake_all(stake: &mut Stake, unlock_ms: u64) {
    let amount = stake.active.value();
    if (amount > 0) stake.request_unstake(amount, unlock_ms);
}

/// Keeps the stake from being withdrawn before `until_ms` (a later lock wins).
public(package) fun lock_until(stake: &mut Stake, until_ms: u64) {
    stake.locked_until_ms = stake.locked_until_ms.max(until_ms);
}

/// Takes all unstaking funds once the cooldown is over.
public(package) fun withdraw(stake: &mut Stake, now_ms: u64): Balance<HASH> {
    assert!(stake.unstaking.value() > 0, ENothingUnstaking);
    assert!(now_ms >= stake.locked_until_ms, EBacksOpenReports);
    assert!(now_ms >= stake.unlock_ms, ECooldownRunning);
    stake.withdrawn = stake.withdrawn + stake.unstaking.value();
    stake.unstaking.withdraw_all()
}

/// Takes all unstaking funds before the cooldown ends: returns (payout, fee), the fee being
/// `fee_bps` of the amount, rounded up, for the caller to burn.
public(package) fun withdraw_early(
    stake: &mut Stake,
    now_ms: u64,
    fee_bps: u64,
): (Balance<HASH>, Balance<HASH>) {
    let amount = stake.unstaking.value();
    assert!(amount > 0, ENothingUnstaking);
    assert!(now_ms >= stake.locked_until_ms, EBacksOpenReports);
    assert!(now_ms < stake.unlock_ms, ECooldownOver);
    let fee = (((amount as u128) * (fee_bps as u128) + (BPS as u128) - 1) / (BPS as u128)) as u64;
    let mut payout = stake.unstaking.withdraw_all();
    let fee = payout.split(fee);
    stake.burned = stake.burned + fee.value();
    stake.withdrawn = stake.withdrawn + payout.value();
    (payout, fee)
}

/// Takes up to `amount`, active stake first, then unstaking stake; never more than there is.
public(package) fun slash(stake: &mut Stake, amount: u64): Balance<HASH> {
    let from_active = amount.min(stake.active.value());
    let mut taken = stake.active.split(from_active);
    let from_unstaking = (amount - from_active).min(stake.unstaking.value());
    taken.join(stake.unstaking.split(from_unstaking));
    stake.slashed = stake.slashed + taken.value();
    taken
}
