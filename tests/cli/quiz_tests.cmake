# memsim quiz: seeded practice problems; memsim check: a lesson's stated answers.
memsim_cli_test(quiz-paging "Reference string: [0-9 ]+\nFor each reference" quiz paging --seed 7)
memsim_cli_test(quiz-paging-answers "Solution.*\n  1\\. page [0-9]: miss .*Hits [0-9]+, misses [0-9]+" quiz paging --seed 7 --answers)
memsim_cli_test(quiz-heap-answers "ptr\\[0\\] = malloc\\([0-9]+\\) returns 0x" quiz heap --seed 3 --answers)
memsim_cli_test(quiz-translate-answers "VA 0x[0-9a-f]+ = VPN [0-9]+, offset 0x[0-9a-f]+: " quiz translate --seed 5 --answers)
memsim_cli_test(quiz-heap-scenario "kind = \"malloc_block\"" quiz heap --seed 3 --scenario)
memsim_cli_error_test(quiz-unknown-kind "unknown problem kind 'pagin' \\(did you mean 'paging'\\?\\)" quiz pagin)
memsim_cli_error_test(quiz-bad-seed "--seed needs a whole number" quiz heap --seed x)
memsim_cli_error_test(check-wrong-answer "wrong-answer.msim:12:10: the stated answer '2' .* differs from the engine's '1'"
                      check "${CMAKE_CURRENT_SOURCE_DIR}/cli/data/wrong-answer.msim")
