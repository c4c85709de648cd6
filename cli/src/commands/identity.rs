//! `aihash identity`: DID-linked identities of providers and keepers.

use super::write::{submit, Session, WriteArgs};
use crate::output::print_json;
use aihash_sdk::amount::{self, CoinDisplay};
use aihash_sdk::bindings::identity::Identity;
use aihash_sdk::chain::ChainClient;
use aihash_sdk::network::Network;
use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use std::process::ExitCode;
use sui_sdk_types::Address;

#[derive(Debug, Subcommand)]
pub enum IdentityCommand {
    /// Create your identity (a shared object named by `did:sui:<network>:<id>`), controlled by the
    /// sending address.
    ///
    /// Example: aihash identity create --role keeper --network testnet --dry-run
    #[command(verbatim_doc_comment)]
    Create(CreateArgs),
    /// Show an identity: DID, controller, roles, status, trust level, stake and record.
    ///
    /// Example: aihash identity show 0x9a0e...3f56 --network testnet
    #[command(verbatim_doc_comment)]
    Show(ReadArgs),
    /// Resolve an identity to its W3C DID document (JSON), by object id or by its
    /// `did:sui:<network>:0x<id>` (the network then comes from the DID).
    ///
    /// Example: aihash identity resolve did:sui:testnet:0x9a0e...3f56
    #[command(verbatim_doc_comment)]
    Resolve(ReadArgs),
    /// Add a service endpoint to your identity, e.g. a keeper's Stratum URL.
    ///
    /// Example: aihash identity add-service --identity 0x9a..56 --id stratum-eu \
    ///   --type StratumEndpoint --endpoint stratum+tcp://eu.keeper.example:3333
    #[command(verbatim_doc_comment)]
    AddService(AddServiceArgs),
    /// Add a verification method (public key) to your identity.
    ///
    /// Example: aihash identity add-key --identity 0x9a..56 --id signing-2 --key-type ed25519 \
    ///   --public-key 3b6a27bc...e2 --purpose keeper-signing --purpose authentication
    #[command(verbatim_doc_comment)]
    AddKey(AddKeyArgs),
    /// Replace the key of one of your identity's verification methods (purposes stay).
    ///
    /// Example: aihash identity rotate-key --identity 0x9a..56 --id signing-2 --key-type ed25519 \
    ///   --public-key 7d3f...91
    #[command(verbatim_doc_comment)]
    RotateKey(RotateKeyArgs),
    /// Deactivate your identity for good: keys and services freeze, stake starts its cooldown.
    ///
    /// Example: aihash identity deactivate --identity 0x9a..56
    #[command(verbatim_doc_comment)]
    Deactivate(DeactivateArgs),
}

#[derive(Debug, Args)]
pub struct AddServiceArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    /// The service's id (a DID URL fragment).
    #[arg(long)]
    id: String,
    /// The service type, e.g. `StratumEndpoint`.
    #[arg(long = "type")]
    service_type: String,
    /// The endpoint URL.
    #[arg(long)]
    endpoint: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KeyType {
    Ed25519,
    Secp256k1,
    Secp256r1,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Purpose {
    Authentication,
    Assertion,
    KeeperSigning,
}

#[derive(Debug, Args)]
pub struct AddKeyArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    /// The method's id (a DID URL fragment).
    #[arg(long)]
    id: String,
    #[arg(long, value_enum)]
    key_type: KeyType,
    /// The public key in hex: 32 bytes for Ed25519, 33 (compressed) for the others.
    #[arg(long)]
    public_key: String,
    /// What the key may be used for (repeat for several).
    #[arg(long = "purpose", required = true, value_enum)]
    purposes: Vec<Purpose>,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct RotateKeyArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    /// The method's id.
    #[arg(long)]
    id: String,
    #[arg(long, value_enum)]
    key_type: KeyType,
    /// The new public key in hex.
    #[arg(long)]
    public_key: String,
    #[command(flatten)]
    write: WriteArgs,
}

/// The key type number and the key bytes, checked for length as the package checks them.
fn key(key_type: KeyType, hex_key: &str) -> anyhow::Result<(u8, Vec<u8>)> {
    let bytes = super::read::hex_arg("--public-key", hex_key, "the key's bytes in hex")?;
    let (number, length) = match key_type {
        KeyType::Ed25519 => (0u8, 32),
        KeyType::Secp256k1 => (1, 33),
        KeyType::Secp256r1 => (2, 33),
    };
    anyhow::ensure!(
        bytes.len() == length,
        "--public-key `{hex_key}` is {} bytes; a {key_type:?} key is {length}",
        bytes.len()
    );
    Ok((number, bytes))
}

