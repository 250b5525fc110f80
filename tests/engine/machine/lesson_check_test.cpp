#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "memsim/machine/lesson_check.hpp"

using namespace memsim;
using namespace memsim::machine;

namespace {
// Belady's string under FIFO with 3 frames (9 faults): step 4 (page 4) evicts page 1,
// step 5 (page 1) evicts 2, step 8 (page 1) hits.
const std::string belady_quiz =
    "+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = 3\npolicy = \"fifo\"\n"
    "[[question]]\nstep = 4\nask = \"victim?\"\nkind = \"victim_page\"\nanswer = 1\n"
    "[[question]]\nstep = 8\nask = \"hit?\"\nkind = \"hit_or_miss\"\nanswer = \"hit\"\n"
    "[[question]]\nstep = 12\nask = \"faults?\"\nkind = \"number\"\nfact = \"faults\"\nanswer = 9\n"
    "+++\n1 2 3 4 1 2 5 1 2 3 4 5\n";
}  // namespace

TEST_CASE("The engine's answers to page-replacement questions match Belady's published run", "[machine][lesson]") {
    auto sim = Simulator::load(belady_quiz);
    REQUIRE(sim);
    const auto& q = sim->scenario().teaching.questions;
    CHECK(engine_answer(*sim, q[0]) == "1");
    CHECK(engine_answer(*sim, q[1]) == "hit");
    CHECK(engine_answer(*sim, q[2]) == "9");
    CHECK(check_lesson(*sim).empty());
    CHECK(sim->step() == 0);
}

TEST_CASE("A stated answer the engine disagrees with is an error at the answer's line", "[machine][lesson][errors]") {
    std::string wrong = belady_quiz;
    wrong.replace(wrong.find("answer = 9"), 10, "answer = 10");   // with 4 frames it would be 10
    auto sim = Simulator::load(wrong);
    REQUIRE(sim);
    const auto errors = check_lesson(*sim);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 22);
    CHECK(errors[0].message.find("'10'") != std::string::npos);
    CHECK(errors[0].message.find("engine's '9'") != std::string::npos);
}

TEST_CASE("A question past the last step is reported", "[machine][lesson][errors]") {
    std::string late = belady_quiz;
    late.replace(late.find("step = 12"), 9, "step = 13");
    auto sim = Simulator::load(late);
    REQUIRE(sim);
    const auto errors = check_lesson(*sim);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("only 12 steps") != std::string::npos);
}

TEST_CASE("Offered choices come from the state before the question's step", "[machine][lesson]") {
    auto sim = Simulator::load(belady_quiz);
    REQUIRE(sim);
    const auto& q = sim->scenario().teaching.questions;
    CHECK(offered_choices(*sim, q[0]) == std::vector<std::string>{"1", "2", "3", "none"});
    CHECK(offered_choices(*sim, q[1]) == std::vector<std::string>{"hit", "miss"});
}

TEST_CASE("Heap questions: the address malloc returns and the learner error a step reports", "[machine][lesson]") {
    const std::string text =
        "+++\nformat = 1\nkind = \"ops\"\n[heap]\nallocator = \"implicit-first\"\n"
        "[[question]]\nstep = 4\nask = \"which block?\"\nkind = \"malloc_block\"\nanswer = 0\n"
        "[[question]]\nstep = 6\nask = \"what happens?\"\nkind = \"choice\"\nfact = \"event\"\n"
        "choices = [\"none\", \"double-free\", \"use-after-free\"]\nanswer = \"double-free\"\n"
        "+++\ncall main\np = malloc 24\nfree p\nq = malloc 16\nfree q\nfree q\nexit\n";
    auto sim = Simulator::load(text);
    REQUIRE(sim);
    const auto& qs = sim->scenario().teaching.questions;
    // First fit reuses the block p had: q gets p's address back.
    sim->seek(2);
    const std::uint64_t p = sim->snapshot().pointers.at("p");
    const std::string q_address = engine_answer(*sim, qs[0]);
    CHECK(scenario::same_answer(q_address, std::to_string(p)));
    CHECK(engine_answer(*sim, qs[1]) == "double-free");
    const auto offered = offered_choices(*sim, qs[0]);
    CHECK(std::find(offered.begin(), offered.end(), q_address) != offered.end());
}

TEST_CASE("A step's facts come from event kinds and payloads: rewording every explanation changes no answer", "[machine][lesson][event]") {
    const std::string text =
        "+++\nformat = 1\nkind = \"ops\"\n[heap]\nallocator = \"implicit-first\"\n"
        "+++\ncall main\np = malloc 24\nfree p\nfree p\nexit\n";
    auto sim = Simulator::load(text);
    REQUIRE(sim);
    sim->seek(2);
    std::vector<Event> allocation = sim->events();
    const std::uint64_t p = sim->snapshot().pointers.at("p");
    sim->seek(4);
    std::vector<Event> double_free = sim->events();
    // The words say something else entirely (and name another address); the facts stay.
    for (auto* events : {&allocation, &double_free}) {
        for (Event& e : *events) e.text = "segfault at 0xdead: page-fault, malloc returned 0x1";
    }
    REQUIRE(allocated_payload(allocation));
    CHECK(*allocated_payload(allocation) == p);
    CHECK(first_error_kind(allocation) == "none");
    CHECK(first_error_kind(double_free) == "double-free");
    // A double free's address is the pointer freed again, in the heap event's payload too.
    const auto it = std::find_if(double_free.begin(), double_free.end(), [](const Event& e) { return e.kind == EventKind::DoubleFree; });
    REQUIRE(it != double_free.end());
    REQUIRE(payload<heap::HeapEvent>(*it));
    CHECK(payload<heap::HeapEvent>(*it)->addr == p);
    CHECK(!allocated_payload(double_free));
}

TEST_CASE("The victim page of a machine's step is the evicted page from the MMU's event, not any page the text names", "[machine][lesson][event]") {
    // dirty-pages.msim, step 5: writing page 0x804f with three frames full evicts page 0xbffff (the stack's).
    std::ifstream file(std::string(MEMSIM_SOURCE_DIR) + "/scenarios/dirty-pages.msim");
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    auto sim = Simulator::load(text.str());
    REQUIRE(sim);
    sim->seek(5);
    std::vector<Event> events = sim->events();
    for (Event& e : events) e.text = "evicted page 0x1";
    CHECK(evicted_page(events) == std::optional<std::uint64_t>(0xbffff));
    sim->seek(1);
    CHECK(!evicted_page(sim->events()));
}
