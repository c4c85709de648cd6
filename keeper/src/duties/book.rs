//! What the keeper knows of the market: the orders still open (to fill the best-paying ones) and
//! its own fills on them (to route rigs and report windows). Events only say which orders
//! changed; each changed order is read afresh from the chain, so the book follows the chain's
//! state, not a replay of event fields. Kept in a file so a restart resumes where it left off.

use super::fill::OpenOrder;
use super::report::FillRef;
use super::DutyError;
use crate::difficulty::{scheduled, DifficultySchedule, ShareDifficulty};
use aihash_sdk::bindings::order::{Fill, Order, State};
use aihash_sdk::chain::{ChainClient, ChainError, PackageEvent};
use aihash_sdk::tx::Shared;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use sui_sdk_types::{Address, StructTag};

/// The pool an order's work goes to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PoolTarget {
    /// Stratum URL, e.g. `stratum+tcp://pool.example:3333`.
    pub url: String,
    pub worker: String,
    /// Bytes every coinbase of the pool contains.
    pub payout: Vec<u8>,
}

impl PoolTarget {
    /// The pool `order` names.
    pub fn of<C>(order: &Order<C>) -> Self {
        Self {
            url: String::from_utf8_lossy(&order.pool.url.bytes).into_owned(),
            worker: String::from_utf8_lossy(&order.pool.worker.bytes).into_owned(),
            payout: order.pool.payout.clone(),
        }
    }

    /// `host:port` of the URL.
    pub fn address(&self) -> &str {
        self.url.split("://").last().unwrap_or(&self.url)
    }
}

/// One of the keeper's fills, as the chain has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OurFill {
    pub target: FillRef,
    pub provider: Address,
    pub hashrate: u64,
    /// D in 32.32 fixed point, for windows starting now.
    pub difficulty: u128,
    /// A change of D scheduled on chain: (D, for windows starting at or after this ms).
    #[serde(default)]
    pub next_difficulty: Option<(u128, u64)>,
    pub attached_ms: u64,
    pub reported_until_ms: u64,
    pub pool: PoolTarget,
    /// The order's price per PH·day.
    pub price: u64,
    /// Whether the order takes work now (an exhausted order pays nothing until topped up).
    #[serde(default = "order_active_by_default")]
    pub order_active: bool,
    /// When the order expires: no window of the fill counts past it.
    #[serde(default = "never")]
    pub expiry_ms: u64,
}

fn never() -> u64 {
    u64::MAX
}

fn order_active_by_default() -> bool {
    true
}

/// A fill's D on chain and the change of it scheduled, if any (D, from ms).
pub fn schedule_of(fill: &Fill) -> (u128, Option<(u128, u64)>) {
    (fill.difficulty, fill.next_difficulty.as_ref().map(|c| (c.difficulty, c.from_ms)))
}

impl OurFill {
    /// D of the fill's windows to come once any scheduled change has taken effect.
    pub fn settled_difficulty(&self) -> u128 {
        scheduled(self.difficulty, self.next_difficulty, u64::MAX)
    }

    /// Whether work for the fill is paid at `now_ms`: its order is active and not expired.
    pub fn takes_work(&self, now_ms: u64) -> bool {
        self.order_active && now_ms < self.expiry_ms
    }

    /// The journal's name for the fill's windows: shares of its rigs are journaled under it.
    pub fn journal_target(&self) -> String {
        journal_target(&self.target)
    }

    /// D of the fill's windows over time (`None` for a D of zero, which the chain refuses).
    pub fn schedule(&self) -> Option<DifficultySchedule> {
        let next = match self.next_difficulty {
            Some((d, from_ms)) => Some((ShareDifficulty::from_fixed(d)?, from_ms)),
            None => None,
        };
        Some(DifficultySchedule { current: ShareDifficulty::from_fixed(self.difficulty)?, next })
    }
}

