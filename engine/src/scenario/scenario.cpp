#include "memsim/scenario/scenario.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "memsim/core/text.hpp"
#include "memsim/scenario/settings.hpp"

namespace memsim::scenario {
namespace {

struct Split {
    std::string front_matter;
    int front_first_line = 0;
    std::string body;
    int body_first_line = 0;
};

// A plain C file (no front matter) runs as a program with the settings a C program on
// 64-bit Linux gets: the x86-64 layout and System V calls (and so glibc's malloc, the
// default for a 64-bit program: see read_machine_config).
Split plain_c_program(const std::string& text) {
    Split split;
    split.front_matter = plain_c_front_matter();
    split.front_first_line = 1;
    split.body = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
    split.body_first_line = 1;
    return split;
}

}  // namespace

std::string plain_c_front_matter() {
    // No allocator: a 64-bit program gets glibc's (machine/scenario_config.hpp).
    return "format = 1\ntitle = \"C program\"\nkind = \"program\"\n[machine]\nbits = 64\n";
}

namespace {

Result<Split> split_front_matter(const std::string& text) {
    const auto lines = split_lines(text);
    std::size_t first = 0;
    while (first < lines.size() && trim(lines[first]).empty()) ++first;
    if (first == lines.size()) return fail("the file is empty; a scenario starts with a line '+++', a C program with its code", 1, 1);
    std::string_view opening = trim(lines[first]);
    if (opening.starts_with("\xEF\xBB\xBF")) opening.remove_prefix(3);  // byte-order mark
    if (opening != "+++") {
        // "key = value" is front matter whose opening line was forgotten, not C.
        const std::size_t equals = opening.find(" = ");
        const std::string_view key = opening.substr(0, equals);
        const bool toml_key = equals != std::string_view::npos && !key.empty() &&
                              key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_.") == std::string_view::npos;
        if (!toml_key && !opening.starts_with("[")) return plain_c_program(text);
        return fail("expected '+++' to open the front matter, found '" + std::string(opening.substr(0, 40)) +
                        "' (a C program needs no front matter; a scenario starts with a line '+++')",
                    static_cast<int>(first + 1), 1);
    }
    std::size_t closing = first + 1;
    while (closing < lines.size() && trim(lines[closing]) != "+++") ++closing;
    if (closing == lines.size()) {
        return fail("the front matter opened on line " + std::to_string(first + 1) +
                        " is never closed; expected a line with just '+++' before the body",
                    static_cast<int>(lines.size()), 1);
    }
    Split split;
    split.front_first_line = static_cast<int>(first + 2);
    for (std::size_t i = first + 1; i < closing; ++i) (split.front_matter += lines[i]) += '\n';
    split.body_first_line = static_cast<int>(closing + 2);
    for (std::size_t i = closing + 1; i < lines.size(); ++i) (split.body += lines[i]) += '\n';
    return split;
}

// The TOML parser recurses once per nesting level (and tables nested 20,000 deep take as
// many levels to free), which overflows a small stack such as the page's. Real scenarios
// nest one or two levels, so deeper text is refused before it is parsed. A small scanner:
// strings (basic, literal, multi-line) and comments are skipped; a dotted key or table
// header counts its parts, an array or inline table its brackets.
constexpr int max_toml_nesting = 16;

std::optional<Error> nesting_error(std::string_view text) {
    int line = 1, depth = 0, key_parts = 1;
    std::size_t line_start = 0;
    bool in_key = true;  // before '=' on a key line, or inside a [table] header
    const auto too_deep = [&](std::size_t at, const char* what) {
        return Error{line, static_cast<int>(at - line_start) + 1,
                     std::string("the front matter nests ") + what + " more than " + std::to_string(max_toml_nesting) +
                         " levels deep; scenarios need one or two"};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            line_start = i + 1;
            if (depth == 0) in_key = true, key_parts = 1;
        } else if (c == '#') {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        } else if (c == '"' || c == '\'') {
            const bool multi = text.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
            const std::size_t close = multi ? 3 : 1;
            std::size_t j = i + close;
            while (j < text.size() && text.substr(j, close) != text.substr(i, close)) {
                if (c == '"' && text[j] == '\\') ++j;  // an escape in a basic string
                if (j < text.size() && text[j] == '\n') ++line, line_start = j + 1;
                ++j;
            }
            i = std::min(text.size(), j + close) - 1;
        } else if (in_key) {
            if (c == '=' && depth == 0) in_key = false, key_parts = 1;
            else if (c == '.' && ++key_parts > max_toml_nesting) return too_deep(i, "keys");
        } else if (c == '[' || c == '{') {
            if (++depth > max_toml_nesting) return too_deep(i, "arrays or inline tables");
            key_parts = 1;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        } else if (c == ',' || c == '=') {
            key_parts = 1;
        } else if (c == '.' && ++key_parts > max_toml_nesting) {
            return too_deep(i, "keys");  // a dotted key inside an inline table
        }
    }
    return std::nullopt;
}

}  // namespace

