//! `aihash-keeper run`: the keeper daemon, on chain with `--config keeper.toml` (fills, reports,
//! answers, settlements), or verify-only with `--upstream` (one pool, windows summarised locally).

use aihash_keeper::chain_daemon::{self, ChainKeeperConfig};
use aihash_keeper::config::ChainConfig;
use aihash_keeper::daemon::{self, KeeperConfig, Running};
use aihash_keeper::difficulty::ShareDifficulty;
use aihash_keeper::journal::JournalConfig;
use aihash_keeper::proxy::ProxyConfig;
use aihash_keeper::upstream::UpstreamConfig;
use aihash_sdk::keystore::{Key, Keystore};
use aihash_sdk::network::{Deployments, Network};
use aihash_sdk::tx::Deployment;
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
    /// The keeper's chain configuration (TOML: network, identity, providers; see docs/KEEPER.md).
    /// With it the keeper fills orders and works for them; without it, it runs verify-only
    /// against `--upstream`.
    #[arg(long, conflicts_with_all = ["upstream", "upstream_user"])]
    pub config: Option<PathBuf>,
    /// Where the keeper keeps its order book, reported windows and pending duties (chain
    /// operation).
    #[arg(long, default_value = "keeper-state")]
    pub state_dir: PathBuf,
    /// The upstream pool, `host:port` (verify-only operation).
    #[arg(long, required_unless_present = "config")]
    pub upstream: Option<String>,
    /// The worker the keeper logs in to the pool as (verify-only operation).
    #[arg(long, required_unless_present = "config")]
    pub upstream_user: Option<String>,
    #[arg(long, default_value = "x")]
    pub upstream_password: String,
    /// A provider whose rigs may connect, as `<provider>.<rig>` (repeat for more) [default: any].
    #[arg(long = "provider")]
    pub providers: Vec<String>,
    /// Where the share journal lives.
    #[arg(long, default_value = "keeper-journal")]
    pub journal_dir: PathBuf,
    /// Delivery window length in seconds (verify-only; on chain the configuration's
    /// `window_minutes` or `window_seconds`).
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
    /// Seconds between looks for orders to fill (on chain).
    #[arg(long, default_value_t = 30)]
    pub plan_seconds: u64,
    /// Seconds between allocations of rigs to fills from their measured hashrates (on chain).
    #[arg(long, default_value_t = 30)]
    pub allocate_seconds: u64,
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
    let verdict_timeout = Duration::from_secs(args.verdict_timeout_seconds.max(1));
    let journal = |window: Duration| JournalConfig {
        dir: args.journal_dir.clone(),
        window,
        sync_every: Duration::from_millis(args.sync_ms),
        grace: Duration::from_secs(args.window_grace_seconds),
    };
    let readout_every = Duration::from_secs(args.readout_seconds.max(1));
    let mode = match &args.config {
        Some(path) => {
            let chain = ChainConfig::load(path)?;
            proxy.providers = chain.providers.iter().map(|p| p.name.clone()).collect();
            let (url, key, deployment) = resolve(&chain)?;
            Mode::Chain(Box::new(ChainKeeperConfig {
                proxy,
                journal: journal(Duration::from_millis(chain.window_ms)),
                metrics: args.metrics,
                readout_every,
                verdict_timeout,
                allocate_every: Duration::from_secs(args.allocate_seconds.max(1)),
                plan_every: Duration::from_secs(args.plan_seconds.max(1)),
                chain,
                url,
                key,
                deployment,
                state_dir: args.state_dir.clone(),
            }))
        }
        None => {
            let (Some(address), Some(user)) = (&args.upstream, &args.upstream_user) else {
                anyhow::bail!(
                    "give --config keeper.toml (on chain) or --upstream and --upstream-user (verify-only)"
                );
            };
            let mut upstream = UpstreamConfig::new(address, user, &args.upstream_password);
            upstream.verdict_timeout = verdict_timeout;
            Mode::VerifyOnly(Box::new(KeeperConfig {
                upstream,
                proxy,
                journal: journal(Duration::from_secs(args.window_seconds)),
                window_difficulty,
                metrics: args.metrics,
                readout_every,
            }))
        }
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let running: Running = match mode {
            Mode::Chain(config) => chain_daemon::start(*config).await?,
            Mode::VerifyOnly(config) => daemon::start(*config).await?,
        };
        tokio::select! {
            result = async { running.wait().await } => result,
            _ = tokio::signal::ctrl_c() => {
                tracing::info!("interrupted: syncing the journal and stopping");
                Ok(())
            }
        }
    })
}

enum Mode {
    Chain(Box<ChainKeeperConfig>),
    VerifyOnly(Box<KeeperConfig>),
}

/// The node's URL, the signing key and the package's deployment the configuration names.
fn resolve(chain: &ChainConfig) -> anyhow::Result<(String, Key, Deployment)> {
    let network =
        Network::parse(&chain.network).with_context(|| format!("chain.network `{}`", chain.network))?;
    let deployments_path = chain
        .deployments
        .clone()
        .or_else(Deployments::default_path)
        .context("no home directory to find ~/.aihash/deployments.json in: set chain.deployments")?;
    let deployment = Deployments::load(&deployments_path)?.on(&network, &deployments_path)?.clone();
    let key = Keystore::signer(chain.keystore.as_deref(), chain.sender.as_ref())?;
    Ok((network.rpc_url().to_owned(), key, deployment))
}
