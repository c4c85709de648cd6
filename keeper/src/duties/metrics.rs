//! Metrics of the chain duties: what was done, failed or waits, challenges seen and how fast they
//! were answered, answers that cannot be built, and how close the nearest deadline is.

use super::queue::{Duty, DutyQueue, Pass};
use super::Done;
use prometheus::{
    Gauge, Histogram, HistogramOpts, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
};

const KINDS: [&str; 6] = ["answer", "report", "settle", "release", "attach", "set_difficulty"];

#[derive(Clone)]
pub struct DutyMetrics {
    done: IntCounterVec,
    failed: IntCounterVec,
    pending: IntGaugeVec,
    challenges_seen: IntCounter,
    answer_latency: Histogram,
    answers_unbuildable: IntCounter,
    deadline_margin: Gauge,
    at_risk: IntGauge,
    node_up: IntGauge,
}

impl DutyMetrics {
    /// Registers the duty metrics in `registry` (the keeper's, prefixed `aihash_keeper_`).
    pub fn new(registry: &Registry) -> Self {
        let metrics = Self {
            done: IntCounterVec::new(
                Opts::new("duties_done_total", "Chain duties done, by duty and outcome: a transaction sent, the chain showed it done, or abandoned (it can never be done)"),
                &["duty", "outcome"],
            )
            .expect("metric"),
            failed: IntCounterVec::new(Opts::new("duties_failed_total", "Chain duty attempts that failed (retried later)"), &["duty"])
                .expect("metric"),
            pending: IntGaugeVec::new(Opts::new("duties_pending", "Chain duties queued now"), &["duty"]).expect("metric"),
            challenges_seen: IntCounter::new("challenges_seen_total", "Challenges opened on the keeper's reports").expect("metric"),
            answer_latency: Histogram::with_opts(
                HistogramOpts::new("answer_latency_seconds", "From seeing a challenge to sending its answer")
                    .buckets(vec![0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 1800.0]),
            )
            .expect("metric"),
            answers_unbuildable: IntCounter::new(
                "answers_unbuildable_total",
                "Challenge answers the journal could not build (the report will be voided and the stake slashed)",
            )
            .expect("metric"),
            deadline_margin: Gauge::new(
                "deadline_margin_seconds",
                "Time left until the nearest deadline of a queued duty (absent deadlines: 0 and no duty at risk)",
            )
            .expect("metric"),
            at_risk: IntGauge::new("duties_at_risk", "Queued duties whose deadline is less than the margin away").expect("metric"),
            node_up: IntGauge::new("chain_node_up", "1 when the chain node answered the keeper's last request (a duty or the checkpoint stream)").expect("metric"),
        };
        for collector in [
            Box::new(metrics.done.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(metrics.failed.clone()),
            Box::new(metrics.pending.clone()),
            Box::new(metrics.challenges_seen.clone()),
            Box::new(metrics.answer_latency.clone()),
            Box::new(metrics.answers_unbuildable.clone()),
            Box::new(metrics.deadline_margin.clone()),
            Box::new(metrics.at_risk.clone()),
            Box::new(metrics.node_up.clone()),
        ] {
            registry.register(collector).expect("each duty metric is registered once");
        }
        for kind in KINDS {
            metrics.pending.with_label_values(&[kind]).set(0);
        }
        metrics
    }

    /// Whether the node answered the last time the keeper asked it something (a duty, or the
    /// stream of checkpoints).
    pub fn node_reachable(&self, reachable: bool) {
        self.node_up.set(i64::from(reachable));
    }

    pub fn challenge_seen(&self) {
        self.challenges_seen.inc();
    }

    pub fn answer_sent_after(&self, seconds: f64) {
        self.answer_latency.observe(seconds);
    }

    pub fn answer_unbuildable(&self) {
        self.answers_unbuildable.inc();
    }

    /// What a pass over the queue did, and what the queue holds now.
    pub fn observe(&self, pass: &Pass, queue: &DutyQueue, now_ms: u64, margin_ms: u64) {
        for (duty, done) in &pass.done {
            let outcome = match done {
                Done::Sent { .. } => "sent",
                Done::Abandoned(_) => "abandoned",
                _ => "already_done",
            };
            self.done.with_label_values(&[duty.kind(), outcome]).inc();
        }
        for (duty, _) in &pass.failed {
            self.failed.with_label_values(&[duty.kind()]).inc();
        }
        // A pass that tried nothing says nothing about the node.
        if !(pass.done.is_empty() && pass.failed.is_empty() && pass.waiting.is_empty()) {
            self.node_reachable(!pass.node_unreachable);
        }
        for kind in KINDS {
            let count = queue.duties().filter(|d| d.kind() == kind).count();
            self.pending.with_label_values(&[kind]).set(count as i64);
        }
        let nearest = queue.duties().filter_map(Duty::deadline_ms).min();
        self.deadline_margin.set(nearest.map_or(0.0, |d| (d as f64 - now_ms as f64) / 1_000.0));
        self.at_risk.set(queue.at_risk(now_ms, margin_ms).len() as i64);
    }
}
