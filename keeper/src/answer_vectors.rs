//! The answers the keeper builds, as golden vectors for the Move verifier: the honest window of
//! the `shares` section (mined Stratum shares, `aihash_sdk::share_vectors`) goes through the
//! keeper's own verifier into its journal, the journal closes the window (its root must be the
//! committed root) and answers every leaf. `make answer-vectors` writes them into the
//! `keeper_answers` section of golden/vectors.json; a Move test answers a challenge with them,
//! so the keeper's answers and the Move verifier are tied by the same bytes.
//!
//! The same journal file is then tampered with twice, each copy getting one more share entry
//! written by the journal itself: the share of one leaf again (a duplicate the pool accepted), and
//! an accepted share from the same job whose hash misses the window's D. The keeper does not count
//! either (its summary of each copy keeps the honest root). A keeper that counted every accepted
//! share in the file would commit to the tree over all of them, duplicate and low share included;
//! its root, its count and its answer for the leaf where the fault sits are the
//! `keeper_duplicated_*` and `keeper_below_d_*` vectors, which Move tests expect the verifier to
//! refuse.
//!
//! Last, the calls themselves: the golden report challenged at [`CHALLENGE_SAMPLES`] (leaves drawn
//! twice among them) goes through the keeper's answer duty
//! ([`crate::duties::answer::answers`]), and each `report::answer` call it would send (position,
//! answer and coinbase branch) is a `keeper_call_<k>_*` vector, which a Move test replays in order
//! to close the challenge.

use crate::difficulty::ShareDifficulty;
use crate::duties::answer::answers;
use crate::job::{Job, JobBook, Submission};
use crate::journal::{self, Journal, JournalConfig, JournaledShare, WindowSummary};
use crate::proxy::{ProxyEvent, ShareRecord};
use crate::upstream::Verdict;
use crate::verify::{assemble, header_hash, verify, Rules};
use aihash_sdk::bindings::report::{Challenge, ChallengeOpened, Report, ReportState};
use aihash_sdk::golden::bytes;
use aihash_sdk::share_tree::{value_order, ShareTree};
use aihash_sdk::share_vectors::{SHARE_DIFFICULTY_FP, WINDOW_START_MS};
use aihash_sdk::tx::SampleAnswer;
use bitcoin::block::Header;
use bitcoin::hashes::Hash;
use bitcoin::{BlockHash, TxMerkleNode};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const MASK: u32 = 0x1fff_e000;
const TARGET: &str = "golden-pool";
/// The journaled share (in the order written) the duplicated copy repeats.
const DUPLICATED_SHARE: usize = 5;
/// The low share's extranonce2: the rig's next after the 16 honest ones.
const LOW_EXTRANONCE2: u32 = 16;
/// The leaf indices of the challenge the keeper's calls answer: leaves 5 and 2 drawn twice, the
/// last leaf (no successor) and leaf 0; leaves 5 and 15 are no position of the challenge, so calls
/// naming leaf indices as positions abort.
pub const CHALLENGE_SAMPLES: [u64; 6] = [5, 2, 5, 15, 0, 2];

fn chunks<const N: usize>(name: &str) -> Vec<[u8; N]> {
    bytes(name).expect("a shares vector").chunks(N).map(|c| c.try_into().expect("whole chunks")).collect()
}

/// The golden honest window journaled by the keeper, and the two tampered copies of its journal
/// file, each summarised by the keeper (in a temporary directory, removed on drop).
pub struct Journals {
    dir: PathBuf,
    pub honest: WindowSummary,
    /// The honest journal with the share of one leaf journaled again.
    pub duplicated: WindowSummary,
    /// The honest journal with an accepted share whose hash misses D.
    pub below_d: WindowSummary,
}