#[derive(Debug, Args)]
pub struct DeactivateArgs {
    /// The identity's object id.
    #[arg(long)]
    identity: String,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The identity's object id, or its DID.
    identity: String,
    /// localnet, devnet, testnet, mainnet, or a node's http(s):// URL [default: the DID's network,
    /// else localnet].
    #[arg(long)]
    network: Option<String>,
    /// Print JSON instead of text (`resolve` always prints JSON).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Role {
    Provider,
    Keeper,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The identity's roles (repeat for both).
    #[arg(long = "role", required = true, value_enum)]
    roles: Vec<Role>,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(command: IdentityCommand) -> anyhow::Result<ExitCode> {
    match command {
        IdentityCommand::Create(args) => {
            let roles = args.roles.iter().fold(0u8, |bits, role| {
                bits | match role {
                    Role::Provider => 1,
                    Role::Keeper => 2,
                }
            });
            submit(&args.write, |calls, tx| calls.identity_create(tx, roles))
        }
        IdentityCommand::Show(args) => show(&args),
        IdentityCommand::AddService(args) => {
            let mut session = Session::open(&args.write)?;
            let identity = session.shared(super::read::object_id("--identity", &args.identity)?)?;
            session.send(&args.write, |calls, tx| {
                calls.identity_add_service(tx, identity, &args.id, &args.service_type, &args.endpoint)
            })
        }
        IdentityCommand::AddKey(args) => {
            let (key_type, public_key) = key(args.key_type, &args.public_key)?;
            let purposes = args.purposes.iter().fold(0u8, |bits, purpose| {
                bits | match purpose {
                    Purpose::Authentication => 1,
                    Purpose::Assertion => 2,
                    Purpose::KeeperSigning => 4,
                }
            });
            let mut session = Session::open(&args.write)?;
            let identity = session.shared(super::read::object_id("--identity", &args.identity)?)?;
            session.send(&args.write, |calls, tx| {
                calls.identity_add_key(tx, identity, &args.id, key_type, &public_key, purposes)
            })
        }
        IdentityCommand::RotateKey(args) => {
            let (key_type, public_key) = key(args.key_type, &args.public_key)?;
            let mut session = Session::open(&args.write)?;
            let identity = session.shared(super::read::object_id("--identity", &args.identity)?)?;
            session.send(&args.write, |calls, tx| {
                calls.identity_rotate_key(tx, identity, &args.id, key_type, &public_key)
            })
        }
        IdentityCommand::Deactivate(args) => {
            let mut session = Session::open(&args.write)?;
            let identity = session.shared(super::read::object_id("--identity", &args.identity)?)?;
            session.send(&args.write, |calls, tx| calls.identity_deactivate(tx, identity))
        }
        IdentityCommand::Resolve(args) => resolve(&args),
    }
}

/// The object id and network an identity argument names.
fn locate(args: &ReadArgs) -> anyhow::Result<(Address, Network)> {
    let (network_name, id) = match args.identity.strip_prefix("did:sui:") {
        Some(rest) => {
            let (network, id) = rest
                .rsplit_once(':')
                .with_context(|| format!("`{}` is not a did:sui:<network>:0x<id> DID", args.identity))?;
            (Some(network.to_owned()), id.to_owned())
        }
        None => (None, args.identity.clone()),
    };
    let id: Address = id.parse().map_err(|e| anyhow::anyhow!("`{id}` is not an object id: {e}"))?;
    let network = args.network.clone().or(network_name).unwrap_or_else(|| "localnet".into());
    Ok((id, Network::parse(&network)?))
}

fn fetch(args: &ReadArgs) -> anyhow::Result<Identity> {
    let (id, network) = locate(args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let identity = runtime.block_on(async {
        let mut client = ChainClient::new(network.rpc_url())?;
        client.object::<Identity>(id).await
    })?;
    Ok(identity)
}

fn resolve(args: &ReadArgs) -> anyhow::Result<ExitCode> {
    let identity = fetch(args)?;
    print_json(&aihash_sdk::did::resolve(&identity))?;
    Ok(ExitCode::SUCCESS)
}

fn show(args: &ReadArgs) -> anyhow::Result<ExitCode> {
    let identity = fetch(args)?;
    let resolved = aihash_sdk::did::resolve(&identity);
    let meta = &resolved["didDocumentMetadata"]["aihash"];
    if args.json {
        print_json(&resolved["didDocumentMetadata"])?;
        return Ok(ExitCode::SUCCESS);
    }
    let did = String::from_utf8_lossy(&identity.did.bytes);
    println!("{did}");
    println!("  controller   {}", identity.controller);
    println!(
        "  roles        {}",
        meta["roles"]
            .as_array()
            .map(|r| r.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    );
    println!(
        "  status       {}  (trust level {})",
        meta["status"].as_str().unwrap_or("?"),
        identity.trust_level
    );
    println!("  stake        {}", CoinDisplay { base: identity.stake.active.value, coin: amount::HASH });
    println!("  unstaking    {}", CoinDisplay { base: identity.stake.unstaking.value, coin: amount::HASH });
    println!(
        "  hashrate     {} (last capacity challenge)",
        amount::format_hashrate_in_both_units(identity.verified_hashrate)
    );
    let rep = &identity.reputation;
    println!(
        "  record       {} reports settled, {} challenges passed, {} failed, {} capacity passes, {} timeouts",
        rep.reports_settled,
        rep.challenges_passed,
        rep.challenges_failed,
        rep.capacity_passed,
        rep.tasks_timed_out
    );
    println!(
        "  keys         {}  services {}  (revision {})",
        identity.methods.len(),
        identity.services.len(),
        identity.revision
    );
    Ok(ExitCode::SUCCESS)
}
