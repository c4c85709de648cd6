// Generated from golden/vectors.json by `make golden` (tools/move); edit the JSON, not this file.
#[test_only]
module aihash::golden;

#[error]
const EGoldenMismatch: vector<u8> =
    b"the value's BCS bytes differ from its golden vector: run `make golden-capture` if the layout change is intended";
#[error]
const EUnknownVector: vector<u8> =
    b"golden/vectors.json has no vector of this name: run `make golden-capture` to record it";

/// Aborts unless `value` serializes (BCS) to the golden vector `name`.
public fun check<T>(value: &T, name: vector<u8>) {
    assert!(sui::bcs::to_bytes(value) == named(name), EGoldenMismatch);
}

/// The golden vector `name`.
public fun named(name: vector<u8>): vector<u8> {
    if (name == b"capacity_challenge_closed") return capacity_challenge_closed();
    if (name == b"capacity_challenge_issued") return capacity_challenge_issued();
    if (name == b"capacity_challenge_object") return capacity_challenge_object();
    if (name == b"capacity_solution_accepted") return capacity_solution_accepted();
    if (name == b"governance_cap_installed") return governance_cap_installed();
    if (name == b"governance_object") return governance_object();
    if (name == b"governance_proposal_canceled") return governance_proposal_canceled();
    if (name == b"governance_proposal_created") return governance_proposal_created();
    if (name == b"governance_proposal_created_add_feeder")
        return governance_proposal_created_add_feeder();
    if (name == b"governance_proposal_created_allow_coin")
        return governance_proposal_created_allow_coin();
    if (name == b"governance_proposal_created_authorize_upgrade")
        return governance_proposal_created_authorize_upgrade();
    if (name == b"governance_proposal_created_disallow_coin")
        return governance_proposal_created_disallow_coin();
    if (name == b"governance_proposal_created_remove_feeder")
        return governance_proposal_created_remove_feeder();
    if (name == b"governance_proposal_created_restrict_upgrades")
        return governance_proposal_created_restrict_upgrades();
    if (name == b"governance_proposal_created_set_capacity_terms")
        return governance_proposal_created_set_capacity_terms();
    if (name == b"governance_proposal_created_set_dispute_terms")
        return governance_proposal_created_set_dispute_terms();
    if (name == b"governance_proposal_created_set_feed_quorum")
        return governance_proposal_created_set_feed_quorum();
    if (name == b"governance_proposal_created_set_governance_params")
        return governance_proposal_created_set_governance_params();
    if (name == b"governance_proposal_created_set_min_stakes")
        return governance_proposal_created_set_min_stakes();
    if (name == b"governance_proposal_created_set_order_terms")
        return governance_proposal_created_set_order_terms();
    if (name == b"governance_proposal_created_set_slash_probation")
        return governance_proposal_created_set_slash_probation();
    if (name == b"governance_proposal_created_set_slash_rates")
        return governance_proposal_created_set_slash_rates();
    if (name == b"governance_proposal_created_set_trust_thresholds")
        return governance_proposal_created_set_trust_thresholds();
    if (name == b"governance_proposal_created_set_unstake_terms")
        return governance_proposal_created_set_unstake_terms();
    if (name == b"governance_proposal_created_set_window_terms")
        return governance_proposal_created_set_window_terms();
    if (name == b"governance_proposal_created_signal") return governance_proposal_created_signal();
    if (name == b"governance_proposal_created_spend_treasury")
        return governance_proposal_created_spend_treasury();
    if (name == b"governance_proposal_executed") return governance_proposal_executed();
    if (name == b"governance_proposal_object") return governance_proposal_object();
    if (name == b"governance_proposal_queued") return governance_proposal_queued();
    if (name == b"governance_vote_cast") return governance_vote_cast();
    if (name == b"hash_genesis_distributed") return hash_genesis_distributed();
    if (name == b"identity_changed_controller_changed")
        return identity_changed_controller_changed();
    if (name == b"identity_changed_created") return identity_changed_created();
    if (name == b"identity_changed_method_added") return identity_changed_method_added();
    if (name == b"identity_changed_method_revoked") return identity_changed_method_revoked();
    if (name == b"identity_changed_method_rotated") return identity_changed_method_rotated();
    if (name == b"identity_changed_record_changed") return identity_changed_record_changed();
    if (name == b"identity_changed_service_added") return identity_changed_service_added();
    if (name == b"identity_changed_service_removed") return identity_changed_service_removed();
    if (name == b"identity_changed_status_changed") return identity_changed_status_changed();
    if (name == b"identity_changed_trust_level_changed")
        return identity_changed_trust_level_changed();
    if (name == b"identity_object") return identity_object();
    if (name == b"market_coin_terms_changed") return market_coin_terms_changed();
    if (name == b"market_created") return market_created();
    if (name == b"market_object") return market_object();
    if (name == b"market_params_changed") return market_params_changed();
    if (name == b"order_created") return order_created();
    if (name == b"order_ended") return order_ended();
    if (name == b"order_exhausted") return order_exhausted();
    if (name == b"order_fill_attached") return order_fill_attached();
    if (name == b"order_fill_difficulty_scheduled") return order_fill_difficulty_scheduled();
    if (name == b"order_fill_released") return order_fill_released();
    if (name == b"order_object") return order_object();
    if (name == b"order_repriced") return order_repriced();
    if (name == b"order_topped_up") return order_topped_up();
    if (name == b"pow_header_genesis") return pow_header_genesis();
    if (name == b"pow_target_genesis") return pow_target_genesis();
    if (name == b"registry_created") return registry_created();
    if (name == b"registry_object") return registry_object();
    if (name == b"registry_policy_changed") return registry_policy_changed();
    if (name == b"report_challenge_answered") return report_challenge_answered();
    if (name == b"report_challenge_opened") return report_challenge_opened();
    if (name == b"report_object") return report_object();
    if (name == b"report_sample_answered") return report_sample_answered();
    if (name == b"report_settled") return report_settled();
    if (name == b"report_submitted") return report_submitted();
    if (name == b"report_voided") return report_voided();
    if (name == b"staking_stake_slashed") return staking_stake_slashed();
    if (name == b"staking_stake_withdrawn") return staking_stake_withdrawn();
    if (name == b"staking_staked") return staking_staked();
    if (name == b"staking_unstake_requested") return staking_unstake_requested();
    if (name == b"tips_feeders_changed") return tips_feeders_changed();
    if (name == b"tips_tip_posted") return tips_tip_posted();
    if (name == b"treasury_created") return treasury_created();
    if (name == b"treasury_funds_deposited") return treasury_funds_deposited();
    if (name == b"treasury_funds_spent") return treasury_funds_spent();
    if (name == b"treasury_spend_cap") return treasury_spend_cap();
    if (name == b"vesting_claimed") return vesting_claimed();
    if (name == b"vesting_created") return vesting_created();
    if (name == b"vesting_object") return vesting_object();
    if (name == b"vote_lock_changed") return vote_lock_changed();
    if (name == b"vote_lock_object") return vote_lock_object();
    if (name == b"vote_lock_withdrawn") return vote_lock_withdrawn();
    if (name == b"keeper_answer_0_coinbase") return keeper_answer_0_coinbase();
    if (name == b"keeper_answer_0_header") return keeper_answer_0_header();
    if (name == b"keeper_answer_0_next_header") return keeper_answer_0_next_header();
    if (name == b"keeper_answer_0_next_proof") return keeper_answer_0_next_proof();
    if (name == b"keeper_answer_0_proof") return keeper_answer_0_proof();
    if (name == b"keeper_answer_10_coinbase") return keeper_answer_10_coinbase();
    if (name == b"keeper_answer_10_header") return keeper_answer_10_header();
    if (name == b"keeper_answer_10_next_header") return keeper_answer_10_next_header();
    if (name == b"keeper_answer_10_next_proof") return keeper_answer_10_next_proof();
    if (name == b"keeper_answer_10_proof") return keeper_answer_10_proof();
    if (name == b"keeper_answer_11_coinbase") return keeper_answer_11_coinbase();
    if (name == b"keeper_answer_11_header") return keeper_answer_11_header();
    if (name == b"keeper_answer_11_next_header") return keeper_answer_11_next_header();
    if (name == b"keeper_answer_11_next_proof") return keeper_answer_11_next_proof();
    if (name == b"keeper_answer_11_proof") return keeper_answer_11_proof();
    if (name == b"keeper_answer_12_coinbase") return keeper_answer_12_coinbase();
    if (name == b"keeper_answer_12_header") return keeper_answer_12_header();
    if (name == b"keeper_answer_12_next_header") return keeper_answer_12_next_header();
    if (name == b"keeper_answer_12_next_proof") return keeper_answer_12_next_proof();
    if (name == b"keeper_answer_12_proof") return keeper_answer_12_proof();
    if (name == b"keeper_answer_13_coinbase") return keeper_answer_13_coinbase();
    if (name == b"keeper_answer_13_header") return keeper_answer_13_header();
    if (name == b"keeper_answer_13_next_header") return keeper_answer_13_next_header();
    if (name == b"keeper_answer_13_next_proof") return keeper_answer_13_next_proof();
    if (name == b"keeper_answer_13_proof") return keeper_answer_13_proof();
    if (name == b"keeper_answer_14_coinbase") return keeper_answer_14_coinbase();
    if (name == b"keeper_answer_14_header") return keeper_answer_14_header();
    if (name == b"keeper_answer_14_next_header") return keeper_answer_14_next_header();
    if (name == b"keeper_answer_14_next_proof") return keeper_answer_14_next_proof();
    if (name == b"keeper_answer_14_proof") return keeper_answer_14_proof();
    if (name == b"keeper_answer_15_coinbase") return keeper_answer_15_coinbase();
    if (name == b"keeper_answer_15_header") return keeper_answer_15_header();
    if (name == b"keeper_answer_15_next_header") return keeper_answer_15_next_header();
    if (name == b"keeper_answer_15_next_proof") return keeper_answer_15_next_proof();
    if (name == b"keeper_answer_15_proof") return keeper_answer_15_proof();
    if (name == b"keeper_answer_1_coinbase") return keeper_answer_1_coinbase();
    if (name == b"keeper_answer_1_header") return keeper_answer_1_header();
    if (name == b"keeper_answer_1_next_header") return keeper_answer_1_next_header();
    if (name == b"keeper_answer_1_next_proof") return keeper_answer_1_next_proof();
    if (name == b"keeper_answer_1_proof") return keeper_answer_1_proof();
    if (name == b"keeper_answer_2_coinbase") return keeper_answer_2_coinbase();
    if (name == b"keeper_answer_2_header") return keeper_answer_2_header();
    if (name == b"keeper_answer_2_next_header") return keeper_answer_2_next_header();
    if (name == b"keeper_answer_2_next_proof") return keeper_answer_2_next_proof();
    if (name == b"keeper_answer_2_proof") return keeper_answer_2_proof();
    if (name == b"keeper_answer_3_coinbase") return keeper_answer_3_coinbase();
    if (name == b"keeper_answer_3_header") return keeper_answer_3_header();
    if (name == b"keeper_answer_3_next_header") return keeper_answer_3_next_header();
    if (name == b"keeper_answer_3_next_proof") return keeper_answer_3_next_proof();
    if (name == b"keeper_answer_3_proof") return keeper_answer_3_proof();
    if (name == b"keeper_answer_4_coinbase") return keeper_answer_4_coinbase();
    if (name == b"keeper_answer_4_header") return keeper_answer_4_header();
    if (name == b"keeper_answer_4_next_header") return keeper_answer_4_next_header();
    if (name == b"keeper_answer_4_next_proof") return keeper_answer_4_next_proof();
    if (name == b"keeper_answer_4_proof") return keeper_answer_4_proof();
    if (name == b"keeper_answer_5_coinbase") return keeper_answer_5_coinbase();
    if (name == b"keeper_answer_5_header") return keeper_answer_5_header();
    if (name == b"keeper_answer_5_next_header") return keeper_answer_5_next_header();
    if (name == b"keeper_answer_5_next_proof") return keeper_answer_5_next_proof();
    if (name == b"keeper_answer_5_proof") return keeper_answer_5_proof();
    if (name == b"keeper_answer_6_coinbase") return keeper_answer_6_coinbase();
    if (name == b"keeper_answer_6_header") return keeper_answer_6_header();
    if (name == b"keeper_answer_6_next_header") return keeper_answer_6_next_header();
    if (name == b"keeper_answer_6_next_proof") return keeper_answer_6_next_proof();
    if (name == b"keeper_answer_6_proof") return keeper_answer_6_proof();
    if (name == b"keeper_answer_7_coinbase") return keeper_answer_7_coinbase();
    if (name == b"keeper_answer_7_header") return keeper_answer_7_header();
    if (name == b"keeper_answer_7_next_header") return keeper_answer_7_next_header();
    if (name == b"keeper_answer_7_next_proof") return keeper_answer_7_next_proof();
    if (name == b"keeper_answer_7_proof") return keeper_answer_7_proof();
    if (name == b"keeper_answer_8_coinbase") return keeper_answer_8_coinbase();
    if (name == b"keeper_answer_8_header") return keeper_answer_8_header();
    if (name == b"keeper_answer_8_next_header") return keeper_answer_8_next_header();
    if (name == b"keeper_answer_8_next_proof") return keeper_answer_8_next_proof();
    if (name == b"keeper_answer_8_proof") return keeper_answer_8_proof();
    if (name == b"keeper_answer_9_coinbase") return keeper_answer_9_coinbase();
    if (name == b"keeper_answer_9_header") return keeper_answer_9_header();
    if (name == b"keeper_answer_9_next_header") return keeper_answer_9_next_header();
    if (name == b"keeper_answer_9_next_proof") return keeper_answer_9_next_proof();
    if (name == b"keeper_answer_9_proof") return keeper_answer_9_proof();
    if (name == b"keeper_below_d_answer_coinbase") return keeper_below_d_answer_coinbase();
    if (name == b"keeper_below_d_answer_header") return keeper_below_d_answer_header();
    if (name == b"keeper_below_d_answer_next_header") return keeper_below_d_answer_next_header();
    if (name == b"keeper_below_d_answer_next_proof") return keeper_below_d_answer_next_proof();
    if (name == b"keeper_below_d_answer_proof") return keeper_below_d_answer_proof();
    if (name == b"keeper_below_d_count") return keeper_below_d_count();
    if (name == b"keeper_below_d_index") return keeper_below_d_index();
    if (name == b"keeper_below_d_root") return keeper_below_d_root();
    if (name == b"keeper_call_0_branch") return keeper_call_0_branch();
    if (name == b"keeper_call_0_coinbase") return keeper_call_0_coinbase();
    if (name == b"keeper_call_0_header") return keeper_call_0_header();
    if (name == b"keeper_call_0_next_header") return keeper_call_0_next_header();
    if (name == b"keeper_call_0_next_proof") return keeper_call_0_next_proof();
    if (name == b"keeper_call_0_position") return keeper_call_0_position();
    if (name == b"keeper_call_0_proof") return keeper_call_0_proof();
    if (name == b"keeper_call_1_branch") return keeper_call_1_branch();
    if (name == b"keeper_call_1_coinbase") return keeper_call_1_coinbase();
    if (name == b"keeper_call_1_header") return keeper_call_1_header();
    if (name == b"keeper_call_1_next_header") return keeper_call_1_next_header();
    if (name == b"keeper_call_1_next_proof") return keeper_call_1_next_proof();
    if (name == b"keeper_call_1_position") return keeper_call_1_position();
    if (name == b"keeper_call_1_proof") return keeper_call_1_proof();
    if (name == b"keeper_call_2_branch") return keeper_call_2_branch();
    if (name == b"keeper_call_2_coinbase") return keeper_call_2_coinbase();
    if (name == b"keeper_call_2_header") return keeper_call_2_header();
    if (name == b"keeper_call_2_next_header") return keeper_call_2_next_header();
    if (name == b"keeper_call_2_next_proof") return keeper_call_2_next_proof();
    if (name == b"keeper_call_2_position") return keeper_call_2_position();
    if (name == b"keeper_call_2_proof") return keeper_call_2_proof();
    if (name == b"keeper_call_3_branch") return keeper_call_3_branch();
    if (name == b"keeper_call_3_coinbase") return keeper_call_3_coinbase();
    if (name == b"keeper_call_3_header") return keeper_call_3_header();
    if (name == b"keeper_call_3_next_header") return keeper_call_3_next_header();
    if (name == b"keeper_call_3_next_proof") return keeper_call_3_next_proof();
    if (name == b"keeper_call_3_position") return keeper_call_3_position();
    if (name == b"keeper_call_3_proof") return keeper_call_3_proof();
    if (name == b"keeper_challenge_calls") return keeper_challenge_calls();
    if (name == b"keeper_challenge_samples") return keeper_challenge_samples();
    if (name == b"keeper_duplicated_answer_coinbase") return keeper_duplicated_answer_coinbase();
    if (name == b"keeper_duplicated_answer_header") return keeper_duplicated_answer_header();
    if (name == b"keeper_duplicated_answer_next_header")
        return keeper_duplicated_answer_next_header();
    if (name == b"keeper_duplicated_answer_next_proof")
        return keeper_duplicated_answer_next_proof();
    if (name == b"keeper_duplicated_answer_proof") return keeper_duplicated_answer_proof();
    if (name == b"keeper_duplicated_count") return keeper_duplicated_count();
    if (name == b"keeper_duplicated_index") return keeper_duplicated_index();
    if (name == b"keeper_duplicated_root") return keeper_duplicated_root();
    if (name == b"mainnet_hash_dec_2010") return mainnet_hash_dec_2010();
    if (name == b"mainnet_hash_genesis") return mainnet_hash_genesis();
    if (name == b"mainnet_hash_jan_2009") return mainnet_hash_jan_2009();
    if (name == b"mainnet_header_dec_2010") return mainnet_header_dec_2010();
    if (name == b"mainnet_header_genesis") return mainnet_header_genesis();
    if (name == b"mainnet_header_jan_2009") return mainnet_header_jan_2009();
    if (name == b"shares_branch") return shares_branch();
    if (name == b"shares_coinbase1") return shares_coinbase1();
    if (name == b"shares_coinbase2") return shares_coinbase2();
    if (name == b"shares_duplicated_extranonce2") return shares_duplicated_extranonce2();
    if (name == b"shares_duplicated_headers") return shares_duplicated_headers();
    if (name == b"shares_duplicated_leaves") return shares_duplicated_leaves();
    if (name == b"shares_duplicated_root") return shares_duplicated_root();
    if (name == b"shares_extranonce1") return shares_extranonce1();
    if (name == b"shares_foreign_pool_extranonce2") return shares_foreign_pool_extranonce2();
    if (name == b"shares_foreign_pool_headers") return shares_foreign_pool_headers();
    if (name == b"shares_foreign_pool_leaves") return shares_foreign_pool_leaves();
    if (name == b"shares_foreign_pool_root") return shares_foreign_pool_root();
    if (name == b"shares_half_fake_extranonce2") return shares_half_fake_extranonce2();
    if (name == b"shares_half_fake_headers") return shares_half_fake_headers();
    if (name == b"shares_half_fake_leaves") return shares_half_fake_leaves();
    if (name == b"shares_half_fake_root") return shares_half_fake_root();
    if (name == b"shares_honest_extranonce2") return shares_honest_extranonce2();
    if (name == b"shares_honest_headers") return shares_honest_headers();
    if (name == b"shares_honest_leaves") return shares_honest_leaves();
    if (name == b"shares_honest_root") return shares_honest_root();
    if (name == b"shares_old_tip") return shares_old_tip();
    if (name == b"shares_old_tip_extranonce2") return shares_old_tip_extranonce2();
    if (name == b"shares_old_tip_headers") return shares_old_tip_headers();
    if (name == b"shares_old_tip_leaves") return shares_old_tip_leaves();
    if (name == b"shares_old_tip_root") return shares_old_tip_root();
    if (name == b"shares_other_pool_coinbase2") return shares_other_pool_coinbase2();
    if (name == b"shares_pool_payout") return shares_pool_payout();
    if (name == b"shares_tip") return shares_tip();
    abort EUnknownVector
}

