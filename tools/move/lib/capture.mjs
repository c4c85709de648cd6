// `golden --capture`: records the BCS bytes of every value the Move tests check with
// `golden::check(&value, b"name")` into golden/vectors.json.
//
// The WASM test runner shows no debug output, so the only way out of a Move test is its abort code.
// The snapshot is rewritten so that each (test, vector, chunk) gets a copy of the test in which that
// one check aborts with its chunk of the value's bytes (or, in a first pass, with their length) and
// every other check is skipped; all copies run in one pass of the runner, and the bytes are put
// back together from the abort codes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ToolchainError } from "./errors.mjs";
import { CHUNK_BYTES, GENERATED_PATH, LENGTH_CHUNK, VECTORS_PATH, readVectors, renderGoldenModule } from "./golden.mjs";
import { selectTests, testsInFile } from "./selection.mjs";

const CHECK = "golden::check(";

/** Walks `text` from `open` (an opening bracket) to its closing bracket, skipping strings and
 * comments; calls `onTopLevelComma` for commas directly inside. Returns the closing index. */
function walkBrackets(text, open, onTopLevelComma = () => {}) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "/") i = text.indexOf("\n", i) - 1;
    else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if ("({[".includes(c)) depth++;
    else if (")}]".includes(c) && --depth === 0) return i;
    else if (c === "," && depth === 1) onTopLevelComma(i);
  }
  return -1;
}

/** The `golden::check(value, b"name")` calls in `text`: their span, value source and name. */
function checkCalls(text) {
  const calls = [];
  for (let at = text.indexOf(CHECK); at >= 0; at = text.indexOf(CHECK, at + 1)) {
    const open = at + CHECK.length - 1;
    const commas = [];
    const close = walkBrackets(text, open, (i) => commas.push(i));
    // The name is the last argument; a trailing comma may follow it.
    const args = [open, ...commas, close].map((p, k, all) => (k + 1 < all.length ? text.slice(p + 1, all[k + 1]) : null)).filter((a) => a !== null);
    const parts = args.filter((a) => a.trim() !== "");
    const name = parts.length === 2 ? parts[1].trim().match(/^b"([a-z0-9_]+)"$/) : null;
    if (close < 0 || !name) continue;
    calls.push({ start: at, end: close + 1, value: parts[0].trim(), name: name[1] });
  }
  return calls;
}

/** The plain `#[test]` functions of a file that check golden vectors: name, source, checked names. */
function checkingTests(text) {
  const found = [];
  for (const test of testsInFile(text)) {
    const attributes = test.attributes.map((a) => a.body).join(",");
    if (/random_test/.test(attributes)) continue;
    const fn = test.name.split("::")[1];
    const start = text.search(new RegExp(`\\bfun\\s+${fn}\\s*\\(`));
    const end = walkBrackets(text, text.indexOf("{", start));
    const source = text.slice(start, end + 1);
    const names = [...new Set(checkCalls(source).map((c) => c.name))];
    if (names.length > 0) found.push({ name: test.name, fn, source, names });
  }
  return found;
}

/** A copy of `test` in which the check of `name` reports `chunk` and the other checks are skipped. */
function captureCopy(test, name, chunk, label) {
  let body = test.source;
  for (const call of checkCalls(test.source).reverse()) {
    const replacement = call.name === name ? `golden::capture(${call.value}, ${chunk})` : `golden::skip(${call.value}, b"${call.name}")`;
    body = body.slice(0, call.start) + replacement + body.slice(call.end);
  }
  return `\n#[test]\n${body.replace(new RegExp(`^fun\\s+${test.fn}`), `fun ${label}`)}\n`;
}

