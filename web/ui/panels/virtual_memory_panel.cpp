#include "ui/panels/virtual_memory_panel.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "imgui.h"
#include "ui/percent.hpp"
#include "ui/panels/ostep_problem_view.hpp"
#include "ui/panels/page_tables_view.hpp"
#include "ui/panels/settings_row.hpp"
#include "ui/widget_rects.hpp"
#include "ui/panels/reference_grid.hpp"
#include "ui/panels/translation_view.hpp"

namespace memsim::ui {

VmPanelView make_vm_view(const machine::Snapshot& snapshot) {
    VmPanelView view;
    if (!snapshot.vm) return view;
    const machine::VmView& vm = *snapshot.vm;
    view.has_vm = true;
    view.policy = vm.policy;
    view.page_size = vm.page_size;
    for (std::uint32_t f = 0; f < vm.frames.size(); ++f) {
        const machine::FrameView& frame = vm.frames[f];
        view.frames.push_back(FrameRow{.frame = f, .used = frame.used, .owner = frame.owner, .page = frame.page,
                                       .referenced = frame.referenced, .dirty = frame.dirty,
                                       .last = vm.last_frame && *vm.last_frame == f});
    }
    view.tlb = vm.tlb;
    view.last_victim = vm.last_victim;
    view.references = vm.references;
    view.hits = vm.hits;
    view.faults = vm.faults;
    view.writebacks = vm.writebacks;
    view.tlb_hits = vm.tlb_hits;
    view.tlb_misses = vm.tlb_misses;
    view.fault_rate = vm.references ? static_cast<double>(vm.faults) / static_cast<double>(vm.references) : 0.0;
    const std::uint64_t lookups = vm.tlb_hits + vm.tlb_misses;
    view.tlb_hit_rate = lookups ? static_cast<double>(vm.tlb_hits) / static_cast<double>(lookups) : 0.0;
    return view;
}

PageMap make_page_map(const machine::Snapshot& snapshot, int columns, std::uint64_t max_pages) {
    PageMap map;
    map.columns = std::max(columns, 1);
    const machine::ProcessView* process = current_process(snapshot);
    if (!snapshot.vm || snapshot.vm->page_size == 0 || process == nullptr) return map;
    const std::uint64_t page_size = snapshot.vm->page_size;
    // The process's own page list: a frame shared since fork names only one owner. Sorted
    // page numbers, walked with a cursor each as the regions' pages go up (2^20 pages on
    // a 32-bit machine: no per-page search).
    std::vector<std::uint64_t> resident, cow;
    for (const machine::PageView& p : process->pages) {
        if (p.present) resident.push_back(p.vpn);
        if (p.present && p.cow) cow.push_back(p.vpn);
    }
    std::sort(resident.begin(), resident.end());
    std::sort(cow.begin(), cow.end());
    const std::vector<std::uint64_t>& swapped = process->swapped_pages;  // sorted by the snapshot
    std::size_t at_resident = 0, at_cow = 0, at_swapped = 0;
    const auto holds = [](const std::vector<std::uint64_t>& list, std::size_t& at, std::uint64_t page) {
        if (at > 0 && list[at - 1] >= page) at = 0;  // regions that overlap go back: start again
        while (at < list.size() && list[at] < page) ++at;
        return at < list.size() && list[at] == page;
    };
    // The layout reserves address ranges for the heap and the mmap area; what is mapped
    // is the heap up to brk and each mmap block.
    std::vector<machine::Region> regions;
    for (const machine::Region& r : process->regions) {
        if (r.kind != machine::RegionKind::Heap && r.kind != machine::RegionKind::Mmap) regions.push_back(r);
    }
    if (process->brk > process->heap_start) {
        regions.push_back({machine::RegionKind::Heap, process->heap_start, process->brk});
    }
    for (const heap::BlockView& b : process->blocks) {
        if (b.mapped) regions.push_back({machine::RegionKind::Mmap, b.block, b.block + b.size});
    }
    std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    // The grid is one texture and WebGL2 guarantees 2048 texels a side: more pages than
    // columns x 2048 widen the grid (2^20 pages: 512 columns), up to 2048 columns.
    std::uint64_t pages = 0;
    for (const machine::Region& r : regions) {
        if (r.end > r.start) pages += (r.end - 1) / page_size - r.start / page_size + 1;
    }
    pages = std::min(pages, max_pages);
    while (map.columns < 2048 && pages > static_cast<std::uint64_t>(map.columns) * 2048u) map.columns *= 2;
    map.columns = std::min(map.columns, 2048);
    max_pages = std::min<std::uint64_t>(max_pages, static_cast<std::uint64_t>(map.columns) * 2048u);
    for (const machine::Region& r : regions) {
        if (r.end <= r.start) continue;
        RegionSummary summary{.name = machine::region_name(r.kind), .start = r.start, .end = r.end, .pages = 0, .resident = 0, .swapped = 0};
        for (std::uint64_t page = r.start / page_size; page * page_size < r.end; ++page) {
            const bool in_memory = holds(resident, at_resident, page);
            const bool in_swap = !in_memory && holds(swapped, at_swapped, page);
            const bool is_cow = holds(cow, at_cow, page);
            ++summary.pages;
            if (in_memory) ++summary.resident;
            if (in_swap) ++summary.swapped;
            if (map.cells.size() >= max_pages) continue;
            const PageState state = r.kind == machine::RegionKind::Guard ? PageState::Guard
                                    : is_cow                             ? PageState::Cow
                                    : in_memory                          ? PageState::Resident
                                    : in_swap                            ? PageState::Swapped
                                                                         : PageState::NotResident;
            map.cells.push_back(static_cast<std::uint8_t>(state));
        }
        map.resident += summary.resident;
        map.swapped += summary.swapped;
        map.regions.push_back(std::move(summary));
    }
    map.rows = static_cast<int>((map.cells.size() + static_cast<std::size_t>(map.columns) - 1) /
                                static_cast<std::size_t>(map.columns));
    map.cells.resize(static_cast<std::size_t>(map.rows) * static_cast<std::size_t>(map.columns),
                     static_cast<std::uint8_t>(PageState::Unmapped));
    return map;
}

namespace {

void draw_counters(const VmPanelView& view) {
    ImGui::TextWrapped("policy %s   references %llu   faults %llu (%s)   hits %llu   write-backs %llu", view.policy.c_str(),
                static_cast<unsigned long long>(view.references), static_cast<unsigned long long>(view.faults),
                percent_text(view.fault_rate).c_str(), static_cast<unsigned long long>(view.hits),
                static_cast<unsigned long long>(view.writebacks));
    if (!view.tlb.empty()) {
        ImGui::Text("TLB hits %llu, misses %llu (hit rate %s)", static_cast<unsigned long long>(view.tlb_hits),
                    static_cast<unsigned long long>(view.tlb_misses), percent_text(view.tlb_hit_rate).c_str());
    }
}

void draw_frames_table(const VmPanelView& view, const Palette& palette, bool owners) {
    ImGui::Text("Physical frames");
    if (view.last_victim) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette.guard);
        ImGui::Text("  last step evicted page %llu", static_cast<unsigned long long>(*view.last_victim));
        ImGui::PopStyleColor();
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchSame;
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(view.frames.size() + 1) + 4,
                                  ImGui::GetTextLineHeightWithSpacing() * 9);
    if (!ImGui::BeginTable("##frames", owners ? 5 : 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("frame");
    if (owners) ImGui::TableSetupColumn("process");
    ImGui::TableSetupColumn("page");
    ImGui::TableSetupColumn("R");
    ImGui::TableSetupColumn("M");
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.frames.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const FrameRow& f = view.frames[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (f.last) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(palette.current, 0x70));
            ImGui::TableNextColumn();
            ImGui::Text("%u%s", f.frame, f.last ? "  <- last" : "");
            if (owners) {
                ImGui::TableNextColumn();
                if (f.used) ImGui::Text("%u", f.owner);
            }
            ImGui::TableNextColumn();
            if (f.used && owners) {
                ImGui::TextUnformatted(hex_text(f.page));
            } else if (f.used) {
                ImGui::Text("%llu", static_cast<unsigned long long>(f.page));
            } else {
                ImGui::TextDisabled("free");
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(f.used && f.referenced ? "1" : "0");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(f.used && f.dirty ? "1" : "0");
        }
    }
    ImGui::EndTable();
}

void draw_tlb(const VmPanelView& view) {
    if (view.tlb.empty()) return;
    ImGui::Text("TLB (%zu entries)", view.tlb.size());
    if (!ImGui::BeginTable("##tlb", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return;
    ImGui::TableSetupColumn("entry");
    ImGui::TableSetupColumn("page (vpn)");
    ImGui::TableSetupColumn("frame (pfn)");
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < view.tlb.size(); ++i) {
        const machine::TlbEntryView& e = view.tlb[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", i);
        ImGui::TableNextColumn();
        if (e.valid) {
            ImGui::TextUnformatted(hex_text(e.vpn));
        } else {
            ImGui::TextDisabled("invalid");
        }
        ImGui::TableNextColumn();
        if (e.valid) ImGui::Text("%u", e.pfn);
    }
    ImGui::EndTable();
}

// Which pages hold the bytes picked in the memory diagram, and where each one is now.
void draw_selected_pages(const machine::Snapshot& snapshot, const MemorySelection& picked, const Palette& palette) {
    const machine::ProcessView* process = current_process(snapshot);
    if (process == nullptr || !snapshot.vm || snapshot.vm->page_size == 0 || !picked.active()) return;
    const std::uint64_t page_size = snapshot.vm->page_size;
    std::string text = "Selected bytes:";
    const std::uint64_t first = picked.start / page_size, last = (picked.end - 1) / page_size;
    for (std::uint64_t vpn = first; vpn <= last && vpn < first + 4; ++vpn) {
        const auto page = std::find_if(process->pages.begin(), process->pages.end(), [&](const auto& p) { return p.vpn == vpn; });
        text += std::string(" page ") + hex_text(vpn);
        if (page == process->pages.end()) text += " (never touched)";
        else if (page->present) text += " in frame " + std::to_string(page->frame);
        else text += " (in " + page->where + ")";
        text += ";";
    }
    if (last >= first + 4) text += " ...";
    ImGui::PushStyleColor(ImGuiCol_Text, palette.current);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void draw_page_map(const machine::Snapshot& snapshot, PanelContext& context) {
    const Palette& palette = context.palette;
    if (context.selection != nullptr) draw_selected_pages(snapshot, *context.selection, palette);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = std::clamp(static_cast<int>(avail / (ImGui::GetFontSize() * 0.9f)), 8, 256);
    // Rebuilt only when the run, the step, the process or the width changes: a map may
    // hold 2^20 pages.
    static PageMap map;
    static std::uint64_t key_generation = ~0ull, key_step = ~0ull;
    static int key_columns = -1;
    static std::uint32_t key_process = ~0u;
    static std::uint64_t version = 0;
    if (key_generation != context.controller.generation() || key_step != snapshot.step || key_columns != columns ||
        key_process != snapshot.current_process) {
        map = make_page_map(snapshot, columns);
        key_generation = context.controller.generation();
        key_step = snapshot.step;
        key_columns = columns;
        key_process = snapshot.current_process;
        ++version;
    }
    ImGui::Text("Pages of process %u: %llu resident, %llu in swap", snapshot.current_process,
                static_cast<unsigned long long>(map.resident), static_cast<unsigned long long>(map.swapped));
    legend_item(palette.resident, "resident");
    legend_item(palette.not_resident, "not resident");
    legend_item(palette.swapped, "swapped out");
    legend_item(palette.guard, "guard page");
    legend_item(palette.cow, "copy-on-write");
    ImGui::NewLine();
    if (context.grids != nullptr && map.rows > 0) {
        std::array<ImU32, 16> colours{};
        colours.fill(palette.unmapped);
        colours[static_cast<std::size_t>(PageState::NotResident)] = palette.not_resident;
        colours[static_cast<std::size_t>(PageState::Resident)] = palette.resident;
        colours[static_cast<std::size_t>(PageState::Guard)] = palette.guard;
        colours[static_cast<std::size_t>(PageState::Swapped)] = palette.swapped;
        colours[static_cast<std::size_t>(PageState::Cow)] = palette.cow;
        const float cell = avail / static_cast<float>(map.columns);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const ImVec2 size(avail, std::min(cell * static_cast<float>(map.rows), ImGui::GetFontSize() * 6.0f));
        const CellGridView grid{.states = &map.cells, .columns = map.columns, .rows = map.rows, .version = version,
                                .highlight = -1, .palette = colours};
        context.grids->draw(1, grid, origin, ImVec2(origin.x + size.x, origin.y + size.y));
        ImGui::Dummy(size);
        note_item("vm.page_map");
    }
    if (ImGui::BeginTable("##regions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("region");
        ImGui::TableSetupColumn("start");
        ImGui::TableSetupColumn("pages");
        ImGui::TableSetupColumn("resident");
        ImGui::TableSetupColumn("in swap");
        ImGui::TableHeadersRow();
        for (const RegionSummary& r : map.regions) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(hex_text(r.start));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(r.pages));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(r.resident));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(r.swapped));
        }
        ImGui::EndTable();
    }
}

}  // namespace

