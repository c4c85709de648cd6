//! The chain side of a keeper in one place: it follows the package's events (the order book, the
//! keeper's own reports and challenges on them), decides which orders to fill for which
//! provider, turns closed windows into reports, and runs the duty queue. Everything it decides is
//! queued before it is done, and every duty checks the chain before acting, so a crash, a restart
//! or an unreachable node delays duties but never loses or doubles one.

use super::book::{OrderBook, OurFill, PoolTarget};
use super::eligibility;
use super::fill::{self, OpenOrder, PoolCheck};
use super::metrics::DutyMetrics;
use super::queue::{Duty, DutyQueue, Pass};
use super::watch::Watcher;
use super::{Done, DutyError};
use crate::config::{ChainConfig, Provider};
use crate::journal::WindowSummary;
use aihash_sdk::bindings::identity::Identity;
use aihash_sdk::bindings::market::Market;
use aihash_sdk::bindings::registry::Registry;
use aihash_sdk::chain::PackageEvent;
use aihash_sdk::network::{check_chain, Network};
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, Deployment, Shared};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;
use sui_sdk_types::Address;

/// The shared objects the keeper works with, as read from the chain at its last start.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Known {
    keeper: Shared,
    treasury: Shared,
    providers: Vec<Shared>,
}

impl Known {
    /// Reads them from the node, after checking it is on the deployment's chain.
    async fn read(
        config: &ChainConfig,
        sender: &mut Sender,
        deployment: &Deployment,
    ) -> Result<Self, DutyError> {
        let info = sender.client.service_info().await?;
        let network = Network::parse(&config.network).map_err(|e| DutyError::Invalid(e.to_string()))?;
        check_chain(deployment, &network, &info.chain_id).map_err(|e| DutyError::Invalid(e.to_string()))?;
        Self::check_eligible(config, sender, deployment).await?;
        let keeper = sender.client.shared(config.identity).await?;
        let registry: Registry = sender.client.object(deployment.registry.id).await?;
        let treasury = registry.platform_treasury.as_ref().ok_or_else(|| {
            DutyError::Invalid(format!(
                "registry {} names no platform treasury yet: the market cannot settle",
                deployment.registry.id
            ))
        })?;
        let treasury = sender.client.shared(super::id(treasury)).await?;
        let mut providers = vec![];
        for provider in &config.providers {
            providers.push(sender.client.shared(provider.identity).await?);
        }
        Ok(Self { keeper, treasury, providers })
    }

    /// Refuses to start a keeper the market would refuse every fill and report of, naming each
    /// problem.
    async fn check_eligible(
        config: &ChainConfig,
        sender: &mut Sender,
        deployment: &Deployment,
    ) -> Result<(), DutyError> {
        let market: Market = sender.client.object(deployment.market.id).await?;
        if config.window_ms > market.params.max_window_ms {
            return Err(DutyError::Invalid(format!(
                "the configured window of {} ms is longer than the market's longest, {} ms: every report would be refused; shorten chain.window_minutes",
                config.window_ms, market.params.max_window_ms
            )));
        }
        let identity: Identity = sender.client.object(config.identity).await?;
        let mut problems = eligibility::keeper_problems(
            config.identity,
            &identity,
            sender.address(),
            market.params.min_keeper_stake,
        );
        for provider in &config.providers {
            let identity: Identity = sender.client.object(provider.identity).await?;
            problems.extend(eligibility::provider_problems(provider, &identity));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(DutyError::Invalid(format!(
                "the keeper cannot work on this market:\n  {}",
                problems.join("\n  ")
            )))
        }
    }

    /// Whether these are the objects `config` names (the configuration may have changed since).
    fn serves(&self, config: &ChainConfig) -> bool {
        self.keeper.id == config.identity
            && config.providers.iter().all(|p| self.providers.iter().any(|s| s.id == p.identity))
    }
}

/// What planning fills queued, and the pools to check before their orders can be filled.
#[derive(Debug, Default)]
pub struct Plan {
    pub queued: usize,
    pub unchecked: Vec<PoolTarget>,
}

