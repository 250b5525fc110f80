#include "ui/panels/console_panel.hpp"

#include <array>
#include <sstream>

#include "imgui.h"

namespace memsim::ui {
namespace {

// The Input box and Arguments field: what the program reads (stdin) and argv[1..].
// Run with input re-runs the program from the start with them, staying at the step.
void draw_input_fields(PanelContext& context) {
    static std::array<char, 4096> input{};  // the box holds 4 KiB; a scenario's `stdin` may hold more
    static std::array<char, 512> arguments{};  // at most 256 words: within a program's argument limit
    if (!ImGui::CollapsingHeader("Input and arguments")) return;
    ImGui::PushFont(context.fonts.mono);
    ImGui::InputTextMultiline("##stdin", input.data(), input.size(), ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4));
    ImGui::PopFont();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##args", "arguments: a b c (argv[1], argv[2], ...)", arguments.data(), arguments.size());
    if (ImGui::Button("Run with this input")) {
        std::istringstream words{std::string(arguments.data())};
        std::vector<std::string> args;
        for (std::string w; words >> w;) args.push_back(w);
        context.controller.push(cmd::SetProgramInput{std::string(input.data()), std::move(args)});
    }
}

}  // namespace

ConsoleView make_console_view(const machine::Snapshot& snapshot) {
    ConsoleView view;
    const std::string& out = snapshot.output;
    std::size_t start = 0;
    while (start < out.size()) {
        const std::size_t end = out.find('\n', start);
        if (end == std::string::npos) {
            view.lines.push_back(out.substr(start));
            view.open_line = true;
            break;
        }
        view.lines.push_back(out.substr(start, end - start));
        start = end + 1;
    }
    view.status = snapshot.program_status;
    if (!snapshot.stop_reason.empty()) view.status += ": " + snapshot.stop_reason;
    return view;
}

void draw_console_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Console", rect, context.place)) {
        const machine::Snapshot& snapshot = context.controller.snapshot();
        // Split again only when the output changed (a long-running program prints a lot).
        static ConsoleView view;
        static std::string shown_output;
        static std::string shown_status;
        static bool scroll_to_end = false;
        if (shown_output != snapshot.output || shown_status != snapshot.program_status + snapshot.stop_reason) {
            scroll_to_end = shown_output.size() != snapshot.output.size();
            shown_output = snapshot.output;
            shown_status = snapshot.program_status + snapshot.stop_reason;
            view = make_console_view(snapshot);
        }
        if (!view.status.empty()) ImGui::TextDisabled("program %s", view.status.c_str());
        draw_input_fields(context);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
        if (ImGui::BeginChild("##output", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar)) {
            ImGui::PushFont(context.fonts.mono);
            if (view.lines.empty()) ImGui::TextDisabled("%s", snapshot.step == 0 ? "(nothing printed yet)" : "(no output so far)");
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(view.lines.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    ImGui::TextUnformatted(view.lines[static_cast<std::size_t>(i)].c_str());
                }
            }
            if (scroll_to_end) {
                ImGui::SetScrollHereY(1.0f);
                scroll_to_end = false;
            }
            ImGui::PopFont();
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    ImGui::End();
}

}  // namespace memsim::ui
