#[test_only]
module aihash::pow_tests;

use aihash::golden;
use aihash::pow;
use std::unit_test::assert_eq;
use sui::bcs;

/// A retarget period from Debian's python3-electrum checkpoints.json: the hash of its last block
/// (display order, as a number) and the target that governed it (the previous entry's target).
public struct Period has copy, drop {
    last_hash: u256,
    target: u256,
}

/// A representative subset of the 371 mainnet periods: the first, the first retarget, one from
/// each era since, the smallest target ever, and the last. The Rust test checks all of them.
fun mainnet_periods(): vector<Period> {
    vector[
        Period {
            last_hash: 0x00000000693067b0e6b440bc51450b9f3850561b07f6d3c021c54fbd6abb9763,
            target: 0xffff0000000000000000000000000000000000000000000000000000,
        }, // period 0, blocks 0-2015
        Period {
            last_hash: 0x000000005e36047e39452a7beaaa6721048ac408a3e75bb60a8b0008713653ce,
            target: 0xd86a0000000000000000000000000000000000000000000000000000,
        }, // period 16, blocks 32256-34271
        Period {
            last_hash: 0x0000000000025afe84e27423011af25f777e5a94545dbd00fd04bebe9050f7dd,
            target: 0x4864c000000000000000000000000000000000000000000000000,
        }, // period 49, blocks 98784-100799
        Period {
            last_hash: 0x000000000000022fc7f2a5c87b2bab742d71c4eb662d572df33f18193d6abf0e,
            target: 0x57e080000000000000000000000000000000000000000000000,
        }, // period 100, blocks 201600-203615
        Period {
            last_hash: 0x00000000000000000401800189014bad6a3ca1af029e19b362d6ef3c5425a8dc,
            target: 0x692842000000000000000000000000000000000000000000,
        }, // period 150, blocks 302400-304415
        Period {
            last_hash: 0x0000000000000000034656c96781091b5fbc799c881ea85b41cba0b88128eff7,
            target: 0x6a4c3000000000000000000000000000000000000000000,
        }, // period 200, blocks 403200-405215
        Period {
            last_hash: 0x0000000000000000006a8957cbd52c2038861514f106f7f9f76392d5cb83fd4c,
            target: 0x7e578c0000000000000000000000000000000000000000,
        }, // period 250, blocks 504000-506015
        Period {
            last_hash: 0x000000000000000000067b904af747b653ba448a79779f7846bf1ea5537b8a4d,
            target: 0x15b23e0000000000000000000000000000000000000000,
        }, // period 300, blocks 604800-606815
        Period {
            last_hash: 0x00000000000000000008b5ffa0ae1b604dd27bf4af84602ea53f7920320a3c96,
            target: 0x901ba0000000000000000000000000000000000000000,
        }, // period 365, blocks 735840-737855
        Period {
            last_hash: 0x00000000000000000001095f6deb27964f80c74f38217a32044c20265e0f40e3,
            target: 0xa2a040000000000000000000000000000000000000000,
        }, // period 370, blocks 745920-747935
    ]
}

// === Hashing ===

#[test]
fun sha256d_of_genesis_header_is_genesis_hash() {
    assert_eq!(pow::sha256d(golden::mainnet_header_genesis()), golden::mainnet_hash_genesis());
}

#[test]
fun sha256d_of_empty_input() {
    // sha256(sha256("")), a standard test value.
    assert_eq!(
        pow::sha256d(vector[]),
        x"5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456",
    );
}

#[test]
fun hash_reads_little_endian() {
    let mut hash = vector::tabulate!(32, |_| 0u8);
    *&mut hash[0] = 1;
    assert_eq!(pow::hash_to_u256(hash), 1);
    *&mut hash[31] = 0x80;
    assert_eq!(pow::hash_to_u256(hash), (1u256 << 255) + 1);
}

#[test, expected_failure(abort_code = pow::EHashLength)]
fun hash_of_wrong_length_aborts() {
    pow::hash_to_u256(x"00");
}

// === Compact bits ===

#[test]
fun genesis_bits_expand_to_difficulty_1_target() {
    let target = pow::bits_to_target(0x1d00ffff);
    assert_eq!(target, 0xffff << 208);
    assert_eq!(pow::target_to_difficulty(target), 1);
    assert_eq!(pow::target_to_bits(target), 0x1d00ffff);
}

