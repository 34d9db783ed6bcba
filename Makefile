# report-charts: `make demo` and `make test` are all a newcomer needs. Every target runs `setup`
# first, which installs only what is missing (see .ci/setup). The build itself is one Node script,
# tools/build.mjs (its comments say why each step and flag is there); the targets below call it.

PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
# `make dist SHORT_IMPORTS=0` skips the import renaming (to measure what it saves: docs/measurements.md).
SHORT_IMPORTS ?= 1
GECKODRIVER ?= $(shell command -v geckodriver || echo $(HOME)/.cargo/bin/geckodriver)
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: setup dist demo test lint test-unit test-native test-crate test-browsers test-e2e clippy screenshots

setup:
	@.ci/setup

# cargo release build → wasm-bindgen --target no-modules → short import names → wasm-opt -Oz →
# esbuild bundles src/loader/ and the glue into one classic script (minified) → sizes.
dist: setup
	SHORT_IMPORTS=$(SHORT_IMPORTS) node tools/build.mjs dist

demo: dist
	@echo "report-charts gallery: http://127.0.0.1:$(PORT)/  (builder: http://127.0.0.1:$(PORT)/builder.html)"
	python3 .ci/serve.py --port $(PORT)

test: setup lint test-unit test-native test-crate clippy dist size-guard test-browsers test-e2e test-npm
	@echo "make test: all passed"

# eslint.config.js says what is linted, and with which globals.
lint: setup
	node_modules/.bin/eslint .

# Node 20's --test takes a directory and runs its *.test.mjs (Node 21+ takes globs instead).
test-unit: setup
	node --test tests/unit/

# The PNG output (feature png: resvg, system fonts) is tested by its own CLI tests, and the CLI's
# other tests run again with it, as their SVG is then laid out with the font files.
test-native:
	cargo test --all-targets
	cargo test --features png --lib fonts
	cargo test --features png --test cli --test png

# The wasm library both ways: as a Rust app's dependency (no features) and as the widget (dist/).
clippy:
	cargo clippy --lib --bins -- -D warnings
	cargo clippy --lib --bins --tests --features png -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --features widget -- -D warnings

# The crate as a Rust user gets it: the doctests (native), the docs without a warning on both
# targets (natively with `png`, whose API is native only), the wasm library and the canvas example without the widget, and `cargo package`
# (publish = false: it checks what the package holds, that build.rs finds the bundled dataset in
# it, and that it builds from it alone; --allow-dirty for a work tree with changes).
test-crate:
	cargo test --doc
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --features png
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target $(WASM_TARGET)
	cargo build --lib --target $(WASM_TARGET)
	cargo build --example canvas --target $(WASM_TARGET)
	cargo package --allow-dirty --list
	cargo package --allow-dirty

# tests/web.rs drives the widget's exports, so the widget is built (`--features widget`).
test-browsers: setup
	@echo "== wasm-pack test: headless Chromium =="
	CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install --features widget
	@echo "== wasm-pack test: headless Firefox =="
	GECKODRIVER=$(GECKODRIVER) wasm-pack test --headless --firefox --geckodriver $(GECKODRIVER) --mode no-install --features widget

test-e2e: dist
	@echo "== end-to-end: real pages in headless Chromium =="
	node tests/e2e/run.mjs
	@echo "== end-to-end: embedding and hardening in headless Firefox (WebDriver) =="
	GECKODRIVER=$(GECKODRIVER) node tests/e2e/firefox.mjs
	@echo "== end-to-end: embedding, hardening and the keyboard in WebKit (WebKitWebDriver, MiniBrowser on Xvfb) =="
	node tests/e2e/webkit.mjs

screenshots: dist
	node tests/e2e/screenshots.mjs

# The npm package (not published from here): `make package` writes target/npm/package/ and its
# `npm pack` tarball; `make test-npm` installs the tarball into a scratch project and uses it from
# Node (as server-side rendering imports it), tsc --noEmit, esbuild, a Vite build, and module pages in Chromium.
.PHONY: package test-npm
package: dist
	node tools/build.mjs package

test-npm: package
	@echo "== npm package: installed from its tarball, in Node, tsc, esbuild and headless Chromium =="
	node tests/npm/package.mjs

# A real screen reader, on demand (not part of `make test`: it needs Orca, Xvfb and AT-SPI, and one
# screen reader per session bus): Orca 43 reading Firefox ESR, keys by xdotool, speech from Orca's
# log; writes docs/transcripts/orca-firefox-{zh,en}.txt and fails when a step is not said once.
.PHONY: test-screen-reader
test-screen-reader: dist
	@command -v orca >/dev/null && command -v Xvfb >/dev/null && command -v xdotool >/dev/null || \
	  { echo "test-screen-reader needs: apt-get install orca xvfb at-spi2-core dbus-x11 xdotool python3-pyatspi"; exit 1; }
	tests/screen-reader/run.sh

# Issues 8 and 17 (performance), on demand only (not part of `make test`).
# `make size`: shipped sizes (raw, gzip -9), the wasm's parts and the top wasm items by twiggy; fails
# when the gzip total of js + wasm is over BUDGET_KB (default 80, issue 17's budget): `make size BUDGET_KB=150`.
# `make size-guard` (in `make test`): fails over SIZE_CEILING_KB, the regression ceiling (default and
# history in tools/size.mjs).
# `make size-floor`: what the required stack alone costs (.ci/floor), built as dist is.
# `make bench`: the same board drawn by report-charts, ECharts and Chart.js in headless Chromium,
# unthrottled and at 4× CPU; every figure of issue 17 (transfer against the 80 KB budget, first paint,
# longest task and total blocking time to it, start-up, hover repaint, memory) with ratios, in three
# rounds of N = 20 runs (about 15 min on 2 cores); prints the medians and each round's ratios, writes
# tests/e2e/out/bench.{json,md} (bench.md: the README table). Smaller: `make bench N=5 BENCH_ROUNDS=1`,
# BENCH_THROTTLE=0 (no throttled runs), BENCH_TRACE=0, BENCH_EMBEDS=0; the others in tests/e2e/bench.mjs.
.PHONY: size size-guard size-floor bench
size: dist
	node tools/build.mjs size $(BUDGET_KB)

size-guard: dist
	node tools/build.mjs size-guard

size-floor: setup
	node tools/build.mjs size-floor

bench: dist
	node tests/e2e/bench.mjs

# Allocator and short-imports measurements (docs/measurements.md), on demand only: builds dist/ once per
# variant into target/alloc/NAME/ (tests/e2e/alloc-variants.sh; ALLOC_VARIANTS="heap talc" for a
# subset), then measures gzip sizes, wasm memory over repeated loads of a ×20 dataset and over
# 1,000 render/destroy cycles, and board render time (tests/e2e/alloc-bench.mjs; LOADS, COPIES,
# CYCLES, RENDERS, ROUNDS). Writes tests/e2e/out/alloc-bench.{json,md}. About 30 min on 2 cores.
ALLOC_VARIANTS ?=
.PHONY: alloc-bench
alloc-bench: setup
	tests/e2e/alloc-variants.sh $(ALLOC_VARIANTS)
	node tests/e2e/alloc-bench.mjs $(ALLOC_VARIANTS)
