#pragma once
// Lesson: the scenario's explanation in simple words, the author's narration at the
// current step, and quiz mode: before a question's step is revealed the question waits
// here with its answer buttons (or a text field); after it, whether the answer was right,
// the engine's answer and the explanation; and the score.
#include <string>
#include <vector>

#include "ui/builtin_scenarios.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

// The feedback on one answered question.
struct LessonResult {
    std::string text{};    // "Correct: 2." / "Not quite: you said 3, the answer is 2." / "Skipped: ..."
    bool correct = false;
    std::string explain{};
};

struct LessonView {
    std::string heading;                  // "Lesson 9: Belady's anomaly with FIFO" or the title
    std::string text;                     // the lesson text, in simple words
    std::vector<std::string> narration;   // the author's words for the current step
    bool asking = false;                  // a question waits before the next step
    std::string ask;
    std::vector<std::string> offered;     // answer buttons; empty = a text field
    bool has_result = false;              // the last answered question, shown until the next
    std::string result;                   // "Correct." / "Not quite: the answer is 3." / "Skipped: ..."
    bool result_correct = false;
    std::string explain;
    // Every answered question of this step, in order: two questions before one step each
    // get their feedback, the first one's while the second waits.
    std::vector<LessonResult> results;
    bool held = false;                    // the learner tried to step past the waiting question
    std::string score;                    // "Score 2 of 3 answered (5 questions)"; empty without a quiz
    std::string quiz_note;                // why the questions are set aside, or ""
    bool at_end = false;                  // the last step is shown
    std::string recap;                    // the lesson's [course] recap, shown at its end
    std::string next_lesson;              // the next lesson's built-in name, "" after the last
    std::string next_label;               // "Next: 2. Stack versus heap"
};

// Lesson text as paragraphs for a wrapping panel: the line breaks of the file are joined,
// blank lines separate paragraphs, indented lines (commands, diagrams) stay as written.
std::string lesson_paragraphs(const std::string& text);

// Whether the loaded scenario has anything for this panel.
bool has_lesson(const Controller& controller);

// The panel's content at the controller's current step.
LessonView make_lesson_view(const Controller& controller);

// The lesson after `name` in the course, or nullptr after the last (or for a non-lesson).
const CourseLesson* next_lesson(const std::string& name);

void draw_lesson_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
