//! Every golden vector of the package decodes into its generated type, re-encodes to the same
//! bytes, and holds what the Move test that pinned it did (tests/**/*layout_tests.move).

use super::{capacity, hash, identity, registry, staking, treasury, vesting};
use crate::golden;
use bitcoin::hashes::{sha256d, Hash};
use moverox::types::{Address, U256};
use moverox_sui::move_stdlib::string::String as MoveString;
use moverox_sui::sui::object::ID;
use serde::{de::DeserializeOwned, Serialize};

/// The Move tests' clock: 2025-06-15T15:06:40Z.
const NOW: u64 = 1_750_000_000_000;
const DAY_MS: u64 = 86_400_000;
const HASH: u64 = 1_000_000_000;

/// Decodes the vector `name` as `T` and proves the encoding round-trips byte for byte.
fn decode<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let bytes = golden::bytes(name).unwrap_or_else(|e| panic!("{e}"));
    let value: T = bcs::from_bytes(bytes).unwrap_or_else(|e| panic!("`{name}` does not decode: {e}"));
    assert_eq!(bcs::to_bytes(&value).unwrap(), bytes, "`{name}` re-encodes differently");
    value
}

/// A Move test address such as `@0xCAFE`.
fn address(value: u64) -> Address {
    let mut bytes = [0u8; 32];
    bytes[24..].copy_from_slice(&value.to_be_bytes());
    Address::from(bytes)
}

fn text(value: &MoveString) -> &str {
    std::str::from_utf8(&value.bytes).unwrap()
}

fn id_bytes(id: &ID) -> [u8; 32] {
    id.bytes.into()
}

fn identity_changed(name: &str) -> identity::IdentityChanged {
    let event: identity::IdentityChanged = decode(name);
    assert_eq!(event.timestamp_ms, NOW, "{name}");
    event
}

#[test]
fn identity_creation_names_the_did_of_the_object() {
    let event = identity_changed("identity_changed_created");
    assert_eq!(event.revision, 1);
    let identity::Change::Created { did, controller, roles } = event.change else { panic!("{event:?}") };
    assert_eq!(text(&did), format!("did:sui:mainnet:0x{}", hex::encode(id_bytes(&event.identity_id))));
    assert_eq!(controller, address(0xCAFE));
    assert_eq!(roles, 3);
}

#[test]
fn key_changes_carry_the_method() {
    let added = identity_changed("identity_changed_method_added");
    let identity::Change::MethodAdded { method } = added.change else { panic!("{added:?}") };
    assert_eq!((text(&method.id), method.key_type, method.purposes), ("keeper-1", 0, 5));
    assert_eq!(method.public_key, vec![7u8; 32]);

    let rotated = identity_changed("identity_changed_method_rotated");
    assert_eq!(rotated.revision, added.revision + 1);
    let identity::Change::MethodRotated { method } = rotated.change else { panic!("{rotated:?}") };
    assert_eq!((text(&method.id), method.key_type, method.purposes), ("keeper-1", 1, 5));
    assert_eq!(method.public_key[0], 2);
    assert_eq!(method.public_key[1..], [8u8; 32]);

    let revoked = identity_changed("identity_changed_method_revoked");
    let identity::Change::MethodRevoked { method_id } = revoked.change else { panic!("{revoked:?}") };
    assert_eq!(text(&method_id), "auth-1");
}

#[test]
fn service_changes_carry_the_service() {
    let added = identity_changed("identity_changed_service_added");
    let identity::Change::ServiceAdded { service } = added.change else { panic!("{added:?}") };
    assert_eq!(text(&service.id), "stratum");
    assert_eq!(text(&service.service_type), "StratumEndpoint");
    assert_eq!(text(&service.endpoint), "stratum+tcp://keeper.example:3333");

    let removed = identity_changed("identity_changed_service_removed");
    let identity::Change::ServiceRemoved { service_id } = removed.change else { panic!("{removed:?}") };
    assert_eq!(text(&service_id), "old");
}

