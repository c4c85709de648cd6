//! `aihash oracle`: the Bitcoin tip feed challenges check shares against.

use super::read::{ReadArgs, Reader};
use crate::output::print_json;
use aihash_sdk::bindings::tips::TipFeed;
use clap::{Args, Subcommand};
use serde::Serialize;
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
    #[command(flatten)]
    read: ReadArgs,
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
    let mut reader = Reader::open(&args.read)?;
    let feed_id = reader.deployment()?.tips.id;
    let feed: TipFeed = reader.run(|client| client.object(feed_id))?;
    let view = FeedView {
        feed: feed_id.to_string(),
        feeders: feed.feeders.contents.iter().map(|a| a.to_string()).collect(),
        quorum: feed.quorum,
        tips_posted: feed.posted,
    };
    if args.read.json {
        print_json(&view)?;
    } else {
        println!("tip feed {}: {} tips posted, quorum {}", view.feed, view.tips_posted, view.quorum);
        for feeder in &view.feeders {
            println!("  feeder {feeder}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
