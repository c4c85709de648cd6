//! The rig-facing Stratum V1 server: rigs subscribe, authorize as `<provider>.<rig>`, negotiate
//! version rolling, and get the upstream pool's jobs with their own slice of the pool's
//! extranonce space (the pool's extranonce1 followed by a per-rig prefix) and their own
//! difficulty. Every share is verified before it is answered; verified shares are forwarded to
//! the pool, and each comes out as a [`ShareRecord`] with the pool's verdict, for the journal.
//! A rig that floods invalid messages or shares (`flood`) is first throttled, then disconnected
//! and banned for a while: by its worker name once authorized (so other rigs behind the same
//! address, a farm's NAT, keep working), by its address before that. Lines are bounded in size and must arrive whole within
//! a time limit, so neither huge nor slow-dripped lines can hold memory.

use crate::difficulty::ShareDifficulty;
use crate::flood::{FloodGuard, Standing};
use crate::job::{Job, Lookup, Submission};
use crate::rig_prefix::{PrefixAllocator, PrefixLease, RIG_PREFIX_SIZE};
use crate::routes::{Route, RouteTable};
use crate::stratum::line::{read_line_within, MAX_LINE};
use crate::stratum::wire::{
    decode_request, encode, extranonce, notify_from_job, set_version_mask, submission_from_submit, Request,
};
use crate::upstream::{Upstream, UpstreamState, Verdict};
use crate::vardiff::{Vardiff, VardiffConfig};
use crate::verify::{assemble, header_hash, Rejection, Rules};
use bitcoin::block::Header;
use bitcoin::BlockHash;
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use sv1_api::client_to_server::SubmitOutcome;
use sv1_api::json_rpc::{JsonRpcError, Message, Response};
use sv1_api::methods::{Client2Server, Method};
use sv1_api::server_to_client as s2c;
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};

#[derive(Debug, Clone)]
pub struct ProxyConfig {
    pub listen: SocketAddr,
    pub vardiff: VardiffConfig,
    /// Provider names a worker name may start with (`<provider>.<rig>`); empty: any.
    pub providers: Vec<String>,
    /// How far a share's ntime may run ahead of its job's.
    pub max_time_ahead_s: u32,
    /// Invalid shares a rig may send per minute before it is disconnected and banned; past half
    /// of it the rig is throttled.
    pub max_invalid_per_minute: u32,
    /// How long a throttled rig's next line waits before it is read.
    pub throttle: Duration,
    pub ban: Duration,
    /// Rigs served at once (each holds a slice of the pool's extranonce space): at most 65,536.
    pub rig_slots: u32,
    /// A line must arrive whole within this time of its first byte (against slow drip).
    pub line_timeout: Duration,
    /// A rig silent for this long is disconnected.
    pub idle_timeout: Duration,
}

impl ProxyConfig {
    pub fn new(listen: SocketAddr) -> Self {
        Self {
            listen,
            vardiff: VardiffConfig {
                target_interval: Duration::from_secs(10),
                retarget_every: Duration::from_secs(60),
                initial: None,
                max: None,
            },
            providers: vec![],
            max_time_ahead_s: 600,
            max_invalid_per_minute: 120,
            throttle: Duration::from_millis(200),
            ban: Duration::from_secs(600),
            rig_slots: 1 << (8 * RIG_PREFIX_SIZE),
            line_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(900),
        }
    }
}

/// A verified share, forwarded, with the pool's verdict: everything a challenge answer needs.
#[derive(Debug, Clone)]
pub struct ShareRecord {
    /// The journal target of the route the share went to.
    pub target: String,
    pub worker: String,
    pub provider: String,
    pub job: Arc<Job>,
    /// The rig's extranonce1 (the pool's followed by the rig's prefix).
    pub extranonce1: Vec<u8>,
    /// As the rig sent it.
    pub submission: Submission,
    pub header: Header,
    pub hash: BlockHash,
    /// The rig's difficulty the share met.
    pub difficulty: ShareDifficulty,
    pub verdict: Verdict,
    pub received: SystemTime,
}

