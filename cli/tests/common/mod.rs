//! What the CLI tests share: a node double on loopback with a funded sender, a keystore holding
//! its key, and a deployments file naming the double's URL; the binary run against them.

#![allow(dead_code)] // each test binary uses its own part

use aihash_node_double::NodeDouble;
use aihash_sdk::network::Deployments;
use aihash_sdk::tx::Deployment;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Output};
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::simple::SimpleKeypair;
use sui_sdk_types::Address;

pub struct Setup {
    pub double: NodeDouble,
    pub url: String,
    pub dir: PathBuf,
    pub deployment: Deployment,
    pub sender: Address,
    _runtime: tokio::runtime::Runtime,
}

impl Setup {
    /// A node double with a funded sender, a keystore holding its key and a deployments file
    /// naming the double's URL.
    pub fn new(name: &str) -> Self {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let double = NodeDouble::new("localnet");
        let addr = runtime.block_on(double.spawn());
        let url = format!("http://{addr}");
        let dir = std::env::temp_dir().join(format!("aihash-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let keypair: SimpleKeypair = Ed25519PrivateKey::new([21; 32]).into();
        let sender = keypair.verifying_key().derive_address();
        let keystore = dir.join("sui.keystore");
        std::fs::write(&keystore, serde_json::to_string(&[keypair.to_base64()]).unwrap()).unwrap();
        std::fs::set_permissions(&keystore, std::fs::Permissions::from_mode(0o600)).unwrap();
        double.add_coin(sender, Address::new([0x6a; 32]), "0x2::sui::SUI", 100_000_000_000);
        let deployment = Deployment::made_up(Address::new([0xa1; 32]));
        let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources");
        double.check_calls_against(
            deployment.package,
            aihash_node_double::Signatures::from_sources(&sources).unwrap(),
        );
        let mut deployments = Deployments::default();
        deployments.networks.insert(url.clone(), deployment.clone());
        deployments.save(&dir.join("deployments.json")).unwrap();
        Self { double, url, dir, deployment, sender, _runtime: runtime }
    }

    /// Runs a reading command: with the network and the deployments file, no keystore.
    pub fn read(&self, args: &[&str]) -> Output {
        let deployments = self.dir.join("deployments.json");
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--network", &self.url, "--deployments", deployments.to_str().unwrap()]);
        Command::new(env!("CARGO_BIN_EXE_aihash")).args(&all).output().expect("aihash runs")
    }

    /// Runs a writing command: with the network, the keystore and the deployments file.
    pub fn run(&self, args: &[&str]) -> Output {
        let keystore = self.dir.join("sui.keystore");
        let deployments = self.dir.join("deployments.json");
        let mut all: Vec<&str> = args.to_vec();
        all.extend([
            "--network",
            &self.url,
            "--keystore",
            keystore.to_str().unwrap(),
            "--deployments",
            deployments.to_str().unwrap(),
        ]);
        Command::new(env!("CARGO_BIN_EXE_aihash")).args(&all).output().expect("aihash runs")
    }
}

/// Asserts a failed command's exit status and that it said what went wrong on one line.
pub fn assert_fails(output: &Output, code: i32, named: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains(named), "`{named}` not in: {message}");
    assert!(!message.contains("panicked"), "{message}");
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An `order create` with a valid value for every flag it needs.
pub const ORDER_CREATE: [&str; 14] = [
    "order",
    "create",
    "--pool-url",
    "stratum+tcp://pool.example:3333",
    "--worker",
    "buyer.rig",
    "--payout",
    "0014aabb",
    "--price",
    "0.045 SUI/PH/day",
    "--hashrate-cap",
    "3 PH/s",
    "--escrow",
    "10 SUI",
];
