//! Prometheus metrics of the keeper: connections, shares by outcome and by rig, verified and
//! pool-accepted work per rig (hashes; hashrate is its rate), upstream state and dead time,
//! windows. Served as text on `/metrics`.

use crate::journal::WindowSummary;
use crate::proxy::{ProxyEvent, ProxyStats};
use crate::upstream::{UpstreamState, Verdict};
use prometheus::{Encoder, Gauge, IntCounter, IntCounterVec, IntGauge, Opts, Registry, TextEncoder};
use std::sync::atomic::Ordering;

pub struct Metrics {
    registry: Registry,
    connections: IntGauge,
    shares: IntCounterVec,
    work: prometheus::CounterVec,
    upstream_up: IntGauge,
    upstream_dead: Gauge,
    windows_closed: IntCounter,
    last_window_shares: prometheus::IntGaugeVec,
    banned: IntGauge,
    throttled: IntGauge,
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("aihash_keeper".into()), None).expect("a valid prefix");
        let connections = IntGauge::new("rig_connections", "Rigs connected now").expect("metric");
        let shares = IntCounterVec::new(
            Opts::new(
                "shares_total",
                "Shares by rig and outcome (verified; pool accepted, rejected or lost; refused by reason)",
            ),
            &["worker", "outcome"],
        )
        .expect("metric");
        let work = prometheus::CounterVec::new(
            Opts::new("work_hashes_total", "Work by rig, in hashes: verified shares and pool-accepted shares at the rig's difficulty; its rate is the hashrate"),
            &["worker", "kind"],
        )
        .expect("metric");
        let upstream_up =
            IntGauge::new("upstream_up", "1 while the upstream pool is connected").expect("metric");
        let upstream_dead =
            Gauge::new("upstream_dead_seconds", "Time the upstream pool was unreachable since start")
                .expect("metric");
        let windows_closed =
            IntCounter::new("windows_closed_total", "Delivery windows closed and summarised")
                .expect("metric");
        let last_window_shares = prometheus::IntGaugeVec::new(
            Opts::new("last_window_counted_shares", "Counted shares of each provider's last closed window"),
            &["provider"],
        )
        .expect("metric");
        let banned =
            IntGauge::new("rigs_banned_total", "Rigs banned for flooding invalid shares").expect("metric");
        let throttled = IntGauge::new(
            "rig_lines_throttled_total",
            "Lines read late from rigs past half their limit of invalid shares",
        )
        .expect("metric");
        for collector in [
            Box::new(connections.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(shares.clone()),
            Box::new(work.clone()),
            Box::new(upstream_up.clone()),
            Box::new(upstream_dead.clone()),
            Box::new(windows_closed.clone()),
            Box::new(last_window_shares.clone()),
            Box::new(banned.clone()),
            Box::new(throttled.clone()),
        ] {
            registry.register(collector).expect("registered once");
        }
        Self {
            registry,
            connections,
            shares,
            work,
            upstream_up,
            upstream_dead,
            windows_closed,
            last_window_shares,
            banned,
            throttled,
        }
    }

    pub fn observe(&self, event: &ProxyEvent) {
        match event {
            ProxyEvent::Share(record) => {
                let hashes = record.difficulty.hashes_per_share() as f64;
                self.shares.with_label_values(&[&record.worker, "verified"]).inc();
                self.work.with_label_values(&[&record.worker, "verified"]).inc_by(hashes);
                let outcome = match record.verdict {
                    Verdict::Accepted => {
                        self.work.with_label_values(&[&record.worker, "accepted"]).inc_by(hashes);
                        "pool_accepted"
                    }
                    Verdict::Rejected { .. } => "pool_rejected",
                    Verdict::Lost => "lost",
                };
                self.shares.with_label_values(&[&record.worker, outcome]).inc();
            }
            ProxyEvent::Refused { worker, rejection, .. } => {
                let reason = match rejection.code() {
                    21 => "refused_stale",
                    22 => "refused_duplicate",
                    23 => "refused_low_difficulty",
                    _ => "refused_other",
                };
                self.shares.with_label_values(&[worker, reason]).inc();
            }
        }
    }

    pub fn observe_state(&self, upstream: &UpstreamState, proxy: &ProxyStats) {
        self.upstream_up.set(upstream.connected as i64);
        self.upstream_dead.set(upstream.dead_ms_now() as f64 / 1000.0);
        self.connections.set(proxy.connections.load(Ordering::Relaxed) as i64);
        self.banned.set(proxy.banned.load(Ordering::Relaxed) as i64);
        self.throttled.set(proxy.throttled.load(Ordering::Relaxed) as i64);
    }

    pub fn observe_window(&self, summary: &WindowSummary) {
        self.windows_closed.inc();
        self.last_window_shares.with_label_values(&[&summary.provider]).set(summary.shares as i64);
    }

    /// Where other parts of the keeper (the chain duties) register their metrics, so one
    /// `/metrics` serves them all.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut buffer = vec![];
        TextEncoder::new().encode(&self.registry.gather(), &mut buffer).expect("text encoding");
        String::from_utf8(buffer).expect("UTF-8")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}
