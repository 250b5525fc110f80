#include "memsim/minic/flat_host.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "memsim/core/memcheck_words.hpp"
#include "memsim/core/text.hpp"

namespace memsim::minic {
namespace {

constexpr std::uint64_t page_size = 4096;
constexpr std::uint64_t null_page_end = 4096;

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
    return alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
}

static_assert(std::endian::native == std::endian::little, "pages hold little-endian bytes, read as the host's words");

// `size` (1 to 8) little-endian bytes as a number: fixed-size copies, which the compiler
// makes single loads and stores.
std::uint64_t read_word(const std::uint8_t* bytes, std::uint32_t size) {
    std::uint64_t value = 0;
    switch (size) {
        case 1: return bytes[0];
        case 2: std::memcpy(&value, bytes, 2); return value;
        case 4: std::memcpy(&value, bytes, 4); return value;
        case 8: std::memcpy(&value, bytes, 8); return value;
        default: std::memcpy(&value, bytes, size); return value;
    }
}

// The `written` flags of `size` bytes all set (each flag is 1).
std::uint64_t all_written(std::uint32_t size) { return 0x0101010101010101ull >> (64 - 8 * size); }

Report fatal(std::string message) { return Report{.stop = true, .problem = std::move(message)}; }
Report warning(std::string message) { return Report{.stop = false, .problem = std::move(message)}; }

}  // namespace

FlatHostConfig FlatHostConfig::for_model(DataModel model) {
    if (model == DataModel::Ilp32) return FlatHostConfig{};
    return FlatHostConfig{.text_base = 0x400000,
                          .rodata_base = 0x500000,
                          .data_base = 0x600000,
                          .heap_base = 0x1000000,
                          .heap_align = 16,
                          .stack = stack::StackConfig{.top = 0x7ffffffff000, .convention = stack::Convention::SysV64}};
}

FlatHost::FlatHost(FlatHostConfig config)
    : config_(config), stack_(config.stack), rodata_end_(config.rodata_base), data_end_(config.data_base),
      heap_end_(config.heap_base) {}

FlatHost::Page& FlatHost::page(std::uint64_t number) {
    const std::size_t slot = number & 1;
    if (cached_number_[slot] == number) return *cached_page_[slot];
    std::unique_ptr<Page>& p = pages_[number];
    if (!p) p = std::make_unique<Page>();
    cached_number_[slot] = number;
    cached_page_[slot] = p.get();
    return *p;
}

const FlatHost::Page* FlatHost::find_page(std::uint64_t number) const {
    const auto it = pages_.find(number);
    return it == pages_.end() ? nullptr : it->second.get();
}

void FlatHost::write_raw(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) {
    const std::uint64_t offset = vaddr % page_size;
    if (size <= 8 && offset + size <= page_size) {
        // Almost every store is one scalar inside one page: find the page once, not per byte.
        Page& p = page(vaddr / page_size);
        std::memcpy(p.bytes + offset, &value, size);
        std::memset(p.written + offset, 1, size);
        return;
    }
    for (std::uint32_t i = 0; i < size; ++i) {
        const std::uint64_t a = vaddr + i;
        Page& p = page(a / page_size);
        p.bytes[a % page_size] = static_cast<std::uint8_t>(i < 8 ? value >> (8 * i) : 0);  // a struct slot: bytes past 8 are 0
        p.written[a % page_size] = 1;
    }
}

void FlatHost::forget(std::uint64_t from, std::uint64_t to) {
    for (std::uint64_t a = from; a < to; ++a) page(a / page_size).written[a % page_size] = 0;
}

std::uint64_t FlatHost::peek(std::uint64_t vaddr, std::uint32_t size) const {
    std::uint64_t value = 0;
    for (std::uint32_t i = 0; i < size; ++i) {
        const Page* p = find_page((vaddr + i) / page_size);
        if (p) value |= std::uint64_t{p->bytes[(vaddr + i) % page_size]} << (8 * i);
    }
    return value;
}

const FlatBlock* FlatHost::block_at(std::uint64_t vaddr) const {
    auto it = blocks_.upper_bound(vaddr);
    if (it == blocks_.begin()) return nullptr;
    --it;
    return &it->second;
}

