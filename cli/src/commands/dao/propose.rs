//! `aihash dao propose <action>`: one subcommand per `governance::<action>` constructor, with its
//! arguments as flags (amounts in units, durations in milliseconds as the package keeps them).
//! The constructors check the values on chain, so an out-of-range proposal is refused by the
//! node's dry run before anything is sent.

use super::super::compiled::CompiledPackage;
use super::super::read::{address, hex_arg, object_id};
use super::super::write::{Session, WriteArgs};
use aihash_sdk::amount::{self, Coin};
use aihash_sdk::tx::ProposalAction;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use sui_sdk_types::StructTag;

/// What every proposal takes besides its action.
#[derive(Debug, Args)]
pub struct Proposing {
    /// Your vote lock's object id (it must weigh at least the proposal threshold).
    #[arg(long)]
    lock: String,
    /// What the proposal is about, shown to voters (at most 1,024 bytes).
    #[arg(long, default_value = "")]
    description: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// Upgrade policies a proposal may restrict the package to.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Restriction {
    /// Only new functions and types (128).
    Additive,
    /// Only dependency changes (192).
    DepOnly,
    /// No more upgrades, ever (255).
    Immutable,
}

/// Upgrade policies an authorised upgrade may use.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum UpgradePolicy {
    /// Any compatible change (0).
    Compatible,
    /// Only new functions and types (128).
    Additive,
    /// Only dependency changes (192).
    DepOnly,
}

