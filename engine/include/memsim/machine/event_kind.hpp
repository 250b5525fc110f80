#pragma once
// What kind of thing an Event reports, and the one table that names each kind. The
// names are the words the JSON ("kind"), the CLI, the lessons (`fact = "event"`
// answers) and the golden files use; consumers compare the enum, never the words.
//
//   event_kind_name(EventKind::PageFault)         -> "page-fault"
//   event_kind_from_name("double-free")           -> EventKind::DoubleFree
//   event_kind_from_name("pagefault")             -> std::nullopt
//
// A word names one kind, whichever part produced it: "call" is a call whether the stack
// pushed its frame or the interpreter saw it; Event::source says which part spoke.
//
// To add an event kind:
//   1. add the enumerator to EventKind, in its group;
//   2. add its row {EventKind::X, "x"} to kEventKinds at the same position (a
//      static_assert in event_kind.cpp fails when the table and the enum disagree);
//   3. if an engine's own enum produces it (heap::HeapEventKind, vm::MmuEventKind,
//      minic::EventKind), add the case to the matching kind_of() in event_kind.cpp (the
//      switch has no default, so -Werror=switch names the missing case);
//   4. emit it with the enumerator, never a string, and put its facts in the payload
//      (event.hpp) for the consumers that need them.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace memsim::heap {
enum class HeapEventKind : std::uint8_t;
}
namespace memsim::vm {
enum class MmuEventKind : std::uint8_t;
}
namespace memsim::minic {
enum class EventKind : std::uint8_t;
}

