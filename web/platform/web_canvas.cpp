// Browser side of platform/canvas.hpp: the canvas follows its CSS box and the device
// pixel ratio; the page learns when the module is ready.
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "imgui.h"

#include "platform/canvas.hpp"

EM_JS(double, memsim_canvas_css_width, (), {
    return document.getElementById('canvas').getBoundingClientRect().width;
});
EM_JS(double, memsim_canvas_css_height, (), {
    return document.getElementById('canvas').getBoundingClientRect().height;
});
EM_JS(double, memsim_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
// Emscripten's glfwSetWindowSize asks for fullscreen when the size equals the screen's,
// so the canvas is resized through Browser.setCanvasSize, which GLFW also listens to.
EM_JS(void, memsim_set_canvas_size, (int width, int height), { Browser.setCanvasSize(width, height); });
EM_JS(int, memsim_prefers_reduced_motion, (), {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
EM_JS(void, memsim_report_frame, (double frames), {
    if (window.memsimShell) window.memsimShell.onFrame(frames);
});

// ImGui's window layout, kept per browser; storage may be unavailable (private mode).
EM_JS(char*, memsim_layout_load, (), {
    let text = null;
    try { text = window.localStorage.getItem('memsim.layout'); } catch (e) { text = null; }
    if (!text) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const buffer = _malloc(size);
    stringToUTF8(text, buffer, size);
    return buffer;
});
EM_JS(void, memsim_layout_save, (const char* text), {
    try { window.localStorage.setItem('memsim.layout', UTF8ToString(text)); } catch (e) { }
});

// Copies go to the browser clipboard; it needs a user gesture, which Ctrl+C is.
EM_JS(void, memsim_clipboard_write, (const char* text), {
    const copied = UTF8ToString(text);
    try {
        if (navigator.clipboard) navigator.clipboard.writeText(copied).catch(() => {});
    } catch (e) { }
});

namespace {
// The text ImGui pastes. In the browser the clipboard is read only in a paste event,
// which the page gets right after the Ctrl+V key (before the next frame, where ImGui
// handles the key and asks for the text): the event stores the text here (memsim_paste).
// Copies land here too, so copy and paste inside the app work without the browser's
// permission.
std::string pasted_text;

const char* clipboard_text(void* /*user*/) { return pasted_text.c_str(); }
void set_clipboard_text(void* /*user*/, const char* text) {
    pasted_text = text == nullptr ? "" : text;
    memsim_clipboard_write(pasted_text.c_str());
}
}  // namespace

// The page's paste event: the text Ctrl+V will paste. Carriage returns are dropped and
// tabs become four spaces (the editor takes no tab characters).
extern "C" EMSCRIPTEN_KEEPALIVE void memsim_paste(const char* text) {
    pasted_text.clear();
    for (const char* c = text == nullptr ? "" : text; *c != 0; ++c) {
        if (*c == '\r') continue;
        if (*c == '\t') pasted_text += "    ";
        else pasted_text += *c;
    }
}

namespace memsim::platform {

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = clipboard_text;
    io.SetClipboardTextFn = set_clipboard_text;
    io.ClipboardUserData = nullptr;
}

void sync_surface_size(GLFWwindow* window) {
    const double ratio = memsim_device_pixel_ratio();
    const int want_w = static_cast<int>(std::lround(memsim_canvas_css_width() * ratio));
    const int want_h = static_cast<int>(std::lround(memsim_canvas_css_height() * ratio));
    int have_w = 0, have_h = 0;
    glfwGetWindowSize(window, &have_w, &have_h);
    if (want_w > 0 && want_h > 0 && (want_w != have_w || want_h != have_h)) {
        memsim_set_canvas_size(want_w, want_h);
    }
}

float display_scale(GLFWwindow* /*window*/) {
    return static_cast<float>(memsim_device_pixel_ratio());
}

void report_frame(long frames) { memsim_report_frame(static_cast<double>(frames)); }
bool prefers_reduced_motion() { return memsim_prefers_reduced_motion() != 0; }

}  // namespace memsim::platform

namespace memsim::platform {

void restore_layout() {
    char* text = memsim_layout_load();
    if (text != nullptr) {
        ImGui::LoadIniSettingsFromMemory(text);
        std::free(text);
    }
}

void persist_layout() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantSaveIniSettings) return;
    memsim_layout_save(ImGui::SaveIniSettingsToMemory());
    io.WantSaveIniSettings = false;
}

}  // namespace memsim::platform
