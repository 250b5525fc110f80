#include "ui/panels/lesson_panel.hpp"

#include <array>

#include "imgui.h"

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
    // The answer to the question this step revealed, shown while the learner is on it.
    if (const QuizItem* last = quiz.last_answered(); last != nullptr && last->question.step == controller.step()) {
        view.has_result = true;
        view.result = result_text(*last);
        view.result_correct = last->outcome == QuizOutcome::Correct;
        view.explain = last->question.explain;
    }
    if (quiz.active()) {
        view.score = "Score " + std::to_string(quiz.correct()) + " of " + std::to_string(quiz.answered()) + " answered (" +
                     std::to_string(quiz.total()) + " questions)";
    }
    return view;
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
            ImGui::TextDisabled("%s", view.score.c_str());
        }
        ImGui::Separator();
        if (view.has_result) {
            const ImVec4 colour = ImGui::ColorConvertU32ToFloat4(view.result_correct ? context.palette.free : context.palette.guard);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextWrapped("%s", view.result.c_str());
            ImGui::PopStyleColor();
            if (!view.explain.empty()) ImGui::TextWrapped("%s", view.explain.c_str());
            ImGui::Separator();
        }
        if (view.asking) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(context.palette.current), "Before the next step:");
            ImGui::TextWrapped("%s", view.ask.c_str());
            for (const std::string& choice : view.offered) {
                if (ImGui::Button(choice.c_str())) context.controller.push(cmd::Answer{choice});
                ImGui::SameLine();
            }
            if (view.offered.empty()) {
                static std::array<char, 64> typed{};
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
                const bool entered = ImGui::InputText("##answer", typed.data(), typed.size(), ImGuiInputTextFlags_EnterReturnsTrue);
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
        for (const std::string& line : view.narration) ImGui::TextWrapped("%s", line.c_str());
        if (!view.narration.empty()) ImGui::Separator();
        ImGui::TextWrapped("%s", view.text.c_str());
    }
    ImGui::End();
}

}  // namespace memsim::ui