fn journal_target(target: &FillRef) -> String {
    format!("order-{}-fill-{}", target.order.id, target.fill)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TrackedOrder {
    open: OpenOrder,
    active: bool,
    fills: Vec<OurFill>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    /// The next checkpoint to read.
    next_checkpoint: u64,
    orders: BTreeMap<Address, TrackedOrder>,
    /// Every fill the keeper ever had, by journal target: windows of a fill released or of an
    /// order ended since are still reported.
    #[serde(default)]
    served: BTreeMap<String, FillRef>,
}

/// The market as the keeper follows it.
pub struct OrderBook {
    keeper: Shared,
    path: PathBuf,
    saved: Saved,
}

/// Events that change an order or its fills.
const ORDER_EVENTS: [&str; 8] = [
    "OrderCreated",
    "OrderToppedUp",
    "OrderRepriced",
    "OrderExhausted",
    "OrderEnded",
    "FillAttached",
    "FillDifficultyScheduled",
    "FillReleased",
];

impl OrderBook {
    /// The book of keeper identity `keeper`, kept in `path`; a new book starts reading at
    /// checkpoint `start`.
    pub fn open(keeper: Shared, path: &Path, start: u64) -> Result<Self, DutyError> {
        let saved = super::load_state(path, "the keeper's order book")?
            .unwrap_or(Saved { next_checkpoint: start, ..Saved::default() });
        Ok(Self { keeper, path: path.to_owned(), saved })
    }

    /// The next checkpoint to read.
    pub fn next_checkpoint(&self) -> u64 {
        self.saved.next_checkpoint
    }

    /// Applies the package's events of checkpoints up to `through` (inclusive): every order they
    /// touch is read afresh. Saved before returning, with the cursor past `through`.
    pub async fn apply(
        &mut self,
        client: &mut ChainClient,
        events: &[PackageEvent],
        through: u64,
    ) -> Result<(), DutyError> {
        let touched: BTreeSet<Address> = events
            .iter()
            .filter(|e| ORDER_EVENTS.contains(&e.name()))
            .filter_map(|e| order_id_of(e).ok())
            .collect();
        for order in touched {
            self.refresh(client, order).await?;
        }
        self.saved.next_checkpoint = self.saved.next_checkpoint.max(through + 1);
        self.save()
    }

    /// Reads `order` and its fills from the chain now (after the keeper changed it), and saves.
    pub async fn reread(&mut self, client: &mut ChainClient, order: Address) -> Result<(), DutyError> {
        self.refresh(client, order).await?;
        self.save()
    }

    /// Reads `order` and its fills from the chain; an ended order leaves the book.
    async fn refresh(&mut self, client: &mut ChainClient, order: Address) -> Result<(), DutyError> {
        let contents = match client.object_contents(order).await {
            Ok(contents) => contents,
            Err(ChainError::NotFound { .. }) => {
                self.saved.orders.remove(&order);
                return Ok(());
            }
            Err(other) => return Err(other.into()),
        };
        let coin_type = coin_type_of(&contents.object_type).ok_or_else(|| {
            DutyError::Invalid(format!("object {order} is a {}, not an order", contents.object_type))
        })?;
        // The layout of `Order<C>` does not depend on `C`.
        let object: Order<moverox_sui::sui::sui::SUI> =
            bcs::from_bytes(&contents.bcs).map_err(|e| DutyError::Invalid(format!("order {order}: {e}")))?;
        if matches!(object.state, State::Ended { .. }) {
            self.saved.orders.remove(&order);
            return Ok(());
        }
        // A shared object's initial version never changes: read it once per order.
        let shared = match self.saved.orders.get(&order) {
            Some(known) => known.open.order,
            None => client.shared(order).await?,
        };
        let pool = PoolTarget::of(&object);
        let mut fills = vec![];
        for (index, fill) in super::report::fills_of(client, &object).await? {
            if super::id(&fill.keeper_id) != self.keeper.id {
                continue;
            }
            let target =
                FillRef { order: shared, coin_type: coin_type.clone(), fill: index, keeper: self.keeper };
            self.saved.served.insert(journal_target(&target), target.clone());
            if fill.released_ms != 0 {
                continue;
            }
            fills.push(OurFill {
                target,
                provider: super::id(&fill.provider_id),
                hashrate: fill.hashrate,
                difficulty: fill.difficulty,
                next_difficulty: schedule_of(&fill).1,
                attached_ms: fill.attached_ms,
                reported_until_ms: fill.reported_until_ms,
                pool: pool.clone(),
                price: object.price,
                order_active: object.state == State::Active,
                expiry_ms: object.expiry_ms,
            });
        }
        fills.sort_by_key(|f| f.target.fill);
        let tracked = TrackedOrder {
            open: OpenOrder::from_object(shared, coin_type, &object),
            active: object.state == State::Active,
            fills,
        };
        self.saved.orders.insert(order, tracked);
        Ok(())
    }

    /// Orders taking new fills now.
    pub fn open_orders(&self) -> Vec<OpenOrder> {
        self.saved.orders.values().filter(|o| o.active).map(|o| o.open.clone()).collect()
    }

    /// The keeper's fills on orders not ended, best-paying first.
    pub fn fills(&self) -> Vec<OurFill> {
        let mut fills: Vec<OurFill> = self.saved.orders.values().flat_map(|o| o.fills.clone()).collect();
        fills.sort_by(|a, b| b.price.cmp(&a.price).then(a.target.fill.cmp(&b.target.fill)));
        fills
    }

    /// The fill whose windows the journal keeps under `journal_target`, live or not.
    pub fn served(&self, journal_target: &str) -> Option<&FillRef> {
        self.saved.served.get(journal_target)
    }

    /// Whether the keeper has a live fill for `provider` on `order`.
    pub fn has_fill(&self, order: Address, provider: Address) -> bool {
        self.saved.orders.get(&order).is_some_and(|o| o.fills.iter().any(|f| f.provider == provider))
    }

    fn save(&self) -> Result<(), DutyError> {
        super::save_state(&self.path, &self.saved)
    }
}

/// Every order event starts with the order's id.
fn order_id_of(event: &PackageEvent) -> Result<Address, ChainError> {
    #[derive(Deserialize)]
    struct Leading {
        order_id: moverox_sui::sui::object::ID,
    }
    let leading: Leading =
        bcs::from_bytes(event.bcs.get(..32).unwrap_or_default()).map_err(|e| ChainError::Malformed {
            rpc: "GetCheckpoint",
            target: event.event_type.clone(),
            reason: e.to_string(),
        })?;
    Ok(super::id(&leading.order_id))
}

/// `C` of an `…::order::Order<C>` object type.
fn coin_type_of(object_type: &str) -> Option<StructTag> {
    let inner = object_type.split_once("::order::Order<")?.1.strip_suffix('>')?;
    inner.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coin_type_comes_from_the_order_type() {
        let tag = coin_type_of("0xa1::order::Order<0x2::sui::SUI>").unwrap();
        assert_eq!(tag, "0x2::sui::SUI".parse().unwrap());
        assert!(coin_type_of("0xa1::report::Report").is_none());
    }

    #[test]
    fn the_pool_address_drops_the_scheme() {
        let pool =
            PoolTarget { url: "stratum+tcp://pool.example:3333".into(), worker: "w".into(), payout: vec![] };
        assert_eq!(pool.address(), "pool.example:3333");
    }
}
