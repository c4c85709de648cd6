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
}
