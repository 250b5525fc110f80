# The C corpus (tests/engine/minic/corpus/*.c, course-style programs): each one is built
# with the machine's gcc (-std=c99 -O0) and run, then run by `memsim minic`; stdout and
# the exit code must be the same. Native only: the reference needs a real compiler.
# Each program runs twice: on x86-64 (LP64) and on i386 (ILP32, gcc -m32 with SSE2
# arithmetic, as memsim computes; x87's 80-bit excess precision is not modelled).
# math_values is LP64 only: memsim's libm gives x86-64 glibc's results, and i386 glibc's
# x87 log10 and hypot differ from them in the last bit.
if(NOT EMSCRIPTEN)
  find_program(GCC_EXECUTABLE gcc REQUIRED)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  file(GLOB MEMSIM_CORPUS_PROGRAMS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/engine/minic/corpus/*.c")
  set(MEMSIM_CORPUS_LP64_ONLY math_values)
  foreach(program IN LISTS MEMSIM_CORPUS_PROGRAMS)
    get_filename_component(name "${program}" NAME_WE)
    set(models lp64 ilp32)
    if(name IN_LIST MEMSIM_CORPUS_LP64_ONLY)
      set(models lp64)
    endif()
    foreach(model IN LISTS models)
      set(test_name minic-corpus-${name})
      if(model STREQUAL "ilp32")
        set(test_name minic-corpus-ilp32-${name})
      endif()
      add_test(NAME ${test_name}
               COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_SOURCE_DIR}/cli/minic_corpus_compare.py"
                       $<TARGET_FILE:memsim> "${program}" "${CMAKE_BINARY_DIR}/corpus" ${model})
    endforeach()
  endforeach()
endif()

# Leak verdicts against Valgrind's: each tests/cli/leaks/*.c is built with gcc and run
# under `valgrind --leak-check=full`; memsim's definitely / indirectly / possibly lost and
# still reachable (bytes and blocks) must be the same, before exit and in the exit event.
if(NOT EMSCRIPTEN AND NOT MEMSIM_SANITIZE)
  find_program(VALGRIND_EXECUTABLE valgrind REQUIRED)
  file(GLOB MEMSIM_LEAK_PROGRAMS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/cli/leaks/*.c")
  foreach(program IN LISTS MEMSIM_LEAK_PROGRAMS)
    get_filename_component(name "${program}" NAME_WE)
    add_test(NAME valgrind-leaks-${name}
             COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_SOURCE_DIR}/cli/valgrind_leaks_compare.py"
                     $<TARGET_FILE:memsim> "${program}" "${CMAKE_BINARY_DIR}/leaks")
  endforeach()
endif()

# printf's floating conversions against glibc's printf on a table of formats and doubles
# (the formatter takes a double's raw bits, as a variadic call passes them).
if(NOT EMSCRIPTEN)
  add_executable(memsim-format-doubles "${CMAKE_CURRENT_SOURCE_DIR}/tools/format_doubles.cpp")
  target_link_libraries(memsim-format-doubles PRIVATE memsim_engine)
  memsim_warnings(memsim-format-doubles)
  add_test(NAME printf-doubles-glibc
           COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_SOURCE_DIR}/cli/printf_doubles_compare.py"
                   $<TARGET_FILE:memsim-format-doubles> "${CMAKE_BINARY_DIR}/printf-doubles")
endif()

# Invalid reads and writes against Valgrind's: each tests/cli/memcheck/*.c is built with gcc
# and run under valgrind; memsim's memcheck words (read or write, size, "N bytes after a
# block of size S alloc'd") must be the same accesses in the same order.
if(NOT EMSCRIPTEN AND NOT MEMSIM_SANITIZE)
  file(GLOB MEMSIM_MEMCHECK_PROGRAMS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/cli/memcheck/*.c")
  foreach(program IN LISTS MEMSIM_MEMCHECK_PROGRAMS)
    get_filename_component(name "${program}" NAME_WE)
    add_test(NAME valgrind-access-${name}
             COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_SOURCE_DIR}/cli/valgrind_access_compare.py"
                     $<TARGET_FILE:memsim> "${program}" "${CMAKE_BINARY_DIR}/memcheck")
  endforeach()
endif()
