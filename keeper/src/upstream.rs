//! The keeper's connection to one upstream pool: subscribe and authorize with the pool's
//! credentials, follow its jobs, difficulty and extranonce, forward shares and hand back the
//! pool's verdict on each (or `Lost` when none comes within a deadline). It reconnects with
//! backoff and accounts the time the pool was unreachable ("dead time", which reports carry). A
//! new session (a reconnection, or the pool's `mining.set_extranonce`) makes the next job clean,
//! so rigs drop work the pool would no longer take.

use crate::difficulty::ShareDifficulty;
use crate::job::{Job, Submission};
use crate::stratum::line::{read_line, MAX_LINE};
use crate::stratum::wire::{decode, encode, job_from_notify, submit_request, subscribe_result};
use serde_json::json;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};
use sv1_api::json_rpc::Message;
use sv1_api::methods::{Method, Server2Client, Server2ClientResponse};
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot, watch};

/// Which pool, as whom.
#[derive(Debug, Clone)]
pub struct UpstreamConfig {
    /// `host:port`.
    pub address: String,
    pub user: String,
    pub password: String,
    /// Version bits to ask the pool to let rigs roll (BIP 310).
    pub version_mask: u32,
    pub min_backoff: Duration,
    pub max_backoff: Duration,
    /// How long the pool has to answer a forwarded share; past it the share's verdict is `Lost`.
    pub verdict_timeout: Duration,
}

impl UpstreamConfig {
    pub fn new(address: &str, user: &str, password: &str) -> Self {
        Self {
            address: address.into(),
            user: user.into(),
            password: password.into(),
            version_mask: 0x1fff_e000,
            min_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(10),
            verdict_timeout: Duration::from_secs(10),
        }
    }
}

/// What the keeper knows of the pool now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpstreamState {
    pub connected: bool,
    /// One more on every new session with the pool (a new extranonce1 comes with it).
    pub session: u64,
    pub extranonce1: Vec<u8>,
    pub extranonce2_size: usize,
    /// Version bits the pool lets miners roll (0: none).
    pub version_mask: u32,
    /// The pool's share difficulty: the floor for every rig.
    pub difficulty: Option<ShareDifficulty>,
    pub job: Option<Arc<Job>>,
    /// Time the pool was unreachable since the keeper started, in milliseconds, not counting a
    /// current outage (see `down_since`).
    pub dead_ms: u64,
    pub down_since: Option<Instant>,
}

impl UpstreamState {
    /// Dead time up to now, counting a current outage.
    pub fn dead_ms_now(&self) -> u64 {
        self.dead_ms + self.down_since.map_or(0, |since| since.elapsed().as_millis() as u64)
    }
}

/// The pool's answer to a forwarded share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    Rejected {
        code: i32,
        reason: String,
    },
    /// No answer: the pool was unreachable, the connection dropped before it answered, or it
    /// did not answer within `UpstreamConfig::verdict_timeout`.
    Lost,
}

/// A handle on the upstream task.
#[derive(Clone)]
pub struct Upstream {
    state: watch::Receiver<UpstreamState>,
    submits: mpsc::Sender<(Submission, oneshot::Sender<Verdict>)>,
}

impl Upstream {
    /// Starts connecting; runs until every handle is dropped.
    pub fn spawn(config: UpstreamConfig) -> Self {
        let initial = UpstreamState { down_since: Some(Instant::now()), ..Default::default() };
        let (state_tx, state) = watch::channel(initial);
        let (submits, submit_rx) = mpsc::channel(4096);
        tokio::spawn(maintain(config, state_tx, submit_rx));
        Self { state, submits }
    }

    /// Follows the pool's state (jobs, difficulty, extranonce, connection).
    pub fn state(&self) -> watch::Receiver<UpstreamState> {
        self.state.clone()
    }

    /// Forwards a share (extranonce2 as the pool sees it) and waits for the pool's verdict.
    pub async fn submit(&self, submission: Submission) -> Verdict {
        let (tx, rx) = oneshot::channel();
        if self.submits.send((submission, tx)).await.is_err() {
            return Verdict::Lost;
        }
        rx.await.unwrap_or(Verdict::Lost)
    }
}

/// Forwarded shares waiting for the pool's verdict, by request id, with their deadlines in the
/// order they were sent (every share gets the same timeout, so that is deadline order too).
#[derive(Default)]
struct Pending {
    replies: HashMap<u64, oneshot::Sender<Verdict>>,
    deadlines: VecDeque<(tokio::time::Instant, u64)>,
}

impl Pending {
    fn insert(&mut self, id: u64, reply: oneshot::Sender<Verdict>, deadline: tokio::time::Instant) {
        self.replies.insert(id, reply);
        self.deadlines.push_back((deadline, id));
    }

    /// Hands the pool's verdict on request `id` to its share (a late or unknown answer is dropped).
    fn answer(&mut self, id: u64, verdict: Verdict) {
        if let Some(reply) = self.replies.remove(&id) {
            let _ = reply.send(verdict);
        }
    }

