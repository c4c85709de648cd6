//! The keeper daemon on chain: the chain duties (`duties::driver`) in a task of their own, and
//! the share path beside them. Each fill the keeper holds gets a route — a session with the
//! fill's order pool, journaled under the fill's target at the fill's D — and rigs are allocated
//! to fills of their own provider, best price first (`routes::allocate`). Closed windows go to
//! the driver to be reported. The share path never waits for the chain: with the node away the
//! keeper keeps verifying and journaling, and the driver catches up when it is back.

use crate::config::ChainConfig;
use crate::daemon::{log_window, serve_metrics, Outages, Readout, Running};
use crate::difficulty::DifficultySchedule;
use crate::duties::book::OurFill;
use crate::duties::driver::Driver;
use crate::duties::metrics::DutyMetrics;
use crate::journal::{Journal, JournalConfig, WindowSummary};
use crate::metrics::Metrics;
use crate::proxy::{Proxy, ProxyConfig, ProxyEvent};
use crate::routes::{self, Route, RouteTable};
use crate::upstream::{Upstream, UpstreamConfig};
use aihash_sdk::chain::{package_events, ChainClient};
use aihash_sdk::keystore::Key;
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::Deployment;
use anyhow::Context;
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use sui_sdk_types::Address;
use tokio::sync::{mpsc, oneshot, watch};

#[derive(Clone)]
pub struct ChainKeeperConfig {
    pub proxy: ProxyConfig,
    pub journal: JournalConfig,
    pub metrics: Option<SocketAddr>,
    pub readout_every: Duration,
    /// Pool verdicts not in by then are lost.
    pub verdict_timeout: Duration,
    /// How often rigs are allocated to fills again (from their measured hashrates).
    pub allocate_every: Duration,
    /// How often the driver looks for orders to fill.
    pub plan_every: Duration,
    pub chain: ChainConfig,
    /// The node's gRPC URL.
    pub url: String,
    /// The key of the keeper identity's controller.
    pub key: Key,
    pub deployment: Deployment,
    /// The order book, reported windows and duty queue.
    pub state_dir: PathBuf,
}

