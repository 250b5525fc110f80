// The app's entry point: creates the GLFW window and GL context, sets up Dear ImGui and
// runs the frame loop. The loop is the one place where browser and desktop differ: the
// browser calls us once per animation frame, the desktop loops until the window closes.
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "gfx/cell_grid_renderer.hpp"
#include "gfx/frame.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/app_access.hpp"
#include "platform/canvas.hpp"
#include "platform/frame_timer.hpp"
#include "platform/options.hpp"
#include "platform/scenario_files.hpp"
#include "ui/app.hpp"
#include "ui/page_api.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include "platform/screenshot.hpp"
#endif

namespace {

constexpr float max_frame_seconds = 0.1f;  // below ImGui's key-repeat delay (0.275 s) over two frames

struct Runtime {
    GLFWwindow* window = nullptr;
    memsim::ui::App app;
    memsim::platform::AppOptions options;
    int frames_rendered = 0;
    bool screenshot_failed = false;
};

void on_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "memsim: GLFW error %d: %s\n", code, description);
}

void render_frame(Runtime& rt) {
    memsim::platform::frame_timer().start();
    glfwPollEvents();
    memsim::platform::sync_surface_size(rt.window);
    if (rt.app.prepare_frame(memsim::platform::display_scale(rt.window))) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // A slow frame (a busy machine, a long load slice) counts as at most 0.1 s, so one key
    // press is never read as a held key: Ctrl+V pastes once, not again per slow frame.
    ImGui::GetIO().DeltaTime = std::min(ImGui::GetIO().DeltaTime, max_frame_seconds);
    ImGui::NewFrame();
    rt.app.draw();
    if (rt.app.take_leave_canvas()) memsim::platform::leave_canvas();
    ImGui::Render();
    memsim::platform::persist_layout();

    int width = 0, height = 0;
    glfwGetFramebufferSize(rt.window, &width, &height);
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    memsim::gfx::begin_frame(width, height, clear.x * 0.8f, clear.y * 0.8f, clear.z * 0.8f);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    memsim::platform::frame_timer().stop();
    ++rt.frames_rendered;
#ifndef __EMSCRIPTEN__
    const bool last_frame = rt.options.frames > 0 && rt.frames_rendered >= rt.options.frames;
    if (last_frame && !rt.options.screenshot_path.empty()) {
        const auto pixels = memsim::gfx::read_framebuffer_rgba(width, height);
        if (!memsim::platform::write_png(rt.options.screenshot_path, width, height, pixels)) {
            std::fprintf(stderr, "memsim: cannot write screenshot '%s'\n", rt.options.screenshot_path.c_str());
            rt.screenshot_failed = true;
        }
    }
#endif
    glfwSwapBuffers(rt.window);
    memsim::platform::report_frame(rt.app.frames_drawn());
}

Runtime* running = nullptr;

#ifdef __EMSCRIPTEN__
void browser_frame(void* runtime) { render_frame(*static_cast<Runtime*>(runtime)); }
#else
bool finished(const Runtime& rt) {
    if (glfwWindowShouldClose(rt.window) || rt.app.quit_requested()) return true;
    return rt.options.frames > 0 && rt.frames_rendered >= rt.options.frames;
}

void print_errors(const std::string& what, const memsim::ui::CommandResult& result) {
    for (const memsim::Error& e : result.errors) std::fprintf(stderr, "memsim-desktop: %s:%s\n", what.c_str(), e.to_string().c_str());
}

// A file dropped on the window opens like --scenario (the first one, if several).
void on_drop(GLFWwindow* /*window*/, int count, const char** paths) {
    if (count < 1) return;
    if (const auto text = memsim::platform::read_text_file(paths[0])) {
        running->app.controller().push(memsim::ui::cmd::Load{*text, false});
    } else {
        std::fprintf(stderr, "memsim-desktop: cannot read '%s'\n", paths[0]);
    }
}

