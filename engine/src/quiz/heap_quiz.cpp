// malloc and free on one allocator, worked the way OSTEP's malloc homework asks: the
// address each malloc returns and the free list after each call. The engine replays
// the calls (an OSTEP op list), so the solution is the allocator's own result.
#include <string>
#include <vector>

#include "memsim/core/text.hpp"
#include "memsim/machine/simulator.hpp"
#include "quiz_impl.hpp"

namespace memsim::quiz::detail {
namespace {

constexpr int calls = 10;

struct Call {
    bool alloc = true;
    std::uint64_t value = 0;  // bytes to allocate, or the allocation index to free
};

std::string heap_quiz_front_matter(const std::string& allocator, std::uint64_t seed) {
    return "+++\nformat = 1\ntitle = \"Heap quiz: " + allocator + " (seed " + std::to_string(seed) +
           ")\"\nsummary = \"Predict the address each malloc returns.\"\nkind = \"heap-trace\"\n\n[heap]\nallocator = \"" +
           allocator + "\"\n";
}

std::string free_list(const machine::Snapshot& snap) {
    std::string text;
    if (snap.processes.empty()) return "[]";
    for (const auto& b : snap.processes.front().blocks) {
        if (!b.allocated && !b.mapped) text += (text.empty() ? "" : ", ") + hex(b.block) + " size " + std::to_string(b.size);
    }
    return "[" + text + "]";
}

std::vector<Call> draw_calls(Prng& rng) {
    std::vector<Call> list;
    std::vector<std::uint64_t> live;  // allocation indices not yet freed
    std::uint64_t allocations = 0;
    for (int i = 0; i < calls; ++i) {
        // Three blocks first, so frees leave holes between blocks in use for the policy to choose among.
        if (i >= 3 && !live.empty() && rng.below(5) < 2) {
            const std::size_t pick = static_cast<std::size_t>(rng.below(live.size()));
            list.push_back(Call{false, live[pick]});
            live.erase(live.begin() + static_cast<std::ptrdiff_t>(pick));
        } else {
            list.push_back(Call{true, 8 * rng.between(1, 12)});
            live.push_back(allocations++);
        }
    }
    return list;
}

}  // namespace

QuizProblem heap_problem(std::uint64_t seed) {
    Prng rng = seeded(seed, 2);
    const char* allocators[] = {"implicit-first", "implicit-best", "implicit-worst"};
    const std::string allocator = allocators[rng.below(3)];
    const std::vector<Call> list = draw_calls(rng);
    std::string body, listing;
    std::uint64_t allocation = 0;
    for (const Call& c : list) {
        body += (body.empty() ? "" : ",") + std::string(c.alloc ? "+" : "-") + std::to_string(c.value);
        listing += c.alloc ? "  ptr[" + std::to_string(allocation++) + "] = malloc(" + std::to_string(c.value) + ")\n"
                           : "  free(ptr[" + std::to_string(c.value) + "])\n";
    }
    body += "\n";

    auto sim = machine::Simulator::load(heap_quiz_front_matter(allocator, seed) + "+++\n" + body);
    QuizProblem q;
    q.title = "Heap problem (seed " + std::to_string(seed) + ")";
    q.problem = "Allocator " + allocator + " (8-byte headers, 16-byte alignment, blocks split and coalesced).\n" +
                "For each malloc: which address does it return? After each call: what is on the free list?\n" + listing;
    q.answers = q.problem + "\nSolution (free list as block address and size):\n";
    if (!sim) return q;  // cannot happen: the text is generated; an empty answer would show it
    std::string questions;
    allocation = 0;
    for (int i = 1; i <= calls; ++i) {
        const Call& c = list[static_cast<std::size_t>(i - 1)];
        sim->seek(static_cast<std::uint64_t>(i));
        std::string returned;
        for (const auto& e : sim->events()) {
            if (const auto* block = machine::payload<heap::HeapEvent>(e); block && e.kind == machine::EventKind::Malloc) {
                returned = hex(block->addr);
            }
        }
        if (c.alloc) {
            const std::string name = "ptr[" + std::to_string(allocation++) + "]";
            q.answers += "  " + name + " = malloc(" + std::to_string(c.value) + ") returns " + returned;
            questions += "\n[[question]]\nstep = " + std::to_string(i) + "\nask = \"" + name + " = malloc(" +
                         std::to_string(c.value) + "): which address does it return?\"\nkind = \"malloc_block\"\nanswer = \"" +
                         returned + "\"\n";
        } else {
            q.answers += "  free(ptr[" + std::to_string(c.value) + "])";
        }
        q.answers += "; free list " + free_list(sim->snapshot()) + "\n";
    }
    q.scenario = heap_quiz_front_matter(allocator, seed) + questions + "+++\n" + body;
    return q;
}

}  // namespace memsim::quiz::detail
