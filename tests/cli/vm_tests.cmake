# End-to-end checks of the paging subcommands (replace, translate, tlb, thrash).
set(SILBERSCHATZ "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1")
memsim_cli_test(replace-fifo-published "faults 15, hits 5" replace --policy fifo --frames 3 --refs ${SILBERSCHATZ})
memsim_cli_test(replace-lru-published "faults 12, hits 8" replace --policy lru --frames 3 --refs ${SILBERSCHATZ})
memsim_cli_test(replace-opt-published "faults 9, hits 11" replace --policy opt --frames 3 --refs ${SILBERSCHATZ})
memsim_cli_test(replace-json "\"faults\": 15,.*\"steps\": \\[.*\"victim\": 7"
                replace --policy fifo --frames 3 --refs ${SILBERSCHATZ} --json)
memsim_cli_test(replace-sweep "\"anomalies\": \\[[ \n]*4[ \n]*\\]"
                replace --policy fifo --frames 3 --refs 1,2,3,4,1,2,5,1,2,3,4,5 --sweep 1-6 --json)
memsim_cli_test(replace-trace-rw "faults 3, hits 1"
                replace --policy lru --frames 2 --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/small.rw --format rw)
memsim_cli_error_test(replace-unknown-policy "unknown policy 'lruu' \\(did you mean 'lru'\\?\\)"
                      replace --policy lruu --frames 3 --refs 1,2)
memsim_cli_error_test(replace-zero-frames "--frames must be between 1" replace --policy lru --frames 0 --refs 1,2)
memsim_cli_error_test(replace-page-size "page size 1000 is not a power of two"
                      replace --policy lru --frames 2 --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/small.rw
                      --format rw --page-size 1000)
memsim_cli_error_test(replace-bad-line "bad.rw:3:1: expected R or W, found 'Q'"
                      replace --policy lru --frames 2 --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/bad.rw --format rw)
memsim_cli_error_test(replace-bad-refs "1:3: expected a page number" replace --policy lru --frames 2 --refs "1,x")
memsim_cli_error_test(replace-missing-file "small.nope" replace --policy lru --frames 2 --trace small.nope)

memsim_cli_test(translate-x86 "index0=1 \\(0000000001\\) index1=3 .*entry 3 at 0x100c.*physical address 0x4 "
                translate --layout x86-32 --addr 0x00403004)
memsim_cli_test(translate-json "\"walk\": \\[" translate --layout teaching --addr 0x1234 --json)
memsim_cli_test(translate-custom "split 6/6/8" translate --va-bits 20 --page-size 256 --levels 6,6 --addr 0x12345)
memsim_cli_error_test(translate-too-wide "address 0x8000 is wider than the 15-bit address space"
                      translate --layout teaching --addr 0x8000)
memsim_cli_error_test(translate-bad-layout "unknown layout 'x86-33' \\(did you mean 'x86-32'\\?\\)"
                      translate --layout x86-33 --addr 0x1)
memsim_cli_error_test(translate-page-size "page size 3000 is not a power of two"
                      translate --va-bits 32 --page-size 3000 --addr 0x1)
memsim_cli_test(tlb-belady "page faults 10 .*writebacks 1" tlb --refs 1,2,3,4,1,2w,5,1,2,3,4,5 --frames 3)
memsim_cli_test(tlb-json "\"effective_access_time_ns\"" tlb --refs 1,1,1,2 --frames 2 --json)
memsim_cli_error_test(tlb-bad-shape "power-of-two number of sets" tlb --refs 1 --tlb-entries 12 --tlb-ways 4)
memsim_cli_error_test(tlb-opt "opt needs the whole future trace" tlb --refs 1 --policy opt)
memsim_cli_test(thrash-curve "degree active.*\n +8 +4 +64" thrash --references 20000 --load-control)
memsim_cli_error_test(thrash-bad-wss "working sets must be 1..1048576 pages" thrash --wss 4,0)
memsim_cli_test(workingset-window "4 +4 +4 +yes.*\\{1,2,3,4\\}" workingset --refs 1,2,1,3,4,4,4,4 --delta 4)
memsim_cli_error_test(workingset-no-delta "--delta is required" workingset --refs 1,2)
memsim_cli_test(bench-paging-quick "kernel fifo" bench --only paging --quick)
memsim_cli_test(replace-lackey "\"victim\": 8384512,.*\"writebacks\": 1"
                replace --policy lru --frames 2 --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/small.lackey --format lackey --json)
memsim_cli_error_test(replace-bad-format "unknown trace format 'csv'"
                      replace --policy lru --frames 2 --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/small.rw --format csv)
memsim_cli_error_test(replace-bad-sweep "--sweep needs MIN-MAX" replace --policy lru --frames 2 --refs 1,2 --sweep 5-2)
memsim_cli_test(tlb-processes "2 processes, global replacement.*TLB hits 2, misses 4"
                tlb --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/two.rw --format rw --frames 4)
memsim_cli_test(tlb-no-asid "TLB hits 0, misses 6.*TLB flushes 4"
                tlb --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/two.rw --format rw --frames 4 --no-asid --scope local)
memsim_cli_error_test(replace-processes "the trace names processes"
                      replace --policy lru --frames 2 --trace ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/two.rw --format rw)
memsim_cli_test(replace-explain "evicted page 2 from frame 1 \\(lru evicts the least recently used page\\); it was dirty"
                replace --policy lru --frames 2 --refs 1,2w,1,3 --explain)
