#include <catch2/catch.hpp>

#include "memsim/stack/call_stack.hpp"

using namespace memsim::stack;

namespace {
const Slot& slot_named(const Frame& frame, const std::string& name) {
    for (const Slot& slot : frame.slots) {
        if (slot.name == name) return slot;
    }
    FAIL("no slot named " << name);
    return frame.slots.front();
}
}  // namespace

TEST_CASE("A cdecl call lays out arguments, return address, saved frame pointer and locals as gcc does", "[stack][cdecl]") {
    CallStack stack(StackConfig{.top = 0xC0000000, .convention = Convention::Cdecl32});
    const auto outcome = stack.call("f", {{"a", 4, 1}, {"b", 4, 2}}, {{"x", 4}}, 0x08048123);
    REQUIRE_FALSE(outcome.overflow);
    const Frame& f = stack.frames().back();
    // Worked by hand: SP starts at 0xC0000000. Two 4-byte arguments take 8 bytes; the
    // caller pads 8 bytes (0xBFFFFFF8..FFFF) so SP is 16-aligned (0xBFFFFFF0) at the call.
    // b is pushed first (right to left) at 0xBFFFFFF4, then a at 0xBFFFFFF0.
    CHECK(slot_named(f, "b").address == 0xBFFFFFF4);
    CHECK(slot_named(f, "a").address == 0xBFFFFFF0);
    // call pushes the return address at 0xBFFFFFEC; the callee pushes EBP at 0xBFFFFFE8
    // and points EBP there, so the first argument sits at EBP+8, as in every textbook.
    CHECK(slot_named(f, "return address").address == 0xBFFFFFEC);
    CHECK(slot_named(f, "return address").value == 0x08048123);
    CHECK(stack.frame_pointer() == 0xBFFFFFE8);
    CHECK(slot_named(f, "a").address == stack.frame_pointer() + 8);
    // The int local x sits at EBP-4; SP is then rounded down to 16: 0xBFFFFFE0.
    CHECK(slot_named(f, "x").address == 0xBFFFFFE4);
    CHECK_FALSE(slot_named(f, "x").initialized);
    CHECK(stack.stack_pointer() == 0xBFFFFFE0);
    // Writes happen in push order: b, a, return address, saved frame pointer.
    REQUIRE(outcome.accesses.size() == 4);
    CHECK(outcome.accesses[0].name == "b");
    CHECK(outcome.accesses[2].kind == SlotKind::ReturnAddress);
    CHECK(outcome.accesses[3].kind == SlotKind::SavedFramePointer);
    CHECK(outcome.accesses[3].value == 0);  // no caller frame yet
}

TEST_CASE("System V passes six arguments in registers and the seventh on the stack", "[stack][sysv]") {
    CallStack stack(StackConfig{.top = 0x7FFFFFFFF000, .convention = Convention::SysV64});
    std::vector<Variable> args;
    for (int i = 0; i < 7; ++i) args.push_back({"a" + std::to_string(i), 8, static_cast<std::uint64_t>(i)});
    REQUIRE_FALSE(stack.call("g", args, {{"y", 4}}, 0x401136).overflow);
    const Frame& f = stack.frames().back();
    // Worked by hand: only a6 goes on the stack (8 bytes); the caller pads 8 bytes so that
    // RSP is 16-aligned at the call: a6 at ...EFF0, return address at ...EFE8, saved RBP
    // at ...EFE0 = RBP, so the first stack argument sits at RBP+16.
    CHECK(slot_named(f, "a6").kind == SlotKind::Argument);
    CHECK(slot_named(f, "a6").address == 0x7FFFFFFFEFF0);
    CHECK(stack.frame_pointer() == 0x7FFFFFFFEFE0);
    CHECK(slot_named(f, "a6").address == stack.frame_pointer() + 16);
    // a0..a5 arrive in rdi, rsi, rdx, rcx, r8, r9 and are stored just below RBP.
    CHECK(slot_named(f, "a0").kind == SlotKind::RegisterArgument);
    CHECK(slot_named(f, "a0").register_name == "rdi");
    CHECK(slot_named(f, "a0").address == 0x7FFFFFFFEFD8);
    CHECK(slot_named(f, "a5").register_name == "r9");
    CHECK(slot_named(f, "a5").address == 0x7FFFFFFFEFB0);
    // y (4 bytes) at ...EFAC, then RSP rounds down to 16: ...EFA0.
    CHECK(slot_named(f, "y").address == 0x7FFFFFFFEFAC);
    CHECK(stack.stack_pointer() == 0x7FFFFFFFEFA0);
    CHECK(stack.stack_pointer() % 16 == 0);
}

