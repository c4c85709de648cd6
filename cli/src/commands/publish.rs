//! `aihash publish`: publish the Move package (compiled by the offline toolchain) and record where
//! it and its shared objects live in the deployments file.

use super::write::{report, Session, WriteArgs};
use crate::output::print_json;
use aihash_sdk::chain::{Executed, Ownership};
use aihash_sdk::tx::{Deployment, Shared};
use anyhow::Context;
use base64::Engine;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use sui_sdk_types::Address;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The compiled package, as `make move-build` writes it.
    #[arg(long, default_value = "build/move/bytecode.json")]
    bytecode: PathBuf,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(serde::Deserialize)]
struct Bytecode {
    modules: Vec<String>,
    dependencies: Vec<String>,
}

/// Publishes the package: modules and dependencies from the bytecode file, the upgrade capability
/// to the sender; then records the package and its shared objects for this network.
///
/// Example: make move-build && aihash publish --network testnet
pub fn run(args: &PublishArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.bytecode)
        .with_context(|| format!("cannot read {}: run `make move-build` first", args.bytecode.display()))?;
    let bytecode: Bytecode = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a compiled package", args.bytecode.display()))?;
    let modules = bytecode
        .modules
        .iter()
        .map(|module| base64::engine::general_purpose::STANDARD.decode(module).map_err(anyhow::Error::from))
        .collect::<anyhow::Result<Vec<_>>>()
        .with_context(|| format!("{}: a module is not Base64", args.bytecode.display()))?;
    let dependencies = bytecode
        .dependencies
        .iter()
        .map(|id| id.parse::<Address>().map_err(|e| anyhow::anyhow!("dependency `{id}`: {e}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut session = Session::open_for_publication(&args.write)?;
    let sender = session.sender();
    // The publication lands in a later checkpoint than the node's height now: scans of the
    // package's events can start here.
    let since_checkpoint = session.checkpoint_height()?;
    let (outcome, executed) = session.send_raw(&args.write, |tx| {
        let upgrade_cap = tx.publish(modules, dependencies);
        let sender = tx.pure(&sender);
        tx.transfer_objects(vec![upgrade_cap], sender);
    })?;
    let Some(executed) = executed else {
        report(&args.write, &outcome)?;
        return Ok(ExitCode::SUCCESS);
    };
    let deployment = deployment_from(&executed, since_checkpoint)?;
    let path = session.record_deployment(deployment.clone())?;
    if args.write.json {
        print_json(
            &serde_json::json!({ "outcome": outcome, "deployment": deployment, "recorded_in": path }),
        )?;
    } else {
        report(&args.write, &outcome)?;
        println!("published package {} (recorded in {})", deployment.package, path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The deployment a publication's effects describe: the package and the shared objects its
/// module initialisers created.
fn deployment_from(executed: &Executed, since_checkpoint: u64) -> anyhow::Result<Deployment> {
    let package =
        executed.published_package.context("the transaction's effects name no published package")?;
    let shared = |suffix: &str| -> anyhow::Result<Shared> {
        executed
            .created
            .iter()
            .find_map(|object| match object.ownership {
                Ownership::Shared { initial_shared_version } if object.object_type.ends_with(suffix) => {
                    Some(Shared { id: object.id, initial_shared_version })
                }
                _ => None,
            })
            .with_context(|| format!("the publication created no shared `{suffix}`"))
    };
    Ok(Deployment {
        package,
        registry: shared("::registry::Registry")?,
        market: shared("::market::Market")?,
        tips: shared("::tips::TipFeed")?,
        governance: shared("::governance::Governance")?,
        since_checkpoint,
    })
}
