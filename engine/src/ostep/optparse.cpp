#include "memsim/ostep/optparse.hpp"

#include <algorithm>
#include <optional>
#include <variant>

#include "memsim/core/assert.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec help_option{"-h", "--help", "help", OptionType::Flag, "", "show this help message and exit"};

// optparse's error: the usage line, a blank line, "prog: error: message", exit 2.
ParseOutcome error(std::string_view prog, const std::string& message) {
    ParseOutcome outcome;
    outcome.exit_code = 2;
    outcome.err = "Usage: " + std::string(prog) + " [options]\n\n" + std::string(prog) + ": error: " + message + "\n";
    return outcome;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// The typed value of one option occurrence, or the error optparse reports.
std::optional<std::string> store(const OptionSpec& spec, std::string_view opt, const std::string& raw,
                                 OptionValues& values) {
    OptionValue value;
    if (spec.type == OptionType::Int) {
        auto parsed = parse_optparse_int(raw);
        if (!parsed) return "option " + std::string(opt) + ": invalid integer value: " + py_repr(raw);
        value.number = *parsed;
        value.text = parsed->str();
    } else {
        value.text = raw;
    }
    values.set(spec.dest, value);
    return std::nullopt;
}

void store_flag(const OptionSpec& spec, OptionValues& values) {
    OptionValue value;
    value.flag = true;
    value.text = "True";
    values.set(spec.dest, value);
}

struct Parser {
    std::string_view prog;
    std::vector<OptionSpec> all;  // -h first, then the script's options
    std::vector<std::string> rest;
    std::size_t next = 0;
    OptionValues values;

    const OptionSpec* find_short(std::string_view flag) const {
        for (const auto& spec : all) {
            if (spec.short_flag == flag) return &spec;
        }
        return nullptr;
    }

    // The long option a (possibly abbreviated) word names, or the error message.
    std::variant<const OptionSpec*, std::string> match_long(std::string_view word) const {
        std::vector<const OptionSpec*> matches;
        for (const auto& spec : all) {
            if (spec.long_flag.empty()) continue;
            if (spec.long_flag == word) return &spec;
            if (spec.long_flag.starts_with(word)) matches.push_back(&spec);
        }
        if (matches.size() == 1) return matches[0];
        if (matches.empty()) return "no such option: " + std::string(word);
        std::vector<std::string> names;
        for (const auto* m : matches) names.emplace_back(m->long_flag);
        std::sort(names.begin(), names.end());
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        return "ambiguous option: " + std::string(word) + " (" + list + "?)";
    }
};

}  // namespace

const std::string& OptionValues::text(std::string_view dest) const {
    const auto it = values_.find(dest);
    MEMSIM_ASSERT(it != values_.end());
    return it->second.text;
}

const PyInt& OptionValues::number(std::string_view dest) const {
    const auto it = values_.find(dest);
    MEMSIM_ASSERT(it != values_.end());
    return it->second.number;
}

bool OptionValues::flag(std::string_view dest) const {
    const auto it = values_.find(dest);
    MEMSIM_ASSERT(it != values_.end());
    return it->second.flag;
}

void OptionValues::set(std::string_view dest, OptionValue value) {
    values_.insert_or_assign(std::string(dest), std::move(value));
}

