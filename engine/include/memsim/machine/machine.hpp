#pragma once
// The machine: processes with a full address space whose stack, heap and every load and
// store go through one paging engine. This is where the three halves meet:
//
//   call f(...)    -> the stack computes the frame -> each slot is a store through the MMU
//   p = malloc(n)  -> the allocator picks a block  -> brk growth maps new heap pages
//   *p = 7         -> heap checks (use after free, overflow) -> MMU: TLB, walk, faults
//
//     process 0 ----+                         +--> frames (shared by all processes)
//     process 1 ----+--> Mmu (page tables) ---+--> swap
//
// The machine is a value: copying it is a checkpoint (memory contents are shared
// copy-on-write inside PageStore). Each operation appends typed Events (kind, facts and
// plain words) to an optional sink; without one (bulk mode) only the counters move and
// no event or string is built. A learner's mistake
// (segfault, stack overflow, double free, ...) is an event; a process that crashes is
// marked ended and its later operations are skipped with an explanation.
// fork() gives the child the next pid (with one process at the start: parent 0, then
// children 1, 2, ...); a process that exits or crashes gives its memory back.
//
//   auto machine = Machine::create(MachineConfig{});
//   std::vector<Event> events;
//   machine->call("main", {}, {{"x", 4}}, machine->code_address(1), &events);
//   const std::uint64_t p = machine->malloc(24, &events);
//   machine->store(p, 4, 42, &events);
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/heap/heap.hpp"
#include "memsim/machine/event.hpp"
#include "memsim/machine/layout.hpp"
#include "memsim/machine/page_store.hpp"
#include "memsim/stack/call_stack.hpp"
#include "memsim/vm/mmu.hpp"

namespace memsim::machine {

// Everything that shapes a machine. The layout decides the heap's and the MMU's
// addresses; the rest of `heap` and `mmu` (allocator, frames, policy, TLB) is kept.
struct MachineConfig {
    std::uint32_t address_bits = 32;                 // 32 (x86), 64 (x86-64) or 16..48 (scaled)
    std::uint64_t page_size = 4096;
    stack::Convention convention = stack::Convention::Cdecl32;
    std::uint64_t stack_limit = 8ull << 20;          // bytes the stack may use
    ProgramSizes program{};                          // text, read-only data, data, bss sizes
    heap::HeapConfig heap{};
    vm::MmuConfig mmu{};
    std::uint32_t processes = 1;                     // processes running from the start
};

// Why a process is no longer running.
enum class ProcessEnd : std::uint8_t { Running, Exited, Segfault, StackOverflow, ProtectionFault, Aborted };

// One process: its stack, heap and memory contents. Page tables live in the Mmu.
struct Process {
    std::uint32_t pid = 0;
    ProcessEnd end = ProcessEnd::Running;
    stack::CallStack stack;
    heap::Heap heap;
    PageStore memory;
};

// Counters of learner errors seen so far.
struct ErrorCounts {
    std::uint64_t segfaults = 0, stack_overflows = 0, protection_faults = 0, heap_errors = 0, uninitialised_reads = 0;
    bool operator==(const ErrorCounts&) const = default;
};

class Machine {
public:
    // Builds the address space of every process and maps its regions.
    static Result<Machine> create(const MachineConfig& config);

    // --- the call stack of the running process --------------------------------------
    // Pushes a frame (writes go through the MMU). False when the process is not running
    // or the frame hit the guard page (a stack overflow ends the process).
    bool call(const std::string& function, const std::vector<stack::Variable>& arguments,
              const std::vector<stack::Variable>& locals, std::uint64_t return_address, std::vector<Event>* sink);
    // Pops the current frame (reads of saved frame pointer and return address).
    bool ret(std::vector<Event>* sink);
    // Grows the current frame by one local; its address, or nothing on overflow.
    std::optional<std::uint64_t> add_local(const stack::Variable& local, std::vector<Event>* sink);
    // Grows the current frame by a variable-length array of `bytes` (SP moves down by the
    // size rounded up to 16, the array at the new SP); its address, or nothing on overflow.
    std::optional<std::uint64_t> push_array(const std::string& name, std::uint64_t bytes, std::vector<Event>* sink);
    // Releases the array at `address` and those pushed after it (SP moves back up).
    void pop_array(std::uint64_t address);
    // Before the first call: writes argc, argv and the argument strings at the top of the
    // stack as Linux's execve does (machine_arguments.cpp); argv's address, or nothing. When
    // they do not fit the stack limit the process ends with a stack overflow, as on Linux.
    std::optional<std::uint64_t> place_arguments(const std::vector<std::string>& arguments, std::vector<Event>* sink);
    // Stores into a named slot of the current frame.
    bool set_local(const std::string& name, std::uint64_t value, std::vector<Event>* sink);

    // --- memory of the running process ---------------------------------------------
    // Loads `size` (1..8) bytes; nothing when the access ended the process.
    std::optional<std::uint64_t> load(std::uint64_t address, std::uint32_t size, std::vector<Event>* sink);
    // Stores `size` (1..8) bytes; false when the access ended the process.
    bool store(std::uint64_t address, std::uint32_t size, std::uint64_t value, std::vector<Event>* sink);
    // Reads (or writes) every byte of a range, one access per word; false when it crashed.
    bool touch(std::uint64_t address, std::uint64_t bytes, bool write, std::vector<Event>* sink);

