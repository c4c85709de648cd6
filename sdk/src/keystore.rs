//! Signing keys in the Sui CLI's formats: the keystore file (`~/.sui/sui_config/sui.keystore`, a
//! JSON array of Base64 `flag || private key` entries) and `suiprivkey1...` Bech32 strings. A key
//! never appears in output: `Debug` shows its address and scheme only, and errors name keystore
//! entries by position, not by content.

use std::path::{Path, PathBuf};
use sui_crypto::simple::SimpleKeypair;
use sui_sdk_types::{Address, SignatureScheme};

/// Why keys could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KeystoreError {
    #[error(
        "keystore {path} not found: create one with `sui client new-address ed25519`, or pass --keystore"
    )]
    Missing { path: PathBuf },
    #[error(
        "cannot read keystore {path}: {source}; check that it is a file you may read (`ls -l {path}`; \
         `chmod 600 {path}` if you own it)"
    )]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("keystore {path} is readable by others (mode {mode:o}): run `chmod 600 {path}`")]
    TooOpen { path: PathBuf, mode: u32 },
    #[error("keystore {path} is not a JSON array of key strings: {reason}")]
    Malformed { path: PathBuf, reason: String },
    #[error("keystore {path}, entry {index}: not a Base64 or suiprivkey key ({reason})")]
    BadEntry { path: PathBuf, index: usize, reason: String },
    #[error("not a private key: expected `suiprivkey1...` or Base64 `flag || key` ({reason})")]
    BadKey { reason: String },
    #[error(
        "no key for address {address} in the keystore (it holds {known}); pass one of those as --sender"
    )]
    UnknownAddress { address: Address, known: String },
    #[error("the keystore holds no keys: add one with `sui client new-address ed25519`, or pass --keystore")]
    Empty,
}

/// A signing key with its Sui address.
#[derive(Clone)]
pub struct Key {
    keypair: SimpleKeypair,
    address: Address,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("address", &self.address)
            .field("scheme", &self.scheme())
            .finish_non_exhaustive()
    }
}

impl Key {
    /// A key from a `suiprivkey1...` string or a Base64 keystore entry.
    pub fn parse(text: &str) -> Result<Self, KeystoreError> {
        let text = text.trim();
        let keypair = if text.starts_with("suiprivkey") {
            SimpleKeypair::from_suiprivkey(text)
        } else {
            SimpleKeypair::from_base64(text)
        }
        .map_err(|e| KeystoreError::BadKey { reason: e.to_string() })?;
        Ok(Self::from_keypair(keypair))
    }

    pub fn from_keypair(keypair: SimpleKeypair) -> Self {
        let address = keypair.verifying_key().derive_address();
        Self { keypair, address }
    }

    pub fn address(&self) -> Address {
        self.address
    }

    pub fn scheme(&self) -> SignatureScheme {
        self.keypair.scheme()
    }

    /// The signer, for building and signing transactions.
    pub fn keypair(&self) -> &SimpleKeypair {
        &self.keypair
    }
}

/// The keys of a Sui CLI keystore file.
#[derive(Debug, Clone)]
pub struct Keystore {
    keys: Vec<Key>,
}

impl Keystore {
    /// Where the Sui CLI keeps its keystore: `~/.sui/sui_config/sui.keystore`.
    pub fn default_path() -> Option<PathBuf> {
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".sui/sui_config/sui.keystore"))
    }

    /// Loads a keystore file. Refuses a file other users can read, as the Sui CLI's is not.
    pub fn load(path: &Path) -> Result<Self, KeystoreError> {
        let metadata = std::fs::metadata(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => KeystoreError::Missing { path: path.to_owned() },
            _ => KeystoreError::Unreadable { path: path.to_owned(), source },
        })?;
        check_private(path, &metadata)?;
        let text = std::fs::read_to_string(path)
            .map_err(|source| KeystoreError::Unreadable { path: path.to_owned(), source })?;
        let entries: Vec<String> = serde_json::from_str(&text)
            .map_err(|e| KeystoreError::Malformed { path: path.to_owned(), reason: e.to_string() })?;
        let keys = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                Key::parse(entry).map_err(|e| KeystoreError::BadEntry {
                    path: path.to_owned(),
                    index,
                    reason: match e {
                        KeystoreError::BadKey { reason } => reason,
                        other => other.to_string(),
                    },
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { keys })
    }

    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    /// The key of `address`.
    pub fn key(&self, address: &Address) -> Result<&Key, KeystoreError> {
        self.keys.iter().find(|k| &k.address == address).ok_or_else(|| KeystoreError::UnknownAddress {
            address: *address,
            known: self.keys.iter().map(|k| k.address.to_string()).collect::<Vec<_>>().join(", "),
        })
    }

    /// The first key, which the Sui CLI treats as the default when none is active.
    pub fn first(&self) -> Result<&Key, KeystoreError> {
        self.keys.first().ok_or(KeystoreError::Empty)
    }

    /// The key to sign with: `sender`'s (or else the first) from the keystore at `path` (or else
    /// the Sui CLI's own, `~/.sui/sui_config/sui.keystore`).
    pub fn signer(path: Option<&Path>, sender: Option<&Address>) -> Result<Key, KeystoreError> {
        let path = match path {
            Some(path) => path.to_owned(),
            None => Self::default_path()
                .ok_or_else(|| KeystoreError::Missing { path: "~/.sui/sui_config/sui.keystore".into() })?,
        };
        let keystore = Self::load(&path)?;
        let key = match sender {
            Some(address) => keystore.key(address)?,
            None => keystore.first()?,
        };
        Ok(key.clone())
    }
}

