#!/usr/bin/env bash
# Sets up, builds everything (native release; native debug with sanitizers, which also
# links the libFuzzer targets; web) and runs every test: engine tests natively, under ASan/UBSan and as
# WASM under Node, the CLI and golden scenario runs, the desktop window test under Xvfb,
# the headless Chromium tests, and each fuzzer for a short fixed time (tools/fuzz.sh runs
# them longer). Ends with the time of each phase, so a slow one is seen at once.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
phases=()
timed() {  # timed NAME COMMAND...: runs it and keeps "NAME: N s"; returns its status
  local name="$1" began status=0
  shift
  began=$(date +%s)
  "$@" || status=$?
  phases+=("$name: $(( $(date +%s) - began )) s")
  return $status
}
timed setup "$root/tools/setup.sh"
start=$(date +%s)
for preset in release debug web; do
  timed "build $preset" "$root/tools/build.sh" "$preset"
done
status=0
for preset in release debug web; do
  echo "== test: $preset"
  timed "test $preset" ctest --preset "$preset" -j2 || status=1
done
echo "== artifacts (screenshots): build/release/artifacts build/web/artifacts"
echo "== time of each phase"
printf '   %s\n' "${phases[@]}"
echo "== total build and test time: $(( $(date +%s) - start )) s"
exit $status
