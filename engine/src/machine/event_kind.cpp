#include "memsim/machine/event_kind.hpp"

#include "memsim/heap/event.hpp"
#include "memsim/minic/events.hpp"
#include "memsim/vm/mmu.hpp"

namespace memsim::machine {
namespace {

// The table is in enum order, so a kind's row is at its value and naming is one index.
constexpr bool table_in_enum_order() {
    for (std::size_t i = 0; i < kEventKinds.size(); ++i) {
        if (static_cast<std::size_t>(kEventKinds[i].kind) != i) return false;
    }
    return true;
}
static_assert(table_in_enum_order(), "kEventKinds must list every EventKind once, in enum order");
static_assert(static_cast<std::size_t>(EventKind::Arguments) + 1 == kEventKinds.size(),
              "the last EventKind must be the last row of kEventKinds");

}  // namespace

std::string_view event_kind_name(EventKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < kEventKinds.size() ? kEventKinds[i].name : std::string_view("?");
}

std::optional<EventKind> event_kind_from_name(std::string_view name) {
    for (const EventKindName& row : kEventKinds) {
        if (row.name == name) return row.kind;
    }
    return std::nullopt;
}

EventKind kind_of(heap::HeapEventKind kind) {
    using enum heap::HeapEventKind;
    switch (kind) {
        case Malloc: return EventKind::Malloc;
        case Free: return EventKind::Free;
        case Realloc: return EventKind::Realloc;
        case ReallocInPlace: return EventKind::ReallocInPlace;
        case Calloc: return EventKind::Calloc;
        case Search: return EventKind::Search;
        case Split: return EventKind::Split;
        case Coalesce: return EventKind::Coalesce;
        case Brk: return EventKind::Brk;
        case Trim: return EventKind::Trim;
        case Mmap: return EventKind::Mmap;
        case Munmap: return EventKind::Munmap;
        case BuddySplit: return EventKind::BuddySplit;
        case BuddyMerge: return EventKind::BuddyMerge;
        case SlabCreate: return EventKind::SlabCreate;
        case SlabRelease: return EventKind::SlabRelease;
        case GlibcStep: return EventKind::Glibc;
        case DoubleFree: return EventKind::DoubleFree;
        case ReallocFreed: return EventKind::ReallocFreed;
        case InvalidFree: return EventKind::InvalidFree;
        case InteriorFree: return EventKind::InteriorFree;
        case UseAfterFree: return EventKind::UseAfterFree;
        case HeapOverflow: return EventKind::HeapOverflow;
        case Corruption: return EventKind::Corruption;
        case OutOfMemory: return EventKind::OutOfMemory;
        case Leak: return EventKind::Leak;
    }
    return EventKind::Malloc;  // not reached: the switch names every kind
}

EventKind kind_of(vm::MmuEventKind kind) {
    using enum vm::MmuEventKind;
    switch (kind) {
        case TlbFlush: return EventKind::TlbFlush;
        case TlbHit: return EventKind::TlbHit;
        case TlbMiss: return EventKind::TlbMiss;
        case Segfault: return EventKind::Segfault;
        case ProtectionFault: return EventKind::ProtectionFault;
        case Eviction: return EventKind::Eviction;
        case PageFault: return EventKind::PageFault;
        case CopyOnWrite: return EventKind::CopyOnWrite;
        case Translated: return EventKind::Translated;
    }
    return EventKind::Translated;  // not reached
}

EventKind kind_of(minic::EventKind kind) {
    using enum minic::EventKind;
    switch (kind) {
        case Started: return EventKind::Started;
        case Statement: return EventKind::Statement;
        case Call: return EventKind::Call;
        case Return: return EventKind::Return;
        case Output: return EventKind::Output;
        case UninitializedRead: return EventKind::UninitializedRead;
        case MemoryProblem: return EventKind::MemoryProblem;
        case DivisionByZero: return EventKind::DivisionByZero;
        case Exited: return EventKind::Exited;
        case StepLimit: return EventKind::StepLimit;
        case Aborted: return EventKind::Aborted;
        case SwitchCase: return EventKind::SwitchCase;
    }
    return EventKind::Statement;  // not reached
}

}  // namespace memsim::machine
