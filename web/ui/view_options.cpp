#include "ui/view_options.hpp"

#include "memsim/core/text.hpp"

namespace memsim::ui {

bool* panel_flag(ShownPanels& p, std::string_view name) {
    if (name == "source") return &p.source;
    if (name == "stack") return &p.stack;
    if (name == "heap") return &p.heap;
    if (name == "vm" || name == "virtual-memory") return &p.virtual_memory;
    if (name == "events") return &p.events;
    if (name == "statistics" || name == "stats") return &p.statistics;
    if (name == "console") return &p.console;
    if (name == "compare") return &p.compare;
    if (name == "diagram") return &p.diagram;
    return nullptr;
}

std::optional<ShownPanels> parse_panel_list(std::string_view list, std::string& bad) {
    ShownPanels chosen{.stack = false, .heap = false, .virtual_memory = false,
                       .source = false, .events = false, .statistics = false};
    bool any = false;
    for (const std::string_view raw : split_any(list, ",")) {
        const std::string_view name = trim(raw);
        if (name.empty()) continue;
        bool* flag = panel_flag(chosen, name);
        if (flag == nullptr) {
            bad = std::string(name);
            return std::nullopt;
        }
        *flag = true;
        any = true;
    }
    if (!any) {
        bad = std::string(list);
        return std::nullopt;
    }
    return chosen;
}

std::string panel_list(const ShownPanels& p) {
    std::string out;
    const auto add = [&out](bool on, const char* name) {
        if (!on) return;
        if (!out.empty()) out += ",";
        out += name;
    };
    add(p.source, "source");
    add(p.stack, "stack");
    add(p.heap, "heap");
    add(p.virtual_memory, "vm");
    add(p.events, "events");
    add(p.statistics, "statistics");
    add(p.console, "console");
    add(p.compare, "compare");
    add(p.diagram, "diagram");
    return out;
}

}  // namespace memsim::ui
