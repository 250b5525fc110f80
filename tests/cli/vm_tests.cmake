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
