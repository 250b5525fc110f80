#pragma once
// Console: what the program printed (printf, puts; stderr too, as a terminal mixes them)
// up to the current step, scrolled to the newest line; stepping back takes the lines away
// again. Above it, "Input and arguments" gives the program its standard input and
// argv[1..] and re-runs it. Shown for MiniC programs.
#include <string>
#include <vector>

#include "memsim/machine/snapshot.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct ConsoleView {
    std::vector<std::string> lines;  // the output split at newlines
    bool open_line = false;          // the last line has no newline yet (the cursor is on it)
    std::string status;              // "running", "exited", ... with the reason when stopped
};

ConsoleView make_console_view(const machine::Snapshot& snapshot);

void draw_console_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
