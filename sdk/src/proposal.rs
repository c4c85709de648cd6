//! A proposal's state and vote outcome, computed as `governance::state` and `governance::passed`
//! compute them on chain, so proposals can be shown without running a transaction; and the
//! execution path each action takes.

use crate::bindings::governance::{Action, Proposal, ProposalState};
use moverox_sui::move_stdlib::type_name::TypeName;
use moverox_sui::sui::object::ID;
use sui_sdk_types::StructTag;

const BPS: u128 = 10_000;

/// The proposal's state at `now_ms` (`governance::state`).
pub fn state(proposal: &Proposal, now_ms: u64) -> ProposalState {
    if proposal.executed {
        ProposalState::Executed
    } else if proposal.canceled {
        ProposalState::Canceled
    } else if now_ms < proposal.start_ms {
        ProposalState::Pending
    } else if now_ms < proposal.end_ms {
        ProposalState::Active
    } else if !passed(proposal) {
        ProposalState::Defeated
    } else if proposal.eta_ms == 0 {
        // Never queued: it lapses once the grace period has passed after voting ended.
        if now_ms > proposal.end_ms.saturating_add(proposal.params.grace_ms) {
            ProposalState::Expired
        } else {
            ProposalState::Succeeded
        }
    } else if now_ms > proposal.eta_ms.saturating_add(proposal.params.grace_ms) {
        ProposalState::Expired
    } else {
        ProposalState::Queued
    }
}

/// Whether the votes reach the quorum (for and abstain, as a share of the total weight at the
/// start) and the approval threshold (for votes strictly above it among for and against).
pub fn passed(proposal: &Proposal) -> bool {
    let quorum = proposal.total_weight as u128 * proposal.params.quorum_bps as u128 / BPS;
    let turnout = proposal.for_weight as u128 + proposal.abstain_weight as u128;
    let decided = proposal.for_weight as u128 + proposal.against_weight as u128;
    turnout >= quorum
        && turnout > 0
        && proposal.for_weight as u128 * BPS > decided * proposal.params.approval_bps as u128
}

/// The state's name as the CLI prints it.
pub fn state_name(state: &ProposalState) -> &'static str {
    match state {
        ProposalState::Pending => "pending",
        ProposalState::Active => "active",
        ProposalState::Canceled => "canceled",
        ProposalState::Defeated => "defeated",
        ProposalState::Succeeded => "succeeded",
        ProposalState::Queued => "queued",
        ProposalState::Expired => "expired",
        ProposalState::Executed => "executed",
    }
}

/// The `governance::execute_*` function that executes an action (`governance.move` aborts with
/// `EWrongAction` on any other), with what of the action that execution needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecutionPath<'a> {
    /// `execute_market`
    Market,
    /// `execute_registry`
    Registry,
    /// `execute_coin<C>`
    Coin { coin_type: &'a TypeName },
    /// `execute_feed`
    Feed,
    /// `execute_spend<T>` on the treasury the action names
    Spend { treasury_id: &'a ID, coin_type: &'a TypeName },
    /// `execute_governance`
    Governance,
    /// `execute_upgrade_policy`
    UpgradePolicy,
    /// `execute_upgrade`, the `Upgrade` command, `commit_upgrade`, for the package digest the
    /// action authorises
    Upgrade { digest: &'a [u8] },
    /// `execute_signal`
    Signal,
}

impl ExecutionPath<'_> {
    /// The `governance` function that starts it.
    pub fn function(&self) -> &'static str {
        match self {
            Self::Market => "execute_market",
            Self::Registry => "execute_registry",
            Self::Coin { .. } => "execute_coin",
            Self::Feed => "execute_feed",
            Self::Spend { .. } => "execute_spend",
            Self::Governance => "execute_governance",
            Self::UpgradePolicy => "execute_upgrade_policy",
            Self::Upgrade { .. } => "execute_upgrade",
            Self::Signal => "execute_signal",
        }
    }
}

/// The execution path of `action`, as the `match` in each `execute_*` of `governance.move` has it.
pub fn execution_path(action: &Action) -> ExecutionPath<'_> {
    match action {
        Action::SetMarketFees { .. }
        | Action::SetDisputeTerms { .. }
        | Action::SetSlashRates { .. }
        | Action::SetOrderTerms { .. }
        | Action::SetWindowTerms { .. } => ExecutionPath::Market,
        Action::SetMinStakes { .. }
        | Action::SetUnstakeTerms { .. }
        | Action::SetSlashProbation { .. }
        | Action::SetTrustThresholds { .. }
        | Action::SetCapacityTerms { .. } => ExecutionPath::Registry,
        Action::AllowCoin { coin_type, .. } | Action::DisallowCoin { coin_type } => {
            ExecutionPath::Coin { coin_type }
        }
        Action::AddFeeder { .. } | Action::RemoveFeeder { .. } | Action::SetFeedQuorum { .. } => {
            ExecutionPath::Feed
        }
        Action::SpendTreasury { treasury_id, coin_type, .. } => {
            ExecutionPath::Spend { treasury_id, coin_type }
        }
        Action::SetGovernanceParams { .. } => ExecutionPath::Governance,
        Action::RestrictUpgrades { .. } => ExecutionPath::UpgradePolicy,
        Action::AuthorizeUpgrade { digest, .. } => ExecutionPath::Upgrade { digest },
        Action::Signal => ExecutionPath::Signal,
    }
}

