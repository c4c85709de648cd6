//! Programmable transactions for the package's entry points, built with
//! `sui-transaction-builder`. Each function adds the Move calls of one user action to a
//! `TransactionBuilder` (creating and sharing objects in the same transaction where the package
//! asks for it); the caller sets the sender, gas and budget, builds, signs and submits.

use sui_sdk_types::{Address, Identifier, StructTag, TypeTag};
use sui_transaction_builder::{Argument, Function, ObjectInput, TransactionBuilder};

/// Key purposes, as `aihash::identity` numbers them.
pub const AUTHENTICATION: u8 = 1;
pub const KEEPER_SIGNING: u8 = 4;

/// The system `Clock` object, shared since genesis.
pub const CLOCK: Address = Address::from_static("0x6");

/// A shared object: its id and the version it was shared at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shared {
    pub id: Address,
    pub initial_shared_version: u64,
}

impl Shared {
    fn input(&self, mutable: bool) -> ObjectInput {
        ObjectInput::shared(self.id, self.initial_shared_version, mutable)
    }
}

/// Where the package and its shared objects live on one network.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deployment {
    pub package: Address,
    pub registry: Shared,
    pub market: Shared,
    pub tips: Shared,
    pub governance: Shared,
    /// A checkpoint at or before the publication: listings that scan the package's events start
    /// here (files written before this field existed start at 0).
    #[serde(default)]
    pub since_checkpoint: u64,
}

/// What a proposal does, as the CLI offers it (each maps to a `governance::<action>` constructor,
/// which checks the values on chain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalAction {
    SetMarketFees { platform_fee_bps: u64, keeper_share_bps: u64 },
    AddFeeder(Address),
    RemoveFeeder(Address),
    SpendTreasury { treasury: Address, coin_type: StructTag, amount: u64, recipient: Address },
    Signal,
}

/// Which execution path a proposal's action takes, with the objects it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Execution {
    /// `execute_market` (market parameter actions).
    Market,
    /// `execute_registry` (minimum stakes).
    Registry,
    /// `execute_feed` (feeders, tip quorum).
    Feed,
    /// `execute_spend<T>` from treasury `treasury`.
    Spend { treasury: Shared, coin_type: StructTag },
    /// `execute_governance` (governance's own parameters).
    Governance,
    /// `execute_upgrade_policy`.
    UpgradePolicy,
    /// `execute_signal`.
    Signal,
}

/// Builds calls into one deployment of the package.
pub struct Calls<'a> {
    pub deployment: &'a Deployment,
}

fn ident(name: &str) -> Identifier {
    Identifier::new(name).expect("a Move identifier")
}

