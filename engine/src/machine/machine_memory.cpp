// Machine: loads and stores. Every access is checked by the heap (use after free,
// overflow into a header) when it lands in the heap, then translated by the MMU page by
// page; a segfault or protection fault ends the process.
#include "memsim/core/memcheck_words.hpp"
#include "memsim/core/text.hpp"
#include "memsim/machine/explain.hpp"
#include "memsim/machine/machine.hpp"
#include "memsim/vm/explain.hpp"

namespace memsim::machine {
namespace {

bool noteworthy(vm::MmuEventKind kind) {
    // Hits and plain translations happen on every access; the access line says them.
    return kind != vm::MmuEventKind::TlbHit && kind != vm::MmuEventKind::Translated;
}

// memcheck's words for a bad access to live heap blocks: against the block holding the
// address, else the nearest one whose 16-byte redzone it is in (memcheck pads blocks so),
// after it first. Empty when no live block is near.
std::string memcheck_for(const heap::Heap& heap, std::uint64_t address, std::uint32_t size, bool write) {
    constexpr std::uint64_t redzone = 16;
    const heap::BlockView* best = nullptr;
    const std::vector<heap::BlockView> blocks = heap.blocks();  // only on an error: the cost stays with the mistake
    for (const heap::BlockView& b : blocks) {
        if (!b.allocated) continue;
        const std::uint64_t end = b.payload + b.requested;
        if (address >= b.payload && address < end) return "";  // inside: not a bad access of this block
        if (address >= end && address - end < redzone && (!best || best->payload < b.payload)) best = &b;
    }
    for (const heap::BlockView& b : blocks) {
        if (!best && b.allocated && address < b.payload && b.payload - address <= redzone) best = &b;
    }
    if (!best) return "";
    return memcheck_words(BadAccess{.write = write, .size = size, .address = address, .block = best->payload, .block_size = best->requested});
}

}  // namespace

bool Machine::access(std::uint64_t address, std::uint32_t size, vm::AccessKind kind, std::vector<Event>* sink) {
    Process& process = running_process();
    const Region* region = layout_.region_of(address);
    if (region != nullptr && (region->kind == RegionKind::Heap || region->kind == RegionKind::Mmap)) {
        std::vector<heap::HeapEvent> heap_errors;
        process.heap.set_error_sink(sink ? &heap_errors : nullptr);
        const heap::AccessCheck check = process.heap.check_access(address, size, kind == vm::AccessKind::Write);
        process.heap.set_error_sink(nullptr);
        if (check.kind == heap::AccessKind::UseAfterFree || check.kind == heap::AccessKind::Overflow ||
            check.kind == heap::AccessKind::OutOfBounds) {
            ++errors_.heap_errors;
        }
        const bool write = kind == vm::AccessKind::Write;
        for (const heap::HeapEvent& e : heap_errors) {
            if (e.kind == heap::HeapEventKind::UseAfterFree) {
                add_event(sink, EventSource::Heap, EventKind::UseAfterFree, true, e.addr, [&] {
                    std::string text = heap::explain(e);
                    if (const auto requested = process.heap.freed_request(e.other)) {
                        text += ". " + memcheck_words(BadAccess{.write = write, .size = size, .address = address, .block = e.other,
                                                                .block_size = *requested, .freed = true});
                    }
                    return text;
                }, [&] { return e; });
                continue;
            }
            if (e.kind != heap::HeapEventKind::HeapOverflow) {
                add_heap_event(sink, e);
                continue;
            }
            add_event(sink, EventSource::Heap, EventKind::HeapOverflow, true, e.addr, [&] {
                std::string text = heap::explain(e);
                if (const std::string words = memcheck_for(process.heap, address, size, write); !words.empty()) text += ". " + words;
                return text;
            }, [&] { return e; });
        }
        if (check.kind == heap::AccessKind::OutOfBounds) {
            // Past the requested bytes but inside the block (its padding): nothing breaks yet, but it is the bug
            // memcheck reports as an invalid read or write.
            add_event(sink, EventSource::Heap, EventKind::OutOfBounds, true, address, [&] {
                std::string text = std::string("The program ") + (write ? "writes " : "reads ") + std::to_string(size) +
                                   " byte(s) at " + hex(address) + ", outside the bytes it asked malloc for in the block at " +
                                   hex(check.payload) + "; the block's padding is there, so nothing else is damaged yet, but it is a bug.";
                if (const std::string words = memcheck_for(process.heap, address, size, write); !words.empty()) text += " " + words;
                return text;
            }, [&] { return AccessEvent{.address = address, .bytes = size, .value = 0, .done = 0, .page_faults = 0, .write = write}; });
        }
    }
    const std::uint64_t page = config_.page_size;
    std::vector<vm::MmuEvent> vm_events;
    // The range is checked against the address space's width without wrapping round: a
    // 4-byte write at 0xfffffffffffffffc on a 32-bit machine, or 8 bytes at -4 on a
    // 64-bit one, faults (at its first byte outside) instead of touching nothing.
    const std::uint64_t last = config_.address_bits >= 64 ? ~0ull : (1ull << config_.address_bits) - 1;
    if (size == 0) return true;
    const std::uint64_t bytes = size;
    const bool wraps = address > last || bytes - 1 > last - address;
    const std::uint64_t end = address > last ? address : (wraps ? last : address + bytes - 1);  // inclusive
    // (at >= address stops the walk when the next page number wraps round to 0.) Pages are
    // a power of two in size, so the next page's start is a mask away, not a division.
    for (std::uint64_t at = address; address <= last && at >= address && at <= end; at = (at | (page - 1)) + 1) {
        vm_events.clear();
        const vm::AccessResult t = mmu_.access_without_walk(current_, at, kind, sink ? &vm_events : nullptr);
        for (const vm::MmuEvent& e : vm_events) {
            if (noteworthy(e.kind) && e.kind != vm::MmuEventKind::Segfault) {
                // Some events name only the page: point at its first byte.
                const std::uint64_t where = e.vaddr != 0 ? e.vaddr : e.vpn * config_.page_size;
                add_event(sink, EventSource::Vm, kind_of(e.kind), e.kind == vm::MmuEventKind::ProtectionFault, where,
                          [&] { return vm::explain(e, config_.mmu.policy.kind); }, [&] { return e; });
            }
        }
        if (t.outcome == vm::Outcome::Ok) continue;
        const bool guard = process.stack.in_guard_page(at);
        if (t.outcome == vm::Outcome::ProtectionFault) {
            ++errors_.protection_faults;
            end_process(ProcessEnd::ProtectionFault, at, sink);
        } else if (guard) {
            ++errors_.stack_overflows;
            add_event(sink, EventSource::Stack, EventKind::StackOverflow, true, at, [&] { return explain_guard_touch(at, process.stack); },
                      [&] {
                          return StackEvent{.function = process.stack.frames().empty() ? std::string() : process.stack.frames().back().function,
                                            .frame_pointer = 0, .stack_pointer = process.stack.stack_pointer(), .return_address = 0,
                                            .bytes = 0, .depth = process.stack.frames().size(), .caller = {}, .returned = std::nullopt};
                      });
            end_process(ProcessEnd::StackOverflow, at, sink);
        } else {
            ++errors_.segfaults;
            add_event(sink, EventSource::Vm, EventKind::Segfault, true, at,
                      [&] { return explain_segfault(at, kind, layout_, config_.page_size); },
                      [&] { return vm::MmuEvent{.kind = vm::MmuEventKind::Segfault, .process = current_, .access = kind, .vaddr = at,
                                                .vpn = at / page}; });
            end_process(ProcessEnd::Segfault, at, sink);
        }
        return false;
    }
    if (wraps) {
        const std::uint64_t outside = address > last || last == ~0ull ? address : last + 1;
        ++errors_.segfaults;
        add_event(sink, EventSource::Vm, EventKind::Segfault, true, outside, [&] {
            return "The access of " + std::to_string(size) + " byte(s) at " + hex(address) + " runs past the end of the " +
                   std::to_string(config_.address_bits) + "-bit address space (the last address is " + hex(last) +
                   "), so it cannot be translated: segmentation fault.";
        }, [&] { return vm::MmuEvent{.kind = vm::MmuEventKind::Segfault, .process = current_, .access = kind, .vaddr = outside,
                                     .vpn = outside / page, .wider = true}; });
        end_process(ProcessEnd::Segfault, outside, sink);
        return false;
    }
    return true;
}

Machine::LoadOutcome Machine::load_quiet(std::uint64_t address, std::uint32_t size, std::vector<Event>* sink) {
    if (!require_running("read", sink)) return {};
    if (!access(address, size, vm::AccessKind::Read, sink)) return {};
    const PageStore::Loaded loaded = current().memory.read_checked(address, size);
    return LoadOutcome{true, loaded.value, loaded.initialized};
}

bool Machine::store_quiet(std::uint64_t address, std::uint32_t size, std::uint64_t value, std::vector<Event>* sink) {
    if (!require_running("write", sink)) return false;
    if (!access(address, size, vm::AccessKind::Write, sink)) return false;
    running_process().memory.write(address, size, value);
    return true;
}

void Machine::load_image(std::uint64_t address, const std::vector<std::uint8_t>& bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) running_process().memory.write(address + i, 1, bytes[i]);
}