#[test]
fun small_exponents_shift_the_mantissa_right() {
    assert_eq!(pow::bits_to_target(0x01123456), 0x12);
    assert_eq!(pow::bits_to_target(0x02123456), 0x1234);
    assert_eq!(pow::bits_to_target(0x03123456), 0x123456);
    assert_eq!(pow::bits_to_target(0x04123456), 0x12345600);
    assert_eq!(pow::target_to_bits(0x12), 0x01120000);
    assert_eq!(pow::target_to_bits(0x1234), 0x02123400);
}

#[test]
fun zero_mantissa_is_zero_target_whatever_the_exponent() {
    assert_eq!(pow::bits_to_target(0x00000000), 0);
    assert_eq!(pow::bits_to_target(0xff000000), 0);
    assert_eq!(pow::target_to_bits(0), 0);
}

#[test]
fun set_high_bit_moves_into_the_exponent() {
    // 0x80 as the top mantissa byte would read as a sign bit, so GetCompact widens the exponent.
    assert_eq!(pow::target_to_bits(0x80), 0x02008000);
    assert_eq!(pow::bits_to_target(0x02008000), 0x80);
    assert_eq!(pow::target_to_bits(1 << 255), 0x21008000);
    assert_eq!(pow::bits_to_target(0x21008000), 1 << 255);
}

#[test]
fun largest_encodable_targets() {
    assert_eq!(pow::bits_to_target(0x220000ff), 0xff << 248);
    assert_eq!(pow::bits_to_target(0x21007fff), 0x7fff << 240);
    assert_eq!(pow::bits_to_target(0x207fffff), 0x7fffff << 232);
}

#[test, expected_failure(abort_code = pow::ENegativeTarget)]
fun negative_compact_aborts() {
    pow::bits_to_target(0x04923456);
}

#[test, expected_failure(abort_code = pow::ETargetOverflow)]
fun compact_wider_than_256_bits_aborts() {
    pow::bits_to_target(0x23000001);
}

#[test, expected_failure(abort_code = pow::ETargetOverflow)]
fun two_byte_mantissa_at_exponent_34_aborts() {
    pow::bits_to_target(0x22000100);
}

#[test]
fun mainnet_retarget_periods_round_trip_and_meet_their_targets() {
    mainnet_periods().do!(|period| {
        let bits = pow::target_to_bits(period.target);
        assert_eq!(pow::bits_to_target(bits), period.target);
        assert!(period.last_hash <= period.target);
    });
}

#[random_test]
fun compact_keeps_the_three_top_bytes(target: u256) {
    let bits = pow::target_to_bits(target);
    let truncated = pow::bits_to_target(bits);
    assert!(truncated <= target);
    // Exactly the three most significant bytes survive, or two when the third would be read
    // as a sign bit.
    let mut shift = 0u8;
    while ((target >> shift) > 0xffffff) shift = shift + 8;
    if ((target >> shift) > 0x7fffff) shift = shift + 8;
    assert_eq!(truncated, (target >> shift) << shift);
    // A target that came from compact bits survives unchanged.
    assert_eq!(pow::target_to_bits(truncated), bits);
}

// === Difficulty ===

#[test]
fun difficulty_and_target_are_inverse_for_round_difficulties() {
    assert_eq!(pow::difficulty_to_target(1), 0xffff << 208);
    assert_eq!(pow::target_to_difficulty(pow::difficulty_to_target(65536)), 65536);
    // Mainnet block 100,000's era: 0x1b04864c is difficulty 14,484 (rounded down).
    assert_eq!(pow::target_to_difficulty(pow::bits_to_target(0x1b04864c)), 14484);
}

#[test]
fun harder_shares_have_smaller_targets() {
    assert!(pow::difficulty_to_target(1024) < pow::difficulty_to_target(1023));
}

#[test, expected_failure(abort_code = pow::EZeroDifficulty)]
fun zero_difficulty_aborts() {
    pow::difficulty_to_target(0);
}

#[test, expected_failure(abort_code = pow::EZeroTarget)]
fun zero_target_aborts() {
    pow::target_to_difficulty(0);
}

// === Headers ===