impl Drop for Journals {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What the golden honest shares share: their job and the rig's session.
struct Session {
    job: Arc<Job>,
    extranonce1: Vec<u8>,
    difficulty: ShareDifficulty,
    rules: Rules,
}

impl Session {
    fn golden(headers: &[Header]) -> Self {
        let job = Arc::new(Job {
            id: "honest".into(),
            prev_hash: BlockHash::from_byte_array(bytes("shares_tip").unwrap().try_into().expect("32 bytes")),
            coinbase1: bytes("shares_coinbase1").unwrap().to_vec(),
            coinbase2: bytes("shares_coinbase2").unwrap().to_vec(),
            merkle_branch: chunks::<32>("shares_branch")
                .into_iter()
                .map(TxMerkleNode::from_byte_array)
                .collect(),
            version: (headers[0].version.to_consensus() as u32 & !MASK) as i32,
            bits: headers[0].bits,
            time: headers.iter().map(|h| h.time).min().expect("shares"),
            clean: true,
        });
        Self {
            job,
            extranonce1: bytes("shares_extranonce1").unwrap().to_vec(),
            difficulty: ShareDifficulty::from_fixed(SHARE_DIFFICULTY_FP).expect("nonzero"),
            rules: Rules { extranonce2_size: 4, version_mask: MASK, max_time_ahead_s: 600 },
        }
    }

    /// The journal's record of a share of this session the pool accepted.
    fn record(&self, submission: Submission, header: Header, received_ms: u64) -> ShareRecord {
        ShareRecord {
            target: TARGET.into(),
            worker: "golden.rig".into(),
            provider: "golden".into(),
            job: self.job.clone(),
            extranonce1: self.extranonce1.clone(),
            submission,
            hash: header_hash(&header),
            header,
            difficulty: self.difficulty,
            verdict: Verdict::Accepted,
            received: UNIX_EPOCH + Duration::from_millis(received_ms),
        }
    }

    /// A well-formed share of the job, as the rig's next one, whose hash misses D: the keeper's
    /// verifier refuses it as low difficulty, and nothing else is wrong with it.
    fn below_d(&self, time: u32, version_bits: u32) -> (Submission, Header) {
        let mut submission = Submission {
            job_id: self.job.id.clone(),
            extranonce2: LOW_EXTRANONCE2.to_be_bytes().to_vec(),
            time,
            nonce: 0,
            version_bits: Some(version_bits),
        };
        loop {
            let header =
                assemble(&self.job, &self.extranonce1, &submission, &self.rules).expect("well formed");
            if !self.difficulty.is_met_by(header_hash(&header)) {
                return (submission, header);
            }
            submission.nonce += 1;
        }
    }
}

fn journal_config(dir: &Path) -> JournalConfig {
    JournalConfig {
        dir: dir.to_owned(),
        window: Duration::from_secs(600),
        sync_every: Duration::ZERO,
        grace: Duration::ZERO,
    }
}

/// After the window and its grace.
fn after_window() -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(WINDOW_START_MS + 3_600_000)
}

/// A copy of the honest window's journal file in `dir`, with `extra` journaled into it by the
/// keeper's journal, summarised.
fn tampered(honest: &WindowSummary, honest_dir: &Path, dir: &Path, extra: &ShareRecord) -> WindowSummary {
    let relative = honest.journal.strip_prefix(honest_dir).expect("the window file is in its journal");
    let copy = dir.join(relative);
    std::fs::create_dir_all(copy.parent().expect("a window's directory")).expect("a directory for the copy");
    std::fs::copy(&honest.journal, &copy).expect("the journal file copies");
    let mut journal = Journal::open(journal_config(dir)).expect("the copy opens");
    journal.align(TARGET, WINDOW_START_MS);
    journal.record(TARGET, &ProxyEvent::Share(Box::new(extra.clone())), extra.difficulty).expect("journaled");
    journal.close_due(after_window()).expect("the copy closes").remove(0)
}