    // What a quiet load found (a program's interpreter narrates loads itself).
    struct LoadOutcome {
        bool ok = false;            // false: the access ended the process
        std::uint64_t value = 0;
        bool initialized = false;   // every byte had been written before
    };
    // load() and store() without their "read"/"write" narration and uninitialised-read
    // events; paging and heap events are still reported.
    LoadOutcome load_quiet(std::uint64_t address, std::uint32_t size, std::vector<Event>* sink);
    bool store_quiet(std::uint64_t address, std::uint32_t size, std::uint64_t value, std::vector<Event>* sink);
    // The program loader: puts bytes of the program file (initialised data, string
    // literals) into memory without going through the MMU; the pages fault in later.
    void load_image(std::uint64_t address, const std::vector<std::uint8_t>& bytes);
    // Reads memory contents without any access (for scanning roots and for display).
    std::uint64_t peek(std::uint64_t address, std::uint32_t size) const { return current().memory.read(address, size); }
    // Ends the running process abnormally (glibc aborting on a double free, ...).
    void abort(const std::string& reason, std::vector<Event>* sink);
    // Ends the running process because its program cannot go on (division by zero, ...).
    void stop(const std::string& reason, std::vector<Event>* sink);

    // --- the heap of the running process --------------------------------------------
    std::uint64_t malloc(std::uint64_t size, std::vector<Event>* sink);
    std::uint64_t calloc(std::uint64_t count, std::uint64_t size, std::vector<Event>* sink);
    std::uint64_t realloc(std::uint64_t pointer, std::uint64_t size, std::vector<Event>* sink);
    void free(std::uint64_t pointer, std::vector<Event>* sink);

    // --- processes ---------------------------------------------------------------------
    // Runs process `pid` from now on; false when there is no such running process.
    bool switch_to(std::uint32_t pid, std::vector<Event>* sink);
    // Copies the running process (stack, heap, registers, memory contents; pages shared
    // copy-on-write) into a new process with the next pid; the parent keeps running.
    // The child's pid, or nothing when the running process has ended or the table is full.
    std::optional<std::uint32_t> fork(std::vector<Event>* sink);
    // Ends the running process normally; blocks still allocated are reported as leaks,
    // each with Valgrind's verdict (definitely, indirectly or possibly lost, or still
    // reachable: see reachability.hpp), with data, bss, the live stack and `registers`
    // (pointer values held outside memory) as roots. Its frames and swap slots are given
    // back (shared ones only lose one user).
    void exit(const std::vector<std::uint64_t>& registers, std::vector<Event>* sink);
    // The next running process after the current one in pid order (wrapping round), the
    // current one last; nothing when every process has ended.
    std::optional<std::uint32_t> next_runnable() const;

    // A code address for a source line (return addresses point into the text region).
    std::uint64_t code_address(int line) const;

    const MachineConfig& config() const { return config_; }
    const AddressSpaceLayout& layout() const { return layout_; }
    const vm::Mmu& mmu() const { return mmu_; }
    const std::vector<Process>& processes() const { return processes_; }
    const Process& current() const { return processes_[current_]; }
    std::uint32_t current_pid() const { return current_; }
    bool running() const { return processes_[current_].end == ProcessEnd::Running; }
    const ErrorCounts& errors() const { return errors_; }

    // Disagreements between the parts (MMU invariants, heap checker); empty when sound.
    std::vector<std::string> check_invariants() const;

private:
    Machine(MachineConfig config, AddressSpaceLayout layout, vm::Mmu mmu, std::vector<Process> processes);
    Process& running_process() { return processes_[current_]; }
    // Whether the current process runs; if not, says that `what` is skipped. Inline
    // because every load and store asks it.
    bool require_running(const char* what, std::vector<Event>* sink) { return running() || skip_ended(what, sink); }
    // The event for `what` asked of an ended process; always false.
    bool skip_ended(const char* what, std::vector<Event>* sink);
    bool access(std::uint64_t address, std::uint32_t size, vm::AccessKind kind, std::vector<Event>* sink);
    // Ends the running process and gives its memory back; `announce` = false when the
    // caller has already explained the crash.
    void end_process(ProcessEnd end, std::uint64_t address, std::vector<Event>* sink, bool announce = true);
    void release_memory(std::vector<Event>* sink);
    void after_heap_operation(std::vector<heap::HeapEvent>& heap_events, std::vector<Event>* sink);
    // Appends an event of the running process when there is a sink. `say` (the text) and
    // `facts` (the payload) run only then: bulk mode builds no strings.
    struct NoFacts {
        EventData operator()() const { return {}; }
    };
    template <class Say, class Facts = NoFacts>
    void add_event(std::vector<Event>* sink, EventSource source, EventKind kind, bool is_error, std::uint64_t address,
                   Say&& say, Facts&& facts = Facts{}) const {
        if (sink == nullptr) return;
        sink->push_back(Event{.source = source, .kind = kind, .text = say(), .is_error = is_error, .step = 0, .line = 0,
                              .process = current_, .address = address, .data = facts()});
    }
    // The allocator's event as the machine's, with the event as its payload.
    void add_heap_event(std::vector<Event>* sink, const heap::HeapEvent& event) const;

    MachineConfig config_;
    AddressSpaceLayout layout_;
    vm::Mmu mmu_;
    std::vector<Process> processes_;
    std::uint32_t current_ = 0;
    ErrorCounts errors_;
};

// "running", "exited", "segmentation fault", "stack overflow", "protection fault".
const char* process_end_name(ProcessEnd end);

}  // namespace memsim::machine
