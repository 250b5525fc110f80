// Trace readers (malloc-lab .rep and OSTEP op lists), replay and comparison.
#include <catch2/catch.hpp>

#include "memsim/heap/event.hpp"
#include "memsim/heap/trace.hpp"

using namespace memsim::heap;

namespace {

const char* kRep =
    "20000\n"
    "2\n"
    "5\n"
    "1\n"
    "a 0 512\n"
    "a 1 128\n"
    "r 0 640\n"
    "f 1\n"
    "f 0\n";

}  // namespace

TEST_CASE("a malloc-lab trace is read with its header and operations", "[heap][trace]") {
    const auto trace = parse_rep(kRep);
    REQUIRE(trace);
    CHECK(trace->suggested_heap == 20000);
    CHECK(trace->ids == 2);
    REQUIRE(trace->ops.size() == 5);
    CHECK(trace->ops[2].kind == TraceOpKind::Realloc);
    CHECK(trace->ops[2].size == 640);
    CHECK(trace->ops[4].line == 9);
}

TEST_CASE("replaying a trace reports utilisation like the malloc-lab driver", "[heap][trace]") {
    const auto trace = parse_rep(kRep);
    REQUIRE(trace);
    const TraceRun run = run_trace(HeapConfig{}, *trace);
    REQUIRE(run.ops.size() == 5);
    CHECK(run.ops[0].ptr == 0x10000010);
    // a 0 512 (block 528) and a 1 128 (block 144): realloc of 0 to 640 cannot grow in
    // place (id 1 follows it), so it moves to the top; peak payload is 640 + 128 = 768.
    CHECK(run.ops[2].ptr != run.ops[0].ptr);
    CHECK(run.metrics.peak_live_payload == 768);
    CHECK(run.metrics.peak_heap_size == 4096);
    CHECK(run.metrics.utilisation() == Approx(768.0 / 4096.0));
    CHECK(run.errors.empty());
    // The timeline: live payload after each op.
    REQUIRE(run.timeline.size() == 5);
    CHECK(run.timeline[1].live_payload == 640);
    CHECK(run.timeline[2].live_payload == 768);
    CHECK(run.timeline[4].live_payload == 0);
    CHECK(run.timeline[4].heap_size == 4096);
}

TEST_CASE("malformed trace lines are errors with line, column and what was expected", "[heap][trace]") {
    auto error_of = [](const char* text) { return parse_rep(text).error(); };
    CHECK(error_of("20000\n2\n").message == "the trace ends before the number of operations");
    const auto verb = error_of("1\n2\n1\n1\nx 0 5\n");
    CHECK(verb.line == 5);
    CHECK(verb.column == 1);
    CHECK(verb.message == "expected 'a', 'r', 'c' or 'f', found 'x'");
    const auto size = error_of("1\n2\n1\n1\na 0 12q\n");
    CHECK(size.to_string() == "5:5: expected a size in bytes, found '12q'");
    const auto id = error_of("1\n2\n1\n1\na 7 12\n");
    CHECK(id.message == "expected an id below 2, found '7'");
    const auto early = error_of("1\n2\n1\n1\nf 1\n");
    CHECK(early.to_string() == "5:1: free of id 1 before it was allocated");
    const auto count = error_of("1\n2\n3\n1\na 0 1\n");
    CHECK(count.line == 3);
    CHECK_FALSE(parse_rep("1\n2\nmany\n1\n"));
}

TEST_CASE("OSTEP op lists become traces; a free before its allocation is an error", "[heap][trace]") {
    const auto trace = trace_from_op_list("+10, +20,-0");
    REQUIRE(trace);
    REQUIRE(trace->ops.size() == 3);
    CHECK(trace->ops[1].size == 20);
    CHECK(trace->ops[2].kind == TraceOpKind::Free);
    CHECK(trace->ops[2].id == 0);
    CHECK(trace_from_op_list("+10,-1").error().to_string() == "1:5: free of id 1 before it was allocated");
    CHECK(parse_op_list("+10,*3").error().to_string() == "1:5: expected +size or -index, found '*3'");
    CHECK(parse_op_list("+10,+x").error().column == 6);
    CHECK_FALSE(parse_op_list(""));
    CHECK_FALSE(parse_op_list("+10,"));
}

TEST_CASE("a double free in a trace is a learner error, and what is left leaks", "[heap][trace]") {
    const auto trace = trace_from_op_list("+10,+20,-0,-0");
    REQUIRE(trace);
    const TraceRun run = run_trace(HeapConfig{}, *trace);
    CHECK_FALSE(run.ops[3].ok);
    REQUIRE(run.errors.size() == 2);
    CHECK(run.errors[0].kind == HeapEventKind::DoubleFree);
    CHECK(run.errors[1].kind == HeapEventKind::Leak);
    CHECK(run.errors[1].size == 20);
}

TEST_CASE("a realloc of a freed id is a realloc of a freed block, not a double free", "[heap][trace]") {
    const auto trace = parse_rep("20000\n1\n3\n1\na 0 10\nf 0\nr 0 20\n");
    REQUIRE(trace);
    const TraceRun run = run_trace(HeapConfig{}, *trace);
    REQUIRE_FALSE(run.errors.empty());
    CHECK(run.errors[0].kind == HeapEventKind::ReallocFreed);
    CHECK(explain(run.errors[0]).find("realloc of a freed block") != std::string::npos);
    CHECK(is_error(HeapEventKind::ReallocFreed));
}

TEST_CASE("comparing allocators gives one row each on the same trace", "[heap][trace]") {
    const auto trace = trace_from_op_list("+100,+200,+300,-1,+150,-0,+50");
    REQUIRE(trace);
    std::vector<HeapConfig> configs;
    for (const auto& named : allocator_names()) configs.push_back(named.config);
    const auto rows = compare(configs, *trace);
    REQUIRE(rows.size() == configs.size());
    for (const auto& row : rows) {
        CHECK(row.metrics.peak_live_payload == 600);  // 100 + 200 + 300 before the first free
        CHECK(row.metrics.failures == 0);
    }
    CHECK(rows.front().allocator == "implicit-first");
}

TEST_CASE("a trace header claiming 4,000,000,000 ids reserves only what the operations use", "[heap][trace]") {
    const auto trace = parse_rep("20000\n4000000000\n2\n1\na 0 16\nf 0\n");
    REQUIRE(trace);
    CHECK(trace->ids <= 65536);  // not 4,000,000,000
    const TraceRun run = run_trace(HeapConfig{}, *trace, true);
    CHECK(run.ops.size() == 2);
    // An id that the header allows but that no trace of this length can use is refused, with its place.
    const auto far = parse_rep("20000\n4000000000\n2\n1\na 3999999999 16\nf 3999999999\n");
    REQUIRE_FALSE(far);
    CHECK(far.error().line == 5);
    CHECK(far.error().column == 3);
    CHECK(far.error().message.find("too large") != std::string::npos);
}