/// `bcs` vector `capacity_challenge_closed`.
public fun capacity_challenge_closed(): vector<u8> {
    x"a80dc5b12f68ff8278c4eb48917aaa3572dde5420c19f8b74e0099eb13ed1a079a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56011e0000000000000001000000000000001e0000000000000000000000000000000000000000000000000000000000000000dc207497010000"
}

/// `bcs` vector `capacity_challenge_issued`.
public fun capacity_challenge_issued(): vector<u8> {
    x"a80dc5b12f68ff8278c4eb48917aaa3572dde5420c19f8b74e0099eb13ed1a079a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000002000e0ff1f20ad044515c5738fa756eec77a81f2b11b54d999cde9642f3556882392cc12290c2043814d8a6fa7663a7db4ad18d518f80548361bf81a45b2ae444a130eaa5d559d88880820010000000000000000dc20749701000060c6217497010000"
}

/// `bcs` vector `capacity_challenge_object`.
public fun capacity_challenge_object(): vector<u8> {
    x"a80dc5b12f68ff8278c4eb48917aaa3572dde5420c19f8b74e0099eb13ed1a0701000000000000009a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56010000000000000020ad044515c5738fa756eec77a81f2b11b54d999cde9642f3556882392cc12290c2043814d8a6fa7663a7db4ad18d518f80548361bf81a45b2ae444a130eaa5d559d88880820000000000000000000000000000000000000000000000000000000000088880800dc20749701000060c6217497010000010000000000000000000000000000000000000000000000000000000000000000000000000000000000"
}

/// `bcs` vector `capacity_solution_accepted`.
public fun capacity_solution_accepted(): vector<u8> {
    x"a80dc5b12f68ff8278c4eb48917aaa3572dde5420c19f8b74e0099eb13ed1a0720b3c46c608d7b648cf019087cf0e52af0fc78113954ef9cf893edc53f5bf2120801000000000000000100000000000000"
}

/// `bcs` vector `governance_cap_installed`.
public fun governance_cap_installed(): vector<u8> {
    x"75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e0553303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303a3a6d61726b65743a3a4d61726b6574436170"
}

/// `bcs` vector `governance_object`.
public fun governance_object(): vector<u8> {
    x"75c3360eb19fd2c20fbba5e2da8cf1a39cdb1ee913af3802ba330b852e459e050100000000000000005c26050000000000ccbf19000000009001000000000000881300000000000000b84c0a00000000000819480000000000a0724e180900000010a5d4e8000000000000000000000000004070add2bbd5057301000000000000b46f6197010000489d325645528066bd5fc2fd6e54cedebd2d7e98aa6095740a6b892e1b1c09f70100000000000000000000000000000004d44babdb1587e876cb7e6dfcb4740d153461f50769beb008f500d2803d1fce0100000000000000"
}

/// `bcs` vector `governance_proposal_canceled`.
public fun governance_proposal_canceled(): vector<u8> {
    x"74f85741675f7baef14e08453937783ee74e9b2e21ae15218a8a79be47faa899"
}

