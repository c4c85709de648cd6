//! A CPU miner that speaks Stratum V1 to any pool or keeper, for tests, demos and smoke checks.
//! It mines real SHA-256d on the jobs it is sent, with one hashing thread per `--threads`, rolls
//! version bits when the pool allows it, and counts what the pool accepts.

use crate::difficulty::ShareDifficulty;
use crate::job::{Job, Submission};
use crate::stratum::line::{read_line, MAX_LINE};
use crate::stratum::wire::{decode, encode, job_from_notify, submit_request, subscribe_result};
use crate::verify::{assemble, header_hash, Rules};
use anyhow::Context;
use serde_json::json;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use sv1_api::methods::{Method, Server2Client, Server2ClientResponse};
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

/// Where and how to mine.
#[derive(Debug, Clone)]
pub struct MinerConfig {
    /// The pool's (or keeper's) `host:port`.
    pub pool: String,
    pub user: String,
    pub password: String,
    pub threads: usize,
    /// Ask for BIP 310 version rolling.
    pub version_rolling: bool,
}

/// What a miner has done so far.
#[derive(Debug, Default)]
pub struct MinerStats {
    pub hashes: AtomicU64,
    pub submitted: AtomicU64,
    pub accepted: AtomicU64,
    pub rejected: AtomicU64,
}

/// What the hashing threads work on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Work {
    job: Job,
    extranonce1: Vec<u8>,
    rules: Rules,
    difficulty: ShareDifficulty,
}

/// The work the threads share: the current work and its generation (bumped on every change).
#[derive(Default)]
struct Board {
    work: RwLock<Option<Work>>,
    generation: AtomicU64,
    next_extranonce2: AtomicU64,
    stop: AtomicBool,
}

