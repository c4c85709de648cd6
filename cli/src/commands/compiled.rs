//! A compiled Move package as `make move-build` (the offline toolchain) writes it to
//! `build/move/bytecode.json`, in the shape of `sui move build --dump-bytecode-as-base64`: Base64
//! modules, dependency ids and the package digest. `publish` sends one; `dao propose
//! authorize-upgrade` names its digest and `dao execute` upgrades to it.

use anyhow::Context;
use base64::Engine;
use std::path::Path;
use sui_sdk_types::Address;

#[derive(serde::Deserialize)]
struct BytecodeFile {
    modules: Vec<String>,
    dependencies: Vec<String>,
    #[serde(default)]
    digest: Vec<u8>,
}

/// The modules, dependencies and digest of a compiled package.
pub struct CompiledPackage {
    pub modules: Vec<Vec<u8>>,
    pub dependencies: Vec<Address>,
    /// The package digest (32 bytes), as an upgrade authorises it.
    pub digest: Vec<u8>,
}

impl CompiledPackage {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}: run `make move-build` first", path.display()))?;
        let file: BytecodeFile = serde_json::from_str(&text).with_context(|| {
            format!("{} is not a compiled package (as `make move-build` writes it)", path.display())
        })?;
        let modules = file
            .modules
            .iter()
            .map(|module| {
                base64::engine::general_purpose::STANDARD.decode(module).map_err(anyhow::Error::from)
            })
            .collect::<anyhow::Result<Vec<_>>>()
            .with_context(|| format!("{}: a module is not Base64", path.display()))?;
        let dependencies = file
            .dependencies
            .iter()
            .map(|id| id.parse::<Address>().map_err(|e| anyhow::anyhow!("dependency `{id}`: {e}")))
            .collect::<anyhow::Result<Vec<_>>>()
            .with_context(|| format!("{}", path.display()))?;
        Ok(Self { modules, dependencies, digest: file.digest })
    }
}