pub async fn start(config: ChainKeeperConfig) -> anyhow::Result<Running> {
    let metrics = Arc::new(Metrics::new());
    let duty_metrics = DutyMetrics::new(metrics.registry());
    let sender = Sender::new(ChainClient::new(&config.url)?, config.key.clone());
    let driver = Driver::open(
        config.chain.clone(),
        sender,
        config.deployment.clone(),
        &config.state_dir,
        duty_metrics,
    )
    .await
    .with_context(|| format!("reading the keeper's identity and the market from {}", config.url))?;
    let mut journal = Journal::open(config.journal.clone())?;
    let fills = driver.fills();
    // Windows closed before this start may have died with the last run before their reports
    // were queued: every one of a fill the keeper had is offered again (a report already queued
    // or on chain is recognised and not sent twice), before the windows the last run left open
    // are closed.
    let mut closed_before = crate::journal::closed_windows(&config.journal.dir)?;
    closed_before.retain(|summary| driver.serves(&summary.target));
    closed_before.sort_by(|a, b| (&a.target, a.start_ms).cmp(&(&b.target, b.start_ms)));
    let left_over = journal.close_due(SystemTime::now())?;
    let (routes_tx, routes_rx) = watch::channel(RouteTable::assigned(vec![], HashMap::new()));
    let (records_tx, mut records) = mpsc::unbounded_channel();
    let proxy = Proxy::spawn_routed(config.proxy.clone(), routes_rx, records_tx)
        .await
        .with_context(|| format!("listening for rigs on {}", config.proxy.listen))?;
    let metrics_addr = match config.metrics {
        Some(addr) => Some(serve_metrics(addr, metrics.clone()).await?),
        None => None,
    };
    tracing::info!(rigs = %proxy.addr, node = %config.url, keeper = %config.chain.identity, fills = fills.len(), "keeper running on chain");
    let (fills_tx, mut fills_rx) = watch::channel(fills);
    let (to_driver, windows_for_driver) = mpsc::unbounded_channel();
    let (summaries_tx, summaries) = mpsc::unbounded_channel();
    let (raises_tx, raises) = mpsc::unbounded_channel();
    for summary in closed_before {
        let _ = to_driver.send(summary);
    }
    for summary in left_over {
        log_window(&summary);
        let _ = to_driver.send(summary.clone());
        let _ = summaries_tx.send(summary);
    }
    tokio::spawn(drive(
        driver,
        config.url.clone(),
        config.deployment.package,
        config.plan_every,
        fills_tx,
        windows_for_driver,
        raises,
    ));

    let (stop, mut stopped) = oneshot::channel();
    let (outages_tx, mut outages) = mpsc::unbounded_channel::<(String, bool)>();
    let task = tokio::spawn(async move {
        let mut share_path = SharePath {
            routes: BTreeMap::new(),
            routes_tx,
            outages_tx,
            rates: RigRates::default(),
            assignment: BTreeMap::new(),
            difficulties: HashMap::new(),
            raises_tx,
            verdict_timeout: config.verdict_timeout,
            chain: config.chain.clone(),
        };
        share_path.follow_fills(&fills_rx.borrow_and_update().clone(), &mut journal);
        let mut pools = Outages::default();
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut readout = Readout::new(config.readout_every);
        let mut allocated = Instant::now();
        loop {
            tokio::select! {
                _ = &mut stopped => {
                    journal.sync_due(true)?;
                    return Ok(());
                }
                event = records.recv() => {
                    let Some(event) = event else { return Ok(()) };
                    metrics.observe(&event);
                    readout.observe(&event);
                    share_path.rates.observe(&event);
                    let target: &str = match &event {
                        ProxyEvent::Share(record) => &record.target,
                        ProxyEvent::Refused { target, .. } => target,
                    };
                    // A share still in flight on a route whose fill just went is journaled all
                    // the same, at the D the fill had: the window under way at a release is
                    // reported up to the release.
                    let Some(difficulty) = share_path.difficulty(target) else {
                        tracing::error!(%target, "a share of a route the keeper never had: not journaled");
                        continue;
                    };
                    journal.record(target, &event, difficulty)?;
                }
                changed = fills_rx.changed() => {
                    if changed.is_err() { return Ok(()) }
                    let fills = fills_rx.borrow_and_update().clone();
                    share_path.follow_fills(&fills, &mut journal);
                    share_path.allocate();
                    allocated = Instant::now();
                }
                outage = outages.recv() => {
                    let Some((target, connected)) = outage else { continue };
                    pools.update(&mut journal, &target, connected)?;
                }
                _ = tick.tick() => {
                    share_path.open_dead_windows(&mut journal)?;
                    for summary in journal.close_due(SystemTime::now())? {
                        metrics.observe_window(&summary);
                        log_window(&summary);
                        let _ = to_driver.send(summary.clone());
                        let _ = summaries_tx.send(summary);
                    }
                    if allocated.elapsed() >= config.allocate_every {
                        share_path.rates.settle(allocated.elapsed());
                        share_path.allocate();
                        allocated = Instant::now();
                    }
                    readout.maybe_log();
                }
            }
        }
    });
    Ok(Running::new(proxy.addr, metrics_addr, summaries, stop, task))
}

/// The share path's view of the fills: a route per fill, and which rig works where.
struct SharePath {
    /// Journal target -> (route, the fill as last seen).
    routes: BTreeMap<String, (Arc<Route>, OurFill)>,
    routes_tx: watch::Sender<RouteTable>,
    outages_tx: mpsc::UnboundedSender<(String, bool)>,
    rates: RigRates,
    assignment: BTreeMap<String, String>,
    /// Each target's D over time, for every fill the keeper has had.
    difficulties: HashMap<String, DifficultySchedule>,
    /// Fills whose pool asks for harder shares than their D, with the pool's difficulty, to
    /// the driver (which raises D from the next window).
    raises_tx: mpsc::UnboundedSender<(OurFill, u128)>,
    verdict_timeout: Duration,
    chain: ChainConfig,
}

