#pragma once
// The memsim command-line tool is a set of subcommands (`memsim replace ...`,
// `memsim heap ...`). Each lives in its own cmd_*.cpp and registers itself with
// MEMSIM_COMMAND, so adding one touches no shared file.
//
// Exit codes: 0 success, 1 the run itself failed, 2 bad input (usage, values, files).
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_bad_input = 2;

// A subcommand: its name, a one-line summary for --help, and its entry point, which
// receives the arguments after the subcommand name.
struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

// Adds a command to the registry; returns true so it can initialise a static.
bool register_command(const Command& command);

// Every registered command, sorted by name.
std::vector<Command> commands();

// Parsed `--name value`, `--name=value` and `--flag` options plus positional words.
class Args {
public:
    // Parses argv against the known option names; an unknown option or a missing value
    // is an error that names it (and suggests the nearest known option).
    static Result<Args> parse(const std::vector<std::string>& argv,
                              const std::vector<std::string>& value_options,
                              const std::vector<std::string>& flag_options);

    // The value given for an option (the last one when repeated), if any.
    std::optional<std::string> value(const std::string& name) const;
    // Whether a flag was given.
    bool flag(const std::string& name) const;
    // Words that are not options, in order.
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> flags_;
    std::vector<std::string> positional_;
};

// Prints "memsim <command>: <message>" to err and returns exit_bad_input.
int bad_input(std::ostream& err, const std::string& command, const std::string& message);

// Every error of an input (the first and its `also`), one per line, each as
// "PATH:LINE:COLUMN: message", with no final newline.
std::string located_errors(const std::string& path, const Error& first);

// The most read_file() reads: scenarios, programs and traces read whole.
inline constexpr std::uint64_t max_read_file_bytes = std::uint64_t{256} << 20;
// The most read_lines() reads: traces streamed piece by piece.
inline constexpr std::uint64_t max_streamed_file_bytes = std::uint64_t{4} << 30;
// The longest line read_lines() accepts.
inline constexpr std::size_t max_line_bytes = std::size_t{1} << 20;

// Reads a whole file of at most max_bytes; the error names the path. An endless input
// (/dev/zero, a pipe that never ends) stops at the limit, having read no more than it.
Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes = max_read_file_bytes);

// Reads a file in pieces of about 4 MiB that end at a line end (the last piece may not)
// and hands each to `use`, stopping at its first error; the file may hold at most
// max_bytes, and no line more than max_line_bytes.
Result<bool> read_lines(const std::string& path, std::uint64_t max_bytes,
                        const std::function<Result<bool>(std::string_view piece)>& use);

// A regular file's size in bytes, if the file system knows it.
std::optional<std::uint64_t> file_size(const std::string& path);

}  // namespace memsim::cli

#define MEMSIM_CONCAT_INNER(a, b) a##b
#define MEMSIM_CONCAT(a, b) MEMSIM_CONCAT_INNER(a, b)
// Registers a command at start-up: MEMSIM_COMMAND("replace", "Page replacement ...", run_replace);
#define MEMSIM_COMMAND(name, summary, fn) \
    static const bool MEMSIM_CONCAT(memsim_command_registered_, __LINE__) = \
        ::memsim::cli::register_command({name, summary, fn})