    /// The earliest deadline of a share still waiting.
    fn next_deadline(&mut self) -> Option<tokio::time::Instant> {
        while let Some((_, id)) = self.deadlines.front() {
            if self.replies.contains_key(id) {
                break;
            }
            self.deadlines.pop_front();
        }
        self.deadlines.front().map(|(deadline, _)| *deadline)
    }

    /// Shares whose deadline has passed are lost.
    fn expire(&mut self, now: tokio::time::Instant) {
        while let Some((deadline, id)) = self.deadlines.front().copied() {
            if deadline > now {
                break;
            }
            self.deadlines.pop_front();
            if self.replies.contains_key(&id) {
                tracing::warn!(request = id, "the pool did not answer a share in time: lost");
                self.answer(id, Verdict::Lost);
            }
        }
    }

    /// The session ended: every share still waiting is lost.
    fn lose_all(&mut self) {
        for (_, reply) in self.replies.drain() {
            let _ = reply.send(Verdict::Lost);
        }
        self.deadlines.clear();
    }
}

/// How long connecting, subscribing and authorizing may take.
const HANDSHAKE: Duration = Duration::from_secs(10);

async fn maintain(
    config: UpstreamConfig,
    state: watch::Sender<UpstreamState>,
    mut submits: mpsc::Receiver<(Submission, oneshot::Sender<Verdict>)>,
) {
    let mut backoff = config.min_backoff;
    loop {
        if state.is_closed() {
            return;
        }
        let outcome = session(&config, &state, &mut submits).await;
        // The session ended: the pool is down until the next one is up.
        state.send_modify(|s| {
            s.connected = false;
            s.job = None;
            s.down_since.get_or_insert_with(Instant::now);
        });
        backoff = match outcome {
            SessionEnd::WasUp => {
                tracing::warn!(upstream = %config.address, "the pool closed the session; reconnecting");
                config.min_backoff
            }
            SessionEnd::NeverUp(reason) => {
                let next = (backoff * 2).min(config.max_backoff);
                tracing::warn!(upstream = %config.address, %reason, retry_in = ?next, "no session with the pool");
                next
            }
            SessionEnd::Closed => return,
        };
        // Shares sent while the pool is down get no verdict.
        let sleep = tokio::time::sleep(backoff);
        tokio::pin!(sleep);
        loop {
            tokio::select! {
                _ = &mut sleep => break,
                submitted = submits.recv() => match submitted {
                    Some((_, reply)) => { let _ = reply.send(Verdict::Lost); }
                    None => return,
                },
            }
        }
    }
}

enum SessionEnd {
    WasUp,
    /// The session never came up, and why.
    NeverUp(String),
    Closed,
}

