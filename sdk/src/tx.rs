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

/// Identity roles (bits), as `aihash::identity` numbers them.
pub const ROLE_PROVIDER: u8 = 1;
pub const ROLE_KEEPER: u8 = 2;

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

impl Deployment {
    /// A deployment of made-up objects, for tests, examples and benchmarks that never meet a real
    /// chain: `package`, and the registry, market, tips and governance at 0x0101…, 0x0202…,
    /// 0x0303… and 0x0404…, each shared at the version its byte gives.
    #[doc(hidden)]
    pub fn made_up(package: Address) -> Self {
        let shared = |n: u8| Shared { id: Address::new([n; 32]), initial_shared_version: n as u64 };
        Self {
            package,
            registry: shared(1),
            market: shared(2),
            tips: shared(3),
            governance: shared(4),
            since_checkpoint: 0,
            chain_id: String::new(),
        }
    }

    /// The package's HASH coin type, `<package>::hash::HASH`.
    pub fn hash_type(&self) -> StructTag {
        let name = |text: &str| Identifier::new(text).expect("a Move identifier");
        StructTag::new(self.package, name("hash"), name("HASH"), vec![])
    }
}

/// What a proposal does: one variant per `governance::<action>` constructor, with its arguments
/// (the constructor checks the values on chain, so an out-of-range proposal cannot be made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalAction {
    SetMarketFees {
        platform_fee_bps: u64,
        keeper_share_bps: u64,
    },
    SetDisputeTerms {
        dispute_window_ms: u64,
        response_window_ms: u64,
        samples_per_challenge: u64,
        challenger_bond: u64,
        min_challenger_stake: u64,
    },
    SetSlashRates {
        min_keeper_stake: u64,
        keeper_slash_bps: u64,
        challenger_reward_bps: u64,
    },
    SetOrderTerms {
        dead_time_threshold_bps: u64,
        price_decrease_max_bps: u64,
        price_decrease_interval_ms: u64,
        cancel_grace_ms: u64,
    },
    SetWindowTerms {
        max_window_ms: u64,
        max_tip_age_ms: u64,
    },
    /// Minimum stakes of trust levels 1-4, in HASH base units.
    SetMinStakes(Vec<u64>),
    AddFeeder(Address),
    RemoveFeeder(Address),
    SetFeedQuorum(u64),
    SpendTreasury {
        treasury: Address,
        coin_type: StructTag,
        amount: u64,
        recipient: Address,
    },
    SetGovernanceParams {
        voting_delay_ms: u64,
        voting_period_ms: u64,
        quorum_bps: u64,
        approval_bps: u64,
        timelock_ms: u64,
        grace_ms: u64,
        proposal_threshold: u64,
    },
    /// Policy 128 additive, 192 dependency-only, 255 immutable.
    RestrictUpgrades {
        policy: u8,
    },
    Signal,
    AllowCoin {
        coin_type: StructTag,
        min_order_value: u64,
    },
    DisallowCoin {
        coin_type: StructTag,
    },
    SetUnstakeTerms {
        cooldown_ms: u64,
        early_fee_bps: u64,
    },
    SetSlashProbation {
        probation_ms: u64,
    },
    SetTrustThresholds {
        level2_capacity_passes: u64,
        level3_tasks: u64,
        level3_success_bps: u64,
        level4_tasks: u64,
        level4_success_bps: u64,
    },
    SetCapacityTerms {
        window_ms: u64,
        solutions: u64,
        min_hashrate: u64,
    },
    /// Policy 0 compatible, 128 additive, 192 dependency-only; the 32-byte digest of the new
    /// bytecode.
    AuthorizeUpgrade {
        policy: u8,
        digest: Vec<u8>,
    },
}