#[test]
fn record_status_trust_and_controller_changes_decode() {
    let record = identity_changed("identity_changed_record_changed");
    let identity::Change::RecordChanged { reputation, verified_hashrate } = record.change else { panic!() };
    assert_eq!(reputation.capacity_passed, 1);
    assert_eq!(verified_hashrate, 1_000_000_000_000);

    let status = identity_changed("identity_changed_status_changed");
    let identity::Change::StatusChanged { from, to } = status.change else { panic!("{status:?}") };
    assert_eq!((from, to), (identity::Status::Pending, identity::Status::Verified));

    let trust = identity_changed("identity_changed_trust_level_changed");
    let identity::Change::TrustLevelChanged { from, to } = trust.change else { panic!("{trust:?}") };
    assert_eq!((from, to), (1, 2));

    let controller = identity_changed("identity_changed_controller_changed");
    let identity::Change::ControllerChanged { from, to } = controller.change else { panic!() };
    assert_eq!((from, to), (address(0xCAFE), address(0xB0B)));
}

#[test]
fn the_identity_object_holds_its_document_stake_and_record() {
    let object: identity::Identity = decode("identity_object");
    let created = identity_changed("identity_changed_created");
    assert_eq!(object.id.id, created.identity_id);
    assert_eq!(object.controller, address(0xB0B));
    assert_eq!(object.roles, 3);
    assert_eq!(object.methods.len(), 1);
    assert_eq!(text(&object.services[0].endpoint), "stratum+tcp://keeper.example:3333");
    assert_eq!(object.status, identity::Status::Active);
    assert_eq!(object.trust_level, 2);
    assert_eq!(object.stake.active.value, 2_000 * HASH);
    assert_eq!(object.stake.deposited, 2_000 * HASH);
    assert_eq!(object.reputation.capacity_passed, 10);
    assert_eq!(object.open_challenge, None);
    let controller_changed = identity_changed("identity_changed_controller_changed");
    assert_eq!(object.revision, controller_changed.revision);
}

#[test]
fn staking_events_account_for_the_stake() {
    let staked: staking::Staked = decode("staking_staked");
    assert_eq!((staked.amount, staked.active), (2_000 * HASH, 2_000 * HASH));
    let requested: staking::UnstakeRequested = decode("staking_unstake_requested");
    assert_eq!((requested.amount, requested.unstaking), (500 * HASH, 500 * HASH));
    assert_eq!(requested.unlock_ms, NOW + 7 * DAY_MS);
    let withdrawn: staking::StakeWithdrawn = decode("staking_stake_withdrawn");
    assert_eq!((withdrawn.amount, withdrawn.burned), (500 * HASH, 0));
    let slashed: staking::StakeSlashed = decode("staking_stake_slashed");
    assert_eq!(slashed.amount, 300 * HASH);
    assert_eq!(slashed.to_recipient + slashed.to_treasury, slashed.amount);
    assert_eq!(slashed.to_recipient, 150 * HASH);
    assert_eq!(slashed.recipient, address(0xBAD));
    assert_eq!(slashed.remaining, 1_200 * HASH);
    for id in [&requested.identity_id, &withdrawn.identity_id, &slashed.identity_id] {
        assert_eq!(id, &staked.identity_id);
    }
}

fn le_bytes(value: U256) -> [u8; 32] {
    value.to_le_bytes()
}

#[test]
fn a_capacity_challenge_is_a_header_template_the_sdk_can_check() {
    let object: capacity::CapacityChallenge = decode("capacity_challenge_object");
    let issued: capacity::CapacityChallengeIssued = decode("capacity_challenge_issued");
    assert_eq!(issued.challenge_id, object.id.id);
    assert_eq!(issued.identity_id, object.identity_id);
    assert_eq!((issued.version, issued.version_mask), (0x2000_0000, 0x1fff_e000));
    assert_eq!(issued.prev_block, object.prev_block);
    assert_eq!(issued.deadline_ms, NOW + 60_000);
    assert_eq!(object.claimed_hashrate, 1);
    assert_eq!(object.outcome, capacity::Outcome::Open);

    // The merkle-root field binds the template to the identity and the challenge.
    let mut preimage = b"aihash/capacity-challenge".to_vec();
    preimage.extend(id_bytes(&object.identity_id));
    preimage.extend(id_bytes(&object.id.id));
    assert_eq!(object.merkle_root, sha256d::Hash::hash(&preimage).to_byte_array());
    // nBits encodes the target exactly.
    let target = crate::pow::target_from_bits(bitcoin::CompactTarget::from_consensus(object.bits)).unwrap();
    assert_eq!(target.to_le_bytes(), le_bytes(object.target));

    let accepted: capacity::CapacitySolutionAccepted = decode("capacity_solution_accepted");
    assert_eq!((accepted.accepted, accepted.required), (1, 1));
    let hash: [u8; 32] = accepted.hash.clone().try_into().unwrap();
    assert!(bitcoin::Target::from_le_bytes(hash) <= target);

    let closed: capacity::CapacityChallengeClosed = decode("capacity_challenge_closed");
    let capacity::Outcome::Passed { verified_hashrate } = closed.outcome else { panic!("{closed:?}") };
    assert_eq!(closed.solutions, 1);
    // The work of one solution, Bitcoin Core's block proof of the target.
    assert_eq!(le_bytes(closed.work), target.to_work().to_le_bytes());
    assert!(verified_hashrate > 0);
}

