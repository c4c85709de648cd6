//! The keeper's chain configuration: one TOML file naming the chain, the keeper's identity and
//! key, and the providers whose rigs it serves (each worker name `<provider>.<rig>` is bound to
//! the provider's identity on chain). Loaded into one typed struct; every refusal names the file,
//! the field and the value.
//!
//! ```toml
//! [chain]
//! network = "testnet"                  # localnet, devnet, testnet, mainnet or a node's URL
//! identity = "0x5e1f…"                 # the keeper's identity (aihash keeper register)
//! # deployments = "~/.aihash/deployments.json"
//! # keystore = "~/.sui/sui_config/sui.keystore"
//! # sender = "0x…"                     # the identity's controller [default: the first key]
//! min_price = "0.04 SUI/PH/day"        # leave orders paying less
//! window_minutes = 10                  # delivery window length
//! # window_seconds = 30                # or in seconds (tests, demos), instead of window_minutes
//!
//! [[providers]]
//! name = "acme"                        # its rigs log in as acme.<rig>
//! identity = "0x9a0c…"
//! hashrate = "120 TH/s"                # what the keeper may commit for it
//! ```

use aihash_sdk::amount::{self, SUI};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use sui_sdk_types::Address;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("{path}: `{field}` = `{value}`: {reason}")]
    Field { path: PathBuf, field: String, value: String, reason: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    chain: FileChain,
    #[serde(default)]
    providers: Vec<FileProvider>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileChain {
    network: String,
    identity: String,
    deployments: Option<PathBuf>,
    keystore: Option<PathBuf>,
    sender: Option<String>,
    #[serde(default = "default_min_price")]
    min_price: String,
    window_minutes: Option<u64>,
    window_seconds: Option<u64>,
}

fn default_min_price() -> String {
    "0 SUI/PH/day".into()
}

/// A window lasts this long unless the file says otherwise.
const DEFAULT_WINDOW_MINUTES: u64 = 10;
/// The longest window the market takes.
const DAY_SECONDS: u64 = 24 * 60 * 60;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProvider {
    name: String,
    identity: String,
    hashrate: String,
}

/// A provider whose rigs the keeper serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    /// Rigs authorize as `<name>.<rig>`.
    pub name: String,
    pub identity: Address,
    /// H/s the keeper may commit to orders for it.
    pub hashrate: u64,
}

/// What the keeper needs to act on chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainConfig {
    pub network: String,
    pub identity: Address,
    pub deployments: Option<PathBuf>,
    pub keystore: Option<PathBuf>,
    pub sender: Option<Address>,
    /// Base units of the escrow coin per PH·day.
    pub min_price: u64,
    pub window_ms: u64,
    pub providers: Vec<Provider>,
}

