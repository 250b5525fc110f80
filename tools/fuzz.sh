#!/usr/bin/env bash
# Runs every libFuzzer target for longer than the test suite does.
#   tools/fuzz.sh [SECONDS_PER_TARGET]   (default 600)
# Corpora grow in build/fuzz/fuzz-corpus/NAME; crashes are written to the current folder
# as crash-*/oom-*/timeout-* files: turn each into a regression test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
targets=(scenario ops_body vm_trace heap_trace minic allocator_ops policy_ops page_api)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}"
for target in "${targets[@]}"; do
  echo "== fuzz_$target for $seconds s"
  "$root/tests/fuzz/run_fuzzer.sh" "$root/build/fuzz/tests/fuzz/fuzz_$target" "$target" "$root" \
    "$root/build/fuzz/fuzz-corpus/$target" "$seconds"
done
