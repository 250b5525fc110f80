# Dear ImGui, built once per platform as a static library from the sources that
# tools/fetch_imgui.sh unpacks (Debian's imgui source package). Point IMGUI_DIR at
# your own checkout (v1.86 or newer 1.8x) on other systems.
set(IMGUI_DIR "${PROJECT_SOURCE_DIR}/third_party/imgui" CACHE PATH "Dear ImGui source folder")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run tools/setup.sh or set -DIMGUI_DIR=...")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
# Not imgui_demo.cpp: nothing shows the demo window. No unity batches either: the OpenGL
# backend's loader and GLFW's headers clash in one translation unit.
set_target_properties(imgui PROPERTIES UNITY_BUILD OFF)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_options(imgui PRIVATE -w)  # third-party code: its warnings are not ours to fix
if(EMSCRIPTEN)
  target_link_options(imgui PUBLIC -sUSE_GLFW=3)
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()
