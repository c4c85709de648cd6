//! Calls into `governance`: vote locks, proposals, votes, queueing and execution.

use super::{Calls, Execution, ProposalAction, Shared};
use sui_sdk_types::{Address, StructTag, TypeTag};
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
        let action = self.proposal_action(tx, action);
        let args = vec![
            tx.object(self.deployment.governance.input(true)),
            tx.object(lock),
            action,
            tx.pure(&description.to_owned()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("governance", "propose"), args);
    }

    /// The `governance::<action>` constructor call that makes `action`; returns the `Action`.
    fn proposal_action(&self, tx: &mut TransactionBuilder, action: &ProposalAction) -> Argument {
        let coin = |coin_type: &StructTag| vec![TypeTag::Struct(Box::new(coin_type.clone()))];
        let (name, type_args, args) = match action {
            ProposalAction::SetMarketFees { platform_fee_bps, keeper_share_bps } => {
                ("set_market_fees", vec![], vec![tx.pure(platform_fee_bps), tx.pure(keeper_share_bps)])
            }
            ProposalAction::SetDisputeTerms {
                dispute_window_ms,
                response_window_ms,
                samples_per_challenge,
                challenger_bond,
                min_challenger_stake,
            } => (
                "set_dispute_terms",
                vec![],
                vec![
                    tx.pure(dispute_window_ms),
                    tx.pure(response_window_ms),
                    tx.pure(samples_per_challenge),
                    tx.pure(challenger_bond),
                    tx.pure(min_challenger_stake),
                ],
            ),
            ProposalAction::SetSlashRates { min_keeper_stake, keeper_slash_bps, challenger_reward_bps } => (
                "set_slash_rates",
                vec![],
                vec![tx.pure(min_keeper_stake), tx.pure(keeper_slash_bps), tx.pure(challenger_reward_bps)],
            ),
            ProposalAction::SetOrderTerms {
                dead_time_threshold_bps,
                price_decrease_max_bps,
                price_decrease_interval_ms,
                cancel_grace_ms,
            } => (
                "set_order_terms",
                vec![],
                vec![
                    tx.pure(dead_time_threshold_bps),
                    tx.pure(price_decrease_max_bps),
                    tx.pure(price_decrease_interval_ms),
                    tx.pure(cancel_grace_ms),
                ],
            ),
            ProposalAction::SetWindowTerms { max_window_ms, max_tip_age_ms } => {
                ("set_window_terms", vec![], vec![tx.pure(max_window_ms), tx.pure(max_tip_age_ms)])
            }
            ProposalAction::SetMinStakes(min_stakes) => ("set_min_stakes", vec![], vec![tx.pure(min_stakes)]),
            ProposalAction::AddFeeder(feeder) => ("add_feeder", vec![], vec![tx.pure(feeder)]),
            ProposalAction::RemoveFeeder(feeder) => ("remove_feeder", vec![], vec![tx.pure(feeder)]),
            ProposalAction::SetFeedQuorum(quorum) => ("set_feed_quorum", vec![], vec![tx.pure(quorum)]),
            ProposalAction::SpendTreasury { treasury, coin_type, amount, recipient } => (
                "spend_treasury",
                coin(coin_type),
                vec![tx.pure(treasury), tx.pure(amount), tx.pure(recipient)],
            ),
            ProposalAction::SetGovernanceParams {
                voting_delay_ms,
                voting_period_ms,
                quorum_bps,
                approval_bps,
                timelock_ms,
                grace_ms,
                proposal_threshold,
            } => (
                "set_governance_params",
                vec![],
                vec![
                    tx.pure(voting_delay_ms),
                    tx.pure(voting_period_ms),
                    tx.pure(quorum_bps),
                    tx.pure(approval_bps),
                    tx.pure(timelock_ms),
                    tx.pure(grace_ms),
                    tx.pure(proposal_threshold),
                ],
            ),
            ProposalAction::RestrictUpgrades { policy } => {
                ("restrict_upgrades", vec![], vec![tx.pure(policy)])
            }
            ProposalAction::Signal => ("signal", vec![], vec![]),
            ProposalAction::AllowCoin { coin_type, min_order_value } => {
                ("allow_coin", coin(coin_type), vec![tx.pure(min_order_value)])
            }
            ProposalAction::DisallowCoin { coin_type } => ("disallow_coin", coin(coin_type), vec![]),
            ProposalAction::SetUnstakeTerms { cooldown_ms, early_fee_bps } => {
                ("set_unstake_terms", vec![], vec![tx.pure(cooldown_ms), tx.pure(early_fee_bps)])
            }
            ProposalAction::SetSlashProbation { probation_ms } => {
                ("set_slash_probation", vec![], vec![tx.pure(probation_ms)])
            }
            ProposalAction::SetTrustThresholds {
                level2_capacity_passes,
                level3_tasks,
                level3_success_bps,
                level4_tasks,
                level4_success_bps,
            } => (
                "set_trust_thresholds",
                vec![],
                vec![
                    tx.pure(level2_capacity_passes),
                    tx.pure(level3_tasks),
                    tx.pure(level3_success_bps),
                    tx.pure(level4_tasks),
                    tx.pure(level4_success_bps),
                ],
            ),
            ProposalAction::SetCapacityTerms { window_ms, solutions, min_hashrate } => (
                "set_capacity_terms",
                vec![],
                vec![tx.pure(window_ms), tx.pure(solutions), tx.pure(min_hashrate)],
            ),
            ProposalAction::AuthorizeUpgrade { policy, digest } => {
                ("authorize_upgrade", vec![], vec![tx.pure(policy), tx.pure(digest)])
            }
        };
        tx.move_call(self.function("governance", name).with_type_args(type_args), args)
    }

    /// Executes a queued proposal through the path its action takes.
    pub fn dao_execute(&self, tx: &mut TransactionBuilder, proposal: Shared, execution: &Execution) {
        let proposal = tx.object(proposal.input(true));
        // Only governance's own parameters and the upgrade capability change governance itself.
        let governance_mutable =
            matches!(execution, Execution::Governance | Execution::UpgradePolicy | Execution::Upgrade(_));
        let governance = tx.object(self.deployment.governance.input(governance_mutable));
        let clock = Self::clock(tx);
        let execute = |name: &str| self.function("governance", name);
        match execution {
            Execution::Market => {
                let market = tx.object(self.deployment.market.input(true));
                tx.move_call(execute("execute_market"), vec![proposal, governance, market, clock]);
            }
            Execution::Registry => {
                let registry = tx.object(self.deployment.registry.input(true));
                tx.move_call(execute("execute_registry"), vec![proposal, governance, registry, clock]);
            }
            Execution::Coin { coin_type } => {
                let coin = TypeTag::Struct(Box::new(coin_type.clone()));
                let market = tx.object(self.deployment.market.input(true));
                tx.move_call(
                    execute("execute_coin").with_type_args(vec![coin]),
                    vec![proposal, governance, market, clock],
                );
            }
            Execution::Feed => {
                let feed = tx.object(self.deployment.tips.input(true));
                let market = tx.object(self.deployment.market.input(false));
                tx.move_call(execute("execute_feed"), vec![proposal, governance, feed, market, clock]);
            }
            Execution::Spend { treasury, coin_type } => {
                let coin = TypeTag::Struct(Box::new(coin_type.clone()));
                let treasury = tx.object(treasury.input(true));
                tx.move_call(
                    execute("execute_spend").with_type_args(vec![coin]),
                    vec![proposal, governance, treasury, clock],
                );
            }
            Execution::Governance => {
                tx.move_call(execute("execute_governance"), vec![proposal, governance, clock]);
            }
            Execution::UpgradePolicy => {
                tx.move_call(execute("execute_upgrade_policy"), vec![proposal, governance, clock]);
            }
            Execution::Upgrade(upgrade) => {
                let ticket = tx.move_call(execute("execute_upgrade"), vec![proposal, governance, clock]);
                let receipt = tx.upgrade(
                    upgrade.modules.clone(),
                    upgrade.dependencies.clone(),
                    upgrade.current_package,
                    ticket,
                );
                tx.move_call(execute("commit_upgrade"), vec![governance, receipt]);
            }
            Execution::Signal => {
                tx.move_call(execute("execute_signal"), vec![proposal, governance, clock]);
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
