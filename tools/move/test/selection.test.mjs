import { test } from "node:test";
import assert from "node:assert/strict";
import { selectTests, testsInFile } from "../lib/selection.mjs";

const SOURCE = `#[test_only]
module aihash::demo_tests;

use aihash::demo;

#[test]
fun adds() { assert!(demo::add(1, 2) == 3); }

#[test, expected_failure(abort_code = demo::EOverflow, location = aihash::demo)]
fun overflow_aborts() { demo::add(255, 1); }

#[random_test]
fun commutes(a: u8, b: u8) { assert!(demo::add(a % 100, b % 100) == demo::add(b % 100, a % 100)); }

#[test]
#[expected_failure]
public fun split_attributes() { abort 1 }

#[test_only]
public fun helper(): u8 { 7 }
`;

test("finds every kind of test attribute and nothing else", () => {
  const names = testsInFile(SOURCE).map((t) => t.name);
  assert.deepEqual(names, [
    "demo_tests::adds",
    "demo_tests::overflow_aborts",
    "demo_tests::commutes",
    "demo_tests::split_attributes",
  ]);
});

test("a filter keeps matching tests and blanks the others without moving lines", () => {
  const { files, kept, total } = selectTests({ "tests/demo_tests.move": SOURCE, "Move.toml": "" }, "overflow");
  assert.equal(total, 4);
  assert.deepEqual(kept, ["demo_tests::overflow_aborts"]);
  const rewritten = files["tests/demo_tests.move"];
  assert.deepEqual(testsInFile(rewritten).map((t) => t.name), ["demo_tests::overflow_aborts"]);
  assert.equal(rewritten.split("\n").length, SOURCE.split("\n").length);
  assert.match(rewritten, /#\[test_only\]\npublic fun helper/);
  assert.equal(files["Move.toml"], "");
});
