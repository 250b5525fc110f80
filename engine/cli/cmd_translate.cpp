// memsim translate: walks virtual addresses through a fresh MMU and shows every step.
#include <ostream>

#include "memsim/core/text.hpp"
#include "memsim/report/vm_json.hpp"
#include "memsim/vm/explain.hpp"
#include "memsim/vm/mmu.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* translate_usage =
    "usage: memsim translate --addr 0x403004[,0x...] [--layout x86-32|x86-64|teaching|linear]\n"
    "                        [--va-bits N --page-size B --levels 10,10] [--access read|write|execute]\n"
    "                        [--frames N] [--table radix|inverted] [--tlb-entries N] [--json]\n"
    "Maps the pages of the given addresses (read/write) in one process, then translates the\n"
    "addresses in order, showing the split, the TLB, each page-table level and any fault.\n";

std::string binary(std::uint64_t value, std::uint32_t bits) {
    std::string out;
    for (std::uint32_t i = bits; i-- > 0;) out += ((value >> i) & 1) ? '1' : '0';
    return out;
}

void print_translation(const vm::AddressLayout& layout, const vm::AddressParts& parts, const vm::Translation& t,
                       bool inverted, const std::vector<vm::MmuEvent>& events, vm::PolicyKind policy,
                       std::ostream& out) {
    out << "  split:";
    for (std::uint32_t l = 0; l < parts.levels; ++l) {
        out << " index" << l << "=" << parts.index[l] << " (" << binary(parts.index[l], layout.level_bits[l]) << ")";
    }
    out << " offset=" << hex(parts.offset) << "  vpn=" << hex(parts.vpn) << "\n";
    for (std::uint32_t i = 0; inverted && i < t.walk.count; ++i) {
        const auto& s = t.walk.steps[i];
        if (i == 0) {
            out << "  hash bucket " << s.index << " at " << hex(s.entry_address) << " -> "
                << (s.entry.present ? "frame " + std::to_string(s.entry.pfn) : std::string("empty chain")) << "\n";
        } else {
            out << "  probe frame " << s.index << " at " << hex(s.entry_address) << ": process " << s.owner
                << " page " << hex(s.vpn) << (t.walk.leaf == s.index && i + 1 == t.walk.count ? " -> match" : "") << "\n";
        }
    }
    for (std::uint32_t i = 0; !inverted && i < t.walk.count; ++i) {
        const auto& s = t.walk.steps[i];
        out << "  level " << s.level << ": entry " << s.index << " at " << hex(s.entry_address) << " -> ";
        if (i + 1 < t.walk.count || (s.entry.present && i + 1 < layout.levels())) {
            out << (s.entry.present ? "table " + std::to_string(s.entry.pfn) : std::string("not present")) << "\n";
        } else {
            out << (s.entry.present ? "frame " + std::to_string(s.entry.pfn)
                                    : "not present (" + std::string(vm::backing_name(s.entry.where)) + ")")
                << "\n";
        }
    }
    for (const auto& e : events) out << "  " << vm::explain(e, policy) << "\n";
}

int run_translate(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> values{"addr", "access", "frames", "table"};
    values.insert(values.end(), layout_option_names.begin(), layout_option_names.end());
    values.insert(values.end(), tlb_option_names.begin(), tlb_option_names.end());
    const auto args = Args::parse(argv, values, {"json", "help"});
    if (!args) return bad_input(err, "translate", args.error().message);
    if (args->flag("help")) {
        out << translate_usage;
        return exit_ok;
    }
    const auto layout = layout_options(*args);
    if (!layout) return bad_input(err, "translate", layout.error().message);
    if (!args->value("addr")) return bad_input(err, "translate", "--addr is required\n" + std::string(translate_usage));
    const auto addrs = number_list("addr", *args->value("addr"));
    if (!addrs) return bad_input(err, "translate", addrs.error().message);
    const auto access = vm::parse_access(args->value("access").value_or("read"));
    if (!access) return bad_input(err, "translate", access.error().message);
    const auto frames = number_option(*args, "frames", 4, 1, 1u << 20);
    if (!frames) return bad_input(err, "translate", frames.error().message);
    const auto tlb = tlb_options(*args, 4);
    if (!tlb) return bad_input(err, "translate", tlb.error().message);
    const std::string table = args->value("table").value_or("radix");
    if (table != "radix" && table != "inverted") {
        return bad_input(err, "translate", "unknown --table '" + table + "' (expected radix or inverted)");
    }
    const vm::MmuConfig config{.layout = *layout, .frames = static_cast<std::uint32_t>(*frames), .tlb = *tlb,
                               .table = table == "radix" ? vm::TableKind::Radix : vm::TableKind::Inverted};
    auto mmu = vm::Mmu::create(config, {{"P0", 1}});
    if (!mmu) return bad_input(err, "translate", mmu.error().message);
    std::vector<vm::AddressParts> parts;
    for (const auto addr : *addrs) {
        const auto split = vm::split_address(*layout, addr);
        if (!split) return bad_input(err, "translate", split.error().message);
        parts.push_back(*split);
        const std::uint64_t page_start = addr & ~(layout->page_size() - 1);
        const auto mapped = mmu->page_table(0).find(*split);
        if (mapped == vm::no_entry || mmu->page_table(0).entry(mapped).where == vm::Backing::Unmapped) {
            mmu->map(0, page_start, layout->page_size(), {});
        }
    }
    nlohmann::json json = {{"layout", report::to_json(*layout)}, {"translations", nlohmann::json::array()}};
    if (!args->flag("json")) {
        out << "layout " << layout->name << ": " << layout->va_bits << "-bit addresses, split "
            << vm::describe_split(*layout) << " (" << layout->page_size() << "-byte pages, " << layout->levels()
            << " level" << (layout->levels() == 1 ? "" : "s") << ")\n";
    }
    for (std::size_t i = 0; i < addrs->size(); ++i) {
        std::vector<vm::MmuEvent> events;
        const auto t = mmu->access(0, (*addrs)[i], *access, &events);
        nlohmann::json indices = nlohmann::json::array();
        for (std::uint32_t l = 0; l < parts[i].levels; ++l) indices.push_back(parts[i].index[l]);
        nlohmann::json evs = nlohmann::json::array();
        for (const auto& e : events) evs.push_back(report::to_json(e, config.policy.kind));
        json["translations"].push_back({{"vaddr", (*addrs)[i]}, {"access", std::string(vm::access_name(*access))},
                                        {"vpn", parts[i].vpn}, {"offset", parts[i].offset}, {"indices", indices},
                                        {"tlb_hit", t.tlb_hit}, {"walk", report::to_json(t.walk, table == "inverted")},
                                        {"page_fault", t.page_fault}, {"major", t.major}, {"paddr", t.paddr},
                                        {"frame", t.frame}, {"events", evs}});
        if (!args->flag("json")) {
            out << hex((*addrs)[i]) << " " << vm::access_name(*access) << "\n";
            print_translation(*layout, parts[i], t, table == "inverted", events, config.policy.kind, out);
        }
    }
    json["stats"] = report::to_json(mmu->stats());
    if (args->flag("json")) out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return exit_ok;
}

MEMSIM_COMMAND("translate", "Address translation: split, TLB, page-table walk, faults", run_translate);

}  // namespace
}  // namespace memsim::cli
