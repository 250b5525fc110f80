#pragma once
// The command-line rules of Python's optparse, which every OSTEP script uses: the same
// flags, abbreviations, errors, exit codes and -h text, so `memsim ostep` answers a
// mistyped flag exactly as `python3 script.py` does.
//
//   -s 5   -s5   --seed 5   --seed=5   --se 5 (a unique prefix)   -cs 5 (a cluster)
//   -- ends the options; other words are positional and ignored by the scripts.
//   Errors print "Usage: prog [options]\n\nprog: error: MESSAGE\n" to stderr, exit 2;
//   -h prints the help (wrapped for an 80-column terminal) to stdout, exit 0.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/ostep/python_int.hpp"

namespace memsim::ostep {

enum class OptionType { String, Int, Flag };

// One add_option() call: its flags ("" when absent), where the value goes, its default
// (the text Python would print for it) and its help line.
struct OptionSpec {
    std::string_view short_flag;
    std::string_view long_flag;
    std::string_view dest;
    OptionType type = OptionType::String;
    std::string_view default_value;
    std::string_view help;
};

// One option's value after parsing.
struct OptionValue {
    std::string text{};   // what print(options.x) shows: the string, str(int), True/False
    PyInt number{};       // for Int options
    bool flag = false;    // for Flag options
};

// The options as parsed, by dest.
class OptionValues {
public:
    const std::string& text(std::string_view dest) const;
    const PyInt& number(std::string_view dest) const;
    bool flag(std::string_view dest) const;
    void set(std::string_view dest, OptionValue value);

private:
    std::map<std::string, OptionValue, std::less<>> values_;
};

// What parsing gives: values to run with, or an exit (help or error) with its text.
struct ParseOutcome {
    bool run = false;
    OptionValues values{};
    int exit_code = 0;
    std::string out{};
    std::string err{};
};

// Parses args as OptionParser() with these add_option() calls would, for program `prog`.
ParseOutcome parse_options(std::string_view prog, std::span<const OptionSpec> specs,
                           const std::vector<std::string>& args);

// The -h text of such a parser.
std::string format_help(std::string_view prog, std::span<const OptionSpec> specs);

// textwrap.wrap(text, width) for help lines: breaks at spaces and after hyphens
// inside words ("INSERT-FRONT" may end a line after "INSERT-").
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace memsim::ostep
