#pragma once
// Source: the scenario text with the line the current step ran highlighted and the line
// that runs next marked; an editor, and "Run" re-loads keeping the current step where
// possible. Load errors are listed (each a link to its line) and marked at their line and
// column and in the margin; the first is scrolled into view.
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct SourceLine {
    int number = 0;           // 1-based
    std::string text;
    bool ran = false;         // the current step came from this line
    bool next = false;        // the next step comes from this line
    int error_column = 0;     // 1-based column of a load error here, 0 = none
    std::string error;        // its message
    int folded = 0;           // > 0: this line stands for that many folded lines (the front matter)
};

// A load error as listed above the text: a click scrolls to its line.
struct SourceError {
    int line = 0;      // 0 = not tied to a line
    std::string text;  // "line 3, column 8: message"
};

struct SourceView {
    std::vector<SourceLine> lines;
    int ran_line = 0, next_line = 0;
    std::vector<SourceError> errors;  // every error, in order (a C program lists them all)
};

// `ran_line`: line of the current step (0 = none); `next_line`: line of the next step.
// `hide_answers` (quiz mode): the front matter's `answer` and `explain` values are shown
// as hidden, so the lesson's questions cannot be read off the Source panel.
// Folds the front matter (from the first "+++" line to the closing one) into one line,
// unless a load error points into it: a lesson's settings, text and questions are not
// the program, and the questions' wording would give their answers away. The Source
// panel shows it again on a click.
void fold_front_matter(SourceView& view);

SourceView make_source_view(const std::string& text, const std::vector<Error>& errors, int ran_line, int next_line,
                            bool hide_answers = false);

// The line the current step ran (from its events), 0 when none.
int current_step_line(const Controller& controller);

void draw_source_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