#[test]
fn registry_layouts_decode_with_the_seed_policy() {
    let created: registry::RegistryCreated = decode("registry_created");
    assert_eq!(text(&created.network), "mainnet");
    assert_eq!(created.policy.min_stakes, vec![100 * HASH, 1_000 * HASH, 10_000 * HASH, 100_000 * HASH]);
    assert_eq!(created.policy.early_unstake_fee_bps, 500);
    let object: registry::Registry = decode("registry_object");
    assert_eq!(object.id.id, created.registry_id);
    assert_eq!(object.policy, created.policy);
    assert_eq!(object.platform_treasury, None);
    let changed: registry::PolicyChanged = decode("registry_policy_changed");
    assert_eq!(text(&changed.network), "testnet");
}

#[test]
fn genesis_vesting_and_treasury_layouts_decode() {
    let genesis: hash::GenesisDistributed = decode("hash_genesis_distributed");
    assert_eq!(genesis.public_sale_amount, 100_000_000 * HASH);
    assert_eq!(genesis.timestamp_ms, NOW);

    let created: vesting::VestingCreated = decode("vesting_created");
    assert_eq!(created.vesting_id, genesis.team_vesting_id);
    assert_eq!(
        (created.total, created.cliff_ms, created.linear_ms),
        (150_000_000 * HASH, 365 * DAY_MS, 3 * 365 * DAY_MS)
    );
    let object: vesting::Vesting<hash::HASH> = decode("vesting_object");
    assert_eq!(object.id.id, genesis.team_vesting_id);
    assert_eq!(object.locked.value, object.total);
    let claimed: vesting::VestingClaimed = decode("vesting_claimed");
    // Two years in: one year past the cliff of three linear years.
    assert_eq!(claimed.amount, 150_000_000 * HASH / 3);
    assert_eq!(claimed.claimed_total, claimed.amount);

    let pool: treasury::TreasuryCreated = decode("treasury_created");
    assert_eq!(text(&pool.purpose), "community rewards");
    let deposited: treasury::FundsDeposited = decode("treasury_funds_deposited");
    assert_eq!(deposited.amount, 400_000_000 * HASH);
    assert!(std::str::from_utf8(&deposited.coin_type.name.bytes).unwrap().ends_with("::hash::HASH"));
    let cap: treasury::SpendCap = decode("treasury_spend_cap");
    assert_eq!(cap.treasury_id, genesis.platform_treasury_id);
    let spent: treasury::FundsSpent = decode("treasury_funds_spent");
    assert_eq!((spent.treasury_id, spent.amount), (genesis.platform_treasury_id, 1_000));
    assert_eq!(spent.balance_after, 200_000_000 * HASH - 1_000);
}

mod market_layouts {
    use super::*;
    use crate::bindings::{market, order, report, tips};

    const BUYER: u64 = 0xB1;
    /// The market tests' price: 1.728 × 10^19 per PH·day, 0.2 base units per hash.
    const PRICE: u64 = 17_280_000_000_000_000_000;
    const WINDOW_START_MS: u64 = 1_750_000_000_000;
    const WINDOW_END_MS: u64 = WINDOW_START_MS + 600_000;

    fn u256(value: U256) -> primitive_types::U256 {
        primitive_types::U256::from_little_endian(&le_bytes(value))
    }

