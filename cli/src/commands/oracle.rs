//! `aihash oracle`: the Bitcoin tip feed challenges check shares against.

use crate::output::print_json;
use aihash_sdk::bindings::tips::TipFeed;
use aihash_sdk::chain::ChainClient;
use aihash_sdk::network::{Deployments, Network};
use anyhow::Context;
use clap::{Args, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum OracleCommand {
    /// Show the tip feed: its authorised feeders, the quorum a tip needs, tips posted so far.
    ///
    /// Example: aihash oracle show --network testnet --json
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// localnet, devnet, testnet, mainnet, or a node's http(s):// URL.
    #[arg(long, default_value = "localnet")]
    network: String,
    /// The deployments file [default: ~/.aihash/deployments.json].
    #[arg(long)]
    deployments: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct FeedView {
    feed: String,
    feeders: Vec<String>,
    quorum: u64,
    tips_posted: u64,
}

pub fn run(command: OracleCommand) -> anyhow::Result<ExitCode> {
    match command {
        OracleCommand::Show(args) => show(&args),
    }
}

fn show(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let network = Network::parse(&args.network)?;
    let path = args
        .deployments
        .clone()
        .or_else(Deployments::default_path)
        .context("no deployments file: pass --deployments")?;
    let feed_id = Deployments::load(&path)?.on(&network, &path)?.tips.id;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let feed: TipFeed = runtime.block_on(async {
        let mut client = ChainClient::new(network.rpc_url())?;
        client.object::<TipFeed>(feed_id).await
    })?;
    let view = FeedView {
        feed: feed_id.to_string(),
        feeders: feed.feeders.contents.iter().map(|a| a.to_string()).collect(),
        quorum: feed.quorum,
        tips_posted: feed.posted,
    };
    if args.json {
        print_json(&view)?;
    } else {
        println!("tip feed {}: {} tips posted, quorum {}", view.feed, view.tips_posted, view.quorum);
        for feeder in &view.feeders {
            println!("  feeder {feeder}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
