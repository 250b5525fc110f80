// UI benchmark: CPU time per frame of the whole app (every panel building its view model
// and its ImGui draw lists; no GL) on large states: a heap of 100,000 blocks and an
// address space with 2^18 stack pages. Prints figures; never fails on time.
//   memsim-ui-bench [frames]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "ui/app.hpp"

namespace {

std::string heap_trace(int blocks) {
    std::string text = "+++\nformat = 1\ntitle = \"100,000 blocks\"\nkind = \"heap-trace\"\n[heap]\nallocator = \"segregated\"\n+++\n";
    text += "200000000\n" + std::to_string(blocks) + "\n" + std::to_string(blocks) + "\n1\n";
    // 8-byte requests keep the file under the 1 MiB scenario limit.
    for (int i = 0; i < blocks; ++i) text += "a " + std::to_string(i) + " 8\n";
    return text;
}

std::string big_stack() {
    return "+++\nformat = 1\ntitle = \"A 1 GiB stack\"\nkind = \"ops\"\n[stack]\nlimit = \"1G\"\n[vm]\nframes = 64\n+++\n"
           "call main locals(a:4)\ncall f(n=1) locals(b:4)\nset b 2\nreturn\n";
}

// Draws `frames` frames; returns the mean CPU milliseconds of all but the first.
double run(memsim::ui::App& app, int frames, double& first_ms) {
    double total = 0;
    for (int i = 0; i < frames; ++i) {
        const auto start = std::chrono::steady_clock::now();
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (i == 0) first_ms = ms; else total += ms;
    }
    return frames > 1 ? total / (frames - 1) : first_ms;
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 60;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 1000);
    memsim::ui::App app({.platform_name = "bench", .can_quit = false});
    app.prepare_frame(1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // a font atlas is needed to draw text

    struct Case { const char* name; std::string text; };
    const Case cases[] = {{"default lesson (recursion-overflow)", ""},
                          {"heap of 100000 blocks", heap_trace(100000)},
                          {"stack of 262144 pages (1 GiB)", big_stack()}};
    std::printf("UI CPU time per frame at 1600x1000, %d frames (the first includes per-run caches)\n", frames);
    for (const Case& c : cases) {
        const auto load_start = std::chrono::steady_clock::now();
        if (!c.text.empty()) {
            const auto result = app.controller().execute(memsim::ui::cmd::Load{c.text, false});
            if (!result.ok) {
                std::printf("%-40s cannot load: %s\n", c.name, result.errors.front().to_string().c_str());
                continue;
            }
        }
        app.controller().execute(memsim::ui::cmd::RunToEnd{});
        const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();
        double first = 0;
        const double mean = run(app, frames, first);
        std::printf("%-40s load+seek %8.1f ms   first frame %8.1f ms   then %6.2f ms/frame\n", c.name, load_ms, first, mean);
    }
    ImGui::DestroyContext();
    return 0;
}
