//! `aihash-keeper mine` and `aihash-keeper test-pool`: the built-in CPU miner and the test pool,
//! for tests, demos and smoke checks.

use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::miner::{self, MinerConfig, MinerStats};
use aihash_keeper::testpool::{TestPool, TestPoolConfig};
use anyhow::Context;
use clap::Args;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
pub struct MineArgs {
    /// The pool's or keeper's Stratum address, `host:port`.
    #[arg(long)]
    pub pool: String,
    /// The worker name to authorize as (at a keeper: `<provider>.<rig>`).
    #[arg(long)]
    pub user: String,
    #[arg(long, default_value = "x")]
    pub password: String,
    /// Hashing threads [default: one per core].
    #[arg(long)]
    pub threads: Option<usize>,
    /// Do not ask for BIP 310 version rolling.
    #[arg(long)]
    pub no_version_rolling: bool,
    /// Stop after this many seconds [default: run until the connection ends].
    #[arg(long)]
    pub seconds: Option<u64>,
}

#[derive(Debug, Args)]
pub struct TestPoolArgs {
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:3333")]
    pub listen: std::net::SocketAddr,
    /// Hex of the script the coinbase pays (what an order's "pool payout bytes" name)
    /// [default: a P2WPKH test script].
    #[arg(long)]
    pub payout: Option<String>,
    /// Share difficulty (pool difficulty 1 = 2^32 hashes per share; CPUs need far less).
    #[arg(long, default_value_t = 0.0001)]
    pub difficulty: f64,
    /// Seconds between new jobs.
    #[arg(long, default_value_t = 30)]
    pub job_interval: u64,
}

pub fn mine(args: &MineArgs) -> anyhow::Result<()> {
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    anyhow::ensure!(threads > 0, "--threads 0: at least one thread is needed");
    let config = MinerConfig {
        pool: args.pool.clone(),
        user: args.user.clone(),
        password: args.password.clone(),
        threads,
        version_rolling: !args.no_version_rolling,
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let stats = Arc::new(MinerStats::default());
        let mut mining = tokio::spawn(miner::run(config, stats.clone()));
        let started = Instant::now();
        let mut last = (Instant::now(), 0u64);
        let mut ticker = tokio::time::interval(Duration::from_secs(5));
        ticker.tick().await;
        loop {
            tokio::select! {
                ended = &mut mining => return ended?,
                _ = ticker.tick() => {
                    let hashes = stats.hashes.load(Ordering::Relaxed);
                    let rate = (hashes - last.1) as f64 / last.0.elapsed().as_secs_f64();
                    last = (Instant::now(), hashes);
                    eprintln!(
                        "{} on {} with {threads} threads: {}, {} shares submitted, {} accepted, {} rejected",
                        args.user, args.pool, aihash_sdk::amount::format_hashrate(rate as u64),
                        stats.submitted.load(Ordering::Relaxed), stats.accepted.load(Ordering::Relaxed),
                        stats.rejected.load(Ordering::Relaxed),
                    );
                    if args.seconds.is_some_and(|limit| started.elapsed().as_secs() >= limit) {
                        return Ok(());
                    }
                }
            }
        }
    })
}

pub fn test_pool(args: &TestPoolArgs) -> anyhow::Result<()> {
    let payout = match &args.payout {
        Some(hex) => bitcoin::ScriptBuf::from_bytes(
            hex::decode(hex.trim_start_matches("0x"))
                .with_context(|| format!("--payout `{hex}` is not hex"))?,
        ),
        None => bitcoin::ScriptBuf::new_p2wpkh(&bitcoin::WPubkeyHash::from_raw_hash(
            bitcoin::hashes::Hash::hash(b"aihash test pool"),
        )),
    };
    let difficulty = ShareDifficulty::from_f64(args.difficulty)
        .with_context(|| format!("--difficulty {}: must be a positive number", args.difficulty))?;
    let mut config = TestPoolConfig::new(payout.clone(), difficulty);
    config.job_interval = Duration::from_secs(args.job_interval.max(1));
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let pool = TestPool::spawn(args.listen, config).await.with_context(|| format!("listening on {}", args.listen))?;
        eprintln!(
            "test pool (a test tool: it pays nothing and finds no real blocks) on {} at difficulty {}, coinbase paying {}",
            pool.addr(),
            difficulty,
            hex::encode(payout.as_bytes())
        );
        loop {
            tokio::time::sleep(Duration::from_secs(10)).await;
            eprintln!("{} shares accepted, rejected by code {:?}", pool.accepted().len(), pool.rejected());
        }
    })
}
