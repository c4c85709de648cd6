//! `aihash dao execute`: runs a queued proposal through the `governance::execute_*` function its
//! action names (`aihash_sdk::proposal::execution_path`), with the objects that path needs. An
//! authorised upgrade must publish the new package in the same transaction (the ticket
//! `execute_upgrade` returns cannot outlive it), so it needs the compiled package.

use super::super::compiled::CompiledPackage;
use super::super::read::object_id;
use super::super::write::{Session, WriteArgs};
use aihash_sdk::bindings::governance::Proposal;
use aihash_sdk::proposal::{self, ExecutionPath};
use aihash_sdk::tx::{Execution, PackageUpgrade};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use sui_sdk_types::Address;

#[derive(Debug, Args)]
pub struct ExecuteArgs {
    /// The proposal's object id.
    #[arg(long)]
    proposal: String,
    /// For an authorised upgrade: the compiled new package (`make move-build` writes
    /// build/move/bytecode.json); its digest must be the one the proposal authorised.
    #[arg(long)]
    bytecode: Option<PathBuf>,
    /// For an authorised upgrade: the package version the upgrade capability names now
    /// [default: the deployment's package, right until the first upgrade].
    #[arg(long)]
    upgrade_package: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(args: &ExecuteArgs) -> anyhow::Result<ExitCode> {
    let id = object_id("--proposal", &args.proposal)?;
    let upgrade_package =
        args.upgrade_package.as_deref().map(|p| object_id("--upgrade-package", p)).transpose()?;
    let mut session = Session::open(&args.write)?;
    let proposal: Proposal = session.object(id)?;
    let execution = match proposal::execution_path(&proposal.action) {
        ExecutionPath::Market => Execution::Market,
        ExecutionPath::Registry => Execution::Registry,
        ExecutionPath::Feed => Execution::Feed,
        ExecutionPath::Governance => Execution::Governance,
        ExecutionPath::UpgradePolicy => Execution::UpgradePolicy,
        ExecutionPath::Signal => Execution::Signal,
        ExecutionPath::Coin { coin_type } => {
            Execution::Coin { coin_type: proposal::coin_type(coin_type).map_err(anyhow::Error::msg)? }
        }
        ExecutionPath::Spend { treasury_id, coin_type } => {
            let treasury = session.shared(Address::new(treasury_id.bytes.into()))?;
            Execution::Spend {
                treasury,
                coin_type: proposal::coin_type(coin_type).map_err(anyhow::Error::msg)?,
            }
        }
        ExecutionPath::Upgrade { digest } => {
            let current_package = upgrade_package.unwrap_or(session.deployment().package);
            Execution::Upgrade(upgrade(id, digest, args.bytecode.as_ref(), current_package)?)
        }
    };
    let proposal = session.shared(id)?;
    session.send(&args.write, |calls, tx| calls.dao_execute(tx, proposal, &execution))
}

/// The new package of an authorised upgrade, checked to be the one the proposal names.
fn upgrade(
    proposal: Address,
    authorised: &[u8],
    bytecode: Option<&PathBuf>,
    current_package: Address,
) -> anyhow::Result<PackageUpgrade> {
    let Some(path) = bytecode else {
        anyhow::bail!(
            "proposal {proposal} authorises a package upgrade, which must publish the new package in the \
             same transaction: pass --bytecode build/move/bytecode.json (`make move-build`) compiled to \
             digest {}",
            hex::encode(authorised)
        );
    };
    let compiled = CompiledPackage::load(path)?;
    anyhow::ensure!(
        compiled.digest == authorised,
        "{} has digest {}, but proposal {proposal} authorises {}: compile the sources the proposal names",
        path.display(),
        hex::encode(&compiled.digest),
        hex::encode(authorised)
    );
    Ok(PackageUpgrade { modules: compiled.modules, dependencies: compiled.dependencies, current_package })
}
