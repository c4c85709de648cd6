//! Networks and deployments: the RPC endpoint of each Sui network, and where the package and its
//! shared objects live on each, kept in one JSON file that `publish` writes.

use crate::tx::Deployment;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A Sui network by name, or any node by URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Network {
    Localnet,
    Devnet,
    Testnet,
    Mainnet,
    Custom { url: String },
}

#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    #[error("unknown network `{0}`: expected localnet, devnet, testnet, mainnet or an http(s):// URL")]
    Unknown(String),
    #[error("cannot read deployments file {path}: {reason}; fix or remove it (`aihash publish` writes it), or pass --deployments")]
    Unreadable { path: PathBuf, reason: String },
    #[error("the package is not deployed on {network} according to {path}: run `aihash publish` or pass --deployments")]
    NotDeployed { network: String, path: PathBuf },
    #[error("cannot write deployments file {path}: {reason}; check its directory's permissions, or pass --deployments")]
    Unwritable { path: PathBuf, reason: String },
    #[error(
        "the node for {network} is on chain {actual}, but the package was published on chain {recorded} \
         (a new localnet or a wrong URL?): run `aihash publish` again or pick the right --network"
    )]
    OtherChain { network: String, recorded: String, actual: String },
}

/// Checks that the node serving `network` is on the chain `deployment` was published on (a
/// deployment recorded before chain ids were kept passes).
pub fn check_chain(
    deployment: &Deployment,
    network: &Network,
    node_chain_id: &str,
) -> Result<(), NetworkError> {
    if deployment.chain_id.is_empty() || deployment.chain_id == node_chain_id {
        Ok(())
    } else {
        Err(NetworkError::OtherChain {
            network: network.name().to_owned(),
            recorded: deployment.chain_id.clone(),
            actual: node_chain_id.to_owned(),
        })
    }
}

impl Network {
    pub fn parse(text: &str) -> Result<Self, NetworkError> {
        Ok(match text {
            "localnet" => Self::Localnet,
            "devnet" => Self::Devnet,
            "testnet" => Self::Testnet,
            "mainnet" => Self::Mainnet,
            url if url.starts_with("http://") || url.starts_with("https://") => {
                Self::Custom { url: url.to_owned() }
            }
            other => return Err(NetworkError::Unknown(other.to_owned())),
        })
    }

    /// The gRPC endpoint.
    pub fn rpc_url(&self) -> &str {
        match self {
            Self::Localnet => "http://127.0.0.1:9000",
            Self::Devnet => "https://fullnode.devnet.sui.io:443",
            Self::Testnet => "https://fullnode.testnet.sui.io:443",
            Self::Mainnet => "https://fullnode.mainnet.sui.io:443",
            Self::Custom { url } => url,
        }
    }

    /// The name deployments are recorded under (a custom node's URL for a custom node).
    pub fn name(&self) -> &str {
        match self {
            Self::Localnet => "localnet",
            Self::Devnet => "devnet",
            Self::Testnet => "testnet",
            Self::Mainnet => "mainnet",
            Self::Custom { url } => url,
        }
    }
}

/// The deployments file: network name -> deployment.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deployments {
    #[serde(flatten)]
    pub networks: BTreeMap<String, Deployment>,
}

impl Deployments {
    /// `~/.aihash/deployments.json`.
    pub fn default_path() -> Option<PathBuf> {
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".aihash/deployments.json"))
    }

    /// Reads the file; a missing file is an empty set of deployments.
    pub fn load(path: &Path) -> Result<Self, NetworkError> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| NetworkError::Unreadable { path: path.to_owned(), reason: e.to_string() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(NetworkError::Unreadable { path: path.to_owned(), reason: e.to_string() }),
        }
    }

    pub fn save(&self, path: &Path) -> Result<(), NetworkError> {
        let unwritable = |e: &dyn std::fmt::Display| NetworkError::Unwritable {
            path: path.to_owned(),
            reason: e.to_string(),
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| unwritable(&e))?;
        }
        let text = serde_json::to_string_pretty(self).map_err(|e| unwritable(&e))?;
        std::fs::write(path, text + "\n").map_err(|e| unwritable(&e))
    }

    /// The deployment on `network`.
    pub fn on(&self, network: &Network, path: &Path) -> Result<&Deployment, NetworkError> {
        self.networks.get(network.name()).ok_or_else(|| NetworkError::NotDeployed {
            network: network.name().to_owned(),
            path: path.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sui_sdk_types::Address;

    #[test]
    fn networks_parse_by_name_or_url() {
        assert_eq!(Network::parse("testnet").unwrap().rpc_url(), "https://fullnode.testnet.sui.io:443");
        assert_eq!(Network::parse("http://127.0.0.1:9123").unwrap().name(), "http://127.0.0.1:9123");
        let error = Network::parse("moon").unwrap_err();
        assert!(error.to_string().contains("`moon`"), "{error}");
    }

    #[test]
    fn deployments_round_trip_and_name_missing_networks() {
        let path = std::env::temp_dir().join(format!("aihash-deployments-{}/d.json", std::process::id()));
        let deployment = Deployment::made_up(Address::new([0xa1; 32]));
        let mut deployments = Deployments::default();
        deployments.networks.insert("localnet".into(), deployment.clone());
        deployments.save(&path).unwrap();
        let loaded = Deployments::load(&path).unwrap();
        assert_eq!(loaded.on(&Network::Localnet, &path).unwrap(), &deployment);
        let missing = loaded.on(&Network::Testnet, &path).unwrap_err();
        assert!(missing.to_string().contains("aihash publish"), "{missing}");
        assert_eq!(Deployments::load(&path.with_file_name("absent.json")).unwrap(), Deployments::default());
    }
}
