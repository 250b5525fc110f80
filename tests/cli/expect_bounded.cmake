# Runs COMMAND (a ;-list) under /usr/bin/time and a virtual-memory ulimit, prints its peak
# memory and time, and fails only far above the goals: when the peak resident memory
# passes MAX_MB or the time MAX_SECONDS (both set ten times above the goal, so a slow or
# loaded machine never fails it), when the exit code is not 0, or when the output does
# not match EXPECT_REGEX.
find_program(TIME_PROGRAM time PATHS /usr/bin NO_DEFAULT_PATH)
math(EXPR limit_kb "${MAX_MB} * 2048")  # virtual memory may exceed the resident peak
string(REPLACE ";" " " command_line "${COMMAND}")
if(TIME_PROGRAM)
  set(run "ulimit -v ${limit_kb}; exec ${TIME_PROGRAM} -f 'bounded: %M KB peak, %e s' ${command_line}")
else()
  set(run "ulimit -v ${limit_kb}; exec ${command_line}")
endif()
execute_process(COMMAND sh -c "${run}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT ${MAX_SECONDS})
set(all "${out}${err}")
string(REGEX MATCH "bounded: ([0-9]+) KB peak, ([0-9.]+) s" figures "${err}")
message(STATUS "${figures} (fails above ${MAX_MB} MB or ${MAX_SECONDS} s)")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "exit code ${code} (over the memory bound?)\n${all}")
endif()
if(figures)
  math(EXPR peak_mb "${CMAKE_MATCH_1} / 1024")
  if(peak_mb GREATER MAX_MB)
    message(FATAL_ERROR "peak memory ${peak_mb} MB is over ${MAX_MB} MB")
  endif()
endif()
if(NOT all MATCHES "${EXPECT_REGEX}")
  string(SUBSTRING "${all}" 0 4000 shown)
  message(FATAL_ERROR "output does not match '${EXPECT_REGEX}':\n${shown}")
endif()
