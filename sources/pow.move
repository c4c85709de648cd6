/// Bitcoin proof-of-work arithmetic, so the market can check delivered work on chain: double
/// SHA-256, compact `nBits` <-> 256-bit targets, pool difficulty <-> target, block headers and
/// their proof-of-work check.
///
/// Hashes are kept in Bitcoin's internal byte order (the order `sha256d` returns; block explorers
/// print them reversed). Targets and hash values are `u256` read little-endian from those bytes.
module aihash::pow;

use std::hash::sha2_256;
use sui::bcs;

// === Errors ===

#[error]
const EHeaderLength: vector<u8> = b"a Bitcoin block header is exactly 80 bytes";
#[error]
const EHashLength: vector<u8> = b"a SHA-256 hash is exactly 32 bytes";
#[error]
const ENegativeTarget: vector<u8> =
    b"compact bits have the sign bit set, so the target would be negative";
#[error]
const ETargetOverflow: vector<u8> = b"compact bits encode a target that does not fit in 256 bits";
#[error]
const EZeroTarget: vector<u8> = b"a target of zero has no difficulty";
#[error]
const EZeroDifficulty: vector<u8> = b"a difficulty of zero has no target";

// === Constants ===

/// Length of a serialized block header.
const HEADER_LENGTH: u64 = 80;
/// Length of a SHA-256 hash.
const HASH_LENGTH: u64 = 32;
/// The target of difficulty 1 (`0x00000000ffff` followed by 26 zero bytes), both for the network
/// difficulty and for the share difficulty pools send with `mining.set_difficulty`.
const DIFFICULTY_1_TARGET: u256 = 0xffff << 208;
/// Bitcoin Core's mainnet `powLimit` (`2^224 - 1`): no valid block header has an easier target.
const MAINNET_POW_LIMIT: u256 = (1 << 224) - 1;
/// The largest u256.
const MAX_U256: u256 = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff;
/// The sign bit of a compact target's mantissa.
const COMPACT_SIGN_BIT: u32 = 0x0080_0000;
/// The mantissa bits of a compact target.
const COMPACT_MANTISSA_MASK: u32 = 0x007f_ffff;

// === Types ===

/// A Bitcoin block header, decoded from its 80-byte serialization.
public struct Header has copy, drop, store {
    version: u32,
    /// Hash of the previous block, internal byte order.
    prev_block: vector<u8>,
    /// Merkle root of the block's transactions, internal byte order.
    merkle_root: vector<u8>,
    /// Block time, seconds since the Unix epoch.
    time: u32,
    /// The block's target in compact form.
    bits: u32,
    nonce: u32,
}

// === Hashing ===

/// Bitcoin's hash: SHA-256 applied twice.
public fun sha256d(data: vector<u8>): vector<u8> {
    sha2_256(sha2_256(data))
}

/// Reads a 32-byte hash as the little-endian number that is compared with targets.
public fun hash_to_u256(hash: vector<u8>): u256 {
    assert!(hash.length() == HASH_LENGTH, EHashLength);
    bcs::new(hash).peel_u256()
}

// === Targets and difficulty ===

/// Expands compact `nBits` into the 256-bit target, as Bitcoin Core's `SetCompact` does, aborting
/// where Core would flag the value as negative or overflowing.
public fun bits_to_target(bits: u32): u256 {
    let exponent = (bits >> 24) as u8;
    let mantissa = bits & COMPACT_MANTISSA_MASK;
    if (mantissa == 0) return 0;
    assert!(bits & COMPACT_SIGN_BIT == 0, ENegativeTarget);
    if (exponent <= 3) return (mantissa >> (8 * (3 - exponent))) as u256;
    assert!(
        exponent <= 34 && (mantissa <= 0xff || exponent <= 33) && (mantissa <= 0xffff || exponent <= 32),
        ETargetOverflow,
    );
    (mantissa as u256) << (8 * (exponent - 3))
}

/// Compresses a target into compact `nBits`, as Bitcoin Core's `GetCompact` does. Only the three
/// most significant bytes survive, so `bits_to_target(target_to_bits(t)) <= t`, with equality for
/// every target that came from compact bits.
public fun target_to_bits(target: u256): u32 {
    let mut size = byte_length(target);
    let mut mantissa = if (size <= 3) {
        ((target as u32) << (8 * (3 - size)))
    } else {
        ((target >> (8 * (size - 3))) as u32)
    };
    // The top mantissa bit is a sign bit: move a set bit into the exponent instead.
    if (mantissa & COMPACT_SIGN_BIT != 0) {
        mantissa = mantissa >> 8;
        size = size + 1;
    };
    mantissa | ((size as u32) << 24)
}

