//! `aihash pow`: the same proof-of-work checks the Move module `aihash::pow` performs on chain.

use crate::output::{print_json, verdict};
use aihash_sdk::pow::{check_header, difficulty, parse_bits, parse_header_hex, target_from_bits};
use bitcoin::Target;
use clap::{Args, Subcommand};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum PowCommand {
    /// Check an 80-byte block header's proof of work against the target in its own bits.
    ///
    /// Prints the block hash (in the order explorers show it), the target from nBits, the
    /// difficulty and the verdict. Exit status: 0 the proof of work holds, 1 it does not, 2 the
    /// input is not an 80-byte header in hex.
    ///
    /// Example (the genesis block):
    ///   aihash pow verify-header 0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c
    #[command(verbatim_doc_comment)]
    VerifyHeader(VerifyHeaderArgs),
    /// Expand compact nBits into the 256-bit target and its difficulty.
    ///
    /// Bits are hex as explorers print them (1d00ffff or 0x1d00ffff). Values Bitcoin Core
    /// flags as negative or overflowing are refused with exit status 2, as the Move module
    /// aborts on them.
    ///
    /// Example: aihash pow bits-to-target 1b04864c
    #[command(verbatim_doc_comment)]
    BitsToTarget(BitsToTargetArgs),
}

#[derive(Debug, Args)]
pub struct VerifyHeaderArgs {
    /// The serialized header: 160 hex digits, optionally prefixed with 0x.
    header: String,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct BitsToTargetArgs {
    /// Compact target (nBits) in hex, e.g. 1d00ffff.
    bits: String,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(command: PowCommand) -> anyhow::Result<ExitCode> {
    match command {
        PowCommand::VerifyHeader(args) => verify_header(&args),
        PowCommand::BitsToTarget(args) => bits_to_target(&args),
    }
}

/// A target as explorers print it: 64 hex digits, most significant first.
fn target_hex(target: Target) -> String {
    hex::encode(target.to_be_bytes())
}

#[derive(Serialize)]
struct HeaderReport {
    hash: String,
    bits: String,
    target: Option<String>,
    difficulty: Option<f64>,
    pow_valid: bool,
    /// Why the proof of work cannot hold regardless of the hash (invalid bits).
    problem: Option<String>,
}

fn verify_header(args: &VerifyHeaderArgs) -> anyhow::Result<ExitCode> {
    let header = parse_header_hex(&args.header)?;
    let check = check_header(&header);
    let report = HeaderReport {
        hash: check.hash.to_string(),
        bits: format!("{:08x}", check.bits.to_consensus()),
        target: check.target.as_ref().ok().map(|t| target_hex(*t)),
        difficulty: check.target.as_ref().ok().and_then(|t| difficulty(*t)),
        pow_valid: check.holds(),
        problem: check.bits_problem().map(|problem| problem.to_string()),
    };
    if args.json {
        print_json(&report)?;
    } else {
        println!("hash        {}", report.hash);
        println!("bits        {}", report.bits);
        if let Some(target) = &report.target {
            println!("target      {target}");
        }
        if let Some(difficulty) = report.difficulty {
            println!("difficulty  {difficulty}");
        }
        match (&report.problem, report.pow_valid) {
            (Some(problem), _) => println!("proof of work does not hold: {problem}"),
            (None, true) => println!("proof of work holds: the hash meets the target"),
            (None, false) => println!("proof of work does not hold: the hash is above the target"),
        }
    }
    Ok(verdict(report.pow_valid))
}

#[derive(Serialize)]
struct TargetReport {
    bits: String,
    target: String,
    /// `None` (JSON null) for the zero target, which has no difficulty.
    difficulty: Option<f64>,
}

fn bits_to_target(args: &BitsToTargetArgs) -> anyhow::Result<ExitCode> {
    let bits = parse_bits(&args.bits)?;
    let target = target_from_bits(bits)?;
    let report = TargetReport {
        bits: format!("{:08x}", bits.to_consensus()),
        target: target_hex(target),
        difficulty: difficulty(target),
    };
    if args.json {
        print_json(&report)?;
    } else {
        println!("bits        {}", report.bits);
        println!("target      {}", report.target);
        match report.difficulty {
            Some(difficulty) => println!("difficulty  {difficulty}"),
            None => println!("difficulty  none (a zero target is met by no hash)"),
        }
    }
    Ok(ExitCode::SUCCESS)
}
