//! The keeper's verifier against the shares the Move package's challenge tests use (the `shares`
//! section of golden/vectors.json): given the job and each share's submission, it rebuilds
//! exactly the committed headers, and the share tree over their hashes has the committed root.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::job::{Job, JobBook, Submission};
use aihash_keeper::verify::{verify, Rules};
use aihash_sdk::golden::bytes;
use aihash_sdk::share_tree::{Hash32, ShareTree};
use bitcoin::block::Header;
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, TxMerkleNode};

const MASK: u32 = 0x1fff_e000;

fn chunks<const N: usize>(name: &str) -> Vec<[u8; N]> {
    bytes(name).unwrap().chunks(N).map(|chunk| chunk.try_into().unwrap()).collect()
}

#[test]
fn the_honest_window_is_rebuilt_from_the_job_and_the_submissions() {
    let headers: Vec<Header> = chunks::<80>("shares_honest_headers")
        .iter()
        .map(|h| bitcoin::consensus::deserialize(h).unwrap())
        .collect();
    let extranonce2s = chunks::<4>("shares_honest_extranonce2");
    assert_eq!((headers.len(), extranonce2s.len()), (16, 16));
    let first = headers[0];
    let job = Job {
        id: "golden".into(),
        prev_hash: BlockHash::from_byte_array(bytes("shares_tip").unwrap().try_into().unwrap()),
        coinbase1: bytes("shares_coinbase1").unwrap().to_vec(),
        coinbase2: bytes("shares_coinbase2").unwrap().to_vec(),
        merkle_branch: chunks::<32>("shares_branch").into_iter().map(TxMerkleNode::from_byte_array).collect(),
        version: (first.version.to_consensus() as u32 & !MASK) as i32,
        bits: first.bits,
        time: headers.iter().map(|h| h.time).min().unwrap(),
        clean: true,
    };
    let rules = Rules { extranonce2_size: 4, version_mask: MASK, max_time_ahead_s: 600 };
    let difficulty = ShareDifficulty::from_fixed(aihash_sdk::share_vectors::SHARE_DIFFICULTY_FP).unwrap();
    let extranonce1 = bytes("shares_extranonce1").unwrap();
    let mut book = JobBook::new(4);
    book.add(job.clone());
    let mut hashes: Vec<Hash32> = vec![];
    for (header, extranonce2) in headers.iter().zip(&extranonce2s) {
        let submission = Submission {
            job_id: job.id.clone(),
            extranonce2: extranonce2.to_vec(),
            time: header.time,
            nonce: header.nonce,
            version_bits: Some(header.version.to_consensus() as u32 & MASK),
        };
        let share = verify(&mut book, extranonce1, &submission, &rules, difficulty).unwrap();
        assert_eq!(&share.header, header);
        hashes.push(share.hash.to_byte_array());
    }
    let mut leaves = chunks::<32>("shares_honest_leaves");
    let mut sorted = hashes.clone();
    sorted.sort_by(aihash_sdk::share_tree::value_order);
    leaves.sort_by(aihash_sdk::share_tree::value_order);
    assert_eq!(sorted, leaves);
    let tree = ShareTree::new(sorted).unwrap();
    assert_eq!(tree.root().to_vec(), bytes("shares_honest_root").unwrap());
}

#[test]
fn the_duplicated_window_is_refused_as_duplicates() {
    let headers: Vec<Header> = chunks::<80>("shares_duplicated_headers")
        .iter()
        .map(|h| bitcoin::consensus::deserialize(h).unwrap())
        .collect();
    let extranonce2s = chunks::<4>("shares_duplicated_extranonce2");
    let job = Job {
        id: "golden".into(),
        prev_hash: headers[0].prev_blockhash,
        coinbase1: bytes("shares_coinbase1").unwrap().to_vec(),
        coinbase2: bytes("shares_coinbase2").unwrap().to_vec(),
        merkle_branch: chunks::<32>("shares_branch").into_iter().map(TxMerkleNode::from_byte_array).collect(),
        version: (headers[0].version.to_consensus() as u32 & !MASK) as i32,
        bits: headers[0].bits,
        time: headers.iter().map(|h| h.time).min().unwrap(),
        clean: true,
    };
    let rules = Rules { extranonce2_size: 4, version_mask: MASK, max_time_ahead_s: 600 };
    let difficulty = ShareDifficulty::from_fixed(aihash_sdk::share_vectors::SHARE_DIFFICULTY_FP).unwrap();
    let mut book = JobBook::new(4);
    book.add(job.clone());
    let outcomes: Vec<_> = headers
        .iter()
        .zip(&extranonce2s)
        .map(|(header, extranonce2)| {
            let submission = Submission {
                job_id: job.id.clone(),
                extranonce2: extranonce2.to_vec(),
                time: header.time,
                nonce: header.nonce,
                version_bits: Some(header.version.to_consensus() as u32 & MASK),
            };
            verify(&mut book, bytes("shares_extranonce1").unwrap(), &submission, &rules, difficulty)
                .map(|_| ())
        })
        .collect();
    // The cheating window lists each of 8 shares twice: 8 verify, 8 are duplicates.
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 8);
    assert_eq!(outcomes.iter().filter(|o| o.as_ref().is_err_and(|e| e.code() == 22)).count(), 8);
}
