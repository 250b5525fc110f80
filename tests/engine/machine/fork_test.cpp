#include <catch2/catch.hpp>

#include <algorithm>

#include "memsim/machine/simulator.hpp"

using namespace memsim;
using namespace memsim::machine;

namespace {

std::string scenario_text(const std::string& kind, const std::string& body, const std::string& settings = "") {
    return "+++\nformat = 1\ntitle = \"t\"\nkind = \"" + kind + "\"\n" + settings + "+++\n" + body;
}

const Machine& machine_of(const Simulator& sim) {
    if (const auto* ops = std::get_if<OpsSession>(&sim.session())) return ops->machine();
    return std::get<ProgramSession>(sim.session()).machine();
}

std::vector<Event> of_kind(const std::vector<Event>& events, EventKind kind) {
    std::vector<Event> out;
    std::copy_if(events.begin(), events.end(), std::back_inserter(out), [&](const Event& e) { return e.kind == kind; });
    return out;
}

// Steps to the end, checking every invariant after every step.
void run_checked(Simulator& sim) {
    while (!sim.at_end()) {
        sim.step_forward();
        const auto problems = machine_of(sim).check_invariants();
        INFO("step " << sim.step() << ": " << (problems.empty() ? "" : problems.front()));
        REQUIRE(problems.empty());
    }
}

}  // namespace

TEST_CASE("Ops: fork, a write in the parent copies one frame, the child's write copies none", "[machine][fork][cow]") {
    auto sim = Simulator::load(scenario_text("ops",
                                        "call main\n"
                                        "p = malloc 16\n"
                                        "write p 4 = 1\n"
                                        "fork\n"
                                        "write p 4 = 2\n"
                                        "switch 1\n"
                                        "write p 4 = 3\n"
                                        "read p 4\n"));
    REQUIRE(sim);
    sim->seek(4);  // after the fork
    const Machine& m = machine_of(*sim);
    REQUIRE(m.processes().size() == 2);
    CHECK(m.processes()[1].pid == 1);
    std::uint32_t shared = 0;
    for (std::uint32_t f = 0; f < m.mmu().frames().size(); ++f) shared += m.mmu().users(f) == 2 ? 1 : 0;
    CHECK(shared == 2);  // the stack page and the heap page
    const auto cow_before = m.mmu().stats();

    sim->step_forward();  // the parent writes p: one COW fault, one copy
    CHECK(machine_of(*sim).mmu().stats().cow_faults == cow_before.cow_faults + 1);
    CHECK(machine_of(*sim).mmu().stats().cow_copies == cow_before.cow_copies + 1);
    const auto copies = of_kind(sim->events_between(5, 5), EventKind::CopyOnWrite);
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].text.find("Process 0 wrote to page 0x804c, which it shares with process 1 since fork") == 0);

    run_checked(*sim);
    const Machine& end = machine_of(*sim);
    CHECK(end.mmu().stats().cow_faults == cow_before.cow_faults + 2);
    CHECK(end.mmu().stats().cow_copies == cow_before.cow_copies + 1);  // the child was the sole user
    CHECK(end.current_pid() == 1);
    CHECK(end.peek(std::get<OpsSession>(sim->session()).pointers().at("p"), 4) == 3);
    const auto reads = of_kind(sim->events_between(1, sim->step()), EventKind::Read);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].text == "Read 4 byte(s) at 0x804c010: the value is 3.");
}

TEST_CASE("Ops: exit gives frames back, the next process runs, and nothing runs after the last exit",
          "[machine][fork][exit]") {
    auto sim = Simulator::load(scenario_text("ops",
                                        "call main\n"
                                        "p = malloc 16\n"
                                        "write p 4 = 1\n"
                                        "fork\n"
                                        "exit\n"
                                        "read p 4\n"
                                        "exit\n"
                                        "read p 4\n"));
    REQUIRE(sim);
    run_checked(*sim);
    const auto releases = of_kind(sim->events_between(1, sim->step()), EventKind::Release);
    REQUIRE(releases.size() == 2);
    // The parent leaves: both frames are shared, so they stay for the child.
    CHECK(releases[0].text == "The OS takes back the memory of process 0: 0 frames are free again, 2 shared frames stay "
                              "for the processes still using it (one user fewer).");
    CHECK(releases[1].text.find("The OS takes back the memory of process 1: 2 frames are free again") == 0);
    const auto switches = of_kind(sim->events_between(1, sim->step()), EventKind::Switch);
    REQUIRE(switches.size() == 1);
    CHECK(switches[0].text.find("from process 0 to process 1") != std::string::npos);
    const auto skipped = of_kind(sim->events_between(1, sim->step()), EventKind::Skipped);
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].is_error);
    CHECK(skipped[0].text == "Every process has ended, so 'read' does not run: there is nothing left to run it in.");
    const Machine& m = machine_of(*sim);
    for (std::uint32_t f = 0; f < m.mmu().frames().size(); ++f) CHECK(m.mmu().users(f) == 0);
    const auto snap = sim->snapshot();
    REQUIRE(snap.processes.size() == 2);
    CHECK(snap.processes[0].state == "exited");
    CHECK(snap.processes[1].state == "exited");
}

