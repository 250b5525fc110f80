#include "memsim/minic/events.hpp"

#include "memsim/core/text.hpp"

namespace memsim::minic {
namespace {

// The output as it would be written in C source: "6\n".
// Whether a message already ends its sentence, so the next one can follow it directly.
bool ends_sentence(const std::string& text) {
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

std::string quoted_text(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '"') out += "\\\"";
        else out.push_back(c);
    }
    return out + "\"";
}

}  // namespace

bool is_learner_error(const Event& event) {
    return event.kind == EventKind::UninitializedRead || event.kind == EventKind::MemoryProblem ||
           event.kind == EventKind::DivisionByZero || event.kind == EventKind::Aborted;
}

std::string explain(const Event& e) {
    const std::string at = "Line " + std::to_string(e.line);
    switch (e.kind) {
        case EventKind::Started:
            return "The program starts: globals and string literals are placed in memory, then main is called.";
        case EventKind::Statement: {
            std::string said = at + " runs" + (e.text.empty() ? "." : ": " + e.text);
            if (e.macros.empty()) return said;
            std::string names;
            for (std::size_t i = 0; i < e.macros.size(); ++i) {
                names += (i == 0 ? "" : i + 1 == e.macros.size() ? " and " : ", ") + e.macros[i];
            }
            return said + " (with the macro" + (e.macros.size() == 1 ? " " : "s ") + names + " expanded, the compiler reads: " +
                   e.expanded + ")";
        }
        case EventKind::Call:
            return (e.value == 1 ? "The C runtime calls " + e.function : at + " calls " + e.function) + ": a new stack frame is pushed with its arguments, the return address, "
                        "the saved frame pointer and its locals (" + std::to_string(e.value) + " frame" +
                   (e.value == 1 ? "" : "s") + " on the stack now).";
        case EventKind::Return:
            return e.function + " returns " + (e.text.empty() ? std::to_string(e.value) : e.text) +
                   ": its frame is popped and the caller resumes at the return address.";
        case EventKind::Output:
            return "The program prints " + quoted_text(e.text) + (e.value == 2 ? " on stderr, the error stream." : ".");
        case EventKind::Aborted:
            return at + ": " + e.text + ". abort() ends the program at once with the signal SIGABRT (a shell shows exit status 134): "
                        "no exit handlers run and buffered output may be lost.";
        case EventKind::UninitializedRead:
            return at + " reads " + (e.text.empty() ? "memory" : "'" + e.text + "'") + " at " + hex(e.address) +
                   " before anything was stored there: the value is whatever the bytes happened to hold.";
        case EventKind::MemoryProblem:
            return at + ": " + e.text + (e.fatal ? (ends_sentence(e.text) ? " The program stops." : ". The program stops.") : "");
        case EventKind::DivisionByZero:
            return at + " divides by zero. Integer division by zero has no result, so the processor traps and the program stops.";
        case EventKind::Exited:
            return "The program ends with exit code " + std::to_string(e.value) + ".";
        case EventKind::SwitchCase: {
            std::string value = "the switch value " + std::to_string(e.value);
            if (e.is_char && e.value >= 32 && e.value < 127) value += " ('" + std::string(1, static_cast<char>(e.value)) + "')";
            if (e.text != "default" && !e.text.empty()) {
                return at + ": " + value + " matches " + e.text + ", so the program jumps to line " +
                       std::to_string(e.to_line) + " and runs on from there until a break (or the end of the switch).";
            }
            if (!e.text.empty()) {
                return at + ": no case matches " + value + ", so the program jumps to default on line " +
                       std::to_string(e.to_line) + ".";
            }
            return at + ": no case matches " + value + " and there is no default, so the whole switch body is skipped.";
        }
        case EventKind::StepLimit:
            return "The program is still running after " + std::to_string(e.value) +
                   " steps, so it is paused: it may be in an endless loop or recursion.";
    }
    return "";
}

const char* event_kind_name(EventKind kind) {
    switch (kind) {
        case EventKind::Started: return "started";
        case EventKind::Statement: return "statement";
        case EventKind::Call: return "call";
        case EventKind::Return: return "return";
        case EventKind::Output: return "output";
        case EventKind::UninitializedRead: return "uninitialized-read";
        case EventKind::MemoryProblem: return "memory-problem";
        case EventKind::DivisionByZero: return "division-by-zero";
        case EventKind::Exited: return "exited";
        case EventKind::StepLimit: return "step-limit";
        case EventKind::Aborted: return "aborted";
        case EventKind::SwitchCase: return "switch-case";
    }
    return "?";
}

}  // namespace memsim::minic
