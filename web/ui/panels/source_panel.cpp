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
        view.errors.push_back(SourceError{.line = e.line, .text = where.empty() ? e.message : where + ": " + e.message});
        if (e.line > 0 && static_cast<std::size_t>(e.line) <= view.lines.size()) {
            SourceLine& line = view.lines[static_cast<std::size_t>(e.line - 1)];
            if (line.error_column > 0) continue;  // the first error of a line is the one marked
            line.error_column = std::max(e.column, 1);
            line.error = e.message;
        }
    }
    return view;
}

void fold_front_matter(SourceView& view) {
    if (view.lines.empty() || view.lines.front().text != "+++") return;
    std::size_t close = 1;
    while (close < view.lines.size() && view.lines[close].text != "+++") ++close;
    if (close >= view.lines.size()) return;  // no closing line: nothing to fold safely
    for (std::size_t i = 0; i <= close; ++i) {
        if (view.lines[i].error_column > 0 || view.lines[i].ran || view.lines[i].next) return;
    }
    SourceLine folded{.number = 1, .text = "+++ settings (" + std::to_string(close + 1) + " lines) +++",
                      .ran = false, .next = false, .error_column = 0, .error = {}, .folded = static_cast<int>(close + 1)};
    view.lines.erase(view.lines.begin(), view.lines.begin() + static_cast<std::ptrdiff_t>(close + 1));
    view.lines.insert(view.lines.begin(), std::move(folded));
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
    bool show_front_matter = false;  // the folded settings and lesson text are shown
    std::string buffer;
    int scrolled_to = -1;
    int scroll_to_error = 0;  // a line to bring into view once: the first error, or a clicked one
};

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* buffer = static_cast<std::string*>(data->UserData);
        buffer->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = buffer->data();
    }
    return 0;
}

void draw_line(const SourceLine& line, const Palette& palette, float gutter, EditorState& editor) {
    if (line.folded > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette.muted);
        if (ImGui::Selectable(line.text.c_str())) editor.show_front_matter = true;
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to show the scenario's settings, lesson text and questions");
        note_item("source.front_matter");
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeightWithSpacing();
    const float w = ImGui::GetContentRegionAvail().x;
    if (line.ran) draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), with_alpha(palette.current, 0x60));
    if (line.next) {
        draw->AddRect(p, ImVec2(p.x + w, p.y + h), palette.current);
        ImGui::Dummy(ImVec2(1.0f, h));  // an item for the browser tests to find the next line by
        note_item("source.next_line");
        ImGui::SetCursorScreenPos(p);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette.muted);
    ImGui::Text("%3d", line.number);
    ImGui::PopStyleColor();
    ImGui::SameLine(gutter);
    if (line.error_column > 0) {  // the margin mark of a line with an error
        ImGui::PushStyleColor(ImGuiCol_Text, palette.guard);
        ImGui::TextUnformatted("!");
        ImGui::PopStyleColor();
    } else {
        ImGui::TextUnformatted(line.next ? ">" : " ");
    }
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
            draw_line(view.lines[static_cast<std::size_t>(i)], palette, gutter, editor);
        }
    }
    const auto scroll_to = [&](int target) {
        const float h = ImGui::GetTextLineHeightWithSpacing();
        std::size_t index = 0;  // the target's row (folded lines shift the rows)
        while (index + 1 < view.lines.size() && view.lines[index + 1].number <= target) ++index;
        ImGui::SetScrollY(std::max(0.0f, h * static_cast<float>(index) - ImGui::GetWindowHeight() * 0.4f));
    };
    if (editor.scroll_to_error > 0) {  // an error asked for wins over the current line
        scroll_to(editor.scroll_to_error);
        editor.scroll_to_error = 0;
        return;
    }
    // Keep the current line in sight as the run moves.
    const int target = view.ran_line > 0 ? view.ran_line : view.next_line;
    if (target > 0 && target != editor.scrolled_to) {
        scroll_to(target);
        editor.scrolled_to = target;
    }
}

// The load errors, each a link that scrolls the text to its line; a long list scrolls
// in a few lines' height so that the text stays in view.
void draw_errors(const SourceView& view, const Palette& palette, EditorState& editor) {
    if (view.errors.empty()) return;
    const float row = ImGui::GetTextLineHeightWithSpacing();
    const bool scrolls = view.errors.size() > 4;
    if (scrolls) {
        ImGui::TextDisabled("%zu errors (click one to see its line):", view.errors.size());
        ImGui::BeginChild("##errors", ImVec2(0, row * 4.5f), true);
    }
    for (std::size_t i = 0; i < view.errors.size(); ++i) {
        const SourceError& e = view.errors[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, palette.guard);
        ImGui::PushTextWrapPos(0.0f);
        const float height = ImGui::CalcTextSize(e.text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
        if (ImGui::Selectable("##error", false, 0, ImVec2(0, height)) && e.line > 0) editor.scroll_to_error = e.line;
        if (e.line > 0 && ImGui::IsItemHovered()) ImGui::SetTooltip("Show line %d", e.line);
        note_item(("source.error." + std::to_string(i)).c_str());
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetItemRectSize().x);
        ImGui::TextUnformatted(e.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (scrolls) ImGui::EndChild();
}

}  // namespace

void draw_source_panel(const Rect& rect, PanelContext& context) {
    static EditorState editor;
    Controller& controller = context.controller;
    if (begin_panel("Source", rect, context.place)) {
        // Rebuilt when the text, its errors or the current lines change, not every frame.
        static SourceView view, folded_view;
        static std::uint64_t key_generation = ~0ull;
        static std::size_t key_text = 0, key_errors = 0;
        static bool key_quiz = false;
        const int ran_line = current_step_line(controller), next_line = controller.snapshot().line;
        const bool quiz = controller.quiz_mode();
        if (key_generation != controller.generation() || key_text != controller.text().size() ||
            key_errors != controller.load_errors().size() || view.ran_line != ran_line || view.next_line != next_line ||
            key_quiz != quiz) {
            view = make_source_view(controller.text(), controller.load_errors(), ran_line, next_line, quiz);
            folded_view = view;
            fold_front_matter(folded_view);
            key_quiz = quiz;
            key_generation = controller.generation();
            key_text = controller.text().size();
            // New errors: the first one is brought into view.
            if (key_errors != controller.load_errors().size() && !view.errors.empty()) {
                editor.scroll_to_error = view.errors.front().line;
            }
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
        if (!editor.editing && editor.show_front_matter && controller.text().starts_with("+++")) {
            ImGui::SameLine();
            if (ImGui::Button("Fold settings")) editor.show_front_matter = false;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fold the settings, lesson text and questions into one line");
        }
        ImGui::SameLine();
        ImGui::TextDisabled(editor.editing ? "Run re-loads and keeps the step" : "> marks the next line");
        draw_errors(view, context.palette, editor);
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
                draw_lines(editor.show_front_matter ? view : folded_view, context.palette, editor);
            }
            ImGui::EndChild();
        }
        ImGui::PopFont();
    }
    ImGui::End();
}

}  // namespace memsim::ui
