//! A Stratum V1 pool for tests, demos and local runs. It is a test tool, not a pool: it issues
//! jobs from a made-up block template whose coinbase pays a given payout script, checks every
//! share with the keeper's own verifier, and accepts or rejects it. Nothing it does reaches
//! Bitcoin.

use crate::difficulty::ShareDifficulty;
use crate::job::{Job, JobBook, Submission};
use crate::stratum::line::{read_line, MAX_LINE};
use crate::stratum::wire::{
    decode_request, encode, extranonce, notify_from_job, submission_from_submit, Request,
};
use crate::verify::{verify, Rejection, Rules};
use bitcoin::absolute::LockTime;
use bitcoin::hashes::{sha256d, Hash};
use bitcoin::script::Builder;
use bitcoin::transaction::{Transaction, TxIn, TxOut};
use bitcoin::{Amount, BlockHash, CompactTarget, OutPoint, ScriptBuf, Sequence, TxMerkleNode, Witness};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use sv1_api::client_to_server::{SubmitError, SubmitOutcome};
use sv1_api::methods::{Client2Server, Method};
use sv1_api::server_to_client as s2c;
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast;

/// How the test pool behaves.
#[derive(Debug, Clone)]
pub struct TestPoolConfig {
    /// The script the coinbase pays (the buyer's "pool payout bytes").
    pub payout: ScriptBuf,
    pub difficulty: ShareDifficulty,
    pub extranonce2_size: usize,
    /// Version bits miners may roll (BIP 310).
    pub version_mask: u32,
    /// A new (not clean) job this often.
    pub job_interval: Duration,
}

impl TestPoolConfig {
    pub fn new(payout: ScriptBuf, difficulty: ShareDifficulty) -> Self {
        Self {
            payout,
            difficulty,
            extranonce2_size: 8,
            version_mask: 0x1fff_e000,
            job_interval: Duration::from_secs(30),
        }
    }
}

/// A share the pool accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub worker: String,
    pub hash: BlockHash,
}

#[derive(Default)]
struct PoolState {
    book: Option<JobBook>,
    jobs_issued: u64,
    blocks: u64,
    next_extranonce1: u32,
    accepted: Vec<Accepted>,
    /// Rejections by Stratum error code.
    rejected: BTreeMap<i32, u64>,
}

/// A running test pool. Dropping it does not stop it; `stop` does.
pub struct TestPool {
    addr: SocketAddr,
    config: TestPoolConfig,
    state: Arc<Mutex<PoolState>>,
    jobs: broadcast::Sender<Job>,
    stop: broadcast::Sender<()>,
}

impl TestPool {
    /// Listens on `bind` (port 0 for any) and serves until stopped.
    pub async fn spawn(bind: SocketAddr, config: TestPoolConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind(bind).await?;
        let addr = listener.local_addr()?;
        let (jobs, _) = broadcast::channel(64);
        let (stop, _) = broadcast::channel(1);
        let pool = Self { addr, config, state: Arc::default(), jobs, stop };
        pool.new_block();
        let (state, config, jobs, mut stopped) =
            (pool.state.clone(), pool.config.clone(), pool.jobs.clone(), pool.stop.subscribe());
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = stopped.recv() => return,
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        let connection = Connection::new(state.clone(), config.clone(), jobs.subscribe());
                        tokio::spawn(connection.serve(stream, stopped.resubscribe()));
                    }
                }
            }
        });
        let (state, config, jobs, mut stopped) =
            (pool.state.clone(), pool.config.clone(), pool.jobs.clone(), pool.stop.subscribe());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(config.job_interval);
            tick.tick().await;
            loop {
                tokio::select! {
                    _ = stopped.recv() => return,
                    _ = tick.tick() => { let _ = jobs.send(issue(&state, &config, false)); }
                }
            }
        });
        Ok(pool)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A new block on the network: a clean job on a new previous block, sent to every miner.
    pub fn new_block(&self) {
        let job = issue(&self.state, &self.config, true);
        let _ = self.jobs.send(job);
    }

    /// The shares accepted so far.
    pub fn accepted(&self) -> Vec<Accepted> {
        self.state.lock().unwrap().accepted.clone()
    }

    /// Rejected shares so far, by Stratum error code.
    pub fn rejected(&self) -> BTreeMap<i32, u64> {
        self.state.lock().unwrap().rejected.clone()
    }

    /// Stops listening and drops every connection, as a crashed pool would.
    pub fn stop(&self) {
        let _ = self.stop.send(());
    }
}