/** Runs every copy in `plan` (label -> {name, chunk}) and returns label -> abort code. */
async function runCopies(builder, input, files, plan, copiesByFile) {
  const selected = selectTests(files, "\u0000").files;
  for (const [path, copies] of Object.entries(copiesByFile)) selected[path] += copies.join("");
  const result = await builder.testMovePackage({ ...input, files: selected });
  if (result.error) {
    throw new ToolchainError("compile the capture run", result.error.replace(/\x1b\[[0-9;]*m/g, ""), "fix the tests so they compile");
  }
  const output = result.output.replace(/\x1b\[[0-9;]*m/g, "");
  const codes = {};
  for (const block of output.split("┌── ").slice(1)) {
    const label = block.split(/\s/)[0];
    if (!(label in plan)) continue;
    const match = block.match(/aborted with code (\d+) originating in the module [0-9a-fx]*:*:?golden/i)
      ?? block.match(/aborted with code (\d+) originating in the module aihash::golden/);
    if (!match) {
      const { name } = plan[label];
      const remedy = /EUnknownVector/.test(block)
        ? "call `golden::check` in the test function itself: checks inside helper functions are not captured"
        : "make the test pass up to its golden checks";
      throw new ToolchainError("capture golden vectors", `the test checking \`${name}\` failed before reaching the check:\n${block.slice(0, 1500)}`, remedy);
    }
    codes[label] = BigInt(match[1]);
  }
  return codes;
}

/** The document with every object's keys sorted, as the Rust vector generators write it, so the
 * two writers never reorder each other's output. */
function sortedKeys(value) {
  if (Array.isArray(value) || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys(value[k])]));
}

/** Captures every checked vector and writes golden/vectors.json; returns the names that changed. */
/** With `filter`, only tests whose `module::function` contains it are captured. */
export async function captureGolden(root, builder, input, filter) {
  const rows = readVectors(root);
  const files = { ...input.files, [GENERATED_PATH]: await renderGoldenModule(rows, { capture: true }) };
  const tests = Object.entries(files)
    .filter(([path]) => path.startsWith("tests/") && path.endsWith(".move"))
    .flatMap(([path, text]) => checkingTests(text).map((t) => ({ ...t, path })))
    .filter((t) => !filter || t.name.includes(filter));
  if (tests.length === 0) return [];

  // First pass: lengths. The first test checking a name is the one that captures it.
  const owner = {};
  for (const test of tests) for (const name of test.names) owner[name] ??= test;
  const plan = {};
  const copies = {};
  const addCopy = (name, chunk) => {
    const test = owner[name];
    const label = `golden_capture_${Object.keys(plan).length}`;
    plan[label] = { name, chunk };
    (copies[test.path] ??= []).push(captureCopy(test, name, chunk, label));
  };
  for (const name of Object.keys(owner)) addCopy(name, LENGTH_CHUNK);
  const lengths = {};
  for (const [label, code] of Object.entries(await runCopies(builder, input, files, plan, copies))) {
    lengths[plan[label].name] = Number(code);
  }

  // Second pass: the bytes, seven per copy.
  for (const key of Object.keys(plan)) delete plan[key];
  for (const key of Object.keys(copies)) delete copies[key];
  for (const [name, length] of Object.entries(lengths)) {
    for (let chunk = 0; chunk * CHUNK_BYTES < length; chunk++) addCopy(name, chunk);
  }
  const chunks = {};
  for (const [label, code] of Object.entries(await runCopies(builder, input, files, plan, copies))) {
    const { name, chunk } = plan[label];
    (chunks[name] ??= [])[chunk] = code.toString(16).padStart(2 * CHUNK_BYTES, "0");
  }

  const path = join(root, VECTORS_PATH);
  const doc = JSON.parse(readFileSync(path, "utf8"));
  const changed = [];
  for (const [name, length] of Object.entries(lengths)) {
    const hex = (chunks[name] ?? []).join("").slice(0, 2 * length);
    const section = Object.keys(doc).find((s) => !s.startsWith("_") && name in doc[s]) ?? "bcs";
    doc[section] ??= {};
    if (doc[section][name] !== hex) changed.push(name);
    doc[section][name] = hex;
  }
  writeFileSync(path, JSON.stringify(sortedKeys(doc), null, 2) + "\n");
  return changed;
}