/// Difficulty of a target relative to difficulty 1, rounded down.
public fun target_to_difficulty(target: u256): u256 {
    assert!(target != 0, EZeroTarget);
    DIFFICULTY_1_TARGET / target
}

/// The share target for a pool difficulty (`mining.set_difficulty`), rounded down.
public fun difficulty_to_target(difficulty: u64): u256 {
    assert!(difficulty != 0, EZeroDifficulty);
    DIFFICULTY_1_TARGET / (difficulty as u256)
}

/// The share target for a share difficulty in 32.32 fixed point (`difficulty × 2^32`, which is
/// also the work in hashes a share is credited with), rounded down. Fixed point admits the
/// fractional difficulties of test miners; `share_target(d << 32) == difficulty_to_target(d)`.
public fun share_target(difficulty_fp: u128): u256 {
    assert!(difficulty_fp != 0, EZeroDifficulty);
    (DIFFICULTY_1_TARGET << 32) / (difficulty_fp as u256)
}

/// The expected number of hashes needed to find a hash at or below `target`, `2^256 / (target + 1)`
/// rounded down, as Bitcoin Core's `GetBlockProof` computes a block's work.
public fun work(target: u256): u256 {
    assert!(target != 0, EZeroTarget);
    // 2^256 does not fit in a u256; `~target / (target + 1) + 1` is the same quotient.
    if (target == MAX_U256) return 1;
    (target ^ MAX_U256) / (target + 1) + 1
}

/// Whether a hash (internal byte order) meets a target.
public fun meets_target(hash: vector<u8>, target: u256): bool {
    hash_to_u256(hash) <= target
}

/// The merkle root of a block whose first transaction (the coinbase) hashes to `coinbase_hash`,
/// given the Stratum merkle branch: the sibling hashes on the coinbase's path, bottom up (the
/// coinbase is always the leftmost leaf). Hashes in internal byte order.
public fun merkle_root_from_branch(
    coinbase_hash: vector<u8>,
    branch: &vector<vector<u8>>,
): vector<u8> {
    assert!(coinbase_hash.length() == HASH_LENGTH, EHashLength);
    let mut root = coinbase_hash;
    branch.do_ref!(|sibling| {
        assert!(sibling.length() == HASH_LENGTH, EHashLength);
        root.append(*sibling);
        root = sha256d(root);
    });
    root
}

// === Headers ===

/// Decodes an 80-byte serialized block header.
public fun header_from_bytes(bytes: vector<u8>): Header {
    assert!(bytes.length() == HEADER_LENGTH, EHeaderLength);
    let mut reader = bcs::new(bytes);
    let version = reader.peel_u32();
    let prev_block = vector::tabulate!(HASH_LENGTH, |_| reader.peel_u8());
    let merkle_root = vector::tabulate!(HASH_LENGTH, |_| reader.peel_u8());
    Header {
        version,
        prev_block,
        merkle_root,
        time: reader.peel_u32(),
        bits: reader.peel_u32(),
        nonce: reader.peel_u32(),
    }
}

/// The 80-byte serialization of a header, the bytes its hash is taken over.
public fun to_bytes(header: &Header): vector<u8> {
    let mut bytes = bcs::to_bytes(&header.version);
    bytes.append(header.prev_block);
    bytes.append(header.merkle_root);
    bytes.append(bcs::to_bytes(&header.time));
    bytes.append(bcs::to_bytes(&header.bits));
    bytes.append(bcs::to_bytes(&header.nonce));
    bytes
}

/// The block hash of a header (internal byte order).
public fun hash(header: &Header): vector<u8> {
    sha256d(header.to_bytes())
}

/// The target the header commits to through its `bits`.
public fun target(header: &Header): u256 {
    bits_to_target(header.bits)
}

/// Whether the header's proof of work holds, as Bitcoin Core's `CheckProofOfWork` decides: its
/// bits give a non-zero target no easier than the mainnet limit, and its hash meets that target.
/// Aborts on bits that are negative or overflow.
public fun check_pow(header: &Header): bool {
    let target = header.target();
    target != 0 && target <= MAINNET_POW_LIMIT && meets_target(header.hash(), target)
}

// === Header fields ===

public fun version(header: &Header): u32 { header.version }

public fun prev_block(header: &Header): vector<u8> { header.prev_block }

public fun merkle_root(header: &Header): vector<u8> { header.merkle_root }

public fun time(header: &Header): u32 { header.time }

public fun bits(header: &Header): u32 { header.bits }

public fun nonce(header: &Header): u32 { header.nonce }

// === Private ===

/// Number of bytes needed to write `value` (0 for 0).
fun byte_length(value: u256): u8 {
    let mut length = 0;
    let mut rest = value;
    while (rest != 0) {
        rest = rest >> 8;
        length = length + 1;
    };
    length
}
