#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "memsim/machine/simulator.hpp"

using namespace memsim::machine;

namespace {
std::string program(const std::string& source, const std::string& settings = "") {
    return "+++\nformat = 1\ntitle = \"p\"\nkind = \"program\"\n" + settings + "+++\n" + source;
}
const ProgramSession& session_of(const Simulator& sim) { return std::get<ProgramSession>(sim.session()); }

// The stack pointer at each step, from the first to the last, where a frame exists and `wanted(sim)` holds.
template <class Wanted>
std::vector<std::uint64_t> stack_pointers_where(Simulator& sim, Wanted wanted) {
    std::vector<std::uint64_t> pointers;
    for (std::uint64_t step = 1; step <= sim.total_steps(); ++step) {
        sim.seek(step);
        const auto& stack = session_of(sim).machine().current().stack;
        if (!stack.frames().empty() && wanted(sim)) pointers.push_back(stack.stack_pointer());
    }
    return pointers;
}
}  // namespace

TEST_CASE("A MiniC program runs on the machine: frames, output and exit", "[machine][program]") {
    auto sim = Simulator::load(program(
        "int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }\n"
        "int main(void) { printf(\"%d\\n\", fact(5)); return 0; }\n"));
    REQUIRE(sim);
    sim->run_to_end();
    const auto& s = session_of(*sim);
    CHECK(s.output() == "120\n");
    CHECK(s.interpreter().status() == memsim::minic::Status::Exited);
    CHECK(s.interpreter().max_depth() == 6);  // main + fact(5..1)
    CHECK(s.machine().current().end == ProcessEnd::Exited);
    CHECK(s.machine().check_invariants().empty());
}

TEST_CASE("Walking an array by rows faults once per page, by columns on every access", "[machine][program][vm]") {
    // int a[32][1024] in ILP32: each row is 4 KiB, one page. With 4 frames and LRU, a
    // row-major walk faults once per row (32 pages); a column-major walk visits 32 pages
    // per column and, with only 4 frames, faults on every one of the 32 * 1024 accesses.
    const std::string settings = "[machine]\nbits = 32\n[vm]\nframes = 4\npolicy = \"lru\"\n";
    const auto faults_for = [&](const std::string& loops) {
        auto sim = Simulator::load(program("int a[32][1024];\nint main(void) {\n" + loops + "\nreturn 0;\n}\n", settings),
                                   SimulatorLimits{.max_steps = 2'000'000, .checkpoint_interval = 4096});
        REQUIRE(sim);
        return sim->summary().page_faults;
    };
    const auto rows = faults_for("for (int i = 0; i < 32; i++) for (int j = 0; j < 1024; j++) a[i][j] = 1;");
    const auto columns = faults_for("for (int j = 0; j < 1024; j++) for (int i = 0; i < 32; i++) a[i][j] = 1;");
    // Both runs also fault in the stack page and code/data pages they share.
    const auto shared = faults_for("");
    CHECK(rows - shared == 32);
    CHECK(columns - shared == 32 * 1024);
}

TEST_CASE("Endless recursion in a program ends in a stack overflow at the guard page", "[machine][program][errors]") {
    auto sim = Simulator::load(program("int down(int n) { return down(n + 1); }\nint main(void) { return down(0); }\n",
                                       "[stack]\nlimit = \"8K\"\n"));
    REQUIRE(sim);
    const auto& s = session_of(*sim);
    sim->run_to_end();
    CHECK(s.machine().current().end == ProcessEnd::StackOverflow);
    CHECK(s.interpreter().status() == memsim::minic::Status::Stopped);
    CHECK(sim->summary().learner_errors == 1);
    bool explained = false;
    for (const Event& e : sim->events()) explained = explained || e.kind == EventKind::StackOverflow;
    CHECK(explained);
}

TEST_CASE("A double free aborts the program the way glibc does", "[machine][program][errors]") {
    auto sim = Simulator::load(program("int main(void) { char *p = malloc(8); free(p); free(p); return 0; }\n"));
    REQUIRE(sim);
    sim->run_to_end();
    CHECK(session_of(*sim).machine().current().end == ProcessEnd::Aborted);
}

