//! Programmable transactions for the package's entry points, built with
//! `sui-transaction-builder`. Each function adds the Move calls of one user action to a
//! `TransactionBuilder` (creating and sharing objects in the same transaction where the package
//! asks for it); the caller sets the sender, gas and budget, builds, signs and submits.

mod governance;
mod identity;
mod market;
mod report;
mod token;

pub use report::{DeliveryReport, SampleAnswer, ShareCounters};
pub use token::{GenesisRecipients, PublisherCaps};

use sui_sdk_types::{Address, Identifier, StructTag};
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
    /// The chain it was published on (the node's chain id): a node on another chain (a localnet
    /// started afresh, a wrong URL) does not have these objects.
    #[serde(default)]
    pub chain_id: String,
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
            chain_id: String::new(),
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