#[derive(Debug, Subcommand)]
pub enum ProposeCommand {
    /// The platform fee and the keepers' share of it (`set_market_fees`; executes through
    /// `execute_market`).
    ///
    /// Example: aihash dao propose set-market-fees --lock 0x10..7c --platform-fee-bps 500 \
    ///   --keeper-share-bps 2500 --description "lower the platform fee to 5%"
    #[command(verbatim_doc_comment)]
    SetMarketFees {
        /// The platform fee, in basis points of each payment (at most 2000).
        #[arg(long)]
        platform_fee_bps: u64,
        /// The keepers' share of the platform fee, in basis points.
        #[arg(long)]
        keeper_share_bps: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Dispute windows, challenge sampling and the challenger's bond and stake
    /// (`set_dispute_terms`; `execute_market`).
    ///
    /// Example: aihash dao propose set-dispute-terms --lock 0x10..7c --dispute-window-ms 7200000 \
    ///   --response-window-ms 3600000 --samples-per-challenge 32 --challenger-bond "50 HASH" \
    ///   --min-challenger-stake "10 HASH"
    #[command(verbatim_doc_comment)]
    SetDisputeTerms {
        /// How long after a report it may be challenged, in ms.
        #[arg(long)]
        dispute_window_ms: u64,
        /// How long a keeper has to answer a challenge, in ms.
        #[arg(long)]
        response_window_ms: u64,
        /// Shares sampled per challenge.
        #[arg(long)]
        samples_per_challenge: u64,
        /// The challenger's bond, e.g. `50 HASH` (at most 10,000,000 HASH).
        #[arg(long)]
        challenger_bond: String,
        /// The stake a challenger needs, e.g. `10 HASH`.
        #[arg(long)]
        min_challenger_stake: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// The keepers' minimum stake and the slash rates (`set_slash_rates`; `execute_market`).
    ///
    /// Example: aihash dao propose set-slash-rates --lock 0x10..7c --min-keeper-stake "5000 HASH" \
    ///   --keeper-slash-bps 7500 --challenger-reward-bps 2500
    #[command(verbatim_doc_comment)]
    SetSlashRates {
        /// The stake a keeper needs, e.g. `5000 HASH`.
        #[arg(long)]
        min_keeper_stake: String,
        /// The share of a cheating keeper's stake slashed, in basis points.
        #[arg(long)]
        keeper_slash_bps: u64,
        /// The challenger's share of the slashed stake, in basis points.
        #[arg(long)]
        challenger_reward_bps: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Dead-time threshold, price decreases and the cancel grace period (`set_order_terms`;
    /// `execute_market`).
    ///
    /// Example: aihash dao propose set-order-terms --lock 0x10..7c --dead-time-threshold-bps 3000 \
    ///   --price-decrease-max-bps 500 --price-decrease-interval-ms 1800000 --cancel-grace-ms 60000
    #[command(verbatim_doc_comment)]
    SetOrderTerms {
        /// Dead time above which a pool counts as dead, in basis points.
        #[arg(long)]
        dead_time_threshold_bps: u64,
        /// The most a price may fall per interval, in basis points.
        #[arg(long)]
        price_decrease_max_bps: u64,
        /// The interval of price decreases, in ms.
        #[arg(long)]
        price_decrease_interval_ms: u64,
        /// How long after creation an order may not be cancelled, in ms.
        #[arg(long)]
        cancel_grace_ms: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// The longest delivery window and the oldest tip a report may use (`set_window_terms`;
    /// `execute_market`).
    ///
    /// Example: aihash dao propose set-window-terms --lock 0x10..7c --max-window-ms 3600000 \
    ///   --max-tip-age-ms 3600000
    #[command(verbatim_doc_comment)]
    SetWindowTerms {
        /// The longest delivery window, in ms.
        #[arg(long)]
        max_window_ms: u64,
        /// The oldest Bitcoin tip a report may use, in ms.
        #[arg(long)]
        max_tip_age_ms: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// The minimum stakes of trust levels 1-4 (`set_min_stakes`; `execute_registry`).
    ///
    /// Example: aihash dao propose set-min-stakes --lock 0x10..7c --min-stake "50 HASH" \
    ///   --min-stake "500 HASH" --min-stake "5000 HASH" --min-stake "50000 HASH"
    #[command(verbatim_doc_comment)]
    SetMinStakes {
        /// One per trust level, 1 to 4 in order, non-decreasing (at most 10,000,000 HASH).
        #[arg(long = "min-stake", required = true, num_args = 1)]
        min_stakes: Vec<String>,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Authorise a tip feeder (`add_feeder`; `execute_feed`).
    ///
    /// Example: aihash dao propose add-feeder --lock 0x10..7c --feeder 0xfe..ed
    #[command(verbatim_doc_comment)]
    AddFeeder {
        /// The feeder's address.
        #[arg(long)]
        feeder: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Remove a tip feeder (`remove_feeder`; `execute_feed`; lower the quorum first if it needs
    /// the feeder).
    ///
    /// Example: aihash dao propose remove-feeder --lock 0x10..7c --feeder 0xfe..ed
    #[command(verbatim_doc_comment)]
    RemoveFeeder {
        /// The feeder's address.
        #[arg(long)]
        feeder: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// The number of feeders that must agree on a tip (`set_feed_quorum`; `execute_feed`).
    ///
    /// Example: aihash dao propose set-feed-quorum --lock 0x10..7c --quorum 2
    #[command(verbatim_doc_comment)]
    SetFeedQuorum {
        /// Feeders needed, 1 to 16 (at most the feeders there are, at execution).
        #[arg(long)]
        quorum: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Pay HASH from a treasury (`spend_treasury<HASH>`; `execute_spend`).
    ///
    /// Example: aihash dao propose spend-treasury --lock 0x10..7c --treasury 0x7e..a5 \
    ///   --amount "1000 HASH" --recipient 0xb0b..
    #[command(verbatim_doc_comment)]
    SpendTreasury {
        /// The treasury's object id.
        #[arg(long)]
        treasury: String,
        /// How much HASH, e.g. `1000 HASH`.
        #[arg(long)]
        amount: String,
        /// Who receives it.
        #[arg(long)]
        recipient: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Governance's own parameters (`set_governance_params`; `execute_governance`).
    ///
    /// Example: aihash dao propose set-governance-params --lock 0x10..7c \
    ///   --voting-delay-ms 172800000 --voting-period-ms 259200000 --quorum-bps 1000 \
    ///   --approval-bps 6000 --timelock-ms 86400000 --grace-ms 604800000 \
    ///   --proposal-threshold "5000 HASH"
    #[command(verbatim_doc_comment)]
    SetGovernanceParams {
        /// From proposal to voting, in ms (at most 30 days).
        #[arg(long)]
        voting_delay_ms: u64,
        /// How long voting lasts, in ms (1 hour to 30 days).
        #[arg(long)]
        voting_period_ms: u64,
        /// For plus abstain needed, in basis points of the total weight (1 to 10000).
        #[arg(long)]
        quorum_bps: u64,
        /// For votes needed among for and against, in basis points (1 to 9999).
        #[arg(long)]
        approval_bps: u64,
        /// From queueing to execution, in ms (at most 30 days).
        #[arg(long)]
        timelock_ms: u64,
        /// How long a proposal may wait to be queued or executed, in ms (1 hour to 30 days).
        #[arg(long)]
        grace_ms: u64,
        /// The lock weight a proposer needs, e.g. `5000 HASH`.
        #[arg(long)]
        proposal_threshold: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Restrict the package's upgrade policy (`restrict_upgrades`; `execute_upgrade_policy`).
    ///
    /// Example: aihash dao propose restrict-upgrades --lock 0x10..7c --policy dep-only
    #[command(verbatim_doc_comment)]
    RestrictUpgrades {
        /// The new policy.
        #[arg(long, value_enum)]
        policy: Restriction,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// A decision with no on-chain effect, recorded with its vote (`signal`; `execute_signal`).
    ///
    /// Example: aihash dao propose signal --lock 0x10..7c --description "adopt the 2027 roadmap"
    #[command(verbatim_doc_comment)]
    Signal {
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Let orders escrow a coin type, with a minimum order value (`allow_coin<C>`;
    /// `execute_coin`).
    ///
    /// Example: aihash dao propose allow-coin --lock 0x10..7c --coin-type 0x2::sui::SUI \
    ///   --min-order-value "1 SUI"
    #[command(verbatim_doc_comment)]
    AllowCoin {
        /// The coin's Move type, e.g. `0x2::sui::SUI`.
        #[arg(long)]
        coin_type: String,
        /// The smallest order, in the coin's units for SUI and HASH (`1 SUI`), else in base
        /// units (`1000000 base`).
        #[arg(long)]
        min_order_value: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Stop new orders in a coin type (`disallow_coin<C>`; `execute_coin`).
    ///
    /// Example: aihash dao propose disallow-coin --lock 0x10..7c --coin-type 0x2::sui::SUI
    #[command(verbatim_doc_comment)]
    DisallowCoin {
        /// The coin's Move type, e.g. `0x2::sui::SUI`.
        #[arg(long)]
        coin_type: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// The unstake cooldown and the fee for leaving early (`set_unstake_terms`;
    /// `execute_registry`).
    ///
    /// Example: aihash dao propose set-unstake-terms --lock 0x10..7c --cooldown-ms 259200000 \
    ///   --early-fee-bps 1000
    #[command(verbatim_doc_comment)]
    SetUnstakeTerms {
        /// The unstake cooldown, in ms (1 hour to 90 days).
        #[arg(long)]
        cooldown_ms: u64,
        /// The fee for withdrawing before the cooldown ends, in basis points.
        #[arg(long)]
        early_fee_bps: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// How long a slashed identity is barred (`set_slash_probation`; `execute_registry`).
    ///
    /// Example: aihash dao propose set-slash-probation --lock 0x10..7c --probation-ms 5184000000
    #[command(verbatim_doc_comment)]
    SetSlashProbation {
        /// The probation, in ms (at most 365 days).
        #[arg(long)]
        probation_ms: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// What trust levels 2 to 4 require besides stake (`set_trust_thresholds`;
    /// `execute_registry`).
    ///
    /// Example: aihash dao propose set-trust-thresholds --lock 0x10..7c \
    ///   --level2-capacity-passes 5 --level3-tasks 50 --level3-success-bps 9000 \
    ///   --level4-tasks 500 --level4-success-bps 9800
    #[command(verbatim_doc_comment)]
    SetTrustThresholds {
        /// Capacity challenges passed for level 2.
        #[arg(long)]
        level2_capacity_passes: u64,
        /// Tasks settled for level 3.
        #[arg(long)]
        level3_tasks: u64,
        /// Success rate for level 3, in basis points.
        #[arg(long)]
        level3_success_bps: u64,
        /// Tasks settled for level 4 (at least level 3's).
        #[arg(long)]
        level4_tasks: u64,
        /// Success rate for level 4, in basis points (at least level 3's).
        #[arg(long)]
        level4_success_bps: u64,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Capacity challenges: window, solutions and the least hashrate that passes
    /// (`set_capacity_terms`; `execute_registry`).
    ///
    /// Example: aihash dao propose set-capacity-terms --lock 0x10..7c --window-ms 300000 \
    ///   --solutions 8 --min-hashrate "1 MH/s"
    #[command(verbatim_doc_comment)]
    SetCapacityTerms {
        /// The challenge window, in ms (1 minute to 1 day).
        #[arg(long)]
        window_ms: u64,
        /// Solutions a challenge asks for.
        #[arg(long)]
        solutions: u64,
        /// The least hashrate that passes, e.g. `1 MH/s`.
        #[arg(long)]
        min_hashrate: String,
        #[command(flatten)]
        proposing: Proposing,
    },
    /// Authorise upgrading the package to compiled bytecode (`authorize_upgrade`; executed with
    /// `dao execute --bytecode`, which upgrades in the same transaction).
    ///
    /// Example: make move-build && aihash dao propose authorize-upgrade --lock 0x10..7c \
    ///   --policy compatible --bytecode build/move/bytecode.json
    #[command(verbatim_doc_comment)]
    #[command(group(clap::ArgGroup::new("new_package").required(true).args(["digest", "bytecode"])))]
    AuthorizeUpgrade {
        /// The policy the upgrade uses (no more permissive than the package's).
        #[arg(long, value_enum)]
        policy: UpgradePolicy,
        /// The new package's digest: 64 hex digits.
        #[arg(long)]
        digest: Option<String>,
        /// ... or the compiled package whose digest to authorise (`make move-build` writes
        /// build/move/bytecode.json).
        #[arg(long)]
        bytecode: Option<PathBuf>,
        #[command(flatten)]
        proposing: Proposing,
    },
}

impl ProposeCommand {
    fn proposing(&self) -> &Proposing {
        match self {
            Self::SetMarketFees { proposing, .. }
            | Self::SetDisputeTerms { proposing, .. }
            | Self::SetSlashRates { proposing, .. }
            | Self::SetOrderTerms { proposing, .. }
            | Self::SetWindowTerms { proposing, .. }
            | Self::SetMinStakes { proposing, .. }
            | Self::AddFeeder { proposing, .. }
            | Self::RemoveFeeder { proposing, .. }
            | Self::SetFeedQuorum { proposing, .. }
            | Self::SpendTreasury { proposing, .. }
            | Self::SetGovernanceParams { proposing, .. }
            | Self::RestrictUpgrades { proposing, .. }
            | Self::Signal { proposing }
            | Self::AllowCoin { proposing, .. }
            | Self::DisallowCoin { proposing, .. }
            | Self::SetUnstakeTerms { proposing, .. }
            | Self::SetSlashProbation { proposing, .. }
            | Self::SetTrustThresholds { proposing, .. }
            | Self::SetCapacityTerms { proposing, .. }
            | Self::AuthorizeUpgrade { proposing, .. } => proposing,
        }
    }

    /// The action, its values parsed and checked as far as they can be off chain; `hash_type` is
    /// the deployment's HASH coin type.
    fn action(&self, hash_type: &StructTag) -> anyhow::Result<ProposalAction> {
        let hash = |text: &str| amount::parse_coin(text, amount::HASH);
        Ok(match self {
            Self::SetMarketFees { platform_fee_bps, keeper_share_bps, .. } => ProposalAction::SetMarketFees {
                platform_fee_bps: *platform_fee_bps,
                keeper_share_bps: *keeper_share_bps,
            },
            Self::SetDisputeTerms {
                dispute_window_ms,
                response_window_ms,
                samples_per_challenge,
                challenger_bond,
                min_challenger_stake,
                ..
            } => ProposalAction::SetDisputeTerms {
                dispute_window_ms: *dispute_window_ms,
                response_window_ms: *response_window_ms,
                samples_per_challenge: *samples_per_challenge,
                challenger_bond: hash(challenger_bond)?,
                min_challenger_stake: hash(min_challenger_stake)?,
            },
            Self::SetSlashRates { min_keeper_stake, keeper_slash_bps, challenger_reward_bps, .. } => {
                ProposalAction::SetSlashRates {
                    min_keeper_stake: hash(min_keeper_stake)?,
                    keeper_slash_bps: *keeper_slash_bps,
                    challenger_reward_bps: *challenger_reward_bps,
                }
            }
            Self::SetOrderTerms {
                dead_time_threshold_bps,
                price_decrease_max_bps,
                price_decrease_interval_ms,
                cancel_grace_ms,
                ..
            } => ProposalAction::SetOrderTerms {
                dead_time_threshold_bps: *dead_time_threshold_bps,
                price_decrease_max_bps: *price_decrease_max_bps,
                price_decrease_interval_ms: *price_decrease_interval_ms,
                cancel_grace_ms: *cancel_grace_ms,
            },
            Self::SetWindowTerms { max_window_ms, max_tip_age_ms, .. } => ProposalAction::SetWindowTerms {
                max_window_ms: *max_window_ms,
                max_tip_age_ms: *max_tip_age_ms,
            },
            Self::SetMinStakes { min_stakes, .. } => {
                anyhow::ensure!(
                    min_stakes.len() == 4,
                    "--min-stake given {} times: give it once per trust level 1 to 4, in order",
                    min_stakes.len()
                );
                ProposalAction::SetMinStakes(min_stakes.iter().map(|s| hash(s)).collect::<Result<_, _>>()?)
            }
            Self::AddFeeder { feeder, .. } => ProposalAction::AddFeeder(address("--feeder", feeder)?),
            Self::RemoveFeeder { feeder, .. } => ProposalAction::RemoveFeeder(address("--feeder", feeder)?),
            Self::SetFeedQuorum { quorum, .. } => ProposalAction::SetFeedQuorum(*quorum),
            Self::SpendTreasury { treasury, amount, recipient, .. } => ProposalAction::SpendTreasury {
                treasury: object_id("--treasury", treasury)?,
                coin_type: hash_type.clone(),
                amount: hash(amount)?,
                recipient: address("--recipient", recipient)?,
            },
            Self::SetGovernanceParams {
                voting_delay_ms,
                voting_period_ms,
                quorum_bps,
                approval_bps,
                timelock_ms,
                grace_ms,
                proposal_threshold,
                ..
            } => ProposalAction::SetGovernanceParams {
                voting_delay_ms: *voting_delay_ms,
                voting_period_ms: *voting_period_ms,
                quorum_bps: *quorum_bps,
                approval_bps: *approval_bps,
                timelock_ms: *timelock_ms,
                grace_ms: *grace_ms,
                proposal_threshold: hash(proposal_threshold)?,
            },
            Self::RestrictUpgrades { policy, .. } => ProposalAction::RestrictUpgrades {
                policy: match policy {
                    Restriction::Additive => 128,
                    Restriction::DepOnly => 192,
                    Restriction::Immutable => 255,
                },
            },
            Self::Signal { .. } => ProposalAction::Signal,
            Self::AllowCoin { coin_type, min_order_value, .. } => {
                let coin_type = move_type("--coin-type", coin_type)?;
                let min_order_value = amount::parse_coin(min_order_value, coin_of(&coin_type, hash_type))?;
                ProposalAction::AllowCoin { coin_type, min_order_value }
            }
            Self::DisallowCoin { coin_type, .. } => {
                ProposalAction::DisallowCoin { coin_type: move_type("--coin-type", coin_type)? }
            }
            Self::SetUnstakeTerms { cooldown_ms, early_fee_bps, .. } => {
                ProposalAction::SetUnstakeTerms { cooldown_ms: *cooldown_ms, early_fee_bps: *early_fee_bps }
            }
            Self::SetSlashProbation { probation_ms, .. } => {
                ProposalAction::SetSlashProbation { probation_ms: *probation_ms }
            }
            Self::SetTrustThresholds {
                level2_capacity_passes,
                level3_tasks,
                level3_success_bps,
                level4_tasks,
                level4_success_bps,
                ..
            } => ProposalAction::SetTrustThresholds {
                level2_capacity_passes: *level2_capacity_passes,
                level3_tasks: *level3_tasks,
                level3_success_bps: *level3_success_bps,
                level4_tasks: *level4_tasks,
                level4_success_bps: *level4_success_bps,
            },
            Self::SetCapacityTerms { window_ms, solutions, min_hashrate, .. } => {
                ProposalAction::SetCapacityTerms {
                    window_ms: *window_ms,
                    solutions: *solutions,
                    min_hashrate: amount::parse_hashrate(min_hashrate)?,
                }
            }
            Self::AuthorizeUpgrade { policy, digest, bytecode, .. } => ProposalAction::AuthorizeUpgrade {
                policy: match policy {
                    UpgradePolicy::Compatible => 0,
                    UpgradePolicy::Additive => 128,
                    UpgradePolicy::DepOnly => 192,
                },
                digest: match (digest, bytecode) {
                    (Some(text), _) => package_digest("--digest", text)?,
                    (None, Some(path)) => {
                        let digest = CompiledPackage::load(path)?.digest;
                        check_digest_length(&format!("the digest in {}", path.display()), &digest)?;
                        digest
                    }
                    (None, None) => anyhow::bail!("pass --digest or --bytecode: the upgrade to authorise"),
                },
            },
        })
    }
}

/// Proposes the action of `command` with the proposer's lock.
pub fn run(command: &ProposeCommand) -> anyhow::Result<ExitCode> {
    let proposing = command.proposing();
    let lock = object_id("--lock", &proposing.lock)?;
    let mut session = Session::open(&proposing.write)?;
    let hash_type = session.deployment().hash_type();
    let action = command.action(&hash_type)?;
    let lock = session.owned(lock)?;
    let description = &proposing.description;
    session.send(&proposing.write, |calls, tx| calls.dao_propose(tx, lock, &action, description))
}

/// A Move struct type given on the command line, e.g. `0x2::sui::SUI`.
fn move_type(flag: &str, text: &str) -> anyhow::Result<StructTag> {
    text.parse().map_err(|e| {
        anyhow::anyhow!(
            "{flag} `{text}` is not a Move type ({e}): write <package>::<module>::<Type>, e.g. 0x2::sui::SUI"
        )
    })
}

/// How amounts of `coin_type` are written: SUI and HASH in their units, any other coin in base
/// units only (its decimals are not known here).
fn coin_of(coin_type: &StructTag, hash_type: &StructTag) -> Coin {
    let sui = StructTag::sui();
    if *coin_type == sui {
        amount::SUI
    } else if coin_type == hash_type {
        amount::HASH
    } else {
        Coin { symbol: "base", decimals: 0 }
    }
}

/// A package digest in hex (32 bytes).
fn package_digest(flag: &str, text: &str) -> anyhow::Result<Vec<u8>> {
    let digest = hex_arg(flag, text, "the 64 hex digits of the digest")?;
    check_digest_length(&format!("{flag} `{text}`"), &digest)?;
    Ok(digest)
}

fn check_digest_length(what: &str, digest: &[u8]) -> anyhow::Result<()> {
    anyhow::ensure!(
        digest.len() == 32,
        "{what} is {} bytes, but a package digest is 32: `make move-build` prints it",
        digest.len()
    );
    Ok(())
}
