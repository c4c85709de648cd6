//! `make bench-keeper` (first part): share verifications per second on one core, as the proxy
//! does them — the `mining.submit` JSON line decoded (`decode_request`, `sv1_api`), then the job
//! looked up, coinbase and header rebuilt, version and ntime checked, sha256d, target, duplicate
//! bookkeeping — next to the bare hashing one verification needs, done with raw `sha2` on the
//! same inputs without allocating: sha256d of the coinbase (fed in its parts), of each
//! merkle-branch step and of the header. Verification of pre-parsed submissions is shown too, to
//! tell the cost of decoding from the cost of checking. All rows are measured in alternation
//! over several rounds and the medians compared, so a busy moment of the machine does not land
//! on one side only.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::job::{Job, JobBook, Submission};
use aihash_keeper::stratum::wire::{decode_request, submission_from_submit, Request};
use aihash_keeper::verify::{verify, Rules};
use bitcoin::hashes::{sha256d, Hash, HashEngine};
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};
use sv1_api::methods::{Client2Server, Method};

const SHARES: u32 = 100_000;
const ROUNDS: usize = 7;

/// SHA-256d of `parts` in a row with `sha2`, without gathering them in one buffer.
fn sha2_parts(parts: &[&[u8]]) -> [u8; 32] {
    let mut first = Sha256::new();
    for part in parts {
        first.update(part);
    }
    Sha256::digest(first.finalize()).into()
}

/// The same with the `bitcoin` crate's hashing.
fn bitcoin_parts(parts: &[&[u8]]) -> [u8; 32] {
    let mut engine = sha256d::Hash::engine();
    for part in parts {
        engine.input(part);
    }
    sha256d::Hash::from_engine(engine).to_byte_array()
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

/// The `mining.submit` line a rig sends for `submission`.
fn submit_line(id: u32, submission: &Submission) -> String {
    format!(
        r#"{{"id":{id},"method":"mining.submit","params":["acme.rig1","{}","{}","{:08x}","{:08x}","{:08x}"]}}"#,
        submission.job_id,
        hex::encode(&submission.extranonce2),
        submission.time,
        submission.nonce,
        submission.version_bits.unwrap_or(0)
    )
}

const RULES: Rules = Rules { extranonce2_size: 6, version_mask: 0x1fff_e000, max_time_ahead_s: 600 };

/// A book holding `job`, and a difficulty so low nearly every share passes: each one is verified
/// in full and recorded.
fn book_and_difficulty(job: &Job) -> (JobBook, ShareDifficulty) {
    let mut book = JobBook::new(16);
    book.add(job.clone());
    (book, ShareDifficulty::from_fixed(1).expect("nonzero"))
}

/// At D = 2^-32 all but about one hash in 65,536 meet the target.
fn check_verified(verified: usize, of: usize) {
    assert!(verified >= of * 999 / 1000, "{verified} of {of} verified");
}

/// The keeper's verification of pre-parsed submissions.
fn verify_only(job: &Job, submissions: &[Submission]) -> Duration {
    let (mut book, difficulty) = book_and_difficulty(job);
    let start = Instant::now();
    let verified =
        submissions.iter().filter(|s| verify(&mut book, &EXTRANONCE1, s, &RULES, difficulty).is_ok()).count();
    let elapsed = start.elapsed();
    check_verified(verified, submissions.len());
    elapsed
}

/// The proxy's path: each `mining.submit` line decoded, then verified.
fn decode_and_verify(job: &Job, lines: &[String]) -> Duration {
    let (mut book, difficulty) = book_and_difficulty(job);
    let start = Instant::now();
    let verified = lines
        .iter()
        .filter(|line| {
            let Ok(Request { method: Method::Client2Server(Client2Server::Submit(submit)), .. }) =
                decode_request(line)
            else {
                return false;
            };
            let submission = submission_from_submit(&submit);
            verify(&mut book, &EXTRANONCE1, &submission, &RULES, difficulty).is_ok()
        })
        .count();
    let elapsed = start.elapsed();
    check_verified(verified, lines.len());
    elapsed
}

/// The same hashing with `hash`: coinbase (in its parts), branch steps, header.
fn bare(job: &Job, submissions: &[Submission], hash: impl Fn(&[&[u8]]) -> [u8; 32]) -> Duration {
    let start = Instant::now();
    let mut sink = 0u8;
    for submission in submissions {
        let mut root = hash(&[&job.coinbase1, &EXTRANONCE1, &submission.extranonce2, &job.coinbase2]);
        for step in &job.merkle_branch {
            root = hash(&[&root, step.as_byte_array()]);
        }
        let mut header = [0u8; 80];
        header[..4].copy_from_slice(&job.version.to_le_bytes());
        header[4..36].copy_from_slice(job.prev_hash.as_byte_array());
        header[36..68].copy_from_slice(&root);
        header[68..72].copy_from_slice(&submission.time.to_le_bytes());
        header[72..76].copy_from_slice(&job.bits.to_consensus().to_le_bytes());
        header[76..].copy_from_slice(&submission.nonce.to_le_bytes());
        sink ^= hash(&[&header])[0];
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
    let (mut decoded_runs, mut verify_runs, mut sha2_runs, mut bitcoin_runs) =
        (vec![], vec![], vec![], vec![]);
    for round in 0..ROUNDS as u32 {
        let submissions = submissions(round);
        let lines: Vec<String> = submissions.iter().zip(0..).map(|(s, id)| submit_line(id, s)).collect();
        decoded_runs.push(decode_and_verify(&job, &lines));
        verify_runs.push(verify_only(&job, &submissions));
        sha2_runs.push(bare(&job, &submissions, sha2_parts));
        bitcoin_runs.push(bare(&job, &submissions, bitcoin_parts));
    }
    let rate = |runs: Vec<Duration>| SHARES as f64 / median(runs).as_secs_f64();
    let (decoded, verified, sha2, bitcoin) =
        (rate(decoded_runs), rate(verify_runs), rate(sha2_runs), rate(bitcoin_runs));
    println!("share verification, one core, median of {ROUNDS} alternating rounds of {SHARES} shares (250-byte coinbase, 12-step branch):");
    println!("  decode + verify          {decoded:>10.0} shares/s  (the proxy's path: the mining.submit line decoded, then verified)");
    println!("  verify only (pre-parsed) {verified:>10.0} shares/s");
    println!("  bare sha256d (sha2)      {sha2:>10.0} shares/s  (baseline, same inputs, no allocation)");
    println!("  bare sha256d (bitcoin)   {bitcoin:>10.0} shares/s  (the bitcoin crate's hashing alone)");
    println!("  decode + verify / baseline {:>8.1} %  (goal: at least 80 %)", 100.0 * decoded / sha2);
    println!("  verify only / baseline     {:>8.1} %", 100.0 * verified / sha2);
}