TEST_CASE("A program stopped by its own error ends its process and counts the error", "[machine][program][errors]") {
    // Division by zero and a negative array size are found by the interpreter, not the
    // machine; the process must still end and the summary must not say "0 errors".
    const auto ends_aborted = [](const std::string& body) {
        auto sim = Simulator::load(program("int main(void) {\n" + body + "\nreturn 0;\n}\n"));
        REQUIRE(sim);
        sim->run_to_end();
        const auto& s = session_of(*sim);
        CHECK(s.interpreter().status() == memsim::minic::Status::Stopped);
        CHECK(s.machine().current().end == ProcessEnd::Aborted);
        CHECK_FALSE(s.machine().running());
        CHECK(sim->summary().learner_errors == 1);
        CHECK(sim->snapshot().processes.at(0).state == "aborted");
    };
    SECTION("division by zero") { ends_aborted("int a = 5, b = 0;\nprintf(\"%d\\n\", a / b);"); }
    SECTION("a variable-length array of negative size") { ends_aborted("int n = -3;\nint v[n];\nv[0] = 1;"); }
}

TEST_CASE("A program that never ends is paused at the step limit", "[machine][program]") {
    auto sim = Simulator::load(program("int main(void) { int x = 0; while (1) { x = x + 1; } return 0; }\n"),
                               SimulatorLimits{.max_steps = 5000, .checkpoint_interval = 512});
    REQUIRE(sim);
    CHECK(sim->total_steps() == 5000);
    CHECK(sim->summary().hit_step_limit);
    sim->run_to_end();
    CHECK(session_of(*sim).interpreter().running());  // paused by the simulator, not ended
}

TEST_CASE("Program syntax errors point at the line in the scenario file", "[machine][program][errors]") {
    const auto sim = Simulator::load(program("int main(void) {\n  return 0\n}\n"));
    REQUIRE_FALSE(sim);
    CHECK(sim.error().line == 8);  // 5 front-matter lines + "+++" on 6; the body starts on 7
    CHECK(sim.error().message.find("expected ';'") != std::string::npos);
}

TEST_CASE("A C program on the 64-bit layout gets glibc's malloc unless it names another allocator", "[machine][program][glibc]") {
    const auto allocator_of = [](const std::string& text) {
        auto sim = Simulator::load(text);
        REQUIRE(sim);
        return session_of(*sim).machine().config().heap.allocator;
    };
    const std::string body = "int main(void) { char *p = malloc(24); free(p); return 0; }\n";
    CHECK(allocator_of(body) == memsim::heap::AllocatorKind::Glibc);  // a plain .c file
    CHECK(allocator_of(program(body, "[machine]\nbits = 64\n")) == memsim::heap::AllocatorKind::Glibc);
    CHECK(allocator_of(program(body, "[machine]\nbits = 64\n[heap]\nallocator = \"explicit-lifo\"\n")) ==
          memsim::heap::AllocatorKind::ExplicitList);
    CHECK(allocator_of(program(body, "[machine]\nbits = 32\n")) == memsim::heap::AllocatorKind::ImplicitList);
    // glibc's shape (16-byte alignment, 4 KiB pages) changed and no allocator named: first fit.
    CHECK(allocator_of(program(body, "[machine]\nbits = 64\n[vm]\npage_size = 8192\n")) ==
          memsim::heap::AllocatorKind::ImplicitList);
    // The first malloc(24) returns the heap start + 0x2a0, as glibc 2.36 does.
    auto sim = Simulator::load(body);
    REQUIRE(sim);
    sim->run_to_end();
    bool first = false;
    const std::uint64_t heap_start = session_of(*sim).machine().layout().heap_start();
    for (const Event& e : sim->events_between(0, sim->step())) {
        if (e.kind != EventKind::Malloc) continue;
        CHECK(e.address == heap_start + 0x2a0);
        first = true;
        break;
    }
    CHECK(first);
}

