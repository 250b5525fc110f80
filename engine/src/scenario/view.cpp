#include "memsim/scenario/view.hpp"

#include <algorithm>

#include "memsim/scenario/settings.hpp"

namespace memsim::scenario {

const std::vector<std::string>& panel_names() {
    static const std::vector<std::string> names{"source", "stack", "heap", "vm", "diagram",
                                                "events", "console", "compare", "statistics"};
    return names;
}

const std::vector<std::string>& vm_tab_names() {
    static const std::vector<std::string> names{"frames", "translation", "tables", "pages"};
    return names;
}

ViewParts read_view_parts(const toml::table& front_matter, int line_offset, std::vector<Error>& errors) {
    ViewParts parts;
    SettingsReader view(front_matter, "view", errors, line_offset);
    if (!view.present()) return parts;
    const auto known = [](const std::string& name) {
        return std::find(panel_names().begin(), panel_names().end(), name) != panel_names().end();
    };
    std::string names_list;
    for (const std::string& name : panel_names()) names_list += (names_list.empty() ? "" : ", ") + name;
    for (const std::string& name : view.texts("panels")) {
        if (!known(name)) {
            view.reject("panels", "'" + name + "' is not a panel; the panels are " + names_list);
            continue;
        }
        parts.panels.push_back(name);
    }
    if (view.has("large")) {
        parts.large = view.text("large", "");
        if (!known(parts.large)) {
            view.reject("large", "'" + parts.large + "' is not a panel; the panels are " + names_list);
            parts.large.clear();
        }
    }
    if (view.has("vm_tab")) parts.vm_tab = view.choice("vm_tab", "frames", vm_tab_names());
    view.finish();
    return parts;
}

}  // namespace memsim::scenario
