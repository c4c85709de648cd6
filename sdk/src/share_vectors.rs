//! Stratum-shaped test shares for the market's challenge tests: real headers mined at a tiny share
//! difficulty on coinbases built the way a pool sends them (`coinbase1 || extranonce1 ||
//! extranonce2 || coinbase2`), with a merkle branch, for an honest window and for each way a keeper
//! could cheat. `cargo run -p aihash-sdk --example share_vectors` writes them into the `shares`
//! section of golden/vectors.json (the Move tests read them through `aihash::golden`);
//! `--check` fails if the committed section differs from what this code generates.

use crate::share_tree::{value_order, Hash32, ShareTree};
use bitcoin::absolute::LockTime;
use bitcoin::block::{Header, Version};
use bitcoin::hashes::{sha256d, Hash};
use bitcoin::script::Builder;
use bitcoin::transaction::{Transaction, TxIn, TxOut};
use bitcoin::{Amount, BlockHash, CompactTarget, OutPoint, ScriptBuf, Sequence, TxMerkleNode, Txid, Witness};
use primitive_types::U256;
use std::collections::BTreeMap;

/// Share difficulty of every window, 32.32 fixed point: difficulty 1/2^28, 16 hashes per share.
pub const SHARE_DIFFICULTY_FP: u128 = 16;
/// The window every scenario reports: 2025-06-15T15:06:40Z for ten minutes.
pub const WINDOW_START_MS: u64 = 1_750_000_000_000;
pub const WINDOW_END_MS: u64 = WINDOW_START_MS + 600_000;
/// Shares (leaves) per window.
pub const SHARES: usize = 16;
const EXTRANONCE1: [u8; 4] = [0x0a, 0x0b, 0x0c, 0x0d];
/// Stands in for extranonce1 || extranonce2 while the coinbase is split into its two halves.
const EXTRANONCE_PLACEHOLDER: [u8; 8] = [0xee; 8];
const HEIGHT: i64 = 900_000;
/// A mainnet-like nBits; the shares only meet the share target, never this.
const NETWORK_BITS: u32 = 0x1702_3a04;
/// Version bits the miner rolls (BIP 310), inside the mask 0x1fffe000.
const ROLLED_VERSION: i32 = 0x2000_6000;

/// The payout script of the buyer's pool: P2WPKH of a test key hash.
pub fn pool_payout() -> ScriptBuf {
    ScriptBuf::new_p2wpkh(&bitcoin::WPubkeyHash::hash(b"aihash test pool"))
}

fn other_pool_payout() -> ScriptBuf {
    ScriptBuf::new_p2wpkh(&bitcoin::WPubkeyHash::hash(b"some other pool"))
}

/// The current tip the shares build on, and an old one (posted a day earlier in the tests).
pub fn tip() -> BlockHash {
    BlockHash::from_byte_array(sha256d::Hash::hash(b"aihash test tip 900000").to_byte_array())
}

fn old_tip() -> BlockHash {
    BlockHash::from_byte_array(sha256d::Hash::hash(b"aihash test tip 899856").to_byte_array())
}

/// The share target of a 32.32 fixed-point difficulty: (0xffff << 240) / D, as `aihash::pow`.
pub fn share_target(difficulty_fp: u128) -> U256 {
    (U256::from(0xffffu64) << 240) / U256::from(difficulty_fp)
}

fn meets(hash: &Hash32, target: U256) -> bool {
    U256::from_little_endian(hash) <= target
}

/// A pool's coinbase, split as Stratum sends it.
struct CoinbaseTemplate {
    coinbase1: Vec<u8>,
    coinbase2: Vec<u8>,
}

impl CoinbaseTemplate {
    fn paying(payout: ScriptBuf) -> Self {
        let script_sig = Builder::new().push_int(HEIGHT).push_slice(EXTRANONCE_PLACEHOLDER).into_script();
        let tx = Transaction {
            version: bitcoin::transaction::Version::ONE,
            lock_time: LockTime::ZERO,
            input: vec![TxIn {
                previous_output: OutPoint::null(),
                script_sig,
                sequence: Sequence::MAX,
                witness: Witness::new(),
            }],
            output: vec![TxOut { value: Amount::from_sat(312_500_000), script_pubkey: payout }],
        };
        let bytes = bitcoin::consensus::serialize(&tx);
        let at =
            bytes.windows(8).position(|w| w == EXTRANONCE_PLACEHOLDER).expect("placeholder in the coinbase");
        Self { coinbase1: bytes[..at].to_vec(), coinbase2: bytes[at + 8..].to_vec() }
    }