TEST_CASE("Ops: switching to an ended process is a learner event; to one that cannot exist, a line:column error",
          "[machine][fork][errors]") {
    auto sim = Simulator::load(scenario_text("ops", "call main\nfork\nswitch 1\nexit\nswitch 1\n"));
    REQUIRE(sim);
    run_checked(*sim);
    const auto refused = of_kind(sim->events_between(1, sim->step()), EventKind::SwitchToEnded);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].text == "Process 1 has already ended (exited), so the OS cannot run it; process 0 stays current.");

    const auto bad = Simulator::load(scenario_text("ops", "call main\nswitch 1\nfork\n"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().line == 7);
    CHECK(bad.error().column == 8);
}

TEST_CASE("A switch without ASIDs flushes the TLB, with ASIDs keeps it", "[machine][fork][tlb]") {
    for (const bool asid : {false, true}) {
        auto sim = Simulator::load(scenario_text("ops", "call main\nfork\nswitch 1\nswitch 0\n",
                                            std::string("[vm]\ntlb_entries = 8\nasid = ") + (asid ? "true" : "false") + "\n"));
        REQUIRE(sim);
        run_checked(*sim);
        CHECK(of_kind(sim->events_between(1, sim->step()), EventKind::Switch).size() == 2);
        CHECK(of_kind(sim->events_between(1, sim->step()), EventKind::TlbFlush).size() == (asid ? 0u : 2u));
        CHECK(machine_of(*sim).mmu().stats().tlb_flushes == (asid ? 0u : 2u));
    }
}

TEST_CASE("MiniC: fork then a write makes one copy; the child writes later as sole user", "[machine][fork][program]") {
    auto sim = Simulator::load(scenario_text("program",
                                        "int x = 5;\n"
                                        "int main(void) {\n"
                                        "    x = 6;\n"
                                        "    fork();\n"
                                        "    x = 7;\n"
                                        "    printf(\"x=%d\\n\", x);\n"
                                        "    return 0;\n"
                                        "}\n"));
    REQUIRE(sim);
    std::uint64_t copies_after_first_write = 0;
    while (!sim->at_end()) {
        sim->step_forward();
        REQUIRE(machine_of(*sim).check_invariants().empty());
        const auto& stats = machine_of(*sim).mmu().stats();
        if (stats.cow_faults == 1 && copies_after_first_write == 0) copies_after_first_write = stats.cow_copies;
    }
    const auto& m = machine_of(*sim);
    CHECK(copies_after_first_write == 1);
    CHECK(m.mmu().stats().forks == 1);
    CHECK(m.mmu().stats().cow_faults == 2);   // the parent's write, then the child's
    CHECK(m.mmu().stats().cow_copies == 1);   // the child's came after the parent had exited
    CHECK(std::get<ProgramSession>(sim->session()).output() == "[pid 0] x=7\n[pid 1] x=7\n");
    CHECK(m.processes().at(1).end == ProcessEnd::Exited);
}

TEST_CASE("MiniC: fork returns the child's pid and 0; yield alternates the processes", "[machine][fork][program]") {
    auto sim = Simulator::load(scenario_text("program",
                                        "int main(void) {\n"
                                        "    int pid = fork();\n"
                                        "    printf(\"a %d\\n\", pid);\n"
                                        "    yield();\n"
                                        "    printf(\"b %d\\n\", pid);\n"
                                        "    return 0;\n"
                                        "}\n"));
    REQUIRE(sim);
    run_checked(*sim);
    const auto& session = std::get<ProgramSession>(sim->session());
    CHECK(session.output() == "[pid 0] a 1\n[pid 1] a 0\n[pid 0] b 1\n[pid 1] b 0\n");
    CHECK(session.programs().size() == 2);
    CHECK(session.programs()[0].exit_code() == 0);
    // Stepping back and forth replays forks exactly.
    sim->seek(3);
    sim->run_to_end();
    CHECK(std::get<ProgramSession>(sim->session()).output() == session.output());
}