/// What the proxy tells the journal: a verified share with its verdict, or a refused one.
#[derive(Debug, Clone)]
pub enum ProxyEvent {
    Share(Box<ShareRecord>),
    Refused { target: String, worker: String, provider: String, rejection: Rejection, at: SystemTime },
}

/// Counters for metrics and tests.
#[derive(Debug, Default)]
pub struct ProxyStats {
    pub connections: AtomicU64,
    pub verified: AtomicU64,
    pub pool_accepted: AtomicU64,
    pub pool_rejected: AtomicU64,
    pub lost: AtomicU64,
    pub banned: AtomicU64,
    /// Lines read late from throttled rigs.
    pub throttled: AtomicU64,
    /// Refused shares by Stratum error code.
    pub refused: Mutex<BTreeMap<i32, u64>>,
}

/// Who is banned: a worker once authorized, an address before.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Banned {
    Worker(String),
    Address(IpAddr),
}

/// What every rig session shares.
struct Shared {
    config: ProxyConfig,
    routes: watch::Receiver<RouteTable>,
    /// The route each address's rigs last worked on: where a rig reconnecting from there starts
    /// (a rig that cannot follow extranonce changes is moved by reconnecting it).
    hints: Mutex<HashMap<IpAddr, String>>,
    stats: Arc<ProxyStats>,
    records: mpsc::UnboundedSender<ProxyEvent>,
    banned: Mutex<HashMap<Banned, Instant>>,
    prefixes: PrefixAllocator,
}

/// A running proxy.
pub struct Proxy {
    pub addr: SocketAddr,
    pub stats: Arc<ProxyStats>,
}

impl Proxy {
    /// Listens for rigs and serves them the upstream's work; records go to `records` (journaled
    /// under the target `upstream`).
    pub async fn spawn(
        config: ProxyConfig,
        upstream: Upstream,
        records: mpsc::UnboundedSender<ProxyEvent>,
    ) -> std::io::Result<Self> {
        let (table, routes) = watch::channel(RouteTable::single(Route::new("upstream", upstream)));
        let proxy = Self::spawn_routed(config, routes, records).await?;
        // The table never changes, but its sender lives as long as the proxy's tasks may use it.
        tokio::spawn(async move { table.closed().await });
        Ok(proxy)
    }

    /// Listens for rigs and serves each the work of the route `routes` gives it, following the
    /// table as it changes; records go to `records`.
    pub async fn spawn_routed(
        config: ProxyConfig,
        routes: watch::Receiver<RouteTable>,
        records: mpsc::UnboundedSender<ProxyEvent>,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let stats = Arc::new(ProxyStats::default());
        let shared = Arc::new(Shared {
            routes,
            hints: Mutex::default(),
            stats: stats.clone(),
            records,
            banned: Mutex::default(),
            prefixes: PrefixAllocator::with_capacity(config.rig_slots),
            config,
        });
        tokio::spawn(async move {
            loop {
                let Ok((stream, peer)) = listener.accept().await else { continue };
                if shared.is_banned(&Banned::Address(peer.ip())) {
                    drop(stream);
                    continue;
                }
                tokio::spawn(serve(stream, peer, shared.clone()));
            }
        });
        Ok(Self { addr, stats })
    }
}

impl Shared {
    fn is_banned(&self, who: &Banned) -> bool {
        let mut banned = self.banned.lock().unwrap();
        banned.retain(|_, until| *until > Instant::now());
        banned.contains_key(who)
    }

    fn refuse(&self, rejection: &Rejection) {
        *self.stats.refused.lock().unwrap().entry(rejection.code()).or_default() += 1;
    }
}

/// One rig's session.
struct Rig {
    /// Where its work goes now.
    route: Arc<Route>,
    /// Held from the subscription to the disconnection.
    prefix: Option<PrefixLease>,
    peer: SocketAddr,
    extranonce_subscribed: bool,
    worker: Option<(String, String)>,
    /// The version bits the rig asked to roll, and those it may: the ones the pool also allows.
    version_requested: u32,
    version_mask: u32,
    vardiff: Option<Vardiff>,
    /// The difficulty before the last change, still honoured until the given time.
    previous: Option<(ShareDifficulty, Instant)>,
    session: u64,
    last_job: Option<Arc<Job>>,
    flood: FloodGuard,
}

