#include <cstdio>

#include "imgui.h"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

bool begin_panel(const char* title, const Rect& rect, bool place, int extra_flags) {
    const ImGuiCond cond = place ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y), cond);
    ImGui::SetNextWindowSize(ImVec2(rect.width, rect.height), cond);
    return ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoCollapse | extra_flags);
}

const machine::ProcessView* current_process(const machine::Snapshot& snapshot) {
    for (const auto& p : snapshot.processes) {
        if (p.pid == snapshot.current_process) return &p;
    }
    return snapshot.processes.empty() ? nullptr : &snapshot.processes.front();
}

const char* hex_text(std::uint64_t value) {
    static char buffer[4][24];
    static int next = 0;
    next = (next + 1) % 4;
    std::snprintf(buffer[next], sizeof buffer[next], "0x%llx", static_cast<unsigned long long>(value));
    return buffer[next];
}

}  // namespace memsim::ui
