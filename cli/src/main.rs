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
        // Each code the program exits with is listed with its own number, so a renumbered
        // constant cannot leave the help stale.
        let help = Cli::command().render_long_help().to_string();
        let listed = [
            (output::CHECK_FAILED, "a check does not hold"),
            (output::BAD_INPUT, "bad input"),
            (output::KEYSTORE, "keystore missing"),
            (output::NODE, "node unreachable"),
            (output::NOT_FOUND, "no such object"),
            (output::WRONG_NETWORK, "wrong network"),
            (output::WRONG_OBJECT, "wrong kind of object"),
            (output::KEYSTORE_PERMISSIONS, "keystore permissions"),
        ];
        for (code, meaning) in listed {
            assert!(help.contains(&format!("{code} {meaning}")), "{code} {meaning}: {help}");
        }
    }
}