/// Which execution path a proposal's action takes, with the objects it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Execution {
    /// `execute_market` (market parameter actions).
    Market,
    /// `execute_registry` (minimum stakes, unstake terms, slash probation, trust thresholds,
    /// capacity terms).
    Registry,
    /// `execute_coin<C>` (allow or disallow an escrow coin), `C` the coin the proposal names.
    Coin { coin_type: StructTag },
    /// `execute_feed` (feeders, tip quorum).
    Feed,
    /// `execute_spend<T>` from treasury `treasury`.
    Spend { treasury: Shared, coin_type: StructTag },
    /// `execute_governance` (governance's own parameters).
    Governance,
    /// `execute_upgrade_policy`.
    UpgradePolicy,
    /// `execute_upgrade`, the `Upgrade` command with the new package's modules, then
    /// `commit_upgrade`, all in one transaction (the ticket and receipt cannot outlive it).
    Upgrade(PackageUpgrade),
    /// `execute_signal`.
    Signal,
}

/// The new package an authorised upgrade publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageUpgrade {
    /// The compiled modules (their digest is the one the proposal authorised).
    pub modules: Vec<Vec<u8>>,
    /// The ids of the package's dependencies.
    pub dependencies: Vec<Address>,
    /// The package version the upgrade capability names now (the latest one).
    pub current_package: Address,
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

    fn commands(tx: TransactionBuilder) -> (sui_sdk_types::ProgrammableTransaction, Vec<String>) {
        let TransactionKind::ProgrammableTransaction(ptb) = finish(tx).kind else { panic!() };
        let names = ptb
            .commands
            .iter()
            .map(|c| match c {
                Command::MoveCall(call) => format!("{}::{}", call.module, call.function),
                Command::Upgrade(upgrade) => format!("upgrade {}", upgrade.package),
                other => format!("{other:?}"),
            })
            .collect();
        (ptb, names)
    }

    #[test]
    fn an_authorised_upgrade_is_executed_published_and_committed_in_one_transaction() {
        let deployment = deployment();
        let mut tx = TransactionBuilder::new();
        let proposal = Shared { id: Address::new([0x9f; 32]), initial_shared_version: 41 };
        let upgrade = PackageUpgrade {
            modules: vec![vec![0xa1, 0x1c]],
            dependencies: vec![Address::from_static("0x1"), Address::from_static("0x2")],
            current_package: deployment.package,
        };
        Calls { deployment: &deployment }.dao_execute(&mut tx, proposal, &Execution::Upgrade(upgrade));
        let (ptb, names) = commands(tx);
        assert_eq!(
            names,
            [
                "governance::execute_upgrade".to_owned(),
                format!("upgrade {}", deployment.package),
                "governance::commit_upgrade".to_owned()
            ]
        );
        // The ticket goes into the upgrade, the receipt into the commit.
        let Command::Upgrade(published) = &ptb.commands[1] else { panic!() };
        assert_eq!(published.ticket, sui_sdk_types::Argument::Result(0));
        let Command::MoveCall(commit) = &ptb.commands[2] else { panic!() };
        assert_eq!(commit.arguments[1], sui_sdk_types::Argument::Result(1));
        // Governance is taken mutably: the held capability changes.
        assert!(ptb.inputs.iter().any(|i| matches!(i, Input::Shared(s)
            if s.object_id() == deployment.governance.id && s.mutability().is_mutable())));
    }

    #[test]
    fn coin_actions_name_their_coin_as_a_type_argument() {
        let deployment = deployment();
        let sui: StructTag = "0x2::sui::SUI".parse().unwrap();
        let mut tx = TransactionBuilder::new();
        let lock = ObjectInput::owned(Address::new([0x10; 32]), 5, Digest::ZERO);
        let action = ProposalAction::AllowCoin { coin_type: sui.clone(), min_order_value: 1_000_000 };
        Calls { deployment: &deployment }.dao_propose(&mut tx, lock, &action, "");
        let (ptb, names) = commands(tx);
        assert_eq!(names, ["governance::allow_coin", "governance::propose"]);
        let Command::MoveCall(allow) = &ptb.commands[0] else { panic!() };
        assert_eq!(allow.type_arguments, [sui_sdk_types::TypeTag::Struct(Box::new(sui.clone()))]);

        let mut tx = TransactionBuilder::new();
        let proposal = Shared { id: Address::new([0x9f; 32]), initial_shared_version: 41 };
        Calls { deployment: &deployment }.dao_execute(&mut tx, proposal, &Execution::Coin { coin_type: sui });
        let (_, names) = commands(tx);
        assert_eq!(names, ["governance::execute_coin"]);
    }
}
