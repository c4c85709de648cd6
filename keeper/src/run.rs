//! `aihash-keeper run`: the keeper daemon (today in verify-only operation: no chain duties).

use aihash_keeper::daemon::{self, KeeperConfig};
use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::journal::JournalConfig;
use aihash_keeper::proxy::ProxyConfig;
use aihash_keeper::upstream::UpstreamConfig;
use anyhow::Context;
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Where rigs connect (Stratum V1).
    #[arg(long, default_value = "0.0.0.0:3334")]
    pub listen: SocketAddr,
    /// The upstream pool, `host:port`.
    #[arg(long)]
    pub upstream: String,
    /// The worker the keeper logs in to the pool as.
    #[arg(long)]
    pub upstream_user: String,
    #[arg(long, default_value = "x")]
    pub upstream_password: String,
    /// A provider whose rigs may connect, as `<provider>.<rig>` (repeat for more) [default: any].
    #[arg(long = "provider")]
    pub providers: Vec<String>,
    /// Where the share journal lives.
    #[arg(long, default_value = "keeper-journal")]
    pub journal_dir: PathBuf,
    /// Delivery window length in seconds.
    #[arg(long, default_value_t = 600)]
    pub window_seconds: u64,
    /// How long after its end a window waits for shares stamped inside it before it closes
    /// (shares belong to the window of their ntime, which pool jobs set when they are made).
    #[arg(long, default_value_t = 120)]
    pub window_grace_seconds: u64,
    /// Share difficulty D windows count at [default: the pool's difficulty when a window opens].
    #[arg(long)]
    pub window_difficulty: Option<f64>,
    /// The share rate to aim each rig at, seconds per share.
    #[arg(long, default_value_t = 10)]
    pub seconds_per_share: u64,
    /// How long the pool has to answer a forwarded share, in seconds; an unanswered share is
    /// journaled as lost.
    #[arg(long, default_value_t = 10)]
    pub verdict_timeout_seconds: u64,
    /// Longest time between a journal write and its fsync, in milliseconds.
    #[arg(long, default_value_t = 100)]
    pub sync_ms: u64,
    /// Serve Prometheus metrics on this address (`/metrics`).
    #[arg(long)]
    pub metrics: Option<SocketAddr>,
    /// Seconds between per-rig hashrate readouts.
    #[arg(long, default_value_t = 60)]
    pub readout_seconds: u64,
}

pub fn run(args: &RunArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.window_seconds > 0, "--window-seconds 0: a window must last at least a second");
    let window_difficulty = args
        .window_difficulty
        .map(|d| {
            ShareDifficulty::from_f64(d)
                .with_context(|| format!("--window-difficulty {d}: must be a positive number"))
        })
        .transpose()?;
    let mut proxy = ProxyConfig::new(args.listen);
    proxy.providers = args.providers.clone();
    proxy.vardiff.target_interval = Duration::from_secs(args.seconds_per_share.max(1));
    let mut upstream = UpstreamConfig::new(&args.upstream, &args.upstream_user, &args.upstream_password);
    upstream.verdict_timeout = Duration::from_secs(args.verdict_timeout_seconds.max(1));
    let config = KeeperConfig {
        upstream,
        proxy,
        journal: JournalConfig {
            dir: args.journal_dir.clone(),
            window: Duration::from_secs(args.window_seconds),
            sync_every: Duration::from_millis(args.sync_ms),
            grace: Duration::from_secs(args.window_grace_seconds),
        },
        window_difficulty,
        metrics: args.metrics,
        readout_every: Duration::from_secs(args.readout_seconds.max(1)),
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let running = daemon::start(config).await?;
        tokio::select! {
            result = async { running.wait().await } => result,
            _ = tokio::signal::ctrl_c() => {
                tracing::info!("interrupted: syncing the journal and stopping");
                Ok(())
            }
        }
    })
}
