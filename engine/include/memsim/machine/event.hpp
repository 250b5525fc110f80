#pragma once
// One thing that happened in a step, from any part of the machine, already put into
// plain words. The UI's event log, the CLI's --events and the lessons all read these.
//
//   Event{.source = EventSource::Vm, .kind = "page-fault", .text = "Page 0x8 was not in
//         memory, so the OS read it from swap into frame 3 ...", .step = 12, .line = 7}
#include <cstdint>
#include <string>

namespace memsim::machine {

// Which part of the machine produced the event.
enum class EventSource : std::uint8_t { Program, Stack, Heap, Vm, Process };

struct Event {
    EventSource source = EventSource::Program;
    std::string kind;              // short lowercase word: "call", "page-fault", "double-free"
    std::string text;              // the explanation a teacher would give
    bool is_error = false;         // a learner's mistake (or a crash of the simulated program)
    std::uint64_t step = 0;        // the step that produced it (1 = the first step)
    int line = 0;                  // source line of the scenario, 0 when none
    std::uint32_t process = 0;     // the process it happened in
    std::uint64_t address = 0;     // the address it concerns, when there is one

    bool operator==(const Event&) const = default;
};

// "program", "stack", "heap", "vm", "process".
const char* source_name(EventSource source);

}  // namespace memsim::machine
