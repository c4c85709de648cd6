//! The share tree a keeper commits to for a delivery window, the Rust twin of the Move module
//! `aihash::share_tree`: leaves are the window's counted share hashes sorted by value (strictly
//! increasing), hashed as an RFC 9162 (Certificate Transparency v2) Merkle tree with
//! domain-separated leaves and nodes and no duplicated nodes; the committed root binds the count.
//!
//! - leaf = sha256(0x00 || share hash)
//! - node = sha256(0x01 || left || right)
//! - root = sha256(0x02 || n as u64 little-endian || tree head)

use bitcoin::hashes::{sha256, Hash, HashEngine};

/// A 32-byte hash.
pub type Hash32 = [u8; 32];

const LEAF_PREFIX: u8 = 0;
const NODE_PREFIX: u8 = 1;
const ROOT_PREFIX: u8 = 2;

/// Why a set of share hashes cannot form a share tree.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ShareTreeError {
    #[error("a share tree needs at least one share")]
    Empty,
    #[error("share hashes must strictly increase: position {position} is not above the one before it")]
    NotIncreasing { position: usize },
}

fn sha256(parts: &[&[u8]]) -> Hash32 {
    let mut engine = sha256::Hash::engine();
    for part in parts {
        engine.input(part);
    }
    sha256::Hash::from_engine(engine).to_byte_array()
}

/// The leaf of a share hash.
pub fn leaf(share_hash: &Hash32) -> Hash32 {
    sha256(&[&[LEAF_PREFIX], share_hash])
}

/// An inner node.
pub fn node(left: &Hash32, right: &Hash32) -> Hash32 {
    sha256(&[&[NODE_PREFIX], left, right])
}

/// The committed root: the tree head bound to the leaf count.
pub fn root(head: &Hash32, count: u64) -> Hash32 {
    sha256(&[&[ROOT_PREFIX], &count.to_le_bytes(), head])
}

/// The order shares are sorted in: by the value of the hash read as a little-endian 256-bit
/// number, as Bitcoin (and `aihash::pow::hash_to_u256`) compares a hash with a target.
pub fn value_order(a: &Hash32, b: &Hash32) -> std::cmp::Ordering {
    a.iter().rev().cmp(b.iter().rev())
}

/// A share tree over sorted share hashes.
#[derive(Debug, Clone)]
pub struct ShareTree {
    leaves: Vec<Hash32>,
}

impl ShareTree {
    /// A tree over `share_hashes`, which must strictly increase by value.
    pub fn new(share_hashes: Vec<Hash32>) -> Result<Self, ShareTreeError> {
        if share_hashes.is_empty() {
            return Err(ShareTreeError::Empty);
        }
        if let Some(position) = share_hashes
            .windows(2)
            .position(|pair| value_order(&pair[0], &pair[1]) != std::cmp::Ordering::Less)
        {
            return Err(ShareTreeError::NotIncreasing { position: position + 1 });
        }
        Ok(Self { leaves: share_hashes.iter().map(leaf).collect() })
    }

    /// A tree over hashes as given, even unsorted or repeated: what a dishonest keeper commits to.
    /// Tests use it to show that challenges catch such trees.
    pub fn new_unchecked(share_hashes: &[Hash32]) -> Self {
        Self { leaves: share_hashes.iter().map(leaf).collect() }
    }

    pub fn len(&self) -> u64 {
        self.leaves.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.leaves.is_empty()
    }

    /// The committed root.
    pub fn root(&self) -> Hash32 {
        root(&head(&self.leaves), self.len())
    }

    /// The inclusion proof of leaf `index` (sibling nodes, bottom up), or `None` past the end.
    pub fn proof(&self, index: u64) -> Option<Vec<Hash32>> {
        (index < self.len()).then(|| path(&self.leaves, index as usize))
    }
}

/// Whether `share_hash` is leaf `index` of the tree of `count` leaves committed as `committed`.
pub fn verify(share_hash: &Hash32, index: u64, count: u64, proof: &[Hash32], committed: &Hash32) -> bool {
    if index >= count {
        return false;
    }
    let (mut fn_, mut sn) = (index, count - 1);
    let mut r = leaf(share_hash);
    for p in proof {
        if sn == 0 {
            return false;
        }
        if fn_ % 2 == 1 || fn_ == sn {
            r = node(p, &r);
            while fn_ % 2 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            r = node(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    sn == 0 && &root(&r, count) == committed
}

fn largest_power_of_two_below(n: usize) -> usize {
    let mut k = 1;
    while k << 1 < n {
        k <<= 1;
    }
    k
}

fn head(leaves: &[Hash32]) -> Hash32 {
    if leaves.len() == 1 {
        return leaves[0];
    }
    let k = largest_power_of_two_below(leaves.len());
    node(&head(&leaves[..k]), &head(&leaves[k..]))
}

fn path(leaves: &[Hash32], index: usize) -> Vec<Hash32> {
    if leaves.len() == 1 {
        return Vec::new();
    }
    let k = largest_power_of_two_below(leaves.len());
    let (mut proof, sibling) = if index < k {
        (path(&leaves[..k], index), head(&leaves[k..]))
    } else {
        (path(&leaves[k..], index - k), head(&leaves[..k]))
    };
    proof.push(sibling);
    proof
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted_hashes(seeds: &[u64]) -> Vec<Hash32> {
        let mut hashes: Vec<Hash32> = seeds.iter().map(|s| sha256(&[&s.to_le_bytes()])).collect();
        hashes.sort_by(value_order);
        hashes.dedup();
        hashes
    }

    #[test]
    fn a_single_share_is_its_own_head_bound_to_count_one() {
        let hash = [7u8; 32];
        let tree = ShareTree::new(vec![hash]).unwrap();
        assert_eq!(tree.root(), root(&leaf(&hash), 1));
        assert!(verify(&hash, 0, 1, &[], &tree.root()));
    }

    #[test]
    fn unsorted_repeated_or_empty_inputs_are_named() {
        assert_eq!(ShareTree::new(vec![]).unwrap_err(), ShareTreeError::Empty);
        let hashes = sorted_hashes(&[1, 2, 3]);
        let repeated = vec![hashes[0], hashes[1], hashes[1]];
        assert_eq!(ShareTree::new(repeated).unwrap_err(), ShareTreeError::NotIncreasing { position: 2 });
    }

    #[test]
    fn sorting_compares_hashes_as_little_endian_numbers() {
        let mut low = [0u8; 32];
        low[0] = 0xff; // least significant byte
        let mut high = [0u8; 32];
        high[31] = 0x01; // most significant byte
        assert_eq!(value_order(&low, &high), std::cmp::Ordering::Less);
    }

    proptest! {
        /// Every leaf's proof verifies at its index and at no other, and not against a tree of
        /// another size: the root binds position and count.
        #[test]
        fn proofs_verify_exactly_where_they_belong(seeds in proptest::collection::vec(any::<u64>(), 1..40)) {
            let hashes = sorted_hashes(&seeds);
            let tree = ShareTree::new(hashes.clone()).unwrap();
            let committed = tree.root();
            let n = tree.len();
            for (i, hash) in hashes.iter().enumerate() {
                let proof = tree.proof(i as u64).unwrap();
                prop_assert!(verify(hash, i as u64, n, &proof, &committed));
                prop_assert!(!verify(hash, i as u64, n + 1, &proof, &committed));
                if n > 1 {
                    let other = (i as u64 + 1) % n;
                    prop_assert!(!verify(hash, other, n, &proof, &committed));
                }
            }
            prop_assert!(tree.proof(n).is_none());
        }
    }
}
