#!/usr/bin/env bash
# Runs every benchmark and prints the figures of BENCHMARKS.md: the engine natively
# (`memsim bench`), the same benchmark compiled to WebAssembly under Node, their ratios,
# and the page in headless Chromium. Measures only; fails only when something cannot run.
#   tools/bench.sh [--quick] [--no-build] [--no-page]
# Writes build/bench/{native,wasm,page,report}.json; report.json is the native JSON with
# `wasm` (the WASM figures and WASM/native ratios) and `page` added.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=() build=1 page=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    --no-build) build=0 ;;
    --no-page) page=0 ;;
    *) echo "usage: tools/bench.sh [--quick] [--no-build] [--no-page]" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  tools/setup.sh
  tools/build.sh release web
fi
out=build/bench
mkdir -p "$out"
echo "== native: build/release/engine/memsim bench --json ${quick[*]}"
build/release/engine/memsim bench --json "${quick[@]}" > "$out/native.json"
echo "== wasm: node --no-experimental-fetch build/web/engine/memsim.js bench --json ${quick[*]}"
node --no-experimental-fetch build/web/engine/memsim.js bench --json "${quick[@]}" > "$out/wasm.json"
page_args=()
if [ "$page" = 1 ]; then
  echo "== page: node tests/browser/bench.mjs --dist build/web/web-dist --json ${quick[*]}"
  node tests/browser/bench.mjs --dist build/web/web-dist --artifacts build/web/artifacts --json "${quick[@]}" > "$out/page.json"
  page_args=(--page "$out/page.json")
fi
node tools/bench_report.mjs --native "$out/native.json" --wasm "$out/wasm.json" "${page_args[@]}" --out "$out/report.json"
