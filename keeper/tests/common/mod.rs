//! What the keeper's integration tests share.

#![allow(dead_code)] // each test binary uses its own part

use std::time::{Duration, Instant};

/// The payout script the test pools' coinbases pay in these tests.
pub fn payout() -> bitcoin::ScriptBuf {
    use bitcoin::hashes::Hash;
    bitcoin::ScriptBuf::new_p2wpkh(&bitcoin::WPubkeyHash::from_byte_array([7; 20]))
}

/// Waits (polling every 20 ms) until `done`, failing the test after `deadline`.
pub async fn until(what: &str, deadline: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

// === A journal of mined test shares ===

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::job::{Job, Submission};
use aihash_keeper::journal::{Journal, JournalConfig};
use aihash_keeper::proxy::{ProxyEvent, ShareRecord};
use aihash_keeper::upstream::Verdict;
use aihash_keeper::verify::{assemble, Rules};
use bitcoin::hashes::{sha256d, Hash};
use bitcoin::{BlockHash, CompactTarget, TxMerkleNode};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

pub const START_MS: u64 = 1_750_000_000_000 / 3_600_000 * 3_600_000;
const RULES: Rules = Rules { extranonce2_size: 4, version_mask: 0x1fff_e000, max_time_ahead_s: 600 };
pub const PAYOUT: &[u8] = b"\x00\x14the buyer's pool payout";

pub fn at(offset_ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(START_MS + offset_ms)
}

pub fn job() -> Arc<Job> {
    Arc::new(Job {
        id: "j1".into(),
        prev_hash: BlockHash::from_byte_array(sha256d::Hash::hash(b"tip").to_byte_array()),
        coinbase1: [b"\x01\x00\x00\x00cb1".to_vec(), PAYOUT.to_vec()].concat(),
        coinbase2: b"cb2".to_vec(),
        merkle_branch: (1..=2u8).map(|i| TxMerkleNode::from_byte_array([i; 32])).collect(),
        version: 0x2000_0000,
        bits: CompactTarget::from_consensus(0x1702_3a04),
        time: (START_MS / 1000) as u32,
        clean: true,
    })
}

/// The pool's difficulty: 64 hashes per share. The window's D is 4x harder.
pub fn pool() -> ShareDifficulty {
    ShareDifficulty::from_fixed(64).unwrap()
}

pub fn window_d() -> ShareDifficulty {
    ShareDifficulty::from_fixed(256).unwrap()
}

/// A share meeting the pool's difficulty, mined from extranonce2 `n`.
pub fn share(n: u32, verdict: Verdict, offset_ms: u64) -> ShareRecord {
    share_on(job(), n, verdict, offset_ms)
}

/// A share on `job` (its ntime is the job's), received at `offset_ms`.
pub fn share_on(job: Arc<Job>, n: u32, verdict: Verdict, offset_ms: u64) -> ShareRecord {
    let extranonce1 = vec![0xe1, 0, 0, 1];
    let mut submission = Submission {
        job_id: job.id.clone(),
        extranonce2: n.to_be_bytes().to_vec(),
        time: job.time,
        nonce: 0,
        version_bits: None,
    };
    let header = loop {
        let header = assemble(&job, &extranonce1, &submission, &RULES).unwrap();
        if pool().is_met_by(header.block_hash()) {
            break header;
        }
        submission.nonce += 1;
    };
    ShareRecord {
        target: "pool.example_3333".into(),
        worker: "prov.rig1".into(),
        provider: "prov".into(),
        job,
        extranonce1,
        submission,
        header,
        hash: header.block_hash(),
        difficulty: pool(),
        verdict,
        received: at(offset_ms),
    }
}

pub fn journal(dir: &std::path::Path) -> Journal {
    Journal::open(JournalConfig {
        dir: dir.to_owned(),
        window: Duration::from_secs(3_600),
        sync_every: Duration::from_millis(100),
        grace: Duration::ZERO,
    })
    .unwrap()
}

pub fn record(journal: &mut Journal, share: ShareRecord) {
    journal.record("pool.example_3333", &ProxyEvent::Share(Box::new(share)), window_d()).unwrap();
}

// === Rigs ===

/// A built-in CPU miner on `addr` as `user` (one thread, version rolling), reconnecting as a rig
/// does when the keeper turns it away or goes away; its counters.
pub fn start_miner(addr: std::net::SocketAddr, user: &str) -> Arc<aihash_keeper::miner::MinerStats> {
    use aihash_keeper::miner::{self, MinerConfig, MinerStats};
    let stats = Arc::new(MinerStats::default());
    let config = MinerConfig {
        pool: addr.to_string(),
        user: user.into(),
        password: "x".into(),
        threads: 1,
        version_rolling: true,
    };
    let task_stats = stats.clone();
    tokio::spawn(async move {
        loop {
            let _ = miner::run(config.clone(), task_stats.clone()).await;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    stats
}