std::optional<std::uint64_t> Machine::load(std::uint64_t address, std::uint32_t size, std::vector<Event>* sink) {
    const LoadOutcome loaded = load_quiet(address, size, sink);
    if (!loaded.ok) return std::nullopt;
    const std::uint64_t value = loaded.value;
    if (!loaded.initialized) {
        ++errors_.uninitialised_reads;
        add_event(sink, EventSource::Program, EventKind::UninitialisedRead, true, address, [&] {
            return "The " + std::to_string(size) + " byte(s) at " + hex(address) +
                   " were never written, so the value read is whatever happened to be there (here " +
                   std::to_string(value) + "). Reading uninitialised memory is a bug even when it seems to work.";
        }, [&] { return AccessEvent{.address = address, .bytes = size, .value = value, .done = size, .page_faults = 0, .write = false}; });
    } else {
        add_event(sink, EventSource::Program, EventKind::Read, false, address, [&] {
            return "Read " + std::to_string(size) + " byte(s) at " + hex(address) + ": the value is " + std::to_string(value) + ".";
        }, [&] { return AccessEvent{.address = address, .bytes = size, .value = value, .done = size, .page_faults = 0, .write = false}; });
    }
    return value;
}

bool Machine::store(std::uint64_t address, std::uint32_t size, std::uint64_t value, std::vector<Event>* sink) {
    if (!store_quiet(address, size, value, sink)) return false;
    add_event(sink, EventSource::Program, EventKind::Write, false, address, [&] {
        return "Wrote " + std::to_string(value) + " into the " + std::to_string(size) + " byte(s) at " + hex(address) + ".";
    }, [&] { return AccessEvent{.address = address, .bytes = size, .value = value, .done = size, .page_faults = 0, .write = true}; });
    return true;
}

