//! Calls into `hash` and `vesting`: the genesis hand-over to the DAO and vesting claims.

use super::market::coin;
use super::Calls;
use sui_sdk_types::{Address, StructTag};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};

/// Who receives the genesis allocations that do not stay with the DAO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenesisRecipients {
    pub team: Address,
    pub private_sale: Address,
    pub public_sale: Address,
}

/// The capabilities the publisher holds after publication, which the genesis hands to governance.
#[derive(Clone)]
pub struct PublisherCaps {
    pub genesis: ObjectInput,
    pub market_cap: ObjectInput,
    pub registry_cap: ObjectInput,
    pub upgrade_cap: ObjectInput,
}

impl Calls<'_> {
    /// The genesis in one transaction: `market::allow_coin<SUI>` with the minimum order value,
    /// `hash::distribute` (vesting and sale allocations to `recipients`, the rest into the DAO's
    /// treasuries), then every capability installed in governance, so that from here on only
    /// proposals can change the market, the registry, the treasuries or the package.
    pub fn genesis(
        &self,
        tx: &mut TransactionBuilder,
        caps: PublisherCaps,
        recipients: GenesisRecipients,
        min_sui_order_value: u64,
    ) {
        let sui = StructTag::sui();
        let market_cap = tx.object(caps.market_cap);
        let args =
            vec![tx.object(self.deployment.market.input(true)), market_cap, tx.pure(&min_sui_order_value)];
        tx.move_call(self.function("market", "allow_coin").with_type_args(coin(&sui)), args);
        let args = vec![
            tx.object(caps.genesis),
            tx.object(self.deployment.registry.input(true)),
            Self::clock(tx),
            tx.pure(&recipients.team),
            tx.pure(&recipients.private_sale),
            tx.pure(&recipients.public_sale),
        ];
        let genesis_caps = tx.move_call(self.function("hash", "distribute"), args);
        let spend_caps = tx.move_call(self.function("hash", "into_caps"), vec![genesis_caps]);
        let governance = tx.object(self.deployment.governance.input(true));
        // Community rewards, platform treasury, ecosystem fund.
        for cap in spend_caps.to_nested(3) {
            tx.move_call(self.function("governance", "install_spend_cap"), vec![governance, cap]);
        }
        tx.move_call(self.function("governance", "install_market_cap"), vec![governance, market_cap]);
        let registry_cap = tx.object(caps.registry_cap);
        tx.move_call(self.function("governance", "install_registry_cap"), vec![governance, registry_cap]);
        let upgrade_cap = tx.object(caps.upgrade_cap);
        tx.move_call(self.function("governance", "install_upgrade_cap"), vec![governance, upgrade_cap]);
    }

    /// `vesting::claim<T>`: what has vested so far, transferred to `recipient`.
    pub fn vesting_claim(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        vesting: ObjectInput,
        recipient: Address,
    ) {
        let args = vec![tx.object(vesting), Self::clock(tx)];
        let coins = tx.move_call(self.function("vesting", "claim").with_type_args(coin(coin_type)), args);
        let recipient = tx.pure(&recipient);
        tx.transfer_objects(vec![coins], recipient);
    }
}