#[test]
fun mainnet_headers_hash_to_their_block_hashes_and_meet_their_targets() {
    vector[
        vector[golden::mainnet_header_genesis(), golden::mainnet_hash_genesis()],
        vector[golden::mainnet_header_jan_2009(), golden::mainnet_hash_jan_2009()],
        vector[golden::mainnet_header_dec_2010(), golden::mainnet_hash_dec_2010()],
    ].do!(|pair| {
        let header = pow::header_from_bytes(pair[0]);
        assert_eq!(header.hash(), pair[1]);
        assert_eq!(header.to_bytes(), pair[0]);
        assert!(header.check_pow());
    });
}

#[test]
fun genesis_header_fields() {
    let header = pow::header_from_bytes(golden::mainnet_header_genesis());
    assert_eq!(header.version(), 1);
    assert_eq!(header.prev_block(), vector::tabulate!(32, |_| 0u8));
    assert_eq!(
        header.merkle_root(),
        x"3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a",
    );
    assert_eq!(header.time(), 1231006505);
    assert_eq!(header.bits(), 0x1d00ffff);
    assert_eq!(header.nonce(), 2083236893);
}

#[test]
fun tampered_header_fails_proof_of_work() {
    let mut bytes = golden::mainnet_header_jan_2009();
    // Bump the nonce's low byte: the hash changes and (with overwhelming likelihood, checked
    // here) no longer meets the target.
    *&mut bytes[76] = bytes[76] + 1;
    assert!(!pow::header_from_bytes(bytes).check_pow());
}

#[test]
fun header_claiming_an_easier_target_is_still_checked_against_its_bits() {
    // Raising bits makes the target easier, which changes the header hash too: the claim does
    // not carry over from the original proof of work.
    let mut bytes = golden::mainnet_header_dec_2010();
    *&mut bytes[75] = 0x1d;
    let header = pow::header_from_bytes(bytes);
    assert!(header.hash() != golden::mainnet_hash_dec_2010());
}

/// The genesis header with other bits and nonce.
fun genesis_with(bits: u32, nonce: u32): pow::Header {
    let mut bytes = golden::mainnet_header_genesis();
    let (bits, nonce) = (bcs::to_bytes(&bits), bcs::to_bytes(&nonce));
    4u64.do!(|i| {
        *&mut bytes[72 + i] = bits[i];
        *&mut bytes[76 + i] = nonce[i];
    });
    pow::header_from_bytes(bytes)
}

#[test]
fun hash_meeting_bits_easier_than_the_mainnet_limit_is_no_proof_of_work() {
    // Regtest's bits 0x207fffff with nonce 0: the hash does meet that target...
    let header = genesis_with(0x207fffff, 0);
    assert!(pow::meets_target(header.hash(), header.target()));
    // ...but a target easier than Bitcoin's limit proves nothing.
    assert!(!header.check_pow());
}

#[test]
fun zero_target_header_does_not_hold() {
    assert!(!genesis_with(0x1d000000, 0).check_pow());
}

#[test, expected_failure(abort_code = pow::ENegativeTarget)]
fun header_with_negative_bits_aborts() {
    genesis_with(0x1d80ffff, 0).check_pow();
}

#[test, expected_failure(abort_code = pow::EHeaderLength)]
fun short_header_aborts() {
    pow::header_from_bytes(x"0100");
}

// === Golden vectors ===

#[test]
fun header_layout_matches_golden_bytes() {
    let header = pow::header_from_bytes(golden::mainnet_header_genesis());
    assert_eq!(bcs::to_bytes(&header), golden::pow_header_genesis());
}

#[test]
fun target_layout_matches_golden_bytes() {
    assert_eq!(bcs::to_bytes(&pow::bits_to_target(0x1d00ffff)), golden::pow_target_genesis());
}

#[test]
fun work_of_the_genesis_target_is_the_genesis_chainwork() {
    // Bitcoin Core reports chainwork 0x100010001 for the genesis block (bits 0x1d00ffff).
    assert_eq!(pow::work(pow::bits_to_target(0x1d00ffff)), 0x100010001);
}

#[test]
fun work_of_the_easiest_targets() {
    let max = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff;
    assert_eq!(pow::work(max), 1);
    // Half of all hashes are at or below 2^255 - 1.
    assert_eq!(pow::work(max >> 1), 2);
}

#[test, expected_failure(abort_code = pow::EZeroTarget)]
fun work_of_a_zero_target_aborts() {
    pow::work(0);
}