    #[test]
    fn market_and_tip_feed_layouts_decode() {
        let created: market::MarketCreated = decode("market_created");
        assert_eq!((created.params.platform_fee_bps, created.params.keeper_share_bps), (800, 2_500));
        assert_eq!(created.params.samples_per_challenge, 16);
        assert_eq!(created.params.min_keeper_stake, 1_000 * HASH);
        let object: market::Market = decode("market_object");
        assert_eq!(object.id.id, created.market_id);
        assert_eq!(object.params, created.params);
        let coin: market::CoinTermsChanged = decode("market_coin_terms_changed");
        assert!(std::str::from_utf8(&coin.coin_type.name.bytes).unwrap().ends_with("::sui::SUI"));
        assert_eq!(coin.min_order_value, Some(1_000));
        let changed: market::MarketParamsChanged = decode("market_params_changed");
        assert_eq!(changed.params.platform_fee_bps, 500);

        let feeders: tips::FeedersChanged = decode("tips_feeders_changed");
        assert_eq!(feeders.feeders, vec![address(0xA11CE)]);
        assert_eq!(feeders.quorum, 1);
        let posted: tips::TipPosted = decode("tips_tip_posted");
        assert_eq!(posted.tip.hash, golden::bytes("shares_tip").unwrap());
        assert_eq!((posted.tip.height, posted.tip.posted_ms), (900_000, NOW));
        assert_eq!(posted.tip.posted_by.contents, vec![address(0xA11CE)]);
    }

    #[test]
    fn order_layouts_decode() {
        let created: order::OrderCreated = decode("order_created");
        assert_eq!(created.buyer, address(BUYER));
        assert_eq!(created.pool.payout, golden::bytes("shares_pool_payout").unwrap());
        assert_eq!(text(&created.pool.url), "stratum+tcp://pool.example:3333");
        assert_eq!((created.price, created.escrow), (PRICE, 60));
        assert_eq!(created.expiry_ms, WINDOW_END_MS + DAY_MS);

        let object: order::Order<moverox_sui::sui::sui::SUI> = decode("order_object");
        assert_eq!(object.id.id, created.order_id);
        assert_eq!(object.state, order::State::Active);
        assert_eq!((object.escrow.value, object.reserved.value, object.deposited), (60, 0, 60));
        assert_eq!((object.committed_hashrate, object.fill_count), (100_000_000_000, 1));
        let attached: order::FillAttached = decode("order_fill_attached");
        assert_eq!((attached.order_id, attached.fill), (created.order_id.clone(), 0));
        assert_eq!((attached.hashrate, attached.difficulty), (100_000_000_000, 16));
        assert_ne!(attached.keeper_id, attached.provider_id);

        let scheduled: order::FillDifficultyScheduled = decode("order_fill_difficulty_scheduled");
        assert_eq!((scheduled.fill, scheduled.difficulty), (0, 64));
        assert_eq!(scheduled.from_ms, WINDOW_END_MS + 60_000);
        let topped: order::OrderToppedUp = decode("order_topped_up");
        assert_eq!((topped.amount, topped.escrow), (5, 65));
        let repriced: order::OrderRepriced = decode("order_repriced");
        assert_eq!((repriced.from, repriced.to), (PRICE, PRICE - 1));
        let exhausted: order::OrderExhausted = decode("order_exhausted");
        assert_eq!(exhausted.order_id, created.order_id);
        let released: order::FillReleased = decode("order_fill_released");
        assert_eq!(released.hashrate, 100_000_000_000);
        let ended: order::OrderEnded = decode("order_ended");
        assert_eq!(ended.reason, order::EndReason::Cancelled);
        // Both windows' costs are reserved; nothing was left to refund.
        assert_eq!((ended.refunded, ended.reserved), (0, 65));
    }

