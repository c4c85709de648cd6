# The project's commands. `make help` lists them.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
MOVE := node tools/move/move.mjs
# Name filter for `make move-test`: only tests whose module::function contains it.
FILTER ?=

.PHONY: help setup node-available move-build move-test toolchain-test golden golden-capture share-vectors answer-vectors fmt lint test rust-test bench-move bench-sdk bench-keeper

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

setup: ## install and start what builds and tests need (idempotent)
	@scripts/setup.sh

# Every Move target needs Node.js and the pinned compiler; say so instead of failing obscurely.
node-available:
	@command -v node >/dev/null || { echo "error: Node.js is missing, which runs the Move compiler: run \`make setup\`" >&2; exit 2; }

tools/move/node_modules/.package-lock.json: tools/move/package-lock.json | node-available
	npm ci --prefix tools/move --no-audit --no-fund --loglevel=error

move-build: tools/move/node_modules/.package-lock.json | node-available ## compile the Move package into build/move
	$(MOVE) build

move-test: tools/move/node_modules/.package-lock.json | node-available ## run the Move unit tests (FILTER=text for a subset)
	$(MOVE) test $(if $(FILTER),--filter '$(FILTER)')

toolchain-test: tools/move/node_modules/.package-lock.json | node-available ## test the Move toolchain itself (node --test)
	node --test tools/move/test/

golden: tools/move/node_modules/.package-lock.json | node-available ## regenerate tests/golden.move from golden/vectors.json
	$(MOVE) golden

golden-capture: tools/move/node_modules/.package-lock.json | node-available ## record the bytes of every golden::check in golden/vectors.json (FILTER=text for some tests)
	$(MOVE) golden --capture $(if $(FILTER),--filter '$(FILTER)')

share-vectors: ## regenerate the mined test shares (shares section of golden/vectors.json)
	cargo run -q --locked -p aihash-sdk --example share_vectors

answer-vectors: ## regenerate the keeper's answers from its journal of the honest shares (each leaf, and its calls for a challenge) and of two tampered copies (keeper_answers section of golden/vectors.json)
	cargo run -q --locked -p aihash-keeper --example answer_vectors
	$(MOVE) golden

fmt: tools/move/node_modules/.package-lock.json | node-available ## format Rust and Move sources
	cargo fmt --all
	$(MOVE) fmt

lint: setup ## formatting, clippy and the golden module, as CI checks them
	cargo fmt --all --check
	$(MOVE) fmt --check
	$(MOVE) golden --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

rust-test: ## run the Rust tests of the workspace
	cargo nextest run --workspace --locked --no-fail-fast

test: setup ## set up, then run every test: the Move unit tests, the Move toolchain's tests, the Rust workspace
	$(MAKE) --no-print-directory move-test
	$(MAKE) --no-print-directory toolchain-test
	$(MAKE) --no-print-directory rust-test

bench-move: setup ## time a cold and a warm `make move-test` (docs/BENCHMARKS.md)
	scripts/bench-move.sh

bench-sdk: ## build and sign 10,000 order transactions next to raw ed25519 signing (docs/BENCHMARKS.md)
	cargo run -q --release --locked -p aihash-sdk --example bench_signing

bench-keeper: ## share verification per core vs bare sha256d; end-to-end shares/s, added latency, idle connections (docs/BENCHMARKS.md)
	cargo run -q --release --locked -p aihash-keeper --example bench_verify
	cargo run -q --release --locked -p aihash-keeper --example bench_proxy
