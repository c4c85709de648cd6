//! `aihash publish`: publish the Move package (compiled by the offline toolchain) and record where
//! it and its shared objects live in the deployments file.

use super::compiled::CompiledPackage;
use super::write::{report, Session, WriteArgs};
use crate::output::print_json;
use aihash_sdk::chain::{Executed, Ownership, ServiceInfo};
use aihash_sdk::tx::{Deployment, Shared};
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// A compiled package (`build/move/bytecode.json` as `make move-build` writes it) to publish
    /// as it is [default: compile the package in --package-dir first].
    #[arg(long)]
    bytecode: Option<PathBuf>,
    /// The aihash repository: the Move package and its offline toolchain (`tools/move`).
    #[arg(long, default_value = ".")]
    package_dir: PathBuf,
    #[command(flatten)]
    write: WriteArgs,
}

/// Publishes the package: modules and dependencies from the bytecode file, the upgrade capability
/// to the sender; then records the package and its shared objects for this network.
///
/// Example: aihash publish --network testnet
pub fn run(args: &PublishArgs) -> anyhow::Result<ExitCode> {
    let path = match &args.bytecode {
        Some(path) => path.clone(),
        None => build(&args.package_dir)?,
    };
    let CompiledPackage { modules, dependencies, .. } = CompiledPackage::load(&path)?;
    let mut session = Session::open_for_publication(&args.write)?;
    let sender = session.sender();
    // The publication lands in a later checkpoint than the node's height now: scans of the
    // package's events can start here.
    let node = session.service_info()?;
    let (outcome, executed) = session.send_raw(&args.write, |tx| {
        let upgrade_cap = tx.publish(modules, dependencies);
        let sender = tx.pure(&sender);
        tx.transfer_objects(vec![upgrade_cap], sender);
    })?;
    let Some(executed) = executed else {
        report(&args.write, &outcome)?;
        return Ok(ExitCode::SUCCESS);
    };
    let deployment = deployment_from(&executed, &node)?;
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

/// Compiles the package in `dir` with the offline toolchain (its output goes to stderr); returns
/// the compiled package's path.
fn build(dir: &std::path::Path) -> anyhow::Result<PathBuf> {
    let toolchain = dir.join("tools/move/move.mjs");
    anyhow::ensure!(
        dir.join("Move.toml").is_file() && toolchain.is_file(),
        "--package-dir {} is not the aihash repository (no Move.toml and tools/move/move.mjs): run \
         from the repository or pass --package-dir or --bytecode",
        dir.display()
    );
    eprintln!("compiling the Move package in {} ...", dir.display());
    let status = std::process::Command::new("node")
        .args(["tools/move/move.mjs", "build", "--out", "build/move"])
        .current_dir(dir)
        .stdout(std::process::Stdio::from(std::io::stderr()))
        .status()
        .context("cannot run `node`: install Node.js 20 or later (see `make setup`)")?;
    anyhow::ensure!(status.success(), "compiling the Move package failed ({status}); nothing was published");
    Ok(dir.join("build/move/bytecode.json"))
}

/// The deployment a publication's effects describe: the package and the shared objects its
/// module initialisers created.
fn deployment_from(executed: &Executed, node: &ServiceInfo) -> anyhow::Result<Deployment> {
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
        since_checkpoint: node.checkpoint_height,
        chain_id: node.chain_id.clone(),
    })
}
