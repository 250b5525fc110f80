// Browser side of platform/canvas.hpp: the canvas follows its CSS box and the device
// pixel ratio; the page learns when the module is ready.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

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
// A slide export (shell/embed-export.js) draws at a multiple of the screen's resolution.
EM_JS(double, memsim_device_pixel_ratio, (), { return window.memsimExportScale || window.devicePixelRatio || 1; });
// Emscripten's glfwSetWindowSize asks for fullscreen when the size equals the screen's,
// so the canvas is resized through Browser.setCanvasSize, which GLFW also listens to.
EM_JS(void, memsim_set_canvas_size, (int width, int height), { Browser.setCanvasSize(width, height); });
EM_JS(int, memsim_prefers_reduced_motion, (), {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
// The page decides where the keyboard goes (its toolbar, web/shell/embed-a11y.js).
EM_JS(void, memsim_leave_canvas, (), { document.dispatchEvent(new CustomEvent('memsim-leave-canvas')); });
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

// Emscripten 3.1.6's GLFW turns a touch into a mouse press but does not move the mouse
// there (it reads touch positions for SDL only): a first tap pressed wherever the
// pointer last was. These listeners put the pointer under the finger before ImGui reads
// it, and stop the browser's emulated mouse events, which would press a second time.
// A finger that lifts leaves no pointer behind, but GLFW keeps the last position, so the
// tapped widget stayed hovered (a tab kept the hover colour). Two drawn frames after the
// last finger lifts (the press, then the release ImGui clicks on), the pointer is parked
// far off the canvas (ImGui reads that as no mouse); the next touch or mouse move brings it back.
EM_JS(void, memsim_install_touch, (), {
    const canvas = Module['canvas'];
    const place = (event) => {
        const touch = event.changedTouches && event.changedTouches[0];
        if (!touch) return;
        const box = canvas.getBoundingClientRect();
        Browser.mouseX = (touch.clientX - box.left) * (canvas.width / box.width);
        Browser.mouseY = (touch.clientY - box.top) * (canvas.height / box.height);
    };
    const framesDrawn = () => (window.memsim ? window.memsim.framesDrawn() : 0);
    let lift = 0;  // counts lifts, so a new touch cancels parking for the one before
    const parkAfterRelease = (which, since) => requestAnimationFrame(() => {
        if (which !== lift) return;
        if (framesDrawn() < since + 2) { parkAfterRelease(which, since); return; }
        Browser.mouseX = -1e6;
        Browser.mouseY = -1e6;
    });
    for (const type of ['touchstart', 'touchmove', 'touchend']) {
        canvas.addEventListener(type, (event) => {
            place(event);
            if (event.cancelable) event.preventDefault();
            ++lift;
            if (type === 'touchend' && event.touches.length === 0) parkAfterRelease(lift, framesDrawn());
        }, { passive: false });
    }
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
// permission. Each paste event (or copy) is pasted once: ImGui 1.86 repeats Ctrl+V while
// it sees the key down, and a slow page can see one short press as held for many frames;
// a key the browser itself repeats brings a paste event per repeat.
std::string pending_paste;
std::string handed_out;

const char* clipboard_text(void* /*user*/) {
    handed_out = std::move(pending_paste);
    pending_paste.clear();
    return handed_out.c_str();
}
void set_clipboard_text(void* /*user*/, const char* text) {
    pending_paste = text == nullptr ? "" : text;
    memsim_clipboard_write(pending_paste.c_str());
}
}  // namespace

// The page's paste event: the text Ctrl+V will paste. Carriage returns are dropped and
// tabs become four spaces (the editor takes no tab characters).
extern "C" EMSCRIPTEN_KEEPALIVE void memsim_paste(const char* text) {
    pending_paste.clear();
    for (const char* c = text == nullptr ? "" : text; *c != 0; ++c) {
        if (*c == '\r') continue;
        if (*c == '\t') pending_paste += "    ";
        else pending_paste += *c;
    }
}

namespace memsim::platform {

void install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = clipboard_text;
    io.SetClipboardTextFn = set_clipboard_text;
    io.ClipboardUserData = nullptr;
}

namespace {
// DOM wheel deltas in ImGui's notches: positive is up (away from the user).
EM_BOOL on_wheel(int /*type*/, const EmscriptenWheelEvent* event, void* /*user*/) {
    double per_notch = 100.0;  // DOM_DELTA_PIXEL: Chromium sends 100 a notch, touchpads less
    if (event->deltaMode == DOM_DELTA_LINE) per_notch = 3.0;
    if (event->deltaMode == DOM_DELTA_PAGE) per_notch = 0.25;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel -= static_cast<float>(event->deltaY / per_notch);
    io.MouseWheelH -= static_cast<float>(event->deltaX / per_notch);
    return EM_TRUE;  // the page itself must not scroll under the canvas
}
}  // namespace

void install_wheel(GLFWwindow* window) {
    glfwSetScrollCallback(window, nullptr);  // drop the backend's raw-delta path
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel);
    memsim_install_touch();
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

void leave_canvas() { memsim_leave_canvas(); }

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
