//! Settling a report once its dispute window has passed without an open challenge, so the
//! provider is paid promptly (anyone may; the keeper does it for its own reports).

use super::{Done, DutyError};
use aihash_sdk::bindings::report::{Report, ReportState};
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, Shared};
use sui_sdk_types::StructTag;

/// The objects settling a report touches.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Settlement {
    pub coin_type: StructTag,
    pub report: Shared,
    pub order: Shared,
    /// The platform treasury (the registry names it).
    pub treasury: Shared,
    pub keeper: Shared,
    pub provider: Shared,
}

/// Settles `settlement.report` if it is due at `now_ms`; otherwise says why not.
pub async fn settle_report(
    sender: &mut Sender,
    calls: &Calls<'_>,
    settlement: &Settlement,
    now_ms: u64,
) -> Result<Done, DutyError> {
    let report: Report = sender.client.object(settlement.report.id).await?;
    match report.state {
        ReportState::Settled | ReportState::Voided => {
            return Ok(Done::AlreadyDone(format!("report {} is {:?}", settlement.report.id, report.state)));
        }
        ReportState::Challenged => {
            // Settled once the challenge is answered (or voided if it is not): look again later.
            let deadline = report.challenge.as_ref().map_or(now_ms, |c| c.deadline_ms);
            return Ok(Done::Later {
                why: format!("report {} is challenged: answer first", settlement.report.id),
                retry_at_ms: deadline.max(now_ms) + 1,
            });
        }
        ReportState::Pending if now_ms < report.dispute_deadline_ms => {
            return Ok(Done::Later {
                why: format!(
                    "report {} can be disputed until {} ms",
                    settlement.report.id, report.dispute_deadline_ms
                ),
                retry_at_ms: report.dispute_deadline_ms,
            });
        }
        ReportState::Pending => {}
    }
    let s = settlement;
    let own = s.keeper.id == s.provider.id;
    let (executed, _) = sender
        .send(|tx| {
            if own {
                calls.report_settle_own(tx, &s.coin_type, s.report, s.order, s.treasury, s.keeper);
            } else {
                calls.report_settle(tx, &s.coin_type, s.report, s.order, s.treasury, s.keeper, s.provider);
            }
        })
        .await?;
    Ok(Done::Sent { digest: executed.digest })
}
