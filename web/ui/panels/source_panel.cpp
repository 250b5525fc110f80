#include "ui/panels/source_panel.hpp"

#include <algorithm>

#include "imgui.h"
#include "ui/widget_rects.hpp"
#include "memsim/core/text.hpp"
#include "ui/source_draft.hpp"

namespace memsim::ui {

namespace {

// "answer = 2" -> "answer = (hidden in quiz mode)"; other lines unchanged. Only the
// one-line form exists in lesson questions.
std::string without_answer(std::string_view line) {
    std::size_t key = 0;
    while (key < line.size() && (line[key] == ' ' || line[key] == '\t')) ++key;
    for (const std::string_view name : {std::string_view("answer"), std::string_view("explain")}) {
        if (line.substr(key, name.size()) != name) continue;
        std::size_t eq = key + name.size();
        while (eq < line.size() && line[eq] == ' ') ++eq;
        if (eq < line.size() && line[eq] == '=') return std::string(line.substr(0, eq + 1)) + " (hidden in quiz mode)";
    }
    return std::string(line);
}

}  // namespace

SourceView make_source_view(const std::string& text, const std::vector<Error>& errors, int ran_line, int next_line,
                            bool hide_answers) {
    SourceView view;
    view.ran_line = ran_line;
    view.next_line = next_line;
    int number = 0;
    int fences = 0;  // "+++" lines seen: 1 inside the front matter
    for (const std::string_view line : split_lines(text)) {
        ++number;
        if (line == "+++") ++fences;
        const bool hide = hide_answers && fences == 1;
        view.lines.push_back(SourceLine{.number = number, .text = hide ? without_answer(line) : std::string(line),
                                        .ran = number == ran_line, .next = number == next_line, .error_column = 0,
                                        .error = {}});
    }
    for (const Error& e : errors) {
        std::string where = e.line > 0 ? "line " + std::to_string(e.line) : std::string();
        if (e.line > 0 && e.column > 0) where += ", column " + std::to_string(e.column);
        view.errors.push_back(where.empty() ? e.message : where + ": " + e.message);
        if (e.line > 0 && static_cast<std::size_t>(e.line) <= view.lines.size()) {
            SourceLine& line = view.lines[static_cast<std::size_t>(e.line - 1)];
            line.error_column = std::max(e.column, 1);
            line.error = e.message;
        }
    }
    return view;
}

int current_step_line(const Controller& controller) {
    const auto* sim = controller.simulator();
    if (sim == nullptr) return 0;
    for (const machine::Event& e : sim->events()) {
        if (e.line > 0) return e.line;
    }
    return 0;
}

namespace {

struct EditorState {
    bool editing = false;
    std::string buffer;
    int scrolled_to = -1;
};

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* buffer = static_cast<std::string*>(data->UserData);
        buffer->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = buffer->data();
    }
    return 0;
}

void draw_line(const SourceLine& line, const Palette& palette, float gutter) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeightWithSpacing();
    const float w = ImGui::GetContentRegionAvail().x;
    if (line.ran) draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), with_alpha(palette.current, 0x60));
    if (line.next) draw->AddRect(p, ImVec2(p.x + w, p.y + h), palette.current);
    ImGui::PushStyleColor(ImGuiCol_Text, palette.muted);
    ImGui::Text("%3d", line.number);
    ImGui::PopStyleColor();
    ImGui::SameLine(gutter);
    ImGui::TextUnformatted(line.next ? ">" : " ");
    ImGui::SameLine();
    const float text_x = ImGui::GetCursorScreenPos().x;
    ImGui::TextUnformatted(line.text.empty() ? " " : line.text.c_str());
    if (line.error_column > 0) {
        const float char_w = ImGui::CalcTextSize("M").x;
        const float x = text_x + char_w * static_cast<float>(line.error_column - 1);
        const float y = p.y + ImGui::GetTextLineHeight();
        draw->AddRectFilled(ImVec2(x, y - 1), ImVec2(x + char_w * 2.0f, y + 2), palette.guard);
        draw->AddRect(p, ImVec2(p.x + w, p.y + h), palette.guard);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", line.error.c_str());
    }
}

