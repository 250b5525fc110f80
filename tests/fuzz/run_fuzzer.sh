#!/usr/bin/env bash
# Runs one libFuzzer target on a corpus seeded from the repository.
#   run_fuzzer.sh BINARY NAME SOURCE_DIR CORPUS_DIR SECONDS   (a time-limited search)
#   run_fuzzer.sh BINARY NAME SOURCE_DIR CORPUS_DIR runs:N    (N inputs with a fixed seed:
#                                                             the same inputs every time, for CI)
set -euo pipefail
binary="$1"; name="$2"; source="$3"; corpus="$4"; seconds="$5"
mkdir -p "$corpus"
case "$name" in
  scenario) cp -n "$source"/scenarios/*.msim "$source"/tests/cli/data/*.msim "$source"/tests/fuzz/*.msim "$corpus"/ 2>/dev/null || true ;;
  ops_body) for f in "$source"/scenarios/*.msim; do sed '1,/^+++$/d' "$f" | sed '1,/^+++$/d' > "$corpus/$(basename "$f").ops"; done ;;
  vm_trace) printf '7 0 1 2 0 3 0 4\n' > "$corpus/refs"; printf 'R 0x1000\nW 0x2004\n' > "$corpus/rw";
            printf 'I  04001234,3\n L 1ffefff8,8\n S 1ffefff0,4\n M 0421c7f0,4\n' > "$corpus/lackey" ;;
  heap_trace) printf '\x03+10,+20,-0,+5' > "$corpus/ostep"; printf '\x01%s' "$(sed '1,/^+++$/d' "$source/scenarios/malloc-lab-short.msim" | sed '1,/^+++$/d')" > "$corpus/rep" ;;
  minic) for f in "$source"/tests/engine/minic/programs/*.c; do printf '\x00' > "$corpus/$(basename "$f")"; cat "$f" >> "$corpus/$(basename "$f")"; done
         # The gcc-compared corpus: preprocessor, typedef, enum, switch, static, bool (64-bit machine).
         for f in "$source"/tests/engine/minic/corpus/*.c; do printf '\x01' > "$corpus/corpus-$(basename "$f")"; cat "$f" >> "$corpus/corpus-$(basename "$f")"; done
         for f in "$source"/scenarios/*.msim; do
           grep -q '^kind = "program"' "$f" || continue
           { printf '\x01'; sed '1,/^+++$/d' "$f" | sed '1,/^+++$/d'; } > "$corpus/$(basename "$f").c"
         done ;;
  allocator_ops) printf '\x00\x04\x08\x01\x20\x03\x00\x00\x10\x02\x40\x03\x01\x00' > "$corpus/mixed"
                 printf '\x0a\x00\x01\x00\x30\x01\x00\x31\x03\x00\x00\x03\x00\x00' > "$corpus/double-free" ;;
  policy_ops) printf '\x00\x03\x00\x01\x02\x03\x04\x01\x02\x05\x01\x02\x03\x04\x05' > "$corpus/belady"
              printf '\x02\x04\x03\x07\x00\x01\x02\x00\x03\x00\x44\x02\x03\x00\x43\x02' > "$corpus/tlb" ;;
  page_api) printf '\x01"belady-fifo"\n\x02 3\n\x03 1\n\x07{"frames":4,"policy":"lru"}\n\x06null\n\x04 2' > "$corpus/calls"
            { printf '\x00'; node -e 'process.stdout.write(JSON.stringify(require("fs").readFileSync(process.argv[1], "utf8")))' "$source/scenarios/factorial.msim"; printf '\n\x05\n\x06\n'; } > "$corpus/load" ;;
esac
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
if [[ "$seconds" == runs:* ]]; then
  budget=(-seed=1 -runs="${seconds#runs:}")
else
  budget=(-max_total_time="$seconds")
fi
"$binary" "$corpus" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -print_final_stats=1 2>&1 | tail -n 12
