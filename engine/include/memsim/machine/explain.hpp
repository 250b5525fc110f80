#pragma once
// Stack, process and crash events in plain words, naming the actual values. Heap and
// paging events are explained by heap/event.hpp and vm/explain.hpp.
#include <string>

#include "memsim/machine/event.hpp"
#include "memsim/machine/layout.hpp"
#include "memsim/stack/call_stack.hpp"
#include "memsim/vm/mmu.hpp"

namespace memsim::machine {

// "main calls fact: the frame at 0xbfffffe8 holds the argument n = 3, the return address
// 0x08048123 (where main resumes) and main's frame pointer; SP is now 0xbfffffd0."
// An argument whose Variable (by name, in `arguments`) has a text shows that text
// ("p = 0x7ffe0010", "q = NULL"); the others show their value as a number.
std::string explain_call(const stack::Frame& frame, const stack::CallStack& stack,
                         const std::vector<stack::Variable>& arguments = {});

// "fact returns 6: its frame is popped; execution resumes at 0x08048123 in main and SP
// goes back up to 0xbfffffe0." (the value only when the event knows it).
std::string explain_return(const StackEvent& popped);

// A call (or a local) that needs stack below the limit: why that is a stack overflow.
std::string explain_stack_overflow(const std::string& function, const stack::CallOutcome& outcome,
                                   const stack::CallStack& stack);

// An access that landed in the guard page below the stack.
std::string explain_guard_touch(std::uint64_t address, const stack::CallStack& stack);

// An access to an unmapped address: null pointer, a freed mapping, or a wild pointer.
std::string explain_segfault(std::uint64_t address, vm::AccessKind kind, const AddressSpaceLayout& layout,
                             std::uint64_t page_size);

// "Process 0 calls fork: the OS makes process 1 ..." naming the pages shared and marked
// copy-on-write.
std::string explain_fork(std::uint32_t parent, const vm::ForkOutcome& outcome);

// What the OS took back when a process ended: frames and swap slots freed or kept.
std::string explain_release(std::uint32_t pid, const vm::ReleaseOutcome& outcome);
// munmap of [start, end): the frames and swap slots the pages gave back.
std::string explain_unmap(std::uint32_t pid, std::uint64_t start, std::uint64_t end, const vm::ReleaseOutcome& outcome);

}  // namespace memsim::machine
