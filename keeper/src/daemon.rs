//! The keeper daemon without the chain: the upstream pool, the rig-facing proxy and the share
//! journal wired together, windows closed and summarised as they end, metrics served, and each
//! rig's verified and pool-accepted hashrate logged — so an operator can measure rigs before
//! listing them on the market ("verify-only operation").

use crate::difficulty::ShareDifficulty;
use crate::journal::{Journal, JournalConfig, WindowSummary};
use crate::metrics::Metrics;
use crate::proxy::{Proxy, ProxyConfig, ProxyEvent};
use crate::upstream::{Upstream, UpstreamConfig, Verdict};
use anyhow::Context;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::{mpsc, oneshot};

#[derive(Debug, Clone)]
pub struct KeeperConfig {
    pub upstream: UpstreamConfig,
    pub proxy: ProxyConfig,
    pub journal: JournalConfig,
    /// D of the windows; `None`: the pool's difficulty when a window opens.
    pub window_difficulty: Option<ShareDifficulty>,
    /// Where to serve `/metrics` (`None`: nowhere).
    pub metrics: Option<SocketAddr>,
    /// How often to log each rig's hashrate.
    pub readout_every: Duration,
}

/// A running keeper.
pub struct Running {
    pub proxy: SocketAddr,
    pub metrics: Option<SocketAddr>,
    /// Windows as they close.
    pub summaries: mpsc::UnboundedReceiver<WindowSummary>,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Running {
    pub(crate) fn new(
        proxy: SocketAddr,
        metrics: Option<SocketAddr>,
        summaries: mpsc::UnboundedReceiver<WindowSummary>,
        stop: oneshot::Sender<()>,
        task: tokio::task::JoinHandle<anyhow::Result<()>>,
    ) -> Self {
        Self { proxy, metrics, summaries, stop: Some(stop), task }
    }

    /// Stops cleanly: every journal entry synced to disk first.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.await?
    }

    /// Runs until the task fails (or forever).
    pub async fn wait(self) -> anyhow::Result<()> {
        self.task.await?
    }
}

pub async fn start(config: KeeperConfig) -> anyhow::Result<Running> {
    let mut journal = Journal::open(config.journal.clone())?;
    // Windows a previous run left open and that are over: summarise them now.
    let left_over = journal.close_due(SystemTime::now())?;
    let upstream = Upstream::spawn(config.upstream.clone());
    let (records_tx, mut records) = mpsc::unbounded_channel();
    let proxy = Proxy::spawn(config.proxy.clone(), upstream.clone(), records_tx)
        .await
        .with_context(|| format!("listening for rigs on {}", config.proxy.listen))?;
    let metrics = Arc::new(Metrics::new());
    let metrics_addr = match config.metrics {
        Some(addr) => Some(serve_metrics(addr, metrics.clone()).await?),
        None => None,
    };
    tracing::info!(rigs = %proxy.addr, upstream = %config.upstream.address, journal = %config.journal.dir.display(), "keeper running (verify-only: no chain configured)");
    let (summaries_tx, summaries) = mpsc::unbounded_channel();
    for summary in left_over {
        log_window(&summary);
        let _ = summaries_tx.send(summary);
    }
    let (stop, mut stopped) = oneshot::channel();
    let target = format!("{}/{}", config.upstream.address, config.upstream.user);
    let stats = proxy.stats.clone();
    let task = tokio::spawn(async move {
        let mut state = upstream.state();
        let mut outages = Outages::default();
        outages.update(&mut journal, &target, false)?;
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut readout = Readout::new(config.readout_every);
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
                    let floor = state.borrow().difficulty;
                    let difficulty = config.window_difficulty.or(floor).unwrap_or(ShareDifficulty::ONE);
                    journal.record(&target, &event, difficulty)?;
                }
                changed = state.changed() => {
                    if changed.is_err() { return Ok(()) }
                    let connected = state.borrow_and_update().connected;
                    outages.update(&mut journal, &target, connected)?;
                }
                _ = tick.tick() => {
                    for summary in journal.close_due(SystemTime::now())? {
                        metrics.observe_window(&summary);
                        log_window(&summary);
                        let _ = summaries_tx.send(summary);
                    }
                    metrics.observe_state(&state.borrow(), &stats);
                    readout.maybe_log();
                }
            }
        }
    });
    Ok(Running { proxy: proxy.addr, metrics: metrics_addr, summaries, stop: Some(stop), task })
}

/// Which pools (by journal target) are unreachable now, since when: their outages go to the
/// journal, where windows take their dead time from.
#[derive(Default)]
pub(crate) struct Outages {
    down: std::collections::HashMap<String, SystemTime>,
}

impl Outages {
    /// `target`'s pool is connected now, or not.
    pub(crate) fn update(
        &mut self,
        journal: &mut Journal,
        target: &str,
        connected: bool,
    ) -> anyhow::Result<()> {
        match (connected, self.down.get(target).copied()) {
            (false, None) => {
                tracing::warn!(%target, "the pool is unreachable: counting dead time");
                let since = SystemTime::now();
                self.down.insert(target.to_owned(), since);
                journal.set_outage(target, Some(since));
            }
            (true, Some(since)) => {
                journal.record_outage(target, since, SystemTime::now())?;
                journal.set_outage(target, None);
                self.down.remove(target);
                tracing::info!(%target, "the pool is connected");
            }
            _ => {}
        }
        Ok(())
    }
}

pub(crate) fn log_window(summary: &WindowSummary) {
    tracing::info!(
        provider = %summary.provider,
        start_ms = summary.start_ms,
        shares = summary.shares,
        work = %summary.work,
        dead_ms = summary.dead_ms,
        root = %summary.root,
        "window closed"
    );
}

/// Serves `/metrics`; returns the bound address.
pub(crate) async fn serve_metrics(addr: SocketAddr, metrics: Arc<Metrics>) -> anyhow::Result<SocketAddr> {
    let listener =
        tokio::net::TcpListener::bind(addr).await.with_context(|| format!("serving metrics on {addr}"))?;
    let bound = listener.local_addr()?;
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let metrics = metrics.clone();
            async move { metrics.render() }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(bound)
}

/// Each rig's verified and pool-accepted hashrate over the last readout period.
pub(crate) struct Readout {
    every: Duration,
    since: Instant,
    hashes: BTreeMap<String, (f64, f64)>,
}

impl Readout {
    pub(crate) fn new(every: Duration) -> Self {
        Self { every, since: Instant::now(), hashes: BTreeMap::new() }
    }

    pub(crate) fn observe(&mut self, event: &ProxyEvent) {
        if let ProxyEvent::Share(record) = event {
            let hashes = record.difficulty.hashes_per_share() as f64;
            let entry = self.hashes.entry(record.worker.clone()).or_default();
            entry.0 += hashes;
            if record.verdict == Verdict::Accepted {
                entry.1 += hashes;
            }
        }
    }

    pub(crate) fn maybe_log(&mut self) {
        let elapsed = self.since.elapsed();
        if elapsed < self.every {
            return;
        }
        for (worker, (verified, accepted)) in std::mem::take(&mut self.hashes) {
            let rate =
                |hashes: f64| aihash_sdk::amount::format_hashrate((hashes / elapsed.as_secs_f64()) as u64);
            tracing::info!(%worker, verified = %rate(verified), pool_accepted = %rate(accepted), "rig hashrate");
        }
        self.since = Instant::now();
    }
}
