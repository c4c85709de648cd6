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
    if (name == b"pow_header_genesis") return pow_header_genesis();
    if (name == b"pow_target_genesis") return pow_target_genesis();
    if (name == b"capacity_challenge_closed") return capacity_challenge_closed();
    if (name == b"capacity_challenge_issued") return capacity_challenge_issued();
    if (name == b"capacity_challenge_object") return capacity_challenge_object();
    if (name == b"capacity_solution_accepted") return capacity_solution_accepted();
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
    if (name == b"registry_created") return registry_created();
    if (name == b"registry_object") return registry_object();
    if (name == b"registry_policy_changed") return registry_policy_changed();
    if (name == b"staking_stake_slashed") return staking_stake_slashed();
    if (name == b"staking_stake_withdrawn") return staking_stake_withdrawn();
    if (name == b"staking_staked") return staking_staked();
    if (name == b"staking_unstake_requested") return staking_unstake_requested();
    if (name == b"treasury_created") return treasury_created();
    if (name == b"treasury_funds_deposited") return treasury_funds_deposited();
    if (name == b"treasury_funds_spent") return treasury_funds_spent();
    if (name == b"treasury_spend_cap") return treasury_spend_cap();
    if (name == b"vesting_claimed") return vesting_claimed();
    if (name == b"vesting_created") return vesting_created();
    if (name == b"vesting_object") return vesting_object();
    if (name == b"mainnet_header_genesis") return mainnet_header_genesis();
    if (name == b"mainnet_hash_genesis") return mainnet_hash_genesis();
    if (name == b"mainnet_header_jan_2009") return mainnet_header_jan_2009();
    if (name == b"mainnet_hash_jan_2009") return mainnet_hash_jan_2009();
    if (name == b"mainnet_header_dec_2010") return mainnet_header_dec_2010();
    if (name == b"mainnet_hash_dec_2010") return mainnet_hash_dec_2010();
    abort EUnknownVector
}

/// `bcs` vector `pow_header_genesis`.
public fun pow_header_genesis(): vector<u8> {
    x"01000000200000000000000000000000000000000000000000000000000000000000000000203ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c"
}

/// `bcs` vector `pow_target_genesis`.
public fun pow_target_genesis(): vector<u8> {
    x"0000000000000000000000000000000000000000000000000000ffff00000000"
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
    x"9a0e57f118b817d7f60599157cad12d788a8562ee5dd1b098b7c25b25bd83f560100000000000000526469643a7375693a6d61696e6e65743a3078396130653537663131386238313764376636303539393135376361643132643738386138353632656535646431623039386237633235623235626438336635360000000000000000000000000000000000000000000000000000000000000b0b0301086b65657065722d3101210208080808080808080808080808080808080808080808080808080808080808080501077374726174756d0f5374726174756d456e64706f696e74217374726174756d2b7463703a2f2f6b65657065722e6578616d706c653a3333333302020000000000000000000000000000000000000000000000000a000000000000000000000000000000000000000000000000204aa9d10100000000000000000000000000000000000000204aa9d10100000000000000000000000000000000000000000000000000000010a5d4e8000000000000000000000000160000000000000000dc20749701000000dc207497010000"
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

/// `mainnet_headers` vector `mainnet_header_genesis`.
public fun mainnet_header_genesis(): vector<u8> {
    x"0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c"
}

/// `mainnet_headers` vector `mainnet_hash_genesis`.
public fun mainnet_hash_genesis(): vector<u8> {
    x"6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000"
}

/// `mainnet_headers` vector `mainnet_header_jan_2009`.
public fun mainnet_header_jan_2009(): vector<u8> {
    x"010000004ddccd549d28f385ab457e98d1b11ce80bfea2c5ab93015ade4973e400000000bf4473e53794beae34e64fccc471dace6ae544180816f89591894e0f417a914cd74d6e49ffff001d323b3a7b"
}

/// `mainnet_headers` vector `mainnet_hash_jan_2009`.
public fun mainnet_hash_jan_2009(): vector<u8> {
    x"e770c2a77c47cfc24caf6edfeccbd4ef242269752e1da6b240a2c5b000000000"
}

/// `mainnet_headers` vector `mainnet_header_dec_2010`.
public fun mainnet_header_dec_2010(): vector<u8> {
    x"0100000079cda856b143d9db2c1caff01d1aecc8630d30625d10e8b4b8b0000000000000b50cc069d6a3e33e3ff84a5c41d9d3febe7c770fdcc96b2c3ff60abe184f196367291b4d4c86041b8fa45d63"
}

/// `mainnet_headers` vector `mainnet_hash_dec_2010`.
public fun mainnet_hash_dec_2010(): vector<u8> {
    x"45dc58743362fe8d8898a7506faa816baed7d391c9bc0b13b0da000000000000"
}
