file(GLOB MEMSIM_SCENARIOS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/scenarios/*.msim")
foreach(scenario IN LISTS MEMSIM_SCENARIOS)
  get_filename_component(name "${scenario}" NAME_WE)
  add_test(NAME golden-${name}
           COMMAND ${CMAKE_COMMAND} "-DRUNNER=${MEMSIM_RUN};$<TARGET_FILE:memsim>" "-DSCENARIO=${scenario}"
                   "-DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/golden/${name}.txt"
                   "-DACTUAL=${CMAKE_BINARY_DIR}/artifacts/golden-${name}.txt"
                   -P "${CMAKE_CURRENT_SOURCE_DIR}/golden/golden.cmake")
  # Lessons: every question's stated answer must be what the engine computes.
  add_test(NAME lesson-answers-${name} COMMAND ${MEMSIM_RUN} $<TARGET_FILE:memsim> check "${scenario}")
endforeach()
