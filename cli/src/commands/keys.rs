//! `aihash keys`: the signing keys the CLI can use, from the Sui CLI's keystore.

use crate::output::print_json;
use aihash_sdk::keystore::{Keystore, KeystoreError};
use clap::{Args, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// List the addresses (and key schemes) of the keystore. Secrets are never printed.
    ///
    /// The keystore is the Sui CLI's: a JSON array of Base64 `flag || private key` entries,
    /// readable by its owner only (chmod 600). Exit status 3 when it is missing, unreadable,
    /// readable by others or malformed.
    ///
    /// Example: aihash keys list --keystore ~/.sui/sui_config/sui.keystore --json
    #[command(verbatim_doc_comment)]
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The keystore file [default: ~/.sui/sui_config/sui.keystore].
    #[arg(long)]
    keystore: Option<PathBuf>,
    /// Print one JSON array instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct KeyInfo {
    address: String,
    scheme: String,
}

pub fn run(command: KeysCommand) -> anyhow::Result<ExitCode> {
    match command {
        KeysCommand::List(args) => list(&args),
    }
}

fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let path = match &args.keystore {
        Some(path) => path.clone(),
        None => Keystore::default_path()
            .ok_or_else(|| KeystoreError::Missing { path: "~/.sui/sui_config/sui.keystore".into() })?,
    };
    let keystore = Keystore::load(&path)?;
    let keys: Vec<KeyInfo> = keystore
        .keys()
        .iter()
        .map(|key| KeyInfo {
            address: key.address().to_string(),
            scheme: format!("{:?}", key.scheme()).to_lowercase(),
        })
        .collect();
    if args.json {
        print_json(&keys)?;
    } else if keys.is_empty() {
        println!("{}: no keys", path.display());
    } else {
        for key in &keys {
            println!("{}  {}", key.address, key.scheme);
        }
    }
    Ok(ExitCode::SUCCESS)
}
