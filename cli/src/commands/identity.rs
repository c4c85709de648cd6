//! `aihash identity`: DID-linked identities of providers and keepers.

use super::write::{submit, WriteArgs};
use clap::{Args, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum IdentityCommand {
    /// Create your identity (a shared object named by `did:sui:<network>:<id>`), controlled by the
    /// sending address.
    ///
    /// Example: aihash identity create --role keeper --network testnet --dry-run
    #[command(verbatim_doc_comment)]
    Create(CreateArgs),
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
    }
}
