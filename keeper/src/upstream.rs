//! The keeper's connection to one upstream pool: subscribe and authorize with the pool's
//! credentials, follow its jobs, difficulty and extranonce, forward shares and hand back the
//! pool's verdict on each. It reconnects with backoff and accounts the time the pool was
//! unreachable ("dead time", which reports carry).

use crate::difficulty::ShareDifficulty;
use crate::job::{Job, Submission};
use crate::stratum::line::{read_line, MAX_LINE};
use crate::stratum::wire::{decode, encode, job_from_notify, submit_request, subscribe_result};
use serde_json::json;
use std::collections::HashMap;
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
    /// No answer: the pool was unreachable, or the connection dropped before it answered.
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

type Pending = HashMap<u64, oneshot::Sender<Verdict>>;

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
    let hello = format!("{configure}\n{subscribe}\n{authorize}\n");
    if let Err(e) = writer.write_all(hello.as_bytes()).await {
        return SessionEnd::NeverUp(format!("cannot send the handshake: {e}"));
    }
    let handshake_deadline = tokio::time::Instant::now() + HANDSHAKE;
    let mut subscribed: Option<(Vec<u8>, usize)> = None;
    let mut authorized = false;
    let mut up = false;
    let mut pending: Pending = HashMap::new();
    let mut next_id = 100u64;
    let mut buf = Vec::new();
    let end = loop {
        tokio::select! {
            _ = tokio::time::sleep_until(handshake_deadline), if !up => {
                let missing = if subscribed.is_none() { "subscribe" } else { "authorize" };
                break SessionEnd::NeverUp(format!("no usable answer to {missing} within {HANDSHAKE:?}"));
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
                        let mask = c.version_rolling.map_or(0, |p| p.version_rolling_mask.0) & config.version_mask;
                        state.send_modify(|s| s.version_mask = mask);
                    }
                    Method::Server2ClientResponse(Server2ClientResponse::GeneralResponse(r)) if r.id == 3 => {
                        authorized = r.result;
                        if !authorized { break SessionEnd::NeverUp(format!("the pool refused worker `{}`", config.user)); }
                    }
                    Method::Server2ClientResponse(Server2ClientResponse::GeneralResponse(r)) => {
                        if let Some(reply) = pending.remove(&r.id) {
                            let verdict = if r.result { Verdict::Accepted } else { Verdict::Rejected { code: 20, reason: "rejected".into() } };
                            let _ = reply.send(verdict);
                        }
                    }
                    Method::ErrorMessage(Message::ErrorResponse(r)) => {
                        if r.id == 3 { break SessionEnd::NeverUp(format!("the pool refused worker `{}`", config.user)); }
                        if let Some(reply) = pending.remove(&r.id) {
                            let (code, reason) = r.error.map_or((20, "rejected".into()), |e| (e.code, e.message));
                            let _ = reply.send(Verdict::Rejected { code, reason });
                        }
                    }
                    Method::Server2Client(Server2Client::SetDifficulty(d)) => {
                        state.send_modify(|s| s.difficulty = ShareDifficulty::from_f64(d.value));
                    }
                    Method::Server2Client(Server2Client::SetExtranonce(e)) => {
                        let extranonce1: Vec<u8> = e.extra_nonce1.into();
                        state.send_modify(|s| {
                            s.extranonce1 = extranonce1.clone();
                            s.extranonce2_size = e.extra_nonce2_size;
                            s.session += 1;
                        });
                    }
                    Method::Server2Client(Server2Client::Notify(n)) => {
                        let job = Arc::new(job_from_notify(&n));
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
                pending.insert(next_id, reply);
            }
        }
    };
    for (_, reply) in pending.drain() {
        let _ = reply.send(Verdict::Lost);
    }
    end
}
