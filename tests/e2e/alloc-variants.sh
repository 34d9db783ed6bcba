#!/usr/bin/env bash
# Builds dist/ once per variant into target/alloc/NAME/ (report-charts.js + report-charts_bg.wasm),
# for tests/e2e/alloc-bench.mjs. See docs/measurements.md.
#
#   current         the build as committed, short imports on (tools/short-imports.mjs)
#   std             std's default wasm allocator (dlmalloc): every #[global_allocator] line removed
#   talc            talc 5.1.1 (crates.io), talc::wasm::new_wasm_dynamic_allocator()
#   talc-small      the same with talc's "disable-realloc-in-place" feature (its size option)
#   lol             lol_alloc 0.4.1, AssumeSingleThreaded<FreeListAllocator>
#   noshort         current, but `make dist SHORT_IMPORTS=0` (no import renaming)
#
# usage: tests/e2e/alloc-variants.sh [NAME...]   (default: all of the above)
# It edits files under src/ and Cargo.toml/Cargo.lock for a build and restores them from git
# afterwards (also on failure), so it refuses to start while those have uncommitted changes; dist/
# is rebuilt as committed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

FILES=(src Cargo.toml Cargo.lock)
if ! git diff --quiet HEAD -- "${FILES[@]}"; then
  echo "alloc-variants: commit or stash your changes to ${FILES[*]} first" >&2
  exit 1
fi
restore() { git checkout -q HEAD -- "${FILES[@]}"; }
trap 'restore; echo "alloc-variants: sources restored"' EXIT

# Drops the committed allocator: its static stays, unused (a warning), so std's default is left.
no_alloc() { sed -i '/#\[global_allocator\]/d' src/*.rs; }
# A dependency for the wasm build only (replacing a committed one of that name), after js-sys.
# talc stays optional: the `widget` feature names it (`dep:talc`).
add_dep() { sed -i "/^$1 = /d" Cargo.toml; sed -i "/^js-sys = /a $1 = $2" Cargo.toml; }
# The replacement allocator goes at the end of lib.rs.
use_alloc() {
  no_alloc
  printf '\n#[cfg(all(target_arch = "wasm32", feature = "widget"))]\n#[global_allocator]\n%s\n' "$1" >> src/lib.rs
}

variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(current std talc talc-small lol noshort)
for v in "${variants[@]}"; do
  restore
  short=1
  case "$v" in
    current) ;;
    noshort) short=0 ;;
    std) no_alloc ;;
    talc)
      add_dep talc '{ version = "=5.1.1", optional = true }'
      use_alloc 'static VARIANT_ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();' ;;
    talc-small)
      add_dep talc '{ version = "=5.1.1", features = ["disable-realloc-in-place"], optional = true }'
      use_alloc 'static VARIANT_ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();' ;;
    lol)
      add_dep lol_alloc '"=0.4.1"'
      use_alloc '// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
static VARIANT_ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };' ;;
    *) echo "alloc-variants: unknown variant $v" >&2; exit 1 ;;
  esac
  echo "== alloc-variants: $v =="
  make dist SHORT_IMPORTS=$short
  mkdir -p "target/alloc/$v"
  cp dist/report-charts.js dist/report-charts_bg.wasm "target/alloc/$v/"
done
restore
echo "== alloc-variants: dist/ as committed =="
make dist
