//! `make bench-keeper`: full share verifications per second on one core (job lookup, coinbase
//! and header rebuilt, version and ntime checks, sha256d, target, duplicate bookkeeping) next to
//! the bare hashing one verification needs, done with raw `sha2` on the same inputs: sha256d of
//! the coinbase, of each merkle-branch step and of the header.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::job::{Job, JobBook, Submission};
use aihash_keeper::verify::{verify, Rules};
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use sha2::{Digest, Sha256};
use std::time::Instant;

const SHARES: u32 = 200_000;

fn sha256d(data: &[u8]) -> [u8; 32] {
    Sha256::digest(Sha256::digest(data)).into()
}

fn main() {
    // A mainnet-sized job: a ~250-byte coinbase, a 12-step branch (a block of ~4,000 transactions).
    let job = Job {
        id: "bench".into(),
        prev_hash: BlockHash::from_byte_array([0x11; 32]),
        coinbase1: vec![0x01; 110],
        coinbase2: vec![0x02; 120],
        merkle_branch: (0..12u8).map(|i| TxMerkleNode::from_byte_array([i; 32])).collect(),
        version: 0x2000_0000,
        bits: CompactTarget::from_consensus(0x1702_3a04),
        time: 1_750_000_000,
        clean: true,
    };
    let extranonce1 = [0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x01];
    let rules = Rules { extranonce2_size: 6, version_mask: 0x1fff_e000, max_time_ahead_s: 600 };
    // Difficulty so low nearly every share passes: each one is verified in full and recorded.
    let difficulty = ShareDifficulty::from_fixed(1).expect("nonzero");
    let submissions: Vec<Submission> = (0..SHARES)
        .map(|i| Submission {
            job_id: "bench".into(),
            extranonce2: [0, 0].iter().copied().chain((i / 4096).to_be_bytes()).collect(),
            time: job.time + (i % 60),
            nonce: i.wrapping_mul(2_654_435_761),
            version_bits: Some((i % 4096) << 13),
        })
        .collect();

    let mut book = JobBook::new(16);
    book.add(job.clone());
    let start = Instant::now();
    let mut verified = 0u32;
    for submission in &submissions {
        if verify(&mut book, &extranonce1, submission, &rules, difficulty).is_ok() {
            verified += 1;
        }
    }
    let full = start.elapsed();
    // At D = 2^-32 all but about one hash in 65,536 meet the target.
    assert!(verified >= SHARES - SHARES / 1000, "{verified} of {SHARES} verified");

    // The same hashing with raw sha2: coinbase, branch steps, header.
    let start = Instant::now();
    let mut sink = 0u8;
    for submission in &submissions {
        let coinbase =
            [&job.coinbase1[..], &extranonce1, &submission.extranonce2, &job.coinbase2[..]].concat();
        let mut root = sha256d(&coinbase);
        for step in &job.merkle_branch {
            let mut pair = [0u8; 64];
            pair[..32].copy_from_slice(&root);
            pair[32..].copy_from_slice(step.as_byte_array());
            root = sha256d(&pair);
        }
        let mut header = [0u8; 80];
        header[4..36].copy_from_slice(job.prev_hash.as_byte_array());
        header[36..68].copy_from_slice(&root);
        header[76..].copy_from_slice(&submission.nonce.to_le_bytes());
        sink ^= sha256d(&header)[0];
    }
    let bare = start.elapsed();
    std::hint::black_box(sink);

    // The same again with the bitcoin crate's own sha256d (what the verifier calls).
    let start = Instant::now();
    for submission in &submissions {
        use bitcoin::hashes::sha256d as bd;
        let coinbase =
            [&job.coinbase1[..], &extranonce1, &submission.extranonce2, &job.coinbase2[..]].concat();
        let mut root = bd::Hash::hash(&coinbase).to_byte_array();
        for step in &job.merkle_branch {
            let mut pair = [0u8; 64];
            pair[..32].copy_from_slice(&root);
            pair[32..].copy_from_slice(step.as_byte_array());
            root = bd::Hash::hash(&pair).to_byte_array();
        }
        let mut header = [0u8; 80];
        header[36..68].copy_from_slice(&root);
        header[76..].copy_from_slice(&submission.nonce.to_le_bytes());
        sink ^= bd::Hash::hash(&header).to_byte_array()[0];
    }
    let bitcoin_hashes = start.elapsed();
    std::hint::black_box(sink);

    let rate = |elapsed: std::time::Duration| SHARES as f64 / elapsed.as_secs_f64();
    println!("share verification, one core, {SHARES} shares (250-byte coinbase, 12-step branch):");
    println!("  full verification      {:>10.0} shares/s", rate(full));
    println!("  bare sha256d (sha2)    {:>10.0} shares/s  (baseline, same inputs)", rate(bare));
    println!(
        "  bare sha256d (bitcoin) {:>10.0} shares/s  (the bitcoin crate's hashing alone)",
        rate(bitcoin_hashes)
    );
    println!("  full / baseline        {:>10.1} %  (goal: at least 80 %)", 100.0 * rate(full) / rate(bare));
}
