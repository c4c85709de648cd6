//! `make bench-keeper` (first part): full share verifications per second on one core (job lookup,
//! coinbase and header rebuilt, version and ntime checks, sha256d, target, duplicate bookkeeping)
//! next to the bare hashing one verification needs, done with raw `sha2` on the same inputs:
//! sha256d of the coinbase, of each merkle-branch step and of the header. The three are measured
//! in alternation over several rounds and the medians compared, so a busy moment of the machine
//! does not land on one side only.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::job::{Job, JobBook, Submission};
use aihash_keeper::verify::{verify, Rules};
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

const SHARES: u32 = 100_000;
const ROUNDS: usize = 7;

fn sha256d(data: &[u8]) -> [u8; 32] {
    Sha256::digest(Sha256::digest(data)).into()
}

/// A mainnet-sized job: a ~250-byte coinbase, a 12-step branch (a block of ~4,000 transactions).
fn job() -> Job {
    Job {
        id: "bench".into(),
        prev_hash: BlockHash::from_byte_array([0x11; 32]),
        coinbase1: vec![0x01; 110],
        coinbase2: vec![0x02; 120],
        merkle_branch: (0..12u8).map(|i| TxMerkleNode::from_byte_array([i; 32])).collect(),
        version: 0x2000_0000,
        bits: CompactTarget::from_consensus(0x1702_3a04),
        time: 1_750_000_000,
        clean: true,
    }
}

const EXTRANONCE1: [u8; 6] = [0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x01];

/// Distinct submissions of round `round`.
fn submissions(round: u32) -> Vec<Submission> {
    (0..SHARES)
        .map(|i| Submission {
            job_id: "bench".into(),
            extranonce2: [0, round as u8].iter().copied().chain((i / 4096).to_be_bytes()).collect(),
            time: 1_750_000_000 + (i % 60),
            nonce: i.wrapping_mul(2_654_435_761),
            version_bits: Some((i % 4096) << 13),
        })
        .collect()
}

/// The keeper's verification of every submission.
fn full(job: &Job, submissions: &[Submission]) -> Duration {
    let rules = Rules { extranonce2_size: 6, version_mask: 0x1fff_e000, max_time_ahead_s: 600 };
    // Difficulty so low nearly every share passes: each one is verified in full and recorded.
    let difficulty = ShareDifficulty::from_fixed(1).expect("nonzero");
    let mut book = JobBook::new(16);
    book.add(job.clone());
    let start = Instant::now();
    let verified =
        submissions.iter().filter(|s| verify(&mut book, &EXTRANONCE1, s, &rules, difficulty).is_ok()).count();
    let elapsed = start.elapsed();
    // At D = 2^-32 all but about one hash in 65,536 meet the target.
    assert!(verified >= submissions.len() * 999 / 1000, "{verified} verified");
    elapsed
}

/// The same hashing with `hash`: coinbase, branch steps, header.
fn bare(job: &Job, submissions: &[Submission], hash: impl Fn(&[u8]) -> [u8; 32]) -> Duration {
    let start = Instant::now();
    let mut sink = 0u8;
    for submission in submissions {
        let coinbase =
            [&job.coinbase1[..], &EXTRANONCE1, &submission.extranonce2, &job.coinbase2[..]].concat();
        let mut root = hash(&coinbase);
        for step in &job.merkle_branch {
            let mut pair = [0u8; 64];
            pair[..32].copy_from_slice(&root);
            pair[32..].copy_from_slice(step.as_byte_array());
            root = hash(&pair);
        }
        let mut header = [0u8; 80];
        header[4..36].copy_from_slice(job.prev_hash.as_byte_array());
        header[36..68].copy_from_slice(&root);
        header[76..].copy_from_slice(&submission.nonce.to_le_bytes());
        sink ^= hash(&header)[0];
    }
    std::hint::black_box(sink);
    start.elapsed()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let job = job();
    let (mut full_runs, mut sha2_runs, mut bitcoin_runs) = (vec![], vec![], vec![]);
    for round in 0..ROUNDS as u32 {
        let submissions = submissions(round);
        full_runs.push(full(&job, &submissions));
        sha2_runs.push(bare(&job, &submissions, sha256d));
        bitcoin_runs.push(bare(&job, &submissions, |bytes| {
            bitcoin::hashes::sha256d::Hash::hash(bytes).to_byte_array()
        }));
    }
    let rate = |runs: Vec<Duration>| SHARES as f64 / median(runs).as_secs_f64();
    let (full, sha2, bitcoin) = (rate(full_runs), rate(sha2_runs), rate(bitcoin_runs));
    println!("share verification, one core, median of {ROUNDS} alternating rounds of {SHARES} shares (250-byte coinbase, 12-step branch):");
    println!("  full verification      {full:>10.0} shares/s");
    println!("  bare sha256d (sha2)    {sha2:>10.0} shares/s  (baseline, same inputs)");
    println!("  bare sha256d (bitcoin) {bitcoin:>10.0} shares/s  (the bitcoin crate's hashing alone)");
    println!("  full / baseline        {:>10.1} %  (goal: at least 80 %)", 100.0 * full / sha2);
}
