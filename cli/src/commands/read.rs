//! What every command that only reads the chain shares: the network, the deployments file (for
//! commands that need the package's objects) and `--json`.

use aihash_sdk::chain::{ChainClient, PackageEvent};
use aihash_sdk::network::{Deployments, Network};
use aihash_sdk::tx::Deployment;
use anyhow::Context;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// localnet, devnet, testnet, mainnet, or a node's http(s):// URL.
    #[arg(long, default_value = "localnet")]
    pub network: String,
    /// The deployments file `aihash publish` writes [default: ~/.aihash/deployments.json].
    #[arg(long)]
    pub deployments: Option<PathBuf>,
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A read-only connection to a network.
pub struct Reader {
    runtime: tokio::runtime::Runtime,
    client: ChainClient,
    network: Network,
    deployments: Option<PathBuf>,
}

impl Reader {
    pub fn open(args: &ReadArgs) -> anyhow::Result<Self> {
        let network = Network::parse(&args.network)?;
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
        // The client's connection is made on this runtime.
        let client = {
            let _entered = runtime.enter();
            ChainClient::new(network.rpc_url())?
        };
        Ok(Self { runtime, client, network, deployments: args.deployments.clone() })
    }

    /// The package's deployment on this network, checked to be on the node's chain.
    pub fn deployment(&mut self) -> anyhow::Result<Deployment> {
        let path = self
            .deployments
            .clone()
            .or_else(Deployments::default_path)
            .context("no deployments file: pass --deployments")?;
        let deployment = Deployments::load(&path)?.on(&self.network, &path)?.clone();
        let node = self.run(|client| client.service_info())?;
        aihash_sdk::network::check_chain(&deployment, &self.network, &node.chain_id)?;
        Ok(deployment)
    }

    /// Runs a chain client call to completion.
    pub fn run<'a, T, F>(&'a mut self, call: impl FnOnce(&'a mut ChainClient) -> F) -> anyhow::Result<T>
    where
        F: std::future::Future<Output = Result<T, aihash_sdk::chain::ChainError>> + 'a,
    {
        Ok(self.runtime.block_on(call(&mut self.client))?)
    }

    /// The package's events from checkpoint `from` (default: the deployment's first) to the
    /// node's latest, with progress on stderr when it is a terminal and the scan is long.
    pub fn package_events(&mut self, from: Option<u64>) -> anyhow::Result<Vec<PackageEvent>> {
        let deployment = self.deployment()?;
        let from = from.unwrap_or(deployment.since_checkpoint);
        let latest = self.run(|client| client.service_info())?.checkpoint_height;
        anyhow::ensure!(
            from <= latest,
            "--from-checkpoint {from} is past the node's latest checkpoint {latest}"
        );
        let total = latest - from + 1;
        let show_progress = total >= PROGRESS_EVERY && std::io::stderr().is_terminal();
        let progress = move |sequence: u64| {
            let done = sequence - from + 1;
            if show_progress && (done.is_multiple_of(PROGRESS_EVERY) || done == total) {
                eprint!("\rscanned {done} of {total} checkpoints");
                if done == total {
                    eprintln!();
                }
            }
        };
        self.run(|client| client.package_events_between(deployment.package, from, latest, progress))
    }
}

/// How many checkpoints a scan reads between progress lines.
const PROGRESS_EVERY: u64 = 1_000;

/// An object id given on the command line, or an error naming the flag and the value.
pub fn object_id(flag: &str, text: &str) -> anyhow::Result<sui_sdk_types::Address> {
    text.parse().map_err(|e| {
        anyhow::anyhow!(
            "{flag} `{text}` is not an object id ({e}): write 0x and up to 64 hex digits, e.g. 0x6"
        )
    })
}

/// An address given on the command line, or an error naming the flag and the value.
pub fn address(flag: &str, text: &str) -> anyhow::Result<sui_sdk_types::Address> {
    text.parse().map_err(|e| {
        anyhow::anyhow!("{flag} `{text}` is not a Sui address ({e}): write 0x and up to 64 hex digits")
    })
}

/// Bytes given in hex on the command line (`0x` optional), or an error naming the flag, the value
/// and `what` to write instead.
pub fn hex_arg(flag: &str, text: &str, what: &str) -> anyhow::Result<Vec<u8>> {
    hex::decode(text.trim_start_matches("0x"))
        .map_err(|e| anyhow::anyhow!("{flag} `{text}` is not hex ({e}): write {what}"))
}

/// Milliseconds in an hour and in a week.
pub const HOUR_MS: u64 = 3_600_000;
pub const WEEK_MS: u64 = 7 * 24 * HOUR_MS;

/// The time `count` units of `unit_ms` from now, in ms since the epoch, or an error naming the
/// flag when it lies beyond what the chain's clock can count.
pub fn ms_from_now(flag: &str, count: u64, unit_ms: u64) -> anyhow::Result<u64> {
    count.checked_mul(unit_ms).and_then(|ms| now_ms().checked_add(ms)).ok_or_else(|| {
        let most = (u64::MAX - now_ms()) / unit_ms;
        anyhow::anyhow!("{flag} {count} is too far in the future: the most is {most}")
    })
}

/// The current time in milliseconds since the Unix epoch, as the chain's clock counts it.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}
