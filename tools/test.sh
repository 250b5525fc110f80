#!/usr/bin/env bash
# Sets up, builds everything (native debug with sanitizers, native release, web, the
# libFuzzer targets) and runs every test: engine tests natively, under ASan/UBSan and as
# WASM under Node, the CLI and golden scenario runs, the desktop window test under Xvfb,
# the headless Chromium tests, and each fuzzer for a short fixed time (tools/fuzz.sh runs
# them longer).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/tools/setup.sh"
start=$(date +%s)
"$root/tools/build.sh" release debug web fuzz
status=0
for preset in release debug web fuzz; do
  echo "== test: $preset"
  ctest --preset "$preset" -j2 || status=1
done
echo "== artifacts (screenshots): build/release/artifacts build/web/artifacts"
echo "== total build and test time: $(( $(date +%s) - start )) s"
exit $status
