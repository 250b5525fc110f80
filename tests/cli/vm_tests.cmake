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

# Bounded cost (issues #17, #22): paging runs in memory proportional to what they do.
# The bounds are ten times the goals; the figures are printed; before-figures in comments.
memsim_cli_test(replace-many-frames-table "faults 100, hits 0"
                replace --policy lru --frames 1048576 --refs 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99)
memsim_cli_test(replace-steps-compact "\"step_fields\": \\[.*\"page\".*\"steps\": \\[\n +\\[1,0,0,0,null,0\\],\n +\\[2,1,0,1,null,0\\],\n +\\[1,0,1,0,null,0\\]"
                replace --policy lru --frames 2 --refs 1,2w,1 --json --steps)
memsim_cli_error_test(replace-endless-input "has a line longer than 1 MiB" replace --policy lru --frames 2 --trace /dev/zero)
find_program(MEMSIM_PYTHON3 python3)
if(NOT EMSCRIPTEN AND NOT MEMSIM_SANITIZE AND MEMSIM_PYTHON3)
  # 100 references with 1,048,576 frames: goal 16 MB (was 10 GB: every step copied every frame).
  set(hundred "0")
  foreach(i RANGE 1 99)
    string(APPEND hundred ",${i}")
  endforeach()
  memsim_bounded_test(replace-many-frames-json "\"unlisted_free_frames\": 1048476" 160 60
                      replace --policy lru --frames 1048576 --refs ${hundred} --json)
  # A 4-million-line trace (28 MB of text), written once for the tests below.
  set(long_trace "${CMAKE_BINARY_DIR}/cost/trace-4m.refs")
  add_test(NAME cli-make-long-trace
           COMMAND ${MEMSIM_PYTHON3} -c "import os,random\nrandom.seed(4)\nos.makedirs(os.path.dirname('${long_trace}'),exist_ok=True)\nb=0\nout=[]\nfor i in range(4000000):\n  if random.random()<0.001: b=random.randrange(1<<20)\n  out.append(str((b+random.randrange(64))%(1<<20))+('w' if i%5==0 else ''))\nopen('${long_trace}','w').write('\\n'.join(out)+'\\n')")
  set_tests_properties(cli-make-long-trace PROPERTIES FIXTURES_SETUP long-trace TIMEOUT 300)
  # Usage: long_trace_test(NAME REGEX MAX_MB args...): the trace's goal is ~6 bytes per
  # reference (24 MB) plus the page table; output goes through `tail` so only the end is kept.
  function(long_trace_test name regex max_mb)
    memsim_bounded_test(${name} "${regex}" ${max_mb} 300 ${ARGN})
    set_tests_properties(cli-${name} PROPERTIES FIXTURES_REQUIRED long-trace)
  endfunction()
  # Was 36 bytes per reference (746 MB on 20M lines).
  long_trace_test(replace-long-summary "4000000 references\nfaults [0-9]+, hits" 400
                  replace --policy fifo --frames 1024 --trace ${long_trace} --summary)
  # The full table streams row by row (was 12 GB for a 200 MB trace).
  long_trace_test(replace-long-table "^ *4000000 +[0-9]+w? .*\nfaults [0-9]+, hits [0-9]+, writebacks [0-9]+" 400
                  replace --policy clock --frames 64 --trace ${long_trace} | tail -n 2)
  # --json leaves the steps out past 10,000 references; --steps streams compact rows.
  long_trace_test(replace-long-json "\"steps_left_out\"" 400
                  replace --policy lru --frames 64 --trace ${long_trace} --json)
  long_trace_test(replace-long-json-steps "\\[[0-9]+,[01],[01],[0-9]+,([0-9]+|null),[01]\\]\n  \\],\n  \"writebacks\"" 400
                  replace --policy lru --frames 64 --trace ${long_trace} --json --steps | tail -n 5)
  # workingset streams its rows too (was 7.7 GB for a 200 MB trace).
  long_trace_test(workingset-long "^ *3999999 +[0-9]+ +[0-9]+" 400
                  workingset --trace ${long_trace} --delta 1000 --frames 64 | tail -n 1)
  # LRU and OPT sweep every frame count in one pass (was one run per frame count).
  long_trace_test(replace-long-sweep-lru "1048576:[0-9]+\nBelady anomalies at frame counts: none" 600
                  replace --policy lru --frames 64 --trace ${long_trace} --summary --sweep 1-1048576 | tail -c 200)
  memsim_cli_error_test(replace-fifo-sweep-cost "a fifo sweep runs the trace once per frame count"
                        replace --policy fifo --frames 2 --trace ${long_trace} --sweep 1-1048576 --json)
  set_tests_properties(cli-replace-fifo-sweep-cost PROPERTIES FIXTURES_REQUIRED long-trace)
  long_trace_test(replace-long-sweep-opt "256:[0-9]+\nBelady anomalies at frame counts: none" 600
                  replace --policy opt --frames 64 --trace ${long_trace} --summary --sweep 1-256 | tail -c 200)
endif()
