#pragma once
// What happened during a step of a MiniC program, as small plain structs, each with a
// sentence a teacher would say (explain()).
//
//   Statement  line 7 ran (its text quoted)   Call      main called fact(3)
//   Return     fact returned 6                Output    printf printed "6\n"
//   UninitializedRead, MemoryProblem, DivisionByZero: learner errors, explained
//   Exited     main returned 0                StepLimit still running after N steps: paused
//   SwitchCase a switch's value chose `case 3:` on line 12 (or default, or no label)
#include <cstdint>
#include <string>
#include <vector>

namespace memsim::minic {

enum class EventKind : std::uint8_t {
    Started,            // globals placed, main called
    Statement,          // a statement began at `line`
    Call,               // `function` was called; value = depth (frames)
    Return,             // `function` returned `value`
    Output,             // the program printed `text`
    UninitializedRead,  // memory at `address` (the local `text`, when known) was read before any store
    MemoryProblem,      // the machine reported a learner error (`text`); fatal when `fatal`
    DivisionByZero,     // integer division or remainder by zero: the program stops
    Exited,             // the program ended with exit code `value`
    StepLimit,          // the step limit was reached: paused
    Aborted,            // abort() was called or an assert failed (`text` says which): the program stops
    SwitchCase,         // a switch on `value` jumps to the label `text` ("case 3", "default") on `to_line`;
                        // with no text, no label matched and the body is skipped
};

struct Event {
    EventKind kind = EventKind::Statement;
    int line = 0;                // the source line of the statement running
    std::string function{};        // Call, Return: the function
    std::int64_t value = 0;      // Return: the value; Call: the depth; Exited: the code; StepLimit: steps
    std::uint64_t address = 0;   // UninitializedRead
    std::string text{};            // Output: the text (value 2: on stderr); MemoryProblem: the machine's explanation;
                                   // Statement: the line's source text, as quoted
    bool fatal = false;          // the program stopped because of it
    bool host_explained = false; // MemoryProblem: `text` is the host's own explanation of an event it already reported
    std::vector<std::string> macros{};  // Statement: the program's macros the line uses
    std::string expanded{};             // Statement: the line as the compiler reads it, macros expanded
    int to_line = 0;             // SwitchCase: the line of the label the switch jumps to
    bool is_char = false;        // SwitchCase: the switch value is a char (shown as 'q' too)

    bool operator==(const Event&) const = default;
};

// Whether the event is a learner error (counted in the summary).
bool is_learner_error(const Event& event);

// A plain sentence for the event: "Line 12 divides by zero: the program stops."
std::string explain(const Event& event);

// The event kind's name for JSON and traces ("statement", "call", ...).
const char* event_kind_name(EventKind kind);

}  // namespace memsim::minic
