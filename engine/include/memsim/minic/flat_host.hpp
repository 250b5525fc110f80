#pragma once
// FlatHost: a simple machine for running MiniC programs without paging, for tests and
// the `memsim minic` command. Memory is flat and byte-addressed (sparse 4 KiB pieces,
// allocated when first written); regions decide what an access means:
//
//   stack top ---------------------  StackConfig::top (frames from stack::CallStack)
//             live frames            [SP, top): fine; overwriting the current frame's saved
//                                    frame pointer or return address is reported
//             below SP               a dangling pointer into a returned frame: reported
//             guard page             stack overflow: the program stops
//   ...       unmapped               a wild pointer: segmentation fault, stops
//   heap      blocks                 a bump allocator: header, then payload; freed blocks
//                                    are never reused, so use after free, double free and
//                                    overflows into the next header are all detected
//   data/bss  globals
//   rodata    string literals        writes are a segmentation fault
//   0 .. 4095 the null page          any access is a null-pointer dereference: stops
//
// Every byte remembers whether it was ever written, so reads of uninitialised locals and
// malloc'd memory are reported. At exit, blocks never freed are reported as leaks, split
// into definitely lost (no pointer reaches them from globals or the stack) and still
// reachable. It is not the Machine (no MMU, no processes): fork() returns 1 as if in the
// parent, yield() does nothing.
//
//   FlatHost host(FlatHostConfig::for_model(DataModel::Ilp32));
//   interpreter.run(host);
//   host.output(); host.leaked_blocks();
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "memsim/minic/host.hpp"
#include "memsim/minic/types.hpp"
#include "memsim/stack/call_stack.hpp"

namespace memsim::minic {

struct FlatHostConfig {
    std::uint64_t text_base = 0x08048000;    // code addresses: text_base + 16 * line
    std::uint64_t rodata_base = 0x08100000;  // string literals
    std::uint64_t data_base = 0x08200000;    // globals
    std::uint64_t heap_base = 0x08400000;    // the first heap block header
    std::uint64_t heap_limit = 64ull << 20;  // bytes the heap may grow to
    std::uint32_t heap_header = 8;           // header bytes before each payload
    std::uint32_t heap_align = 8;            // payload alignment
    stack::StackConfig stack{};              // default: cdecl, top 0xC0000000, 8 MiB
    // When true, the program's first access to each page ends the step (as a demand-paging
    // fault would on the Machine), to exercise "one step is one statement or one memory event".
    bool step_per_new_page = false;

    // Sensible addresses and conventions for a data model: ILP32 uses cdecl below
    // 0xC0000000; LP64 uses System V below 0x7ffffffff000 with 16-byte heap alignment.
    static FlatHostConfig for_model(DataModel model);
};

// A heap block of the FlatHost allocator.
struct FlatBlock {
    std::uint64_t payload = 0;
    std::uint64_t size = 0;
    bool freed = false;
};

class FlatHost final : public Host {
public:
    explicit FlatHost(FlatHostConfig config = {});

    LoadResult load(std::uint64_t vaddr, std::uint32_t size) override;
    Report store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) override;
    CallResult call(const CallRequest& request) override;
    Report ret() override;
    ValueResult push_array(const std::string& name, std::uint64_t bytes) override;
    Report pop_array(std::uint64_t address) override;
    ValueResult malloc(std::uint64_t size) override;
    ValueResult calloc(std::uint64_t count, std::uint64_t size) override;
    ValueResult realloc(std::uint64_t vaddr, std::uint64_t size) override;
    Report free(std::uint64_t vaddr) override;
    std::uint64_t place_global(const StaticData& data) override;
    std::uint64_t place_string(const std::string& bytes) override;
    std::uint64_t code_address(int line) const override;
    void output(std::string_view text) override { output_ += text; }
    void error_output(std::string_view text) override { error_output_ += text; }
    ValueResult fork() override;
    Report yield() override { return {}; }
    Report touch(std::uint64_t vaddr, std::uint64_t bytes) override;
    Report exit(int code) override;

    const std::string& output() const { return output_; }
    const std::string& error_output() const { return error_output_; }  // what went to stderr
    const stack::CallStack& call_stack() const { return stack_; }
    const std::map<std::uint64_t, FlatBlock>& blocks() const { return blocks_; }   // by payload address
    std::size_t leaked_blocks() const;      // blocks never freed
    std::uint64_t leaked_bytes() const;
    // The live blocks no pointer reaches, scanning from the roots: globals and the live
    // stack, then the blocks they reach, word by word (as Valgrind's "definitely lost").
    // The other live blocks are still reachable. Payload addresses, in order.
    std::vector<std::uint64_t> unreachable_blocks() const;
    std::uint64_t loads() const { return loads_; }
    std::uint64_t stores() const { return stores_; }
    std::uint64_t forks() const { return forks_; }
    // The raw bytes at an address (for tests), without any checks.
    std::uint64_t peek(std::uint64_t vaddr, std::uint32_t size) const;

private:
    struct Page {
        std::uint8_t bytes[4096] = {};
        std::uint8_t written[4096] = {};
    };
    enum class Region : std::uint8_t { Ok, Stack, Null, ReadOnly, Freed, HeapGap, BelowStack, Guard, Wild };

    FlatHostConfig config_;
    stack::CallStack stack_;
    std::unordered_map<std::uint64_t, std::unique_ptr<Page>> pages_;  // looked up only, never iterated
    std::uint64_t cached_number_[2] = {~0ull, ~0ull};
    Page* cached_page_[2] = {nullptr, nullptr};
    std::uint64_t rodata_end_, data_end_, heap_end_;
    std::unordered_set<std::uint64_t> touched_pages_;  // pages the program accessed (step_per_new_page)
    std::map<std::uint64_t, FlatBlock> blocks_;
    std::string output_{};
    std::string error_output_{};
    std::uint64_t loads_ = 0, stores_ = 0, forks_ = 0;

    Page& page(std::uint64_t number);
    const Page* find_page(std::uint64_t number) const;
    void write_raw(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value);
    void forget(std::uint64_t from, std::uint64_t to);  // marks bytes unwritten
    Region classify(std::uint64_t vaddr, std::uint64_t size, bool is_write) const;
    Report check(std::uint64_t vaddr, std::uint64_t size, bool is_write) const;
    bool first_touch(std::uint64_t vaddr, std::uint64_t size);
    std::string smash_check(std::uint64_t vaddr, std::uint64_t size) const;
    const FlatBlock* block_at(std::uint64_t vaddr) const;
};

}  // namespace memsim::minic
