// Desktop side of platform/canvas.hpp: GLFW keeps the framebuffer sized to the window.
#include <GLFW/glfw3.h>

#include <algorithm>

#include "platform/canvas.hpp"

namespace memsim::platform {

void install_clipboard() {}  // GLFW's clipboard, installed by the ImGui backend
void install_wheel(GLFWwindow* /*window*/) {}  // GLFW's scroll notches are right

void sync_surface_size(GLFWwindow* /*window*/) {}

float display_scale(GLFWwindow* window) {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window, &x, &y);
    return std::clamp(std::max(x, y), 1.0f, 4.0f);
}

void report_frame(long /*frames*/) {}

void restore_layout() {}

void persist_layout() {}
bool prefers_reduced_motion() { return false; }

void leave_canvas() {}

}  // namespace memsim::platform