FlatHost::Region FlatHost::classify(std::uint64_t vaddr, std::uint64_t size, bool is_write) const {
    const std::uint64_t end = vaddr + size;
    if (vaddr >= stack_.stack_pointer() && end <= stack_.config().top && end > vaddr) return Region::Ok;
    if (vaddr < null_page_end) return Region::Null;
    if (vaddr >= config_.rodata_base && end <= rodata_end_) return is_write ? Region::ReadOnly : Region::Ok;
    if (vaddr >= config_.data_base && end <= data_end_) return Region::Ok;
    // The heap ends at the break, rounded up to a whole page (sbrk maps whole pages).
    if (vaddr >= config_.heap_base && vaddr < (heap_end_ + page_size - 1) / page_size * page_size) {
        const FlatBlock* b = block_at(vaddr);
        if (b && end <= b->payload + std::max<std::uint64_t>(b->size, 0) && vaddr >= b->payload) {
            return b->freed ? Region::Freed : Region::Ok;
        }
        return Region::HeapGap;
    }
    if (stack_.in_guard_page(vaddr)) return Region::Guard;
    if (vaddr >= stack_.limit_floor() && vaddr < stack_.config().top) return Region::BelowStack;
    return Region::Wild;
}

Report FlatHost::check(std::uint64_t vaddr, std::uint64_t size, bool is_write) const {
    const Region region = classify(vaddr, size, is_write);
    if (region == Region::Ok) return {};
    const std::string verb = is_write ? "writes" : "reads";
    switch (region) {
        case Region::Ok:
        case Region::Stack: return {};
        case Region::Null:
            return fatal("segmentation fault: the program " + verb + " address " + hex(vaddr) +
                         ", inside the null page; it dereferenced a NULL pointer.");
        case Region::ReadOnly:
            return fatal("segmentation fault: " + hex(vaddr) + " is read-only memory holding a string literal; "
                         "string literals cannot be changed (copy the text into a char array first).");
        case Region::Freed: {
            const FlatBlock* b = block_at(vaddr);
            return warning("use after free: the program " + verb + " " + hex(vaddr) + ", inside the " +
                           std::to_string(b->size) + "-byte block at " + hex(b->payload) +
                           " that was already freed; the allocator may have given that memory to someone else. " +
                           memcheck_words(BadAccess{.write = is_write, .size = static_cast<std::uint32_t>(size), .address = vaddr,
                                                    .block = b->payload, .block_size = b->size, .freed = true}));
        }
        case Region::HeapGap: {
            const FlatBlock* b = block_at(vaddr);
            if (b && vaddr >= b->payload) {
                return warning("heap buffer overflow: the program " + verb + " " + hex(vaddr) + ", " +
                               std::to_string(vaddr + size - (b->payload + b->size)) + " byte(s) past the end of the " +
                               std::to_string(b->size) + "-byte block at " + hex(b->payload) +
                               ", into the padding or the header of the next block. " +
                               memcheck_words(BadAccess{.write = is_write, .size = static_cast<std::uint32_t>(size), .address = vaddr,
                                                        .block = b->payload, .block_size = b->size}));
            }
            return warning("heap buffer overflow: the program " + verb + " " + hex(vaddr) +
                           ", which is a block header, not a payload from malloc.");
        }
        case Region::BelowStack:
            return warning("the program " + verb + " " + hex(vaddr) + ", below the stack pointer " +
                           hex(stack_.stack_pointer()) + ": that frame has returned, so this is a dangling pointer to a local.");
        case Region::Guard:
            return fatal("stack overflow: " + hex(vaddr) + " is in the guard page below the stack.");
        case Region::Wild:
            return fatal("segmentation fault: the program " + verb + " address " + hex(vaddr) +
                         ", which is not mapped (a wild or uninitialised pointer).");
    }
    return {};
}

bool FlatHost::first_touch(std::uint64_t vaddr, std::uint64_t size) {
    if (!config_.step_per_new_page) return false;
    const bool first = touched_pages_.insert(vaddr / page_size).second;
    const bool last = touched_pages_.insert((vaddr + size - 1) / page_size).second;
    return first || last;
}

