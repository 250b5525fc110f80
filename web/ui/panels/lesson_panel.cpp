#include "ui/panels/lesson_panel.hpp"

#include <array>

#include "imgui.h"
#include "ui/widget_rects.hpp"

namespace memsim::ui {
namespace {

std::string result_text(const QuizItem& item) {
    switch (item.outcome) {
        case QuizOutcome::Correct: return "Correct: " + item.truth + ".";
        case QuizOutcome::Wrong: return "Not quite: you said " + item.given + ", the answer is " + item.truth + ".";
        case QuizOutcome::Skipped: return "Skipped: the answer is " + item.truth + ".";
        case QuizOutcome::Open: break;
    }
    return "";
}

}  // namespace

std::string lesson_paragraphs(const std::string& text) {
    std::string out;
    bool joinable = false;  // the previous line was prose that the next one continues
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty()) {
            while (!out.empty() && out.back() == '\n') out.pop_back();
            if (!out.empty()) out += "\n\n";
            joinable = false;
        } else if (line.front() == ' ') {  // an indented line (a command, a diagram) keeps its place
            if (!out.empty() && out.back() != '\n') out += '\n';
            out += line + '\n';
            joinable = false;
        } else {
            out += (joinable ? " " : "") + line;
            joinable = true;
        }
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

bool has_lesson(const Controller& controller) {
    const machine::Simulator* sim = controller.simulator();
    if (sim == nullptr) return false;
    const scenario::Scenario& s = sim->scenario();
    return !s.lesson.empty() || s.teaching.order > 0 || !s.teaching.narration.empty() || !s.teaching.questions.empty();
}

LessonView make_lesson_view(const Controller& controller) {
    LessonView view;
    const machine::Simulator* sim = controller.simulator();
    if (sim == nullptr) return view;
    const scenario::Scenario& s = sim->scenario();
    view.heading = s.teaching.order > 0 ? "Lesson " + std::to_string(s.teaching.order) + ": " + s.title : s.title;
    view.text = lesson_paragraphs(s.lesson.empty() ? s.summary : s.lesson);
    for (const scenario::Narration& n : s.teaching.narration) {
        if (n.step == controller.step()) view.narration.push_back(n.text);
    }
    const Quiz& quiz = controller.quiz();
    const QuizItem* pending = controller.quiz_mode() ? quiz.pending(controller.step()) : nullptr;
    if (pending != nullptr) {
        view.asking = true;
        view.ask = pending->question.ask;
        view.offered = pending->offered;
    }
    // The answers to the questions this step revealed, and to those of the next step
    // already answered while another of its questions waits.
    const std::uint64_t step = controller.step();
    for (const QuizItem& item : quiz.items()) {
        const bool here = item.question.step == step || (view.asking && item.question.step == step + 1);
        if (!here || item.outcome == QuizOutcome::Open) continue;
        view.results.push_back(LessonResult{.text = result_text(item), .correct = item.outcome == QuizOutcome::Correct,
                                            .explain = item.question.explain});
    }
    if (const QuizItem* last = quiz.last_answered(); last != nullptr && (last->question.step == step || view.asking)) {
        view.has_result = !view.results.empty();
        view.result = result_text(*last);
        view.result_correct = last->outcome == QuizOutcome::Correct;
        view.explain = last->question.explain;
    }
    view.held = view.asking && controller.held_by_question();
    view.quiz_note = controller.quiz_note();
    view.at_end = controller.loaded() && controller.step() == controller.total_steps() && controller.total_steps() > 0;
    if (view.at_end) {
        view.recap = s.teaching.recap;
        if (const CourseLesson* next = next_lesson(controller.lesson_name())) {
            view.next_lesson = next->name;
            view.next_label = "Next: " + next->label;
        }
    }
    if (quiz.active()) {
        view.score = "Score " + std::to_string(quiz.correct()) + " of " + std::to_string(quiz.answered()) + " answered (" +
                     std::to_string(quiz.total()) + " questions)";
    }
    return view;
}

const CourseLesson* next_lesson(const std::string& name) {
    const auto& lessons = course();
    for (std::size_t i = 0; i + 1 < lessons.size(); ++i) {
        if (name == lessons[i].name) return &lessons[i + 1];
    }
    return nullptr;
}

void draw_lesson_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Lesson", rect, context.place)) {
        const LessonView view = make_lesson_view(context.controller);
        ImGui::TextWrapped("%s", view.heading.c_str());
        if (!view.score.empty()) {
            bool quiz_on = context.controller.quiz_mode();
            if (ImGui::Checkbox("Quiz", &quiz_on)) context.controller.push(cmd::SetQuizMode{quiz_on});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ask each question before its step is revealed");
            ImGui::SameLine();
            // Wrapped beside the box: a narrow Lesson panel must not cut the count off.
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", view.score.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        if (!view.quiz_note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(context.palette.muted));
            ImGui::TextWrapped("%s", view.quiz_note.c_str());
            ImGui::PopStyleColor();
            ImGui::Separator();
        }
        for (const LessonResult& result : view.results) {
            const ImVec4 colour = ImGui::ColorConvertU32ToFloat4(result.correct ? context.palette.free : context.palette.guard);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextWrapped("%s", result.text.c_str());
            ImGui::PopStyleColor();
            if (!result.explain.empty()) ImGui::TextWrapped("%s", result.explain.c_str());
            ImGui::Separator();
        }
        if (view.asking) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(context.palette.current), "Before the next step:");
            ImGui::TextWrapped("%s", view.ask.c_str());
            if (view.held) {
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(context.palette.guard),
                                   "The next step waits for this answer: pick one (or press its number), or Skip.");
            }
            for (std::size_t i = 0; i < view.offered.size(); ++i) {
                const std::string& choice = view.offered[i];
                const std::string label = i < 9 ? std::to_string(i + 1) + ": " + choice : choice;
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Button(label.c_str())) context.controller.push(cmd::Answer{choice});
                note_item("lesson.answer." + std::to_string(i + 1));
                ImGui::PopID();
                ImGui::SameLine();
            }
            if (view.offered.empty()) {
                static std::array<char, 64> typed{};
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
                const bool entered = ImGui::InputText("##answer", typed.data(), typed.size(), ImGuiInputTextFlags_EnterReturnsTrue);
                note_item("lesson.typed_answer");
                ImGui::SameLine();
                if (ImGui::Button("Answer") || entered) {
                    context.controller.push(cmd::Answer{typed.data()});
                    typed.fill('\0');
                }
                ImGui::SameLine();
            }
            if (ImGui::Button("Skip")) context.controller.push(cmd::SkipQuestion{});
            ImGui::Separator();
        }
        if (view.at_end && (!view.recap.empty() || !view.next_lesson.empty())) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(context.palette.current), "What this lesson showed");
            if (!view.recap.empty()) ImGui::TextWrapped("%s", view.recap.c_str());
            if (!view.next_lesson.empty()) {
                if (ImGui::Button(view.next_label.c_str())) context.controller.push(cmd::LoadBuiltin{view.next_lesson});
                note_item("lesson.next");
            }
            if (view.next_lesson.empty() && context.controller.simulator()->scenario().teaching.order > 0) {
                ImGui::TextWrapped("This was the last lesson of the course.");
            }
            ImGui::Separator();
        }
        for (const std::string& line : view.narration) ImGui::TextWrapped("%s", line.c_str());
        if (!view.narration.empty()) ImGui::Separator();
        ImGui::TextWrapped("%s", view.text.c_str());
    }
    ImGui::End();
}

}  // namespace memsim::ui
