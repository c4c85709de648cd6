//! Writes the keeper's answers for the golden honest window (`aihash_keeper::answer_vectors`) into
//! the `keeper_answers` section of golden/vectors.json. `--check` only compares, and fails if the
//! committed section is stale.

use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
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
    let generated: serde_json::Map<String, serde_json::Value> =
        aihash_keeper::answer_vectors::generate().into_iter().map(|(k, v)| (k, v.into())).collect();
    let count = generated.len();
    let section = serde_json::Value::Object(generated);
    if check {
        if doc.get("keeper_answers") == Some(&section) {
            println!("the keeper_answers section of {} is up to date ({count} vectors)", path.display());
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "error: the keeper_answers section of {} is stale: run `make answer-vectors`",
            path.display()
        );
        return ExitCode::from(1);
    }
    doc.insert("keeper_answers".into(), section);
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON serializes");
    out.push('\n');
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    println!("wrote {count} keeper answer vectors to {}", path.display());
    ExitCode::SUCCESS
}