#[cfg(unix)]
fn check_private(path: &Path, metadata: &std::fs::Metadata) -> Result<(), KeystoreError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeystoreError::TooOpen { path: path.to_owned(), mode });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path, _metadata: &std::fs::Metadata) -> Result<(), KeystoreError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use sui_crypto::ed25519::Ed25519PrivateKey;
    use sui_crypto::secp256k1::Secp256k1PrivateKey;

    fn ed25519(seed: u8) -> SimpleKeypair {
        Ed25519PrivateKey::new([seed; 32]).into()
    }

    fn write_keystore(dir: &Path, entries: &[String], mode: u32) -> PathBuf {
        let path = dir.join("sui.keystore");
        std::fs::write(&path, serde_json::to_string(entries).unwrap()).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("aihash-keystore-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_keystore_loads_every_scheme_and_derives_addresses() {
        let secp: SimpleKeypair = Secp256k1PrivateKey::new([7u8; 32]).unwrap().into();
        let entries = vec![ed25519(1).to_base64(), secp.to_base64()];
        let path = write_keystore(&temp_dir("ok"), &entries, 0o600);
        let keystore = Keystore::load(&path).unwrap();
        assert_eq!(keystore.keys().len(), 2);
        assert_eq!(keystore.keys()[0].scheme(), SignatureScheme::Ed25519);
        assert_eq!(keystore.keys()[1].scheme(), SignatureScheme::Secp256k1);
        let address = ed25519(1).verifying_key().derive_address();
        assert_eq!(keystore.first().unwrap().address(), address);
        assert_eq!(keystore.key(&address).unwrap().address(), address);
    }

    #[test]
    fn the_signer_is_the_senders_key_or_the_first() {
        let path =
            write_keystore(&temp_dir("signer"), &[ed25519(1).to_base64(), ed25519(2).to_base64()], 0o600);
        let second = ed25519(2).verifying_key().derive_address();
        assert_eq!(Keystore::signer(Some(&path), Some(&second)).unwrap().address(), second);
        let first = ed25519(1).verifying_key().derive_address();
        assert_eq!(Keystore::signer(Some(&path), None).unwrap().address(), first);
        assert!(matches!(
            Keystore::signer(Some(&path), Some(&Address::ZERO)),
            Err(KeystoreError::UnknownAddress { .. })
        ));
    }

    #[test]
    fn suiprivkey_and_base64_give_the_same_key() {
        let keypair = ed25519(9);
        let from_bech32 = Key::parse(&keypair.to_suiprivkey().unwrap()).unwrap();
        let from_base64 = Key::parse(&keypair.to_base64()).unwrap();
        assert_eq!(from_bech32.address(), from_base64.address());
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let keypair = ed25519(3);
        let secret = keypair.to_base64();
        let shown = format!("{:?}", Key::from_keypair(keypair));
        assert!(shown.contains("address"));
        assert!(!shown.contains(&secret[1..12]));
    }

    #[test]
    fn bad_keystores_are_named() {
        let dir = temp_dir("bad");
        let missing = Keystore::load(&dir.join("absent.keystore")).unwrap_err();
        assert!(matches!(missing, KeystoreError::Missing { .. }));
        let open = write_keystore(&dir, &[ed25519(1).to_base64()], 0o644);
        let error = Keystore::load(&open).unwrap_err();
        assert!(error.to_string().contains("chmod 600"), "{error}");
        let garbage = write_keystore(&dir, &["not a key".into()], 0o600);
        let error = Keystore::load(&garbage).unwrap_err();
        assert!(matches!(error, KeystoreError::BadEntry { index: 0, .. }), "{error}");
        assert!(!error.to_string().contains("not a key"));
        std::fs::write(dir.join("sui.keystore"), "{").unwrap();
        assert!(matches!(Keystore::load(&dir.join("sui.keystore")), Err(KeystoreError::Malformed { .. })));
        // A keystore that cannot be read (a directory here: root reads a chmod 000 file anyway).
        let unreadable = dir.join("a-directory");
        std::fs::create_dir_all(&unreadable).unwrap();
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o700)).unwrap();
        let error = Keystore::load(&unreadable).unwrap_err();
        assert!(matches!(error, KeystoreError::Unreadable { .. }), "{error}");
        assert!(error.to_string().contains("chmod 600"), "{error}");
        assert_eq!(error.to_string().lines().count(), 1);
        let empty = write_keystore(&dir, &[], 0o600);
        assert!(matches!(Keystore::load(&empty).unwrap().first(), Err(KeystoreError::Empty)));
        let unknown = Keystore::load(&empty).unwrap().key(&Address::ZERO).unwrap_err();
        assert!(unknown.to_string().contains("no key for address"));
    }
}
