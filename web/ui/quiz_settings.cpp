#include "ui/quiz_settings.hpp"

#include <map>
#include <sstream>

namespace memsim::ui {
namespace {

constexpr const char* setting_tables[] = {"machine", "stack", "heap", "vm", "trace"};

// "table.key" -> the value as TOML text, for every setting of the machine's tables.
std::map<std::string, std::string> settings_of(const scenario::Scenario& s) {
    std::map<std::string, std::string> out;
    out["kind"] = scenario::body_kind_name(s.kind);
    if (s.front_matter == nullptr) return out;
    for (const char* name : setting_tables) {
        const toml::table* table = s.front_matter->get_as<toml::table>(name);
        if (table == nullptr) continue;
        for (const auto& [key, value] : *table) {
            std::ostringstream text;
            value.visit([&text](const auto& node) { text << node; });
            out[std::string(name) + "." + std::string(key.str())] = text.str();
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> changed_settings(const scenario::Scenario& written, const scenario::Scenario& now) {
    const auto before = settings_of(written), after = settings_of(now);
    std::vector<std::string> changes;
    const auto value_in = [](const std::map<std::string, std::string>& m, const std::string& key) {
        const auto it = m.find(key);
        return it == m.end() ? std::string("(default)") : it->second;
    };
    std::map<std::string, bool> keys;
    for (const auto& [key, value] : before) keys[key] = true;
    for (const auto& [key, value] : after) keys[key] = true;
    for (const auto& [key, unused] : keys) {
        const std::string was = value_in(before, key), is = value_in(after, key);
        if (was != is) changes.push_back(key + ": " + was + " -> " + is);
    }
    return changes;
}

std::string set_aside_note(const std::vector<std::string>& changes) {
    std::string list;
    for (std::size_t i = 0; i < changes.size() && i < 3; ++i) list += (i == 0 ? "" : "; ") + changes[i];
    if (changes.size() > 3) list += "; and " + std::to_string(changes.size() - 3) + " more";
    return "The questions were written for the lesson's own settings, and this run differs (" + list +
           "), so they are set aside. Reload the lesson to bring them back.";
}

}  // namespace memsim::ui