bool Machine::touch(std::uint64_t address, std::uint64_t bytes, bool write, std::vector<Event>* sink) {
    if (!require_running("touch", sink)) return false;
    const std::uint32_t word = current().stack.config().word_size;
    const auto faults_before = mmu_.stats().page_faults;
    // The access log would list every word: keep only faults and errors in it.
    std::vector<Event> detail;
    // at - address counts the bytes done, exact even when the range runs past the top
    // (the access there faults instead of the loop ending at once).
    std::uint64_t done = 0;
    bool stopped = false;
    for (std::uint64_t at = address; at - address < bytes; at += word) {
        const auto size = static_cast<std::uint32_t>(std::min<std::uint64_t>(word, bytes - (at - address)));
        const bool ok = access(at, size, write ? vm::AccessKind::Write : vm::AccessKind::Read, sink ? &detail : nullptr);
        if (!ok) {
            stopped = true;
            break;
        }
        if (write) running_process().memory.fill(at, size, 0xAB);
        done += size;
    }
    const std::uint64_t page_faults = mmu_.stats().page_faults - faults_before;
    // Say what happened: a touch that faulted part way did not write (or read) every byte.
    add_event(sink, EventSource::Program, write ? EventKind::TouchWrite : EventKind::TouchRead, false, address, [&] {
        const std::string faults = std::to_string(page_faults) + " page fault(s) along the way";
        return stopped ? std::string(write ? "Started writing " : "Started reading ") + std::to_string(bytes) + " bytes from " +
                             hex(address) + ", word by word, and stopped after " + std::to_string(done) + " bytes at " +
                             hex(address + done) + " (" + faults + "):"
                       : std::string(write ? "Wrote" : "Read") + " every byte of " + std::to_string(bytes) + " bytes from " +
                             hex(address) + ", word by word: " + faults + ".";
    }, [&] { return AccessEvent{.address = address, .bytes = bytes, .value = 0, .done = done, .page_faults = page_faults, .write = write}; });
    if (sink) sink->insert(sink->end(), detail.begin(), detail.end());
    return running();
}

}  // namespace memsim::machine
