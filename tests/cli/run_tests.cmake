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

# Machine correctness: hostile programs end with the outcome a user should get, in
# bounded memory and time. The bounds are ten times the goals (figures are printed);
# the figures before the fix are in the comments. Not under the sanitizers: the bound is
# an address-space limit, and AddressSanitizer reserves terabytes of shadow memory.
if(NOT EMSCRIPTEN AND NOT MEMSIM_SANITIZE)
  # Usage: memsim_bounded_test(NAME REGEX MAX_MB MAX_SECONDS args...)
  function(memsim_bounded_test name expect_regex max_mb max_seconds)
    add_test(NAME cli-${name}
             COMMAND ${CMAKE_COMMAND} "-DEXPECT_REGEX=${expect_regex}" -DMAX_MB=${max_mb} -DMAX_SECONDS=${max_seconds}
                     "-DCOMMAND=$<TARGET_FILE:memsim>;${ARGN}" -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_bounded.cmake")
    set_tests_properties(cli-${name} PROPERTIES TIMEOUT 400)
  endfunction()
  set(data "${CMAKE_CURRENT_SOURCE_DIR}/cli/data")
  # int f(int n) { return f(n + 1) + 1; }: goal 500 MB (was over 12 GB).
  memsim_bounded_test(run-endless-recursion "stack overflow" 5000 300 run "${data}/endless-recursion.msim")
  # 300,000 printed lines: goal 64 MB (was 1 GB, growing with the square of the output).
  memsim_bounded_test(run-many-lines "steps: +[0-9]+" 640 300 run "${data}/many-lines.msim")
  # A loop of 8 million steps: goal 40 MB (was 590 MB, 78 MB per million steps).
  memsim_bounded_test(run-long-loop "steps: +8000005" 400 300 run "${data}/long-loop.msim")
  # calloc(1, 1 << 28): goal 2 s and 64 MB (was 57 s to 100 s).
  memsim_bounded_test(run-calloc-256m "exited" 640 20 run "${data}/calloc-256m.msim")
endif()
# putchar(200): --json prints the replacement character instead of aborting.
memsim_cli_test(run-json-invalid-utf8 "\"output\": \"A.+B\\\\n\"" run "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/putchar-200.msim" --json)
# touch into page 0 says it stopped there instead of "Wrote every byte".
memsim_cli_test(run-touch-null "stopped after 0 bytes at 0x0.*segmentation fault" run "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/touch-null.msim" --events)

# A program's standard input and arguments: from the front matter, or replaced on the command line.
memsim_cli_test(run-stdin-args "\"output\": \"sum 12, argc 3: alpha beta" run "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/stdin_args.msim" --json)
memsim_cli_test(run-stdin-override "\"output\": \"sum 60, argc 4: x y z" run "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/stdin_args.msim"
                --json --stdin "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/numbers.stdin" --args "x y z")
string(REPEAT "w " 300 too_many_words)
memsim_cli_error_test(run-too-many-args "a program takes at most 256 arguments, not 300" run
                      "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/stdin_args.msim" --args "${too_many_words}")
memsim_cli_test(run-steps "steps: +1000 \\(stopped at the step limit\\)" run "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/long-loop.msim" --steps 1000)
memsim_cli_error_test(run-bad-steps "--steps needs a number of steps from 1 to 1000000000, not '0'" run
                      "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/long-loop.msim" --steps 0)
# An endless input stops at the size limit (was read up to 1 GiB before being refused).
memsim_cli_error_test(run-endless-input "is larger than 256 MiB" run /dev/zero)
# A step past 2^64 - 1 is refused, not saturated.
memsim_cli_error_test(run-until-too-large "--until needs a step number from 0 to 18446744073709551615"
                      run ${CMAKE_CURRENT_SOURCE_DIR}/cli/data/putchar-200.msim --until 18446744073709551616)