enum Next {
    Continue,
    Close,
    /// Move the rig to another route (its pool session, extranonce and jobs).
    Move(Arc<Route>),
}

/// A session number no pool session has: a rig marked with it takes the next session it sees as
/// new (a new extranonce, a clean job).
const NO_SESSION: u64 = u64::MAX;

async fn serve(stream: TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    let _ = stream.set_nodelay(true);
    let mut table = shared.routes.clone();
    let start = {
        let table = table.borrow_and_update();
        let hint = shared.hints.lock().unwrap().get(&peer.ip()).cloned();
        hint.and_then(|target| table.by_target(&target)).or_else(|| table.first())
    };
    // No route at all (no fill yet in chain operation): nothing to work on.
    let Some(route) = start else { return };
    shared.stats.connections.fetch_add(1, Ordering::Relaxed);
    let mut rig = Rig {
        route,
        prefix: None,
        peer,
        extranonce_subscribed: false,
        worker: None,
        version_requested: 0,
        version_mask: 0,
        vardiff: None,
        previous: None,
        session: 0,
        last_job: None,
        flood: FloodGuard::new(shared.config.max_invalid_per_minute),
    };
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut state = rig.route.upstream.state();
    let mut buf = Vec::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    // Whether the route table can still change (its sender lives).
    let mut table_open = true;
    loop {
        let mut out = vec![];
        let mut next = tokio::select! {
            line = read_line_within(&mut reader, &mut buf, MAX_LINE, shared.config.line_timeout, shared.config.idle_timeout) => match line {
                Ok(Some(line)) => rig.handle(&line, &shared, &state.borrow().clone(), &mut out),
                _ => Next::Close,
            },
            changed = state.changed() => match changed {
                Ok(()) => rig.follow(&state.borrow_and_update().clone(), &mut out),
                Err(_) => Next::Close,
            },
            changed = table.changed(), if table_open => match changed {
                Ok(()) => rig.reroute(&table.borrow_and_update()),
                Err(_) => {
                    table_open = false;
                    Next::Continue
                }
            },
            _ = tick.tick() => rig.retarget(&state.borrow().clone(), &mut out),
        };
        if let Next::Move(route) = next {
            // The new route's pool session: a new extranonce and a clean job, or a reconnection
            // (starting on the new route) for a rig that cannot follow extranonce changes.
            shared.hints.lock().unwrap().insert(peer.ip(), route.target.clone());
            rig.route = route;
            rig.session = NO_SESSION;
            state = rig.route.upstream.state();
            next = rig.follow(&state.borrow_and_update().clone(), &mut out);
        }
        for line in out {
            if writer.write_all(line.as_bytes()).await.is_err() {
                shared.stats.connections.fetch_sub(1, Ordering::Relaxed);
                return;
            }
        }
        if let Next::Close = next {
            shared.stats.connections.fetch_sub(1, Ordering::Relaxed);
            return;
        }
        if rig.flood.standing(Instant::now()) == Standing::Throttled {
            // Past half its limit of invalid messages: the rig's next line waits, so a flood
            // costs the keeper little before the ban; its jobs wait too (it is misbehaving).
            shared.stats.throttled.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(shared.config.throttle).await;
        }
    }
}

impl Rig {
    /// The rig's extranonce1: the pool's followed by the rig's prefix (`None` before it subscribed).
    fn extranonce1(&self, upstream: &UpstreamState) -> Option<Vec<u8>> {
        let prefix = self.prefix.as_ref()?.bytes();
        Some([&upstream.extranonce1[..], &prefix[..]].concat())
    }

    fn extranonce2_size(upstream: &UpstreamState) -> usize {
        upstream.extranonce2_size.saturating_sub(RIG_PREFIX_SIZE)
    }

