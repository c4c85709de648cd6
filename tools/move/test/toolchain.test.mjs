// End to end: the real compiler and test runner on small packages made for each test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MOVE = join(dirname(fileURLToPath(import.meta.url)), "..", "move.mjs");

function makePackage(files) {
  const dir = mkdtempSync(join(tmpdir(), "aihash-move-"));
  const all = { "Move.toml": '[package]\nname = "demo"\nedition = "2024"\n\n[addresses]\ndemo = "0x0"\n', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(...args) {
  const result = spawnSync(process.execPath, [MOVE, ...args], { encoding: "utf8", env: { ...process.env, CI: "" } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const MODULE = "module demo::math;\n\npublic fun double(x: u64): u64 { x * 2 }\n";

test("a failing assertion exits 1 and shows the failing line", () => {
  const pkg = makePackage({
    "sources/math.move": MODULE,
    "tests/math_tests.move":
      "#[test_only]\nmodule demo::math_tests;\n\n#[test]\nfun doubles() { assert!(demo::math::double(2) == 4); }\n\n" +
      "#[test]\nfun wrong() {\n    assert!(demo::math::double(2) == 5);\n}\n",
  });
  const { code, out } = run("test", "--package", pkg);
  assert.equal(code, 1);
  assert.match(out, /\[ PASS\s*\] demo::math_tests::doubles/);
  assert.match(out, /\[ FAIL\s*\] demo::math_tests::wrong/);
  assert.match(out, /tests\/math_tests\.move:9/);
  assert.match(out, /Test result: FAILED\. Total tests: 2; passed: 1; failed: 1/);
});

test("the filter runs only the selected test", () => {
  const pkg = makePackage({
    "sources/math.move": MODULE,
    "tests/math_tests.move":
      "#[test_only]\nmodule demo::math_tests;\n\n#[test]\nfun doubles() { assert!(demo::math::double(2) == 4); }\n\n" +
      "#[test]\nfun wrong() { assert!(demo::math::double(2) == 5); }\n",
  });
  const { code, out, err } = run("test", "--package", pkg, "--filter", "doubles");
  assert.equal(code, 0, err);
  assert.match(err, /selected 1 of 2 tests/);
  assert.match(out, /Total tests: 1; passed: 1; failed: 0/);
  assert.equal(run("test", "--package", pkg, "--filter", "absent").code, 2);
});

test("build writes the modules and digest; a compile error exits 1 with the location", () => {
  const pkg = makePackage({ "sources/math.move": MODULE });
  const built = run("build", "--package", pkg);
  assert.equal(built.code, 0, built.err);
  const bytecode = JSON.parse(readFileSync(join(pkg, "build/move/bytecode.json"), "utf8"));
  assert.equal(bytecode.modules.length, 1);
  assert.equal(bytecode.digest.length, 32);
  assert.equal(readFileSync(join(pkg, "build/move/digest.hex"), "utf8").trim(), Buffer.from(bytecode.digest).toString("hex"));

  const broken = makePackage({ "sources/math.move": "module demo::math;\n\npublic fun double(x: u64): u64 { x * true }\n" });
  const failed = run("build", "--package", broken);
  assert.equal(failed.code, 1);
  assert.match(failed.err, /sources\/math\.move:3/);
});

test("a dependency that would need the network is refused with a message", () => {
  const pkg = makePackage({ "sources/math.move": MODULE });
  writeFileSync(
    join(pkg, "Move.toml"),
    '[package]\nname = "demo"\nedition = "2024"\n\n[dependencies]\nDeepBook = { git = "https://github.com/MystenLabs/deepbookv3.git", subdir = "packages/deepbook", rev = "main" }\n\n[addresses]\ndemo = "0x0"\n',
  );
  const { code, err } = run("build", "--package", pkg);
  assert.notEqual(code, 0);
  assert.match(err, /not available offline/);
});

test("unknown options are named", () => {
  const { code, err } = run("test", "--fliter", "x");
  assert.equal(code, 2);
  assert.match(err, /--fliter/);
});

test("golden --capture records the checked values' bytes, and the tests then hold them to it", () => {
  const pkg = makePackage({
    "sources/point.move":
      "module aihash::point;\n\npublic struct Point has copy, drop { x: u64, y: u8, tag: vector<u8> }\n\n" +
      "public fun new(x: u64, y: u8, tag: vector<u8>): Point { Point { x, y, tag } }\n",
    "tests/point_tests.move":
      "#[test_only]\nmodule aihash::point_tests;\n\nuse aihash::golden;\n\n#[test]\nfun layout() {\n" +
      '    golden::check(&aihash::point::new(258, 7, b"abcdefghij"), b"point");\n' +
      '    golden::check(&vector[aihash::point::new(1, 2, b"")], b"points");\n}\n',
    "golden/vectors.json": '{\n  "bcs": {}\n}\n',
  });
  writeFileSync(join(pkg, "Move.toml"), '[package]\nname = "demo"\nedition = "2024"\n\n[addresses]\naihash = "0x0"\n');
  const unknown = run("test", "--package", pkg);
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /EUnknownVector/);

  const captured = run("golden", "--capture", "--package", pkg);
  assert.equal(captured.code, 0, captured.err);
  const vectors = JSON.parse(readFileSync(join(pkg, "golden/vectors.json"), "utf8"));
  // x = 258 as u64 LE, y = 7, tag = length 10 then the bytes.
  assert.equal(vectors.bcs.point, "0201000000000000070a6162636465666768696a");
  assert.equal(vectors.bcs.points, "0101000000000000000200");
  assert.equal(run("test", "--package", pkg).code, 0);

  vectors.bcs.point = vectors.bcs.point.replace(/^02/, "03");
  writeFileSync(join(pkg, "golden/vectors.json"), JSON.stringify(vectors));
  const stale = run("test", "--package", pkg);
  assert.equal(stale.code, 1);
  assert.match(stale.out, /EGoldenMismatch/);
});
