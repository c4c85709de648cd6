//! Writes the Stratum-shaped test shares (`aihash_sdk::share_vectors`) into the `shares` section
//! of golden/vectors.json. `--check` only compares, and fails if the committed section is stale.

fn main() -> std::process::ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    aihash_sdk::golden::write_section(
        "shares",
        aihash_sdk::share_vectors::generate(),
        check,
        "make share-vectors",
    )
}
