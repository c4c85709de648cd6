//! Calls into `order`, `report` and `tips`: orders and their escrow, fills, delivery reports,
//! challenges, settlement and the Bitcoin tip feed.

use super::{Calls, Shared};
use sui_sdk_types::{Address, StructTag, TypeTag};
use sui_transaction_builder::{Argument, TransactionBuilder};

impl Calls<'_> {
    /// `order::new<C>` + `order::share<C>`: an order escrowing `escrow`, a `Coin<C>` argument (an
    /// owned coin's `tx.object(..)`, or coins split off in the same transaction).
    #[allow(clippy::too_many_arguments)]
    pub fn order_create(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        pool_url: &str,
        worker: &str,
        payout: &[u8],
        price: u64,
        hashrate_cap: u64,
        escrow: Argument,
        expiry_ms: u64,
    ) {
        let coin = TypeTag::Struct(Box::new(coin_type.clone()));
        let args = vec![
            tx.object(self.deployment.market.input(false)),
            tx.pure(&pool_url.to_owned()),
            tx.pure(&worker.to_owned()),
            tx.pure(&payout.to_vec()),
            tx.pure(&price),
            tx.pure(&hashrate_cap),
            escrow,
            tx.pure(&expiry_ms),
            Self::clock(tx),
        ];
        let order = tx.move_call(self.function("order", "new").with_type_args(vec![coin.clone()]), args);
        tx.move_call(self.function("order", "share").with_type_args(vec![coin]), vec![order]);
    }

    /// `order::top_up<C>` with `coins`, a `Coin<C>` argument.
    pub fn order_top_up(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        coins: Argument,
    ) {
        let coin = TypeTag::Struct(Box::new(coin_type.clone()));
        let order = tx.object(order.input(true));
        tx.move_call(self.function("order", "top_up").with_type_args(vec![coin]), vec![order, coins]);
    }

    /// `order::set_price<C>`.
    pub fn order_set_price(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        price: u64,
    ) {
        let coin = TypeTag::Struct(Box::new(coin_type.clone()));
        let args = vec![
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            tx.pure(&price),
            Self::clock(tx),
        ];
        tx.move_call(self.function("order", "set_price").with_type_args(vec![coin]), args);
    }

    /// `order::cancel<C>`, the refund transferred to `recipient`.
    pub fn order_cancel(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        recipient: Address,
    ) {
        let coin = TypeTag::Struct(Box::new(coin_type.clone()));
        let args = vec![
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            Self::clock(tx),
        ];
        let refund = tx.move_call(self.function("order", "cancel").with_type_args(vec![coin]), args);
        let recipient = tx.pure(&recipient);
        tx.transfer_objects(vec![refund], recipient);
    }

    /// `order::expire<C>`: anyone may end an order past its expiry; the refund goes to its buyer.
    pub fn order_expire(&self, tx: &mut TransactionBuilder, coin_type: &StructTag, order: Shared) {
        let args = vec![tx.object(order.input(true)), Self::clock(tx)];
        tx.move_call(self.function("order", "expire").with_type_args(coin(coin_type)), args);
    }

    /// `order::attach_fill<C>`: the keeper attaches `provider` with `hashrate` (H/s) at share
    /// difficulty `difficulty` (D × 2^32); the result is the fill's number.
    #[allow(clippy::too_many_arguments)]
    pub fn fill_attach(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        keeper: Shared,
        provider: Shared,
        hashrate: u64,
        difficulty: u128,
    ) -> Argument {
        let args = vec![
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            tx.object(keeper.input(false)),
            tx.object(provider.input(false)),
            tx.pure(&hashrate),
            tx.pure(&difficulty),
            Self::clock(tx),
        ];
        tx.move_call(self.function("order", "attach_fill").with_type_args(coin(coin_type)), args)
    }

    /// `order::set_difficulty<C>`: a new D (× 2^32) for fill `fill`'s windows starting at or
    /// after `from_ms` (not in the past when the transaction runs).
    #[allow(clippy::too_many_arguments)]
    pub fn fill_set_difficulty(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        fill: u64,
        keeper: Shared,
        difficulty: u128,
        from_ms: u64,
    ) {
        let args = vec![
            tx.object(order.input(true)),
            tx.pure(&fill),
            tx.object(keeper.input(false)),
            tx.pure(&difficulty),
            tx.pure(&from_ms),
            Self::clock(tx),
        ];
        tx.move_call(self.function("order", "set_difficulty").with_type_args(coin(coin_type)), args);
    }

    /// `order::release_fill<C>`: the keeper ends fill `fill`.
    pub fn fill_release(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        fill: u64,
        keeper: Shared,
    ) {
        let args = vec![
            tx.object(order.input(true)),
            tx.pure(&fill),
            tx.object(keeper.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("order", "release_fill").with_type_args(coin(coin_type)), args);
    }

    /// `tips::post`: a feeder reports Bitcoin block `hash` (internal byte order) at `height`.
    pub fn tip_post(&self, tx: &mut TransactionBuilder, hash: &[u8; 32], height: u64) {
        let args = vec![
            tx.object(self.deployment.tips.input(true)),
            tx.pure(&hash.to_vec()),
            tx.pure(&height),
            Self::clock(tx),
        ];
        tx.move_call(self.function("tips", "post"), args);
    }
}

/// The type arguments of a call generic over the escrow coin.
pub(super) fn coin(coin_type: &StructTag) -> Vec<TypeTag> {
    vec![TypeTag::Struct(Box::new(coin_type.clone()))]
}
