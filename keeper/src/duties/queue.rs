//! The keeper's pending chain duties, kept in a file so that neither a crash nor a chain outage
//! loses one: each duty stays queued until it is done (or the chain shows it done), and a duty
//! that fails is retried later with backoff. While the node is unreachable the keeper keeps
//! verifying and journaling; the queue catches up in order when the node is back. Duties whose
//! deadline is close are reported as at risk.

use super::fill::OpenOrder;
use super::report::FillRef;
use super::settle::Settlement;
use super::{answer, fill, report, settle, Done, DutyError};
use aihash_sdk::chain::ChainError;
use aihash_sdk::sender::{SendError, Sender};
use aihash_sdk::tx::{Calls, Shared};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One thing the keeper must do on chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "duty", rename_all = "snake_case")]
pub enum Duty {
    /// Report the closed window whose journal is at `summary` (its summary beside it).
    Report { target: FillRef, summary: PathBuf },
    /// Answer the challenge on `report` from the window journal `journal`, by `deadline_ms`.
    Answer { report: Shared, target: FillRef, journal: PathBuf, deadline_ms: u64 },
    /// Settle a report from `due_ms` on.
    Settle { settlement: Settlement, due_ms: u64 },
    /// Attach `provider`'s `hashrate` to `order` for keeper identity `keeper`, at share
    /// difficulty `difficulty` (32.32).
    Attach { order: OpenOrder, keeper: Shared, provider: Shared, hashrate: u64, difficulty: u128 },
    /// Release a fill the keeper no longer serves: its order pays too little, or is `paused`
    /// (exhausted; then not if it is active again when the release is due).
    Release {
        target: FillRef,
        #[serde(default)]
        paused: bool,
    },
    /// Raise the D of `target`'s windows to `difficulty` (32.32) from its next window boundary
    /// (its windows last `window_ms`): its pool's difficulty rose above the fill's D.
    SetDifficulty { target: FillRef, difficulty: u128, window_ms: u64 },
}

impl Duty {
    /// When it may be done.
    fn not_before_ms(&self) -> u64 {
        match self {
            Self::Settle { due_ms, .. } => *due_ms,
            _ => 0,
        }
    }

    /// The fill and window start of a report (its window's journal is `<start_ms>.journal`).
    fn window(&self) -> Option<(&FillRef, u64)> {
        let Self::Report { target, summary } = self else { return None };
        Some((target, crate::journal::window_start_of(summary)?))
    }

    /// When it must be done by, if ever.
    pub fn deadline_ms(&self) -> Option<u64> {
        match self {
            Self::Answer { deadline_ms, .. } => Some(*deadline_ms),
            _ => None,
        }
    }

    /// Answers first (they have deadlines), then reports, settlements, and changes of fills.
    fn urgency(&self) -> u8 {
        match self {
            Self::Answer { .. } => 0,
            Self::Report { .. } => 1,
            Self::Settle { .. } => 2,
            Self::SetDifficulty { .. } => 3,
            Self::Release { .. } => 4,
            Self::Attach { .. } => 5,
        }
    }

    /// The duty's kind, for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Answer { .. } => "answer",
            Self::Report { .. } => "report",
            Self::Settle { .. } => "settle",
            Self::Release { .. } => "release",
            Self::Attach { .. } => "attach",
            Self::SetDifficulty { .. } => "set_difficulty",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Pending {
    duty: Duty,
    attempts: u32,
    /// Not before this time (ms), after a failure.
    retry_at_ms: u64,
    last_error: Option<String>,
}

/// What one pass over the queue did.
#[derive(Debug, Default)]
pub struct Pass {
    pub done: Vec<(Duty, Done)>,
    /// Duties that failed and stay queued, with why.
    pub failed: Vec<(Duty, String)>,
    /// Duties the chain says to do later, with why.
    pub waiting: Vec<(Duty, String)>,
    /// Answers the journal could not build (they stay queued, but will likely never succeed).
    pub unbuildable: Vec<Duty>,
    /// Whether the pass stopped because the node could not be reached.
    pub node_unreachable: bool,
}

/// The queue, persisted in one JSON file (rewritten atomically on every change).
pub struct DutyQueue {
    path: PathBuf,
    pending: Vec<Pending>,
}

impl DutyQueue {
    /// Opens the queue at `path` (empty if the file does not exist yet).
    pub fn open(path: &Path) -> Result<Self, DutyError> {
        let pending = super::load_state(path, "a duty queue")?.unwrap_or_default();
        Ok(Self { path: path.to_owned(), pending })
    }

    /// Queues a duty (once: a duty already queued is not added again).
    pub fn push(&mut self, duty: Duty) -> Result<(), DutyError> {
        if !self.pending.iter().any(|p| p.duty == duty) {
            self.pending.push(Pending { duty, attempts: 0, retry_at_ms: 0, last_error: None });
            self.save()?;
        }
        Ok(())
    }