/// `bcs` vector `governance_proposal_created`.
public fun governance_proposal_created(): vector<u8> {
    x"d61ead5141eb403c577271ab6407f911211808138a3413a7de64734243b28f5901000000000000000000000000000000000000000000000000000000000000000000000000000a1100f401000000000000c4090000000000001c6c6f7765722074686520706c6174666f726d2066656520746f2035250138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_add_feeder`.
public fun governance_proposal_created_add_feeder(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1106000000000000000000000000000000000000000000000000000000000000b0b0000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_allow_coin`.
public fun governance_proposal_created_allow_coin(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110d4a303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030323a3a7375693a3a53554940420f0000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_authorize_upgrade`.
public fun governance_proposal_created_authorize_upgrade(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1113802000112233445566778899aabbccddeeff00112233445566778899aabbccddeeff000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_disallow_coin`.
public fun governance_proposal_created_disallow_coin(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110e4a303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030323a3a7375693a3a535549000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_remove_feeder`.
public fun governance_proposal_created_remove_feeder(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1107000000000000000000000000000000000000000000000000000000000000b0b0000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_restrict_upgrades`.
public fun governance_proposal_created_restrict_upgrades(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110bc0000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_capacity_terms`.
public fun governance_proposal_created_set_capacity_terms(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1112e093040000000000080000000000000040420f0000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_dispute_terms`.
public fun governance_proposal_created_set_dispute_terms(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110100dd6d000000000080ee360000000000200000000000000000743ba40b00000000e40b5402000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_feed_quorum`.
public fun governance_proposal_created_set_feed_quorum(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a11080200000000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_governance_params`.
public fun governance_proposal_created_set_governance_params(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110a00b84c0a000000000014730f00000000e8030000000000007017000000000000005c26050000000000840c2400000000005039278c040000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_min_stakes`.
public fun governance_proposal_created_set_min_stakes(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a11050400743ba40b0000000088526a74000000005039278c04000000203d88792d0000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_order_terms`.
public fun governance_proposal_created_set_order_terms(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1103b80b000000000000f40100000000000040771b000000000060ea000000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_slash_probation`.
public fun governance_proposal_created_set_slash_probation(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a11100090fd3401000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_slash_rates`.
public fun governance_proposal_created_set_slash_rates(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1102005039278c0400004c1d000000000000c409000000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_trust_thresholds`.
public fun governance_proposal_created_set_trust_thresholds(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a1111050000000000000032000000000000002823000000000000f4010000000000004826000000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_unstake_terms`.
public fun governance_proposal_created_set_unstake_terms(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110f0014730f00000000e803000000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_set_window_terms`.
public fun governance_proposal_created_set_window_terms(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110480ee36000000000080ee360000000000000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_signal`.
public fun governance_proposal_created_signal(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a110c000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_created_spend_treasury`.
public fun governance_proposal_created_spend_treasury(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5601000000000000000000000000000000000000000000000000000000000000000000000000000a11090000000000000000000000000000000000000000000000000000000000007ea54c303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303a3a686173683a3a4841534800b421501f010000000000000000000000000000000000000000000000000000000000000000b0b0000138477997010000010407939701000007a968ce21120000"
}

/// `bcs` vector `governance_proposal_executed`.
public fun governance_proposal_executed(): vector<u8> {
    x"d61ead5141eb403c577271ab6407f911211808138a3413a7de64734243b28f5900f401000000000000c409000000000000"
}

/// `bcs` vector `governance_proposal_object`.
public fun governance_proposal_object(): vector<u8> {
    x"d61ead5141eb403c577271ab6407f911211808138a3413a7de64734243b28f59010000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000a1100f401000000000000c4090000000000001c6c6f7765722074686520706c6174666f726d2066656520746f20352501dc2074970100000138477997010000010407939701000007a968ce211200000000000000000000000000000000000000000000000000002e7c7744e7aca1de732a399d6e43e81b6c151e30ccc86553742f1a57eeb32b080000000000000000005c26050000000000ccbf19000000009001000000000000881300000000000000b84c0a00000000000819480000000000a0724e1809000000000000000000000000"
}

/// `bcs` vector `governance_proposal_queued`.
public fun governance_proposal_queued(): vector<u8> {
    x"d61ead5141eb403c577271ab6407f911211808138a3413a7de64734243b28f5901bc539d97010000"
}

/// `bcs` vector `governance_vote_cast`.
public fun governance_vote_cast(): vector<u8> {
    x"d61ead5141eb403c577271ab6407f911211808138a3413a7de64734243b28f59e4d0bcbdc026b98a242f13e2761601107c90de400f0c24cdafea526abf201c260000000000000000000000000000000000000000000000000000000000000a110107a968ce21120000"
}

/// `bcs` vector `hash_genesis_distributed`.
public fun hash_genesis_distributed(): vector<u8> {
    x"195e3f73d1b403ac9e38bcb2f0ea031e3a967fb117c6565ec51d0e412642f57904062d6b5e72a549cb628081720a5319a9b34ec0d192947e6db93e98811b357955e667a8ca39874bca423635758e76019450ed2f8c1871214316ac799903baaa489d325645528066bd5fc2fd6e54cedebd2d7e98aa6095740a6b892e1b1c09f704d44babdb1587e876cb7e6dfcb4740d153461f50769beb008f500d2803d1fce00000000000000000000000000000000000000000000000000000000000009ab00008a5d7845630100dc207497010000"
}

/// `bcs` vector `identity_changed_controller_changed`.
public fun identity_changed_controller_changed(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56160000000000000000dc20749701000006000000000000000000000000000000000000000000000000000000000000cafe0000000000000000000000000000000000000000000000000000000000000b0b"
}

/// `bcs` vector `identity_changed_created`.
public fun identity_changed_created(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56010000000000000000dc20749701000000526469643a7375693a6d61696e6e65743a307839613065353766313138623831376437663630353939313537636164313264373838613835363265653564643162303938623763323562323562643833663536000000000000000000000000000000000000000000000000000000000000cafe03"
}

/// `bcs` vector `identity_changed_method_added`.
public fun identity_changed_method_added(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56020000000000000000dc20749701000001086b65657065722d310020070707070707070707070707070707070707070707070707070707070707070705"
}

/// `bcs` vector `identity_changed_method_revoked`.
public fun identity_changed_method_revoked(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56050000000000000000dc2074970100000306617574682d31"
}

/// `bcs` vector `identity_changed_method_rotated`.
public fun identity_changed_method_rotated(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56030000000000000000dc20749701000002086b65657065722d31012102080808080808080808080808080808080808080808080808080808080808080805"
}

/// `bcs` vector `identity_changed_record_changed`.
public fun identity_changed_record_changed(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56090000000000000000dc207497010000090000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000010a5d4e8000000"
}

/// `bcs` vector `identity_changed_service_added`.
public fun identity_changed_service_added(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56060000000000000000dc20749701000004077374726174756d0f5374726174756d456e64706f696e74217374726174756d2b7463703a2f2f6b65657065722e6578616d706c653a33333333"
}

/// `bcs` vector `identity_changed_service_removed`.
public fun identity_changed_service_removed(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56080000000000000000dc20749701000005036f6c64"
}

/// `bcs` vector `identity_changed_status_changed`.
public fun identity_changed_status_changed(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f560a0000000000000000dc207497010000070001"
}

/// `bcs` vector `identity_changed_trust_level_changed`.
public fun identity_changed_trust_level_changed(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f56140000000000000000dc207497010000080102"
}

/// `bcs` vector `identity_object`.
public fun identity_object(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f560100000000000000526469643a7375693a6d61696e6e65743a3078396130653537663131386238313764376636303539393135376361643132643738386138353632656535646431623039386237633235623235626438336635360000000000000000000000000000000000000000000000000000000000000b0b0301086b65657065722d3101210208080808080808080808080808080808080808080808080808080808080808080501077374726174756d0f5374726174756d456e64706f696e74217374726174756d2b7463703a2f2f6b65657065722e6578616d706c653a3333333302020000000000000000000000000000000000000000000000000a000000000000000000000000000000000000000000000000204aa9d101000000000000000000000000000000000000000000000000000000204aa9d10100000000000000000000000000000000000000000000000000000010a5d4e8000000000000000000000000160000000000000000dc20749701000000dc207497010000"
}

/// `bcs` vector `market_coin_terms_changed`.
public fun market_coin_terms_changed(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab964a303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030323a3a7375693a3a53554901e803000000000000"
}

/// `bcs` vector `market_created`.
public fun market_created(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab962003000000000000c409000000000000005c2605000000000097490100000000100000000000000000e876481700000000e87648170000000010a5d4e800000088130000000000008813000000000000d007000000000000e803000000000000c027090000000000c027090000000000005c26050000000000dd6d0000000000"
}

/// `bcs` vector `market_object`.
public fun market_object(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab9601000000000000002003000000000000c409000000000000005c2605000000000097490100000000100000000000000000e876481700000000e87648170000000010a5d4e800000088130000000000008813000000000000d007000000000000e803000000000000c027090000000000c027090000000000005c26050000000000dd6d0000000000a4137e2ed945e7f4e8c307001c32e97472fb3eebb8f7b4ab7534b447d22da89b0000000000000000"
}

/// `bcs` vector `market_params_changed`.
public fun market_params_changed(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab96f401000000000000c409000000000000005c2605000000000097490100000000100000000000000000e876481700000000e87648170000000010a5d4e800000088130000000000008813000000000000d007000000000000e803000000000000c027090000000000c027090000000000005c26050000000000dd6d0000000000"
}

/// `bcs` vector `order_created`.
public fun order_created(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd000000000000000000000000000000000000000000000000000000000000000b14a303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030323a3a7375693a3a5355491f7374726174756d2b7463703a2f2f706f6f6c2e6578616d706c653a333333330962757965722e726967160014b21130b668d3c656a981379fd595f55e1835a6160000c05672e4ceef0010a5d4e80000003c00000000000000c05f507997010000"
}

/// `bcs` vector `order_ended`.
public fun order_ended(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd00000000000000000004100000000000000"
}

/// `bcs` vector `order_exhausted`.
public fun order_exhausted(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd0"
}

/// `bcs` vector `order_fill_attached`.
public fun order_fill_attached(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd00000000000000000bbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241751dd9619c0a0e38d58e91544a662ec57362fce1a82a20db2fd1e77b86dc5a4500e876481700000010000000000000000000000000000000"
}

/// `bcs` vector `order_fill_difficulty_scheduled`.
public fun order_fill_difficulty_scheduled(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd000000000000000004000000000000000000000000000000020ee2a7497010000"
}

/// `bcs` vector `order_fill_released`.
public fun order_fill_released(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd0000000000000000000e8764817000000"
}

/// `bcs` vector `order_object`.
public fun order_object(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd0010000000000000000000000000000000000000000000000000000000000000000000000000000b11f7374726174756d2b7463703a2f2f706f6f6c2e6578616d706c653a333333330962757965722e726967160014b21130b668d3c656a981379fd595f55e1835a6160000c05672e4ceef00000000000000000010a5d4e800000000e87648170000003c0000000000000000000000000000000040b4177497010000c05f507997010000000000000000000009537de1a09d5811290aee5a42d26913ce2da78801744039a2ba11e9f18afc1d01000000000000000100000000000000000000000000000000000000000000003c000000000000000000000000000000000000000000000000000000000000000000000000000000"
}

/// `bcs` vector `order_repriced`.
public fun order_repriced(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd00000c05672e4ceefffffbf5672e4ceef"
}

/// `bcs` vector `order_topped_up`.
public fun order_topped_up(): vector<u8> {
    x"67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd005000000000000004100000000000000"
}

/// `bcs` vector `pow_header_genesis`.
public fun pow_header_genesis(): vector<u8> {
    x"01000000200000000000000000000000000000000000000000000000000000000000000000203ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c"
}

/// `bcs` vector `pow_target_genesis`.
public fun pow_target_genesis(): vector<u8> {
    x"0000000000000000000000000000000000000000000000000000ffff00000000"
}

/// `bcs` vector `registry_created`.
public fun registry_created(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab96076d61696e6e65740400e87648170000000010a5d4e800000000a0724e1809000000407a10f35a000000840c2400000000f40100000000000000c87e9a000000000a0000000000000064000000000000001c25000000000000e803000000000000ac26000000000000c02709000000000010000000000000000010a5d4e8000000"
}

/// `bcs` vector `registry_object`.
public fun registry_object(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab960100000000000000076d61696e6e65740000000000000000000400e87648170000000010a5d4e800000000a0724e1809000000407a10f35a000000840c2400000000f40100000000000000c87e9a000000000a0000000000000064000000000000001c25000000000000e803000000000000ac26000000000000c02709000000000010000000000000000010a5d4e8000000"
}

/// `bcs` vector `registry_policy_changed`.
public fun registry_policy_changed(): vector<u8> {
    x"034401905bebdf8c04f3cd5f04f442a39372c8dc321c29edfb4f9cb30b23ab9607746573746e65740400e87648170000000010a5d4e800000000a0724e1809000000407a10f35a000000840c2400000000f40100000000000000c87e9a000000000a0000000000000064000000000000001c25000000000000e803000000000000ac26000000000000c02709000000000010000000000000000010a5d4e8000000"
}

/// `bcs` vector `report_challenge_answered`.
public fun report_challenge_answered(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb0000000000000000"
}

/// `bcs` vector `report_challenge_opened`.
public fun report_challenge_opened(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb00000000000000000000000000000000000000000000000000000000000000b100000000000000000010070000000000000004000000000000000d000000000000000c000000000000000e0000000000000007000000000000000400000000000000020000000000000002000000000000000a0000000000000006000000000000000c000000000000000f000000000000000c0000000000000004000000000000000f000000000000002085747597010000"
}

/// `bcs` vector `report_object`.
public fun report_object(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb010000000000000067e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd00000000000000000bbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241751dd9619c0a0e38d58e91544a662ec57362fce1a82a20db2fd1e77b86dc5a4500dc207497010000c0032a749701000010000000000000001000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000001400000000000000120000000000000010000000000000000100000000000000010000000000000000000000000000000200000000000000307500000000000020b3443110c5da7e9675c1bc9cd02a920668f0f83eaa879820eb928baf72addba733000000000000000020ee2a7497010000204a5179970100000000"
}

/// `bcs` vector `report_sample_answered`.
public fun report_sample_answered(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb0f0000000000000020ec1a80361774f6b0b37a8afe76600073d3b2c8ae8fdb4001a0fa510e450a290f"
}

/// `bcs` vector `report_settled`.
public fun report_settled(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb2f0000000000000001000000000000000300000000000000"
}

/// `bcs` vector `report_submitted`.
public fun report_submitted(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb67e67f015b0e72d005a7206f9e3ddb22215f99dbed51ddf8b5ab5ab64db13cd00000000000000000bbea8db5202e4091be7270b7347c02aa62103ffe0e43b3f7af985c537d1f8241751dd9619c0a0e38d58e91544a662ec57362fce1a82a20db2fd1e77b86dc5a4500dc207497010000c0032a749701000010000000000000001000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000001400000000000000120000000000000010000000000000000100000000000000010000000000000000000000000000000200000000000000307500000000000020b3443110c5da7e9675c1bc9cd02a920668f0f83eaa879820eb928baf72addba7330000000000000000204a517997010000"
}

/// `bcs` vector `report_voided`.
public fun report_voided(): vector<u8> {
    x"45d6d9e4472fc14752e71653cfacc8dd2eb2f664f5772542a808fdb4d44ca2fb33000000000000000010a5d4e800000000000000000000000000000000000000000000000000000000000000000000b1"
}

/// `bcs` vector `staking_stake_slashed`.
public fun staking_stake_slashed(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5600b864d9450000000000000000000000000000000000000000000000000000000000000000000bad005cb2ec22000000005cb2ec2200000000e0926517010000"
}

/// `bcs` vector `staking_stake_withdrawn`.
public fun staking_stake_withdrawn(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f560088526a740000000000000000000000"
}

/// `bcs` vector `staking_staked`.
public fun staking_staked(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f5600204aa9d101000000204aa9d1010000"
}

/// `bcs` vector `staking_unstake_requested`.
public fun staking_unstake_requested(): vector<u8> {
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f560088526a740000000088526a7400000000602d9897010000"
}

/// `bcs` vector `tips_feeders_changed`.
public fun tips_feeders_changed(): vector<u8> {
    x"a058cccb1180e0c063232bed5fcf330614d57c74f056f8b3db0317812e129eb20100000000000000000000000000000000000000000000000000000000000a11ce0100000000000000"
}

/// `bcs` vector `tips_tip_posted`.
public fun tips_tip_posted(): vector<u8> {
    x"a058cccb1180e0c063232bed5fcf330614d57c74f056f8b3db0317812e129eb200000000000000000000000000000000000000000000000000000000000a11ce20d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92a0bb0d000000000000dc2074970100000100000000000000000000000000000000000000000000000000000000000a11ce"
}

/// `bcs` vector `treasury_created`.
public fun treasury_created(): vector<u8> {
    x"195e3f73d1b403ac9e38bcb2f0ea031e3a967fb117c6565ec51d0e412642f57911636f6d6d756e6974792072657761726473"
}

/// `bcs` vector `treasury_funds_deposited`.
public fun treasury_funds_deposited(): vector<u8> {
    x"195e3f73d1b403ac9e38bcb2f0ea031e3a967fb117c6565ec51d0e412642f5794c303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303a3a686173683a3a4841534800002876e1158d0500002876e1158d05"
}

/// `bcs` vector `treasury_funds_spent`.
public fun treasury_funds_spent(): vector<u8> {
    x"04062d6b5e72a549cb628081720a5319a9b34ec0d192947e6db93e98811b35794c303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303a3a686173683a3a48415348e80300000000000018fc13bbf08ac602"
}

/// `bcs` vector `treasury_spend_cap`.
public fun treasury_spend_cap(): vector<u8> {
    x"51874f4f9571fb54bda4fab8702969ba19d4edf22c4c4e27307003862b8c2e7104062d6b5e72a549cb628081720a5319a9b34ec0d192947e6db93e98811b3579"
}

/// `bcs` vector `vesting_claimed`.
public fun vesting_claimed(): vector<u8> {
    x"489d325645528066bd5fc2fd6e54cedebd2d7e98aa6095740a6b892e1b1c09f70000c52ebca2b1000000c52ebca2b100"
}

/// `bcs` vector `vesting_created`.
public fun vesting_created(): vector<u8> {
    x"489d325645528066bd5fc2fd6e54cedebd2d7e98aa6095740a6b892e1b1c09f700000000000000000000000000000000000000000000000000000000000007ea00004f8c34e8140200dc207497010000002cb157070000000084130716000000"
}

/// `bcs` vector `vesting_object`.
public fun vesting_object(): vector<u8> {
    x"489d325645528066bd5fc2fd6e54cedebd2d7e98aa6095740a6b892e1b1c09f700004f8c34e8140200004f8c34e8140200dc207497010000002cb157070000000084130716000000"
}

/// `bcs` vector `vote_lock_changed`.
public fun vote_lock_changed(): vector<u8> {
    x"4b91c69db001e4d18e0c79058e6b83167d016a3ff50d13f17f35d3ef9e32fe5f0000000000000000000000000000000000000000000000000000000000000a110010a5d4e800000000c4a1f19701000000dc207497010000"
}

/// `bcs` vector `vote_lock_object`.
public fun vote_lock_object(): vector<u8> {
    x"4b91c69db001e4d18e0c79058e6b83167d016a3ff50d13f17f35d3ef9e32fe5f0010a5d4e800000000c4a1f1970100000100dc2074970100000010a5d4e800000000c4a1f197010000"
}

/// `bcs` vector `vote_lock_withdrawn`.
public fun vote_lock_withdrawn(): vector<u8> {
    x"4b91c69db001e4d18e0c79058e6b83167d016a3ff50d13f17f35d3ef9e32fe5f0000000000000000000000000000000000000000000000000000000000000a110010a5d4e8000000"
}

/// `keeper_answers` vector `keeper_answer_0_coinbase`.
public fun keeper_answer_0_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000cffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_0_header`.
public fun keeper_answer_0_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92e59e281cb887c6645ff5027e8cb53abf81bd61a27c55dc643067a791ef7d0d2be8e24e68043a02170f000000"
}

/// `keeper_answers` vector `keeper_answer_0_next_header`.
public fun keeper_answer_0_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba923e39a42fc25737a4daeeb0ecd15fe813cf9dc84a92c6d255e9dd94fdca6912e08ee24e68043a021713000000"
}

/// `keeper_answers` vector `keeper_answer_0_next_proof`.
public fun keeper_answer_0_next_proof(): vector<u8> {
    x"b61058319d6501f410749843d91d2fe08fc03680773babfe3407bc1d4a2d5f5a7770d85394c4febe1ac0da9d97eebd6c205576357a70bd191ba61eedec85c31dfb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_0_proof`.
public fun keeper_answer_0_proof(): vector<u8> {
    x"a3d5c8d8d62761f0474d8841918579e44fe73fc90b3e04929e4d823763e01c277770d85394c4febe1ac0da9d97eebd6c205576357a70bd191ba61eedec85c31dfb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_10_coinbase`.
public fun keeper_answer_10_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000005ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_10_header`.
public fun keeper_answer_10_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba928ec3d7dcc6cd95cf69aaeb43c4d66b14b6e437989285eb626b6aee6a4d4d652e16e24e68043a021703000000"
}

/// `keeper_answers` vector `keeper_answer_10_next_header`.
public fun keeper_answer_10_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9232d9bb9c90163c5547a4ef270f6ef66c4286c499a0439800a8f060a3c78e458234e24e68043a02170d000000"
}

/// `keeper_answers` vector `keeper_answer_10_next_proof`.
public fun keeper_answer_10_next_proof(): vector<u8> {
    x"7744b42cdc054f7880dc21815e3fa65e308883fd7c2f6cd560d1f9a415ee3c60be8d2afd6eb8f1ed52d662b5ac85cc86269403c5db69cac850ec5862a85106df94a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_10_proof`.
public fun keeper_answer_10_proof(): vector<u8> {
    x"2d2ed2fbef7232c492fca4afb09552f2ee04c82fd957ac0b859cb539a30704ccbe8d2afd6eb8f1ed52d662b5ac85cc86269403c5db69cac850ec5862a85106df94a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_11_coinbase`.
public fun keeper_answer_11_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000006ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_11_header`.
public fun keeper_answer_11_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9232d9bb9c90163c5547a4ef270f6ef66c4286c499a0439800a8f060a3c78e458234e24e68043a02170d000000"
}

/// `keeper_answers` vector `keeper_answer_11_next_header`.
public fun keeper_answer_11_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9290b298c14132b2fc96c2a44e5d04323e88185254e1f87df307916e0c94a6da2842e34e68043a021706000000"
}

/// `keeper_answers` vector `keeper_answer_11_next_proof`.
public fun keeper_answer_11_next_proof(): vector<u8> {
    x"e3f3f872e8175f3e5665187a442a57e3e25011c9c02951eef8a0051a11449894ea5fc8e0497ce5f508469a94e4d1c0fe4f4fcfbf3fd18296e42dfc8ee01d2f60781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_11_proof`.
public fun keeper_answer_11_proof(): vector<u8> {
    x"7744b42cdc054f7880dc21815e3fa65e308883fd7c2f6cd560d1f9a415ee3c60be8d2afd6eb8f1ed52d662b5ac85cc86269403c5db69cac850ec5862a85106df94a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_12_coinbase`.
public fun keeper_answer_12_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000fffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_12_header`.
public fun keeper_answer_12_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9290b298c14132b2fc96c2a44e5d04323e88185254e1f87df307916e0c94a6da2842e34e68043a021706000000"
}

/// `keeper_answers` vector `keeper_answer_12_next_header`.
public fun keeper_answer_12_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba920b3a955dad42acb95ae32bcba4ad723aa6bfca8cf97b47d40b832b4b4a280e0bace24e68043a021708000000"
}

/// `keeper_answers` vector `keeper_answer_12_next_proof`.
public fun keeper_answer_12_next_proof(): vector<u8> {
    x"51c1bb67c14972cc94246240775cffa0ab7843609cef8c66ba95a5aef49972b9ea5fc8e0497ce5f508469a94e4d1c0fe4f4fcfbf3fd18296e42dfc8ee01d2f60781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_12_proof`.
public fun keeper_answer_12_proof(): vector<u8> {
    x"e3f3f872e8175f3e5665187a442a57e3e25011c9c02951eef8a0051a11449894ea5fc8e0497ce5f508469a94e4d1c0fe4f4fcfbf3fd18296e42dfc8ee01d2f60781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_13_coinbase`.
public fun keeper_answer_13_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000affffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_13_header`.
public fun keeper_answer_13_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba920b3a955dad42acb95ae32bcba4ad723aa6bfca8cf97b47d40b832b4b4a280e0bace24e68043a021708000000"
}

/// `keeper_answers` vector `keeper_answer_13_next_header`.
public fun keeper_answer_13_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9293ae163a1ca21cdeb0e762107a12399441d0de18fcd6cea3b84ab4949f8b47d306e34e68043a02171f000000"
}

/// `keeper_answers` vector `keeper_answer_13_next_proof`.
public fun keeper_answer_13_next_proof(): vector<u8> {
    x"5e068af4ebc377343a0078a2f5fe15399c1a27dca65d5dc80da0dded9fd82c605e87e9ac735bb01822339d1c56e500e2a9c0f004b651bbc0b67af9db1b40e0ef781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_13_proof`.
public fun keeper_answer_13_proof(): vector<u8> {
    x"51c1bb67c14972cc94246240775cffa0ab7843609cef8c66ba95a5aef49972b9ea5fc8e0497ce5f508469a94e4d1c0fe4f4fcfbf3fd18296e42dfc8ee01d2f60781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_14_coinbase`.
public fun keeper_answer_14_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000dffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_14_header`.
public fun keeper_answer_14_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9293ae163a1ca21cdeb0e762107a12399441d0de18fcd6cea3b84ab4949f8b47d306e34e68043a02171f000000"
}

/// `keeper_answers` vector `keeper_answer_14_next_header`.
public fun keeper_answer_14_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba929b06874bf8aead234e551629b5466632d1ae08fc552caabc95d9a38d25e41f0a52e24e68043a021726000000"
}

/// `keeper_answers` vector `keeper_answer_14_next_proof`.
public fun keeper_answer_14_next_proof(): vector<u8> {
    x"dde5ccb70c9ecd631663c26f59fc9ae31ee2b78d9ae0e049a7a1f7a18389f8625e87e9ac735bb01822339d1c56e500e2a9c0f004b651bbc0b67af9db1b40e0ef781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_14_proof`.
public fun keeper_answer_14_proof(): vector<u8> {
    x"5e068af4ebc377343a0078a2f5fe15399c1a27dca65d5dc80da0dded9fd82c605e87e9ac735bb01822339d1c56e500e2a9c0f004b651bbc0b67af9db1b40e0ef781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_15_coinbase`.
public fun keeper_answer_15_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000007ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_15_header`.
public fun keeper_answer_15_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba929b06874bf8aead234e551629b5466632d1ae08fc552caabc95d9a38d25e41f0a52e24e68043a021726000000"
}

/// `keeper_answers` vector `keeper_answer_15_next_header`.
public fun keeper_answer_15_next_header(): vector<u8> { x"" }

/// `keeper_answers` vector `keeper_answer_15_next_proof`.
public fun keeper_answer_15_next_proof(): vector<u8> { x"" }

/// `keeper_answers` vector `keeper_answer_15_proof`.
public fun keeper_answer_15_proof(): vector<u8> {
    x"dde5ccb70c9ecd631663c26f59fc9ae31ee2b78d9ae0e049a7a1f7a18389f8625e87e9ac735bb01822339d1c56e500e2a9c0f004b651bbc0b67af9db1b40e0ef781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_1_coinbase`.
public fun keeper_answer_1_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000009ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_1_header`.
public fun keeper_answer_1_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba923e39a42fc25737a4daeeb0ecd15fe813cf9dc84a92c6d255e9dd94fdca6912e08ee24e68043a021713000000"
}

/// `keeper_answers` vector `keeper_answer_1_next_header`.
public fun keeper_answer_1_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9280aed8ea1b701281ddd5f053aec8e9935bbba113a2ea5aed1a49c553a9e80d38dae14e68043a021704000000"
}

/// `keeper_answers` vector `keeper_answer_1_next_proof`.
public fun keeper_answer_1_next_proof(): vector<u8> {
    x"e545d56d794c1a4d738dbbf10c0de498fbf6d2957896800aa591e0d2a117fb65918ea551e3312954728ee8b196c2f2f6d2704c82211b853d80b8f6288127f5a5fb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_1_proof`.
public fun keeper_answer_1_proof(): vector<u8> {
    x"b61058319d6501f410749843d91d2fe08fc03680773babfe3407bc1d4a2d5f5a7770d85394c4febe1ac0da9d97eebd6c205576357a70bd191ba61eedec85c31dfb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_2_coinbase`.
public fun keeper_answer_2_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000003ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_2_header`.
public fun keeper_answer_2_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9280aed8ea1b701281ddd5f053aec8e9935bbba113a2ea5aed1a49c553a9e80d38dae14e68043a021704000000"
}

/// `keeper_answers` vector `keeper_answer_2_next_header`.
public fun keeper_answer_2_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92f86be0623a1111795637a0d3e867aa580acc8b59ca973831d6c696cda6135fab9ee14e68043a02170b000000"
}

/// `keeper_answers` vector `keeper_answer_2_next_proof`.
public fun keeper_answer_2_next_proof(): vector<u8> {
    x"453336bdcae34db1c8d2315b1047c841789437bdb99c206346acc5213ad1c3b2918ea551e3312954728ee8b196c2f2f6d2704c82211b853d80b8f6288127f5a5fb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_2_proof`.
public fun keeper_answer_2_proof(): vector<u8> {
    x"e545d56d794c1a4d738dbbf10c0de498fbf6d2957896800aa591e0d2a117fb65918ea551e3312954728ee8b196c2f2f6d2704c82211b853d80b8f6288127f5a5fb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_3_coinbase`.
public fun keeper_answer_3_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000001ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_3_header`.
public fun keeper_answer_3_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92f86be0623a1111795637a0d3e867aa580acc8b59ca973831d6c696cda6135fab9ee14e68043a02170b000000"
}

/// `keeper_answers` vector `keeper_answer_3_next_header`.
public fun keeper_answer_3_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92b008a4ee1233a62a495e1b59f33319148082d4093ab81a52fdef20c52bc32f1c70e24e68043a021718000000"
}

/// `keeper_answers` vector `keeper_answer_3_next_proof`.
public fun keeper_answer_3_next_proof(): vector<u8> {
    x"eb12a03be7703bb288e3d789a36edb1d5e1009217deaafcac123368d45c7a700851e69393f8c2d4b206ac1e986455d53e6ff298b9b8d6685df32c9d21bb0c376806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_3_proof`.
public fun keeper_answer_3_proof(): vector<u8> {
    x"453336bdcae34db1c8d2315b1047c841789437bdb99c206346acc5213ad1c3b2918ea551e3312954728ee8b196c2f2f6d2704c82211b853d80b8f6288127f5a5fb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_4_coinbase`.
public fun keeper_answer_4_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000008ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_4_header`.
public fun keeper_answer_4_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92b008a4ee1233a62a495e1b59f33319148082d4093ab81a52fdef20c52bc32f1c70e24e68043a021718000000"
}

/// `keeper_answers` vector `keeper_answer_4_next_header`.
public fun keeper_answer_4_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9295aa1a40f3432e83eaeafd440518c63b914efe627a4570f6829a22f209a897dff8e14e68043a021709000000"
}

/// `keeper_answers` vector `keeper_answer_4_next_proof`.
public fun keeper_answer_4_next_proof(): vector<u8> {
    x"889a376b4ba6219a0e33cedcb690f07aa522d80669f5a89243e73d67396d681b851e69393f8c2d4b206ac1e986455d53e6ff298b9b8d6685df32c9d21bb0c376806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_4_proof`.
public fun keeper_answer_4_proof(): vector<u8> {
    x"eb12a03be7703bb288e3d789a36edb1d5e1009217deaafcac123368d45c7a700851e69393f8c2d4b206ac1e986455d53e6ff298b9b8d6685df32c9d21bb0c376806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_5_coinbase`.
public fun keeper_answer_5_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000004ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_5_header`.
public fun keeper_answer_5_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9295aa1a40f3432e83eaeafd440518c63b914efe627a4570f6829a22f209a897dff8e14e68043a021709000000"
}

/// `keeper_answers` vector `keeper_answer_5_next_header`.
public fun keeper_answer_5_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92093560959a674d42c1854a051c22950809bba7b408e7ff94e240fc3ff46268decae24e68043a021706000000"
}

/// `keeper_answers` vector `keeper_answer_5_next_proof`.
public fun keeper_answer_5_next_proof(): vector<u8> {
    x"116734956931ecd24ab7503e8a4079da2c4efae1ded39af72fa47ffb94a38abc48f470f8820371718a6db032a71ec9649317d3ab333625aa076a1ec31a6f17c8806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_5_proof`.
public fun keeper_answer_5_proof(): vector<u8> {
    x"889a376b4ba6219a0e33cedcb690f07aa522d80669f5a89243e73d67396d681b851e69393f8c2d4b206ac1e986455d53e6ff298b9b8d6685df32c9d21bb0c376806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_6_coinbase`.
public fun keeper_answer_6_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000bffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_6_header`.
public fun keeper_answer_6_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92093560959a674d42c1854a051c22950809bba7b408e7ff94e240fc3ff46268decae24e68043a021706000000"
}

/// `keeper_answers` vector `keeper_answer_6_next_header`.
public fun keeper_answer_6_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba925d4de5ed1016d79f0f4e1922bfa9be53570da4c4dd765d2c92e2d6706d98953abce14e68043a02170d000000"
}

/// `keeper_answers` vector `keeper_answer_6_next_proof`.
public fun keeper_answer_6_next_proof(): vector<u8> {
    x"3cab568c066aac94a15fff839de54572163cf8e0a2f0bd9e14b1e77c76d229a048f470f8820371718a6db032a71ec9649317d3ab333625aa076a1ec31a6f17c8806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_6_proof`.
public fun keeper_answer_6_proof(): vector<u8> {
    x"116734956931ecd24ab7503e8a4079da2c4efae1ded39af72fa47ffb94a38abc48f470f8820371718a6db032a71ec9649317d3ab333625aa076a1ec31a6f17c8806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_7_coinbase`.
public fun keeper_answer_7_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000002ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_7_header`.
public fun keeper_answer_7_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba925d4de5ed1016d79f0f4e1922bfa9be53570da4c4dd765d2c92e2d6706d98953abce14e68043a02170d000000"
}

/// `keeper_answers` vector `keeper_answer_7_next_header`.
public fun keeper_answer_7_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba927a8b0b2139f6473e3160bae39647ad4d6bbf1cd6729ad859264cb87e69380eb180e14e68043a02173b000000"
}

/// `keeper_answers` vector `keeper_answer_7_next_proof`.
public fun keeper_answer_7_next_proof(): vector<u8> {
    x"179364e85127bf1287f4a5e5aea0f8e032495e1758e6597d2a169649f61336671e43bbb4e77ec41297a19ca688c0c2618fb7d5d31e78607754a16a7b80dc2b2694a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_7_proof`.
public fun keeper_answer_7_proof(): vector<u8> {
    x"3cab568c066aac94a15fff839de54572163cf8e0a2f0bd9e14b1e77c76d229a048f470f8820371718a6db032a71ec9649317d3ab333625aa076a1ec31a6f17c8806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_answer_8_coinbase`.
public fun keeper_answer_8_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000000ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_8_header`.
public fun keeper_answer_8_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba927a8b0b2139f6473e3160bae39647ad4d6bbf1cd6729ad859264cb87e69380eb180e14e68043a02173b000000"
}

/// `keeper_answers` vector `keeper_answer_8_next_header`.
public fun keeper_answer_8_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba920c0f568ee297061ca5e8189dc6fcbb5c100563a04fbe52b08608a2d7f119b31d24e34e68043a021701000000"
}

/// `keeper_answers` vector `keeper_answer_8_next_proof`.
public fun keeper_answer_8_next_proof(): vector<u8> {
    x"a202cda5cf1995157f99e141b855cde591d29dce5fda6562263afd3660df60c61e43bbb4e77ec41297a19ca688c0c2618fb7d5d31e78607754a16a7b80dc2b2694a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_8_proof`.
public fun keeper_answer_8_proof(): vector<u8> {
    x"179364e85127bf1287f4a5e5aea0f8e032495e1758e6597d2a169649f61336671e43bbb4e77ec41297a19ca688c0c2618fb7d5d31e78607754a16a7b80dc2b2694a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_9_coinbase`.
public fun keeper_answer_9_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000effffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_answer_9_header`.
public fun keeper_answer_9_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba920c0f568ee297061ca5e8189dc6fcbb5c100563a04fbe52b08608a2d7f119b31d24e34e68043a021701000000"
}

/// `keeper_answers` vector `keeper_answer_9_next_header`.
public fun keeper_answer_9_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba928ec3d7dcc6cd95cf69aaeb43c4d66b14b6e437989285eb626b6aee6a4d4d652e16e24e68043a021703000000"
}

/// `keeper_answers` vector `keeper_answer_9_next_proof`.
public fun keeper_answer_9_next_proof(): vector<u8> {
    x"2d2ed2fbef7232c492fca4afb09552f2ee04c82fd957ac0b859cb539a30704ccbe8d2afd6eb8f1ed52d662b5ac85cc86269403c5db69cac850ec5862a85106df94a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_answer_9_proof`.
public fun keeper_answer_9_proof(): vector<u8> {
    x"a202cda5cf1995157f99e141b855cde591d29dce5fda6562263afd3660df60c61e43bbb4e77ec41297a19ca688c0c2618fb7d5d31e78607754a16a7b80dc2b2694a9830a6dbf56cbe54bed2d835f45221281235916d99534e1d3077cfbbc10f2eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_below_d_answer_coinbase`.
public fun keeper_below_d_answer_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000010ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_below_d_answer_header`.
public fun keeper_below_d_answer_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9226fa94ab8eea82f85f9508fdf46030872fdae1564f82f57ac3e26785fe5b5a9460e34e68043a021700000000"
}

/// `keeper_answers` vector `keeper_below_d_answer_next_header`.
public fun keeper_below_d_answer_next_header(): vector<u8> { x"" }

/// `keeper_answers` vector `keeper_below_d_answer_next_proof`.
public fun keeper_below_d_answer_next_proof(): vector<u8> { x"" }

/// `keeper_answers` vector `keeper_below_d_answer_proof`.
public fun keeper_below_d_answer_proof(): vector<u8> {
    x"f685fcd58b1f9d9ffc285065e37cbc1aa9fc50a8cb866b29f8bc9d8f34f8ad24"
}

/// `keeper_answers` vector `keeper_below_d_count`.
public fun keeper_below_d_count(): vector<u8> { x"1100000000000000" }

/// `keeper_answers` vector `keeper_below_d_index`.
public fun keeper_below_d_index(): vector<u8> { x"1000000000000000" }

/// `keeper_answers` vector `keeper_below_d_root`.
public fun keeper_below_d_root(): vector<u8> {
    x"b01f846a69df0a598034290f5243d08d389d333be8521a95cde8af305fa5e12a"
}

/// `keeper_answers` vector `keeper_call_0_branch`.
public fun keeper_call_0_branch(): vector<u8> {
    x"2b73dde903deb0aa3c1f3648845086017d3960839c2bbd3b2ca565b22eee1629d8ad296352ff55f2e519a4fb196f1b6826121982b46766b3b2f63e585119a404"
}

/// `keeper_answers` vector `keeper_call_0_coinbase`.
public fun keeper_call_0_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000004ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_call_0_header`.
public fun keeper_call_0_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9295aa1a40f3432e83eaeafd440518c63b914efe627a4570f6829a22f209a897dff8e14e68043a021709000000"
}

/// `keeper_answers` vector `keeper_call_0_next_header`.
public fun keeper_call_0_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92093560959a674d42c1854a051c22950809bba7b408e7ff94e240fc3ff46268decae24e68043a021706000000"
}

/// `keeper_answers` vector `keeper_call_0_next_proof`.
public fun keeper_call_0_next_proof(): vector<u8> {
    x"116734956931ecd24ab7503e8a4079da2c4efae1ded39af72fa47ffb94a38abc48f470f8820371718a6db032a71ec9649317d3ab333625aa076a1ec31a6f17c8806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_call_0_position`.
public fun keeper_call_0_position(): vector<u8> { x"0000000000000000" }

/// `keeper_answers` vector `keeper_call_0_proof`.
public fun keeper_call_0_proof(): vector<u8> {
    x"889a376b4ba6219a0e33cedcb690f07aa522d80669f5a89243e73d67396d681b851e69393f8c2d4b206ac1e986455d53e6ff298b9b8d6685df32c9d21bb0c376806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274ec8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_call_1_branch`.
public fun keeper_call_1_branch(): vector<u8> {
    x"2b73dde903deb0aa3c1f3648845086017d3960839c2bbd3b2ca565b22eee1629d8ad296352ff55f2e519a4fb196f1b6826121982b46766b3b2f63e585119a404"
}

/// `keeper_answers` vector `keeper_call_1_coinbase`.
public fun keeper_call_1_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000003ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_call_1_header`.
public fun keeper_call_1_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9280aed8ea1b701281ddd5f053aec8e9935bbba113a2ea5aed1a49c553a9e80d38dae14e68043a021704000000"
}

/// `keeper_answers` vector `keeper_call_1_next_header`.
public fun keeper_call_1_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92f86be0623a1111795637a0d3e867aa580acc8b59ca973831d6c696cda6135fab9ee14e68043a02170b000000"
}

/// `keeper_answers` vector `keeper_call_1_next_proof`.
public fun keeper_call_1_next_proof(): vector<u8> {
    x"453336bdcae34db1c8d2315b1047c841789437bdb99c206346acc5213ad1c3b2918ea551e3312954728ee8b196c2f2f6d2704c82211b853d80b8f6288127f5a5fb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_call_1_position`.
public fun keeper_call_1_position(): vector<u8> { x"0100000000000000" }

/// `keeper_answers` vector `keeper_call_1_proof`.
public fun keeper_call_1_proof(): vector<u8> {
    x"e545d56d794c1a4d738dbbf10c0de498fbf6d2957896800aa591e0d2a117fb65918ea551e3312954728ee8b196c2f2f6d2704c82211b853d80b8f6288127f5a5fb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_call_2_branch`.
public fun keeper_call_2_branch(): vector<u8> {
    x"2b73dde903deb0aa3c1f3648845086017d3960839c2bbd3b2ca565b22eee1629d8ad296352ff55f2e519a4fb196f1b6826121982b46766b3b2f63e585119a404"
}

/// `keeper_answers` vector `keeper_call_2_coinbase`.
public fun keeper_call_2_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000007ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_call_2_header`.
public fun keeper_call_2_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba929b06874bf8aead234e551629b5466632d1ae08fc552caabc95d9a38d25e41f0a52e24e68043a021726000000"
}

/// `keeper_answers` vector `keeper_call_2_next_header`.
public fun keeper_call_2_next_header(): vector<u8> { x"" }

/// `keeper_answers` vector `keeper_call_2_next_proof`.
public fun keeper_call_2_next_proof(): vector<u8> { x"" }

/// `keeper_answers` vector `keeper_call_2_position`.
public fun keeper_call_2_position(): vector<u8> { x"0300000000000000" }

/// `keeper_answers` vector `keeper_call_2_proof`.
public fun keeper_call_2_proof(): vector<u8> {
    x"dde5ccb70c9ecd631663c26f59fc9ae31ee2b78d9ae0e049a7a1f7a18389f8625e87e9ac735bb01822339d1c56e500e2a9c0f004b651bbc0b67af9db1b40e0ef781d8e3a4654ba5bc16e64a86df574380b21f56a85670b19593f4f10257b4997eec60a0fe3588080a883a4ba4990ef4f299d4a396b0a69dbdce7b5bfc6020612"
}

/// `keeper_answers` vector `keeper_call_3_branch`.
public fun keeper_call_3_branch(): vector<u8> {
    x"2b73dde903deb0aa3c1f3648845086017d3960839c2bbd3b2ca565b22eee1629d8ad296352ff55f2e519a4fb196f1b6826121982b46766b3b2f63e585119a404"
}

/// `keeper_answers` vector `keeper_call_3_coinbase`.
public fun keeper_call_3_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d0000000cffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_call_3_header`.
public fun keeper_call_3_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92e59e281cb887c6645ff5027e8cb53abf81bd61a27c55dc643067a791ef7d0d2be8e24e68043a02170f000000"
}

/// `keeper_answers` vector `keeper_call_3_next_header`.
public fun keeper_call_3_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba923e39a42fc25737a4daeeb0ecd15fe813cf9dc84a92c6d255e9dd94fdca6912e08ee24e68043a021713000000"
}

/// `keeper_answers` vector `keeper_call_3_next_proof`.
public fun keeper_call_3_next_proof(): vector<u8> {
    x"b61058319d6501f410749843d91d2fe08fc03680773babfe3407bc1d4a2d5f5a7770d85394c4febe1ac0da9d97eebd6c205576357a70bd191ba61eedec85c31dfb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_call_3_position`.
public fun keeper_call_3_position(): vector<u8> { x"0400000000000000" }

/// `keeper_answers` vector `keeper_call_3_proof`.
public fun keeper_call_3_proof(): vector<u8> {
    x"a3d5c8d8d62761f0474d8841918579e44fe73fc90b3e04929e4d823763e01c277770d85394c4febe1ac0da9d97eebd6c205576357a70bd191ba61eedec85c31dfb25c19029c0da2ab78e1c79cb090a560d3fb333df383474c65c4ee5326d6dd8c8eccf68a603bad6faf403f38dbf5110a924cf76d7ca952672d4864349a2bc92"
}

/// `keeper_answers` vector `keeper_challenge_calls`.
public fun keeper_challenge_calls(): vector<u8> { x"0400000000000000" }

/// `keeper_answers` vector `keeper_challenge_samples`.
public fun keeper_challenge_samples(): vector<u8> {
    x"0500000000000000020000000000000005000000000000000f0000000000000000000000000000000200000000000000"
}

/// `keeper_answers` vector `keeper_duplicated_answer_coinbase`.
public fun keeper_duplicated_answer_coinbase(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d080a0b0c0d00000004ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `keeper_answers` vector `keeper_duplicated_answer_header`.
public fun keeper_duplicated_answer_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9295aa1a40f3432e83eaeafd440518c63b914efe627a4570f6829a22f209a897dff8e14e68043a021709000000"
}

/// `keeper_answers` vector `keeper_duplicated_answer_next_header`.
public fun keeper_duplicated_answer_next_header(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9295aa1a40f3432e83eaeafd440518c63b914efe627a4570f6829a22f209a897dff8e14e68043a021709000000"
}

/// `keeper_answers` vector `keeper_duplicated_answer_next_proof`.
public fun keeper_duplicated_answer_next_proof(): vector<u8> {
    x"3cab568c066aac94a15fff839de54572163cf8e0a2f0bd9e14b1e77c76d229a048f470f8820371718a6db032a71ec9649317d3ab333625aa076a1ec31a6f17c8806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274e58b4482873d5e84863bd71f81f1533ed4704ade67cc2670c21d05725f0cc51025e068af4ebc377343a0078a2f5fe15399c1a27dca65d5dc80da0dded9fd82c60"
}

/// `keeper_answers` vector `keeper_duplicated_answer_proof`.
public fun keeper_duplicated_answer_proof(): vector<u8> {
    x"889a376b4ba6219a0e33cedcb690f07aa522d80669f5a89243e73d67396d681b86305f56e3126042f1f0a4c6613c474f31c89237fe32718a01d2608951f3ed36806af1c10596c49f90b63f7e7eaccb3df81ea7006cc3b1c65962748e8975274e58b4482873d5e84863bd71f81f1533ed4704ade67cc2670c21d05725f0cc51025e068af4ebc377343a0078a2f5fe15399c1a27dca65d5dc80da0dded9fd82c60"
}

/// `keeper_answers` vector `keeper_duplicated_count`.
public fun keeper_duplicated_count(): vector<u8> { x"1100000000000000" }

/// `keeper_answers` vector `keeper_duplicated_index`.
public fun keeper_duplicated_index(): vector<u8> { x"0500000000000000" }

/// `keeper_answers` vector `keeper_duplicated_root`.
public fun keeper_duplicated_root(): vector<u8> {
    x"6180b419b73140a3aedee4c7df3a297c92e41702e397f3ded9ad5c8d8ae97ac4"
}

/// `mainnet_headers` vector `mainnet_hash_dec_2010`.
public fun mainnet_hash_dec_2010(): vector<u8> {
    x"45dc58743362fe8d8898a7506faa816baed7d391c9bc0b13b0da000000000000"
}

/// `mainnet_headers` vector `mainnet_hash_genesis`.
public fun mainnet_hash_genesis(): vector<u8> {
    x"6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000"
}

/// `mainnet_headers` vector `mainnet_hash_jan_2009`.
public fun mainnet_hash_jan_2009(): vector<u8> {
    x"e770c2a77c47cfc24caf6edfeccbd4ef242269752e1da6b240a2c5b000000000"
}

/// `mainnet_headers` vector `mainnet_header_dec_2010`.
public fun mainnet_header_dec_2010(): vector<u8> {
    x"0100000079cda856b143d9db2c1caff01d1aecc8630d30625d10e8b4b8b0000000000000b50cc069d6a3e33e3ff84a5c41d9d3febe7c770fdcc96b2c3ff60abe184f196367291b4d4c86041b8fa45d63"
}

/// `mainnet_headers` vector `mainnet_header_genesis`.
public fun mainnet_header_genesis(): vector<u8> {
    x"0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c"
}

/// `mainnet_headers` vector `mainnet_header_jan_2009`.
public fun mainnet_header_jan_2009(): vector<u8> {
    x"010000004ddccd549d28f385ab457e98d1b11ce80bfea2c5ab93015ade4973e400000000bf4473e53794beae34e64fccc471dace6ae544180816f89591894e0f417a914cd74d6e49ffff001d323b3a7b"
}

/// `shares` vector `shares_branch`.
public fun shares_branch(): vector<u8> {
    x"2b73dde903deb0aa3c1f3648845086017d3960839c2bbd3b2ca565b22eee1629d8ad296352ff55f2e519a4fb196f1b6826121982b46766b3b2f63e585119a404"
}

/// `shares` vector `shares_coinbase1`.
public fun shares_coinbase1(): vector<u8> {
    x"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff0d03a0bb0d08"
}

/// `shares` vector `shares_coinbase2`.
public fun shares_coinbase2(): vector<u8> {
    x"ffffffff01205fa01200000000160014b21130b668d3c656a981379fd595f55e1835a61600000000"
}

/// `shares` vector `shares_duplicated_extranonce2`.
public fun shares_duplicated_extranonce2(): vector<u8> {
    x"000000cc000000cc000000ca000000ca000000cb000000cb000000ce000000ce000000c8000000c8000000cf000000cf000000cd000000cd000000c9000000c9"
}

/// `shares` vector `shares_duplicated_headers`.
public fun shares_duplicated_headers(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba924934ff9d411484da8843250d2ea3402ab54b330671543699137d996c72cac047f8e14e68043a02172b00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba924934ff9d411484da8843250d2ea3402ab54b330671543699137d996c72cac047f8e14e68043a02172b00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9290bea7dc339f251a52dacebe2f9e003e7860d895a340848b2d5fbd0d0402ef1abce14e68043a02171000000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9290bea7dc339f251a52dacebe2f9e003e7860d895a340848b2d5fbd0d0402ef1abce14e68043a02171000000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92a04e59c1f67931ae84ec72a6f588e3f224d4a5c6ce3efa1abde5f0bc5ad1fa43dae14e68043a02170d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92a04e59c1f67931ae84ec72a6f588e3f224d4a5c6ce3efa1abde5f0bc5ad1fa43dae14e68043a02170d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92e459d5da7c99f0dd637691b953fe859c69e4e41673cff4e2f7e37b43b0af6bc534e24e68043a02172900000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92e459d5da7c99f0dd637691b953fe859c69e4e41673cff4e2f7e37b43b0af6bc534e24e68043a02172900000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92d13e9dc0d6b1af2113dea760daa7e32589f9e860dc6a11db4e444e5c8d28014a80e14e68043a02170a00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92d13e9dc0d6b1af2113dea760daa7e32589f9e860dc6a11db4e444e5c8d28014a80e14e68043a02170a00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92677fc440275e1a3ce594cf2635cdad4e9b5eeb9f95584b55dac5db140548107852e24e68043a02171d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92677fc440275e1a3ce594cf2635cdad4e9b5eeb9f95584b55dac5db140548107852e24e68043a02171d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9274a2fd441e244abae93f55891c7dd9cf5b04e9454190caf61edc6dede2348ce616e24e68043a02170600000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9274a2fd441e244abae93f55891c7dd9cf5b04e9454190caf61edc6dede2348ce616e24e68043a02170600000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba925b00854066e383b7a5b36151581af47ddfc32530ab959943a84e12a2df43cad09ee14e68043a02170700000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba925b00854066e383b7a5b36151581af47ddfc32530ab959943a84e12a2df43cad09ee14e68043a021707000000"
}

/// `shares` vector `shares_duplicated_leaves`.
public fun shares_duplicated_leaves(): vector<u8> {
    x"24da05ed8de118efa3eabec6ee03ad55e6240aeef9bba746d5abc0ee1ebed40224da05ed8de118efa3eabec6ee03ad55e6240aeef9bba746d5abc0ee1ebed4023f00156f202309bec8144f589815b6f0cd9154a4e3b4944eef861dfb739683043f00156f202309bec8144f589815b6f0cd9154a4e3b4944eef861dfb7396830449a1366ccc3910850b894a12fc32df4c76cdf6cdcf7bc15460f868d4dc9cf20449a1366ccc3910850b894a12fc32df4c76cdf6cdcf7bc15460f868d4dc9cf204542ffa3c5122c6979c6d56894903b0b3c3f5d5cfe6c39d72aedd3efc11cbe708542ffa3c5122c6979c6d56894903b0b3c3f5d5cfe6c39d72aedd3efc11cbe7081844b1ba3e199d0029b196d012024f28c44c375c3916f60f57fd57f79e8d640a1844b1ba3e199d0029b196d012024f28c44c375c3916f60f57fd57f79e8d640a5dc52235c56f96d9f8dd5b7ba0594f73940a503a076b660c70184fd5228fc20b5dc52235c56f96d9f8dd5b7ba0594f73940a503a076b660c70184fd5228fc20b7a5bd6e2763103645817f505236190a7f84f3d12550d2d30a260587e9d29be0e7a5bd6e2763103645817f505236190a7f84f3d12550d2d30a260587e9d29be0ed1133211edc1eaacb80a278f8577e0861bf52ef69c786a5c9b4fa1b693c3e80ed1133211edc1eaacb80a278f8577e0861bf52ef69c786a5c9b4fa1b693c3e80e"
}

/// `shares` vector `shares_duplicated_root`.
public fun shares_duplicated_root(): vector<u8> {
    x"47d0919aef7bcadeece6dd975a470bdb73855de9803c4e6d35305f79cf1ded26"
}

/// `shares` vector `shares_extranonce1`.
public fun shares_extranonce1(): vector<u8> { x"0a0b0c0d" }

/// `shares` vector `shares_foreign_pool_extranonce2`.
public fun shares_foreign_pool_extranonce2(): vector<u8> {
    x"0000012c0000013400000131000001380000012f0000013300000132000001390000013a000001360000012e00000137000001300000013b000001350000012d"
}

/// `shares` vector `shares_foreign_pool_headers`.
public fun shares_foreign_pool_headers(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92f668603d9b7b056a62ce92784a4fde1b47a01a0dd17d3a83ba3c9bac951e7e5680e14e68043a02171b00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba926f1ab9ca2195a46ceee9d1de7915b5372384e4363b20e299171bce8c19bc919570e24e68043a02170500000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9277c7cef0a839802ba28a843556b375eed4104c6fd47f922b1d81a80ef7a5327c16e24e68043a02170200000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92c239ba872c2b9af7ff2a7d4170beda9d62405ebc9b66a6f9ee7ab96a6d031506e8e24e68043a02171500000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9293aa01cd91f78381eae068dab2d37be6d024f1ed03a5875c0cd0fb9532ecee41dae14e68043a02170a00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92c861c2c5d0cd92dacb3e9712b0f0283a1a1334a49e3c149ecdfca107df702f1152e24e68043a02170c00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92697862cb3236f9a9c7130a8e26f5a3ac5a3c15335abd2c5fefd752cc7358241334e24e68043a02172400000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9262faa410b1eea027afd07771ebe7c38ec5b89ab686cfffbf042c75d2cfa201ac06e34e68043a02170a00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92293d10bc09ff146b0babc46b0e88381feb1fd23c924c47fe682825babe78176224e34e68043a02171500000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92e261d8b44819e9c7a4e741563e8e9f162c56bd7bd502652b965773e2a9c1d509ace24e68043a02171700000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92c637b5179a57689043656100b0d595ec441c8b28b33c304eb1673c05c35d10debce14e68043a02171f00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92c1f37cc4b4375416792290669b06c358d40faa8ced5528703c1d076b1e4c03b9cae24e68043a02170700000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba929018ce48ce2a65f110fd593f9b29808b49a7fc2f4eceb5e46da30ed76cb3ce8df8e14e68043a02171900000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba927bbe8c0efd098a8e92acddf335678d997f71c7e0ad57530f6a3ecb93b4428b3d42e34e68043a02170500000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9227bc46714563552d0535cd8d437d5eec4621ae1c5da12f7bd87df5da4bd1ce3c8ee24e68043a02170c00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9288c1d5c5d6c4d9bd4d9ca2ae18427fdb6db82ed843bd14e705fa2b8b743875049ee14e68043a021734000000"
}

/// `shares` vector `shares_foreign_pool_leaves`.
public fun shares_foreign_pool_leaves(): vector<u8> {
    x"187040d82976c6b815affd045ccbd4b9657c8da3a71dcb4b4cb750e59ea1850318579ff3e0ced4b7d6a173db788dbb10374604dee0f55c936515f13634b98503fadc78a7d2e72c3d2bbe6d53eae210b45c0b76e891f7d0fd54f832681b27af0683f88e0c00a5675698292e6cc6ccaa147e961a03605b95d9abdbee7eee07d107d6a33b668bd99ed67a4e5cbce9122791294d2e98c33b2b918ea00040a28a4e0838469fd8566ff429f9dbc8b05626a6942a03520a9d83fe4b589a80ea8ecb130993df4af5df9fd7ae496d043040a5352567fda755e15d328f81abd7a033733609645c0d080d95a6d5572819b1f1b841b2b132c0142f6b2b090b518bd2df508009a626f3c90e9d9d3cddfac44e89ba46a21ee8ca910f65e4bcc0aaa0c38fc5050a3c43ac548206e1b470532ad28463f70fedf2cb73d7ed2ceb8edfe75a4505ce0afa2639d8e5b044c1a103827b3fbba09a31b89ce8bed50d9221fb32125875680bbe491e7f81c2fc1a7c1eb82eb8d4a7fb43d75be145377eed77c4938eb6be940b7a152f6e7931d5ba8106dc525cf68268426ca320fc8f7a38bdc6d7049f21df0bbe8fa3f9e42e6a28773c7499ee7f51e40e8da0c38a93e03fe3398b2033cbe50cb3ef195d9b94a1a59e6cfaf513f9bea9430f56da58e7c0754dafd97ab326df0d14b2c1e4f54ed194a1aa7edca16c4868b1651ed6229e528563b2ce965f38250f"
}

/// `shares` vector `shares_foreign_pool_root`.
public fun shares_foreign_pool_root(): vector<u8> {
    x"a1187650ad4459f6980d9616d79b21bf3acb762402ac8ee49bcb8135da30aaa6"
}

/// `shares` vector `shares_half_fake_extranonce2`.
public fun shares_half_fake_extranonce2(): vector<u8> {
    x"00000000000000000000000000000000000000000000000000000000000000000000006b0000006500000068000000660000006a000000640000006900000067"
}

/// `shares` vector `shares_half_fake_headers`.
public fun shares_half_fake_headers(): vector<u8> {
    x"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92d371d697a101af5422ea658d2d77f484073d104c67876964f1040bfc9978cc5c52e24e68043a02170900000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba921cf0e0956e49bbf71092d64780ab9c97365226156130e3f0ae4bc5b8639f94d69ee14e68043a02170700000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92b8e0ca217b25c07e660ea4f9545ca1d124272d045c3946345d1c78e26637bb37f8e14e68043a02170600000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba928a47a6947fbdb73a4899392188bd48c5a8ab977fd504c40da6c24fbd7943a39abce14e68043a02171900000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92574354a5d5e1194a4f4b3628565aa3651b5b2f8eaa89274dd97be5153ad4738c34e24e68043a02170d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba928b36c2a9865975de49e38adf7dfd464e54a910bd40bbe7ee6b596f13772333ca80e14e68043a02171100000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92debe3222d4136d0965e44ca1ba1ada91eb7e0953d99b99df82183267bdfef6b316e24e68043a02171e00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92927874b02d33a027d63ded357e3e55bfdf7109fdd166d5069991bc261296e8d6dae14e68043a021713000000"
}

/// `shares` vector `shares_half_fake_leaves`.
public fun shares_half_fake_leaves(): vector<u8> {
    x"83094ade4ba902958756d287035818a594d209ca4f9f7e89e41c63e4f3ff35002da29da3b5e06e81edf53a165df58730d307782b1a207fb767a09d1dcb7d7100a07f2aa46c3a4fa2a4a6f4fe3ae88a967a10819954887f9979af56065f66a600b53262c472b9d47435672568b1d765b02d622802a2f4b5d021755d305a0cb1004a68e00a28d9791d5215dd5277b1c8908cbc1dd10f885a9204316a26dae8d6006d4bf7166c314809facca573eff0cba058902f4af03cc36b8188327490bbe6003cec74d084fea86e18e7ba542e57280024f9e84105ade3645de9427c14b8f900fee9e4666747e68b6d61e4d55a1d6f67d9d46b3663b99cd245738bf8e249fd003718aba7a6b9c7a43e72b0b5bc49999b60ac36a0a58bcaa8d4fac3accd529102681e5b87139a411a7ddddf3a74f9bb64bf2d69db68a2e58ab1be5bd3b2acab0277927069340e182a2b614b6e7701ca15971ec41a9d3b6e51d43be415e2e1eb03b878ca9ef0fa351414186480b834c733913c6244b18c24d9bfcf319791a3aa04400690e4215eae81caff67ff833d0e17e77b78436cd67068e131de75f68f6905aaef940db94d846e58ffe47aad5afd6a9669bf658f1b4517bd8879a8055eda057538b94936d9d070acaba454cb8ec1f6e3dab98d48adc558f96a0f484c593a0bee9c3acf7e5adcc6268b5883448a326e56b74b408461296b8fcea9494429ed0f"
}

/// `shares` vector `shares_half_fake_root`.
public fun shares_half_fake_root(): vector<u8> {
    x"7ddc0316f06077a301d0a04113b2586ce9d62eb28aacb7eebfa0ccd3100728ed"
}

/// `shares` vector `shares_honest_extranonce2`.
public fun shares_honest_extranonce2(): vector<u8> {
    x"0000000c00000009000000030000000100000008000000040000000b00000002000000000000000e00000005000000060000000f0000000a0000000d00000007"
}

/// `shares` vector `shares_honest_headers`.
public fun shares_honest_headers(): vector<u8> {
    x"00600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92e59e281cb887c6645ff5027e8cb53abf81bd61a27c55dc643067a791ef7d0d2be8e24e68043a02170f00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba923e39a42fc25737a4daeeb0ecd15fe813cf9dc84a92c6d255e9dd94fdca6912e08ee24e68043a02171300000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9280aed8ea1b701281ddd5f053aec8e9935bbba113a2ea5aed1a49c553a9e80d38dae14e68043a02170400000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92f86be0623a1111795637a0d3e867aa580acc8b59ca973831d6c696cda6135fab9ee14e68043a02170b00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92b008a4ee1233a62a495e1b59f33319148082d4093ab81a52fdef20c52bc32f1c70e24e68043a02171800000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9295aa1a40f3432e83eaeafd440518c63b914efe627a4570f6829a22f209a897dff8e14e68043a02170900000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92093560959a674d42c1854a051c22950809bba7b408e7ff94e240fc3ff46268decae24e68043a02170600000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba925d4de5ed1016d79f0f4e1922bfa9be53570da4c4dd765d2c92e2d6706d98953abce14e68043a02170d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba927a8b0b2139f6473e3160bae39647ad4d6bbf1cd6729ad859264cb87e69380eb180e14e68043a02173b00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba920c0f568ee297061ca5e8189dc6fcbb5c100563a04fbe52b08608a2d7f119b31d24e34e68043a02170100000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba928ec3d7dcc6cd95cf69aaeb43c4d66b14b6e437989285eb626b6aee6a4d4d652e16e24e68043a02170300000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9232d9bb9c90163c5547a4ef270f6ef66c4286c499a0439800a8f060a3c78e458234e24e68043a02170d00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9290b298c14132b2fc96c2a44e5d04323e88185254e1f87df307916e0c94a6da2842e34e68043a02170600000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba920b3a955dad42acb95ae32bcba4ad723aa6bfca8cf97b47d40b832b4b4a280e0bace24e68043a02170800000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba9293ae163a1ca21cdeb0e762107a12399441d0de18fcd6cea3b84ab4949f8b47d306e34e68043a02171f00000000600020d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba929b06874bf8aead234e551629b5466632d1ae08fc552caabc95d9a38d25e41f0a52e24e68043a021726000000"
}

/// `shares` vector `shares_honest_leaves`.
public fun shares_honest_leaves(): vector<u8> {
    x"a288dfc1da90818e52957a0bab84d5e63568619fb10ee876103b91c38dbf3b004d2f6927a83dff9d524e3fb4991db9f394522105552fda91021c55a28e585700a708c793a900a42be7362db71f6731a47dd94d7885da9e7cf8af147a1c993c03fabd099caccce91504c164582f960eee8635b13cb9697513bb9ad940e163db04417b98a7140dc94bd40f27c93f8fdbdca7fdfc520559a1d435c898f815536605f64b047573c830aef516a887103dce1526d1fdca3b89642a4cb1929f9c0201069a1943674c928162f153efd576e5acfaee9c0a7f45a2e34d960e67ae51925f06aac91f7c0720242b9c561927a663ff50817d31cf36c96697c5b38036f3b8ed06ad9bd05718c0c501a7c1c8f591bd6645e3b0c7dd98d0ab6911cd913e153a9d07afea0bcb0de6878897cc6b0eed4a23e18a19e7a41d0c5595f0eacbe4d94c470849c7e7643a892690ce55ba29cdbadc545a25032ec518cc663e5425aedb37f908e5a68ffe3323ac2f20ccb7aa9762e60407453cd67e26369ed0ae736d1a117a092f6e6934e91342956f2294e7649b5b439819c32b1916fdb2767dc7ed794198098168a06b540372db5abf0af0499ae6d2a4c55d85e5ea9bcf5b396fce1f9ada0a293a078da78d7abc5df782a814f7bd8c0e16d1b63660587aec8f0dd7a237bb0dec1a80361774f6b0b37a8afe76600073d3b2c8ae8fdb4001a0fa510e450a290f"
}

/// `shares` vector `shares_honest_root`.
public fun shares_honest_root(): vector<u8> {
    x"b3443110c5da7e9675c1bc9cd02a920668f0f83eaa879820eb928baf72addba7"
}

/// `shares` vector `shares_old_tip`.
public fun shares_old_tip(): vector<u8> {
    x"1a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f"
}

/// `shares` vector `shares_old_tip_extranonce2`.
public fun shares_old_tip_extranonce2(): vector<u8> {
    x"0000019d0000019c000001900000019a00000199000001920000019f000001950000019e0000019800000193000001940000019b000001910000019700000196"
}

/// `shares` vector `shares_old_tip_headers`.
public fun shares_old_tip_headers(): vector<u8> {
    x"006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142fe821060de8ae9ad3a7d4c7e9199b0439c7a4fe8c1d5684d4e52e471a85bdf43106e34e68043a021702000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142fd663c03acb109d858deb626da8366af2174480e7bf0730ed1479a4e389e85323e8e24e68043a021706000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f3a88ca701173001d8f9eb499bfb7f2d2a8019cec95bca436d66b19e6425943cf80e14e68043a021716000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f3c85a7a7f6fc5403271858f05cc3b1d3c4816c8dc351ddef0e6d27558d2dcb02ace24e68043a021707000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f1d30c8e0b210c0a8e5be38c2a0353b0655de8c7349db7d46873de0291b6ff6ed8ee24e68043a021707000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f05c2673e0379848934f43909c19eab3f71922a411a9aaaf197098f114de9bea8bce14e68043a021706000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f8ad9301b9409d4c0c9b490f4ecce5807664be530c6f09cb0fc5af82405b0bddd42e34e68043a02171d000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f99d5b53ec02f3cb6cc980f20a7909196ec6230abc4e24c95115ed3c275400ccd16e24e68043a021705000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f67c0566c1197d54b09eaee2a755d8a424a5675022866c7cfdd8d6ec08eb640ad24e34e68043a021718000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f700de0f1e91fe6398f3609f6c9248885ffe936b78b3cb8bcad610e0740bb573d70e24e68043a021700000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f84bca9289dbfb0ec7e3f45ba32af2ef028658edcf886fd3463dfc614af2d5cb7dae14e68043a021729000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142fd7d72d21c63eb2980e4ff37ada4bf59419609f5633646a5afa8c22ad3cd128e5f8e14e68043a02170d000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142fb133f0f236f252d855aaacfe8e2fd15b6bff2206c3b4e2338075e53b945d237ccae24e68043a02172d000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142fe24c0a2d19c40f6b559d0bf428100bbccc6decbf62cb02fbd43e239b12eedcc59ee14e68043a021700000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f9b775c97c48ff3f57029c95b46255a20ae6beb4c8b6a8c169fff639584b976c752e24e68043a021700000000006000201a975908935a2e61a4eeadee4a91f57c86f8e363be21fa93e42a6689a206142f0db50fb58068642246e3daa3987e0785ffc7ad09da12fc73e0f2397fc86779cf34e24e68043a021726000000"
}

/// `shares` vector `shares_old_tip_leaves`.
public fun shares_old_tip_leaves(): vector<u8> {
    x"e9b702cc9186fcff30b4bb7ab2189fb1475e1fffcb115fbbc7fa3097902fa502e20bf7f6e769ecfc0afbdd13bce4a288ae51bf3d29307c623eeb6e403bb2fb0265fd5a5b7c06ebe8553b305beec845dc3a4962679ad4d91bd4c7cbc0bc1a650330318b24919afaa782a06498303f53dc018474faf1ee2a2046434679d9ab480577a416c6be37af7fa0b1b6ae31a7df8725bbbdd69efbe5786d68d980f09fbd062bb83a70dc0f9484bfe9b3b9c7b4c6a2cd8fd6f9cfe7397e2c124ddde9024c07215ff752c5029e781f8b2f8d1b349f222ba9dc718374b8b8622ff0b28ab4cf072f2e1ffb00b125757ef74b53be630fc3dbfa1358ad3ab4d7baa6675097b80109b90d1dd9a13e424f3fadf6396165a08a5b266bf9f5dc83ebd2d40bb97498dd09cb664fb05cb05cc2936dd103a6a4606c14bd2ccc14da278255c6edb8bab62a0c6eb09eefb2435071ae01749212546d5acd8d73433ea1723c7962b4afce61390c16adad1bac20059a4d10460c9232ef134cda575f40974b014e7808ff2a11050e93a78bee4c47844bf600c8b1b81950dd13b1679561fbb1bb18efb3a4e1380a0e517db28c72db8fcec5ab1170ab3e88a27048c7d57f8ea3b00921d42dbc663f0e22bc8251d60dfebb4ce9140ddd0b1488d734c005ba2355ddd61ebd78d1fa130f897816a347e5382ca74c47de5dcbe5205e37ff267d851d36db6853ea1799b80f"
}

/// `shares` vector `shares_old_tip_root`.
public fun shares_old_tip_root(): vector<u8> {
    x"3da39535d44be30912b282fd754b3cd6b0a24571954b28dcd5447d05d4454a2f"
}

/// `shares` vector `shares_other_pool_coinbase2`.
public fun shares_other_pool_coinbase2(): vector<u8> {
    x"ffffffff01205fa012000000001600143275bee4eefdccbf1150249af6b756ea3e94198f00000000"
}

/// `shares` vector `shares_pool_payout`.
public fun shares_pool_payout(): vector<u8> { x"0014b21130b668d3c656a981379fd595f55e1835a616" }

/// `shares` vector `shares_tip`.
public fun shares_tip(): vector<u8> {
    x"d8feb14fad1b48231169309d778d06b198ed572d3c598cb7b20ffc36c00eba92"
}
