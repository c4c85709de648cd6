//! The golden vectors of `golden/vectors.json`: byte strings both sides of the Move/Rust layout
//! link assert. Move tests check `bcs::to_bytes` of a value against a vector (through the generated
//! module `aihash::golden`); Rust tests decode the same vector into the bindings. A layout change
//! on either side breaks a test.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The vectors file, compiled in so tests and the node double need no path at run time.
const VECTORS_JSON: &str = include_str!("../../golden/vectors.json");

/// A vector that is missing or malformed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GoldenError {
    #[error("no golden vector named `{0}` in golden/vectors.json")]
    Missing(String),
}

/// Every vector by name, across all sections (names are unique, as the Move generator enforces).
fn all() -> &'static BTreeMap<String, Vec<u8>> {
    static VECTORS: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    VECTORS.get_or_init(|| {
        let doc: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(VECTORS_JSON).expect("golden/vectors.json is valid JSON");
        doc.into_iter()
            .filter(|(section, _)| !section.starts_with('_'))
            .flat_map(|(section, entries)| {
                let entries: BTreeMap<String, String> = serde_json::from_value(entries)
                    .unwrap_or_else(|e| panic!("golden section `{section}` is not name -> hex: {e}"));
                entries.into_iter().map(move |(name, hex_bytes)| {
                    let bytes = hex::decode(&hex_bytes)
                        .unwrap_or_else(|e| panic!("golden vector `{name}` is not hex: {e}"));
                    (name, bytes)
                })
            })
            .collect()
    })
}

/// Writes a generated section (name -> hex) into golden/vectors.json, or with `check` only
/// compares it with the committed one; `regenerate` names the command that writes it. Prints what
/// it did and returns the exit status (1 stale, 2 the file cannot be read or written).
pub fn write_section(
    section: &str,
    generated: BTreeMap<String, String>,
    check: bool,
    regenerate: &str,
) -> std::process::ExitCode {
    use std::process::ExitCode;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../golden/vectors.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let mut doc: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(&text) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("error: {} is not valid JSON: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let count = generated.len();
    let entries = serde_json::Value::Object(generated.into_iter().map(|(k, v)| (k, v.into())).collect());
    if check {
        if doc.get(section) == Some(&entries) {
            println!("the {section} section of {} is up to date ({count} vectors)", path.display());
            return ExitCode::SUCCESS;
        }
        eprintln!("error: the {section} section of {} is stale: run `{regenerate}`", path.display());
        return ExitCode::from(1);
    }
    doc.insert(section.to_owned(), entries);
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON serializes");
    out.push('\n');
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    println!("wrote {count} vectors to the {section} section of {}", path.display());
    ExitCode::SUCCESS
}

/// The bytes of one vector.
pub fn bytes(name: &str) -> Result<&'static [u8], GoldenError> {
    all().get(name).map(Vec::as_slice).ok_or_else(|| GoldenError::Missing(name.to_owned()))
}

/// The names of all vectors, sorted.
pub fn names() -> impl Iterator<Item = &'static str> {
    all().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vector_is_found_and_unknown_is_named_in_the_error() {
        assert_eq!(bytes("pow_target_genesis").unwrap().len(), 32);
        assert_eq!(
            bytes("no_such_vector").unwrap_err().to_string(),
            "no golden vector named `no_such_vector` in golden/vectors.json"
        );
    }

    #[test]
    fn every_section_contributes_vectors() {
        let names: Vec<_> = names().collect();
        assert!(names.contains(&"pow_header_genesis"));
        assert!(names.contains(&"mainnet_header_genesis"));
    }
}
