//! Filling orders: which open orders the keeper's providers serve (best price first, within each
//! order's hashrate cap and the capacity the keeper has left), and attaching a fill, checked
//! against the order's state on chain right before.

use super::book::PoolTarget;
use super::report::FillRef;
use super::{Done, DutyError};
use aihash_sdk::bindings::order::{Order, State};
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, Shared};
use serde::{Deserialize, Serialize};
use sui_sdk_types::StructTag;

/// An open order as the keeper weighs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenOrder {
    pub order: Shared,
    pub coin_type: StructTag,
    /// Price per PH·day in base units of the coin.
    pub price: u64,
    /// H/s.
    pub hashrate_cap: u64,
    pub committed_hashrate: u64,
    pub expiry_ms: u64,
    /// Where the order's work goes.
    #[serde(default)]
    pub pool: PoolTarget,
}

/// What the keeper found at an order's pool before filling the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolCheck {
    /// Rigs can work there: the pool's share difficulty (32.32), which the fill's D must not be
    /// below.
    Fit { floor: u128 },
    /// Rigs cannot work there (unreachable, or its coinbase does not pay the order's payout
    /// bytes), and why.
    Unfit(String),
}

impl OpenOrder {
    /// From the order object as the chain has it.
    pub fn from_object<C>(order: Shared, coin_type: StructTag, object: &Order<C>) -> Self {
        Self {
            order,
            coin_type,
            price: object.price,
            hashrate_cap: object.hashrate_cap,
            committed_hashrate: object.committed_hashrate,
            expiry_ms: object.expiry_ms,
            pool: PoolTarget::of(object),
        }
    }

    fn room(&self) -> u64 {
        self.hashrate_cap.saturating_sub(self.committed_hashrate)
    }
}

/// How much of `capacity` (H/s the keeper's providers have free) to put on which order: the
/// best-paying first, each up to its cap's room, skipping orders below `min_price`, expiring
/// before `now_ms + min_left_ms`, or with less room than `min_fill` (not worth a fill).
pub fn choose(
    orders: &[OpenOrder],
    mut capacity: u64,
    min_price: u64,
    min_fill: u64,
    now_ms: u64,
    min_left_ms: u64,
) -> Vec<(OpenOrder, u64)> {
    let mut candidates: Vec<&OpenOrder> = orders
        .iter()
        .filter(|o| {
            o.price >= min_price
                && o.expiry_ms >= now_ms.saturating_add(min_left_ms)
                && o.room() >= min_fill.max(1)
        })
        .collect();
    // Best price first; on a tie, the order with more room (fewer fills to manage).
    candidates.sort_by(|a, b| b.price.cmp(&a.price).then(b.room().cmp(&a.room())));
    let mut chosen = vec![];
    for order in candidates {
        if capacity < min_fill.max(1) {
            break;
        }
        let hashrate = order.room().min(capacity);
        capacity -= hashrate;
        chosen.push((order.clone(), hashrate));
    }
    chosen
}

/// Attaches `provider`'s `hashrate` to `order` at share difficulty `difficulty` (32.32), unless
/// the order is no longer active, has no room for it any more, or already has a live fill of this
/// keeper for this provider (a fill sent before a crash, before the keeper learnt of it).
#[allow(clippy::too_many_arguments)]
pub async fn attach(
    sender: &mut Sender,
    calls: &Calls<'_>,
    order: &OpenOrder,
    keeper: Shared,
    provider: Shared,
    hashrate: u64,
    difficulty: u128,
    now_ms: u64,
) -> Result<Done, DutyError> {
    let on_chain: Order<moverox_sui::sui::sui::SUI> = sender.client.object(order.order.id).await?;
    if on_chain.state != State::Active || now_ms >= on_chain.expiry_ms {
        return Ok(Done::AlreadyDone(format!("order {} is no longer open", order.order.id)));
    }
    for (index, fill) in super::report::fills_of(&mut sender.client, &on_chain).await? {
        let ours = super::id(&fill.keeper_id) == keeper.id && super::id(&fill.provider_id) == provider.id;
        if ours && fill.released_ms == 0 {
            return Ok(Done::AlreadyDone(format!(
                "order {} already has fill {index} of this keeper for provider {}",
                order.order.id, provider.id
            )));
        }
    }
    let room = on_chain.hashrate_cap.saturating_sub(on_chain.committed_hashrate);
    if room < hashrate {
        return Ok(Done::AlreadyDone(format!(
            "order {} has room for {room} H/s now, not {hashrate}",
            order.order.id
        )));
    }
    let (executed, _) = sender
        .send(|tx| {
            calls.fill_attach(tx, &order.coin_type, order.order, keeper, provider, hashrate, difficulty);
        })
        .await?;
    Ok(Done::Sent { digest: executed.digest })
}

