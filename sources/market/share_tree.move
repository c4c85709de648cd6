/// The Merkle tree a keeper commits to for a delivery window: its leaves are the hashes
/// (`sha256d(header)`) of the n counted shares, sorted by value (`pow::hash_to_u256`), strictly
/// increasing. The tree is RFC 9162's (Certificate Transparency v2): leaves and inner nodes are
/// domain-separated, an unpaired node is promoted, never duplicated (no Bitcoin-style CVE-2012-2459
/// ambiguity); the committed root also binds n, so a proof fixes both the position and the count.
///
/// - leaf     = sha256(0x00 || share hash)
/// - node     = sha256(0x01 || left || right)
/// - root     = sha256(0x02 || n as 8 bytes little-endian || tree head)
///
/// `verify` costs O(log n) hashes.
module aihash::share_tree;

use std::hash::sha2_256;
use sui::bcs;

#[error]
const EHashLength: vector<u8> = b"a share hash and every proof node are exactly 32 bytes";

const HASH_LENGTH: u64 = 32;
const LEAF_PREFIX: u8 = 0;
const NODE_PREFIX: u8 = 1;
const ROOT_PREFIX: u8 = 2;

/// The leaf of a share hash.
public fun leaf(share_hash: vector<u8>): vector<u8> {
    assert!(share_hash.length() == HASH_LENGTH, EHashLength);
    let mut preimage = vector[LEAF_PREFIX];
    preimage.append(share_hash);
    sha2_256(preimage)
}

/// An inner node.
public fun node(left: vector<u8>, right: vector<u8>): vector<u8> {
    let mut preimage = vector[NODE_PREFIX];
    preimage.append(left);
    preimage.append(right);
    sha2_256(preimage)
}

/// The committed root: the tree head bound to the leaf count.
public fun root(head: vector<u8>, count: u64): vector<u8> {
    let mut preimage = vector[ROOT_PREFIX];
    preimage.append(bcs::to_bytes(&count));
    preimage.append(head);
    sha2_256(preimage)
}

/// Whether `share_hash` is leaf `index` of the tree of `count` leaves committed as `root`, by the
/// inclusion proof `path` (sibling nodes, bottom up; RFC 9162 section 2.1.3.2).
public fun verify(
    share_hash: vector<u8>,
    index: u64,
    count: u64,
    path: &vector<vector<u8>>,
    committed_root: vector<u8>,
): bool {
    if (index >= count) return false;
    let mut fn = index;
    let mut sn = count - 1;
    let mut r = leaf(share_hash);
    let mut i = 0;
    while (i < path.length()) {
        let p = path[i];
        assert!(p.length() == HASH_LENGTH, EHashLength);
        if (sn == 0) return false;
        if (fn % 2 == 1 || fn == sn) {
            r = node(p, r);
            if (fn % 2 == 0) {
                while (fn % 2 == 0 && fn != 0) {
                    fn = fn >> 1;
                    sn = sn >> 1;
                };
            };
        } else {
            r = node(r, p);
        };
        fn = fn >> 1;
        sn = sn >> 1;
        i = i + 1;
    };
    sn == 0 && root(r, count) == committed_root
}

// === Test Functions ===

#[test_only]
/// The tree head over `share_hashes` (RFC 9162 MTH), for tests that build windows.
public fun head_for_testing(share_hashes: &vector<vector<u8>>, start: u64, end: u64): vector<u8> {
    let n = end - start;
    if (n == 1) return leaf(share_hashes[start]);
    let k = largest_power_of_two_below(n);
    node(
        head_for_testing(share_hashes, start, start + k),
        head_for_testing(share_hashes, start + k, end),
    )
}

#[test_only]
/// The committed root over `share_hashes`.
public fun root_for_testing(share_hashes: &vector<vector<u8>>): vector<u8> {
    root(head_for_testing(share_hashes, 0, share_hashes.length()), share_hashes.length())
}

#[test_only]
/// The inclusion proof of leaf `index` (RFC 9162 PATH).
public fun proof_for_testing(share_hashes: &vector<vector<u8>>, index: u64): vector<vector<u8>> {
    path(share_hashes, index, 0, share_hashes.length())
}

#[test_only]
fun path(share_hashes: &vector<vector<u8>>, index: u64, start: u64, end: u64): vector<vector<u8>> {
    let n = end - start;
    if (n == 1) return vector[];
    let k = largest_power_of_two_below(n);
    if (index < k) {
        let mut proof = path(share_hashes, index, start, start + k);
        proof.push_back(head_for_testing(share_hashes, start + k, end));
        proof
    } else {
        let mut proof = path(share_hashes, index - k, start + k, end);
        proof.push_back(head_for_testing(share_hashes, start, start + k));
        proof
    }
}

#[test_only]
fun largest_power_of_two_below(n: u64): u64 {
    let mut k = 1;
    while (k << 1 < n) k = k << 1;
    k
}
