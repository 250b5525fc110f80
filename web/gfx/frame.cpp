#include "gfx/frame.hpp"

#include <algorithm>
#include <cstddef>

#include "gfx/gl.hpp"

namespace memsim::gfx {

const char* glsl_version() {
#if defined(MEMSIM_GLES3)
    return "#version 300 es";
#else
    return "#version 330 core";
#endif
}

void begin_frame(int framebuffer_width, int framebuffer_height, float r, float g, float b) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<unsigned char> read_framebuffer_rgba(int width, int height) {
    const auto row_bytes = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> pixels(row_bytes * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (int y = 0; y < height / 2; ++y) {
        auto top = pixels.begin() + static_cast<std::ptrdiff_t>(row_bytes * static_cast<std::size_t>(y));
        auto bottom = pixels.begin() + static_cast<std::ptrdiff_t>(row_bytes * static_cast<std::size_t>(height - 1 - y));
        std::swap_ranges(top, top + static_cast<std::ptrdiff_t>(row_bytes), bottom);
    }
    return pixels;
}

}  // namespace memsim::gfx