async fn session(
    config: &UpstreamConfig,
    state: &watch::Sender<UpstreamState>,
    submits: &mut mpsc::Receiver<(Submission, oneshot::Sender<Verdict>)>,
) -> SessionEnd {
    let stream = match tokio::time::timeout(HANDSHAKE, TcpStream::connect(&config.address)).await {
        Ok(Ok(stream)) => stream,
        Ok(Err(e)) => return SessionEnd::NeverUp(format!("cannot connect: {e}")),
        Err(_) => return SessionEnd::NeverUp(format!("no connection within {HANDSHAKE:?}")),
    };
    let _ = stream.set_nodelay(true);
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let configure = json!({"id": 1, "method": "mining.configure", "params": [["version-rolling"], {"version-rolling.mask": format!("{:08x}", config.version_mask), "version-rolling.min-bit-count": 2}]});
    let subscribe = json!({"id": 2, "method": "mining.subscribe", "params": ["aihash-keeper/0.1"]});
    let authorize = json!({"id": 3, "method": "mining.authorize", "params": [config.user, config.password]});
    // Lets the pool move the keeper to another extranonce without a reconnection; pools that do
    // not know the method answer with an error, which is ignored.
    let extranonce_subscribe =
        json!({"id": EXTRANONCE_SUBSCRIBE_ID, "method": "mining.extranonce.subscribe", "params": []});
    let hello = format!("{configure}\n{subscribe}\n{authorize}\n{extranonce_subscribe}\n");
    if let Err(e) = writer.write_all(hello.as_bytes()).await {
        return SessionEnd::NeverUp(format!("cannot send the handshake: {e}"));
    }
    let handshake_deadline = tokio::time::Instant::now() + HANDSHAKE;
    let mut subscribed: Option<(Vec<u8>, usize)> = None;
    let mut authorized = false;
    let mut up = false;
    // The bits the pool lets miners roll in this session: none unless it answers `configure`.
    let mut version_mask = 0;
    // The session's first job, and the first after an extranonce change, must be clean: rigs'
    // work on earlier jobs is for an extranonce the pool no longer has for the keeper.
    let mut next_job_clean = true;
    let mut pending = Pending::default();
    let mut next_id = 100u64;
    let mut buf = Vec::new();
    let end = loop {
        tokio::select! {
            _ = tokio::time::sleep_until(handshake_deadline), if !up => {
                let missing = if subscribed.is_none() { "subscribe" } else { "authorize" };
                break SessionEnd::NeverUp(format!("no usable answer to {missing} within {HANDSHAKE:?}"));
            }
            _ = sleep_until_some(pending.next_deadline()) => {
                pending.expire(tokio::time::Instant::now());
            }
            line = read_line(&mut reader, &mut buf, MAX_LINE) => {
                let Ok(Some(line)) = line else {
                    break if up { SessionEnd::WasUp } else { SessionEnd::NeverUp("the pool closed the connection during the handshake".into()) };
                };
                // Pools vary in their subscription lists; the extranonce is read from the JSON.
                if let Some(result) = subscribe_result(&line, 2) {
                    subscribed = Some(result);
                }
                let Ok(message) = decode(&line) else { continue };
                match message {
                    Method::Server2ClientResponse(Server2ClientResponse::Subscribe(s)) => {
                        subscribed = Some((s.extra_nonce1.into(), s.extra_nonce2_size));
                    }
                    Method::Server2ClientResponse(Server2ClientResponse::Configure(c)) => {
                        version_mask = c.version_rolling.map_or(0, |p| p.version_rolling_mask.0) & config.version_mask;
                        if up {
                            state.send_modify(|s| s.version_mask = version_mask);
                        }
                    }
                    Method::Server2Client(Server2Client::SetVersionMask(m)) => {
                        version_mask = m.version_mask.0 & config.version_mask;
                        if up {
                            state.send_modify(|s| s.version_mask = version_mask);
                        }
                    }
                    Method::Server2ClientResponse(Server2ClientResponse::GeneralResponse(r)) if r.id == 3 => {
                        authorized = r.result;
                        if !authorized { break SessionEnd::NeverUp(format!("the pool refused worker `{}`", config.user)); }
                    }
                    Method::Server2ClientResponse(Server2ClientResponse::GeneralResponse(r)) => {
                        let verdict = if r.result { Verdict::Accepted } else { Verdict::Rejected { code: 20, reason: "rejected".into() } };
                        pending.answer(r.id, verdict);
                    }
                    Method::ErrorMessage(Message::ErrorResponse(r)) => {
                        if r.id == 3 { break SessionEnd::NeverUp(format!("the pool refused worker `{}`", config.user)); }
                        let (code, reason) = r.error.map_or((20, "rejected".into()), |e| (e.code, e.message));
                        pending.answer(r.id, Verdict::Rejected { code, reason });
                    }
                    Method::Server2Client(Server2Client::SetDifficulty(d)) => {
                        state.send_modify(|s| s.difficulty = ShareDifficulty::from_f64(d.value));
                    }
                    Method::Server2Client(Server2Client::SetExtranonce(e)) => {
                        let extranonce1: Vec<u8> = e.extra_nonce1.into();
                        next_job_clean = true;
                        state.send_modify(|s| {
                            s.extranonce1 = extranonce1.clone();
                            s.extranonce2_size = e.extra_nonce2_size;
                            s.session += 1;
                            // The current job stands for the old extranonce until the next one.
                            s.job = None;
                        });
                    }
                    Method::Server2Client(Server2Client::Notify(n)) => {
                        let mut job = job_from_notify(&n);
                        job.clean |= std::mem::take(&mut next_job_clean);
                        let job = Arc::new(job);
                        state.send_modify(|s| s.job = Some(job));
                    }
                    _ => {}
                }
                if !up && authorized {
                    if let Some((extranonce1, extranonce2_size)) = subscribed.clone() {
                        up = true;
                        state.send_modify(|s| {
                            s.connected = true;
                            s.session += 1;
                            s.extranonce1 = extranonce1;
                            s.extranonce2_size = extranonce2_size;
                            s.version_mask = version_mask;
                            if let Some(since) = s.down_since.take() {
                                s.dead_ms += since.elapsed().as_millis() as u64;
                            }
                        });
                    }
                }
            }
            submitted = submits.recv() => {
                let Some((submission, reply)) = submitted else { break SessionEnd::Closed };
                if !up {
                    let _ = reply.send(Verdict::Lost);
                    continue;
                }
                next_id += 1;
                let Ok(request) = submit_request(next_id, &config.user, &submission) else {
                    let _ = reply.send(Verdict::Rejected { code: 20, reason: "extranonce too long".into() });
                    continue;
                };
                if writer.write_all(encode(request).as_bytes()).await.is_err() {
                    let _ = reply.send(Verdict::Lost);
                    break SessionEnd::WasUp;
                }
                pending.insert(next_id, reply, tokio::time::Instant::now() + config.verdict_timeout);
            }
        }
    };
    pending.lose_all();
    end
}

/// The id of the keeper's `mining.extranonce.subscribe` to the pool.
const EXTRANONCE_SUBSCRIBE_ID: u64 = 4;

/// Sleeps until `deadline`, or forever without one.
async fn sleep_until_some(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}