    fn coinbase(&self, extranonce2: [u8; 4]) -> Vec<u8> {
        [&self.coinbase1[..], &EXTRANONCE1, &extranonce2, &self.coinbase2[..]].concat()
    }
}

/// The other transactions of the block template (made-up txids).
fn other_txids() -> Vec<Txid> {
    (1..=3u8).map(|i| Txid::from_byte_array(sha256d::Hash::hash(&[b'T', i]).to_byte_array())).collect()
}

/// The Stratum merkle branch of the coinbase in a block of the coinbase and `other_txids()`.
fn branch() -> Vec<Hash32> {
    let others = other_txids();
    let pair = |a: &[u8; 32], b: &[u8; 32]| sha256d::Hash::hash(&[&a[..], &b[..]].concat()).to_byte_array();
    vec![others[0].to_byte_array(), pair(&others[1].to_byte_array(), &others[2].to_byte_array())]
}

/// The merkle root from a coinbase and the branch, as a miner computes it.
fn merkle_root(coinbase: &[u8]) -> TxMerkleNode {
    let root = branch().iter().fold(sha256d::Hash::hash(coinbase).to_byte_array(), |root, sibling| {
        sha256d::Hash::hash(&[&root[..], &sibling[..]].concat()).to_byte_array()
    });
    TxMerkleNode::from_byte_array(root)
}

/// One mined share: its header and the extranonce2 of its coinbase.
#[derive(Clone)]
struct Share {
    header: Header,
    extranonce2: [u8; 4],
}

impl Share {
    fn hash(&self) -> Hash32 {
        self.header.block_hash().to_byte_array()
    }
}

/// Mines `count` shares on `template` and `prev`, ntime spread over the window.
fn mine(template: &CoinbaseTemplate, prev: BlockHash, count: usize, first_extranonce2: u32) -> Vec<Share> {
    let target = share_target(SHARE_DIFFICULTY_FP);
    (0..count)
        .map(|i| {
            let extranonce2 = (first_extranonce2 + i as u32).to_be_bytes();
            let coinbase = template.coinbase(extranonce2);
            let mut header = Header {
                version: Version::from_consensus(ROLLED_VERSION),
                prev_blockhash: prev,
                merkle_root: merkle_root(&coinbase),
                time: (WINDOW_START_MS / 1000) as u32 + 30 * i as u32,
                bits: CompactTarget::from_consensus(NETWORK_BITS),
                nonce: 0,
            };
            while !meets(&header.block_hash().to_byte_array(), target) {
                header.nonce += 1;
            }
            Share { header, extranonce2 }
        })
        .collect()
}

/// A window as a keeper would commit it: leaves (sorted as committed) with, for each, the share
/// behind it if there is one.
struct Window {
    leaves: Vec<(Hash32, Option<Share>)>,
}

impl Window {
    fn honest(shares: Vec<Share>) -> Self {
        let mut leaves: Vec<_> = shares.into_iter().map(|s| (s.hash(), Some(s))).collect();
        leaves.sort_by(|a, b| value_order(&a.0, &b.0));
        Self { leaves }
    }

    fn vectors(&self, name: &str, out: &mut BTreeMap<String, String>) {
        let hashes: Vec<Hash32> = self.leaves.iter().map(|(h, _)| *h).collect();
        let root = ShareTree::new_unchecked(&hashes).root();
        let mut headers = Vec::new();
        let mut extranonces = Vec::new();
        for (_, share) in &self.leaves {
            match share {
                Some(share) => {
                    headers.extend(bitcoin::consensus::serialize(&share.header));
                    extranonces.extend(share.extranonce2);
                }
                // A leaf with no share behind it: the keeper has nothing to answer with.
                None => {
                    headers.extend([0u8; 80]);
                    extranonces.extend([0u8; 4]);
                }
            }
        }
        out.insert(format!("shares_{name}_leaves"), hex::encode(hashes.concat()));
        out.insert(format!("shares_{name}_headers"), hex::encode(headers));
        out.insert(format!("shares_{name}_extranonce2"), hex::encode(extranonces));
        out.insert(format!("shares_{name}_root"), hex::encode(root));
    }
}

