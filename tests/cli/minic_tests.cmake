# memsim minic: runs MiniC programs on the flat test machine.
set(MINIC_PROGRAMS "${CMAKE_CURRENT_SOURCE_DIR}/engine/minic/programs")
memsim_cli_test(minic-factorial "fact\\(5\\) = 120.*exited with code 0.*calls: 6.*max depth: 6"
                minic "${MINIC_PROGRAMS}/factorial.c")
memsim_cli_test(minic-ilp32 "A 3 4 10 20.12 16" minic "${MINIC_PROGRAMS}/structs.c" --model ilp32)
memsim_cli_test(minic-json "\"max_depth\": 7.*\"output\": \"fib\\(6\\) = 8 after 25 calls"
                minic "${MINIC_PROGRAMS}/fibonacci.c" --json)
memsim_cli_test(minic-trace "\\[2\\] Line 10 runs.*\\[2\\] Line 10 calls fact" minic "${MINIC_PROGRAMS}/factorial.c" --trace)
memsim_cli_test(minic-leak "memory leak: 2 heap blocks \\(24 bytes\\) were never freed" minic "${MINIC_PROGRAMS}/leak.c")
memsim_cli_test(minic-double-free "stopped: double free" minic "${MINIC_PROGRAMS}/double_free.c")
memsim_cli_test(minic-step-limit "paused: still running after 500 steps: paused" minic "${MINIC_PROGRAMS}/endless_loop.c" --steps 500)
memsim_cli_test(minic-bench "statements/s" bench --quick --only minic)
memsim_cli_error_test(minic-syntax-error "parse_error.c:3:15: expected ';' after the expression, found 'int'"
                      minic "${CMAKE_CURRENT_SOURCE_DIR}/cli/minic/parse_error.c")
memsim_cli_error_test(minic-unsupported "unsupported.c:2:5: long double is not supported in MiniC"
                      minic "${CMAKE_CURRENT_SOURCE_DIR}/cli/minic/unsupported.c")
memsim_cli_error_test(minic-missing-file "memsim minic: .*no-such-file.c" minic no-such-file.c)
memsim_cli_error_test(minic-bad-steps "--steps needs a positive number" minic "${MINIC_PROGRAMS}/factorial.c" --steps many)
memsim_cli_test(minic-json-trace "\"kind\": \"call\".*\"line\": 10" minic "${MINIC_PROGRAMS}/factorial.c" --json --trace)
# Standard input: --stdin FILE, or memsim's own stdin when it is a pipe (and the program reads input).
memsim_cli_test(minic-stdin-file "\"output\": \"sum 60, argc 3: a b" minic "${CMAKE_CURRENT_SOURCE_DIR}/cli/minic/stdin_sum.c"
                --json --stdin "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/numbers.stdin" --args "a b")
if(NOT EMSCRIPTEN)
  add_test(NAME cli-minic-stdin-pipe
           COMMAND sh -c "printf '1 2 3' | \"$0\" minic \"$1\" --json" $<TARGET_FILE:memsim> "${CMAKE_CURRENT_SOURCE_DIR}/cli/minic/stdin_sum.c")
  set_tests_properties(cli-minic-stdin-pipe PROPERTIES PASS_REGULAR_EXPRESSION "\"output\": \"sum 6, argc 1:")
endif()
