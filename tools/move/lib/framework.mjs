// Supplies the Sui framework (MoveStdlib and Sui) to the Move builder without any network access.
// The sources come from the crates.io crate `moverox-sui`, a dependency of the workspace, so they
// are derived from a registry at build time and never copied into this repository.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { ToolchainError } from "./errors.mjs";

const FRAMEWORK_CRATE = "moverox-sui";

/** Folder (inside the crate) that holds each system package the builder asks for, by the
 * last component of the subdirectory it requests from the Sui repository. */
const SYSTEM_PACKAGES = {
  "move-stdlib": "move/move-stdlib",
  "sui-framework": "move/sui-framework",
};

/** Finds the unpacked `moverox-sui` crate through `cargo metadata` (which also downloads it when
 * the registry cache lacks it). */
export function locateFrameworkCrate(workspaceRoot) {
  let metadata;
  try {
    const out = execFileSync("cargo", ["metadata", "--format-version", "1", "--locked"], {
      cwd: workspaceRoot,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
    metadata = JSON.parse(out);
  } catch (err) {
    throw new ToolchainError(
      "locate the Sui framework",
      `\`cargo metadata\` failed: ${(err.stderr || err.message || "").toString().trim()}`,
      "run `cargo fetch --locked` in the repository root (needs crates.io), then retry",
    );
  }
  const pkg = metadata.packages.find((p) => p.name === FRAMEWORK_CRATE);
  if (!pkg) {
    throw new ToolchainError(
      "locate the Sui framework",
      `the crate \`${FRAMEWORK_CRATE}\` is not in the cargo workspace's dependency graph`,
      `add \`${FRAMEWORK_CRATE}\` back to sdk/Cargo.toml`,
    );
  }
  const root = dirname(pkg.manifest_path);
  for (const folder of Object.values(SYSTEM_PACKAGES)) {
    if (!existsSync(join(root, folder, "Move.toml"))) {
      throw new ToolchainError(
        "locate the Sui framework",
        `${join(root, folder)} has no Move.toml (crate \`${FRAMEWORK_CRATE}\` ${pkg.version} is incomplete)`,
        "run `cargo fetch --locked` to restore the crate, or pin a version that ships move/",
      );
    }
  }
  return { root, version: pkg.version };
}

/** Reads every file of a folder into a `{ relativePath: content }` map. */
export function readTree(folder) {
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, "utf8");
    }
  };
  walk(folder);
  return files;
}

/** A fetcher in the shape `@zktx.io/sui-move-builder` expects that answers the builder's
 * requests for the implicit system packages from the local crate and refuses everything else,
 * so no build can ever reach GitHub. */
export function offlineFetcher(frameworkRoot) {
  const cache = new Map();
  const packageFor = (subdir) => {
    const last = (subdir || "").replace(/\/+$/, "").split("/").pop();
    const folder = SYSTEM_PACKAGES[last];
    if (!folder) return undefined;
    if (!cache.has(folder)) cache.set(folder, readTree(join(frameworkRoot, folder)));
    return cache.get(folder);
  };
  return {
    async fetch(gitUrl, rev, subdir) {
      const files = packageFor(subdir);
      if (files) return { ...files };
      throw new ToolchainError(
        "resolve Move dependencies",
        `the package asks for ${gitUrl} ${subdir || ""} at ${rev}, which is not available offline`,
        "depend only on the implicit system packages (std, sui); Move.toml has no [dependencies]",
      );
    },
    async fetchFile(_gitUrl, _rev, path) {
      for (const last of Object.keys(SYSTEM_PACKAGES)) {
        const marker = `packages/${last}/`;
        const at = path.indexOf(marker);
        if (at >= 0) {
          const files = packageFor(last);
          return files[path.slice(at + marker.length)] ?? null;
        }
      }
      return null;
    },
    async fetchLocal(localPath) {
      const files = packageFor(localPath);
      if (files) return { ...files };
      throw new ToolchainError(
        "resolve Move dependencies",
        `local dependency ${localPath} is not available offline`,
        "depend only on the implicit system packages (std, sui)",
      );
    },
    getResolvedSha() {
      return undefined;
    },
  };
}