    fn handle(
        &mut self,
        line: &str,
        shared: &Shared,
        upstream: &UpstreamState,
        out: &mut Vec<String>,
    ) -> Next {
        let Ok(Request { method: Method::Client2Server(method), reply }) = decode_request(line) else {
            return self.invalid(shared);
        };
        let first = out.len();
        let next = self.answer(method, shared, upstream, out);
        // Answers go back with the rig's own id (a string, say), whatever sv1_api used inside.
        for line in &mut out[first..] {
            *line = reply.answer(std::mem::take(line));
        }
        next
    }

    fn answer(
        &mut self,
        request: Client2Server,
        shared: &Shared,
        upstream: &UpstreamState,
        out: &mut Vec<String>,
    ) -> Next {
        match request {
            Client2Server::Subscribe(subscribe) => {
                if !upstream.connected || Self::extranonce2_size(upstream) < 2 {
                    // Nothing to hand out yet: the rig retries (or uses its backup pool).
                    return Next::Close;
                }
                if self.prefix.is_none() {
                    match shared.prefixes.lease() {
                        Ok(lease) => self.prefix = Some(lease),
                        Err(full) => {
                            tracing::warn!(peer = %self.peer, "{full}");
                            out.push(encode(error_response(subscribe.id, 20, full.to_string())));
                            return Next::Close;
                        }
                    }
                }
                let Some(Ok(extranonce1)) = self.extranonce1(upstream).map(extranonce) else {
                    return Next::Close;
                };
                self.session = upstream.session;
                let subscriptions = vec![("mining.notify".into(), "1".into())];
                out.push(encode(subscribe.respond(
                    subscriptions,
                    extranonce1,
                    Self::extranonce2_size(upstream),
                )));
            }
            Client2Server::Configure(configure) => {
                self.version_requested = configure.version_rolling_mask().map_or(0, |m| m.0);
                self.version_mask = self.version_requested & upstream.version_mask;
                let params = s2c::VersionRollingParams::new(self.version_mask.into(), 0u32.into());
                out.push(encode(configure.respond(Some(params), None)));
            }
            Client2Server::ExtranonceSubscribe(subscribe) => {
                self.extranonce_subscribed = true;
                out.push(encode(subscribe.respond()));
            }
            Client2Server::Authorize(authorize) => {
                let name = authorize.name.clone();
                let provider = provider_of(&name).to_owned();
                let known = shared.config.providers.is_empty() || shared.config.providers.contains(&provider);
                let route = shared.routes.borrow().route_for(&name);
                if route.is_none() {
                    tracing::info!(worker = %name, "no fill for this rig's provider: refused until there is one");
                }
                let allowed = known && route.is_some() && !shared.is_banned(&Banned::Worker(name.clone()));
                out.push(encode(authorize.respond(allowed)));
                let Some(route) = route.filter(|_| allowed) else { return Next::Continue };
                self.worker = Some((name, provider));
                let floor = upstream.difficulty.unwrap_or(ShareDifficulty::ONE);
                let vardiff = Vardiff::new(shared.config.vardiff, floor);
                out.push(encode(s2c::SetDifficulty { value: vardiff.current().as_f64() }));
                self.vardiff = Some(vardiff);
                if !Arc::ptr_eq(&route, &self.route) {
                    // Its provider's work goes to another pool: the move brings that pool's
                    // extranonce, its difficulty floor and a clean job.
                    return Next::Move(route);
                }
                if let Some(job) = &upstream.job {
                    out.push(encode(notify_from_job(&Job { clean: true, ..(**job).clone() })));
                    self.last_job = Some(job.clone());
                }
            }
            Client2Server::Submit(submit) => {
                let id = submit.id;
                let outcome = self.submit(&submit, shared, upstream);
                let response = match outcome {
                    Ok(()) => submit.respond(SubmitOutcome::Accepted),
                    Err(rejection) => {
                        shared.refuse(&rejection);
                        if let Some((worker, provider)) = &self.worker {
                            let event = ProxyEvent::Refused {
                                target: self.route.target.clone(),
                                worker: worker.clone(),
                                provider: provider.clone(),
                                rejection: rejection.clone(),
                                at: SystemTime::now(),
                            };
                            let _ = shared.records.send(event);
                        }
                        out.push(encode(error_response(id, rejection.code(), rejection.to_string())));
                        // Stale shares are normal around new blocks and pool outages: only the
                        // rig's own faults count towards a ban.
                        if rejection == Rejection::Stale {
                            return Next::Continue;
                        }
                        return self.invalid(shared);
                    }
                };
                out.push(encode(response));
            }
            Client2Server::SuggestDifficulty() => {}
        }
        Next::Continue
    }

