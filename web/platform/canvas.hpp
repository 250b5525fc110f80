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

// Whether the system asks for less motion (the browser's prefers-reduced-motion; the
// desktop has no such setting: false). The app's View > Reduce motion starts from it.
bool prefers_reduced_motion();

}  // namespace memsim::platform