/// Journals the golden honest shares through the keeper's verifier, closes the window, and makes
/// and summarises the two tampered copies.
pub fn journals() -> Journals {
    let headers: Vec<Header> = chunks::<80>("shares_honest_headers")
        .iter()
        .map(|h| bitcoin::consensus::deserialize(h).expect("an 80-byte header"))
        .collect();
    let session = Session::golden(&headers);
    // One directory per call: tests may build the journals at once in one process.
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("aihash-answer-vectors-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let honest_dir = dir.join("honest");
    let mut journal =
        Journal::open(journal_config(&honest_dir)).expect("a journal in the temporary directory");
    journal.align(TARGET, WINDOW_START_MS);
    let mut book = JobBook::new(4);
    book.add(session.job.clone());
    let mut records = vec![];
    for (n, (header, extranonce2)) in headers.iter().zip(chunks::<4>("shares_honest_extranonce2")).enumerate()
    {
        let submission = Submission {
            job_id: session.job.id.clone(),
            extranonce2: extranonce2.to_vec(),
            time: header.time,
            nonce: header.nonce,
            version_bits: Some(header.version.to_consensus() as u32 & MASK),
        };
        // Through the keeper's verifier, as a rig's share would come.
        let share = verify(&mut book, &session.extranonce1, &submission, &session.rules, session.difficulty)
            .expect("a golden share verifies");
        let record = session.record(submission, share.header, WINDOW_START_MS + n as u64);
        journal
            .record(TARGET, &ProxyEvent::Share(Box::new(record.clone())), session.difficulty)
            .expect("journaled");
        records.push(record);
    }
    let honest = journal.close_due(after_window()).expect("the window closes").remove(0);
    assert_eq!(
        hex::decode(&honest.root).unwrap(),
        bytes("shares_honest_root").unwrap(),
        "the keeper's root is the committed one"
    );

    let duplicated = tampered(&honest, &honest_dir, &dir.join("duplicated"), &records[DUPLICATED_SHARE]);
    let last = headers.iter().max_by_key(|h| h.time).expect("shares");
    let (submission, header) = session.below_d(last.time + 30, last.version.to_consensus() as u32 & MASK);
    let low = session.record(submission, header, WINDOW_START_MS + records.len() as u64);
    let below_d = tampered(&honest, &honest_dir, &dir.join("below_d"), &low);
    Journals { dir, honest, duplicated, below_d }
}

/// What a keeper counting every accepted share of tampered journal file `journal` (`name`) would
/// commit to, and its answer for the first leaf `faulty` picks out: `keeper_<name>_root`, `_count`,
/// `_index` and `_answer_<part>`.
fn insert_counting_everything(
    vectors: &mut BTreeMap<String, String>,
    name: &str,
    journal: &Path,
    faulty: impl Fn(&[JournaledShare], usize) -> bool,
) {
    let window = journal::entries(journal).expect("the journal reads");
    let mut leaves: Vec<JournaledShare> = window.shares.iter().filter(|s| s.is_accepted()).cloned().collect();
    leaves.sort_by(|a, b| value_order(&a.hash, &b.hash));
    let hashes: Vec<_> = leaves.iter().map(|s| s.hash).collect();
    let tree = ShareTree::new_unchecked(&hashes);
    let index = (0..leaves.len()).find(|&i| faulty(&leaves, i)).expect("the fault is in the tree") as u64;
    let answer = window.answer(journal, &leaves, &tree, index).expect("the faulty leaf answers");
    vectors.insert(format!("keeper_{name}_root"), hex::encode(tree.root()));
    vectors.insert(format!("keeper_{name}_count"), hex::encode(tree.len().to_le_bytes()));
    vectors.insert(format!("keeper_{name}_index"), hex::encode(index.to_le_bytes()));
    insert_answer(vectors, &format!("keeper_{name}_answer"), &answer);
}

/// The golden report of the honest window, challenged by the buyer (as the golden
/// `ChallengeOpened`) at `samples`, none answered yet.
fn challenged_report(samples: &[u64]) -> Report {
    let mut report: Report = bcs::from_bytes(bytes("report_object").unwrap()).expect("the golden report");
    let opened: ChallengeOpened =
        bcs::from_bytes(bytes("report_challenge_opened").unwrap()).expect("the golden ChallengeOpened");
    report.state = ReportState::Challenged;
    report.challenge = Some(Challenge {
        challenger: opened.challenger,
        challenger_identity: opened.challenger_identity,
        bond: moverox_sui::sui::balance::Balance::new(opened.bond),
        samples: samples.to_vec(),
        answered: vec![false; samples.len()],
        // The answer duty reads neither time; the deadline is the golden event's.
        opened_ms: 0,
        deadline_ms: opened.deadline_ms,
    });
    report
}

/// The `report::answer` calls the keeper's answer duty builds from the journal `journal` for the
/// golden report challenged at [`CHALLENGE_SAMPLES`]: `keeper_challenge_samples` (u64 LE each),
/// `keeper_challenge_calls` (u64 LE) and, per call `k` in order, `keeper_call_<k>_position` (u64
/// LE) and `_<part>` of its answer, the coinbase branch included.
fn insert_challenge_calls(vectors: &mut BTreeMap<String, String>, journal: &Path) {
    let report = challenged_report(&CHALLENGE_SAMPLES);
    let calls = answers(&report, journal).expect("the keeper answers the challenge");
    vectors.insert(
        "keeper_challenge_samples".into(),
        hex::encode(CHALLENGE_SAMPLES.map(u64::to_le_bytes).concat()),
    );
    vectors.insert("keeper_challenge_calls".into(), hex::encode((calls.len() as u64).to_le_bytes()));
    for (k, call) in calls.iter().enumerate() {
        let prefix = format!("keeper_call_{k}");
        vectors.insert(format!("{prefix}_position"), hex::encode(call.position.to_le_bytes()));
        insert_answer(vectors, &prefix, call);
        vectors.insert(format!("{prefix}_branch"), hex::encode(call.branch.concat()));
    }
}

fn insert_answer(vectors: &mut BTreeMap<String, String>, prefix: &str, answer: &SampleAnswer) {
    vectors.insert(format!("{prefix}_header"), hex::encode(&answer.header));
    vectors.insert(format!("{prefix}_proof"), hex::encode(answer.proof.concat()));
    vectors.insert(format!("{prefix}_next_header"), hex::encode(&answer.next_header));
    vectors.insert(format!("{prefix}_next_proof"), hex::encode(answer.next_proof.concat()));
    vectors.insert(format!("{prefix}_coinbase"), hex::encode(&answer.coinbase));
}

/// Name -> hex of every vector: `keeper_answer_<index>_<part>` for the honest window, and for
/// each tampered copy (`duplicated`, `below_d`) `keeper_<copy>_root`, `_count` and `_index` (u64,
/// BCS) and `keeper_<copy>_answer_<part>`; the keeper's calls answering a challenge of the honest
/// window, `keeper_challenge_*` and `keeper_call_<k>_*` (see [`insert_challenge_calls`]).
pub fn generate() -> BTreeMap<String, String> {
    let journals = journals();
    let mut vectors = BTreeMap::new();
    let leaves: Vec<u64> = (0..journals.honest.shares).collect();
    let answers = journal::answers(&journals.honest.journal, &leaves).expect("every leaf answers");
    for (index, answer) in answers.iter().enumerate() {
        insert_answer(&mut vectors, &format!("keeper_answer_{index}"), answer);
    }
    insert_challenge_calls(&mut vectors, &journals.honest.journal);
    // A leaf equal to its successor: the duplicate's first copy.
    insert_counting_everything(&mut vectors, "duplicated", &journals.duplicated.journal, |leaves, i| {
        leaves.get(i + 1).is_some_and(|next| next.hash == leaves[i].hash)
    });
    let difficulty = ShareDifficulty::from_fixed(SHARE_DIFFICULTY_FP).expect("nonzero");
    insert_counting_everything(&mut vectors, "below_d", &journals.below_d.journal, |leaves, i| {
        !difficulty.is_met_by(BlockHash::from_byte_array(leaves[i].hash))
    });
    vectors
}
