//! The keeper's chain duties, each in the check-then-perform pattern: decide from fresh chain
//! state, dry-run, then send; a duty whose effect is already on chain is recognised and not done
//! twice. Reports close the journal's windows on chain, answers meet challenges with the
//! journal's proofs, settlements pay providers once the dispute window has passed.

pub mod answer;
pub mod book;
pub mod driver;
pub mod fill;
pub mod metrics;
pub mod queue;
pub mod report;
pub mod settle;
pub mod watch;

use aihash_sdk::chain::ChainError;
use aihash_sdk::sender::SendError;

/// What a duty did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Sent in transaction `digest`.
    Sent { digest: String },
    /// Nothing to do: the chain already shows it done (or there is nothing to do).
    AlreadyDone(String),
    /// Not yet: the chain says to try again from `retry_at_ms` (a report still in its dispute
    /// window, a settlement waiting for a challenge to be answered).
    Later { why: String, retry_at_ms: u64 },
}

#[derive(Debug, thiserror::Error)]
pub enum DutyError {
    #[error(transparent)]
    Chain(#[from] ChainError),
    #[error(transparent)]
    Send(#[from] SendError),
    #[error(transparent)]
    Journal(#[from] crate::journal::JournalError),
    #[error("{0}")]
    Invalid(String),
}

/// An on-chain object id as the SDK's address type.
pub(crate) fn id(id: &moverox_sui::sui::object::ID) -> sui_sdk_types::Address {
    sui_sdk_types::Address::new(id.bytes.into_inner())
}
