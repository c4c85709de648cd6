#!/usr/bin/env node
// The project's offline Sui Move toolchain: builds the `aihash` package and runs its unit tests with
// the real Sui compiler and test runner (@zktx.io/sui-move-builder, a WASM build of Sui), feeding
// the Sui framework from the `moverox-sui` crate. It never reaches the network for Move code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ToolchainError, report } from "./lib/errors.mjs";
import { locateFrameworkCrate, offlineFetcher } from "./lib/framework.mjs";
import { formatMove } from "./lib/format.mjs";
import { syncGoldenModule, GENERATED_PATH, VECTORS_PATH } from "./lib/golden.mjs";
import { readPackage } from "./lib/snapshot.mjs";
import { selectTests } from "./lib/selection.mjs";
import { captureGolden } from "./lib/capture.mjs";

/** The repository: its cargo workspace locates the framework crate. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_OUT = "build/move";

const HELP = `usage: node tools/move/move.mjs <command> [--package DIR] [options]

Builds and tests the aihash Move package offline with the real Sui compiler (WASM).

commands:
  build [--out DIR]       compile sources/, print warnings, write DIR/bytecode.json (the
                          \`sui move build --dump-bytecode-as-base64\` shape: modules, dependencies,
                          digest), DIR/digest.hex and DIR/Move.lock. DIR defaults to ${DEFAULT_OUT}.
  test [--filter TEXT]    run the Move unit tests and print the runner's output; with --filter,
                          only tests whose \`module::function\` contains TEXT (e.g. pow_tests::bits).
  golden [--check]        regenerate ${GENERATED_PATH} from golden/vectors.json (--check: fail if stale).
  golden --capture [--filter TEXT]
                          record in golden/vectors.json the BCS bytes of every value the tests check
                          with \`golden::check(&value, b"name")\`, then regenerate ${GENERATED_PATH}.
                          Review the diff: a changed vector means a changed layout. --filter
                          captures only the tests whose \`module::function\` contains TEXT.
  fmt [--check]           format every .move file with Prettier's Move plugin (--check: list the
                          files that are not formatted and fail).

--package DIR selects another Move package (default: the repository root).

exit status: 0 success, 1 a build error or failing test, 2 the toolchain itself could not run.`;

async function loadBuilder() {
  try {
    return await import("@zktx.io/sui-move-builder/full");
  } catch (err) {
    throw new ToolchainError(
      "load the Move compiler",
      `the npm package @zktx.io/sui-move-builder is not installed (${err.code || err.message})`,
      "run `npm ci --prefix tools/move` (or `make setup`)",
    );
  }
}

function stripColour(text) {
  return process.stdout.isTTY && !process.env.NO_COLOR ? text : text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** What every command compiling a package needs: the builder, the package files, the fetcher. */
async function prepare(pkg, { withTests }) {
  const builder = await loadBuilder();
  if (existsSync(join(pkg, VECTORS_PATH))) {
    const changed = await syncGoldenModule(pkg, { check: process.env.CI === "true" });
    if (changed) console.error(`note: regenerated ${GENERATED_PATH} from ${VECTORS_PATH}`);
  }
  const framework = locateFrameworkCrate(ROOT);
  return {
    builder,
    input: { files: readPackage(pkg, { withTests }), fetcher: offlineFetcher(framework.root) },
  };
}

async function build(pkg, out) {
  const { builder, input } = await prepare(pkg, { withTests: false });
  const result = await builder.dumpMovePackage(input);
  if (result.error) {
    console.error(stripColour(result.error));
    console.error(`error: the Move package failed to build (${result.category || "compile"})`);
    return 1;
  }
  if (result.warnings) console.error(stripColour(result.warnings));
  const dir = resolve(pkg, out);
  mkdirSync(dir, { recursive: true });
  const digestHex = Buffer.from(result.digest).toString("hex");
  const bytecode = { modules: result.modules, dependencies: result.dependencies, digest: result.digest };
  writeFileSync(join(dir, "bytecode.json"), JSON.stringify(bytecode, null, 2) + "\n");
  writeFileSync(join(dir, "digest.hex"), digestHex + "\n");
  writeFileSync(join(dir, "Move.lock"), result.moveLock);
  console.log(`built aihash: ${result.modules.length} modules, digest ${digestHex}`);
  console.log(`wrote ${relative(process.cwd(), join(dir, "bytecode.json"))}`);
  return 0;
}

async function test(pkg, filter) {
  const { builder, input } = await prepare(pkg, { withTests: true });
  if (filter) {
    const { files, kept, total } = selectTests(input.files, filter);
    if (kept.length === 0) {
      console.error(`error: no Move test name contains \`${filter}\` (of ${total} tests)`);
      return 2;
    }
    console.error(`selected ${kept.length} of ${total} tests matching \`${filter}\``);
    input.files = files;
  }
  const result = await builder.testMovePackage(input);
  if (result.error) {
    console.error(stripColour(result.error));
    console.error(`error: the Move tests failed to build (${result.category || "compile"})`);
    return 1;
  }
  const output = stripColour(result.output);
  process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  return result.passed ? 0 : 1;
}

async function capture(pkg, filter) {
  const { builder, input } = await prepare(pkg, { withTests: true });
  console.error("capturing the BCS bytes of every `golden::check` in the Move tests (two test runs)");
  const changed = await captureGolden(pkg, builder, input, filter);
  await syncGoldenModule(pkg, { check: false });
  console.log(changed.length === 0 ? `${VECTORS_PATH} already holds every checked vector` : `updated ${VECTORS_PATH}: ${changed.join(", ")}`);
  return 0;
}

async function fmt(pkg, check) {
  const files = Object.keys(readPackage(pkg, { withTests: true })).filter((p) => p.endsWith(".move"));
  const unformatted = [];
  for (const path of files) {
    const text = readFileSync(join(pkg, path), "utf8");
    const formatted = await formatMove(text);
    if (formatted === text) continue;
    unformatted.push(path);
    if (!check) writeFileSync(join(pkg, path), formatted);
  }
  if (check && unformatted.length > 0) {
    console.error(`these Move files are not formatted (run \`make fmt\`):\n  ${unformatted.join("\n  ")}`);
    return 1;
  }
  console.log(check ? `${files.length} Move files are formatted` : `formatted ${unformatted.length} of ${files.length} Move files`);
  return 0;
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      package: { type: "string", default: ROOT },
      out: { type: "string", default: DEFAULT_OUT },
      filter: { type: "string" },
      check: { type: "boolean", default: false },
      capture: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  } catch (err) {
    throw new ToolchainError("read the command line", err.message, "see `node tools/move/move.mjs --help`");
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  const pkg = resolve(values.package);
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case "build":
      return build(pkg, values.out);
    case "test":
      return test(pkg, values.filter);
    case "golden":
      if (values.capture) return capture(pkg, values.filter);
      await syncGoldenModule(pkg, { check: values.check });
      console.log(`${GENERATED_PATH} is up to date`);
      return 0;
    case "fmt":
      return fmt(pkg, values.check);
    default:
      console.error(`error: unknown command \`${command}\`\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => process.exit(report(err)),
);
