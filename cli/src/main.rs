//! `aihash`: the command line for wallets, DAO voters and operators of the aihash hashpower market.

mod commands;
mod output;

use clap::Parser;
use std::process::ExitCode;

/// The aihash hashpower market from the command line.
///
/// aihash keeps buyers' money in Sui escrow and pays providers only for work that independent
/// keepers verified share by share. This tool checks Bitcoin proof of work the way the on-chain
/// package does, lists the keys of the Sui CLI keystore, manages identities, stake and orders,
/// takes part in DAO governance (locks, every proposal action, votes, execution), registers
/// keepers, shows the tip feed and publishes the package.
///
/// Example: aihash order create --help
#[derive(Debug, Parser)]
#[command(name = "aihash", version, propagate_version = true, after_help = output::EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => err.exit(), // --help, --version
        Err(err) => {
            eprintln!("{}", output::one_line_usage_error(&err));
            return ExitCode::from(output::BAD_INPUT);
        }
    };
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

    #[test]
    fn help_lists_every_exit_code() {
        let help = Cli::command().render_long_help().to_string();
        for code in ["0 done", "5 no such object", "6 wrong network", "7 wrong kind of object", "8 keystore"]
        {
            assert!(help.contains(code), "{code}: {help}");
        }
        assert!(!help.contains("follow"), "{help}");
    }
}