LoadResult FlatHost::load(std::uint64_t vaddr, std::uint32_t size) {
    ++loads_;
    LoadResult r;
    if (classify(vaddr, size, false) != Region::Ok) {  // the rare case: build the explanation
        r.report = check(vaddr, size, false);
        if (r.report.stop) return r;
    }
    r.report.end_step = first_touch(vaddr, size);
    const std::uint64_t offset = vaddr % page_size;
    const bool global = vaddr >= config_.data_base && vaddr + size <= data_end_;
    const bool partly_global = !global && vaddr < data_end_ && vaddr + size > config_.data_base;
    if (size <= 8 && offset + size <= page_size && !partly_global) {
        // One page (almost every load): find it once, not per byte.
        if (size == 0) return r;
        const Page& p = page(vaddr / page_size);
        r.value = read_word(p.bytes + offset, size);
        // Globals start as their image (bss: zeros), so they are never uninitialised.
        if (!global) r.uninitialized = read_word(p.written + offset, size) != all_written(size);
        return r;
    }
    for (std::uint32_t i = 0; i < size; ++i) {
        const std::uint64_t a = vaddr + i;
        const Page& p = page(a / page_size);
        r.value |= std::uint64_t{p.bytes[a % page_size]} << (8 * i);
        // Globals start as their image (bss: zeros), so they are never uninitialised.
        if (!p.written[a % page_size] && !(a >= config_.data_base && a < data_end_)) r.uninitialized = true;
    }
    return r;
}

Report FlatHost::store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) {
    ++stores_;
    Report r;
    if (classify(vaddr, size, true) != Region::Ok) {  // the rare case: build the explanation
        r = check(vaddr, size, true);
        if (r.stop) return r;
    }
    write_raw(vaddr, size, value);
    r.end_step = first_touch(vaddr, size);
    // Only stores reaching the current frame's saved frame pointer or return address need the full check.
    if (r.problem.empty() && !stack_.frames().empty()) {
        const std::uint64_t fp = stack_.frames().back().frame_pointer;
        if (vaddr <= fp + stack_.config().word_size && vaddr + size > fp) r.problem = smash_check(vaddr, size);
    }
    return r;
}

// A store that covers the first byte of the current frame's saved frame pointer or
// return address: a local array written past its end (a stack buffer overflow).
std::string FlatHost::smash_check(std::uint64_t vaddr, std::uint64_t size) const {
    if (stack_.frames().empty()) return {};
    const stack::Frame& f = stack_.frames().back();
    const std::uint64_t word = stack_.config().word_size;
    for (std::uint64_t slot : {f.frame_pointer, f.frame_pointer + word}) {
        if (vaddr <= slot && slot < vaddr + size) {
            return std::string("stack buffer overflow: the program wrote over the ") +
                   (slot == f.frame_pointer ? "saved frame pointer" : "return address") + " of " + f.function + " at " +
                   hex(slot) + "; on a real machine " + f.function + " would return to a wrong place (or the stack "
                   "protector would abort it).";
        }
    }
    return {};
}

CallResult FlatHost::call(const CallRequest& request) {
    CallResult result;
    const std::uint64_t old_sp = stack_.stack_pointer();
    const stack::CallOutcome outcome = stack_.call(request.function, request.arguments, request.locals, request.return_address);
    if (outcome.overflow) {
        result.report = fatal("stack overflow: calling " + request.function + " needs a frame whose " + outcome.fault_slot +
                              " would be at " + hex(outcome.fault_address) + ", in the guard page below the " +
                              std::to_string(stack_.config().limit) + "-byte stack limit (" +
                              std::to_string(stack_.frames().size()) + " frames are active).");
        return result;
    }
    forget(stack_.stack_pointer(), old_sp);
    for (const stack::StackAccess& access : outcome.accesses) write_raw(access.address, access.size, access.value);
    // Arguments by name (each name appears once among arguments); locals in push order.
    const stack::Frame& frame = stack_.frames().back();
    for (const stack::Variable& argument : request.arguments) {
        for (const stack::Slot& s : frame.slots) {
            if ((s.kind == stack::SlotKind::Argument || s.kind == stack::SlotKind::RegisterArgument) && s.name == argument.name) {
                result.argument_addresses.push_back(s.address);
                break;
            }
        }
    }
    for (const stack::Slot& s : frame.slots) {
        if (s.kind == stack::SlotKind::Local) result.local_addresses.push_back(s.address);
    }
    return result;
}