/// A duty whose deadline is nearer than this is logged and exported as at risk.
pub const DEADLINE_MARGIN_MS: u64 = 30 * 60_000;

pub struct Driver {
    pub sender: Sender,
    deployment: Deployment,
    config: ChainConfig,
    keeper: Shared,
    providers: Vec<(Provider, Shared)>,
    book: OrderBook,
    watcher: Watcher,
    queue: DutyQueue,
    metrics: DutyMetrics,
    /// When each open challenge (by report) was first seen, for the answer latency.
    challenges_seen: HashMap<Address, Instant>,
}

impl Driver {
    /// Looks up the keeper's identity, the providers' and the platform treasury (on a node of
    /// the chain the package was deployed on), and reopens the state kept in `state_dir` (order
    /// book and cursor, reported windows, duty queue). With the node unreachable it starts from
    /// what the last start read, so a keeper restarted during an outage still takes its rigs'
    /// shares; its duties wait for the node.
    pub async fn open(
        config: ChainConfig,
        mut sender: Sender,
        deployment: Deployment,
        state_dir: &Path,
        metrics: DutyMetrics,
    ) -> Result<Self, DutyError> {
        let known_path = state_dir.join("identities.json");
        let known = match Known::read(&config, &mut sender, &deployment).await {
            Ok(known) => {
                super::save_state(&known_path, &known)?;
                known
            }
            Err(error) if super::queue::unreachable(&error) => {
                let saved: Option<Known> = super::load_state(&known_path, "the keeper's identities")?;
                let Some(known) = saved.filter(|k| k.serves(&config)) else { return Err(error) };
                tracing::warn!(%error, "the chain node cannot be reached: starting from the identities read at the last start; duties wait for the node");
                known
            }
            Err(error) => return Err(error),
        };
        let (keeper, treasury) = (known.keeper, known.treasury);
        let providers: Vec<(Provider, Shared)> = config
            .providers
            .iter()
            .map(|p| (p.clone(), *known.providers.iter().find(|s| s.id == p.identity).expect("served")))
            .collect();
        let book = OrderBook::open(keeper, &state_dir.join("book.json"), deployment.since_checkpoint)?;
        let watcher = Watcher::open(keeper.id, treasury, &state_dir.join("reports.json"))?;
        let queue = DutyQueue::open(&state_dir.join("duties.json"))?;
        Ok(Self {
            sender,
            deployment,
            config,
            keeper,
            providers,
            book,
            watcher,
            queue,
            metrics,
            challenges_seen: HashMap::new(),
        })
    }

    /// The next checkpoint whose events the driver has not seen.
    pub fn next_checkpoint(&self) -> u64 {
        self.book.next_checkpoint()
    }

    /// The keeper's live fills, best-paying first: where its providers' rigs should work.
    pub fn fills(&self) -> Vec<OurFill> {
        self.book.fills()
    }

    pub fn metrics(&self) -> &DutyMetrics {
        &self.metrics
    }

    pub fn queue(&self) -> &DutyQueue {
        &self.queue
    }

    /// Takes in the package's events of checkpoints up to `through`: the book follows the orders
    /// they touch, the keeper's reports become settlements and their challenges answers, and
    /// journals of settled or voided reports are pruned.
    pub async fn on_events(&mut self, events: &[PackageEvent], through: u64) -> Result<(), DutyError> {
        // Duties first: the book's cursor moves past these events only once they are queued.
        for duty in self.watcher.on_events(&mut self.sender.client, events).await? {
            if let Duty::Answer { report, deadline_ms, .. } = &duty {
                self.metrics.challenge_seen();
                self.challenges_seen.entry(report.id).or_insert_with(Instant::now);
                tracing::warn!(report = %report.id, deadline_ms, "a report of ours is challenged: answering");
            }
            self.queue.push(duty)?;
        }
        for journal in self.watcher.finished(events)? {
            crate::journal::remove_window(&journal);
        }
        self.book.apply(&mut self.sender.client, events, through).await
    }

