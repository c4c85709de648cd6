//! Stratum V1 on the wire: bounded line reading, and conversions between `sv1_api`'s message
//! types and the keeper's jobs and submissions.

pub mod line;
pub mod wire;