namespace {

// A machine's paging in tabs, so each part fits the panel at 1366x768: the frames with
// the TLB, the translation of the last access, the page directory and tables, and the
// map of every page. A new run opens the tab the scenario names ([view] vm_tab).
void draw_machine_sections(const machine::Simulator& sim, const machine::Snapshot& snapshot, const VmPanelView& view,
                           PanelContext& context) {
    static std::uint64_t opened_generation = ~0ull;
    const bool fresh = opened_generation != context.controller.generation();
    opened_generation = context.controller.generation();
    const std::string& wanted = sim.scenario().view.vm_tab;
    const auto open_on = [&](const char* name) {
        return fresh && (wanted == name || (wanted.empty() && std::string_view(name) == "frames")) ? ImGuiTabItemFlags_SetSelected : 0;
    };
    static PageTablesView tables;
    static std::uint64_t tables_generation = ~0ull, tables_step = ~0ull;
    if (tables_generation != context.controller.generation() || tables_step != snapshot.step) {
        tables = make_page_tables_view(sim);
        tables_generation = context.controller.generation();
        tables_step = snapshot.step;
    }
    if (!ImGui::BeginTabBar("##vm-sections")) return;
    // Opens a tab and notes where its button is (the browser tests click it).
    const auto tab = [&](const char* label, const char* name) {
        const bool open = ImGui::BeginTabItem(label, nullptr, open_on(name));
        note_item(std::string("vm.tab.") + name);
        return open;
    };
    if (tab("Frames and TLB", "frames")) {
        draw_frames_table(view, context.palette, true);
        draw_tlb(view);
        ImGui::EndTabItem();
    }
    if (tab("Translation", "translation")) {
        // Once per step: it takes a snapshot (a page-table walk for swapped pages).
        static TranslationView translation;
        static std::uint64_t translation_generation = ~0ull, translation_step = ~0ull;
        if (translation_generation != context.controller.generation() || translation_step != snapshot.step) {
            translation = make_translation_view(sim);
            translation_generation = context.controller.generation();
            translation_step = snapshot.step;
        }
        draw_translation(translation, context);
        ImGui::EndTabItem();
    }
    if (tables.available && tab("Page tables", "tables")) {
        draw_page_tables(tables, context);
        ImGui::EndTabItem();
    }
    if (tab("Pages", "pages")) {
        draw_page_map(snapshot, context);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace

void draw_virtual_memory_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Virtual memory", rect, context.place)) {
        const machine::Snapshot& snapshot = context.controller.snapshot();
        const VmPanelView view = make_vm_view(snapshot);
        if (snapshot.ostep && !is_heap_problem(snapshot)) {
            draw_ostep_problem(*snapshot.ostep, context);
        } else if (!view.has_vm) {
            ImGui::TextWrapped("%s", context.controller.loaded() ? "This scenario does not use paging (a heap trace)."
                                                                 : "Load a scenario to see virtual memory.");
        } else {
            draw_vm_settings(view, context);
            draw_counters(view);
            const machine::Simulator* sim = context.controller.simulator();
            static ReferenceGrid grid;
            static std::uint64_t grid_generation = 0, grid_start = 0;
            // Rebuilt when the run changes or the current step leaves the window.
            const std::uint64_t start = sim ? reference_grid_window_start(snapshot.step, sim->total_steps()) : 0;
            if (sim != nullptr && (grid_generation != context.controller.generation() || grid_start != start)) {
                grid = make_reference_grid(*sim, snapshot.step);
                grid_generation = context.controller.generation();
                grid_start = start;
            }
            if (grid.available) {
                draw_reference_grid(grid, snapshot.step, context);
                draw_frames_table(view, context.palette, false);
                draw_tlb(view);
            } else if (sim != nullptr) {
                draw_machine_sections(*sim, snapshot, view, context);
            }
        }
    }
    ImGui::End();
}

}  // namespace memsim::ui