    #[test]
    fn report_layouts_decode_and_the_amount_follows_the_protocol_formula() {
        let submitted: report::ReportSubmitted = decode("report_submitted");
        assert_eq!((submitted.shares, submitted.difficulty), (16, 16));
        assert_eq!(u256(submitted.work), 256.into());
        let c = &submitted.counters;
        let counters = (
            c.submitted,
            c.verified,
            c.pool_accepted,
            c.rejected_stale,
            c.rejected_duplicate,
            c.rejected_low_difficulty,
            c.rejected_by_pool,
        );
        assert_eq!(counters, (20, 18, 16, 1, 1, 0, 2));
        assert_eq!(submitted.dead_ms, 30_000);
        assert_eq!(submitted.root, golden::bytes("shares_honest_root").unwrap());
        // work × price / (10^15 × 86,400), rounded down: the SDK's formula gives the same amount.
        assert_eq!(submitted.amount as u128, crate::units::payment(256, PRICE));
        assert_eq!(submitted.amount, 51);
        assert_eq!((submitted.window_start_ms, submitted.window_end_ms), (WINDOW_START_MS, WINDOW_END_MS));

        let object: report::Report = decode("report_object");
        assert_eq!(object.id.id, submitted.report_id);
        assert_eq!(object.state, report::ReportState::Pending);
        assert_eq!(object.challenge, None);

        let answered: report::SampleAnswered = decode("report_sample_answered");
        let leaves = golden::bytes("shares_honest_leaves").unwrap();
        assert!(leaves.chunks(32).any(|leaf| leaf == answered.share_hash.as_slice()));
        let closed: report::ChallengeAnswered = decode("report_challenge_answered");
        assert_eq!(closed.bond, 0);
        let settled: report::ReportSettled = decode("report_settled");
        assert_eq!((settled.provider_payout, settled.keeper_reward, settled.treasury_fee), (47, 1, 3));
    }

    #[test]
    fn challenge_layouts_decode() {
        let opened: report::ChallengeOpened = decode("report_challenge_opened");
        assert_eq!(opened.challenger, address(BUYER));
        assert_eq!((opened.bond, opened.challenger_identity.clone()), (0, None));
        assert_eq!(opened.samples.len(), 16);
        assert!(opened.samples.iter().all(|index| *index < 16));
        let voided: report::ReportVoided = decode("report_voided");
        assert_eq!(voided.report_id, opened.report_id);
        assert_eq!((voided.returned, voided.slashed), (51, 1_000 * HASH));
        assert_eq!(voided.challenger, address(BUYER));
    }
}

mod governance_layouts {
    use super::*;
    use crate::bindings::{governance, vote_lock};

    const ALICE: u64 = 0xA11;
    const WEEK_MS: u64 = 7 * DAY_MS;

    #[test]
    fn lock_and_governance_layouts_decode() {
        let installed: governance::CapInstalled = decode("governance_cap_installed");
        assert!(std::str::from_utf8(&installed.cap_type.name.bytes)
            .unwrap()
            .ends_with("::market::MarketCap"));
        let changed: vote_lock::LockChanged = decode("vote_lock_changed");
        assert_eq!(
            (changed.owner, changed.amount, changed.timestamp_ms),
            (address(ALICE), 1_000 * HASH, NOW)
        );
        // Unlock times round down to whole weeks.
        assert_eq!(changed.unlock_ms % WEEK_MS, 0);
        assert!(changed.unlock_ms <= NOW + 30 * DAY_MS && changed.unlock_ms + WEEK_MS > NOW + 30 * DAY_MS);
        let lock: vote_lock::Lock = decode("vote_lock_object");
        assert_eq!(lock.id.id, changed.lock_id);
        assert_eq!(
            (lock.locked.value, lock.unlock_ms, lock.history.len()),
            (1_000 * HASH, changed.unlock_ms, 1)
        );
        let gov: governance::Governance = decode("governance_object");
        let p = &gov.params;
        assert_eq!(
            (p.voting_delay_ms, p.voting_period_ms, p.timelock_ms, p.grace_ms),
            (DAY_MS, 5 * DAY_MS, 2 * DAY_MS, 14 * DAY_MS)
        );
        assert_eq!((p.quorum_bps, p.approval_bps, p.proposal_threshold), (400, 5_000, 10_000 * HASH));
        assert_eq!(gov.supply.amount, (1_000 * HASH) as u128);
        let withdrawn: vote_lock::LockWithdrawn = decode("vote_lock_withdrawn");
        assert_eq!((withdrawn.lock_id, withdrawn.amount), (changed.lock_id, 1_000 * HASH));
    }

