//! Reporting a closed window of a fill: the delivery report the journal's summary states,
//! submitted once. The check is the fill's own record on chain: a fill reported up to the
//! window's end (or beyond) has this window already, so a retry after a crash or an outage
//! never reports it twice.

use super::{Done, DutyError};
use crate::journal::WindowSummary;
use aihash_sdk::bindings::order::{Fill, Order};
use aihash_sdk::chain::ChainClient;
use aihash_sdk::sender::Sender;
use aihash_sdk::tx::{Calls, DeliveryReport, Shared};
use sui_sdk_types::StructTag;

/// The fill a window is delivered to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FillRef {
    pub order: Shared,
    /// The order's escrow coin type, e.g. `0x2::sui::SUI`.
    pub coin_type: StructTag,
    pub fill: u64,
    /// The keeper's identity.
    pub keeper: Shared,
}

/// The delivery report a window's summary states, for fill `fill`.
pub fn delivery_report(summary: &WindowSummary, fill: u64) -> Result<DeliveryReport, DutyError> {
    let invalid = |what: &str| DutyError::Invalid(format!("summary {}: {what}", summary.journal.display()));
    let root: [u8; 32] = hex::decode(&summary.root)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| invalid("the root is not 32 bytes of hex"))?;
    Ok(DeliveryReport {
        fill,
        window_start_ms: summary.start_ms,
        window_end_ms: summary.end_ms,
        shares: summary.shares,
        difficulty: summary.difficulty.parse().map_err(|_| invalid("the difficulty is not a number"))?,
        counters: summary.counters(),
        dead_ms: summary.dead_ms,
        root,
    })
}

/// Every fill of `order` (index, fill), as its fills table on chain has them.
pub async fn fills_of<C>(client: &mut ChainClient, order: &Order<C>) -> Result<Vec<(u64, Fill)>, DutyError> {
    let table = super::id(&order.fills.id.id);
    let mut fills = vec![];
    for field in client.dynamic_fields(table).await? {
        fills.push((field.decode_name()?, field.decode_value()?));
    }
    Ok(fills)
}

/// Fill `fill` of `order` (read just before), as the chain has it now.
pub async fn fill_of<C>(
    client: &mut ChainClient,
    order_id: sui_sdk_types::Address,
    order: &Order<C>,
    fill: u64,
) -> Result<Fill, DutyError> {
    fills_of(client, order)
        .await?
        .into_iter()
        .find_map(|(index, entry)| (index == fill).then_some(entry))
        .ok_or_else(|| DutyError::Invalid(format!("order {order_id} has no fill {fill}")))
}

/// Reports `summary` for `target` unless the chain already has it (or it counted nothing).
pub async fn report_window(
    sender: &mut Sender,
    calls: &Calls<'_>,
    target: &FillRef,
    summary: &WindowSummary,
) -> Result<Done, DutyError> {
    if !worth_reporting(summary) {
        return Ok(Done::AlreadyDone(format!(
            "window {} counted no shares and little dead time: nothing to report",
            summary.start_ms
        )));
    }
    // The layout of `Order<C>` does not depend on `C`.
    let order: Order<moverox_sui::sui::sui::SUI> = sender.client.object(target.order.id).await?;
    let on_chain = fill_of(&mut sender.client, target.order.id, &order, target.fill).await?;
    let name = format!("fill {} of order {}", target.fill, target.order.id);
    // The chain takes no window past the fill's end (released, its order ended or expired): the
    // window under way then ends with it.
    let fill_end = [order.expiry_ms, on_chain.released_ms, order.ended_ms]
        .into_iter()
        .filter(|ms| *ms != 0)
        .min()
        .unwrap_or(u64::MAX);
    let summary = if summary.end_ms <= fill_end {
        summary.clone()
    } else if summary.start_ms < fill_end && on_chain.reported_until_ms < fill_end {
        tracing::info!(fill = %name, start_ms = summary.start_ms, fill_end, "the fill ended within the window: it ends there");
        crate::journal::end_early(&summary.journal, fill_end)?
    } else {
        return Ok(Done::Abandoned(format!(
            "window {}..{} of {name} lies after the fill's end at {fill_end} ms",
            summary.start_ms, summary.end_ms
        )));
    };
    if on_chain.reported_until_ms >= summary.end_ms {
        return Ok(Done::AlreadyDone(format!(
            "{name} is reported until {} ms, past this window's end",
            on_chain.reported_until_ms
        )));
    }
    let report = delivery_report(&summary, target.fill)?;
    if let Some(change) = on_chain.next_difficulty.as_ref() {
        if summary.start_ms < change.from_ms && change.from_ms < summary.end_ms {
            // Scheduled off a window boundary (by hand, not by this keeper): the chain refuses a
            // window spanning the change.
            return Ok(Done::Abandoned(format!(
                "window {}..{} of {name} spans the change of D scheduled from {} ms",
                summary.start_ms, summary.end_ms, change.from_ms
            )));
        }
    }
    let (current, next) = super::book::schedule_of(&on_chain);
    let fixed = crate::difficulty::scheduled(current, next, summary.start_ms);
    if report.difficulty != fixed {
        // The journal opened the window before it learnt of a change of D on chain: the chain
        // would refuse the report, today and at every retry.
        return Ok(Done::Abandoned(format!(
            "window {}..{} of {name} counted at D {} but the chain fixed D {fixed} for it (×2^-32)",
            summary.start_ms, summary.end_ms, report.difficulty
        )));
    }
    let (executed, _) = sender
        .send(|tx| {
            calls.report_submit(tx, &target.coin_type, target.order, target.keeper, &report);
        })
        .await?;
    Ok(Done::Sent { digest: executed.digest })
}

/// Whether a closed window has anything to tell the chain: counted shares to be paid, or dead
/// time of the pool of at least a tenth of the window (which can end an order whose pool is
/// dead; a moment's reconnection is not worth a transaction).
pub fn worth_reporting(summary: &WindowSummary) -> bool {
    let length = summary.end_ms.saturating_sub(summary.start_ms);
    summary.shares > 0 || (summary.dead_ms > 0 && summary.dead_ms.saturating_mul(10) >= length)
}
