#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "memsim/heap/event.hpp"
#include "memsim/machine/event_kind.hpp"
#include "memsim/minic/events.hpp"
#include "memsim/vm/mmu.hpp"

using namespace memsim;
using namespace memsim::machine;

TEST_CASE("Every event kind has its own lowercase word and the word names it back", "[machine][event]") {
    std::set<std::string_view> seen;
    for (const EventKindName& row : kEventKinds) {
        INFO(row.name);
        CHECK(!row.name.empty());
        CHECK(row.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos);
        CHECK(seen.insert(row.name).second);
        CHECK(event_kind_name(row.kind) == row.name);
        const auto back = event_kind_from_name(row.name);
        REQUIRE(back);
        CHECK(*back == row.kind);
    }
    CHECK(!event_kind_from_name("pagefault"));
    CHECK(!event_kind_from_name("Page-Fault"));
    CHECK(!event_kind_from_name(""));
}

TEST_CASE("An engine's event kind maps to the machine kind of the same word", "[machine][event]") {
    // The heap, the MMU and the interpreter name their kinds themselves; the machine's
    // JSON and goldens must keep using exactly those words.
    for (int k = 0; k <= static_cast<int>(heap::HeapEventKind::Leak); ++k) {
        const auto kind = static_cast<heap::HeapEventKind>(k);
        CHECK(event_kind_name(kind_of(kind)) == heap::to_string(kind));
    }
    for (int k = 0; k <= static_cast<int>(minic::EventKind::SwitchCase); ++k) {
        const auto kind = static_cast<minic::EventKind>(k);
        CHECK(event_kind_name(kind_of(kind)) == minic::event_kind_name(kind));
    }
    CHECK(event_kind_name(kind_of(vm::MmuEventKind::PageFault)) == "page-fault");
    CHECK(event_kind_name(kind_of(vm::MmuEventKind::TlbFlush)) == "tlb-flush");
    CHECK(event_kind_name(kind_of(vm::MmuEventKind::CopyOnWrite)) == "copy-on-write");
    CHECK(event_kind_name(kind_of(vm::MmuEventKind::ProtectionFault)) == "protection-fault");
}
