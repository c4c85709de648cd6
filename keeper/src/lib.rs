//! The aihash keeper's core: Stratum jobs and shares, their verification, share difficulty.
//! (The daemon's entry point is `main.rs`.)

pub mod answer_vectors;
pub mod chain_daemon;
pub mod config;
pub mod daemon;
pub mod difficulty;
pub mod duties;
pub mod flood;
pub mod job;
pub mod journal;
pub mod metrics;
pub mod miner;
pub mod pool_check;
pub mod proxy;
pub mod rig_prefix;
pub mod routes;
pub mod stratum;
pub mod testpool;
pub mod upstream;
pub mod vardiff;
pub mod verify;
