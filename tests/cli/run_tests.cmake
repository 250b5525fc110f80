# memsim run / memsim check end to end.
memsim_cli_test(run-belady "page faults: +9" run "${PROJECT_SOURCE_DIR}/scenarios/belady-fifo.msim")
memsim_cli_test(run-json "\"totalSteps\": 12" run "${PROJECT_SOURCE_DIR}/scenarios/belady-fifo.msim" --json)
memsim_cli_test(run-until "\"step\": 3" run "${PROJECT_SOURCE_DIR}/scenarios/belady-fifo.msim" --json --until 3)
memsim_cli_test(check-all "ok \\(12 steps, 4 answers checked\\)" check "${PROJECT_SOURCE_DIR}/scenarios/belady-fifo.msim")
memsim_cli_error_test(run-missing-file "cannot open file" run "${PROJECT_SOURCE_DIR}/scenarios/no-such-file.msim")
memsim_cli_error_test(check-bad-file "bad-frames.msim:5:10: vm.frames must be a whole number" check
                      "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/bad-frames.msim")
memsim_cli_error_test(run-bad-until "--until needs a step number" run "${PROJECT_SOURCE_DIR}/scenarios/belady-fifo.msim" --until x)
# The benchmark runs (smaller sizes) and prints every section; it never fails on time.
memsim_cli_test(bench-quick "\"seek_ms\"" bench --quick --json)
