//! The shared aihash library: Bitcoin proof-of-work helpers (the Rust twin of the Move module
//! `aihash::pow`), Rust bindings of the package's Move types, and the golden BCS vectors that tie
//! the two layouts together.

pub mod amount;
pub mod bindings;
pub mod chain;
pub mod coin_selection;
pub mod did;
pub mod golden;
pub mod keystore;
pub mod network;
pub mod pow;
pub mod proposal;
pub mod sender;
pub mod share_tree;
pub mod share_vectors;
pub mod tx;
pub mod units;
