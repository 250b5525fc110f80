# End-to-end checks of the memsim command-line tool: exit codes and key output.
# MEMSIM_RUN is empty natively and "node --no-experimental-fetch" for the web build.
function(memsim_cli_test name expect_regex)
  add_test(NAME cli-${name} COMMAND ${MEMSIM_RUN} $<TARGET_FILE:memsim> ${ARGN})
  set_tests_properties(cli-${name} PROPERTIES PASS_REGULAR_EXPRESSION "${expect_regex}")
endfunction()
# Like memsim_cli_test, but the command must exit with code 2 (bad input).
function(memsim_cli_error_test name expect_regex)
  add_test(NAME cli-${name}
           COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=2 "-DEXPECT_REGEX=${expect_regex}"
                   "-DCOMMAND=${MEMSIM_RUN};$<TARGET_FILE:memsim>;${ARGN}"
                   -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/expect_exit.cmake")
endfunction()

memsim_cli_test(version "memsim [0-9]+\\.[0-9]+\\.[0-9]+" --version)
memsim_cli_test(help "usage: memsim <command>" --help)
memsim_cli_error_test(unknown-command "unknown command 'frobnicate'" frobnicate)

file(GLOB MEMSIM_CLI_TEST_FILES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/cli/*_tests.cmake")
foreach(f IN LISTS MEMSIM_CLI_TEST_FILES)
  if(NOT f MATCHES "cli_tests.cmake$")
    include("${f}")
  endif()
endforeach()