    #[test]
    fn proposal_layouts_decode() {
        let created: governance::ProposalCreated = decode("governance_proposal_created");
        assert_eq!(created.proposer, address(ALICE));
        assert_eq!(
            created.action,
            governance::Action::SetMarketFees { platform_fee_bps: 500, keeper_share_bps: 2_500 }
        );
        assert_eq!(text(&created.description), "lower the platform fee to 5%");
        assert_eq!((created.start_ms, created.end_ms), (NOW + 1 + DAY_MS, NOW + 1 + 6 * DAY_MS));
        let object: governance::Proposal = decode("governance_proposal_object");
        assert_eq!(
            (object.id.id.clone(), object.total_weight, object.for_weight),
            (created.proposal_id.clone(), created.total_weight, 0)
        );
        let vote: governance::VoteCast = decode("governance_vote_cast");
        assert_eq!((vote.support, vote.voter), (1, address(ALICE)));
        // Alice's lock is the only one: her vote is the whole total, less rounding.
        assert!(vote.weight <= created.total_weight && created.total_weight - vote.weight <= 1);
        let queued: governance::ProposalQueued = decode("governance_proposal_queued");
        assert_eq!(queued.eta_ms, NOW + 1 + 8 * DAY_MS);
        let executed: governance::ProposalExecuted = decode("governance_proposal_executed");
        assert_eq!(executed.action, created.action);
        let canceled: governance::ProposalCanceled = decode("governance_proposal_canceled");
        assert_ne!(canceled.proposal_id, created.proposal_id);
    }

    const BOB: u64 = 0xB0B0;
    const HOUR_MS: u64 = 3_600_000;

    /// The action of `governance_proposal_created_<name>` (proposed by Alice, no description).
    fn proposed(name: &str) -> governance::Action {
        let created: governance::ProposalCreated = decode(&format!("governance_proposal_created_{name}"));
        assert_eq!(created.proposer, address(ALICE), "{name}");
        assert_eq!(text(&created.description), "", "{name}");
        assert!(created.start_ms < created.end_ms, "{name}");
        created.action
    }

    fn type_name(name: &moverox_sui::move_stdlib::type_name::TypeName) -> &str {
        std::str::from_utf8(&name.name.bytes).unwrap()
    }

    #[test]
    fn every_market_action_decodes_with_its_values() {
        use governance::Action;
        assert_eq!(
            proposed("set_dispute_terms"),
            Action::SetDisputeTerms {
                dispute_window_ms: 2 * HOUR_MS,
                response_window_ms: HOUR_MS,
                samples_per_challenge: 32,
                challenger_bond: 50 * HASH,
                min_challenger_stake: 10 * HASH,
            }
        );
        assert_eq!(
            proposed("set_slash_rates"),
            Action::SetSlashRates {
                min_keeper_stake: 5_000 * HASH,
                keeper_slash_bps: 7_500,
                challenger_reward_bps: 2_500
            }
        );
        assert_eq!(
            proposed("set_order_terms"),
            Action::SetOrderTerms {
                dead_time_threshold_bps: 3_000,
                price_decrease_max_bps: 500,
                price_decrease_interval_ms: 30 * 60_000,
                cancel_grace_ms: 60_000,
            }
        );
        assert_eq!(
            proposed("set_window_terms"),
            Action::SetWindowTerms { max_window_ms: HOUR_MS, max_tip_age_ms: HOUR_MS }
        );
        let Action::AllowCoin { coin_type, min_order_value } = proposed("allow_coin") else { panic!() };
        assert_eq!(min_order_value, 1_000_000);
        assert_eq!(
            type_name(&coin_type),
            "0000000000000000000000000000000000000000000000000000000000000002::sui::SUI"
        );
        let Action::DisallowCoin { coin_type: disallowed } = proposed("disallow_coin") else { panic!() };
        assert_eq!(disallowed, coin_type);
    }

    #[test]
    fn every_registry_action_decodes_with_its_values() {
        use governance::Action;
        assert_eq!(
            proposed("set_min_stakes"),
            Action::SetMinStakes { min_stakes: vec![50 * HASH, 500 * HASH, 5_000 * HASH, 50_000 * HASH] }
        );
        assert_eq!(
            proposed("set_unstake_terms"),
            Action::SetUnstakeTerms { cooldown_ms: 3 * DAY_MS, early_fee_bps: 1_000 }
        );
        assert_eq!(proposed("set_slash_probation"), Action::SetSlashProbation { probation_ms: 60 * DAY_MS });
        assert_eq!(
            proposed("set_trust_thresholds"),
            Action::SetTrustThresholds {
                level2_capacity_passes: 5,
                level3_tasks: 50,
                level3_success_bps: 9_000,
                level4_tasks: 500,
                level4_success_bps: 9_800,
            }
        );
        assert_eq!(
            proposed("set_capacity_terms"),
            Action::SetCapacityTerms { window_ms: 5 * 60_000, solutions: 8, min_hashrate: 1_000_000 }
        );
    }

