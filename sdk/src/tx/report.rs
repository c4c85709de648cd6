//! Calls into `report`: delivery reports, challenges and their answers, settlement.

use super::market::coin;
use super::{Calls, Shared};
use sui_sdk_types::StructTag;
use sui_transaction_builder::{Argument, TransactionBuilder};

/// What a keeper's shares came to in a window, by outcome (`report::new_counters`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShareCounters {
    pub submitted: u64,
    pub verified: u64,
    pub pool_accepted: u64,
    pub rejected_stale: u64,
    pub rejected_duplicate: u64,
    pub rejected_low_difficulty: u64,
    pub rejected_by_pool: u64,
}

/// A delivery report for one window of one fill (`report::submit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryReport {
    pub fill: u64,
    pub window_start_ms: u64,
    pub window_end_ms: u64,
    /// Counted shares, each worth `difficulty` (D × 2^32) hashes.
    pub shares: u64,
    pub difficulty: u128,
    pub counters: ShareCounters,
    pub dead_ms: u64,
    /// Root of the share tree (sorted share hashes, count bound in).
    pub root: [u8; 32],
}

/// The answer to one drawn sample of a challenge (`report::answer`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleAnswer {
    /// The position of the answered sample in the challenge's `samples` (not its leaf index).
    pub position: u64,
    /// The share's 80-byte header and its inclusion proof.
    pub header: Vec<u8>,
    pub proof: Vec<Vec<u8>>,
    /// The next leaf's header and proof (shows the tree is sorted around the sample).
    pub next_header: Vec<u8>,
    pub next_proof: Vec<Vec<u8>>,
    /// The share's coinbase transaction and its merkle branch to the header's root.
    pub coinbase: Vec<u8>,
    pub branch: Vec<Vec<u8>>,
}

impl Calls<'_> {
    /// `report::new_counters` + `report::submit<C>`: the keeper reports one window of a fill.
    pub fn report_submit(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        order: Shared,
        keeper: Shared,
        report: &DeliveryReport,
    ) -> Argument {
        let c = report.counters;
        let counter_args = [
            c.submitted,
            c.verified,
            c.pool_accepted,
            c.rejected_stale,
            c.rejected_duplicate,
            c.rejected_low_difficulty,
            c.rejected_by_pool,
        ]
        .iter()
        .map(|value| tx.pure(value))
        .collect();
        let counters = tx.move_call(self.function("report", "new_counters"), counter_args);
        let args = vec![
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            // Mutable: the report locks the keeper's stake until its challenges are over.
            tx.object(keeper.input(true)),
            tx.pure(&report.fill),
            tx.pure(&report.window_start_ms),
            tx.pure(&report.window_end_ms),
            tx.pure(&report.shares),
            tx.pure(&report.difficulty),
            counters,
            tx.pure(&report.dead_ms),
            tx.pure(&report.root.to_vec()),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "submit").with_type_args(coin(coin_type)), args)
    }

    /// `report::challenge<C>`: the order's buyer challenges a report (free); `random` is the
    /// system `Random` object (0x8) with its initial shared version on this network.
    pub fn report_challenge(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        report: Shared,
        order: Shared,
        random: Shared,
    ) {
        let args = vec![
            tx.object(report.input(true)),
            tx.object(order.input(false)),
            tx.object(self.deployment.market.input(false)),
            tx.object(random.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "challenge").with_type_args(coin(coin_type)), args);
    }

    /// `report::challenge_with_bond`: a staked third party challenges, posting `bond` (a
    /// `Coin<HASH>` argument).
    pub fn report_challenge_with_bond(
        &self,
        tx: &mut TransactionBuilder,
        report: Shared,
        challenger: Shared,
        bond: Argument,
        random: Shared,
    ) {
        let args = vec![
            tx.object(report.input(true)),
            tx.object(self.deployment.market.input(false)),
            tx.object(challenger.input(false)),
            bond,
            tx.object(random.input(false)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "challenge_with_bond"), args);
    }

    /// `report::answer<C>`: the keeper answers one drawn sample.
    pub fn report_answer(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        report: Shared,
        order: Shared,
        keeper: Shared,
        answer: &SampleAnswer,
    ) {
        let args = vec![
            tx.object(report.input(true)),
            tx.object(order.input(false)),
            tx.object(self.deployment.market.input(false)),
            tx.object(self.deployment.tips.input(false)),
            tx.object(keeper.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.pure(&answer.position),
            tx.pure(&answer.header),
            tx.pure(&answer.proof),
            tx.pure(&answer.next_header),
            tx.pure(&answer.next_proof),
            tx.pure(&answer.coinbase),
            tx.pure(&answer.branch),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "answer").with_type_args(coin(coin_type)), args);
    }

    /// `report::expire_challenge<C>`: anyone may close a challenge whose answers are late (the
    /// report is voided and the keeper slashed).
    #[allow(clippy::too_many_arguments)]
    pub fn report_expire_challenge(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        report: Shared,
        order: Shared,
        keeper: Shared,
        treasury: Shared,
    ) {
        let args = vec![
            tx.object(report.input(true)),
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            tx.object(keeper.input(true)),
            tx.object(self.deployment.registry.input(false)),
            tx.object(treasury.input(true)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "expire_challenge").with_type_args(coin(coin_type)), args);
    }

    /// `report::settle<C>`: after the dispute window anyone may settle a report, paying the
    /// provider, the keeper and `treasury` (the platform treasury).
    #[allow(clippy::too_many_arguments)]
    pub fn report_settle(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        report: Shared,
        order: Shared,
        treasury: Shared,
        keeper: Shared,
        provider: Shared,
    ) {
        let args = vec![
            tx.object(report.input(true)),
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            tx.object(self.deployment.registry.input(false)),
            tx.object(treasury.input(true)),
            tx.object(keeper.input(true)),
            tx.object(provider.input(true)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "settle").with_type_args(coin(coin_type)), args);
    }

    /// `report::settle_own<C>`: settling a report whose keeper and provider are one identity.
    pub fn report_settle_own(
        &self,
        tx: &mut TransactionBuilder,
        coin_type: &StructTag,
        report: Shared,
        order: Shared,
        treasury: Shared,
        identity: Shared,
    ) {
        let args = vec![
            tx.object(report.input(true)),
            tx.object(order.input(true)),
            tx.object(self.deployment.market.input(false)),
            tx.object(self.deployment.registry.input(false)),
            tx.object(treasury.input(true)),
            tx.object(identity.input(true)),
            Self::clock(tx),
        ];
        tx.move_call(self.function("report", "settle_own").with_type_args(coin(coin_type)), args);
    }
}
