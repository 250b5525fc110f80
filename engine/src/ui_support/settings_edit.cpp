#include "memsim/ui_support/settings_edit.hpp"

#include <optional>
#include <string_view>

#include "memsim/core/text.hpp"
#include "memsim/scenario/scenario.hpp"

namespace memsim::ui_support {
namespace {

struct ShortName {
    const char* name;
    const char* table;
    const char* key;
};

constexpr ShortName short_names[] = {
    {"frames", "vm", "frames"},       {"policy", "vm", "policy"},      {"tlb", "vm", "tlb_entries"},
    {"tlb_entries", "vm", "tlb_entries"}, {"pagesize", "vm", "page_size"}, {"page_size", "vm", "page_size"},
    {"allocator", "heap", "allocator"},
};

// The table a header line opens ("[vm]" -> "vm"), or nothing for other lines.
std::optional<std::string> table_header(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.size() < 3 || t.front() != '[' || t[1] == '[') return std::nullopt;
    const auto close = t.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return std::string(trim(t.substr(1, close - 1)));
}

// Whether the line assigns `key` (bare key, then optional blanks, then '=').
bool assigns(std::string_view line, const std::string& key) {
    const std::string_view t = trim(line);
    if (!t.starts_with(key)) return false;
    const std::string_view rest = trim(t.substr(key.size()));
    return !rest.empty() && rest.front() == '=';
}

std::size_t count_triple_quotes(std::string_view line) {
    std::size_t n = 0;
    for (std::size_t at = line.find("\"\"\""); at != std::string_view::npos; at = line.find("\"\"\"", at + 3)) ++n;
    return n;
}

// Applies one edit to the front-matter lines (without the +++ fences).
void apply_one(std::vector<std::string>& lines, const SettingEdit& edit) {
    const std::string assignment = edit.key + " = " + edit.value;
    std::string table;
    bool in_multiline = false;
    std::optional<std::size_t> header_line;      // where edit.table's header is
    std::optional<std::size_t> first_header;     // first table header of all
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool was_multiline = in_multiline;
        if (count_triple_quotes(lines[i]) % 2 == 1) in_multiline = !in_multiline;
        if (was_multiline) continue;
        if (const auto header = table_header(lines[i])) {
            table = *header;
            if (!first_header) first_header = i;
            if (table == edit.table) header_line = i;
            continue;
        }
        if (table == edit.table && assigns(lines[i], edit.key)) {
            lines[i] = assignment;
            return;
        }
    }
    if (edit.table.empty()) {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(first_header.value_or(lines.size())), assignment);
    } else if (header_line) {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(*header_line + 1), assignment);
    } else {
        lines.push_back("");
        lines.push_back("[" + edit.table + "]");
        lines.push_back(assignment);
    }
}

}  // namespace

std::string toml_integer(std::int64_t value) { return std::to_string(value); }

std::string toml_string(const std::string& value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) >= 0x20) {
            out += c;
        }
    }
    return out + "\"";
}

std::string toml_bool(bool value) { return value ? "true" : "false"; }

Result<SettingEdit> setting_edit(const std::string& name, const std::string& value) {
    for (const ShortName& s : short_names) {
        if (name == s.name) return SettingEdit{s.table, s.key, value};
    }
    const auto dot = name.find('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < name.size() && name.find('.', dot + 1) == std::string::npos) {
        return SettingEdit{name.substr(0, dot), name.substr(dot + 1), value};
    }
    return fail("unknown setting '" + name +
                "': use frames, policy, tlb, pagesize, allocator or a dotted name such as vm.frames");
}

Result<std::string> apply_settings(const std::string& text, const std::vector<SettingEdit>& edits) {
    const auto all = split_lines(text);
    std::vector<std::size_t> fences;
    for (std::size_t i = 0; i < all.size() && fences.size() < 2; ++i) {
        if (trim(all[i]) == "+++") fences.push_back(i);
    }
    if (fences.empty() && !trim(text).empty()) {  // a plain C program: write out the settings it runs with
        return apply_settings("+++\n" + scenario::plain_c_front_matter() + "+++\n" + text, edits);
    }
    if (fences.size() < 2) return fail("the scenario has no front matter between +++ lines to change", 1, 1);
    std::vector<std::string> front;
    for (std::size_t i = fences[0] + 1; i < fences[1]; ++i) front.emplace_back(all[i]);
    for (const SettingEdit& edit : edits) apply_one(front, edit);

    std::string out;
    for (std::size_t i = 0; i <= fences[0]; ++i) out.append(all[i]).append("\n");
    for (const std::string& line : front) out.append(line).append("\n");
    for (std::size_t i = fences[1]; i < all.size(); ++i) {
        out.append(all[i]);
        if (i + 1 < all.size() || (!text.empty() && text.back() == '\n')) out.append("\n");
    }
    return out;
}

}  // namespace memsim::ui_support
