#pragma once
// A scenario file (.msim): TOML front matter between `+++` lines, then a body.
//
//   +++
//   format = 1
//   title = "Factorial"
//   summary = "A recursion, frame by frame."
//   kind = "program"            # ops | references | trace | heap-trace | program
//   stdin = """3 4\n"""          # a program's standard input (optional)
//   args = ["-v", "data"]       # argv[1..] of a program (optional)
//   [vm]
//   frames = 8
//   +++
//   int fact(int n) { ... }      <- the body, in the language `kind` names
//
// parse_scenario splits the file, parses the front matter with a real TOML parser and
// reads the common keys; each module reads its own table with a SettingsReader.
// Errors carry the line and column in the whole file.
#include <memory>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "memsim/core/result.hpp"
#include "memsim/scenario/lesson.hpp"
#include "memsim/scenario/view.hpp"


namespace memsim::scenario {

// The newest scenario format this build understands.
inline constexpr int current_format = 1;

// What the body of a scenario holds.
enum class BodyKind { Ops, References, Trace, HeapTrace, Program, Ostep };

// The body kind's name in files ("heap-trace").
const char* body_kind_name(BodyKind kind);

// A parsed scenario: common keys, the whole front matter for the modules, and the body.
struct Scenario {
    int format = current_format;
    std::string title;
    std::string summary;
    std::string lesson;                       // optional longer text for a lesson
    LessonParts teaching;                     // course order, narration, questions
    ViewParts view;                           // the panels it is about ([view])
    BodyKind kind = BodyKind::Ops;
    std::shared_ptr<const toml::table> front_matter;  // never null after parsing
    int front_matter_first_line = 1;          // file line of the front matter's first line
    std::string body;
    int body_first_line = 1;                  // file line of the body's first line
    std::string stdin_text{};                 // a program's standard input (`stdin`)
    std::vector<std::string> args{};          // a program's arguments after argv[0] (`args`)
};

// The default largest scenario text accepted (1 MiB); tools that read big traces pass more.
inline constexpr std::size_t default_max_scenario_bytes = 1u << 20;

// Splits and parses a scenario file; the error names line and column and what was expected.
Result<Scenario> parse_scenario(const std::string& text, std::size_t max_bytes = default_max_scenario_bytes);

// The front matter a plain C file (no `+++` lines) runs with: 64-bit Linux's layout and
// allocator. A settings change writes it out first (ui_support/settings_edit.hpp).
std::string plain_c_front_matter();

// The top-level front-matter keys every scenario may have; modules add their tables.
const std::vector<std::string>& common_keys();

}  // namespace memsim::scenario