    /// Whether `journal_target` names windows of a fill the keeper has had (live or not).
    pub fn serves(&self, journal_target: &str) -> bool {
        self.book.served(journal_target).is_some()
    }

    /// A window of one of the keeper's fills closed: queue its report.
    pub fn window_closed(&mut self, summary: &WindowSummary) -> Result<(), DutyError> {
        let Some(target) = self.book.served(&summary.target).cloned() else {
            tracing::warn!(target = %summary.target, "a closed window of no fill this keeper knows: not reported");
            return Ok(());
        };
        if !super::report::worth_reporting(summary) {
            // Nothing to pay and nothing to tell: no challenge can ever ask for its shares.
            crate::journal::remove_window(&summary.journal);
            return Ok(());
        }
        self.watcher.reporting(target.clone(), summary.start_ms, summary.journal.clone())?;
        self.queue.push(Duty::Report { target, summary: summary.journal.clone() })
    }

    /// Queues fills for the providers' free hashrate on the best-paying open orders (and releases
    /// of fills on orders now paying below the keeper's minimum or paused). An order is filled only once
    /// its pool was checked (`pools`): its D is set from the pool's difficulty, and an order whose
    /// pool rigs cannot work on is passed over for the next best. Returns what was queued and the
    /// pools still to check.
    pub fn plan_fills(
        &mut self,
        now_ms: u64,
        pools: &HashMap<PoolTarget, PoolCheck>,
    ) -> Result<Plan, DutyError> {
        let mut plan = Plan::default();
        let fills = self.book.fills();
        // Fills that pay too little now, or on paused (exhausted) orders, go: their providers'
        // hashrate is free for other orders (a paused order topped up is filled again).
        for fill in fills.iter().filter(|f| f.price < self.config.min_price || !f.order_active) {
            let paused = !fill.order_active;
            if paused {
                tracing::info!(order = %fill.target.order.id, "the order is paused (its escrow ran out): releasing");
            } else {
                tracing::info!(order = %fill.target.order.id, price = fill.price, "the order pays below our minimum now: releasing");
            }
            self.queue.push(Duty::Release { target: fill.target.clone(), paused })?;
            plan.queued += 1;
        }
        let open = self.book.open_orders();
        for (provider, identity) in self.providers.clone() {
            let attaching = |duty: &Duty| match duty {
                Duty::Attach { provider: p, hashrate, order, .. } if p.id == identity.id => {
                    Some((order.order.id, *hashrate))
                }
                _ => None,
            };
            let queued_attach: Vec<(Address, u64)> = self.queue.duties().filter_map(attaching).collect();
            let committed: u64 = fills
                .iter()
                .filter(|f| {
                    f.provider == identity.id && f.price >= self.config.min_price && f.takes_work(now_ms)
                })
                .map(|f| f.hashrate)
                .chain(queued_attach.iter().map(|(_, h)| *h))
                .sum();
            let free = provider.hashrate.saturating_sub(committed);
            let candidates: Vec<OpenOrder> = open
                .iter()
                .filter(|o| {
                    !self.book.has_fill(o.order.id, identity.id)
                        && !queued_attach.iter().any(|(id, _)| *id == o.order.id)
                        && !matches!(pools.get(&o.pool), Some(PoolCheck::Unfit(_)))
                })
                .cloned()
                .collect();
            let min_fill = (provider.hashrate / 100).max(1);
            for (order, hashrate) in fill::choose(
                &candidates,
                free,
                self.config.min_price,
                min_fill,
                now_ms,
                self.config.window_ms,
            ) {
                // An order whose pool is not checked yet keeps its share of the capacity until it
                // is: filling a worse order meanwhile would pass over the better one.
                let Some(PoolCheck::Fit { floor }) = pools.get(&order.pool) else {
                    if !plan.unchecked.contains(&order.pool) {
                        plan.unchecked.push(order.pool.clone());
                    }
                    continue;
                };
                let difficulty = fill::difficulty_for(hashrate, self.config.window_ms, *floor);
                tracing::info!(order = %order.order.id, provider = %provider.name, hashrate, price = order.price, difficulty, "filling");
                self.queue.push(Duty::Attach {
                    order,
                    keeper: self.keeper,
                    provider: identity,
                    hashrate,
                    difficulty,
                })?;
                plan.queued += 1;
            }
        }
        Ok(plan)
    }

