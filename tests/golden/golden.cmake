# Golden runs: every scenario in scenarios/ runs headless with `memsim run --events`;
# the output must equal the reviewed file tests/golden/NAME.txt. The same files are
# checked natively and under Node (WASM), so the two builds must agree to the byte.
# Regenerate with tools/update_golden.sh and read the diff before committing it.
execute_process(COMMAND ${RUNNER} run "${SCENARIO}" --events RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "memsim run failed (${code}):\n${err}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT out STREQUAL expected)
  file(WRITE "${ACTUAL}" "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED}; actual output in ${ACTUAL}\n(diff -u ${EXPECTED} ${ACTUAL})")
endif()