    /// Verifies a share and, when it holds, forwards it to the pool.
    fn submit(
        &mut self,
        submit: &sv1_api::client_to_server::Submit,
        shared: &Shared,
        upstream: &UpstreamState,
    ) -> Result<(), Rejection> {
        let (Some((worker, provider)), Some(vardiff)) = (&self.worker, &mut self.vardiff) else {
            return Err(Rejection::Unauthorized);
        };
        let Some(prefix) = self.prefix.as_ref().map(PrefixLease::bytes) else {
            return Err(Rejection::NotSubscribed);
        };
        let submission = submission_from_submit(submit);
        let job = match self.route.book.lock().unwrap().lookup(&submission.job_id) {
            Lookup::Current(job) => job.clone(),
            Lookup::Stale => return Err(Rejection::Stale),
        };
        if !upstream.connected || self.session != upstream.session {
            return Err(Rejection::Stale);
        }
        let extranonce1 = [&upstream.extranonce1[..], &prefix[..]].concat();
        let rules = Rules {
            extranonce2_size: Self::extranonce2_size(upstream),
            version_mask: self.version_mask,
            max_time_ahead_s: shared.config.max_time_ahead_s,
        };
        let header = assemble(&job, &extranonce1, &submission, &rules)?;
        let hash = header_hash(&header);
        let difficulty = match self.previous {
            Some((previous, until))
                if Instant::now() < until && previous < vardiff.current() && previous.is_met_by(hash) =>
            {
                previous
            }
            _ => vardiff.current(),
        };
        if !difficulty.is_met_by(hash) {
            return Err(Rejection::LowDifficulty);
        }
        if !self.route.book.lock().unwrap().record(&submission.job_id, hash) {
            return Err(Rejection::Duplicate);
        }
        vardiff.on_share();
        shared.stats.verified.fetch_add(1, Ordering::Relaxed);
        let forwarded = Submission {
            extranonce2: [&prefix[..], &submission.extranonce2[..]].concat(),
            ..submission.clone()
        };
        let record = ShareRecord {
            target: self.route.target.clone(),
            worker: worker.clone(),
            provider: provider.clone(),
            job,
            extranonce1,
            submission,
            header,
            hash,
            difficulty,
            verdict: Verdict::Lost,
            received: SystemTime::now(),
        };
        let (upstream, stats, records) =
            (self.route.upstream.clone(), shared.stats.clone(), shared.records.clone());
        tokio::spawn(async move {
            let verdict = upstream.submit(forwarded).await;
            let counter = match &verdict {
                Verdict::Accepted => &stats.pool_accepted,
                Verdict::Rejected { .. } => &stats.pool_rejected,
                Verdict::Lost => &stats.lost,
            };
            counter.fetch_add(1, Ordering::Relaxed);
            let _ = records.send(ProxyEvent::Share(Box::new(ShareRecord { verdict, ..record })));
        });
        Ok(())
    }

    /// Counts an invalid message or share; past the limit, closes and bans the rig (its worker,
    /// or its address if it never authorized).
    fn invalid(&mut self, shared: &Shared) -> Next {
        let now = Instant::now();
        if self.flood.on_invalid(now) == Standing::Banned {
            let who = match &self.worker {
                Some((worker, _)) => Banned::Worker(worker.clone()),
                None => Banned::Address(self.peer.ip()),
            };
            tracing::warn!(?who, invalid = self.flood.count(), "banning a rig that floods invalid shares");
            shared.banned.lock().unwrap().insert(who, now + shared.config.ban);
            shared.stats.banned.fetch_add(1, Ordering::Relaxed);
            return Next::Close;
        }
        Next::Continue
    }