Report FlatHost::ret() {
    stack_.ret();
    return {};
}

ValueResult FlatHost::push_array(const std::string& name, std::uint64_t bytes) {
    const std::uint64_t old_sp = stack_.stack_pointer();
    const stack::LocalOutcome outcome = stack_.push_array(name, bytes);
    if (outcome.overflow) {
        return ValueResult{.value = 0, .report = fatal("stack overflow: the array '" + name + "' needs " + std::to_string(bytes) +
                                                       " bytes, more than the stack has left below SP " + hex(old_sp) + " (the limit is " +
                                                       std::to_string(stack_.config().limit) + " bytes).")};
    }
    forget(stack_.stack_pointer(), old_sp);  // the array starts uninitialised
    return ValueResult{.value = outcome.address, .report = {}};
}

Report FlatHost::pop_array(std::uint64_t address) {
    stack_.pop_array(address);
    return {};
}

ValueResult FlatHost::malloc(std::uint64_t size) {
    const std::uint64_t payload = align_up(heap_end_ + config_.heap_header, config_.heap_align);
    if (size > config_.heap_limit || payload + size > config_.heap_base + config_.heap_limit) {
        return ValueResult{.value = 0, .report = warning("malloc(" + std::to_string(size) +
                                                         ") returns NULL: the heap is full; check malloc's result before using it.")};
    }
    write_raw(payload - config_.heap_header, config_.heap_header, size | 1);  // size and "allocated" bit
    blocks_[payload] = FlatBlock{.payload = payload, .size = size};
    heap_end_ = payload + size;
    return ValueResult{.value = payload, .report = {}};
}

ValueResult FlatHost::calloc(std::uint64_t count, std::uint64_t size) {
    if (size != 0 && count > config_.heap_limit / size) {
        return ValueResult{.value = 0, .report = warning("calloc returns NULL: the request is larger than the heap.")};
    }
    ValueResult r = malloc(count * size);
    if (r.value != 0) {
        for (std::uint64_t i = 0; i < count * size; ++i) write_raw(r.value + i, 1, 0);
    }
    return r;
}

ValueResult FlatHost::realloc(std::uint64_t vaddr, std::uint64_t size) {
    if (vaddr == 0) return malloc(size);
    const auto it = blocks_.find(vaddr);
    if (it == blocks_.end() || it->second.freed) {
        return ValueResult{.value = 0, .report = fatal("realloc(" + hex(vaddr) + ") on a pointer that is not a live block from malloc" +
                                                       (it == blocks_.end() ? "" : " (it was freed)") + ": the allocator aborts.")};
    }
    const FlatBlock old = it->second;
    ValueResult r = malloc(size);
    if (r.value == 0) return r;
    for (std::uint64_t i = 0; i < std::min(old.size, size); ++i) {
        const std::uint64_t from = old.payload + i, to = r.value + i;
        Page& source = page(from / page_size);
        const std::uint8_t byte = source.bytes[from % page_size];
        const std::uint8_t written = source.written[from % page_size];
        Page& target = page(to / page_size);
        target.bytes[to % page_size] = byte;
        target.written[to % page_size] = written;
    }
    blocks_[old.payload].freed = true;
    return r;
}

Report FlatHost::free(std::uint64_t vaddr) {
    if (vaddr == 0) return {};
    const auto it = blocks_.find(vaddr);
    if (it == blocks_.end()) {
        return fatal("invalid free: " + hex(vaddr) + " is not the start of a block from malloc; the allocator aborts (free(): invalid pointer).");
    }
    if (it->second.freed) {
        return fatal("double free: the " + std::to_string(it->second.size) + "-byte block at " + hex(vaddr) +
                     " was already freed; freeing it again corrupts the free list, so the allocator aborts.");
    }
    it->second.freed = true;
    return {};
}