impl SharePath {
    /// Opens a route for each new fill (a session with its order's pool) and lets go of the
    /// routes of fills that are gone.
    fn follow_fills(&mut self, fills: &[OurFill], journal: &mut Journal) {
        for fill in fills {
            let target = fill.journal_target();
            if let Some(schedule) = fill.schedule() {
                self.difficulties.insert(target.clone(), schedule);
            }
            if let Some((_, known)) = self.routes.get_mut(&target) {
                *known = fill.clone();
                continue;
            }
            let mut upstream = UpstreamConfig::new(fill.pool.address(), &fill.pool.worker, "x");
            upstream.verdict_timeout = self.verdict_timeout;
            let route = Route::new(&target, Upstream::spawn(upstream));
            journal.align(&target, fill.attached_ms);
            tokio::spawn(watch_outages(route.upstream.clone(), target.clone(), self.outages_tx.clone()));
            tracing::info!(%target, pool = %fill.pool.url, price = fill.price, "serving a fill");
            self.routes.insert(target, (route, fill.clone()));
        }
        let live: Vec<String> = fills.iter().map(OurFill::journal_target).collect();
        self.routes.retain(|target, _| {
            let keep = live.contains(target);
            if !keep {
                tracing::info!(%target, "a fill ended: its pool session closes once its rigs have moved");
            }
            keep
        });
    }

    /// D of `target`'s windows: the fill's, fixed on chain (kept after the fill is gone).
    fn difficulty(&self, target: &str) -> Option<DifficultySchedule> {
        self.difficulties.get(target).copied()
    }

    /// Asks the driver to raise the D of every fill whose pool now asks for harder shares than
    /// the fill's D will be: below the pool's difficulty every share counts at D though it
    /// stands for more work, and the provider is underpaid.
    fn check_difficulties(&self) {
        for (route, fill) in self.routes.values() {
            let pool = route.upstream.state().borrow().difficulty;
            let Some(pool) = pool else { continue };
            let settled = fill.settled_difficulty();
            if pool.fixed() > settled {
                let _ = self.raises_tx.send((fill.clone(), pool.fixed()));
            }
        }
    }

    /// Opens the current window of each fill whose pool is down: no share may come to open it,
    /// and the dead time must still be reported (it can end an order whose pool is dead).
    fn open_dead_windows(&self, journal: &mut Journal) -> anyhow::Result<()> {
        let now_ms = crate::journal::ms(SystemTime::now());
        for (route, fill) in self.routes.values() {
            if route.upstream.state().borrow().connected || !fill.takes_work(now_ms) {
                continue;
            }
            let (Some(provider), Some(schedule)) = (self.provider_name(fill.provider), fill.schedule())
            else {
                continue;
            };
            journal.touch(&route.target, &provider, now_ms, schedule)?;
        }
        Ok(())
    }

    fn provider_name(&self, identity: Address) -> Option<String> {
        self.chain.providers.iter().find(|p| p.identity == identity).map(|p| p.name.clone())
    }

