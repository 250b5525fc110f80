# memsim heap: end-to-end checks, including bad input (exit code 2).
memsim_cli_test(heap-ostep-readme
  "ptr\\[2\\] = Alloc\\(8\\) returned 1008 \\(searched 3 elements\\)\nFree List \\[ Size 2 \\]: \\[ addr:1000 sz:8 \\]\\[ addr:1020 sz:80 \\]"
  heap --allocator ostep --size 100 --base 1000 --header 4 --align 4 --policy BEST --order ADDRSORT --ops "+3,-0,+5,-1,+8")
memsim_cli_test(heap-ostep-json
  "\"block\": 1000,[^}]*\"op\": \"alloc\",[^}]*\"ptr\": 1004,[^}]*\"searched\": 1"
  heap --allocator ostep --header 4 --align 4 --coalesce --ops "+3,-0" --json)
memsim_cli_test(heap-ostep-skip "\"skipped\": true"
  heap --allocator ostep --ops "+3,-5" --json)
memsim_cli_test(heap-explicit-double-free "double free: 0x10000010 was already freed"
  heap --allocator explicit-lifo --ops "+10,+20,-0,-0")
memsim_cli_test(heap-json-metrics "\"utilisation\": [0-9.]+"
  heap --allocator segregated --ops "+10,+20,-1" --json)
memsim_cli_test(heap-compare "implicit-best[^\n]*\nbuddy"
  heap --compare implicit-best,buddy,slab --ops "+100,+200,-0,+50")
memsim_cli_test(heap-help "usage: memsim heap" heap --help)
memsim_cli_error_test(heap-unknown-allocator "unknown allocator 'buddi'; did you mean 'buddy'"
  heap --allocator buddi --ops "+1")
memsim_cli_error_test(heap-bad-op "--ops 1:5: expected \\+size or -index, found 'x'"
  heap --allocator implicit-first --ops "+10,x")
memsim_cli_error_test(heap-free-before-alloc "free of id 2 before it was allocated"
  heap --allocator implicit-first --ops "+10,-2")
memsim_cli_error_test(heap-bad-size "--size expects a number, found 'big'"
  heap --allocator ostep --size big --ops "+1")
memsim_cli_error_test(heap-ostep-zero-heap "the heap size must be at least 1 byte"
  heap --allocator ostep --size 0 --ops "+1")
memsim_cli_error_test(heap-bad-order "--order expects ADDRSORT"
  heap --allocator ostep --order SIZESORT --ops "+1")
memsim_cli_error_test(heap-no-input "give exactly one of --ops and --trace"
  heap --allocator buddy)
memsim_cli_error_test(heap-missing-trace "heap-missing.rep"
  heap --allocator buddy --trace heap-missing.rep)
memsim_cli_error_test(heap-bad-trace "bad.rep:5:1: expected 'a', 'r', 'c' or 'f', found 'x'"
  heap --allocator buddy --trace "${CMAKE_CURRENT_SOURCE_DIR}/cli/heap/bad.rep")
memsim_cli_test(heap-trace "util [0-9.]+%, ops 5"
  heap --allocator implicit-first --trace "${CMAKE_CURRENT_SOURCE_DIR}/cli/heap/short.rep")
# The glibc model: offsets as the real glibc 2.36 returns them (checked by glibc-oracle).
memsim_cli_test(heap-glibc "0 0x2a0 520\n1 0x4b0 136\n0 0x540 648"
  heap --allocator glibc --check --trace "${CMAKE_CURRENT_SOURCE_DIR}/cli/heap/short.rep")
memsim_cli_test(heap-glibc-events "the tcache bin for 144-byte chunks, now 1 chunk"
  heap --allocator glibc --events --trace "${CMAKE_CURRENT_SOURCE_DIR}/cli/heap/short.rep")
# --json: the heap's JSON with the arena at the end (the tcache struct is the first chunk).
memsim_cli_test(heap-glibc-json "\"arena\": {.*\"kind\": \"tcache\".*\"tcache_struct\": 268435456"
  heap --allocator glibc --json --trace "${CMAKE_CURRENT_SOURCE_DIR}/cli/heap/short.rep")
# A plain C program gets glibc's malloc: run --json carries its arena.
memsim_cli_test(run-plain-c-glibc-arena "\"arena\": {.*\"mmap_threshold\": 131072.*\"tcache_struct\": 4210688"
  run "${CMAKE_CURRENT_SOURCE_DIR}/cli/leaks/lost_list.c" --json)