impl ChainConfig {
    /// Reads and checks the file at `path`.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
        Self::parse(&text, path)
    }

    /// Checks `text`, the contents of the file at `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let file: FileConfig = toml::from_str(text)
            .map_err(|e| ConfigError::Syntax { path: path.to_owned(), message: e.to_string() })?;
        let field = |field: &str, value: &str, reason: String| ConfigError::Field {
            path: path.to_owned(),
            field: field.to_owned(),
            value: value.to_owned(),
            reason,
        };
        let address = |name: &str, value: &str| {
            value
                .parse::<Address>()
                .map_err(|_| field(name, value, "not an object id or address (0x and 64 hex digits)".into()))
        };
        let chain = file.chain;
        let window_seconds = match (chain.window_minutes, chain.window_seconds) {
            (Some(_), Some(seconds)) => {
                return Err(field(
                    "chain.window_seconds",
                    &seconds.to_string(),
                    "give window_minutes or window_seconds, not both".into(),
                ));
            }
            (_, Some(seconds)) if seconds == 0 || seconds > DAY_SECONDS => {
                return Err(field(
                    "chain.window_seconds",
                    &seconds.to_string(),
                    "a window lasts 1 second to a day (the market's longest window)".into(),
                ));
            }
            (_, Some(seconds)) => seconds,
            (minutes, None) => {
                let minutes = minutes.unwrap_or(DEFAULT_WINDOW_MINUTES);
                if minutes == 0 || minutes > DAY_SECONDS / 60 {
                    return Err(field(
                        "chain.window_minutes",
                        &minutes.to_string(),
                        "a window lasts 1 minute to a day (the market's longest window)".into(),
                    ));
                }
                minutes * 60
            }
        };
        let mut providers: Vec<Provider> = vec![];
        for (i, provider) in file.providers.iter().enumerate() {
            let name_field = format!("providers[{i}].name");
            let valid_name = !provider.name.is_empty()
                && provider.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid_name {
                return Err(field(
                    &name_field,
                    &provider.name,
                    "letters, digits, `-` and `_` only (rigs log in as <name>.<rig>)".into(),
                ));
            }
            if providers.iter().any(|p| p.name == provider.name) {
                return Err(field(&name_field, &provider.name, "named twice".into()));
            }
            let hashrate = amount::parse_hashrate(&provider.hashrate)
                .map_err(|e| field(&format!("providers[{i}].hashrate"), &provider.hashrate, e.to_string()))?;
            providers.push(Provider {
                name: provider.name.clone(),
                identity: address(&format!("providers[{i}].identity"), &provider.identity)?,
                hashrate,
            });
        }
        Ok(Self {
            network: chain.network,
            identity: address("chain.identity", &chain.identity)?,
            deployments: chain.deployments,
            keystore: chain.keystore,
            sender: chain.sender.as_deref().map(|s| address("chain.sender", s)).transpose()?,
            min_price: amount::parse_price(&chain.min_price, SUI)
                .map_err(|e| field("chain.min_price", &chain.min_price, e.to_string()))?,
            window_ms: window_seconds * 1_000,
            providers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0x5e1f000000000000000000000000000000000000000000000000000000000001";
    const PROVIDER: &str = "0x9a0c000000000000000000000000000000000000000000000000000000000002";

    fn parse(text: &str) -> Result<ChainConfig, ConfigError> {
        ChainConfig::parse(text, Path::new("keeper.toml"))
    }

    #[test]
    fn a_full_file_loads_into_base_units() {
        let config = parse(&format!(
            "[chain]\nnetwork = \"testnet\"\nidentity = \"{ID}\"\nmin_price = \"0.04 SUI/PH/day\"\n\
             window_minutes = 5\n\n[[providers]]\nname = \"acme\"\nidentity = \"{PROVIDER}\"\nhashrate = \"120 TH/s\"\n"
        ))
        .unwrap();
        assert_eq!(config.identity, ID.parse().unwrap());
        assert_eq!((config.min_price, config.window_ms), (40_000_000, 300_000));
        assert_eq!(config.providers[0].hashrate, 120_000_000_000_000);
        assert_eq!(
            (config.providers[0].name.as_str(), config.providers[0].identity),
            ("acme", PROVIDER.parse().unwrap())
        );
    }

    #[test]
    fn a_window_is_ten_minutes_unless_given_in_minutes_or_seconds() {
        let base = format!("[chain]\nnetwork = \"localnet\"\nidentity = \"{ID}\"\n");
        assert_eq!(parse(&base).unwrap().window_ms, 600_000);
        assert_eq!(parse(&format!("{base}window_minutes = 2\n")).unwrap().window_ms, 120_000);
        assert_eq!(parse(&format!("{base}window_seconds = 3\n")).unwrap().window_ms, 3_000);
    }

    #[test]
    fn refusals_name_the_file_the_field_and_the_value() {
        let base = format!("[chain]\nnetwork = \"localnet\"\nidentity = \"{ID}\"\n");
        let cases = [
            (
                "[chain]\nnetwork = \"localnet\"\nidentity = \"0x12z\"\n".to_owned(),
                "`chain.identity` = `0x12z`",
            ),
            (format!("{base}window_minutes = 0\n"), "`chain.window_minutes` = `0`"),
            (format!("{base}window_seconds = 0\n"), "`chain.window_seconds` = `0`"),
            (format!("{base}window_seconds = 86401\n"), "`chain.window_seconds` = `86401`"),
            (
                format!("{base}window_minutes = 1\nwindow_seconds = 30\n"),
                "`chain.window_seconds` = `30`: give window_minutes or window_seconds, not both",
            ),
            (format!("{base}min_price = \"cheap\"\n"), "`chain.min_price` = `cheap`"),
            (
                format!(
                    "{base}[[providers]]\nname = \"a.b\"\nidentity = \"{PROVIDER}\"\nhashrate = \"1 TH/s\"\n"
                ),
                "`providers[0].name` = `a.b`",
            ),
            (
                format!(
                    "{base}[[providers]]\nname = \"a\"\nidentity = \"{PROVIDER}\"\nhashrate = \"1 TH\"\n"
                ),
                "`providers[0].hashrate` = `1 TH`",
            ),
            (format!("{base}colour = \"blue\"\n"), "unknown field `colour`"),
            ("[chain]\nnetwork = \"localnet\"\n".to_owned(), "missing field `identity`"),
        ];
        for (text, expected) in cases {
            let error = parse(&text).unwrap_err().to_string();
            assert!(error.starts_with("keeper.toml: "), "{error}");
            assert!(error.contains(expected), "{error} lacks {expected}");
        }
    }
}
