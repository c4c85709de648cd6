//! The keeper's chain duties, each in the check-then-perform pattern: decide from fresh chain
//! state, dry-run, then send; a duty whose effect is already on chain is recognised and not done
//! twice. Reports close the journal's windows on chain, answers meet challenges with the
//! journal's proofs, settlements pay providers once the dispute window has passed.

pub mod answer;
pub mod book;
pub mod driver;
pub mod eligibility;
pub mod fill;
pub mod metrics;
pub mod queue;
pub mod report;
pub mod settle;
pub mod watch;

use aihash_sdk::chain::ChainError;
use aihash_sdk::sender::SendError;
use std::path::Path;

/// What a duty did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Sent in transaction `digest`.
    Sent { digest: String },
    /// Nothing to do: the chain already shows it done (or there is nothing to do).
    AlreadyDone(String),
    /// It can never be done, and why (logged as an error, counted as abandoned).
    Abandoned(String),
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

/// The keeper's state file at `path`, or `None` before it was first written; `what` says what
/// the file should hold, for the error when it holds something else.
pub(crate) fn load_state<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
) -> Result<Option<T>, DutyError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| DutyError::Invalid(format!("{}: not {what}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(DutyError::Invalid(format!("{}: {e}", path.display()))),
    }
}

/// Writes a state file atomically and durably: a temporary file, synced, renamed over `path`. A
/// crash leaves the old contents or the new, never a mix.
pub(crate) fn save_state<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), DutyError> {
    let io = |e: std::io::Error| DutyError::Invalid(format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let temporary = path.with_extension("tmp");
    let text = serde_json::to_string_pretty(value).expect("state serialises");
    let mut file = std::fs::File::create(&temporary).map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)?;
    std::fs::rename(&temporary, path).map_err(io)
}

/// An on-chain object id as the SDK's address type.
pub(crate) fn id(id: &moverox_sui::sui::object::ID) -> sui_sdk_types::Address {
    sui_sdk_types::Address::new(id.bytes.into_inner())
}