std::uint64_t FlatHost::place_global(const StaticData& data) {
    const std::uint64_t address = align_up(data_end_, data.align);
    // Only non-zero bytes are stored: a large bss array costs nothing until it is used.
    for (std::size_t i = 0; i < data.bytes.size() && i < data.size; ++i) {
        if (data.bytes[i] != 0) write_raw(address + i, 1, data.bytes[i]);
    }
    data_end_ = address + std::max<std::uint64_t>(data.size, 1);
    return address;
}

std::uint64_t FlatHost::place_string(const std::string& bytes) {
    const std::uint64_t address = rodata_end_;
    for (std::size_t i = 0; i < bytes.size(); ++i) write_raw(address + i, 1, static_cast<std::uint8_t>(bytes[i]));
    write_raw(address + bytes.size(), 1, 0);
    rodata_end_ = address + bytes.size() + 1;
    return address;
}

std::uint64_t FlatHost::code_address(int line) const {
    return config_.text_base + 16 * static_cast<std::uint64_t>(std::max(line, 0));
}

ValueResult FlatHost::fork() {
    ++forks_;
    return ValueResult{.value = 1, .report = {}};
}

Report FlatHost::touch(std::uint64_t vaddr, std::uint64_t bytes) {
    for (std::uint64_t offset = 0; offset < bytes; offset += page_size) {
        Report r = check(vaddr + offset, 1, false);
        if (!r.problem.empty()) return r;
    }
    return bytes == 0 ? Report{} : check(vaddr + bytes - 1, 1, false);
}

std::size_t FlatHost::leaked_blocks() const {
    return static_cast<std::size_t>(std::count_if(blocks_.begin(), blocks_.end(), [](const auto& b) { return !b.second.freed; }));
}

std::uint64_t FlatHost::leaked_bytes() const {
    std::uint64_t total = 0;
    for (const auto& [payload, block] : blocks_) {
        if (!block.freed) total += block.size;
    }
    return total;
}

std::vector<std::uint64_t> FlatHost::unreachable_blocks() const {
    const std::uint32_t word = stack_.config().word_size;
    std::map<std::uint64_t, bool> reached;  // live blocks by payload: reached yet?
    for (const auto& [payload, block] : blocks_) {
        if (!block.freed) reached[payload] = false;
    }
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges = {{config_.data_base, data_end_},
                                                                    {stack_.stack_pointer(), stack_.config().top}};
    // A word that points anywhere into a live block's payload keeps the block reachable.
    for (std::size_t next = 0; next < ranges.size(); ++next) {
        const auto [from, to] = ranges[next];
        for (std::uint64_t a = (from + word - 1) / word * word; a + word <= to; a += word) {
            if (a % page_size == 0 && !find_page(a / page_size)) {  // never written: all zero
                a += page_size - word;
                continue;
            }
            const std::uint64_t value = peek(a, word);
            auto it = reached.upper_bound(value);
            if (it == reached.begin()) continue;
            --it;
            const FlatBlock& b = blocks_.at(it->first);
            if (it->second || value >= b.payload + std::max<std::uint64_t>(b.size, 1)) continue;
            it->second = true;
            ranges.emplace_back(b.payload, b.payload + b.size);
        }
    }
    std::vector<std::uint64_t> lost;
    for (const auto& [payload, was_reached] : reached) {
        if (!was_reached) lost.push_back(payload);
    }
    return lost;
}

Report FlatHost::exit(int) {
    const std::size_t blocks = leaked_blocks();
    if (blocks == 0) return {};
    const std::vector<std::uint64_t> lost = unreachable_blocks();
    std::uint64_t lost_bytes = 0;
    for (std::uint64_t payload : lost) lost_bytes += blocks_.at(payload).size;
    return warning("memory leak: " + std::to_string(blocks) + " heap block" + (blocks == 1 ? "" : "s") + " (" +
                   std::to_string(leaked_bytes()) + " bytes) " + (blocks == 1 ? "was" : "were") + " never freed: " +
                   std::to_string(lost.size()) + " definitely lost (" + std::to_string(lost_bytes) +
                   " bytes, no pointer reaches them), " + std::to_string(blocks - lost.size()) + " still reachable (" +
                   std::to_string(leaked_bytes() - lost_bytes) + " bytes, a global or another block points to them).");
}

}  // namespace memsim::minic
