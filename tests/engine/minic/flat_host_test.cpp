#include <catch2/catch.hpp>

#include "minic_run.hpp"

using namespace minic_test;
namespace stack = memsim::stack;

TEST_CASE("FlatHost builds frames with the call stack: in cdecl the first argument is at FP + 8", "[minic][flat_host]") {
    const auto program = compile(read_program("factorial.c"), CompileOptions{.model = DataModel::Ilp32});
    REQUIRE(program);
    Interpreter it(*program);
    FlatHost host(FlatHostConfig::for_model(DataModel::Ilp32));
    it.step(host);  // start: main's frame
    it.step(host);  // line 10 calls fact(5): fact's frame, before its first statement
    REQUIRE(it.depth() == 2);
    CHECK(it.current_function() == "fact");
    const stack::Frame& frame = host.call_stack().frames().back();
    CHECK(frame.function == "fact");
    // The parameter n of the active call sits where the cdecl frame put it: FP + 8, above
    // the saved frame pointer (FP) and the return address (FP + 4), and holds 5.
    const std::uint64_t n = it.local_address(1, 0);
    CHECK(n == host.call_stack().frame_pointer() + 8);
    CHECK(host.peek(n, 4) == 5);
    // The return address is the code address of the calling line.
    CHECK(frame.return_address == host.code_address(10));
    CHECK(host.peek(host.call_stack().frame_pointer() + 4, 4) == host.code_address(10));
    // main's local r was placed in main's frame and is not yet written.
    const std::uint64_t r = it.local_address(0, 0);
    CHECK(host.call_stack().frame_index_of(r) == std::optional<std::size_t>(0));
    CHECK(host.load(r, 4).uninitialized);
}

TEST_CASE("In System V the first arguments arrive in registers and are stored in the callee's frame", "[minic][flat_host]") {
    const auto program = compile("int add(int a, int b) { return a + b; }\nint main(void) { return add(2, 3); }");
    REQUIRE(program);
    Interpreter it(*program);
    FlatHost host(FlatHostConfig::for_model(DataModel::Lp64));
    it.step(host);
    it.step(host);
    const stack::Frame& frame = host.call_stack().frames().back();
    const stack::Slot* a = frame.find("a");
    REQUIRE(a);
    CHECK(a->kind == stack::SlotKind::RegisterArgument);
    CHECK(a->register_name == "rdi");
    CHECK(it.local_address(1, 0) == a->address);
    CHECK(host.peek(a->address, 4) == 2);
    it.run(host);
    CHECK(it.exit_code() == 5);
}

TEST_CASE("FlatHost classifies bad accesses: NULL, read-only, freed, past a block, wild", "[minic][flat_host]") {
    FlatHost host;
    const std::uint64_t s = host.place_string("hi");
    CHECK(host.load(s, 1).value == 'h');
    CHECK(host.store(s, 1, 'H').stop);
    CHECK(host.load(8, 4).report.stop);
    CHECK(host.load(0x12345678, 4).report.stop);
    const std::uint64_t p = host.malloc(12).value;
    CHECK(p % 8 == 0);
    CHECK(host.load(p, 4).uninitialized);
    CHECK(host.store(p, 4, 7).problem.empty());
    CHECK(host.load(p, 4).value == 7);
    const Report past = host.store(p + 12, 4, 1);
    CHECK_FALSE(past.stop);
    CHECK(past.problem.starts_with("heap buffer overflow"));
    CHECK(host.free(p).problem.empty());
    CHECK(host.load(p, 4).report.problem.starts_with("use after free"));
    CHECK(host.free(p).problem.starts_with("double free"));
    CHECK(host.free(p + 4).problem.starts_with("invalid free"));
    CHECK(host.free(0).problem.empty());
    const std::uint64_t z = host.calloc(4, 4).value;
    CHECK_FALSE(host.load(z + 12, 4).uninitialized);
    CHECK(host.exit(0).problem == "memory leak: 1 heap block (16 bytes) was never freed: 1 definitely lost (16 bytes, "
                                  "no pointer reaches them), 0 still reachable (0 bytes, a global or another block points to them).");
}
