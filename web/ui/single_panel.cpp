#include "ui/single_panel.hpp"

#include <array>

namespace memsim::ui {
namespace {

struct PanelName {
    PanelId id;
    const char* title;
    const char* tab;
    const char* view_name;  // as [view] and ?panels= spell it
};

constexpr std::array<PanelName, 10> names = {{
    {PanelId::Lesson, "Lesson", "Lesson", "lesson"},
    {PanelId::Source, "Source", "Source", "source"},
    {PanelId::Stack, "Stack", "Stack", "stack"},
    {PanelId::Diagram, "Memory diagram", "Diagram", "diagram"},
    {PanelId::Heap, "Heap", "Heap", "heap"},
    {PanelId::VirtualMemory, "Virtual memory", "VM", "vm"},
    {PanelId::Events, "Events", "Events", "events"},
    {PanelId::Console, "Console", "Console", "console"},
    {PanelId::Compare, "Compare", "Compare", "compare"},
    {PanelId::Statistics, "Statistics", "Stats", "statistics"},
}};

bool is_shown(const ShownPanels& s, PanelId id) {
    switch (id) {
        case PanelId::Lesson: return s.lesson;
        case PanelId::Source: return s.source;
        case PanelId::Stack: return s.stack;
        case PanelId::Diagram: return s.diagram;
        case PanelId::Heap: return s.heap;
        case PanelId::VirtualMemory: return s.virtual_memory;
        case PanelId::Events: return s.events;
        case PanelId::Console: return s.console;
        case PanelId::Compare: return s.compare;
        case PanelId::Statistics: return s.statistics;
    }
    return false;
}

}  // namespace

const char* panel_title(PanelId id) { return names[static_cast<std::size_t>(id)].title; }
const char* panel_tab_label(PanelId id) { return names[static_cast<std::size_t>(id)].tab; }

std::optional<PanelId> panel_by_title(std::string_view title) {
    for (const PanelName& n : names) {
        if (title == n.title) return n.id;
    }
    return std::nullopt;
}

std::vector<PanelId> shown_panel_ids(const ShownPanels& shown) {
    std::vector<PanelId> ids;
    for (const PanelName& n : names) {
        if (is_shown(shown, n.id)) ids.push_back(n.id);
    }
    return ids;
}

std::optional<PanelId> large_panel(const ShownPanels& shown) {
    for (const PanelName& n : names) {
        if (shown.large == n.view_name && is_shown(shown, n.id)) return n.id;
    }
    return std::nullopt;
}

PanelId opening_panel(const ShownPanels& shown) {
    if (const auto large = large_panel(shown)) return *large;
    if (shown.source) return PanelId::Source;
    const std::vector<PanelId> ids = shown_panel_ids(shown);
    return ids.empty() ? PanelId::Source : ids.front();
}

QuestionCue question_cue(bool waiting, bool was_waiting, bool step_refused, PanelId open, bool lesson_shown) {
    if (!waiting || !lesson_shown || open == PanelId::Lesson) return QuestionCue::None;
    return was_waiting && !step_refused ? QuestionCue::Banner : QuestionCue::OpenLesson;
}

bool compact_display(float display_width, float font_size) {
    return font_size > 0.0f && display_width < font_size * 44.0f;
}

}  // namespace memsim::ui
