// The golden vectors: one JSON file (golden/vectors.json) holds the byte strings that both sides of
// the Move/Rust layout link assert. Move cannot read files, so this step renders the file as the
// test-only module `aihash::golden` (tests/golden.move), one function per vector.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ToolchainError } from "./errors.mjs";
import { formatMove } from "./format.mjs";

export const VECTORS_PATH = "golden/vectors.json";
export const GENERATED_PATH = "tests/golden.move";

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const HEX = /^([0-9a-f]{2})*$/;

/** Parses the vectors file into `[section, name, hex]` rows, rejecting bad names and bytes. */
export function readVectors(root) {
  const path = join(root, VECTORS_PATH);
  let doc;
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ToolchainError("read the golden vectors", `${path}: ${err.message}`, "fix the JSON");
  }
  const rows = [];
  const seen = new Set();
  for (const [section, entries] of Object.entries(doc)) {
    if (section.startsWith("_")) continue;
    for (const [name, hex] of Object.entries(entries)) {
      if (!IDENTIFIER.test(name) || seen.has(name)) {
        throw new ToolchainError("read the golden vectors", `${path}: vector name \`${name}\` is not a unique snake_case identifier`, "rename it");
      }
      if (typeof hex !== "string" || !HEX.test(hex)) {
        throw new ToolchainError("read the golden vectors", `${path}: vector \`${name}\` is not lowercase hex of whole bytes`, "fix its value");
      }
      seen.add(name);
      rows.push({ section, name, hex });
    }
  }
  return rows;
}

/** The abort code `capture` uses to report a value's length instead of a chunk of its bytes. */
export const LENGTH_CHUNK = 0xffff;
/** Bytes per abort code in capture mode: seven, so the code stays below 2^56 and the runner never
 * mistakes it for a clever-error code. */
export const CHUNK_BYTES = 7;

/** Renders the vectors as the Move module `aihash::golden`: one function per vector, and `check`,
 * which tests call as `golden::check(&value, b"name")`. With `capture`, also the helpers that
 * `golden --capture` rewrites those calls into. */
export async function renderGoldenModule(rows, { capture = false } = {}) {
  const functions = rows
    .map((r) => `/// \`${r.section}\` vector \`${r.name}\`.\npublic fun ${r.name}(): vector<u8> { x"${r.hex}" }\n`)
    .join("\n");
  const lookup = rows.map((r) => `    if (name == b"${r.name}") return ${r.name}();\n`).join("");
  const captureHelpers = capture
    ? `
/// Aborts with the length of \`value\`'s BCS bytes (chunk ${LENGTH_CHUNK}) or with bytes
/// [${CHUNK_BYTES}·chunk, ${CHUNK_BYTES}·chunk + ${CHUNK_BYTES}) as a big-endian number.
public fun capture<T>(value: &T, chunk: u64) {
    let bytes = sui::bcs::to_bytes(value);
    if (chunk == ${LENGTH_CHUNK}) abort bytes.length();
    let mut code = 0u64;
    ${CHUNK_BYTES}u64.do!(|i| {
        let at = chunk * ${CHUNK_BYTES} + i;
        code = code << 8;
        if (at < bytes.length()) code = code | (bytes[at] as u64);
    });
    abort code
}

/// Stands in for the checks a capture run is not capturing.
public fun skip<T>(_value: &T, _name: vector<u8>) {}
`
    : "";
  const source =
    `// Generated from ${VECTORS_PATH} by \`make golden\` (tools/move); edit the JSON, not this file.\n` +
    `#[test_only]\nmodule aihash::golden;\n\n` +
    `#[error]\nconst EGoldenMismatch: vector<u8> =\n    b"the value's BCS bytes differ from its golden vector: run \`make golden-capture\` if the layout change is intended";\n` +
    `#[error]\nconst EUnknownVector: vector<u8> =\n    b"golden/vectors.json has no vector of this name: run \`make golden-capture\` to record it";\n\n` +
    `/// Aborts unless \`value\` serializes (BCS) to the golden vector \`name\`.\n` +
    `public fun check<T>(value: &T, name: vector<u8>) {\n    assert!(sui::bcs::to_bytes(value) == named(name), EGoldenMismatch);\n}\n\n` +
    `/// The golden vector \`name\`.\npublic fun named(name: vector<u8>): vector<u8> {\n${lookup}    abort EUnknownVector\n}\n` +
    captureHelpers +
    `\n${functions}`;
  return formatMove(source);
}

/** Brings tests/golden.move up to date with the JSON. With `check`, a stale file is an error
 * instead (CI must test what was committed). Returns true when the file changed. */
export async function syncGoldenModule(root, { check }) {
  const wanted = await renderGoldenModule(readVectors(root));
  const path = join(root, GENERATED_PATH);
  const current = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (current === wanted) return false;
  if (check) {
    throw new ToolchainError("check the golden vectors", `${GENERATED_PATH} is out of date with ${VECTORS_PATH}`, "run `make golden` and commit the result");
  }
  writeFileSync(path, wanted);
  return true;
}
