// Generated from golden/vectors.json by `make golden` (tools/move); edit the JSON, not this file.
#[test_only]
module aihash::golden;

/// `bcs` vector `pow_header_genesis`.
public fun pow_header_genesis(): vector<u8> {
    x"01000000200000000000000000000000000000000000000000000000000000000000000000203ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c"
}

/// `bcs` vector `pow_target_genesis`.
public fun pow_target_genesis(): vector<u8> {
    x"0000000000000000000000000000000000000000000000000000ffff00000000"
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