/// The share difficulty (32.32 fixed point, hashes per share) for a fill of `hashrate` H/s
/// counting windows of `window_ms` on a pool whose share difficulty is `pool`: about 1,024
/// counted shares per full window (a steady count, and small answers: proofs of 10 hashes), and
/// never below twice the pool's difficulty. Below the pool's, every share the pool takes would
/// count at D though it stands for more work, and the provider would be underpaid; the margin
/// lets the pool retarget the keeper's session a little without D falling behind at once.
pub fn difficulty_for(hashrate: u64, window_ms: u64, pool: u128) -> u128 {
    const SHARES_PER_WINDOW: u128 = 1_024;
    let hashes = u128::from(hashrate) * u128::from(window_ms) / 1_000;
    (hashes / SHARES_PER_WINDOW).max(pool.saturating_mul(2)).max(1)
}

/// The first of a fill's window boundaries (`attached_ms + k × window_ms`) at or after
/// `earliest_ms`.
pub fn next_boundary(attached_ms: u64, window_ms: u64, earliest_ms: u64) -> u64 {
    let window = window_ms.max(1);
    let since = earliest_ms.saturating_sub(attached_ms);
    attached_ms.saturating_add(since.div_ceil(window).saturating_mul(window))
}

/// How far ahead of its time a change of D is scheduled: the keeper's journal must learn of it
/// (from the chain's events) before the first window it applies to opens. A fifth of a window,
/// at least a second and at most two minutes.
pub fn schedule_lead_ms(window_ms: u64) -> u64 {
    (window_ms / 5).clamp(1_000, 120_000)
}

/// Schedules D `difficulty` for fill `target`'s windows from its first boundary at least
/// `schedule_lead_ms` away, unless the fill already counts (or will) at that D or more. A
/// scheduled change whose time is near or past waits until a window from it is reported (the
/// chain refuses to replace a change in effect); one further ahead is replaced at its own time.
pub async fn schedule_difficulty(
    sender: &mut Sender,
    calls: &Calls<'_>,
    target: &FillRef,
    difficulty: u128,
    window_ms: u64,
    now_ms: u64,
) -> Result<Done, DutyError> {
    let on_chain: Order<moverox_sui::sui::sui::SUI> = sender.client.object(target.order.id).await?;
    if matches!(on_chain.state, State::Ended { .. }) {
        return Ok(Done::AlreadyDone(format!("order {} has ended", target.order.id)));
    }
    let fill = super::report::fill_of(&mut sender.client, target.order.id, &on_chain, target.fill).await?;
    let name = format!("fill {} of order {}", target.fill, target.order.id);
    if fill.released_ms != 0 {
        return Ok(Done::AlreadyDone(format!("{name} is released")));
    }
    let (current, next) = super::book::schedule_of(&fill);
    let settled = crate::difficulty::scheduled(current, next, u64::MAX);
    if settled >= difficulty {
        return Ok(Done::AlreadyDone(format!(
            "{name} counts at D {settled} (×2^-32), not below {difficulty}"
        )));
    }
    let lead_ms = schedule_lead_ms(window_ms);
    let from_ms = match fill.next_difficulty.as_ref() {
        Some(change) if change.from_ms < now_ms.saturating_add(lead_ms) => {
            return Ok(Done::Later {
                why: format!("{name} has a change of D from {} ms: raising it again after a window from then is reported", change.from_ms),
                retry_at_ms: change.from_ms.max(now_ms).saturating_add(window_ms),
            });
        }
        Some(change) => change.from_ms,
        None => next_boundary(fill.attached_ms, window_ms, now_ms.saturating_add(lead_ms)),
    };
    let (executed, _) = sender
        .send(|tx| {
            calls.fill_set_difficulty(
                tx,
                &target.coin_type,
                target.order,
                target.fill,
                target.keeper,
                difficulty,
                from_ms,
            )
        })
        .await?;
    Ok(Done::Sent { digest: executed.digest })
}

