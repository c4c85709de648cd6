//! `aihash-indexer`: ingests aihash checkpoints into PostgreSQL and serves them.

use aihash_indexer::{db, watermark};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The aihash indexer: checkpoints into PostgreSQL, a read API and DID resolution.
///
/// Ingestion, the read API and metrics arrive with the indexer issue; this build manages the
/// database schema and shows each pipeline's committed progress (its watermark).
#[derive(Debug, Parser)]
#[command(name = "aihash-indexer", version)]
struct Cli {
    /// PostgreSQL connection URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/test",
        global = true
    )]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create or upgrade the indexer's tables (safe to run again).
    Migrate,
    /// Show each pipeline's watermark: the last committed checkpoint and where a restart resumes.
    Watermarks,
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut conn = db::connect(&cli.database_url)?;
    match cli.command {
        Command::Migrate => {
            let applied = db::migrate(&mut conn)?;
            if applied.is_empty() {
                println!("schema is up to date");
            }
            for version in applied {
                println!("applied migration {version}");
            }
        }
        Command::Watermarks => {
            let marks = watermark::all(&mut conn)?;
            if marks.is_empty() {
                println!("no pipeline has committed a checkpoint yet");
            }
            for mark in marks {
                println!(
                    "{:<24} checkpoint {:>12}  resumes at {:>12}",
                    mark.pipeline,
                    mark.checkpoint_hi_inclusive,
                    mark.next_checkpoint()
                );
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