void draw_lines(const SourceView& view, const Palette& palette, EditorState& editor) {
    const float gutter = ImGui::CalcTextSize("0000").x;
    // Only the visible lines are drawn: a trace may have 100,000 of them.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.lines.size()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            draw_line(view.lines[static_cast<std::size_t>(i)], palette, gutter);
        }
    }
    // Keep the current line in sight as the run moves.
    const int target = view.ran_line > 0 ? view.ran_line : view.next_line;
    if (target > 0 && target != editor.scrolled_to) {
        const float h = ImGui::GetTextLineHeightWithSpacing();
        ImGui::SetScrollY(std::max(0.0f, h * static_cast<float>(target - 1) - ImGui::GetWindowHeight() * 0.4f));
        editor.scrolled_to = target;
    }
}

}  // namespace

void draw_source_panel(const Rect& rect, PanelContext& context) {
    static EditorState editor;
    Controller& controller = context.controller;
    if (begin_panel("Source", rect, context.place)) {
        // Rebuilt when the text, its errors or the current lines change, not every frame.
        static SourceView view;
        static std::uint64_t key_generation = ~0ull;
        static std::size_t key_text = 0, key_errors = 0;
        static bool key_quiz = false;
        const int ran_line = current_step_line(controller), next_line = controller.snapshot().line;
        const bool quiz = controller.quiz_mode();
        if (key_generation != controller.generation() || key_text != controller.text().size() ||
            key_errors != controller.load_errors().size() || view.ran_line != ran_line || view.next_line != next_line ||
            key_quiz != quiz) {
            view = make_source_view(controller.text(), controller.load_errors(), ran_line, next_line, quiz);
            key_quiz = quiz;
            key_generation = controller.generation();
            key_text = controller.text().size();
            key_errors = controller.load_errors().size();
        }
        if (!editor.editing) {
            if (ImGui::Button("Edit")) {
                editor.editing = true;
                editor.buffer = controller.text();
                note_source_draft(true, editor.buffer);
            }
            note_item("source.edit");
        } else {
            if (ImGui::Button("Run")) {
                controller.push(cmd::Load{editor.buffer, true});
                editor.editing = false;
                note_source_draft(false, "");
            }
            note_item("source.run");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) {
                editor.editing = false;
                note_source_draft(false, "");
            }
        }
        if (context.wide_source != nullptr) {
            ImGui::SameLine();
            if (ImGui::Button(*context.wide_source ? "Narrower" : "Wider")) *context.wide_source = !*context.wide_source;
            note_item("source.wider");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Give the Source panel more of the window (for editing)");
        }
        ImGui::SameLine();
        ImGui::TextDisabled(editor.editing ? "Run re-loads and keeps the step" : "> marks the next line");
        for (const std::string& e : view.errors) {
            ImGui::PushStyleColor(ImGuiCol_Text, context.palette.guard);
            ImGui::TextWrapped("%s", e.c_str());
            ImGui::PopStyleColor();
        }
        if (!view.errors.empty() && controller.loaded()) {
            ImGui::TextDisabled("The other panels still show the last good run.");
        }
        // (A scenario's lesson text is in the Lesson panel below, which every lesson gets.)
        ImGui::PushFont(context.fonts.mono);
        if (editor.editing) {
            if (ImGui::InputTextMultiline("##source", editor.buffer.data(), editor.buffer.capacity() + 1,
                                          ImVec2(-1.0f, -1.0f),
                                          ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize,
                                          resize_callback, &editor.buffer)) {
                note_source_draft(true, editor.buffer);  // the page saves it (see shell/embed-storage.js)
            }
            note_item("source.editor");
        } else {
            if (ImGui::BeginChild("##lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar)) {
                draw_lines(view, context.palette, editor);
            }
            ImGui::EndChild();
        }
        ImGui::PopFont();
    }
    ImGui::End();
}

}  // namespace memsim::ui