namespace memsim::machine {

enum class EventKind : std::uint8_t {
    // The program: the interpreter's steps (minic::EventKind) and the ops' reads and writes.
    Started, Statement, Call, Return, Output, UninitializedRead, MemoryProblem, DivisionByZero, Exited, StepLimit,
    Aborted, SwitchCase, Read, Write, UninitialisedRead, TouchRead, TouchWrite, UnknownName,
    // The stack (Call and Return above are also the stack's).
    ReturnWithoutCall, Local, LocalOutsideFunction, NoSuchLocal, StackOverflow,
    // The heap: the allocator's events (heap::HeapEventKind), then the machine's own checks.
    Malloc, Free, Realloc, ReallocInPlace, Calloc, Search, Split, Coalesce, Brk, Trim, Mmap, Munmap, BuddySplit,
    BuddyMerge, SlabCreate, SlabRelease, Glibc, DoubleFree, ReallocFreed, InvalidFree, InteriorFree, UseAfterFree, HeapOverflow,
    Corruption, OutOfMemory, Leak, OutOfBounds, Unreachable,
    // Paging: the MMU's events (vm::MmuEventKind), a reference string's hit, memory given back.
    TlbFlush, TlbHit, TlbMiss, Segfault, ProtectionFault, Eviction, PageFault, CopyOnWrite, Translated, Hit, Release,
    Unmap,
    // Processes (Aborted above is also the C library ending a process).
    Skipped, NoSuchProcess, SwitchToEnded, Switch, ForkFailed, Fork, Exit, Stopped, Killed, Yield, Arguments,
};

struct EventKindName {
    EventKind kind;
    std::string_view name;
};

// Every kind with its word, in enum order.
inline constexpr std::array kEventKinds{
    EventKindName{EventKind::Started, "started"},
    EventKindName{EventKind::Statement, "statement"},
    EventKindName{EventKind::Call, "call"},
    EventKindName{EventKind::Return, "return"},
    EventKindName{EventKind::Output, "output"},
    EventKindName{EventKind::UninitializedRead, "uninitialized-read"},
    EventKindName{EventKind::MemoryProblem, "memory-problem"},
    EventKindName{EventKind::DivisionByZero, "division-by-zero"},
    EventKindName{EventKind::Exited, "exited"},
    EventKindName{EventKind::StepLimit, "step-limit"},
    EventKindName{EventKind::Aborted, "aborted"},
    EventKindName{EventKind::SwitchCase, "switch-case"},
    EventKindName{EventKind::Read, "read"},
    EventKindName{EventKind::Write, "write"},
    EventKindName{EventKind::UninitialisedRead, "uninitialised-read"},
    EventKindName{EventKind::TouchRead, "touch-read"},
    EventKindName{EventKind::TouchWrite, "touch-write"},
    EventKindName{EventKind::UnknownName, "unknown-name"},
    EventKindName{EventKind::ReturnWithoutCall, "return-without-call"},
    EventKindName{EventKind::Local, "local"},
    EventKindName{EventKind::LocalOutsideFunction, "local-outside-function"},
    EventKindName{EventKind::NoSuchLocal, "no-such-local"},
    EventKindName{EventKind::StackOverflow, "stack-overflow"},
    EventKindName{EventKind::Malloc, "malloc"},
    EventKindName{EventKind::Free, "free"},
    EventKindName{EventKind::Realloc, "realloc"},
    EventKindName{EventKind::ReallocInPlace, "realloc-in-place"},
    EventKindName{EventKind::Calloc, "calloc"},
    EventKindName{EventKind::Search, "search"},
    EventKindName{EventKind::Split, "split"},
    EventKindName{EventKind::Coalesce, "coalesce"},
    EventKindName{EventKind::Brk, "brk"},
    EventKindName{EventKind::Trim, "trim"},
    EventKindName{EventKind::Mmap, "mmap"},
    EventKindName{EventKind::Munmap, "munmap"},
    EventKindName{EventKind::BuddySplit, "buddy-split"},
    EventKindName{EventKind::BuddyMerge, "buddy-merge"},
    EventKindName{EventKind::SlabCreate, "slab-create"},
    EventKindName{EventKind::SlabRelease, "slab-release"},
    EventKindName{EventKind::Glibc, "glibc"},
    EventKindName{EventKind::DoubleFree, "double-free"},
    EventKindName{EventKind::ReallocFreed, "realloc-freed"},
    EventKindName{EventKind::InvalidFree, "invalid-free"},
    EventKindName{EventKind::InteriorFree, "interior-free"},
    EventKindName{EventKind::UseAfterFree, "use-after-free"},
    EventKindName{EventKind::HeapOverflow, "heap-overflow"},
    EventKindName{EventKind::Corruption, "corruption"},
    EventKindName{EventKind::OutOfMemory, "out-of-memory"},
    EventKindName{EventKind::Leak, "leak"},
    EventKindName{EventKind::OutOfBounds, "out-of-bounds"},
    EventKindName{EventKind::Unreachable, "unreachable"},
    EventKindName{EventKind::TlbFlush, "tlb-flush"},
    EventKindName{EventKind::TlbHit, "tlb-hit"},
    EventKindName{EventKind::TlbMiss, "tlb-miss"},
    EventKindName{EventKind::Segfault, "segfault"},
    EventKindName{EventKind::ProtectionFault, "protection-fault"},
    EventKindName{EventKind::Eviction, "eviction"},
    EventKindName{EventKind::PageFault, "page-fault"},
    EventKindName{EventKind::CopyOnWrite, "copy-on-write"},
    EventKindName{EventKind::Translated, "translated"},
    EventKindName{EventKind::Hit, "hit"},
    EventKindName{EventKind::Release, "release"},
    EventKindName{EventKind::Unmap, "unmap"},
    EventKindName{EventKind::Skipped, "skipped"},
    EventKindName{EventKind::NoSuchProcess, "no-such-process"},
    EventKindName{EventKind::SwitchToEnded, "switch-to-ended"},
    EventKindName{EventKind::Switch, "switch"},
    EventKindName{EventKind::ForkFailed, "fork-failed"},
    EventKindName{EventKind::Fork, "fork"},
    EventKindName{EventKind::Exit, "exit"},
    EventKindName{EventKind::Stopped, "stopped"},
    EventKindName{EventKind::Killed, "killed"},
    EventKindName{EventKind::Yield, "yield"},
    EventKindName{EventKind::Arguments, "arguments"},
};

// The kind's word: "page-fault", "double-free", "call".
std::string_view event_kind_name(EventKind kind);

// The kind a word names; nothing for a word no event uses.
std::optional<EventKind> event_kind_from_name(std::string_view name);

// The machine's kind for an engine's own event kind (same word).
EventKind kind_of(heap::HeapEventKind kind);
EventKind kind_of(vm::MmuEventKind kind);
EventKind kind_of(minic::EventKind kind);

}  // namespace memsim::machine