/// Every vector of the `shares` section, by name.
pub fn generate() -> BTreeMap<String, String> {
    let pool = CoinbaseTemplate::paying(pool_payout());
    let other_pool = CoinbaseTemplate::paying(other_pool_payout());
    let mut out = BTreeMap::new();
    out.insert("shares_coinbase1".into(), hex::encode(&pool.coinbase1));
    out.insert("shares_coinbase2".into(), hex::encode(&pool.coinbase2));
    out.insert("shares_other_pool_coinbase2".into(), hex::encode(&other_pool.coinbase2));
    out.insert("shares_extranonce1".into(), hex::encode(EXTRANONCE1));
    out.insert("shares_branch".into(), hex::encode(branch().concat()));
    out.insert("shares_pool_payout".into(), hex::encode(pool_payout().as_bytes()));
    out.insert("shares_tip".into(), hex::encode(tip().to_byte_array()));
    out.insert("shares_old_tip".into(), hex::encode(old_tip().to_byte_array()));

    Window::honest(mine(&pool, tip(), SHARES, 0)).vectors("honest", &mut out);

    // Half the leaves are made up: hashes that meet the target but come from no header.
    let mut half_fake = Window::honest(mine(&pool, tip(), SHARES / 2, 100));
    for i in 0..SHARES / 2 {
        let mut fake = sha256d::Hash::hash(&[b'F', i as u8]).to_byte_array();
        fake[31] = 0; // below 2^248, far under the share target
        half_fake.leaves.push((fake, None));
    }
    half_fake.leaves.sort_by(|a, b| value_order(&a.0, &b.0));
    half_fake.vectors("half_fake", &mut out);

    // Every share counted twice.
    let mut duplicated = Window::honest(mine(&pool, tip(), SHARES / 2, 200));
    duplicated.leaves = duplicated.leaves.iter().flat_map(|leaf| [leaf.clone(), leaf.clone()]).collect();
    duplicated.vectors("duplicated", &mut out);

    // Work for another pool's block template.
    Window::honest(mine(&other_pool, tip(), SHARES, 300)).vectors("foreign_pool", &mut out);
    // Work built on a tip a day old.
    Window::honest(mine(&pool, old_tip(), SHARES, 400)).vectors("old_tip", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bitcoin::consensus::deserialize;

    #[test]
    fn the_branch_rebuilds_the_root_the_bitcoin_crate_computes_for_the_block() {
        let pool = CoinbaseTemplate::paying(pool_payout());
        let coinbase = pool.coinbase([0, 0, 0, 7]);
        let tx: Transaction = deserialize(&coinbase).unwrap();
        assert!(tx.is_coinbase());
        let txids = std::iter::once(tx.compute_txid()).chain(other_txids());
        let expected = bitcoin::merkle_tree::calculate_root(txids).unwrap();
        assert_eq!(merkle_root(&coinbase), TxMerkleNode::from_byte_array(expected.to_byte_array()));
    }

    #[test]
    fn mined_shares_meet_the_share_target_and_carry_the_pool_payout() {
        let pool = CoinbaseTemplate::paying(pool_payout());
        let shares = mine(&pool, tip(), 4, 0);
        let target = share_target(SHARE_DIFFICULTY_FP);
        for share in &shares {
            assert!(meets(&share.hash(), target));
            let coinbase = pool.coinbase(share.extranonce2);
            let payout = pool_payout();
            assert!(coinbase.windows(payout.len()).any(|w| w == payout.as_bytes()));
            assert_eq!(share.header.merkle_root, merkle_root(&coinbase));
        }
    }

    #[test]
    fn the_committed_vectors_are_what_this_code_generates() {
        for (name, hex_bytes) in generate() {
            let committed =
                crate::golden::bytes(&name).unwrap_or_else(|e| panic!("{e}: run the share_vectors example"));
            assert_eq!(hex::encode(committed), hex_bytes, "{name} is stale: run the share_vectors example");
        }
    }

    #[test]
    fn the_honest_window_is_a_valid_share_tree() {
        let leaves: Vec<Hash32> = crate::golden::bytes("shares_honest_leaves")
            .unwrap()
            .chunks(32)
            .map(|c| c.try_into().unwrap())
            .collect();
        let tree = ShareTree::new(leaves).unwrap();
        assert_eq!(&tree.root()[..], crate::golden::bytes("shares_honest_root").unwrap());
    }
}
