#pragma once
// What the window or browser canvas tells the app each frame: keeping the drawing
// surface matched to its on-screen size, and the display scale (device pixel ratio).
// One implementation per platform: web_canvas.cpp and desktop_canvas.cpp.
struct GLFWwindow;

namespace memsim::platform {

// Browser: resizes the canvas's drawing buffer to its CSS size times the device pixel
// ratio (sharp on high-DPI screens). Desktop: nothing to do.
void sync_surface_size(GLFWwindow* window);

// The factor by which the UI is scaled: the device pixel ratio in the browser (the app
// draws in device pixels there), the monitor's content scale on the desktop.
float display_scale(GLFWwindow* window);

// Tells the page that the app runs and has drawn `frames` frames (browser only).
void report_frame(long frames);

// The panel layout between visits: the browser keeps ImGui's ini text in localStorage
// (restore at start, persist when ImGui asks); the desktop lets ImGui use imgui.ini.
void restore_layout();
void persist_layout();

// Copy and paste with the system clipboard. Browser: ImGui's copies go to the browser
// clipboard, and Ctrl+V pastes what the page's paste event brought (the browser lets a
// page read the clipboard only there); call after the GLFW backend is set up. Desktop: GLFW's
// own clipboard already works, nothing to do.
void install_clipboard();

// Mouse wheel and touchpad scrolling as in any web page. Browser: Emscripten 3.1.6's
// GLFW hands the raw DOM deltaY to the scroll callback (pixels, positive = down), which
// ImGui reads as notches the other way round: one notch up jumped a panel to its end and
// down did nothing. The page's own wheel listener gives ImGui notches instead (100 pixels
// or 3 lines a notch), with the sign ImGui expects. Desktop: GLFW's notches are right.
// Touch taps press where the finger is (see web_canvas.cpp). Call after the GLFW
// backend is set up (it replaces the backend's scroll callback).
void install_wheel(GLFWwindow* window);

// An Esc that nothing in the app took hands the keyboard to the page: the browser's
// canvas gives the focus to the page's toolbar (web/shell/embed-a11y.js). The desktop
// window has nothing around it: nothing to do.
void leave_canvas();

// Whether the system asks for less motion (the browser's prefers-reduced-motion; the
// desktop has no such setting: false). The app's View > Reduce motion starts from it.
bool prefers_reduced_motion();

}  // namespace memsim::platform