ParseOutcome parse_options(std::string_view prog, std::span<const OptionSpec> specs,
                           const std::vector<std::string>& args) {
    Parser p{prog, {help_option}, args, 0, {}};
    p.all.insert(p.all.end(), specs.begin(), specs.end());
    for (const auto& spec : specs) {
        OptionValue value;
        value.text = spec.type == OptionType::Flag ? "False" : std::string(spec.default_value);
        if (spec.type == OptionType::Int) {
            auto parsed = parse_python_int(spec.default_value, 10);
            MEMSIM_ASSERT(parsed.has_value());
            value.number = *parsed;
        }
        p.values.set(spec.dest, value);
    }
    const auto help = [&] {
        ParseOutcome outcome;
        outcome.out = format_help(prog, specs);
        return outcome;
    };
    std::vector<std::string>& rargs = p.rest;
    while (!rargs.empty()) {
        const std::string arg = rargs.front();
        if (arg == "--") break;
        if (arg.starts_with("--")) {
            rargs.erase(rargs.begin());
            std::string opt = arg;
            bool explicit_value = false;
            if (const auto eq = arg.find('='); eq != std::string::npos) {
                opt = arg.substr(0, eq);
                rargs.insert(rargs.begin(), arg.substr(eq + 1));
                explicit_value = true;
            }
            const auto matched = p.match_long(opt);
            if (const auto* message = std::get_if<std::string>(&matched)) return error(prog, *message);
            const OptionSpec& spec = *std::get<const OptionSpec*>(matched);
            const std::string name(spec.long_flag);
            if (spec.type == OptionType::Flag) {
                if (explicit_value) return error(prog, name + " option does not take a value");
                if (spec.dest == "help") return help();
                store_flag(spec, p.values);
                continue;
            }
            if (rargs.empty()) return error(prog, name + " option requires 1 argument");
            const std::string raw = rargs.front();
            rargs.erase(rargs.begin());
            if (auto message = store(spec, name, raw, p.values)) return error(prog, *message);
        } else if (arg.size() > 1 && arg[0] == '-') {
            rargs.erase(rargs.begin());
            for (std::size_t i = 1; i < arg.size(); ++i) {
                const std::string opt = std::string("-") + arg[i];
                const OptionSpec* spec = p.find_short(opt);
                if (!spec) return error(prog, "no such option: " + opt);
                if (spec->type == OptionType::Flag) {
                    if (spec->dest == "help") return help();
                    store_flag(*spec, p.values);
                    continue;
                }
                // The rest of the cluster, if any, is the value.
                if (i + 1 < arg.size()) rargs.insert(rargs.begin(), arg.substr(i + 1));
                if (rargs.empty()) return error(prog, opt + " option requires 1 argument");
                const std::string raw = rargs.front();
                rargs.erase(rargs.begin());
                if (auto message = store(*spec, opt, raw, p.values)) return error(prog, *message);
                break;
            }
        } else {
            rargs.erase(rargs.begin());  // a positional argument: the scripts ignore them
        }
    }
    ParseOutcome outcome;
    outcome.run = true;
    outcome.values = std::move(p.values);
    return outcome;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
    // Chunks as textwrap makes them: runs of spaces, and words split after a hyphen that
    // has two letters before it and a letter after it.
    const auto letter = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
    std::vector<std::string> chunks;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        if (text[i] == ' ') {
            while (j < text.size() && text[j] == ' ') ++j;
        } else {
            while (j < text.size() && text[j] != ' ') {
                ++j;
                if (text[j - 1] == '-' && j >= i + 3 && letter(text[j - 2]) && letter(text[j - 3]) &&
                    j < text.size() && letter(text[j])) {
                    break;
                }
            }
        }
        chunks.emplace_back(text.substr(i, j - i));
        i = j;
    }
    std::vector<std::string> lines;
    std::size_t k = 0;
    while (k < chunks.size()) {
        if (chunks[k].front() == ' ' && !lines.empty()) ++k;  // no line starts with spaces
        std::string line;
        while (k < chunks.size() && line.size() + chunks[k].size() <= width) line += chunks[k++];
        if (line.empty() && k < chunks.size()) {
            line = chunks[k].substr(0, width);  // a word longer than the width is cut
            chunks[k] = chunks[k].substr(width);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

std::string format_help(std::string_view prog, std::span<const OptionSpec> specs) {
    // IndentedHelpFormatter for a COLUMNS=80 terminal: width 78, help column at most 24.
    constexpr std::size_t width = 78;
    constexpr std::size_t indent = 2;
    constexpr std::size_t max_help_position = 24;
    std::vector<OptionSpec> all{help_option};
    all.insert(all.end(), specs.begin(), specs.end());
    std::vector<std::string> names;
    std::size_t longest = 0;
    for (const auto& spec : all) {
        const std::string metavar = spec.type == OptionType::Flag ? "" : upper(spec.dest);
        std::string joined;
        if (!spec.short_flag.empty()) joined += std::string(spec.short_flag) + (metavar.empty() ? "" : " " + metavar);
        if (!spec.long_flag.empty()) {
            joined += (joined.empty() ? "" : ", ") + std::string(spec.long_flag) + (metavar.empty() ? "" : "=" + metavar);
        }
        longest = std::max(longest, joined.size() + indent);
        names.push_back(joined);
    }
    const std::size_t help_position = std::min(longest + 2, max_help_position);
    const std::size_t help_width = std::max<std::size_t>(width - help_position, 11);
    std::string out = "Usage: " + std::string(prog) + " [options]\n\nOptions:\n";
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::size_t name_width = help_position - indent - 2;
        std::string line = std::string(indent, ' ') + names[i];
        std::size_t first_indent = 0;
        if (names[i].size() > name_width) {
            line += "\n";
            first_indent = help_position;
        } else {
            line.resize(help_position, ' ');
        }
        out += line;
        const auto help_lines = wrap_text(all[i].help, help_width);
        for (std::size_t h = 0; h < help_lines.size(); ++h) {
            out += std::string(h == 0 ? first_indent : help_position, ' ') + help_lines[h] + "\n";
        }
    }
    return out;
}

}  // namespace memsim::ostep
