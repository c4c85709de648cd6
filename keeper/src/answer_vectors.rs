//! The answers the keeper builds, as golden vectors for the Move verifier: the honest window of
//! the `shares` section (mined Stratum shares, `aihash_sdk::share_vectors`) goes through the
//! keeper's own verifier into its journal, the journal closes the window (its root must be the
//! committed root) and answers every leaf. `make answer-vectors` writes them into the
//! `keeper_answers` section of golden/vectors.json; a Move test answers a challenge with them,
//! so the keeper's answers and the Move verifier are tied by the same bytes.

use crate::difficulty::ShareDifficulty;
use crate::job::{Job, JobBook, Submission};
use crate::journal::{self, Journal, JournalConfig};
use crate::proxy::{ProxyEvent, ShareRecord};
use crate::upstream::Verdict;
use crate::verify::{verify, Rules};
use aihash_sdk::golden::bytes;
use aihash_sdk::share_vectors::{SHARE_DIFFICULTY_FP, WINDOW_START_MS};
use bitcoin::block::Header;
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, TxMerkleNode};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

const MASK: u32 = 0x1fff_e000;

fn chunks<const N: usize>(name: &str) -> Vec<[u8; N]> {
    bytes(name).expect("a shares vector").chunks(N).map(|c| c.try_into().expect("whole chunks")).collect()
}

/// Name -> hex of every answer, `keeper_answer_<index>_<part>`.
pub fn generate() -> BTreeMap<String, String> {
    let headers: Vec<Header> = chunks::<80>("shares_honest_headers")
        .iter()
        .map(|h| bitcoin::consensus::deserialize(h).expect("an 80-byte header"))
        .collect();
    let job = Arc::new(Job {
        id: "honest".into(),
        prev_hash: BlockHash::from_byte_array(bytes("shares_tip").unwrap().try_into().expect("32 bytes")),
        coinbase1: bytes("shares_coinbase1").unwrap().to_vec(),
        coinbase2: bytes("shares_coinbase2").unwrap().to_vec(),
        merkle_branch: chunks::<32>("shares_branch").into_iter().map(TxMerkleNode::from_byte_array).collect(),
        version: (headers[0].version.to_consensus() as u32 & !MASK) as i32,
        bits: headers[0].bits,
        time: headers.iter().map(|h| h.time).min().expect("shares"),
        clean: true,
    });
    let extranonce1 = bytes("shares_extranonce1").unwrap().to_vec();
    let difficulty = ShareDifficulty::from_fixed(SHARE_DIFFICULTY_FP).expect("nonzero");
    let rules = Rules { extranonce2_size: 4, version_mask: MASK, max_time_ahead_s: 600 };
    let dir = std::env::temp_dir().join(format!("aihash-answer-vectors-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let config = JournalConfig {
        dir: dir.clone(),
        window: Duration::from_secs(600),
        sync_every: Duration::ZERO,
        grace: Duration::ZERO,
    };
    let mut journal = Journal::open(config).expect("a journal in the temporary directory");
    journal.align("golden-pool", WINDOW_START_MS);
    let mut book = JobBook::new(4);
    book.add(job.clone());
    for (n, (header, extranonce2)) in headers.iter().zip(chunks::<4>("shares_honest_extranonce2")).enumerate()
    {
        let submission = Submission {
            job_id: job.id.clone(),
            extranonce2: extranonce2.to_vec(),
            time: header.time,
            nonce: header.nonce,
            version_bits: Some(header.version.to_consensus() as u32 & MASK),
        };
        // Through the keeper's verifier, as a rig's share would come.
        let share = verify(&mut book, &extranonce1, &submission, &rules, difficulty)
            .expect("a golden share verifies");
        let record = ShareRecord {
            target: "golden-pool".into(),
            worker: "golden.rig".into(),
            provider: "golden".into(),
            job: job.clone(),
            extranonce1: extranonce1.clone(),
            submission,
            header: share.header,
            hash: share.hash,
            difficulty,
            verdict: Verdict::Accepted,
            received: UNIX_EPOCH + Duration::from_millis(WINDOW_START_MS + n as u64),
        };
        journal.record("golden-pool", &ProxyEvent::Share(Box::new(record)), difficulty).expect("journaled");
    }
    let summary = journal
        .close_due(UNIX_EPOCH + Duration::from_millis(WINDOW_START_MS + 3_600_000))
        .expect("the window closes")
        .remove(0);
    assert_eq!(
        hex::decode(&summary.root).unwrap(),
        bytes("shares_honest_root").unwrap(),
        "the keeper's root is the committed one"
    );
    let mut vectors = BTreeMap::new();
    for index in 0..summary.shares {
        let answer = journal::answer(&summary.journal, index).expect("every leaf answers");
        let name = |part: &str| format!("keeper_answer_{index}_{part}");
        vectors.insert(name("header"), hex::encode(&answer.header));
        vectors.insert(name("proof"), hex::encode(answer.proof.concat()));
        vectors.insert(name("next_header"), hex::encode(&answer.next_header));
        vectors.insert(name("next_proof"), hex::encode(answer.next_proof.concat()));
        vectors.insert(name("coinbase"), hex::encode(&answer.coinbase));
    }
    let _ = std::fs::remove_dir_all(&dir);
    vectors
}
