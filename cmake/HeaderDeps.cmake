# Header-only dependencies from Debian live in /usr/include, which a wasm target must
# never see (it would pick up glibc headers). Copy just the folders we use into the
# build tree and use that include folder for every build, native and web alike.
set(MEMSIM_DEPS_INCLUDE "${CMAKE_BINARY_DIR}/deps/include")
set(_memsim_header_dirs tl nlohmann toml++ catch2)
foreach(dir IN LISTS _memsim_header_dirs)
  if(NOT EXISTS "/usr/include/${dir}")
    message(FATAL_ERROR "Missing /usr/include/${dir}: run tools/setup.sh first")
  endif()
  file(COPY "/usr/include/${dir}" DESTINATION "${MEMSIM_DEPS_INCLUDE}")
endforeach()
if(NOT EXISTS "/usr/include/stb/stb_image_write.h")
  message(FATAL_ERROR "Missing stb_image_write.h (libstb-dev): run tools/setup.sh first")
endif()
file(COPY "/usr/include/stb/stb_image_write.h" DESTINATION "${MEMSIM_DEPS_INCLUDE}/stb")

add_library(memsim_header_deps INTERFACE)
target_include_directories(memsim_header_deps SYSTEM INTERFACE "${MEMSIM_DEPS_INCLUDE}")
# No exceptions anywhere in engine or UI: the libraries report errors as values.
target_compile_definitions(memsim_header_deps INTERFACE JSON_NOEXCEPTION TOML_EXCEPTIONS=0)
