// Page replacement on a short random reference string, worked the way OSTEP's
// paging-policy homework asks: hit or miss at each reference, the victim, the memory.
// The engine runs the string, so the solution is the simulator's own result.
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "quiz_impl.hpp"

namespace memsim::quiz::detail {
namespace {

constexpr int quiz_references = 12;
constexpr std::uint64_t quiz_frames = 3;

std::string policy_title(const std::string& policy) {
    if (policy == "fifo") return "FIFO";
    if (policy == "lru") return "LRU";
    return "OPT";
}

std::string paging_quiz_front_matter(const std::string& policy, std::uint64_t seed) {
    return "+++\nformat = 1\ntitle = \"Paging quiz: " + policy_title(policy) + ", " + std::to_string(quiz_frames) +
           " frames (seed " + std::to_string(seed) + ")\"\nsummary = \"Predict each reference: hit or miss, and the victim.\"\n"
           "kind = \"references\"\n\n[vm]\nframes = " + std::to_string(quiz_frames) + "\npolicy = \"" + policy + "\"\n";
}

std::string memory_text(const machine::Snapshot& snap) {
    std::string text = "[";
    for (std::size_t i = 0; i < snap.vm->frames.size(); ++i) {
        const auto& f = snap.vm->frames[i];
        text += (i ? " " : "") + (f.used ? std::to_string(f.page) : std::string("-"));
    }
    return text + "]";
}

}  // namespace

QuizProblem paging_problem(std::uint64_t seed) {
    Prng rng = seeded(seed, 1);
    const char* policies[] = {"fifo", "lru", "opt"};
    const std::string policy = policies[rng.below(3)];
    std::vector<std::uint64_t> refs;
    // Pages 0..5 with a bias towards recent ones, so hits happen and policies differ.
    // A page never follows itself (that hit teaches nothing).
    while (refs.size() < static_cast<std::size_t>(quiz_references)) {
        const bool reuse = !refs.empty() && rng.below(3) == 0;
        const std::uint64_t page =
            reuse ? refs[refs.size() - 1 - static_cast<std::size_t>(rng.below(std::min<std::uint64_t>(refs.size(), 4)))]
                  : rng.below(6);
        if (refs.empty() || page != refs.back()) refs.push_back(page);
    }
    std::string body;
    for (std::uint64_t page : refs) body += (body.empty() ? "" : " ") + std::to_string(page);
    body += "\n";

    auto sim = machine::Simulator::load(paging_quiz_front_matter(policy, seed) + "+++\n" + body);
    QuizProblem q;
    q.title = "Paging problem (seed " + std::to_string(seed) + ")";
    q.problem = "Policy " + policy_title(policy) + ", " + std::to_string(quiz_frames) + " frames, memory empty at the start.\n" +
                "Reference string: " + body + "For each reference: hit or miss? If a page is evicted, which one? What does memory hold after it?\n" +
                "(A new page takes the lowest free frame" + (policy == "opt" ? std::string("; OPT ties go to the lowest frame") : std::string()) + ".)\n";
    q.answers = q.problem + "\nSolution (memory shown frame by frame, - = free):\n";
    if (!sim) return q;  // cannot happen: the text is generated; an empty answer would show it
    std::string questions;
    for (int i = 1; i <= quiz_references; ++i) {
        sim->seek(static_cast<std::uint64_t>(i));
        const machine::Snapshot snap = sim->snapshot();
        const bool hit = !sim->events().empty() && sim->events().front().kind == machine::EventKind::Hit;
        const auto victim = snap.vm->last_victim;
        const std::string page = std::to_string(refs[static_cast<std::size_t>(i - 1)]);
        q.answers += "  " + std::to_string(i) + ". page " + page + ": " + (hit ? "hit " : "miss") +
                     (victim ? ", evicts " + std::to_string(*victim) : std::string()) + "  memory " + memory_text(snap) + "\n";
        // Once memory is full every reference may evict: ask for the victim ("none" on a hit).
        const bool full = static_cast<std::uint64_t>(i) > quiz_frames;
        questions += "\n[[question]]\nstep = " + std::to_string(i) + "\n";
        if (full) {
            questions += "ask = \"Page " + page + " is referenced. Which page does " + policy_title(policy) +
                         " evict? (none if it is a hit)\"\nkind = \"victim_page\"\nanswer = \"" +
                         (victim ? std::to_string(*victim) : std::string("none")) + "\"\n";
        } else {
            questions += "ask = \"Page " + page + " is referenced. Hit or miss?\"\nkind = \"hit_or_miss\"\nanswer = \"" +
                         (hit ? "hit" : "miss") + "\"\n";
        }
    }
    const auto& s = sim->snapshot().vm;
    q.answers += "Hits " + std::to_string(s->hits) + ", misses " + std::to_string(s->faults) + ", hit rate " +
                 std::to_string(100 * s->hits / quiz_references) + "%\n";
    q.scenario = paging_quiz_front_matter(policy, seed) + questions + "+++\n" + body;
    return q;
}

}  // namespace memsim::quiz::detail
