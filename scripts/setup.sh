#!/usr/bin/env bash
# Installs and starts what the build and tests need on a fresh machine; safe to run again when all
# of it is already there. Every step says what it does and fails with what to do next.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '==> %s\n' "$*"; }
fail() { printf 'setup failed: %s\n' "$*" >&2; exit 1; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    step "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update (needs Debian's package mirror)"
    apt_updated=1
  fi
  step "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || fail "apt-get install $* (run as root with Debian's package mirror reachable)"
}

# Node runs the Move compiler (WASM); Debian's nodejs/npm when the machine has none.
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
step "npm ci (tools/move: Move compiler and formatter, pinned in package-lock.json)"
npm ci --prefix tools/move --no-audit --no-fund --loglevel=error >/dev/null \
  || fail "npm ci --prefix tools/move (needs the npm registry)"
step "npm ci (keeper/interop: third-party Stratum packages for the interop tests)"
npm ci --prefix keeper/interop --no-audit --no-fund --loglevel=error >/dev/null \
  || fail "npm ci --prefix keeper/interop (needs the npm registry)"

# The Sui framework sources come from the moverox-sui crate; cargo fetch brings every crate.
step "cargo fetch --locked"
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked || fail "cargo fetch --locked (needs crates.io)"

# Real Bitcoin mainnet retarget data for the proof-of-work tests; libpq for diesel.
dpkg -s python3-electrum >/dev/null 2>&1 || apt_install python3-electrum
dpkg -s libpq-dev >/dev/null 2>&1 || apt_install libpq-dev

command -v cargo-nextest >/dev/null || {
  step "cargo install cargo-nextest --locked"
  cargo install cargo-nextest --locked >/dev/null 2>&1 || fail "cargo install cargo-nextest"
}

# PostgreSQL for the indexer's tests (trust auth on 127.0.0.1:5432, database `test`).
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  step "start PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start \
    || fail "could not start PostgreSQL (pg_ctlcluster)"
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL did not come up on 127.0.0.1:5432"
fi
step "setup done"
