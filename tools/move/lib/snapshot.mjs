// Reads the Move package at the repository root into the in-memory snapshot the builder compiles.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ToolchainError } from "./errors.mjs";

function moveFilesUnder(root, folder) {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".move")) found.push(relative(root, path));
    }
  };
  walk(join(root, folder));
  return found;
}

/** The package's files: `Move.toml`, every `sources/**.move` and, when `withTests`, every
 * `tests/**.move`. */
export function readPackage(root, { withTests }) {
  const manifest = join(root, "Move.toml");
  if (!existsSync(manifest)) {
    throw new ToolchainError("read the Move package", `${manifest} does not exist`, "run from the repository root");
  }
  const files = { "Move.toml": readFileSync(manifest, "utf8") };
  const folders = withTests ? ["sources", "tests"] : ["sources"];
  for (const folder of folders) {
    for (const path of moveFilesUnder(root, folder)) files[path] = readFileSync(join(root, path), "utf8");
  }
  if (Object.keys(files).length === 1) {
    throw new ToolchainError("read the Move package", `no .move files under ${join(root, "sources")}`, "add a module");
  }
  return files;
}
