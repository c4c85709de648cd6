//! Answering a challenge: for every drawn leaf not answered yet, the journal's answer (the
//! leaf's header and its successor's with proofs, the coinbase and its branch), one
//! `report::answer` call per leaf in one transaction, dry-run first. A call names the position
//! of its sample in the challenge's list, and answers every position drawing the same leaf:
//! leaves are drawn with replacement, and a second call for a leaf already answered would abort
//! the whole transaction.

use super::{Done, DutyError};
use crate::journal;
use aihash_sdk::bindings::report::{Report, ReportState};
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, SampleAnswer, Shared};
use std::path::Path;
use sui_sdk_types::StructTag;

/// The leaves of `report`'s open challenge still to answer, each once, at the first position
/// that drew it, with its answer from the window journal `journal_path`.
pub fn answers(report: &Report, journal_path: &Path) -> Result<Vec<SampleAnswer>, DutyError> {
    let Some(challenge) = &report.challenge else { return Ok(vec![]) };
    // (position, leaf) of each leaf to answer, at the first unanswered position that drew it.
    let mut pending: Vec<(u64, u64)> = vec![];
    for (position, (index, answered)) in challenge.samples.iter().zip(&challenge.answered).enumerate() {
        if !*answered && !pending.iter().any(|(_, leaf)| leaf == index) {
            pending.push((position as u64, *index));
        }
    }
    if pending.is_empty() {
        return Ok(vec![]);
    }
    let leaves: Vec<u64> = pending.iter().map(|(_, leaf)| *leaf).collect();
    let answers = journal::answers(journal_path, &leaves)?;
    Ok(pending
        .iter()
        .zip(answers)
        .map(|((position, _), answer)| SampleAnswer { position: *position, ..answer })
        .collect())
}

/// Answers the open challenge on `report` from the window journal `journal_path`, unless the
/// report is no longer challenged (answered, or voided) or its deadline has passed at `now_ms`.
#[allow(clippy::too_many_arguments)]
pub async fn answer_challenge(
    sender: &mut Sender,
    calls: &Calls<'_>,
    coin_type: &StructTag,
    report: Shared,
    order: Shared,
    keeper: Shared,
    journal_path: &Path,
    now_ms: u64,
) -> Result<Done, DutyError> {
    let on_chain: Report = sender.client.object(report.id).await?;
    if on_chain.state != ReportState::Challenged {
        return Ok(Done::AlreadyDone(format!(
            "report {} is {:?}, not challenged",
            report.id, on_chain.state
        )));
    }
    if let Some(challenge) = on_chain.challenge.as_ref().filter(|c| now_ms > c.deadline_ms) {
        return Ok(Done::Abandoned(format!(
            "the challenge on report {} closed at {} ms, unanswered: the report will be voided",
            report.id, challenge.deadline_ms
        )));
    }
    let pending = answers(&on_chain, journal_path)?;
    if pending.is_empty() {
        return Ok(Done::AlreadyDone(format!("report {} has no unanswered sample", report.id)));
    }
    let (executed, _) = sender
        .send(|tx| {
            for answer in &pending {
                calls.report_answer(tx, coin_type, report, order, keeper, answer);
            }
        })
        .await?;
    Ok(Done::Sent { digest: executed.digest })
}