TEST_CASE("Return pops the frame, restores the frame pointer and resumes at the return address", "[stack]") {
    CallStack stack(StackConfig{.top = 0xC0000000, .convention = Convention::Cdecl32});
    REQUIRE_FALSE(stack.call("main", {}, {{"i", 4}}, 0x08048000).overflow);
    const auto main_sp = stack.stack_pointer();
    const auto main_fp = stack.frame_pointer();
    REQUIRE_FALSE(stack.call("one", {{"n", 4, 7}}, {}, 0x08048456).overflow);
    CHECK(stack.frames().size() == 2);
    CHECK(stack.frames().back().slots.size() >= 3);
    // The saved frame pointer holds main's frame pointer.
    CHECK(slot_named(stack.frames().back(), "saved frame pointer").value == main_fp);

    const auto popped = stack.ret();
    REQUIRE(popped);
    CHECK(popped->return_address == 0x08048456);
    CHECK(popped->frame.function == "one");
    CHECK(stack.stack_pointer() == main_sp);
    CHECK(stack.frame_pointer() == main_fp);
    // The return reads the saved frame pointer, then the return address.
    REQUIRE(popped->accesses.size() == 2);
    CHECK_FALSE(popped->accesses[0].is_write);
    CHECK(popped->accesses[0].value == main_fp);
    CHECK(popped->accesses[1].value == 0x08048456);

    REQUIRE(stack.ret());
    CHECK(stack.stack_pointer() == 0xC0000000);
    CHECK_FALSE(stack.ret());  // returning with no frame is refused, not a crash
}

TEST_CASE("Deep recursion walks the stack into the guard page, and that call is refused", "[stack][overflow]") {
    // A 4 KiB stack from 0x10000 down to 0xF000; the guard page is 0xE000..0xEFFF.
    CallStack stack(StackConfig{.top = 0x10000, .limit = 0x1000, .guard_size = 0x1000,
                                .convention = Convention::Cdecl32});
    // Each frame of recurse(int n) with one int local is 32 bytes (worked in
    // the cdecl test: 12 bytes padding, n, return address, saved EBP, local, 4 padding),
    // so exactly 4096 / 32 = 128 frames fit.
    int depth = 0;
    CallOutcome outcome;
    while (true) {
        outcome = stack.call("recurse", {{"n", 4, static_cast<std::uint64_t>(depth)}}, {{"local", 4}}, 0x08048500);
        if (outcome.overflow) break;
        ++depth;
        REQUIRE(depth < 1000);
    }
    CHECK(depth == 128);
    CHECK(stack.stack_pointer() == 0xF000);
    // The 129th call first writes its argument n at 0xEFF0: inside the guard page.
    CHECK(outcome.fault_address == 0xEFF0);
    CHECK(outcome.fault_slot == "n");
    CHECK(stack.in_guard_page(outcome.fault_address));
    CHECK(outcome.accesses.empty());
    CHECK(stack.frames().size() == 128);  // the refused frame was not pushed
}

TEST_CASE("The simple convention pushes every argument as one word with no extra alignment", "[stack][simple]") {
    CallStack stack(StackConfig{.top = 0x1000, .limit = 0x800, .convention = Convention::Simple, .word_size = 8});
    REQUIRE_FALSE(stack.call("h", {{"c", 1, 65}}, {{"buf", 3}}, 0x400).overflow);
    const Frame& f = stack.frames().back();
    CHECK(slot_named(f, "c").address == 0xFF8);       // a char still takes a whole word
    CHECK(slot_named(f, "return address").address == 0xFF0);
    CHECK(stack.frame_pointer() == 0xFE8);
    CHECK(slot_named(f, "buf").address == 0xFE5);     // 3 bytes, byte-aligned
    CHECK(stack.stack_pointer() == 0xFE0);            // rounded down to a word
}

TEST_CASE("A limit larger than the address below the top never wraps around", "[stack]") {
    CallStack stack(StackConfig{.top = 0x1000, .limit = 0x100000, .convention = Convention::Cdecl32});
    CHECK(stack.limit_floor() == 0);
    CHECK_FALSE(stack.call("f", {}, {}, 0).overflow);
}

TEST_CASE("Locals added later extend the current frame and can overflow too", "[stack]") {
    CallStack stack(StackConfig{.top = 0x10000, .limit = 0x100, .convention = Convention::Cdecl32});
    CHECK_FALSE(stack.add_local({"orphan", 4}).overflow);  // no frame: nothing happens
    CHECK(stack.stack_pointer() == 0x10000);
    REQUIRE_FALSE(stack.call("main", {}, {}, 0x1000).overflow);
    const auto small = stack.add_local({"arr", 16});
    REQUIRE_FALSE(small.overflow);
    CHECK(stack.frame_index_of(small.address) == 0u);
    CHECK(stack.set_value("arr", 5));
    CHECK(stack.frames().back().find("arr")->initialized);
    const auto big = stack.add_local({"huge", 4096});
    CHECK(big.overflow);
    CHECK(big.fault_address < stack.limit_floor());
}
