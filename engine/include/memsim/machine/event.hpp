#pragma once
// One thing that happened in a step, from any part of the machine: its kind (an enum,
// named by the table in event_kind.hpp), the facts as typed fields, and the words a
// teacher would say. The UI's event log, the CLI's --events and the lessons read these.
//
//   Event{.source = EventSource::Vm, .kind = EventKind::PageFault, .text = "Page 0x8 was not
//         in memory, so the OS read it from swap into frame 3 ...", .step = 12, .line = 7,
//         .data = vm::MmuEvent{...}}
//
// Consumers decide with `kind` and the fields (address, process, the payload in `data`),
// never with `text`: the words may change, the facts may not. `text` is built only when
// the caller asked for events (a sink): in bulk mode no event and no string is made.
// The payload is the producing engine's own record where there is one (a heap event, an
// MMU event, an interpreter event), else one of the small structs below; a kind that
// carries nothing beyond address and process has std::monostate.
//
// To add an event kind, see event_kind.hpp; to give a kind facts a consumer needs, put
// them in (or add) the payload struct its producer fills.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "memsim/heap/event.hpp"
#include "memsim/machine/event_kind.hpp"
#include "memsim/minic/events.hpp"
#include "memsim/vm/mmu.hpp"

namespace memsim::machine {

// Which part of the machine produced the event.
enum class EventSource : std::uint8_t { Program, Stack, Heap, Vm, Process };

// Call, Return, Local and StackOverflow of the stack.
struct StackEvent {
    std::string function{};              // whose frame it is
    std::uint64_t frame_pointer = 0;     // Call: where FP points in the new frame
    std::uint64_t stack_pointer = 0;     // SP after the event
    std::uint64_t return_address = 0;    // Call, Return: where the caller resumes
    std::uint64_t bytes = 0;             // Call: the frame's size; Local: bytes added
    std::uint64_t depth = 0;             // frames on the stack after the event
    std::string caller{};                // Return: the function execution resumes in
    std::optional<std::int64_t> returned{};  // Return: the value, when the program knows it
    std::string returned_text{};             // Return: that value as C shows it ("0x4052a0", "{x = 1, y = 2}"); "" = the number

    bool operator==(const StackEvent&) const = default;
};

// Read, Write, UninitialisedRead, TouchRead, TouchWrite, OutOfBounds: a program's access.
struct AccessEvent {
    std::uint64_t address = 0;
    std::uint64_t bytes = 0;        // the access's size (a touch: the bytes asked for)
    std::uint64_t value = 0;        // Read, Write, UninitialisedRead: the value
    std::uint64_t done = 0;         // Touch: bytes accessed before a fault stopped it (= bytes when none)
    std::uint64_t page_faults = 0;  // Touch: page faults along the way
    bool write = false;

    bool operator==(const AccessEvent&) const = default;
};

// Process events: Switch, Fork, Exit, Skipped, Killed, ... and Release.
struct ProcessEvent {
    std::uint32_t pid = 0;          // the process it concerns
    std::uint32_t other = 0;        // Switch: the process switched from; Fork: the child
    std::uint64_t count = 0;        // Exit: heap blocks never freed; Release: frames freed

    bool operator==(const ProcessEvent&) const = default;
};

// Hit and PageFault of a reference string: one reference through the pager.
struct PageReference {
    std::uint64_t page = 0;
    std::uint32_t frame = 0;                // where the page is afterwards
    std::optional<std::uint64_t> victim{};  // the page evicted, if any
    bool write = false;
    bool writeback = false;                 // the victim was dirty

    bool operator==(const PageReference&) const = default;
};

// The facts of an event, typed by its producer.
using EventData = std::variant<std::monostate, heap::HeapEvent, vm::MmuEvent, minic::Event, StackEvent, AccessEvent,
                               ProcessEvent, PageReference>;

struct Event {
    EventSource source = EventSource::Program;
    EventKind kind = EventKind::Statement;  // its name: event_kind_name(kind)
    std::string text{};            // the explanation a teacher would give (for people, not for decisions)
    bool is_error = false;         // a learner's mistake (or a crash of the simulated program)
    std::uint64_t step = 0;        // the step that produced it (1 = the first step)
    int line = 0;                  // source line of the scenario, 0 when none
    std::uint32_t process = 0;     // the process it happened in
    std::uint64_t address = 0;     // the address it concerns, when there is one
    EventData data{};              // the typed facts

    bool operator==(const Event&) const = default;
};

// "program", "stack", "heap", "vm", "process".
const char* source_name(EventSource source);

// The payload as `T`, or nullptr when the event carries another one.
template <class T>
const T* payload(const Event& event) {
    return std::get_if<T>(&event.data);
}

}  // namespace memsim::machine
