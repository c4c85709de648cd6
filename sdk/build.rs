//! Generates Rust types for every datatype of the `aihash` Move package (`sources/` at the
//! repository root) with moverox-build, so the bindings can never drift from the Move declarations.
//! Framework types map to their moverox-sui equivalents.

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync + 'static>> {
    let package = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    moverox_build::move_package(package, "aihash")
        .with_implicit_sui_imports()
        .map_address("sui", "::moverox_sui::sui")
        .map_address("std", "::moverox_sui::move_stdlib")
        .build()
}
