//! `aihash`: the command line for wallets, DAO voters and operators of the aihash hashpower market.

mod commands;
mod output;

use clap::Parser;
use std::process::ExitCode;

/// The aihash hashpower market from the command line.
///
/// aihash keeps buyers' money in Sui escrow and pays providers only for work that independent
/// keepers verified share by share. Today this tool checks Bitcoin proof of work the way the
/// on-chain package does, lists the keys of the Sui CLI keystore, creates identities and orders;
/// more identity, staking and DAO commands follow.
///
/// Exit status: 0 done, 1 a check does not hold, 2 bad input, 3 a keystore problem, 4 the node
/// cannot be reached or refused the transaction, 5 no such object on chain.
#[derive(Debug, Parser)]
#[command(name = "aihash", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(output::exit_code(&err))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