/// Makes the next job and records it in the book.
fn issue(state: &Mutex<PoolState>, config: &TestPoolConfig, clean: bool) -> Job {
    let mut state = state.lock().unwrap();
    if clean {
        state.blocks += 1;
    }
    state.jobs_issued += 1;
    let (template, branch) = template(&config.payout, state.blocks, config.extranonce2_size);
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as u32);
    let job = Job {
        id: format!("{:x}", state.jobs_issued),
        prev_hash: BlockHash::from_byte_array(
            sha256d::Hash::hash(&state.blocks.to_le_bytes()).to_byte_array(),
        ),
        coinbase1: template.0,
        coinbase2: template.1,
        merkle_branch: branch,
        version: 0x2000_0000,
        bits: CompactTarget::from_consensus(0x1702_3a04),
        time: now,
        clean,
    };
    state.book.get_or_insert_with(|| JobBook::new(16)).add(job.clone());
    job
}

/// The coinbase halves around `4 + extranonce2_size` extranonce bytes, paying `payout`, and the
/// branch of a block with three other (made-up) transactions.
fn template(
    payout: &ScriptBuf,
    height: u64,
    extranonce2_size: usize,
) -> ((Vec<u8>, Vec<u8>), Vec<TxMerkleNode>) {
    let placeholder = vec![0xee; 4 + extranonce2_size];
    let script_sig = Builder::new()
        .push_int(800_000 + height as i64)
        .push_slice(<&bitcoin::script::PushBytes>::try_from(&placeholder[..]).expect("a short push"))
        .into_script();
    let coinbase = Transaction {
        version: bitcoin::transaction::Version::ONE,
        lock_time: LockTime::ZERO,
        input: vec![TxIn {
            previous_output: OutPoint::null(),
            script_sig,
            sequence: Sequence::MAX,
            witness: Witness::new(),
        }],
        output: vec![TxOut { value: Amount::from_sat(312_500_000), script_pubkey: payout.clone() }],
    };
    let bytes = bitcoin::consensus::serialize(&coinbase);
    let at = bytes.windows(placeholder.len()).position(|w| w == placeholder).expect("the placeholder");
    let halves = (bytes[..at].to_vec(), bytes[at + placeholder.len()..].to_vec());
    let branch = (0..2u8)
        .map(|i| TxMerkleNode::from_byte_array(sha256d::Hash::hash(&[b'b', i, height as u8]).to_byte_array()))
        .collect();
    (halves, branch)
}

/// One miner's session.
struct Connection {
    state: Arc<Mutex<PoolState>>,
    config: TestPoolConfig,
    jobs: broadcast::Receiver<Job>,
    extranonce1: Vec<u8>,
    version_mask: u32,
    authorized: Option<String>,
}

impl Connection {
    fn new(state: Arc<Mutex<PoolState>>, config: TestPoolConfig, jobs: broadcast::Receiver<Job>) -> Self {
        let extranonce1 = {
            let mut state = state.lock().unwrap();
            state.next_extranonce1 += 1;
            state.next_extranonce1.to_be_bytes().to_vec()
        };
        Self { state, config, jobs, extranonce1, version_mask: 0, authorized: None }
    }