    /// The pool of `fill` asks for harder shares than the fill's D (as scheduled): queue a
    /// change of D for the fill's windows from its next boundary. Windows before it keep their D
    /// (fixed before they started); a change already queued for the fill is replaced.
    pub fn raise_difficulty(&mut self, fill: &OurFill, pool: u128) -> Result<(), DutyError> {
        let difficulty = fill::difficulty_for(fill.hashrate, self.config.window_ms, pool);
        let settled = fill.settled_difficulty();
        if difficulty <= settled {
            return Ok(());
        }
        let target = fill.target.clone();
        let queued = self.queue.duties().any(|d| {
            matches!(d, Duty::SetDifficulty { target: t, difficulty: d, .. } if *t == target && *d >= difficulty)
        });
        if queued {
            return Ok(());
        }
        tracing::warn!(order = %target.order.id, fill = target.fill, pool, settled, difficulty, "the pool's difficulty is above the fill's D: raising D from the next window");
        let duty =
            Duty::SetDifficulty { target: target.clone(), difficulty, window_ms: self.config.window_ms };
        self.queue.replace(|d| matches!(d, Duty::SetDifficulty { target: t, .. } if *t == target), duty)
    }

    /// Does the duties due at `now_ms`; logs and exports what happened.
    pub async fn run_due(&mut self, now_ms: u64) -> Result<Pass, DutyError> {
        let calls = Calls { deployment: &self.deployment };
        let pass = self.queue.run_due(&mut self.sender, &calls, now_ms).await?;
        for (duty, done) in &pass.done {
            match done {
                Done::Sent { digest } => tracing::info!(duty = duty.kind(), %digest, "duty done"),
                Done::AlreadyDone(why) => tracing::info!(duty = duty.kind(), %why, "nothing to do"),
                Done::Abandoned(why) => tracing::error!(duty = duty.kind(), %why, "DUTY ABANDONED"),
                Done::Later { .. } => {}
            }
            if let (Duty::Answer { report, .. }, Done::Sent { .. }) = (duty, done) {
                if let Some(seen) = self.challenges_seen.remove(&report.id) {
                    self.metrics.answer_sent_after(seen.elapsed().as_secs_f64());
                }
            }
            // The journal must count at a new D from its first window on: read it now rather
            // than wait for the event.
            if let (Duty::SetDifficulty { target, .. }, Done::Sent { .. }) = (duty, done) {
                if let Err(error) = self.book.reread(&mut self.sender.client, target.order.id).await {
                    tracing::warn!(%error, order = %target.order.id, "could not read the order back after changing D; its event will tell");
                }
            }
        }
        for (duty, why) in &pass.failed {
            if pass.unbuildable.contains(duty) {
                self.metrics.answer_unbuildable();
                tracing::error!(%why, "CANNOT BUILD A CHALLENGE ANSWER: unless fixed before the deadline the report is voided and the stake slashed");
            } else {
                tracing::warn!(duty = duty.kind(), %why, "duty failed; retried later");
            }
        }
        if pass.node_unreachable {
            tracing::warn!(queued = self.queue.len(), "the chain node cannot be reached: duties wait");
        }
        for duty in self.queue.at_risk(now_ms, DEADLINE_MARGIN_MS) {
            tracing::error!(duty = duty.kind(), deadline_ms = ?duty.deadline_ms(), now_ms, "a duty's deadline is near");
        }
        self.metrics.observe(&pass, &self.queue, now_ms, DEADLINE_MARGIN_MS);
        Ok(pass)
    }
}
