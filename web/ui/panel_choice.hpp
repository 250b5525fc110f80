#pragma once
// Which panels the app shows for the loaded scenario, as a pure function so the rule can
// be unit-tested. In order of precedence:
//   1. a page that embeds the app chose its panels (?panels=stack,heap): exactly those;
//   2. else the scenario names them ([view] panels = [...]);
//   3. else defaults by what the body is: a C program shows Source, Stack, the memory
//      diagram, Heap, Events and Console; a heap trace Heap and its statistics; a
//      reference string or trace Virtual memory, Events, Statistics and Compare; an ops
//      scenario every machine panel.
// The learner's own View > Panels choices then override single panels, and a panel is
// shown only where the run has content for it (no Stack for a heap trace).
#include <map>
#include <string>

#include "memsim/scenario/scenario.hpp"
#include "ui/layout.hpp"

namespace memsim::ui {

// What the loaded run can fill.
struct PanelContent {
    bool loaded = false;  // nothing loaded: every panel may show (empty)
    bool stack = false, heap = false, virtual_memory = false;
    bool console = false, compare = false, diagram = false;
};

// The learner's View > Panels choices: panel name ("heap", "vm", ...) -> shown.
using PanelToggles = std::map<std::string, bool>;

// The panels before the run's content is taken into account (steps 1 to 3 above, then
// the toggles). `page_choice` equal to ShownPanels{} means the page chose nothing.
ShownPanels wanted_panels(const ShownPanels& page_choice, const scenario::Scenario* scenario, const PanelToggles& toggles);

// The panels to draw: wanted_panels limited to what the run can fill.
ShownPanels choose_panels(const ShownPanels& page_choice, const scenario::Scenario* scenario, const PanelContent& content,
                          const PanelToggles& toggles);

}  // namespace memsim::ui