impl Calls<'_> {
    fn function(&self, module: &str, function: &str) -> Function {
        Function::new(self.deployment.package, ident(module), ident(function))
    }

    fn clock(tx: &mut TransactionBuilder) -> Argument {
        tx.object(ObjectInput::shared(CLOCK, 1, false))
    }

    /// `identity::new` + `identity::share`: an identity with `roles` (1 provider, 2 keeper).
    pub fn identity_create(&self, tx: &mut TransactionBuilder, roles: u8) {
        let registry = tx.object(self.deployment.registry.input(true));
        let roles = tx.pure(&roles);
        let clock = Self::clock(tx);
        let identity = tx.move_call(self.function("identity", "new"), vec![registry, roles, clock]);
        tx.move_call(self.function("identity", "share"), vec![identity]);
    }

    /// A keeper's identity in one transaction: `identity::new` (keeper role), its keeper-signing
    /// key (also for authentication), its Stratum endpoint, then `identity::share`.
    pub fn keeper_register(
        &self,
        tx: &mut TransactionBuilder,
        key_type: u8,
        public_key: &[u8],
        stratum_url: &str,
    ) {
        let registry = tx.object(self.deployment.registry.input(true));
        let roles = tx.pure(&2u8);
        let clock = Self::clock(tx);
        let identity = tx.move_call(self.function("identity", "new"), vec![registry, roles, clock]);
        let args = vec![
            identity,
            registry,
            tx.pure(&"keeper-1".to_owned()),
            tx.pure(&key_type),
            tx.pure(&public_key.to_vec()),
            tx.pure(&(KEEPER_SIGNING | AUTHENTICATION)),
            clock,
        ];
        tx.move_call(self.function("identity", "add_method"), args);
        let args = vec![
            identity,
            tx.pure(&"stratum".to_owned()),
            tx.pure(&"StratumEndpoint".to_owned()),
            tx.pure(&stratum_url.to_owned()),
            clock,
        ];
        tx.move_call(self.function("identity", "add_service"), args);
        tx.move_call(self.function("identity", "share"), vec![identity]);
    }

    /// `identity::add_method`.
    pub fn identity_add_key(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        method_id: &str,
        key_type: u8,
        public_key: &[u8],
        purposes: u8,
    ) {
        let identity = tx.object(identity.input(true));
        let registry = tx.object(self.deployment.registry.input(false));
        let args = vec![
            identity,
            registry,
            tx.pure(&method_id.to_owned()),
            tx.pure(&key_type),
            tx.pure(&public_key.to_vec()),
            tx.pure(&purposes),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "add_method"), args);
    }

    /// `staking::stake` of `coin`, a `Coin<HASH>` argument.
    pub fn stake(&self, tx: &mut TransactionBuilder, identity: Shared, coin: Argument) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            coin,
            Self::clock(tx),
        ];
        tx.move_call(self.function("staking", "stake"), args);
    }

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

    /// `identity::rotate_method`: a new key for method `method_id`, keeping its purposes.
    pub fn identity_rotate_key(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        method_id: &str,
        key_type: u8,
        public_key: &[u8],
    ) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&method_id.to_owned()),
            tx.pure(&key_type),
            tx.pure(&public_key.to_vec()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "rotate_method"), args);
    }

    /// `identity::add_service`.
    pub fn identity_add_service(
        &self,
        tx: &mut TransactionBuilder,
        identity: Shared,
        service_id: &str,
        service_type: &str,
        endpoint: &str,
    ) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.pure(&service_id.to_owned()),
            tx.pure(&service_type.to_owned()),
            tx.pure(&endpoint.to_owned()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "add_service"), args);
    }

    /// `identity::deactivate`: irreversible.
    pub fn identity_deactivate(&self, tx: &mut TransactionBuilder, identity: Shared) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("identity", "deactivate"), args);
    }

    /// `staking::request_unstake`.
    pub fn request_unstake(&self, tx: &mut TransactionBuilder, identity: Shared, amount: u64) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&amount),
            Self::clock(tx),
        ];
        tx.move_call(self.function("staking", "request_unstake"), args);
    }

    /// `staking::withdraw`, the HASH transferred to `recipient`.
    pub fn withdraw_stake(&self, tx: &mut TransactionBuilder, identity: Shared, recipient: Address) {
        let args = vec![
            tx.object(identity.input(true)),
            tx.object(self.deployment.registry.input(false)),
            Self::clock(tx),
        ];
        let coins = tx.move_call(self.function("staking", "withdraw"), args);
        let recipient = tx.pure(&recipient);
        tx.transfer_objects(vec![coins], recipient);
    }

    /// `governance::lock` + `governance::keep_lock`: lock `coins` (a `Coin<HASH>` argument) until
    /// the week of `unlock_ms`.
    pub fn dao_lock(&self, tx: &mut TransactionBuilder, coins: Argument, unlock_ms: u64) {
        let args = vec![
            tx.object(self.deployment.governance.input(true)),
            coins,
            tx.pure(&unlock_ms),
            Self::clock(tx),
        ];
        let lock = tx.move_call(self.function("governance", "lock"), args);
        tx.move_call(self.function("governance", "keep_lock"), vec![lock]);
    }

    /// `governance::queue`: start a succeeded proposal's timelock.
    pub fn dao_queue(&self, tx: &mut TransactionBuilder, proposal: Shared) {
        let args = vec![tx.object(proposal.input(true)), Self::clock(tx)];
        tx.move_call(self.function("governance", "queue"), args);
    }

    /// `governance::<action>` then `governance::propose` with the proposer's lock.
    pub fn dao_propose(
        &self,
        tx: &mut TransactionBuilder,
        lock: ObjectInput,
        action: &ProposalAction,
        description: &str,
    ) {
        let action = match action {
            ProposalAction::SetMarketFees { platform_fee_bps, keeper_share_bps } => {
                let args = vec![tx.pure(platform_fee_bps), tx.pure(keeper_share_bps)];
                tx.move_call(self.function("governance", "set_market_fees"), args)
            }
            ProposalAction::AddFeeder(feeder) => {
                let args = vec![tx.pure(feeder)];
                tx.move_call(self.function("governance", "add_feeder"), args)
            }
            ProposalAction::RemoveFeeder(feeder) => {
                let args = vec![tx.pure(feeder)];
                tx.move_call(self.function("governance", "remove_feeder"), args)
            }
            ProposalAction::SpendTreasury { treasury, coin_type, amount, recipient } => {
                let coin = TypeTag::Struct(Box::new(coin_type.clone()));
                let args = vec![tx.pure(treasury), tx.pure(amount), tx.pure(recipient)];
                tx.move_call(self.function("governance", "spend_treasury").with_type_args(vec![coin]), args)
            }
            ProposalAction::Signal => tx.move_call(self.function("governance", "signal"), vec![]),
        };
        let args = vec![
            tx.object(self.deployment.governance.input(true)),
            tx.object(lock),
            action,
            tx.pure(&description.to_owned()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("governance", "propose"), args);
    }

    /// Executes a queued proposal through the path its action takes.
    pub fn dao_execute(&self, tx: &mut TransactionBuilder, proposal: Shared, execution: &Execution) {
        let proposal = tx.object(proposal.input(true));
        // Only governance's own parameters and the upgrade capability change governance itself.
        let governance_mutable = matches!(execution, Execution::Governance | Execution::UpgradePolicy);
        let governance = tx.object(self.deployment.governance.input(governance_mutable));
        let clock = Self::clock(tx);
        match execution {
            Execution::Market => {
                let market = tx.object(self.deployment.market.input(true));
                tx.move_call(
                    self.function("governance", "execute_market"),
                    vec![proposal, governance, market, clock],
                );
            }
            Execution::Registry => {
                let registry = tx.object(self.deployment.registry.input(true));
                tx.move_call(
                    self.function("governance", "execute_registry"),
                    vec![proposal, governance, registry, clock],
                );
            }
            Execution::Feed => {
                let feed = tx.object(self.deployment.tips.input(true));
                let market = tx.object(self.deployment.market.input(false));
                tx.move_call(
                    self.function("governance", "execute_feed"),
                    vec![proposal, governance, feed, market, clock],
                );
            }
            Execution::Spend { treasury, coin_type } => {
                let coin = TypeTag::Struct(Box::new(coin_type.clone()));
                let treasury = tx.object(treasury.input(true));
                tx.move_call(
                    self.function("governance", "execute_spend").with_type_args(vec![coin]),
                    vec![proposal, governance, treasury, clock],
                );
            }
            Execution::Governance => {
                tx.move_call(
                    self.function("governance", "execute_governance"),
                    vec![proposal, governance, clock],
                );
            }
            Execution::UpgradePolicy => {
                tx.move_call(
                    self.function("governance", "execute_upgrade_policy"),
                    vec![proposal, governance, clock],
                );
            }
            Execution::Signal => {
                tx.move_call(
                    self.function("governance", "execute_signal"),
                    vec![proposal, governance, clock],
                );
            }
        }
    }

    /// `governance::vote` with an owned lock: support 0 against, 1 for, 2 abstain.
    pub fn dao_vote(&self, tx: &mut TransactionBuilder, proposal: Shared, lock: ObjectInput, support: u8) {
        let args = vec![tx.object(proposal.input(true)), tx.object(lock), tx.pure(&support), Self::clock(tx)];
        tx.move_call(self.function("governance", "vote"), args);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sui_sdk_types::{Command, Digest, Input, TransactionKind};

    fn deployment() -> Deployment {
        let shared = |n: u8, version| Shared { id: Address::new([n; 32]), initial_shared_version: version };
        Deployment {
            package: Address::new([0xa1; 32]),
            registry: shared(1, 3),
            market: shared(2, 4),
            tips: shared(3, 5),
            governance: shared(4, 6),
            since_checkpoint: 0,
        }
    }

    fn finish(mut tx: TransactionBuilder) -> sui_sdk_types::Transaction {
        tx.set_sender(Address::new([9; 32]));
        tx.set_gas_budget(10_000_000);
        tx.set_gas_price(1_000);
        tx.add_gas_objects([ObjectInput::owned(Address::new([8; 32]), 1, Digest::ZERO)]);
        tx.try_build().unwrap()
    }

    #[test]
    fn creating_an_identity_shares_it_in_the_same_transaction() {
        let deployment = deployment();
        let mut tx = TransactionBuilder::new();
        Calls { deployment: &deployment }.identity_create(&mut tx, 2);
        let TransactionKind::ProgrammableTransaction(ptb) = finish(tx).kind else { panic!() };
        let calls: Vec<_> = ptb
            .commands
            .iter()
            .map(|c| match c {
                Command::MoveCall(call) => format!("{}::{}", call.module, call.function),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(calls, ["identity::new", "identity::share"]);
        assert!(ptb.inputs.iter().any(|i| matches!(i, Input::Pure(bytes) if bytes == &vec![2u8])));
        assert!(ptb.inputs.iter().any(|i| matches!(i, Input::Shared(s) if s.object_id() == CLOCK)));
    }
}
