#include "command.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

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

std::string located_errors(const std::string& path, const Error& first) {
    std::string lines;
    for (const Error& e : all_errors(first)) lines += (lines.empty() ? "" : "\n") + path + ":" + e.to_string();
    return lines;
}

namespace {

std::string too_large(const std::string& path, std::uint64_t max_bytes) {
    return "file '" + path + "' is larger than " + std::to_string(max_bytes >> 20) + " MiB (the most memsim reads)";
}

}  // namespace

Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open file '" + path + "'");
    // Read in blocks and stop one byte past the limit: the size a file claims is not
    // trusted (devices and pipes claim none).
    std::string text;
    constexpr std::size_t block = std::size_t{1} << 20;
    while (in) {
        const std::size_t have = text.size();
        text.resize(have + block);
        in.read(text.data() + have, static_cast<std::streamsize>(block));
        text.resize(have + static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) return fail(too_large(path, max_bytes));
    }
    return text;
}

Result<bool> read_lines(const std::string& path, std::uint64_t max_bytes,
                        const std::function<Result<bool>(std::string_view piece)>& use) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot open file '" + path + "'");
    constexpr std::size_t block = std::size_t{4} << 20;
    // One buffer for the whole file: the unfinished last line of a block moves to its
    // front and the next block is read after it (no zero-filling, no reallocation).
    std::vector<char> buffer(block);
    std::size_t carried = 0;
    std::uint64_t total = 0;
    while (in) {
        if (buffer.size() < carried + block) buffer.resize(carried + block);
        in.read(buffer.data() + carried, static_cast<std::streamsize>(block));
        const auto got = static_cast<std::size_t>(in.gcount());
        total += got;
        if (total > max_bytes) return fail(too_large(path, max_bytes));
        const std::string_view text(buffer.data(), carried + got);
        if (!in) {  // the end: what is left is the last piece
            if (text.empty()) return true;
            return use(text);
        }
        const std::size_t end = text.rfind('\n');
        if (end == std::string_view::npos) {
            carried = text.size();
            if (carried > max_line_bytes) {
                return fail("file '" + path + "' has a line longer than " + std::to_string(max_line_bytes >> 20) +
                            " MiB (is it a text trace?)");
            }
            continue;
        }
        const auto used = use(text.substr(0, end + 1));
        if (!used) return used;
        carried = text.size() - end - 1;
        std::memmove(buffer.data(), buffer.data() + end + 1, carried);
    }
    return true;
}

std::optional<std::uint64_t> file_size(const std::string& path) {
    // A stream is enough; <filesystem> is used nowhere else and untried in the web build.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const auto size = static_cast<std::streamoff>(in.tellg());
    if (size < 0) return std::nullopt;
    return static_cast<std::uint64_t>(size);
}

}  // namespace memsim::cli
