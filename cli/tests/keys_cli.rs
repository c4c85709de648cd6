//! `aihash keys list` as a user runs it against keystore files.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Output};
use sui_crypto::ed25519::Ed25519PrivateKey;
use sui_crypto::simple::SimpleKeypair;

fn aihash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aihash")).args(args).output().expect("aihash runs")
}

fn keystore(name: &str, entries: &[String], mode: u32) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aihash-cli-keys-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sui.keystore");
    std::fs::write(&path, serde_json::to_string(entries).unwrap()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

#[test]
fn lists_addresses_as_json_without_secrets() {
    let keypair: SimpleKeypair = Ed25519PrivateKey::new([5; 32]).into();
    let secret = keypair.to_base64();
    let path = keystore("ok", std::slice::from_ref(&secret), 0o600);
    let out = aihash(&["keys", "list", "--keystore", path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let keys: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(keys[0]["address"], keypair.verifying_key().derive_address().to_string());
    assert_eq!(keys[0]["scheme"], "ed25519");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(&secret));
}

#[test]
fn keystore_problems_exit_3_and_permissions_8_with_a_one_line_hint() {
    let open = keystore("open", &[], 0o644);
    let out = aihash(&["keys", "list", "--keystore", open.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(8));
    let message = String::from_utf8_lossy(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("chmod 600"), "{message}");

    let missing = open.with_file_name("absent.keystore");
    let out = aihash(&["keys", "list", "--keystore", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));

    let garbage = keystore("garbage", &["AAAA".into()], 0o600);
    let out = aihash(&["keys", "list", "--keystore", garbage.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("entry 0"));

    // A keystore that cannot be read: chmod 000 (a directory when the tests run as root, who
    // reads any file).
    let locked = keystore("locked", &[], 0o000);
    let unreadable = if std::fs::read(&locked).is_ok() {
        let dir = locked.with_file_name("a-directory");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        dir
    } else {
        locked
    };
    let out = aihash(&["keys", "list", "--keystore", unreadable.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(8));
    let message = String::from_utf8_lossy(&out.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("cannot read keystore") && message.contains("chmod 600"), "{message}");
}
