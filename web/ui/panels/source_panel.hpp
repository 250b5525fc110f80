#pragma once
// Source: the scenario text with the line the current step ran highlighted and the line
// that runs next marked; an editor, and "Run" re-loads keeping the current step where
// possible. Load errors are listed and marked at their line and column.
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
};

struct SourceView {
    std::vector<SourceLine> lines;
    int ran_line = 0, next_line = 0;
    std::vector<std::string> errors;  // "line 3, column 8: message"
};

// `ran_line`: line of the current step (0 = none); `next_line`: line of the next step.
// `hide_answers` (quiz mode): the front matter's `answer` and `explain` values are shown
// as hidden, so the lesson's questions cannot be read off the Source panel.
SourceView make_source_view(const std::string& text, const std::vector<Error>& errors, int ran_line, int next_line,
                            bool hide_answers = false);

// The line the current step ran (from its events), 0 when none.
int current_step_line(const Controller& controller);

void draw_source_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