/// Releases fill `fill` of `order` (the keeper stops serving it), unless it is released already
/// or the order has ended (its fills end with it); a release because the order was `paused`
/// (exhausted) does not happen if the order is active again (topped up).
pub async fn release(
    sender: &mut Sender,
    calls: &Calls<'_>,
    target: &super::report::FillRef,
    paused: bool,
) -> Result<Done, DutyError> {
    let on_chain: Order<moverox_sui::sui::sui::SUI> = sender.client.object(target.order.id).await?;
    if matches!(on_chain.state, State::Ended { .. }) {
        return Ok(Done::AlreadyDone(format!("order {} has ended, and its fills with it", target.order.id)));
    }
    if paused && on_chain.state == State::Active {
        return Ok(Done::AlreadyDone(format!("order {} is active again", target.order.id)));
    }
    let fill = super::report::fill_of(&mut sender.client, target.order.id, &on_chain, target.fill).await?;
    if fill.released_ms != 0 {
        return Ok(Done::AlreadyDone(format!(
            "fill {} of order {} is released",
            target.fill, target.order.id
        )));
    }
    let (executed, _) = sender
        .send(|tx| calls.fill_release(tx, &target.coin_type, target.order, target.fill, target.keeper))
        .await?;
    Ok(Done::Sent { digest: executed.digest })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sui_sdk_types::Address;

    fn order(n: u8, price: u64, cap: u64, committed: u64) -> OpenOrder {
        OpenOrder {
            order: Shared { id: Address::new([n; 32]), initial_shared_version: 1 },
            coin_type: "0x2::sui::SUI".parse().unwrap(),
            price,
            hashrate_cap: cap,
            committed_hashrate: committed,
            expiry_ms: 10_000,
            pool: PoolTarget::default(),
        }
    }

    #[test]
    fn the_best_paying_orders_are_filled_first_within_their_caps() {
        let orders = [order(1, 40, 100, 0), order(2, 50, 30, 10), order(3, 45, 60, 0), order(4, 10, 500, 0)];
        let chosen = choose(&orders, 90, 20, 5, 0, 1_000);
        let picked: Vec<(u8, u64)> = chosen.iter().map(|(o, h)| (o.order.id.into_inner()[0], *h)).collect();
        // 50 (room 20), then 45 (room 60), then 40 gets the last 10; 10 is below the minimum price.
        assert_eq!(picked, [(2, 20), (3, 60), (1, 10)]);
        // An order about to expire, or without room worth a fill, is skipped.
        let late = choose(&[order(1, 40, 100, 0)], 90, 0, 5, 9_500, 1_000);
        assert!(late.is_empty());
        let full = choose(&[order(1, 40, 100, 97)], 90, 0, 5, 0, 1_000);
        assert!(full.is_empty());
    }

    #[test]
    fn a_fills_difficulty_aims_at_about_a_thousand_shares_a_window() {
        // 100 TH/s for ten minutes: 6e16 hashes, 1,024 shares of 5.9e13 hashes.
        let d = difficulty_for(100_000_000_000_000, 600_000, 1);
        assert_eq!(d, 60_000_000_000_000_000 / 1_024);
        assert_eq!(difficulty_for(1, 600_000, 0), 1, "at least one hash");
        assert_eq!(difficulty_for(1_000, 600_000, 1 << 40), 2 << 40, "never below twice the pool's");
    }

    #[test]
    fn a_change_of_difficulty_waits_for_the_fills_next_boundary() {
        // Windows from 1,000 ms, a minute long.
        assert_eq!(next_boundary(1_000, 60_000, 1_000), 1_000, "a boundary itself");
        assert_eq!(next_boundary(1_000, 60_000, 1_001), 61_000);
        assert_eq!(next_boundary(1_000, 60_000, 61_000), 61_000);
        assert_eq!(next_boundary(1_000, 60_000, 500), 1_000, "never before the attachment");
        assert_eq!(schedule_lead_ms(600_000), 120_000);
        assert_eq!(schedule_lead_ms(3_000), 1_000);
    }

    proptest! {
        #[test]
        fn choices_respect_caps_and_capacity(
            specs in proptest::collection::vec((1u64..100, 1u64..1_000, 0u64..1_000), 0..12),
            capacity in 0u64..5_000,
            min_fill in 0u64..50,
        ) {
            let orders: Vec<_> = specs.iter().enumerate().map(|(i, (p, c, k))| order(i as u8, *p, *c, (*k).min(*c))).collect();
            let chosen = choose(&orders, capacity, 0, min_fill, 0, 0);
            let total: u64 = chosen.iter().map(|(_, h)| h).sum();
            prop_assert!(total <= capacity);
            for (order, hashrate) in &chosen {
                prop_assert!(*hashrate > 0 && order.committed_hashrate + hashrate <= order.hashrate_cap);
            }
            // No better-paying order with room was passed over while capacity was left.
            if let Some(lowest) = chosen.iter().map(|(o, _)| o.price).min() {
                let unused = capacity - total;
                for order in &orders {
                    let picked = chosen.iter().any(|(o, _)| o.order == order.order);
                    if !picked && order.price > lowest && order.room() >= min_fill.max(1) {
                        // Only running out of capacity may skip a better order.
                        prop_assert!(unused < min_fill.max(1), "order at {} skipped", order.price);
                    }
                }
            }
        }
    }
}