TEST_CASE("errno, strerror and perror work on the machine: errno is an int in bss, the messages in read-only data",
          "[machine][program][errno]") {
    auto sim = Simulator::load(program(
        "#include <errno.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
        "int main(void) {\n"
        "    long v = strtol(\"99999999999999999999\", NULL, 10);\n"
        "    printf(\"%ld %d %s\\n\", v, errno, strerror(errno));\n"
        "    printf(\"%p %p\\n\", (void *)&errno, (void *)strerror(EDOM));\n"
        "    errno = ENOENT;\n"
        "    perror(\"open\");\n"
        "    printf(\"%s\\n\", strerror(4242));\n"
        "    return 0;\n}\n"));
    REQUIRE(sim);
    sim->run_to_end();
    const auto& s = session_of(*sim);
    REQUIRE(s.interpreter().status() == memsim::minic::Status::Exited);
    const std::string out(s.output());
    INFO(out);
    CHECK(out.starts_with("2147483647 34 Numerical result out of range\n"));  // the default machine is 32-bit: a 4-byte long
    CHECK(out.find("open: No such file or directory\n") != std::string::npos);
    CHECK(out.ends_with("Unknown error 4242\n"));
    // The two addresses printed: errno in bss, strerror's text in read-only data.
    unsigned long long errno_at = 0, message_at = 0;
    const std::size_t line = out.find('\n') + 1;
    REQUIRE(std::sscanf(out.c_str() + line, "%llx %llx", &errno_at, &message_at) == 2);
    const auto kind_at = [&](unsigned long long address) {
        for (const Region& r : s.machine().layout().regions) {
            if (r.contains(address)) return r.kind;
        }
        return RegionKind::Guard;  // not in any region
    };
    CHECK(kind_at(errno_at) == RegionKind::Bss);
    CHECK(kind_at(message_at) == RegionKind::ReadOnlyData);
    CHECK(s.machine().check_invariants().empty());
}

TEST_CASE("A variable-length array grows the frame when its declaration runs and leaves with its block",
          "[machine][program][vla]") {
    // Line 4 runs once per pass: SP after it is 16 x pass below SP before the loop (the
    // array of 4 x pass ints rounded up to 16 bytes), and back at the loop's SP afterwards.
    auto sim = Simulator::load(program("int main(void) {\n"
                                       "    int sum = 0;\n"
                                       "    for (int pass = 1; pass <= 3; pass++) {\n"
                                       "        int a[4 * pass];\n"
                                       "        a[4 * pass - 1] = pass;\n"
                                       "        sum += a[4 * pass - 1] + (int)sizeof a;\n"
                                       "    }\n"
                                       "    return sum;\n"
                                       "}\n"));
    REQUIRE(sim);
    const auto& s = session_of(*sim);
    const std::uint64_t sp_before = stack_pointers_where(*sim, [](const Simulator&) { return true; }).at(0);
    const std::vector<std::uint64_t> sp_after_array = stack_pointers_where(*sim, [](const Simulator& at) {
        const std::vector<Event>& events = at.events();  // (Emscripten's libc++ 14 has no ranges::any_of)
        return std::any_of(events.begin(), events.end(), [](const Event& e) {
            return e.kind == EventKind::Local && e.text.find("variable-length array 'a'") != std::string::npos;
        });
    });
    sim->run_to_end();
    CHECK(s.interpreter().exit_code() == (1 + 16) + (2 + 32) + (3 + 48));
    REQUIRE(sp_after_array.size() == 3);
    for (std::size_t pass = 1; pass <= 3; ++pass) CHECK(sp_before - sp_after_array[pass - 1] == 16 * pass);
    CHECK(s.machine().check_invariants().empty());
}

TEST_CASE("A goto out of a variable-length array's block, or back before its declaration, releases it",
          "[machine][program][vla]") {
    // Each goto leaves the array's block; at the label SP must be back where it was
    // before the array was placed, as gcc's code restores it.
    auto sim = Simulator::load(program("int main(void) {\n"
                                       "    int n = 8, tries = 0;\n"
                                       "again:\n"
                                       "    tries++;\n"
                                       "    {\n"
                                       "        int a[n];\n"
                                       "        a[0] = tries;\n"
                                       "        if (tries < 3) goto again;\n"
                                       "        if (a[0] == 3) goto done;\n"
                                       "    }\n"
                                       "done:\n"
                                       "    return tries;\n"
                                       "}\n"));
    REQUIRE(sim);
    const auto& s = session_of(*sim);
    const std::vector<std::uint64_t> sp_at_label = stack_pointers_where(*sim, [&](const Simulator&) {
        const int line = s.interpreter().current_line();
        return line == 4 + 5 || line == 12 + 5;  // the front matter is 5 lines
    });
    sim->run_to_end();
    CHECK(s.interpreter().exit_code() == 3);
    REQUIRE(sp_at_label.size() == 4);  // line 4 three times, line 12 once
    // The first time line 4 runs no array exists yet; after each goto back it must be the same.
    for (std::uint64_t sp : sp_at_label) CHECK(sp == sp_at_label.front());
    CHECK(s.machine().check_invariants().empty());
}