const char* body_kind_name(BodyKind kind) {
    switch (kind) {
        case BodyKind::Ops: return "ops";
        case BodyKind::References: return "references";
        case BodyKind::Trace: return "trace";
        case BodyKind::HeapTrace: return "heap-trace";
        case BodyKind::Program: return "program";
        case BodyKind::Ostep: return "ostep";
    }
    return "ops";
}

const std::vector<std::string>& common_keys() {
    static const std::vector<std::string> keys{"format", "title", "summary", "lesson", "kind", "stdin", "args"};
    return keys;
}

Result<Scenario> parse_scenario(const std::string& text, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        return fail("the scenario is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(max_bytes) +
                    " bytes");
    }
    // The TOML parser expects valid UTF-8; say where the text stops being text.
    if (const auto bad = invalid_utf8_at(text)) {
        const auto [line, column] = line_and_column(text, *bad);
        return fail("this is not UTF-8 text (byte " + std::to_string(static_cast<unsigned char>(text[*bad])) +
                        "); save the file as UTF-8",
                    line, column);
    }
    auto split = split_front_matter(text);
    if (!split) return tl::unexpected(split.error());

    if (auto error = nesting_error(split->front_matter)) {
        error->line += split->front_first_line - 1;
        return tl::unexpected(*error);
    }
    toml::parse_result parsed = toml::parse(split->front_matter);
    if (!parsed) {
        const auto& error = parsed.error();
        return fail(std::string(error.description()), static_cast<int>(error.source().begin.line) + split->front_first_line - 1,
                    static_cast<int>(error.source().begin.column));
    }
    auto table = std::make_shared<toml::table>(std::move(parsed).table());
    const int offset = split->front_first_line - 1;

    std::vector<Error> errors;
    SettingsReader top(*table, "", errors, offset);
    Scenario scenario;
    if (!top.has("format")) return fail("the front matter needs 'format = 1'", split->front_first_line, 1);
    scenario.format = static_cast<int>(top.integer("format", current_format, 1, 1000));
    if (errors.empty() && scenario.format > current_format) {
        return fail("this file uses scenario format " + std::to_string(scenario.format) + ", but this memsim reads format " +
                        std::to_string(current_format) + " at most; update memsim to open it",
                    errors.empty() ? split->front_first_line : errors.front().line, 1);
    }
    scenario.title = top.text("title", "Untitled scenario");
    scenario.summary = top.text("summary", "");
    scenario.lesson = top.text("lesson", "");
    const std::string kind = top.choice("kind", "ops", {"ops", "references", "trace", "heap-trace", "program", "ostep"});
    for (BodyKind k : {BodyKind::Ops, BodyKind::References, BodyKind::Trace, BodyKind::HeapTrace, BodyKind::Program, BodyKind::Ostep}) {
        if (kind == body_kind_name(k)) scenario.kind = k;
    }
    scenario.stdin_text = top.text("stdin", "");
    scenario.args = top.texts("args");
    scenario.teaching = read_lesson_parts(*table, offset, errors);
    scenario.view = read_view_parts(*table, offset, errors);
    top.finish({"machine", "stack", "heap", "vm", "trace", "course", "question", "narration", "view"});
    if (!errors.empty()) return tl::unexpected(errors.front());

    scenario.front_matter = std::move(table);
    scenario.front_matter_first_line = split->front_first_line;
    scenario.body = std::move(split->body);
    scenario.body_first_line = split->body_first_line;
    return scenario;
}

}  // namespace memsim::scenario