/// The Move type a `TypeName` recorded in an action names (`type_name::with_original_ids`
/// spells addresses as 64 hex digits without `0x`), as a type argument for `execute_coin<C>` and
/// `execute_spend<T>`.
pub fn coin_type(name: &TypeName) -> Result<StructTag, String> {
    let text = String::from_utf8_lossy(&name.name.bytes);
    format!("0x{text}")
        .parse()
        .map_err(|e| format!("the proposal's coin type `{text}` is not a Move type: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The golden proposal: made at its `created_ms`, voting from `start_ms` to `end_ms`.
    fn golden() -> Proposal {
        bcs::from_bytes(crate::golden::bytes("governance_proposal_object").unwrap()).unwrap()
    }

    fn with_votes(for_weight: u64, against_weight: u64, abstain_weight: u64) -> Proposal {
        let mut proposal = golden();
        proposal.total_weight = 1_000_000;
        proposal.params.quorum_bps = 400;
        proposal.params.approval_bps = 5_000;
        (proposal.for_weight, proposal.against_weight, proposal.abstain_weight) =
            (for_weight, against_weight, abstain_weight);
        proposal
    }

    #[test]
    fn the_lifecycle_follows_the_clock_and_the_votes() {
        let mut proposal = with_votes(600_000, 100_000, 0);
        let (start, end) = (proposal.start_ms, proposal.end_ms);
        assert!(start < end);
        assert_eq!(state(&proposal, start - 1), ProposalState::Pending);
        assert_eq!(state(&proposal, start), ProposalState::Active);
        assert_eq!(state(&proposal, end - 1), ProposalState::Active);
        assert_eq!(state(&proposal, end), ProposalState::Succeeded);
        proposal.eta_ms = end + proposal.params.timelock_ms;
        let last = proposal.eta_ms + proposal.params.grace_ms;
        assert_eq!(state(&proposal, last), ProposalState::Queued);
        assert_eq!(state(&proposal, last + 1), ProposalState::Expired);
        proposal.executed = true;
        assert_eq!(state(&proposal, last + 1), ProposalState::Executed);
        let mut canceled = with_votes(600_000, 0, 0);
        canceled.canceled = true;
        assert_eq!(state(&canceled, start - 1), ProposalState::Canceled);
        assert_eq!(state(&with_votes(100_000, 600_000, 0), end), ProposalState::Defeated);
    }

    #[test]
    fn quorum_and_approval_sit_on_their_boundaries() {
        // Quorum 4% of 1,000,000 = 40,000, counting abstentions.
        assert!(passed(&with_votes(1, 0, 39_999)));
        assert!(!passed(&with_votes(1, 0, 39_998)));
        // Approval is strictly more than half of for and against.
        assert!(!passed(&with_votes(50_000, 50_000, 0)));
        assert!(passed(&with_votes(50_001, 50_000, 0)));
        // Nobody voted: not passed even with a zero quorum.
        let mut silent = with_votes(0, 0, 0);
        silent.params.quorum_bps = 0;
        assert!(!passed(&silent));
    }

    proptest! {
        /// Past the voting period, a proposal is defeated exactly when it did not pass, whatever
        /// the weights (no overflow in the u128 arithmetic).
        #[test]
        fn after_voting_the_outcome_is_the_vote(
            for_weight in any::<u64>(), against in any::<u64>(), abstain in any::<u64>(),
            total in any::<u64>(), quorum_bps in 0u64..=10_000, approval_bps in 0u64..=10_000,
        ) {
            let mut proposal = with_votes(for_weight, against, abstain);
            proposal.total_weight = total;
            proposal.params.quorum_bps = quorum_bps;
            proposal.params.approval_bps = approval_bps;
            let after = state(&proposal, proposal.end_ms);
            prop_assert_eq!(after == ProposalState::Defeated, !passed(&proposal));
            let strict_majority = for_weight as u128 * 10_000 > (for_weight as u128 + against as u128) * approval_bps as u128;
            if !strict_majority {
                prop_assert_eq!(after, ProposalState::Defeated);
            }
        }
    }
}
