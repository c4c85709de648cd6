//! Answering a challenge: for every drawn sample not answered yet, the journal's answer (the
//! leaf's header and its successor's with proofs, the coinbase and its branch), one
//! `report::answer` call per sample in one transaction, dry-run first.

use super::{Done, DutyError};
use crate::journal;
use aihash_sdk::bindings::report::Report;
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, SampleAnswer, Shared};
use std::path::Path;
use sui_sdk_types::StructTag;

/// The samples of `report`'s open challenge still to answer, with their answers from the window
/// journal `journal_path`.
pub fn answers(report: &Report, journal_path: &Path) -> Result<Vec<SampleAnswer>, DutyError> {
    let Some(challenge) = &report.challenge else { return Ok(vec![]) };
    challenge
        .samples
        .iter()
        .zip(&challenge.answered)
        .filter(|(_, answered)| !**answered)
        .map(|(index, _)| Ok(journal::answer(journal_path, *index)?))
        .collect()
}

/// Answers the open challenge on `report` from the window journal `journal_path`.
#[allow(clippy::too_many_arguments)]
pub async fn answer_challenge(
    sender: &mut Sender,
    calls: &Calls<'_>,
    coin_type: &StructTag,
    report: Shared,
    order: Shared,
    keeper: Shared,
    journal_path: &Path,
) -> Result<Done, DutyError> {
    let on_chain: Report = sender.client.object(report.id).await?;
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
