//! Calls into `governance`: vote locks, proposals, votes, queueing and execution.

use super::{Calls, Execution, ProposalAction, Shared};
use sui_sdk_types::{Address, TypeTag};
use sui_transaction_builder::{Argument, ObjectInput, TransactionBuilder};

impl Calls<'_> {
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

    /// `governance::increase_lock`: add `coins` (a `Coin<HASH>` argument) to an owned lock.
    pub fn dao_increase_lock(&self, tx: &mut TransactionBuilder, lock: ObjectInput, coins: Argument) {
        let args =
            vec![tx.object(self.deployment.governance.input(true)), tx.object(lock), coins, Self::clock(tx)];
        tx.move_call(self.function("governance", "increase_lock"), args);
    }

    /// `governance::extend_lock`: move an owned lock's unlock time later (never earlier).
    pub fn dao_extend_lock(&self, tx: &mut TransactionBuilder, lock: ObjectInput, unlock_ms: u64) {
        let args = vec![
            tx.object(self.deployment.governance.input(true)),
            tx.object(lock),
            tx.pure(&unlock_ms),
            Self::clock(tx),
        ];
        tx.move_call(self.function("governance", "extend_lock"), args);
    }

    /// `governance::withdraw_lock`: after its unlock time, the HASH goes to `recipient`.
    pub fn dao_withdraw_lock(&self, tx: &mut TransactionBuilder, lock: ObjectInput, recipient: Address) {
        let args = vec![tx.object(lock), Self::clock(tx)];
        let coins = tx.move_call(self.function("governance", "withdraw_lock"), args);
        let recipient = tx.pure(&recipient);
        tx.transfer_objects(vec![coins], recipient);
    }

    /// `governance::cancel`: the proposer withdraws a proposal before voting starts.
    pub fn dao_cancel(&self, tx: &mut TransactionBuilder, proposal: Shared) {
        let args = vec![tx.object(proposal.input(true)), Self::clock(tx)];
        tx.move_call(self.function("governance", "cancel"), args);
    }
}