/// Mines until the connection closes or fails; the error says why it ended.
pub async fn run(config: MinerConfig, stats: Arc<MinerStats>) -> anyhow::Result<()> {
    let stream =
        TcpStream::connect(&config.pool).await.with_context(|| format!("connecting to {}", config.pool))?;
    stream.set_nodelay(true)?;
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let board = Arc::new(Board::default());
    let (found, mut shares) = mpsc::unbounded_channel::<(u64, Submission)>();
    for index in 0..config.threads.max(1) {
        let (board, stats, found) = (board.clone(), stats.clone(), found.clone());
        std::thread::spawn(move || hash(index as u32, &board, &stats, &found));
    }
    let _stop = StopOnDrop(board.clone());

    if config.version_rolling {
        let configure = json!({"id": 1, "method": "mining.configure", "params": [["version-rolling"], {"version-rolling.mask": "1fffe000", "version-rolling.min-bit-count": 2}]});
        writer.write_all(format!("{configure}\n").as_bytes()).await?;
    }
    let subscribe = json!({"id": 2, "method": "mining.subscribe", "params": ["aihash-miner/0.1"]});
    let authorize = json!({"id": 3, "method": "mining.authorize", "params": [config.user, config.password]});
    let extranonce_subscribe = json!({"id": 4, "method": "mining.extranonce.subscribe", "params": []});
    writer.write_all(format!("{subscribe}\n{authorize}\n{extranonce_subscribe}\n").as_bytes()).await?;

    let mut session = Session::default();
    let mut current: Option<Work> = None;
    let mut next_id = 10u64;
    let mut buf = Vec::new();
    loop {
        tokio::select! {
            line = read_line(&mut reader, &mut buf, MAX_LINE) => {
                let Some(line) = line? else { anyhow::bail!("{} closed the connection", config.pool) };
                // Pools vary in their subscription lists; the extranonce is read from the JSON.
                if let Some((extranonce1, size)) = subscribe_result(&line, 2) {
                    session.extranonce1 = Some(extranonce1);
                    session.extranonce2_size = size;
                }
                if let Ok(message) = decode(&line) {
                    session.apply(message, &stats);
                    if session.authorized == Some(false) {
                        anyhow::bail!("{} refused worker `{}`", config.pool, config.user);
                    }
                    if let Some(work) = session.work().filter(|work| Some(work) != current.as_ref()) {
                        current = Some(work.clone());
                        publish(&board, work);
                    }
                }
            }
            Some((generation, submission)) = shares.recv() => {
                if generation != board.generation.load(Ordering::Acquire) {
                    continue; // found on work that has since changed
                }
                next_id += 1;
                let request = submit_request(next_id, &config.user, &submission)?;
                writer.write_all(encode(request).as_bytes()).await?;
                stats.submitted.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// Stops the hashing threads when the session ends.
struct StopOnDrop(Arc<Board>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop.store(true, Ordering::Release);
    }
}

/// What the pool has told the miner so far.
#[derive(Default)]
struct Session {
    extranonce1: Option<Vec<u8>>,
    extranonce2_size: usize,
    version_mask: u32,
    difficulty: Option<ShareDifficulty>,
    job: Option<Job>,
    /// The pool's answer to `mining.authorize`.
    authorized: Option<bool>,
}

impl Session {
    fn apply(&mut self, message: Method, stats: &MinerStats) {
        match message {
            Method::Server2ClientResponse(Server2ClientResponse::Subscribe(subscribe)) => {
                self.extranonce1 = Some(subscribe.extra_nonce1.into());
                self.extranonce2_size = subscribe.extra_nonce2_size;
            }
            Method::Server2ClientResponse(Server2ClientResponse::Configure(configure)) => {
                self.version_mask =
                    configure.version_rolling.map_or(0, |params| params.version_rolling_mask.0);
            }
            Method::Server2ClientResponse(Server2ClientResponse::GeneralResponse(response))
                if response.id == 3 =>
            {
                self.authorized = Some(response.result);
            }
            Method::ErrorMessage(sv1_api::json_rpc::Message::ErrorResponse(response)) if response.id == 3 => {
                self.authorized = Some(false);
            }
            Method::Server2ClientResponse(Server2ClientResponse::GeneralResponse(response))
                if response.id > 10 =>
            {
                let counter = if response.result { &stats.accepted } else { &stats.rejected };
                counter.fetch_add(1, Ordering::Relaxed);
            }
            Method::ErrorMessage(sv1_api::json_rpc::Message::ErrorResponse(response)) if response.id > 10 => {
                stats.rejected.fetch_add(1, Ordering::Relaxed);
            }
            Method::Server2Client(Server2Client::SetDifficulty(set)) => {
                self.difficulty = ShareDifficulty::from_f64(set.value);
            }
            Method::Server2Client(Server2Client::SetExtranonce(set)) => {
                self.extranonce1 = Some(set.extra_nonce1.into());
                self.extranonce2_size = set.extra_nonce2_size;
            }
            Method::Server2Client(Server2Client::SetVersionMask(set)) => {
                self.version_mask = set.version_mask.0
            }
            Method::Server2Client(Server2Client::Notify(notify)) => self.job = Some(job_from_notify(&notify)),
            _ => {}
        }
    }

    fn work(&self) -> Option<Work> {
        Some(Work {
            job: self.job.clone()?,
            extranonce1: self.extranonce1.clone()?,
            rules: Rules {
                extranonce2_size: self.extranonce2_size,
                version_mask: self.version_mask,
                max_time_ahead_s: 600,
            },
            difficulty: self.difficulty?,
        })
    }
}

/// Hands new work to the threads. The extranonce2 counter is never reset, so no header is ever
/// hashed twice in a session, even when the same job comes back with another difficulty.
fn publish(board: &Board, work: Work) {
    *board.work.write().unwrap() = Some(work);
    board.generation.fetch_add(1, Ordering::AcqRel);
}

/// One hashing thread: takes an extranonce2, runs through nonces, reports shares, and starts
/// over when the work changes.
fn hash(index: u32, board: &Board, stats: &MinerStats, found: &mpsc::UnboundedSender<(u64, Submission)>) {
    const CHECK_EVERY: u32 = 4096;
    while !board.stop.load(Ordering::Acquire) {
        let generation = board.generation.load(Ordering::Acquire);
        let Some(work) = board.work.read().unwrap().clone() else {
            std::thread::sleep(std::time::Duration::from_millis(5));
            continue;
        };
        let extranonce2 = board.next_extranonce2.fetch_add(1, Ordering::AcqRel);
        let size = work.rules.extranonce2_size.min(8);
        let mut submission = Submission {
            job_id: work.job.id.clone(),
            extranonce2: [
                vec![0; work.rules.extranonce2_size - size],
                extranonce2.to_be_bytes()[8 - size..].to_vec(),
            ]
            .concat(),
            time: work.job.time,
            nonce: 0,
            // Each thread rolls its own version bits, inside the mask.
            version_bits: (work.rules.version_mask != 0)
                .then_some((work.job.version as u32 | (index << 13)) & work.rules.version_mask),
        };
        let Ok(mut header) = assemble(&work.job, &work.extranonce1, &submission, &work.rules) else {
            std::thread::sleep(std::time::Duration::from_millis(5));
            continue;
        };
        let target = work.difficulty.target();
        let mut nonce = 0u32;
        loop {
            header.nonce = nonce;
            if target.is_met_by(header_hash(&header)) {
                submission.nonce = nonce;
                let _ = found.send((generation, submission.clone()));
            }
            nonce = nonce.wrapping_add(1);
            if nonce.is_multiple_of(CHECK_EVERY) {
                stats.hashes.fetch_add(CHECK_EVERY as u64, Ordering::Relaxed);
                if board.stop.load(Ordering::Acquire)
                    || board.generation.load(Ordering::Acquire) != generation
                {
                    break;
                }
            }
            if nonce == 0 {
                break; // this extranonce2 is exhausted
            }
        }
    }
}