// --builtin / --scenario / --step; false when the scenario file cannot be read.
bool open_startup_scenario(Runtime& rt) {
    memsim::ui::Controller& controller = rt.app.controller();
    const auto& o = rt.options;
    if (!o.builtin.empty()) print_errors(o.builtin, controller.execute(memsim::ui::cmd::LoadBuiltin{o.builtin}));
    if (!o.scenario_path.empty()) {
        const auto text = memsim::platform::read_text_file(o.scenario_path);
        if (!text) {
            std::fprintf(stderr, "memsim-desktop: cannot read '%s'\n", o.scenario_path.c_str());
            return false;
        }
        print_errors(o.scenario_path, controller.execute(memsim::ui::cmd::Load{*text, false}));
    }
    if (o.step) {
        // An explicit jump: the lesson's questions on the way are not asked.
        controller.execute(memsim::ui::cmd::SetQuizMode{false});
        controller.execute(memsim::ui::cmd::Seek{*o.step});
    }
    if (!o.theme.empty()) rt.app.set_theme(o.theme == "light" ? memsim::ui::Theme::Light : memsim::ui::Theme::Dark);
    // A plain start (no scenario asked for, not a test run) greets a first-time user once.
    rt.app.view().welcome = o.builtin.empty() && o.scenario_path.empty() && !o.step && o.frames == 0;
    return true;
}
#endif

}  // namespace

memsim::ui::App& memsim::platform::running_app() { return running->app; }

int main(int argc, char** argv) {
    std::string error;
    const auto options = memsim::platform::parse_app_options({argv + 1, argv + argc}, error);
    if (!options) {
        std::fprintf(stderr, "memsim-desktop: %s\n%s", error.c_str(), memsim::platform::app_usage());
        return 2;
    }
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return 1;
#ifdef __EMSCRIPTEN__
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const memsim::ui::AppInfo info{.platform_name = "web", .can_quit = false, .page_toolbar = true,
                                   .next_panel_key = GLFW_KEY_F6};
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    const memsim::ui::AppInfo info{.platform_name = "desktop", .can_quit = true, .next_panel_key = GLFW_KEY_F6,
                                   .read_file = [](const std::string& path) { return memsim::platform::read_text_file(path); }};
#endif
    static Runtime rt{.window = nullptr, .app = memsim::ui::App(info), .options = *options};
    running = &rt;
#ifndef __EMSCRIPTEN__
    if (!open_startup_scenario(rt)) return 2;
#endif
    rt.window = glfwCreateWindow(options->width, options->height, "memsim", nullptr, nullptr);
    if (rt.window == nullptr) {
        std::fprintf(stderr, "memsim: cannot create a window with OpenGL 3.3 / WebGL2\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(rt.window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    // Test runs (--frames) must not leave an imgui.ini behind in the working folder.
    if (options->frames > 0) ImGui::GetIO().IniFilename = nullptr;
    rt.app.set_reduce_motion(memsim::platform::prefers_reduced_motion());  // the saved setting may override it
    rt.app.install_settings_handler();
#ifdef __EMSCRIPTEN__
    ImGui::GetIO().IniFilename = nullptr;  // the layout lives in localStorage instead
    memsim::platform::restore_layout();
    // Emscripten's GLFW has no cursor shapes, and the backend's per-frame cursor update
    // calls exitPointerLock(), which current Chromium answers with a rejected promise.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
#endif
    ImGui_ImplGlfw_InitForOpenGL(rt.window, true);
    memsim::platform::install_clipboard();
    memsim::platform::install_wheel(rt.window);
    ImGui_ImplOpenGL3_Init(memsim::gfx::glsl_version());
    static memsim::gfx::CellGridRenderer grid_renderer;
    if (grid_renderer.init()) {
        rt.app.set_grid_renderer(&grid_renderer);
    } else {
        std::fprintf(stderr, "memsim: cell-grid shaders failed, grids are hidden: %s\n", grid_renderer.error().c_str());
    }

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(browser_frame, &rt, 0, true);
#else
    glfwSetDropCallback(rt.window, on_drop);
    while (!finished(rt)) render_frame(rt);
    if (!rt.options.state_path.empty() &&
        !memsim::platform::write_text_file(rt.options.state_path, memsim::ui::api_call(rt.app.controller(), "state", ""))) {
        std::fprintf(stderr, "memsim: cannot write state '%s'\n", rt.options.state_path.c_str());
        rt.screenshot_failed = true;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(rt.window);
    glfwTerminate();
    return rt.screenshot_failed ? 1 : 0;
#endif
}
