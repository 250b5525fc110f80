#include "memsim/machine/explain.hpp"

#include <algorithm>
#include <cctype>

#include "memsim/core/text.hpp"

namespace memsim::machine {
namespace {

std::string caller_of(const stack::CallStack& stack, std::size_t depth_from_top) {
    const auto& frames = stack.frames();
    if (frames.size() <= depth_from_top) return "the program's start-up code";
    return frames[frames.size() - 1 - depth_from_top].function;
}

std::string argument_list(const stack::Frame& frame, const std::vector<stack::Variable>& arguments) {
    std::string list;
    for (auto it = frame.slots.rbegin(); it != frame.slots.rend(); ++it) {
        if (it->kind != stack::SlotKind::Argument && it->kind != stack::SlotKind::RegisterArgument) continue;
        if (!list.empty()) list += ", ";
        const auto given = std::find_if(arguments.begin(), arguments.end(), [&](const stack::Variable& a) { return a.name == it->name; });
        const bool has_text = given != arguments.end() && !given->text.empty();
        list += it->name + " = " + (has_text ? given->text : std::to_string(it->value));
        if (it->kind == stack::SlotKind::RegisterArgument) list += " (arrived in " + it->register_name + ")";
    }
    return list;
}

std::string human_bytes(std::uint64_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string explain_call(const stack::Frame& frame, const stack::CallStack& stack, const std::vector<stack::Variable>& arguments) {
    const std::string args = argument_list(frame, arguments);
    std::string caller = caller_of(stack, 1);
    caller[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(caller[0])));
    return caller + " calls " + frame.function + ". A new frame is pushed: " +
           (args.empty() ? std::string("no arguments") : "the argument(s) " + args) + ", the return address " +
           hex(frame.return_address) + " (where " + caller_of(stack, 1) + " resumes) and " +
           (stack.frames().size() > 1 ? caller_of(stack, 1) + "'s frame pointer" : std::string("a frame pointer of 0 (there is no caller frame)")) +
           ", saved at " + hex(frame.frame_pointer) + ", where FP now points. The frame spans " +
           std::to_string(frame.caller_stack_pointer - frame.stack_pointer) + " bytes; SP is now " +
           hex(stack.stack_pointer()) + " and the stack is " + std::to_string(stack.frames().size()) + " call(s) deep.";
}

std::string explain_return(const StackEvent& popped) {
    const std::string value = !popped.returned_text.empty() ? " " + popped.returned_text
                              : popped.returned          ? " " + std::to_string(*popped.returned)
                                                         : std::string();
    return popped.function + " returns" + value + ". Its frame is popped: the saved frame pointer is restored and execution jumps to the return address " +
           hex(popped.return_address) + " in " + popped.caller + ". SP goes back up to " + hex(popped.stack_pointer) +
           "; the popped frame's bytes are still in memory but no longer belong to anyone.";
}

std::string explain_stack_overflow(const std::string& function, const stack::CallOutcome& outcome,
                                   const stack::CallStack& stack) {
    return "Stack overflow: the frame for " + function + " needs room down to " + hex(outcome.fault_address) + " (for " +
           outcome.fault_slot + "), but the stack may only grow down to " + hex(stack.limit_floor()) +
           ". Below that lies the guard page, which is never mapped, so the write faults and the OS ends the program. "
           "The stack was " + std::to_string(stack.frames().size()) + " calls deep and used " +
           human_bytes(stack.depth_bytes()) + " of its " + human_bytes(stack.config().limit) + " limit" +
           (stack.frames().size() > 20 ? ": a recursion that never reaches its base case does exactly this." : ".");
}

std::string explain_guard_touch(std::uint64_t address, const stack::CallStack& stack) {
    return "The access at " + hex(address) + " lands in the guard page just below the stack's limit (" +
           hex(stack.limit_floor()) + "). That page is never mapped on purpose, so the fault tells the OS the stack "
           "overflowed; the program is ended.";
}

std::string explain_segfault(std::uint64_t address, vm::AccessKind kind, const AddressSpaceLayout& layout,
                             std::uint64_t page_size) {
    const std::string verb = kind == vm::AccessKind::Write ? "write to" : "read from";
    if (address < page_size) {
        return "Segmentation fault: the program tried to " + verb + " address " + hex(address) +
               ", in the first page, which is never mapped so that a NULL pointer (or NULL plus a small offset) is "
               "caught at once. Check that the pointer was set (malloc can return NULL) before using it.";
    }
    const Region* region = layout.region_of(address);
    std::string where = region ? std::string(" It lies in the ") + region_name(region->kind) +
                                     " area, but no page is mapped there (memory that was never allocated or was "
                                     "already given back)."
                               : std::string(" No region of the address space covers it.");
    return "Segmentation fault: the program tried to " + verb + " address " + hex(address) +
           ", which has no mapping in the page table." + where + " The OS ends the program.";
}

}  // namespace memsim::machine
