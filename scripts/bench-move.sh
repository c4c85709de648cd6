#!/usr/bin/env bash
# Times the Move toolchain: a cold `make move-test` (fresh `npm ci` of the compiler, then the
# tests) and warm runs, against a baseline measured in the same run: build+test of a one-module
# package, the fixed cost of WASM start-up and compiling the Sui framework.
# Target (issue 2): warm Move build+test of the whole package under 15 s.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

time_cmd() { # prints seconds taken by "$@", output discarded; fails loudly if the command fails
  local start end
  start=$(now)
  "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }
  end=$(now)
  echo "$(elapsed "$start" "$end")"
}

baseline=$(mktemp -d)
trap 'rm -rf "$baseline"' EXIT
mkdir -p "$baseline/sources"
printf '[package]\nname = "baseline"\nedition = "2024"\n\n[addresses]\nbaseline = "0x0"\n' >"$baseline/Move.toml"
printf 'module baseline::one;\n\npublic fun one(): u64 { 1 }\n\n#[test]\nfun one_is_one() { assert!(one() == 1); }\n' \
  >"$baseline/sources/one.move"

rm -rf tools/move/node_modules
cold_install=$(time_cmd npm ci --prefix tools/move --no-audit --no-fund)
cold_test=$(time_cmd node tools/move/move.mjs test)
warm=$(for _ in $(seq "$RUNS"); do time_cmd node tools/move/move.mjs test; done | median)
warm_build=$(for _ in $(seq "$RUNS"); do time_cmd node tools/move/move.mjs build; done | median)
base=$(for _ in $(seq "$RUNS"); do time_cmd node tools/move/move.mjs test --package "$baseline"; done | median)
tests=$(node tools/move/move.mjs test 2>/dev/null | sed -n 's/.*Total tests: \([0-9]*\);.*/\1/p')

echo "Move toolchain benchmark ($(nproc) cores, median of $RUNS warm runs, $tests Move tests)"
printf '  cold: npm ci %6ss + first move-test %6ss\n' "$cold_install" "$cold_test"
printf '  warm move-test (aihash)      %6ss\n' "$warm"
printf '  warm move-build (aihash)     %6ss\n' "$warm_build"
printf '  baseline one-module test     %6ss\n' "$base"
printf '  aihash over baseline         %6ss\n' "$(elapsed "$base" "$warm")"
if awk -v w="$warm" 'BEGIN { exit !(w < 15) }'; then
  echo "  target warm build+test < 15 s: met"
else
  echo "  target warm build+test < 15 s: MISSED"
fi
