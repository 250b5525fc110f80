# The C corpus (tests/engine/minic/corpus/*.c, course-style programs): each one is built
# with the machine's gcc (-std=c99 -O0) and run, then run by `memsim minic`; stdout and
# the exit code must be the same. Native only: the reference needs a real compiler.
if(NOT EMSCRIPTEN)
  find_program(GCC_EXECUTABLE gcc REQUIRED)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  file(GLOB MEMSIM_CORPUS_PROGRAMS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/engine/minic/corpus/*.c")
  foreach(program IN LISTS MEMSIM_CORPUS_PROGRAMS)
    get_filename_component(name "${program}" NAME_WE)
    add_test(NAME minic-corpus-${name}
             COMMAND ${Python3_EXECUTABLE} "${CMAKE_CURRENT_SOURCE_DIR}/cli/minic_corpus_compare.py"
                     $<TARGET_FILE:memsim> "${program}" "${CMAKE_BINARY_DIR}/corpus")
  endforeach()
endif()