TEST_CASE("A variable-length array too large for the stack is a stack overflow naming it", "[machine][program][vla][errors]") {
    auto sim = Simulator::load(program("int main(void) {\n    long n = 1 << 20;\n    int big[n];\n    big[0] = 1;\n    return big[0];\n}\n",
                                       "[stack]\nlimit = \"1M\"\n"));
    REQUIRE(sim);
    sim->run_to_end();
    const auto& s = session_of(*sim);
    CHECK(s.machine().current().end == ProcessEnd::StackOverflow);
    bool named = false;
    for (const Event& e : sim->events()) named = named || (e.kind == EventKind::StackOverflow && e.text.find("'big'") != std::string::npos);
    CHECK(named);
}

TEST_CASE("argc, argv and the argument strings are at the top of the stack, as Linux's execve puts them", "[machine][program][stack]") {
    auto sim = Simulator::load(program("int main(int argc, char *argv[]) {\n"
                                       "  printf(\"%d %s %s\\n\", argc, argv[0], argv[1]);\n"
                                       "  return argv[argc] == NULL ? 0 : 1;\n}\n",
                                       "args = [\"hello\"]\n"));
    REQUIRE(sim);
    sim->run_to_end();
    const auto& s = session_of(*sim);
    CHECK(s.output() == "2 prog hello\n");
    CHECK(s.interpreter().exit_code() == 0);
    // Look at the stack as it is while main runs (step 2: its first line).
    sim->seek(2);
    const Snapshot snapshot = sim->snapshot();
    const ProcessView& p = snapshot.processes.at(0);
    const std::uint64_t w = 4;  // the default program machine is 32-bit: 4-byte words
    REQUIRE(!p.start_block.empty());
    REQUIRE(!p.frames.empty());
    const std::uint64_t top = p.stack_top;
    // From the top: a word of zeros (the end marker), "prog\0hello\0" (argv[0] lowest), then below the
    // strings envp's NULL, argv[2] = NULL, argv[1], argv[0] and argc, where main's caller's SP was.
    CHECK(p.start_block.front().name == "end marker");
    CHECK(p.start_block.front().address == top - w);
    const auto slot = [&](const std::string& name) {
        for (const auto& sl : p.start_block)
            if (sl.name == name) return sl;
        FAIL("no slot " << name);
        return memsim::stack::Slot{};
    };
    CHECK(slot("\"hello\"").address == top - w - 6);
    CHECK(slot("\"prog\"").address == top - w - 6 - 5);
    const memsim::stack::Slot argc = slot("argc");
    CHECK(argc.value == 2);
    CHECK(argc.address % 16 == 0);
    CHECK(slot("argv[0]").address == argc.address + w);
    CHECK(slot("argv[0]").value == slot("\"prog\"").address);
    CHECK(slot("argv[1]").value == slot("\"hello\"").address);
    CHECK(slot("argv[2]").value == 0);
    CHECK(slot("envp[0]").address == argc.address + 4 * w);
    CHECK(p.frames.front().caller_stack_pointer == argc.address);
}

namespace {
// The explanation of the first event of `kind` about `function` in the whole run.
std::string explained(const Simulator& sim, EventKind kind, const std::string& function) {
    for (const Event& e : sim.events_between(1, sim.total_steps())) {
        const auto* frame = std::get_if<StackEvent>(&e.data);
        if (e.kind == kind && frame && frame->function == function) return e.text;
    }
    return "(no such event)";
}
}  // namespace

