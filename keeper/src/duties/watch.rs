//! Turning the package's events into the keeper's duties: its own `ReportSubmitted` becomes a
//! settlement due when the dispute window closes, and a `ChallengeOpened` on one of its reports
//! becomes an answer due by the challenge's deadline. The keeper registers each window it reports
//! (order, fill, window start, journal file) so that a report event finds its journal, and keeps
//! what it learnt in a file, so a restart does not forget which reports are its own.

use super::queue::Duty;
use super::report::FillRef;
use super::settle::Settlement;
use super::DutyError;
use aihash_sdk::bindings::report::{ChallengeOpened, ReportSettled, ReportSubmitted, ReportVoided};
use aihash_sdk::chain::{ChainClient, PackageEvent};
use aihash_sdk::tx::Shared;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use sui_sdk_types::Address;

/// A window the keeper reported (or is reporting), and where its journal is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedWindow {
    pub target: FillRef,
    pub window_start_ms: u64,
    pub journal: PathBuf,
    /// The report object, once its `ReportSubmitted` event was seen.
    pub report: Option<Address>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Known {
    windows: Vec<ReportedWindow>,
}

/// Follows the package's events for one keeper identity.
pub struct Watcher {
    keeper: Address,
    /// The platform treasury settlements pay into.
    treasury: Shared,
    path: PathBuf,
    known: Known,
}

impl Watcher {
    /// A watcher for keeper identity `keeper`, remembering in `path`.
    pub fn open(keeper: Address, treasury: Shared, path: &Path) -> Result<Self, DutyError> {
        let known = super::load_state(path, "the keeper's reports")?.unwrap_or_default();
        Ok(Self { keeper, treasury, path: path.to_owned(), known })
    }

    /// Registers a window the keeper is about to report.
    pub fn reporting(
        &mut self,
        target: FillRef,
        window_start_ms: u64,
        journal: PathBuf,
    ) -> Result<(), DutyError> {
        let known =
            self.known.windows.iter().any(|w| w.target == target && w.window_start_ms == window_start_ms);
        if !known {
            self.known.windows.push(ReportedWindow { target, window_start_ms, journal, report: None });
            self.save()?;
        }
        Ok(())
    }

    /// The duties `events` call for. Shared-object references are looked up with `client`.
    pub async fn on_events(
        &mut self,
        client: &mut ChainClient,
        events: &[PackageEvent],
    ) -> Result<Vec<Duty>, DutyError> {
        let mut duties = vec![];
        // Whether a report of ours was recorded (the state file is rewritten only then).
        let mut recorded = false;
        for event in events {
            match event.name() {
                "ReportSubmitted" => {
                    let submitted: ReportSubmitted = event.decode()?;
                    if super::id(&submitted.keeper_id) != self.keeper {
                        continue;
                    }
                    let order = super::id(&submitted.order_id);
                    let Some(window) = self.known.windows.iter_mut().find(|w| {
                        w.target.order.id == order
                            && w.target.fill == submitted.fill
                            && w.window_start_ms == submitted.window_start_ms
                    }) else {
                        tracing::warn!(%order, fill = submitted.fill, "a report of this keeper for a window it does not know");
                        continue;
                    };
                    let report = super::id(&submitted.report_id);
                    window.report = Some(report);
                    recorded = true;
                    let target = window.target.clone();
                    let settlement = Settlement {
                        coin_type: target.coin_type.clone(),
                        report: client.shared(report).await?,
                        order: target.order,
                        treasury: self.treasury,
                        keeper: target.keeper,
                        provider: client.shared(super::id(&submitted.provider_id)).await?,
                    };
                    duties.push(Duty::Settle { settlement, due_ms: submitted.dispute_deadline_ms });
                }
                "ChallengeOpened" => {
                    let opened: ChallengeOpened = event.decode()?;
                    let report = super::id(&opened.report_id);
                    let Some(window) = self.known.windows.iter().find(|w| w.report == Some(report)) else {
                        continue;
                    };
                    tracing::warn!(%report, samples = opened.samples.len(), deadline_ms = opened.deadline_ms, "one of our reports is challenged");
                    duties.push(Duty::Answer {
                        report: client.shared(report).await?,
                        target: window.target.clone(),
                        journal: window.journal.clone(),
                        deadline_ms: opened.deadline_ms,
                    });
                }
                _ => {}
            }
        }
        if recorded {
            self.save()?;
        }
        Ok(duties)
    }

    /// The journals of the keeper's reports that `events` settle or void: nothing can be asked of
    /// them any more, so their windows are forgotten and the caller may prune the files.
    pub fn finished(&mut self, events: &[PackageEvent]) -> Result<Vec<PathBuf>, DutyError> {
        let mut done = vec![];
        for event in events {
            let report = match event.name() {
                "ReportSettled" => super::id(&event.decode::<ReportSettled>()?.report_id),
                "ReportVoided" => super::id(&event.decode::<ReportVoided>()?.report_id),
                _ => continue,
            };
            if let Some(at) = self.known.windows.iter().position(|w| w.report == Some(report)) {
                done.push(self.known.windows.remove(at).journal);
            }
        }
        if !done.is_empty() {
            self.save()?;
        }
        Ok(done)
    }

    fn save(&self) -> Result<(), DutyError> {
        super::save_state(&self.path, &self.known)
    }
}
