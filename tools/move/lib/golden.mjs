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

/** Renders the vectors as the Move module `aihash::golden`. */
export async function renderGoldenModule(rows) {
  const functions = rows
    .map((r) => `/// \`${r.section}\` vector \`${r.name}\`.\npublic fun ${r.name}(): vector<u8> { x"${r.hex}" }\n`)
    .join("\n");
  const source =
    `// Generated from ${VECTORS_PATH} by \`make golden\` (tools/move); edit the JSON, not this file.\n` +
    `#[test_only]\nmodule aihash::golden;\n\n${functions}`;
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
