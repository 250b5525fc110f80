#include "memsim/machine/scenario_config.hpp"

#include "memsim/heap/config.hpp"
#include "memsim/scenario/settings.hpp"

namespace memsim::machine {
namespace {

using scenario::SettingsReader;

std::vector<std::string> policy_names() {
    std::vector<std::string> names;
    for (vm::PolicyKind kind : vm::all_policies()) names.emplace_back(vm::policy_name(kind));
    return names;
}

vm::PolicyConfig read_policy(SettingsReader& vm, const std::string& fallback) {
    vm::PolicyConfig policy;
    policy.kind = *vm::parse_policy(vm.choice("policy", fallback, policy_names()));
    policy.aging_bits = static_cast<std::uint32_t>(vm.integer("aging_bits", 8, 1, 32));
    policy.tick = vm.integer("tick", 1, 1, 1u << 20);
    policy.tau = vm.integer("tau", 4, 1, 1u << 30);
    policy.seed = vm.integer("seed", 1, 0, ~std::uint64_t{0} >> 1);
    return policy;
}

vm::TlbConfig read_tlb(SettingsReader& vm, std::uint32_t default_entries) {
    vm::TlbConfig tlb;
    tlb.entries = static_cast<std::uint32_t>(vm.count("tlb_entries", default_entries, 0, ConfigLimits::max_tlb_entries));
    tlb.ways = static_cast<std::uint32_t>(vm.count("tlb_ways", 0, 0, ConfigLimits::max_tlb_entries));
    const std::string replacement = vm.choice("tlb_replacement", "lru", {"lru", "fifo", "random"});
    tlb.replacement = replacement == "fifo" ? vm::TlbReplacement::Fifo
                      : replacement == "random" ? vm::TlbReplacement::Random
                                                : vm::TlbReplacement::Lru;
    return tlb;
}

Error first_error(const std::vector<Error>& errors) { return errors.front(); }

}  // namespace

Result<MachineConfig> read_machine_config(const scenario::Scenario& s) {
    std::vector<Error> errors;
    const int offset = s.front_matter_first_line - 1;
    MachineConfig config;

    SettingsReader machine(*s.front_matter, "machine", errors, offset);
    config.address_bits = static_cast<std::uint32_t>(machine.integer("bits", 32, 16, 64));
    config.processes = static_cast<std::uint32_t>(machine.count("processes", 1, 1, 64));
    const std::string default_convention = config.address_bits == 64 ? "sysv" : "cdecl";
    const std::string convention = machine.choice("convention", default_convention, {"simple", "cdecl", "sysv"});
    config.convention = convention == "simple" ? stack::Convention::Simple
                        : convention == "sysv" ? stack::Convention::SysV64
                                               : stack::Convention::Cdecl32;
    machine.finish();

    SettingsReader stack_settings(*s.front_matter, "stack", errors, offset);
    config.stack_limit = stack_settings.integer("limit", 8u << 20, 4096, ConfigLimits::max_stack);
    stack_settings.finish();

    SettingsReader heap(*s.front_matter, "heap", errors, offset);
    std::vector<std::string> allocators;
    for (const auto& entry : heap::allocator_names()) allocators.push_back(entry.name);
    // A C program on 64-bit Linux gets glibc's malloc, so its addresses are a real run's; other
    // scenarios (and lessons that teach a textbook allocator, which name it) keep the first fit.
    const bool linux_program = s.kind == scenario::BodyKind::Program && config.address_bits == 64;
    const bool allocator_named = heap.has("allocator");
    const std::string allocator = heap.choice("allocator", linux_program ? "glibc" : "implicit-first", allocators);
    config.heap = heap::allocator_by_name(allocator).value_or(heap::HeapConfig{});
    config.heap.alignment = static_cast<std::uint32_t>(heap.integer("alignment", config.heap.alignment, 4, 4096));
    config.heap.header_size = static_cast<std::uint32_t>(heap.integer("header", config.heap.header_size, 4, 8));
    config.heap.footers = heap.flag("footers", config.heap.footers);
    const std::string coalescing = heap.choice("coalescing", "immediate", {"immediate", "deferred", "off"});
    config.heap.coalescing = coalescing == "deferred" ? heap::Coalescing::Deferred
                             : coalescing == "off"    ? heap::Coalescing::Off
                                                      : heap::Coalescing::Immediate;
    config.heap.mmap_threshold = heap.integer("mmap_threshold", config.heap.mmap_threshold, 0, 1ull << 40);
    // Buddy: a small top order (2^12 = one 4 KiB page) keeps a teaching heap's blocks visible.
    config.heap.buddy_max_order = static_cast<std::uint32_t>(heap.integer("buddy_max_order", config.heap.buddy_max_order, 4, 30));
    config.heap.buddy_min_order = static_cast<std::uint32_t>(heap.integer("buddy_min_order", config.heap.buddy_min_order, 4, 30));
    heap.finish();

    SettingsReader vm(*s.front_matter, "vm", errors, offset);
    config.page_size = vm.power_of_two("page_size", 4096, 16, ConfigLimits::max_page_size);
    config.mmu.frames = static_cast<std::uint32_t>(vm.count("frames", 64, 1, ConfigLimits::max_frames));
    config.mmu.policy = read_policy(vm, "lru");
    if (config.mmu.policy.kind == vm::PolicyKind::Opt) {
        vm.reject("policy", "vm.policy 'opt' needs the whole future and works on reference strings and traces only; "
                            "choose another policy for a running program");
    }
    config.mmu.tlb = read_tlb(vm, 16);
    config.mmu.asid = vm.flag("asid", true);
    config.mmu.scope = vm.choice("scope", "global", {"global", "local"}) == "local" ? vm::Scope::Local : vm::Scope::Global;
    config.mmu.table = vm.choice("table", "radix", {"radix", "inverted"}) == "inverted" ? vm::TableKind::Inverted
                                                                                        : vm::TableKind::Radix;
    vm.finish();

    // A default glibc needs its x86-64 shape; a program that changes it gets the first fit.
    if (!allocator_named && config.heap.allocator == heap::AllocatorKind::Glibc &&
        (config.heap.alignment != 16 || config.heap.header_size != 8 || config.page_size != 4096))
        config.heap.allocator = heap::AllocatorKind::ImplicitList;

    if (!errors.empty()) return tl::unexpected(first_error(errors));
    return config;
}

Result<vm::PagerConfig> read_pager_config(const scenario::Scenario& s, std::uint64_t& page_size) {
    std::vector<Error> errors;
    SettingsReader vm(*s.front_matter, "vm", errors, s.front_matter_first_line - 1);
    vm::PagerConfig config;
    page_size = vm.power_of_two("page_size", 4096, 1, ConfigLimits::max_page_size);
    config.frames = static_cast<std::uint32_t>(vm.count("frames", 3, 1, ConfigLimits::max_frames));
    config.policy = read_policy(vm, "fifo");
    config.tlb = read_tlb(vm, 0);
    vm.finish();
    if (!errors.empty()) return tl::unexpected(first_error(errors));
    return config;
}

}  // namespace memsim::machine
