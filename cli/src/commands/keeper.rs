//! `aihash keeper`: setting up a keeper node's on-chain identity.

use super::write::{Session, WriteArgs};
use clap::{Args, Subcommand};
use std::process::ExitCode;
use sui_sdk_types::MultisigMemberPublicKey;

#[derive(Debug, Subcommand)]
pub enum KeeperCommand {
    /// Register a keeper identity in one transaction: the keeper role, the sender's key as the
    /// keeper-signing key, and the keeper's Stratum endpoint. Stake and activation follow with
    /// `aihash stake add`.
    ///
    /// Example: aihash keeper register --stratum-url stratum+tcp://keeper.example:3333
    #[command(verbatim_doc_comment)]
    Register(RegisterArgs),
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Where rigs connect to this keeper.
    #[arg(long)]
    stratum_url: String,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(command: KeeperCommand) -> anyhow::Result<ExitCode> {
    match command {
        KeeperCommand::Register(args) => register(&args),
    }
}

fn register(args: &RegisterArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        !args.stratum_url.is_empty() && args.stratum_url.bytes().all(|b| b > 0x20 && b < 0x7f),
        "--stratum-url `{}` must be printable ASCII without spaces",
        args.stratum_url
    );
    let session = Session::open(&args.write)?;
    let (key_type, public_key) = match session.key().keypair().public_key() {
        MultisigMemberPublicKey::Ed25519(key) => (0u8, key.as_bytes().to_vec()),
        MultisigMemberPublicKey::Secp256k1(key) => (1, key.as_bytes().to_vec()),
        MultisigMemberPublicKey::Secp256r1(key) => (2, key.as_bytes().to_vec()),
        other => anyhow::bail!("the sender's key ({other:?}) cannot sign for a keeper"),
    };
    session.send(&args.write, |calls, tx| calls.keeper_register(tx, key_type, &public_key, &args.stratum_url))
}
