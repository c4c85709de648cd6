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
use bitcoin::TxMerkleNode;

const MASK: u32 = 0x1fff_e000;

fn chunks<const N: usize>(name: &str) -> Vec<[u8; N]> {
    bytes(name).unwrap().chunks(N).map(|chunk| chunk.try_into().unwrap()).collect()
}

fn headers(name: &str) -> Vec<Header> {
    chunks::<80>(name).iter().map(|h| bitcoin::consensus::deserialize(h).unwrap()).collect()
}

/// The job the golden shares were mined on, as a pool would have sent it.
fn job(headers: &[Header]) -> Job {
    Job {
        id: "golden".into(),
        prev_hash: headers[0].prev_blockhash,
        coinbase1: bytes("shares_coinbase1").unwrap().to_vec(),
        coinbase2: bytes("shares_coinbase2").unwrap().to_vec(),
        merkle_branch: chunks::<32>("shares_branch").into_iter().map(TxMerkleNode::from_byte_array).collect(),
        version: (headers[0].version.to_consensus() as u32 & !MASK) as i32,
        bits: headers[0].bits,
        time: headers.iter().map(|h| h.time).min().unwrap(),
        clean: true,
    }
}

/// What a rig submitted for `header` with `extranonce2`.
fn submission(header: &Header, extranonce2: &[u8; 4]) -> Submission {
    Submission {
        job_id: "golden".into(),
        extranonce2: extranonce2.to_vec(),
        time: header.time,
        nonce: header.nonce,
        version_bits: Some(header.version.to_consensus() as u32 & MASK),
    }
}

const RULES: Rules = Rules { extranonce2_size: 4, version_mask: MASK, max_time_ahead_s: 600 };

fn difficulty() -> ShareDifficulty {
    ShareDifficulty::from_fixed(aihash_sdk::share_vectors::SHARE_DIFFICULTY_FP).unwrap()
}

#[test]
fn the_honest_window_is_rebuilt_from_the_job_and_the_submissions() {
    let headers = headers("shares_honest_headers");
    let extranonce2s = chunks::<4>("shares_honest_extranonce2");
    assert_eq!((headers.len(), extranonce2s.len()), (16, 16));
    let job = job(&headers);
    assert_eq!(
        job.prev_hash.to_byte_array().to_vec(),
        bytes("shares_tip").unwrap(),
        "the shares build on the tip"
    );
    let extranonce1 = bytes("shares_extranonce1").unwrap();
    let mut book = JobBook::new(4);
    book.add(job);
    let mut hashes: Vec<Hash32> = vec![];
    for (header, extranonce2) in headers.iter().zip(&extranonce2s) {
        let share =
            verify(&mut book, extranonce1, &submission(header, extranonce2), &RULES, difficulty()).unwrap();
        assert_eq!(&share.header, header);
        hashes.push(share.hash.to_byte_array());
    }
    let mut leaves = chunks::<32>("shares_honest_leaves");
    hashes.sort_by(aihash_sdk::share_tree::value_order);
    leaves.sort_by(aihash_sdk::share_tree::value_order);
    assert_eq!(hashes, leaves);
    let tree = ShareTree::new(hashes).unwrap();
    assert_eq!(tree.root().to_vec(), bytes("shares_honest_root").unwrap());
}

#[test]
fn the_duplicated_window_is_refused_as_duplicates() {
    let headers = headers("shares_duplicated_headers");
    let extranonce2s = chunks::<4>("shares_duplicated_extranonce2");
    let mut book = JobBook::new(4);
    book.add(job(&headers));
    let outcomes: Vec<_> = headers
        .iter()
        .zip(&extranonce2s)
        .map(|(header, extranonce2)| {
            let extranonce1 = bytes("shares_extranonce1").unwrap();
            verify(&mut book, extranonce1, &submission(header, extranonce2), &RULES, difficulty()).map(|_| ())
        })
        .collect();
    // The cheating window lists each of 8 shares twice: 8 verify, 8 are duplicates.
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 8);
    assert_eq!(outcomes.iter().filter(|o| o.as_ref().is_err_and(|e| e.code() == 22)).count(), 8);
}