    async fn serve(mut self, stream: TcpStream, mut stopped: broadcast::Receiver<()>) {
        let _ = stream.set_nodelay(true);
        let (reader, mut writer) = stream.into_split();
        let mut reader = BufReader::new(reader);
        let mut buf = Vec::new();
        loop {
            let outgoing = tokio::select! {
                _ = stopped.recv() => return,
                line = read_line(&mut reader, &mut buf, MAX_LINE) => match line {
                    Ok(Some(line)) => self.handle(&line),
                    _ => return,
                },
                job = self.jobs.recv() => match job {
                    Ok(job) if self.authorized.is_some() => vec![encode(notify_from_job(&job))],
                    Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => vec![],
                    Err(broadcast::error::RecvError::Closed) => return,
                },
            };
            for line in outgoing {
                if writer.write_all(line.as_bytes()).await.is_err() {
                    return;
                }
            }
        }
    }

    /// The lines to send back for one received line.
    fn handle(&mut self, line: &str) -> Vec<String> {
        let Ok(Request { method: Method::Client2Server(method), reply }) = decode_request(line) else {
            return vec![];
        };
        self.answer(method).into_iter().map(|line| reply.answer(line)).collect()
    }

    fn answer(&mut self, request: Client2Server) -> Vec<String> {
        match request {
            Client2Server::Subscribe(subscribe) => {
                let Ok(extranonce1) = extranonce(self.extranonce1.clone()) else { return vec![] };
                let subscriptions = vec![("mining.notify".into(), "1".into())];
                vec![encode(subscribe.respond(subscriptions, extranonce1, self.config.extranonce2_size))]
            }
            Client2Server::Configure(configure) => {
                self.version_mask =
                    configure.version_rolling_mask().map_or(0, |m| m.0) & self.config.version_mask;
                let params = s2c::VersionRollingParams::new(self.version_mask.into(), 0u32.into());
                vec![encode(configure.respond(Some(params), None))]
            }
            Client2Server::Authorize(authorize) => {
                self.authorized = Some(authorize.name.clone());
                let mut lines = vec![encode(authorize.respond(true))];
                lines.push(encode(s2c::SetDifficulty { value: self.config.difficulty.as_f64() }));
                let current = self.state.lock().unwrap().book.as_ref().and_then(|b| b.latest().cloned());
                if let Some(job) = current {
                    lines.push(encode(notify_from_job(&Job { clean: true, ..(*job).clone() })));
                }
                lines
            }
            Client2Server::ExtranonceSubscribe(subscribe) => vec![encode(subscribe.respond())],
            Client2Server::Submit(submit) => {
                let submission: Submission = submission_from_submit(&submit);
                let outcome = self.check(&submit.user_name, &submission);
                vec![encode(submit.respond(outcome))]
            }
            Client2Server::SuggestDifficulty() => vec![],
        }
    }

    fn check(&mut self, worker: &str, submission: &Submission) -> SubmitOutcome {
        if self.authorized.is_none() {
            return SubmitOutcome::Rejected(SubmitError::UnauthorizedWorker);
        }
        let rules = Rules {
            extranonce2_size: self.config.extranonce2_size,
            version_mask: self.version_mask,
            max_time_ahead_s: 600,
        };
        let mut state = self.state.lock().unwrap();
        let state = &mut *state;
        let book = state.book.get_or_insert_with(|| JobBook::new(16));
        match verify(book, &self.extranonce1, submission, &rules, self.config.difficulty) {
            Ok(share) => {
                state.accepted.push(Accepted { worker: worker.to_owned(), hash: share.hash });
                SubmitOutcome::Accepted
            }
            Err(rejection) => {
                *state.rejected.entry(rejection.code()).or_default() += 1;
                SubmitOutcome::Rejected(submit_error(&rejection))
            }
        }
    }
}

fn submit_error(rejection: &Rejection) -> SubmitError {
    match rejection {
        Rejection::Stale => SubmitError::JobNotFound,
        Rejection::Duplicate => SubmitError::DuplicateShare,
        Rejection::LowDifficulty => SubmitError::LowDifficultyShare,
        _ => SubmitError::Other,
    }
}