    #[test]
    fn every_feed_treasury_governance_and_upgrade_action_decodes_with_its_values() {
        use governance::Action;
        assert_eq!(proposed("add_feeder"), Action::AddFeeder { feeder: address(BOB) });
        assert_eq!(proposed("remove_feeder"), Action::RemoveFeeder { feeder: address(BOB) });
        assert_eq!(proposed("set_feed_quorum"), Action::SetFeedQuorum { quorum: 2 });
        let Action::SpendTreasury { treasury_id, coin_type, amount, recipient } = proposed("spend_treasury")
        else {
            panic!()
        };
        assert_eq!(id_bytes(&treasury_id), <[u8; 32]>::from(address(0x7EA5)));
        assert!(type_name(&coin_type).ends_with("::hash::HASH"), "{}", type_name(&coin_type));
        assert_eq!((amount, recipient), (1_234 * HASH, address(BOB)));
        let Action::SetGovernanceParams { params } = proposed("set_governance_params") else { panic!() };
        assert_eq!(
            (params.voting_delay_ms, params.voting_period_ms, params.quorum_bps, params.approval_bps),
            (2 * DAY_MS, 3 * DAY_MS, 1_000, 6_000)
        );
        assert_eq!(
            (params.timelock_ms, params.grace_ms, params.proposal_threshold),
            (DAY_MS, 7 * DAY_MS, 5_000 * HASH)
        );
        assert_eq!(proposed("restrict_upgrades"), Action::RestrictUpgrades { policy: 192 });
        assert_eq!(proposed("signal"), Action::Signal);
        let digest = hex::decode("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff").unwrap();
        assert_eq!(proposed("authorize_upgrade"), Action::AuthorizeUpgrade { policy: 128, digest });
    }

    /// Each action's golden event executes through the path `governance.move` gives it.
    #[test]
    fn every_action_follows_its_execution_path() {
        use crate::proposal::execution_path;
        let expected = [
            ("set_dispute_terms", "execute_market"),
            ("set_slash_rates", "execute_market"),
            ("set_order_terms", "execute_market"),
            ("set_window_terms", "execute_market"),
            ("allow_coin", "execute_coin"),
            ("disallow_coin", "execute_coin"),
            ("set_min_stakes", "execute_registry"),
            ("set_unstake_terms", "execute_registry"),
            ("set_slash_probation", "execute_registry"),
            ("set_trust_thresholds", "execute_registry"),
            ("set_capacity_terms", "execute_registry"),
            ("add_feeder", "execute_feed"),
            ("remove_feeder", "execute_feed"),
            ("set_feed_quorum", "execute_feed"),
            ("spend_treasury", "execute_spend"),
            ("set_governance_params", "execute_governance"),
            ("restrict_upgrades", "execute_upgrade_policy"),
            ("authorize_upgrade", "execute_upgrade"),
            ("signal", "execute_signal"),
        ];
        for (name, function) in expected {
            assert_eq!(execution_path(&proposed(name)).function(), function, "{name}");
        }
        // The paths carry what their execution needs from the action.
        let spend = proposed("spend_treasury");
        let governance::Action::SpendTreasury { treasury_id, coin_type, .. } = &spend else { panic!() };
        assert_eq!(execution_path(&spend), crate::proposal::ExecutionPath::Spend { treasury_id, coin_type });
        let upgrade = proposed("authorize_upgrade");
        let governance::Action::AuthorizeUpgrade { digest, .. } = &upgrade else { panic!() };
        assert_eq!(execution_path(&upgrade), crate::proposal::ExecutionPath::Upgrade { digest });
        // The coin types recorded in actions name Move types the execution can pass.
        let governance::Action::AllowCoin { coin_type, .. } = proposed("allow_coin") else { panic!() };
        let sui: sui_sdk_types::StructTag = "0x2::sui::SUI".parse().unwrap();
        assert_eq!(crate::proposal::coin_type(&coin_type).unwrap(), sui);
    }
}
