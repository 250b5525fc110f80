#!/usr/bin/env bash
# Sets up, builds everything (native debug with sanitizers, native release, web) and
# runs every test: engine tests natively, under ASan/UBSan and as WASM under Node, the
# CLI tests, the desktop window test under Xvfb and the headless Chromium test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/tools/setup.sh"
start=$(date +%s)
"$root/tools/build.sh" release debug web
status=0
for preset in release debug web; do
  echo "== test: $preset"
  ctest --preset "$preset" -j2 || status=1
done
echo "== artifacts (screenshots): build/release/artifacts build/web/artifacts"
echo "== total build and test time: $(( $(date +%s) - start )) s"
exit $status