    /// Follows the pool: a new session's extranonce, new jobs, a raised difficulty floor.
    fn follow(&mut self, upstream: &UpstreamState, out: &mut Vec<String>) -> Next {
        if self.prefix.is_none() || !upstream.connected {
            // While the pool is away there is nothing new to pass on.
            return Next::Continue;
        }
        let new_session = upstream.session != self.session;
        if new_session {
            if !self.extranonce_subscribed {
                // The rig cannot be moved to the new extranonce: it reconnects.
                return Next::Close;
            }
            let Some(Ok(extranonce1)) = self.extranonce1(upstream).map(extranonce) else {
                return Next::Close;
            };
            self.session = upstream.session;
            out.push(encode(s2c::SetExtranonce {
                extra_nonce1: extranonce1,
                extra_nonce2_size: Self::extranonce2_size(upstream),
            }));
            // The new extranonce applies from the next job: the session's job follows, clean.
            self.last_job = None;
        }
        if self.version_requested & upstream.version_mask != self.version_mask {
            // The pool changed the bits it lets miners roll (a new session, or its own
            // `mining.set_version_mask`): the rig's mask follows (BIP 310).
            self.version_mask = self.version_requested & upstream.version_mask;
            out.push(set_version_mask(self.version_mask));
        }
        if self.worker.is_none() {
            return Next::Continue;
        }
        self.vardiff_floor_follow(upstream, out);
        if let Some(job) = &upstream.job {
            if self.last_job.as_ref().is_none_or(|last| !Arc::ptr_eq(last, job)) {
                // After a new session (or a move to another pool) the rig drops its old work.
                let job =
                    if new_session { Arc::new(Job { clean: true, ..(**job).clone() }) } else { job.clone() };
                out.push(encode(notify_from_job(&job)));
                self.last_job = upstream.job.clone();
            }
        }
        Next::Continue
    }

    /// Raises the rig's difficulty to the pool's floor if it is below.
    fn vardiff_floor_follow(&mut self, upstream: &UpstreamState, out: &mut Vec<String>) {
        if let (Some(vardiff), Some(floor)) = (&mut self.vardiff, upstream.difficulty) {
            if let Some(raised) = vardiff.on_elapsed(Duration::ZERO, floor) {
                out.push(encode(s2c::SetDifficulty { value: raised.as_f64() }));
            }
        }
    }

    /// The route table changed: an authorized rig moves if its route did; one left without a
    /// route (its provider's fills ended) is disconnected.
    fn reroute(&mut self, table: &RouteTable) -> Next {
        let Some((worker, _)) = &self.worker else { return Next::Continue };
        match table.route_for(worker) {
            Some(route) if !Arc::ptr_eq(&route, &self.route) => Next::Move(route),
            Some(_) => Next::Continue,
            None => {
                tracing::info!(%worker, "no fill for this rig's provider any more: disconnecting");
                Next::Close
            }
        }
    }

    /// Once a second: retarget the rig's difficulty.
    fn retarget(&mut self, upstream: &UpstreamState, out: &mut Vec<String>) -> Next {
        let Some(vardiff) = &mut self.vardiff else { return Next::Continue };
        let before = vardiff.current();
        let floor = upstream.difficulty.unwrap_or(ShareDifficulty::from_fixed(1).expect("nonzero"));
        if let Some(next) = vardiff.on_elapsed(Duration::from_secs(1), floor) {
            // Shares in flight at the old difficulty still count for a few seconds.
            self.previous = Some((before, Instant::now() + Duration::from_secs(5)));
            out.push(encode(s2c::SetDifficulty { value: next.as_f64() }));
            if let Some(job) = &self.last_job {
                out.push(encode(notify_from_job(job)));
            }
        }
        Next::Continue
    }
}

/// The provider a rig works for: rigs authorize as `<provider>.<rig>`.
pub fn provider_of(worker: &str) -> &str {
    worker.split('.').next().unwrap_or_default()
}

/// A JSON-RPC error answer to request `id`.
fn error_response(id: u64, code: i32, message: String) -> Message {
    Message::from(Response {
        id,
        error: Some(JsonRpcError { code, message, data: None }),
        result: serde_json::Value::Null,
    })
}
