# Embeds files into the binary at build time (shaders, fonts), so the web page loads
# no extra files. memsim_embed(target NAME file) generates a .cpp defining
#   extern const unsigned char NAME[];  extern const std::size_t NAME_size;
# (a NUL byte follows the data so text files can be used as C strings).
function(memsim_embed target symbol file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