TEST_CASE("A call's explanation shows pointer arguments as addresses or NULL and numbers as C prints them",
          "[machine][program][stack]") {
    auto sim = Simulator::load(program("int x = 5;\n"
                                       "int show(int *p, char *name, int n, unsigned u, double d, char c) { return n; }\n"
                                       "int main(void) {\n"
                                       "  return show(&x, NULL, -3, 4000000000u, 2.5, 'a');\n}\n"));
    REQUIRE(sim);
    sim->run_to_end();
    const auto& s = session_of(*sim);
    const std::uint64_t x = s.interpreter().global_address(0);
    char address[32];
    std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(x));
    const std::string text = explained(*sim, EventKind::Call, "show");
    // On i386 every argument is on the stack, the first at the lowest address: listed first.
    CHECK(text.find("the argument(s) p = " + std::string(address) + ", name = NULL, n = -3, u = 4000000000, d = 2.5, c = 'a', ") !=
          std::string::npos);
    CHECK(explained(*sim, EventKind::Return, "show").starts_with("show returns -3."));
}

TEST_CASE("Returning a struct by value says what the struct holds; a big one is cut after a few fields",
          "[machine][program][stack]") {
    auto sim = Simulator::load(program("struct point { int x, y; };\n"
                                       "struct big { int a, b, c, d, e, f; struct point p; };\n"
                                       "struct point make(int x, int y) { struct point p = {x, y}; return p; }\n"
                                       "struct big fill(void) { struct big b = {1, 2, 3, 4, 5, 6, {7, 8}}; return b; }\n"
                                       "int *where(int *p) { return p; }\n"
                                       "int main(void) {\n"
                                       "  struct point q = make(1, -2);\n  struct big b = fill();\n"
                                       "  return where(NULL) == NULL ? q.x : 0;\n}\n"));
    REQUIRE(sim);
    sim->run_to_end();
    CHECK(explained(*sim, EventKind::Return, "make").starts_with("make returns the struct point {x = 1, y = -2} (copied into the caller's frame at 0x"));
    CHECK(explained(*sim, EventKind::Return, "fill").starts_with("fill returns the struct big {a = 1, b = 2, c = 3, d = 4, ...} (copied"));
    CHECK(explained(*sim, EventKind::Return, "where").starts_with("where returns NULL."));
}

TEST_CASE("Arguments too large for the stack limit end the process with a stack overflow before main, as on Linux",
          "[machine][program][stack][errors]") {
    // Linux's execve takes up to 128 KiB of arguments whatever the stack limit (ARG_MAX); a
    // program started past its limit is killed with SIGSEGV by its first push. Twenty
    // arguments of 300 bytes (6020 bytes of strings) do not fit a 4 KiB stack.
    std::string args = "args = [";
    for (int i = 0; i < 20; ++i) args += (i ? ", \"" : "\"") + std::string(300, 'x') + "\"";
    auto sim = Simulator::load(program("int main(int argc, char *argv[]) {\n  printf(\"%d\\n\", argc);\n  return 0;\n}\n",
                                       args + "]\n[stack]\nlimit = \"4K\"\n"));
    REQUIRE(sim);
    sim->run_to_end();
    const auto& s = session_of(*sim);
    CHECK(s.output().empty());
    CHECK(s.machine().current().end == ProcessEnd::StackOverflow);
    CHECK(sim->summary().learner_errors == 1);
    CHECK(s.machine().check_invariants().empty());
    std::string text;
    for (const Event& e : sim->events_between(1, sim->total_steps())) {
        if (e.kind == EventKind::StackOverflow) text = e.text;
        // main never runs: no call is attempted on the ended process.
        CHECK(e.text.find("has already ended") == std::string::npos);
        // The program's own report of the overflow ends its sentence before the next one.
        const auto stops = e.text.find(" The program stops.");
        if (stops != std::string::npos) CHECK(e.text[stops - 1] == '.');
    }
    CHECK(text.starts_with("Stack overflow before main runs: the program's 21 argument(s) need "));
    CHECK(text.find("more than the stack limit of 4096 bytes") != std::string::npos);

    // The same arguments fit the default 8 MiB stack.
    auto fits = Simulator::load(program("int main(int argc, char *argv[]) {\n  printf(\"%d\\n\", argc);\n  return 0;\n}\n", args + "]\n"));
    REQUIRE(fits);
    fits->run_to_end();
    CHECK(session_of(*fits).output() == "21\n");
}
