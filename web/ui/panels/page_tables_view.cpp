#include "ui/panels/page_tables_view.hpp"

#include <map>
#include <set>

#include "imgui.h"

namespace memsim::ui {

PageTablesView make_page_tables_view(const std::vector<MappedPage>& pages, std::uint64_t tables, const vm::AddressLayout& layout) {
    PageTablesView view;
    const std::uint32_t levels = layout.levels();
    if (levels < 2) return view;
    view.available = true;
    view.levels = levels;
    view.tables = tables;
    const std::uint32_t last_bits = layout.level_bits.back();
    view.root_entries = std::uint64_t{1} << layout.level_bits.front();
    view.table_bytes = (std::uint64_t{1} << last_bits) * layout.pte_bytes;
    view.flat_table_bytes = layout.vpn_bits() >= 60 ? ~0ull : (std::uint64_t{1} << layout.vpn_bits()) * layout.pte_bytes;
    std::map<std::uint64_t, PageTableBox> boxes;  // by the last-level table's prefix (vpn >> last_bits)
    std::set<std::uint64_t> top;
    const std::uint32_t below_root = layout.vpn_bits() - layout.level_bits.front();
    for (const MappedPage& page : pages) {
        top.insert(page.vpn >> below_root);
        PageTableBox& box = boxes[page.vpn >> last_bits];
        if (box.entries.size() >= 64) {
            ++box.more_entries;
            continue;
        }
        const std::string maps = page.present            ? "frame " + std::to_string(page.frame)
                                 : page.backing == "swap" ? "swap slot " + std::to_string(page.swap_slot)
                                                          : page.backing + "-fill, not loaded";
        box.entries.push_back({.index = page.vpn & ((std::uint64_t{1} << last_bits) - 1), .vpn = page.vpn, .maps = maps});
    }
    view.used_root_entries = top.size();
    // Tables below the root that hold no mapped page (2 levels: directory entries whose
    // table maps nothing now) are counted, not drawn.
    std::uint64_t upper_tables = 0;
    if (levels > 2) {
        std::set<std::uint64_t> prefixes;
        for (std::uint32_t level = 1; level + 1 < levels; ++level) {
            std::uint32_t shift = 0;
            for (std::uint32_t l = level + 1; l < levels; ++l) shift += layout.level_bits[l];
            for (const MappedPage& page : pages) prefixes.insert(((page.vpn >> shift) << 8) | level);
        }
        upper_tables = prefixes.size();
    }
    const std::uint64_t drawn = 1 + upper_tables + boxes.size();
    view.empty_tables = tables > drawn ? tables - drawn : 0;
    for (auto& [table, box] : boxes) {
        if (view.boxes.size() >= 32) {
            ++view.more_boxes;
            continue;
        }
        // The indices from the root down to this table.
        std::vector<std::uint64_t> indices;
        std::uint32_t shift = 0;
        for (std::uint32_t level = levels - 1; level-- > 0;) {
            indices.insert(indices.begin(), (table >> shift) & ((std::uint64_t{1} << layout.level_bits[level]) - 1));
            shift += layout.level_bits[level];
        }
        std::string path;
        for (std::size_t i = 0; i < indices.size(); ++i) path += (i == 0 ? "" : " > ") + std::string(hex_text(indices[i]));
        box.path = levels == 2 ? "directory entry " + path : "entries " + path;
        box.first_vpn = table << last_bits;
        box.covers_bytes = (std::uint64_t{1} << last_bits) * layout.page_size();
        view.boxes.push_back(std::move(box));
    }
    return view;
}

PageTablesView make_page_tables_view(const machine::Simulator& simulator) {
    const machine::Machine* machine = nullptr;
    if (const auto* ops = std::get_if<machine::OpsSession>(&simulator.session())) machine = &ops->machine();
    if (const auto* program = std::get_if<machine::ProgramSession>(&simulator.session())) machine = &program->machine();
    if (machine == nullptr) return {};
    const machine::Snapshot snapshot = simulator.snapshot();
    if (snapshot.processes.empty()) return {};
    const vm::RadixPageTable& table = machine->mmu().page_table(snapshot.current_process);
    std::vector<MappedPage> pages;
    table.for_each_leaf([&](std::uint64_t vpn, std::uint32_t index) {
        if (pages.size() >= 100000) return;  // a huge mapping: the boxes list only a few anyway
        const vm::Pte& e = table.entry(index);
        pages.push_back({.vpn = vpn, .present = e.present, .frame = e.pfn, .backing = std::string(vm::backing_name(e.where)),
                         .swap_slot = e.swap_slot});
    });
    return make_page_tables_view(pages, table.tables(), machine->config().mmu.layout);
}

namespace {

std::string bytes_text(std::uint64_t bytes) {
    if (bytes >= (1ull << 30) && bytes % (1ull << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
    if (bytes >= (1ull << 20) && bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1ull << 10) && bytes % (1ull << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

void draw_page_tables(const PageTablesView& view, PanelContext& context) {
    if (!view.available) {
        ImGui::TextDisabled("A one-level page table: no directory to walk.");
        return;
    }
    ImGui::TextWrapped("%llu page tables of %s each (%s in all): the %s, with %llu of its %llu entries pointing to a table, "
                       "and the tables below it. One flat table for the whole address space would take %s.",
                       static_cast<unsigned long long>(view.tables), bytes_text(view.table_bytes).c_str(),
                       bytes_text(view.tables * view.table_bytes).c_str(), view.levels == 2 ? "directory" : "top-level table",
                       static_cast<unsigned long long>(view.used_root_entries), static_cast<unsigned long long>(view.root_entries),
                       bytes_text(view.flat_table_bytes).c_str());
    const float box_width = ImGui::GetFontSize() * 14.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    float x = 0.0f;
    for (std::size_t i = 0; i < view.boxes.size(); ++i) {
        const PageTableBox& box = view.boxes[i];
        if (x > 0.0f && x + box_width <= avail) ImGui::SameLine();
        else x = 0.0f;
        ImGui::PushID(static_cast<int>(i));
        const float rows = static_cast<float>(std::min<std::size_t>(box.entries.size(), 6) + (box.entries.size() > 6 ? 1 : 0)) + 2.0f;
        ImGui::PushStyleColor(ImGuiCol_Border, context.palette.current);
        if (ImGui::BeginChild("##table", ImVec2(box_width, ImGui::GetTextLineHeightWithSpacing() * rows + 8.0f), true,
                              ImGuiWindowFlags_NoScrollbar)) {
            ImGui::TextUnformatted(box.path.c_str());
            ImGui::TextDisabled("pages %s.. (%s)", hex_text(box.first_vpn), bytes_text(box.covers_bytes).c_str());
            for (std::size_t e = 0; e < box.entries.size() && e < 6; ++e) {
                ImGui::Text("[%s] %s -> %s", hex_text(box.entries[e].index), hex_text(box.entries[e].vpn), box.entries[e].maps.c_str());
            }
            const std::size_t hidden = box.more_entries + (box.entries.size() > 6 ? box.entries.size() - 6 : 0);
            if (hidden > 0) ImGui::TextDisabled("and %zu more entries", hidden);
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
        x += box_width + ImGui::GetStyle().ItemSpacing.x;
    }
    if (view.more_boxes > 0) ImGui::TextDisabled("and %zu more tables", view.more_boxes);
    if (view.empty_tables > 0) {
        ImGui::TextDisabled("and %llu tables that map no page now", static_cast<unsigned long long>(view.empty_tables));
    }
}

}  // namespace memsim::ui