    /// Allocates rigs to fills again and publishes the route table. Rigs work only where work is
    /// paid and provable: on fills of active orders not expired, whose pool is connected and pays
    /// the order's payout bytes (a share on another coinbase would fail a challenge). A provider with no such
    /// fill keeps its rigs on its active orders' fills (during a pool outage they stay
    /// connected, and the outage counts as dead time).
    fn allocate(&mut self) {
        self.check_difficulties();
        let now_ms = crate::journal::ms(SystemTime::now());
        let mut ranked: Vec<&(Arc<Route>, OurFill)> =
            self.routes.values().filter(|(_, fill)| fill.takes_work(now_ms)).collect();
        ranked.sort_by(|a, b| b.1.price.cmp(&a.1.price).then(a.0.target.cmp(&b.0.target)));
        let workable: Vec<bool> = ranked.iter().map(|(route, fill)| workable(route, fill)).collect();
        let mut slots = vec![];
        let mut table_routes = vec![];
        for (i, (route, fill)) in ranked.iter().enumerate() {
            let Some(provider) = self.provider_name(fill.provider) else { continue };
            let provider_has_workable =
                ranked.iter().zip(&workable).any(|((_, other), ok)| *ok && other.provider == fill.provider);
            if !workable[i] && provider_has_workable {
                continue;
            }
            slots.push(routes::Slot {
                target: route.target.clone(),
                provider: provider.clone(),
                hashrate: fill.hashrate,
                price: fill.price,
            });
            table_routes.push(((*route).clone(), provider));
        }
        let assignment = routes::allocate(&self.assignment, &slots, &self.rates.rigs());
        for (worker, target) in &assignment {
            if self.assignment.get(worker) != Some(target) {
                tracing::info!(%worker, %target, "rig assigned to a fill");
            }
        }
        self.assignment = assignment;
        let assigned = self
            .assignment
            .iter()
            .filter_map(|(worker, target)| Some((worker.clone(), self.routes.get(target)?.0.clone())))
            .collect();
        let _ = self.routes_tx.send(RouteTable::assigned(table_routes, assigned));
    }
}

/// Whether rigs may work on `route` now: its pool is connected and its job's coinbase pays the
/// order's payout bytes.
fn workable(route: &Route, fill: &OurFill) -> bool {
    let state = route.upstream.state();
    let state = state.borrow();
    let Some(job) = state.job.as_ref().filter(|_| state.connected) else { return false };
    let pays = crate::pool_check::pays(&job.coinbase1, &job.coinbase2, &fill.pool.payout);
    if !pays {
        tracing::error!(target = %route.target, pool = %fill.pool.url, "the pool's coinbase does not pay the order's payout bytes: no rig works there (its shares would fail a challenge)");
    }
    pays
}

/// Tells the share path when a route's pool comes and goes (it starts unreachable).
async fn watch_outages(upstream: Upstream, target: String, outages: mpsc::UnboundedSender<(String, bool)>) {
    let mut state = upstream.state();
    let mut connected = false;
    if outages.send((target.clone(), false)).is_err() {
        return;
    }
    loop {
        let now = state.borrow_and_update().connected;
        if now != connected {
            connected = now;
            if outages.send((target.clone(), connected)).is_err() {
                return;
            }
        }
        if state.changed().await.is_err() {
            return;
        }
    }
}

/// Each rig's hashrate, measured from its verified shares (hashes at its difficulty), smoothed
/// over allocation periods; rigs silent for ten periods are forgotten.
#[derive(Default)]
struct RigRates {
    /// Worker -> (hashes this period, smoothed H/s, periods silent).
    rigs: BTreeMap<String, (f64, f64, u32)>,
}

impl RigRates {
    fn observe(&mut self, event: &ProxyEvent) {
        if let ProxyEvent::Share(record) = event {
            let entry = self.rigs.entry(record.worker.clone()).or_default();
            entry.0 += record.difficulty.hashes_per_share() as f64;
        }
    }

    /// Ends a period of `elapsed`.
    fn settle(&mut self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64().max(1.0);
        for (hashes, rate, silent) in self.rigs.values_mut() {
            let now = *hashes / seconds;
            *rate = if *rate == 0.0 { now } else { 0.7 * *rate + 0.3 * now };
            *silent = if *hashes == 0.0 { *silent + 1 } else { 0 };
            *hashes = 0.0;
        }
        self.rigs.retain(|_, (_, _, silent)| *silent < 10);
    }

    /// The rigs measured so far (a rig not measured yet stays on its provider's best fill).
    fn rigs(&self) -> Vec<routes::Rig> {
        self.rigs
            .iter()
            .filter(|(_, (_, rate, _))| *rate >= 1.0)
            .map(|(worker, (_, rate, _))| routes::Rig {
                worker: worker.clone(),
                provider: crate::proxy::provider_of(worker).to_owned(),
                hashrate: *rate as u64,
            })
            .collect()
    }
}

