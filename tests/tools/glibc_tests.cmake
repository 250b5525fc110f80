# The real-glibc oracle: a replay driver built with the system C compiler and a checker
# that compares it with memsim's glibc model on many seeded traces. Native Linux with
# glibc only; the checker itself reports "SKIPPED" (exit 77) unless the glibc is 2.36.
include(CheckSymbolExists)
if(NOT EMSCRIPTEN AND NOT MEMSIM_SANITIZE AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
  check_symbol_exists(gnu_get_libc_version "gnu/libc-version.h" MEMSIM_HAVE_GLIBC)
endif()
if(MEMSIM_HAVE_GLIBC)
  add_executable(glibc_replay "${CMAKE_CURRENT_SOURCE_DIR}/tools/glibc_replay.c")
  # -O2 and nothing else: sanitizers or a different malloc would change the offsets.
  target_compile_options(glibc_replay PRIVATE -O2 -Wall -Wextra -Werror)
  add_executable(glibc-oracle "${CMAKE_CURRENT_SOURCE_DIR}/tools/glibc_oracle.cpp")
  target_link_libraries(glibc-oracle PRIVATE memsim_engine)
  memsim_warnings(glibc-oracle)
  set(MEMSIM_GLIBC_WORK "${CMAKE_BINARY_DIR}/glibc-traces")
  file(MAKE_DIRECTORY "${MEMSIM_GLIBC_WORK}")
  add_test(NAME glibc-oracle COMMAND glibc-oracle $<TARGET_FILE:glibc_replay> "${MEMSIM_GLIBC_WORK}" 12)
  set_tests_properties(glibc-oracle PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
