#include "command.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

#include "memsim/core/text.hpp"

namespace memsim::cli {
namespace {

std::vector<Command>& registry() {
    // A function-local static avoids the static-initialisation-order problem between
    // the command files that register themselves.
    static std::vector<Command> all;
    return all;
}

}  // namespace

bool register_command(const Command& command) {
    registry().push_back(command);
    return true;
}

std::vector<Command> commands() {
    std::vector<Command> sorted = registry();
    std::sort(sorted.begin(), sorted.end(),
              [](const Command& a, const Command& b) { return std::string(a.name) < b.name; });
    return sorted;
}

Result<Args> Args::parse(const std::vector<std::string>& argv,
                         const std::vector<std::string>& value_options,
                         const std::vector<std::string>& flag_options) {
    const auto known = [](const std::vector<std::string>& list, const std::string& name) {
        return std::find(list.begin(), list.end(), name) != list.end();
    };
    Args args;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        if (!word.starts_with("--") || word == "--") {
            args.positional_.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        std::optional<std::string> inline_value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (known(flag_options, name) && !inline_value) {
            args.flags_.push_back(name);
        } else if (known(value_options, name)) {
            if (inline_value) {
                args.values_[name] = *inline_value;
            } else if (i + 1 < argv.size()) {
                args.values_[name] = argv[++i];
            } else {
                return fail("option --" + name + " needs a value");
            }
        } else {
            std::vector<std::string> all = value_options;
            all.insert(all.end(), flag_options.begin(), flag_options.end());
            const std::string suggestion = nearest(name, all);
            return fail("unknown option --" + name +
                        (suggestion.empty() ? "" : " (did you mean --" + suggestion + "?)"));
        }
    }
    return args;
}

std::optional<std::string> Args::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

bool Args::flag(const std::string& name) const {
    return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

int bad_input(std::ostream& err, const std::string& command, const std::string& message) {
    err << "memsim " << command << ": " << message << "\n";
    return exit_bad_input;
}

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open file '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace memsim::cli
