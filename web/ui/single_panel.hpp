#pragma once
// One panel at a time: the phone layout (a narrow screen shows one panel with tabs to
// switch) and the projector's presentation mode (the focused panel fills the window with
// large text). Pure helpers here; the App draws.
#include <optional>
#include <string_view>
#include <vector>

#include "ui/layout.hpp"

namespace memsim::ui {

enum class PanelId { Lesson, Source, Stack, Diagram, Heap, VirtualMemory, Events, Console, Compare, Statistics };

// The panel's window title ("Virtual memory") and a short tab label ("VM").
const char* panel_title(PanelId id);
const char* panel_tab_label(PanelId id);
// The panel whose window has this title, if any.
std::optional<PanelId> panel_by_title(std::string_view title);

// The shown panels in tab order: the lesson first, then as the tiled layout reads.
std::vector<PanelId> shown_panel_ids(const ShownPanels& shown);

// The panel named by [view] large ("heap", "vm", ...), if it is shown.
std::optional<PanelId> large_panel(const ShownPanels& shown);

// The panel a phone opens on for a newly loaded scenario: the one it is about ([view]
// large), else Source (a C program or trace with no `large` is first of all its text),
// else the first tab. Never a panel that is not shown, unless none is.
PanelId opening_panel(const ShownPanels& shown);

// What a phone does about a lesson question that holds the run (stepping stops before it
// until it is answered in the Lesson tab, so > on another tab seemed to do nothing): the
// frame a question starts waiting it opens the Lesson tab; while it waits and the learner
// looks at another tab, a banner says so and leads there, and a step the question refused
// (> pressed again) opens the Lesson tab again.
enum class QuestionCue { None, OpenLesson, Banner };
QuestionCue question_cue(bool waiting, bool was_waiting, bool step_refused, PanelId open, bool lesson_shown);

// Whether the display is too narrow for tiles: under about 700 CSS pixels at the
// default text size, measured in font heights so a larger text size narrows it too.
bool compact_display(float display_width, float font_size);

}  // namespace memsim::ui