    /// Queues `duty` in place of the queued duties `replaces` picks (none: added like `push`).
    pub fn replace(&mut self, replaces: impl Fn(&Duty) -> bool, duty: Duty) -> Result<(), DutyError> {
        self.pending.retain(|p| !replaces(&p.duty));
        if !self.pending.iter().any(|p| p.duty == duty) {
            self.pending.push(Pending { duty, attempts: 0, retry_at_ms: 0, last_error: None });
        }
        // Once, for the removal and the addition together.
        self.save()
    }

    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// The queued duties.
    pub fn duties(&self) -> impl Iterator<Item = &Duty> {
        self.pending.iter().map(|p| &p.duty)
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Queued duties whose deadline is less than `margin_ms` after `now_ms`.
    pub fn at_risk(&self, now_ms: u64, margin_ms: u64) -> Vec<&Duty> {
        self.pending
            .iter()
            .map(|p| &p.duty)
            .filter(|d| d.deadline_ms().is_some_and(|deadline| deadline < now_ms.saturating_add(margin_ms)))
            .collect()
    }

    /// Does every duty that is due at `now_ms`, most urgent first. A node that cannot be reached
    /// ends the pass (the rest stays queued); any other failure is retried later with backoff.
    pub async fn run_due(
        &mut self,
        sender: &mut Sender,
        calls: &Calls<'_>,
        now_ms: u64,
    ) -> Result<Pass, DutyError> {
        let mut order: Vec<usize> = (0..self.pending.len())
            .filter(|&i| {
                let p = &self.pending[i];
                p.retry_at_ms <= now_ms && p.duty.not_before_ms() <= now_ms && !self.waits_for_earlier(p)
            })
            .collect();
        order.sort_by_key(|&i| {
            let duty = &self.pending[i].duty;
            (duty.urgency(), duty.deadline_ms(), duty.window().map(|(_, start)| start))
        });
        let mut pass = Pass::default();
        let mut finished = vec![];
        for i in order {
            let duty = self.pending[i].duty.clone();
            match perform(&duty, sender, calls, now_ms).await {
                Ok(Done::Later { why, retry_at_ms }) => {
                    // Not a failure: the duty waits for its time without counting an attempt.
                    self.pending[i].retry_at_ms = retry_at_ms.max(now_ms + 1);
                    pass.waiting.push((duty, why));
                }
                Ok(done) => {
                    finished.push(i);
                    pass.done.push((duty, done));
                }
                Err(error) if unreachable(&error) => {
                    pass.node_unreachable = true;
                    pass.failed.push((duty, error.to_string()));
                    break;
                }
                Err(error) => {
                    if matches!(duty, Duty::Answer { .. }) && matches!(error, DutyError::Journal(_)) {
                        pass.unbuildable.push(duty.clone());
                    }
                    let pending = &mut self.pending[i];
                    pending.attempts += 1;
                    // 1 s, 2 s, 4 s ... at most 5 minutes.
                    pending.retry_at_ms =
                        now_ms + 1_000u64.saturating_mul(1 << pending.attempts.min(8)).min(300_000);
                    pending.last_error = Some(error.to_string());
                    pass.failed.push((duty, error.to_string()));
                }
            }
        }
        finished.sort_unstable_by(|a, b| b.cmp(a));
        for i in finished {
            self.pending.remove(i);
        }
        // Rewritten only when something changed (every pass runs once a second).
        if !(pass.done.is_empty() && pass.failed.is_empty() && pass.waiting.is_empty()) {
            self.save()?;
        }
        Ok(pass)
    }

    /// Whether `pending` is the report of a window while an earlier window of the same fill is
    /// still to be reported: the chain takes a fill's windows in order, and once a later one is
    /// on it the earlier one can never be. A report that failed `GIVE_WAY_AFTER` times stops
    /// holding the later ones up (its error is logged at every attempt).
    fn waits_for_earlier(&self, pending: &Pending) -> bool {
        const GIVE_WAY_AFTER: u32 = 8;
        let Some((fill, start)) = pending.duty.window() else { return false };
        self.pending.iter().any(|other| {
            other.attempts < GIVE_WAY_AFTER
                && other
                    .duty
                    .window()
                    .is_some_and(|(other_fill, other_start)| other_fill == fill && other_start < start)
        })
    }

    fn save(&self) -> Result<(), DutyError> {
        super::save_state(&self.path, &self.pending)
    }
}

/// Whether `error` says the node could not be reached (rather than refused something).
pub(crate) fn unreachable(error: &DutyError) -> bool {
    matches!(
        error,
        DutyError::Chain(ChainError::Unreachable { .. })
            | DutyError::Send(SendError::Chain(ChainError::Unreachable { .. }))
    )
}

async fn perform(
    duty: &Duty,
    sender: &mut Sender,
    calls: &Calls<'_>,
    now_ms: u64,
) -> Result<Done, DutyError> {
    match duty {
        Duty::Report { target, summary } => {
            let summary = crate::journal::summary(summary)?;
            report::report_window(sender, calls, target, &summary).await
        }
        Duty::Answer { report, target, journal, .. } => {
            answer::answer_challenge(
                sender,
                calls,
                &target.coin_type,
                *report,
                target.order,
                target.keeper,
                journal,
                now_ms,
            )
            .await
        }
        Duty::Settle { settlement, .. } => settle::settle_report(sender, calls, settlement, now_ms).await,
        Duty::Attach { order, keeper, provider, hashrate, difficulty } => {
            fill::attach(sender, calls, order, *keeper, *provider, *hashrate, *difficulty, now_ms).await
        }
        Duty::Release { target, paused } => fill::release(sender, calls, target, *paused).await,
        Duty::SetDifficulty { target, difficulty, window_ms } => {
            fill::schedule_difficulty(sender, calls, target, *difficulty, *window_ms, now_ms).await
        }
    }
}
