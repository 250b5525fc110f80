// A new process's arguments at the top of its stack, where Linux's execve puts them.
//
//   top        8 zero bytes (the end marker)
//              "prog\0" "a\0" "b\0"      the strings, argv[0] lowest
//              padding to 16
//              envp[0] = NULL            (memsim gives no environment)
//              argv[argc] = NULL
//              argv[argc-1] .. argv[0]   pointers to the strings
//   SP ->      argc                      one word; SP is 16-byte aligned here, as at _start
//
// Linux also puts the environment strings, the auxiliary vector and the program's file
// name there; memsim leaves them out, so the addresses are higher than a real run's.
//
// Arguments that do not fit the stack limit: Linux's execve accepts up to 128 KiB of them
// (ARG_MAX, 32 pages) whatever the limit, so the program starts with its stack already
// past the limit and is killed with SIGSEGV by the first push. memsim ends the process
// the same way, with a stack overflow, before main runs.
#include <algorithm>

#include "memsim/core/text.hpp"
#include "memsim/machine/machine.hpp"

namespace memsim::machine {

std::optional<std::uint64_t> Machine::place_arguments(const std::vector<std::string>& arguments, std::vector<Event>* sink) {
    if (!require_running("arguments", sink)) return std::nullopt;
    Process& process = running_process();
    const std::uint64_t top = process.stack.config().top;
    const std::uint32_t word = process.stack.config().word_size;
    std::uint64_t string_bytes = 0;
    for (const std::string& a : arguments) string_bytes += a.size() + 1;
    const std::uint64_t strings = top - word - string_bytes;
    const std::uint64_t pointer_count = arguments.size() + 3;  // argc, argv[0..argc], envp's NULL
    const std::uint64_t sp = (strings - pointer_count * word) & ~std::uint64_t{15};
    const std::uint64_t argv = sp + word;
    if (sp < process.stack.limit_floor()) {
        ++errors_.stack_overflows;
        add_event(sink, EventSource::Stack, EventKind::StackOverflow, true, process.stack.limit_floor(), [&] {
            return "Stack overflow before main runs: the program's " + std::to_string(arguments.size()) + " argument(s) need " +
                   std::to_string(top - sp) + " bytes at the top of the stack (the strings, argv and argc), more than the stack limit of " +
                   std::to_string(process.stack.config().limit) + " bytes. Linux's execve still starts such a program (it accepts up to "
                   "128 KiB of arguments whatever the limit), but its stack is already past the limit, so the first push faults and "
                   "the kernel kills it with SIGSEGV. Raise the stack limit or pass shorter arguments.";
        }, [&] {
            StackEvent e;
            e.function = "main";
            e.stack_pointer = process.stack.stack_pointer();
            return e;
        });
        end_process(ProcessEnd::StackOverflow, process.stack.limit_floor(), sink, false);
        return std::nullopt;
    }

    // Slots, highest address first, as a frame lists them.
    std::vector<stack::Slot> slots;
    slots.push_back(stack::Slot{.kind = stack::SlotKind::Padding, .name = "end marker", .address = top - word, .size = word,
                                .value = 0, .initialized = true, .register_name = {}, .type = {}});
    std::vector<std::uint64_t> string_at;
    for (std::uint64_t at = strings; const std::string& a : arguments) {
        string_at.push_back(at);
        at += a.size() + 1;
    }
    for (std::size_t i = arguments.size(); i-- > 0;) {
        slots.push_back(stack::Slot{.kind = stack::SlotKind::Local, .name = "\"" + arguments[i] + "\"", .address = string_at[i],
                                    .size = static_cast<std::uint32_t>(arguments[i].size() + 1), .value = 0, .initialized = true,
                                    .register_name = {}, .type = "char[" + std::to_string(arguments[i].size() + 1) + "]"});
    }
    const std::uint64_t pointers_end = argv + (arguments.size() + 2) * word;
    if (strings > pointers_end) {
        slots.push_back(stack::Slot{.kind = stack::SlotKind::Padding, .name = {}, .address = pointers_end,
                                    .size = static_cast<std::uint32_t>(strings - pointers_end), .value = 0, .initialized = false,
                                    .register_name = {}, .type = {}});
    }
    const auto pointer = [&](std::string name, std::uint64_t address, std::uint64_t value) {
        slots.push_back(stack::Slot{.kind = stack::SlotKind::Local, .name = std::move(name), .address = address, .size = word,
                                    .value = value, .initialized = true, .register_name = {}, .type = "char *"});
    };
    pointer("envp[0]", argv + (arguments.size() + 1) * word, 0);
    pointer("argv[" + std::to_string(arguments.size()) + "]", argv + arguments.size() * word, 0);
    for (std::size_t i = arguments.size(); i-- > 0;) pointer("argv[" + std::to_string(i) + "]", argv + i * word, string_at[i]);
    slots.push_back(stack::Slot{.kind = stack::SlotKind::Local, .name = "argc", .address = sp, .size = word,
                                .value = arguments.size(), .initialized = true, .register_name = {},
                                .type = word == 8 ? "long" : "int"});
    if (!process.stack.place_start_block(slots, top - sp)) return std::nullopt;

    add_event(sink, EventSource::Process, EventKind::Arguments, false, argv, [&] {
        std::string words;
        for (const std::string& a : arguments) words += (words.empty() ? "\"" : ", \"") + a + "\"";
        return "Before the program runs, the kernel writes its " + std::to_string(arguments.size()) +
               " argument(s) at the top of the stack: the strings " + words + " from " + hex(strings) +
               ", below them the array argv of pointers to them (ending in NULL) at " + hex(argv) + ", and argc = " +
               std::to_string(arguments.size()) + " at " + hex(sp) + ", where SP points when the program starts.";
    }, [&] { return ProcessEvent{.pid = current_, .other = 0, .count = arguments.size()}; });
    // The kernel's writes, through the MMU like every other (the stack's top page faults in here).
    for (const stack::Slot& slot : slots) {
        if (slot.kind == stack::SlotKind::Padding && !slot.initialized) continue;
        const bool is_string = slot.type.starts_with("char[");
        for (std::uint64_t offset = 0; offset < slot.size; offset += word) {
            const auto size = static_cast<std::uint32_t>(std::min<std::uint64_t>(word, slot.size - offset));
            std::uint64_t value = slot.value;
            if (is_string) {
                const std::string& text = arguments[static_cast<std::size_t>(
                    std::find(string_at.begin(), string_at.end(), slot.address) - string_at.begin())];
                value = 0;
                for (std::uint32_t b = 0; b < size; ++b) {
                    const auto i = static_cast<std::size_t>(offset + b);
                    const auto byte = i < text.size() ? static_cast<std::uint8_t>(text[i]) : std::uint8_t{0};
                    value |= static_cast<std::uint64_t>(byte) << (8 * b);
                }
            }
            if (!access(slot.address + offset, size, vm::AccessKind::Write, sink)) return std::nullopt;
            running_process().memory.write(slot.address + offset, size, value);
        }
    }
    return argv;
}

}  // namespace memsim::machine
