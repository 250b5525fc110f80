#include "ui/panel_choice.hpp"

#include "ui/view_options.hpp"

namespace memsim::ui {
namespace {

using scenario::BodyKind;

ShownPanels none() {
    return ShownPanels{.stack = false, .heap = false, .virtual_memory = false, .source = false, .events = false,
                       .statistics = false};
}

ShownPanels defaults_for(BodyKind kind) {
    ShownPanels p = none();
    p.source = p.events = true;
    switch (kind) {
        case BodyKind::Program: p.stack = p.heap = p.diagram = p.console = true; break;
        case BodyKind::Ops: p.stack = p.heap = p.virtual_memory = p.statistics = true; break;
        case BodyKind::References:
        case BodyKind::Trace: p.virtual_memory = p.statistics = p.compare = true; break;
        case BodyKind::HeapTrace: p.heap = p.statistics = p.compare = true; break;
        case BodyKind::Ostep: p.virtual_memory = true; break;
    }
    return p;
}

}  // namespace

ShownPanels wanted_panels(const ShownPanels& page_choice, const scenario::Scenario* scenario, const PanelToggles& toggles) {
    ShownPanels wanted;
    if (!(page_choice == ShownPanels{})) {
        wanted = page_choice;
    } else if (scenario == nullptr) {
        wanted = ShownPanels{};
        wanted.console = wanted.compare = wanted.diagram = true;  // all, for whatever loads
    } else if (!scenario->view.panels.empty()) {
        wanted = none();
        for (const std::string& name : scenario->view.panels) {
            if (bool* flag = panel_flag(wanted, name)) *flag = true;
        }
        wanted.large = scenario->view.large;
    } else {
        wanted = defaults_for(scenario->kind);
        wanted.large = scenario->view.large;
    }
    for (const auto& [name, on] : toggles) {
        if (bool* flag = panel_flag(wanted, name)) *flag = on;
    }
    return wanted;
}

ShownPanels choose_panels(const ShownPanels& page_choice, const scenario::Scenario* scenario, const PanelContent& content,
                          const PanelToggles& toggles) {
    ShownPanels shown = wanted_panels(page_choice, scenario, toggles);
    if (!content.loaded) return shown;
    shown.stack = shown.stack && content.stack;
    shown.heap = shown.heap && content.heap;
    shown.virtual_memory = shown.virtual_memory && content.virtual_memory;
    shown.console = shown.console && content.console;
    shown.compare = shown.compare && content.compare;
    shown.diagram = shown.diagram && content.diagram;
    return shown;
}

}  // namespace memsim::ui