/// The driver's task: follows the chain's checkpoints from where the driver left off, hands it
/// the package's events, closed windows, pools' checks, requests to raise D and the time;
/// publishes the keeper's fills.
async fn drive(
    mut driver: Driver,
    url: String,
    package: Address,
    plan_every: Duration,
    fills: watch::Sender<Vec<OurFill>>,
    mut windows: mpsc::UnboundedReceiver<WindowSummary>,
    mut raises: mpsc::UnboundedReceiver<(OurFill, u128)>,
) {
    let (events_tx, mut events) = mpsc::unbounded_channel();
    let node = driver.metrics().clone();
    let mut follower =
        tokio::spawn(follow(url.clone(), package, driver.next_checkpoint(), events_tx.clone(), node.clone()));
    let (checked_tx, mut checked) = mpsc::unbounded_channel();
    let mut pools = crate::pool_check::PoolChecks::default();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut planned: Option<Instant> = None;
    let publish = |driver: &Driver| {
        fills.send_if_modified(|known| {
            let now = driver.fills();
            let changed = *known != now;
            *known = now;
            changed
        });
    };
    loop {
        tokio::select! {
            batch = events.recv() => {
                let Some((through, batch)) = batch else { return };
                if through < driver.next_checkpoint() {
                    continue;
                }
                if let Err(error) = driver.on_events(&batch, through).await {
                    // Not taken in: read these checkpoints again (the cursor did not move).
                    tracing::warn!(%error, through, "could not take in the chain's events; reading them again");
                    follower.abort();
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    while events.try_recv().is_ok() {}
                    follower = tokio::spawn(follow(url.clone(), package, driver.next_checkpoint(), events_tx.clone(), node.clone()));
                    continue;
                }
                publish(&driver);
            }
            window = windows.recv() => {
                let Some(window) = window else { return };
                if let Err(error) = driver.window_closed(&window) {
                    tracing::error!(%error, journal = %window.journal.display(), "could not queue a window's report");
                }
            }
            raise = raises.recv() => {
                let Some((fill, pool)) = raise else { return };
                if let Err(error) = driver.raise_difficulty(&fill, pool) {
                    tracing::error!(%error, "could not queue a change of D");
                }
            }
            result = checked.recv() => {
                let Some((pool, check)) = result else { return };
                pools.record(pool, check);
                // Fill what the check allows now, not at the next round.
                planned = None;
            }
            _ = tick.tick() => {
                let now_ms = crate::journal::ms(SystemTime::now());
                if planned.is_none_or(|at| at.elapsed() >= plan_every) {
                    planned = Some(Instant::now());
                    match driver.plan_fills(now_ms, &pools.fresh()) {
                        Ok(plan) => pools.start(plan.unchecked, &checked_tx),
                        Err(error) => tracing::error!(%error, "could not plan fills"),
                    }
                }
                if let Err(error) = driver.run_due(now_ms).await {
                    tracing::error!(%error, "the duty queue could not be run");
                }
                publish(&driver);
            }
        }
    }
}

/// Reads checkpoints from `from` on, for ever: each with package events (or every 100th, to move
/// the cursor) goes to `events` as (sequence, events). Reconnects after errors.
async fn follow(
    url: String,
    package: Address,
    from: u64,
    events: mpsc::UnboundedSender<(u64, Vec<aihash_sdk::chain::PackageEvent>)>,
    node: DutyMetrics,
) {
    let mut next = from;
    loop {
        let mut client = match ChainClient::new(&url) {
            Ok(client) => client,
            Err(error) => {
                tracing::error!(%error, "the node's URL is unusable");
                return;
            }
        };
        let result = client
            .follow_checkpoints(next, |checkpoint| {
                node.node_reachable(true);
                let sequence = checkpoint.sequence_number.unwrap_or(next);
                let found = package_events(&checkpoint, package);
                next = sequence + 1;
                if !found.is_empty() || sequence % 100 == 0 {
                    return events.send((sequence, found)).is_ok();
                }
                true
            })
            .await;
        match result {
            Ok(()) => return,
            Err(error) => {
                node.node_reachable(false);
                tracing::warn!(%error, next, "following the chain stopped; resuming");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
}
