#include "ui/panels/heap_panel.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>

#include "imgui.h"
#include "ui/percent.hpp"
#include "ui/panels/heap_block_table.hpp"
#include "ui/panels/heap_free_links.hpp"
#include "ui/panels/heap_glibc_bins.hpp"
#include "ui/panels/ostep_problem_view.hpp"
#include "ui/panels/settings_row.hpp"
#include "ui/widget_rects.hpp"
#include "ui/panels/version_cache.hpp"

namespace memsim::ui {

HeapView make_heap_view(const machine::Snapshot& snapshot, const std::string& allocator) {
    HeapView view;
    view.allocator = allocator;
    const machine::ProcessView* process = current_process(snapshot);
    if (process == nullptr) return view;
    view.has_heap = true;
    view.start = process->heap_start;
    view.end = process->brk;
    view.metrics = process->heap;
    view.free_lists = process->free_lists;
    view.glibc = process->glibc;
    for (const heap::BlockView& b : process->blocks) {
        const std::size_t index = view.blocks.size();
        HeapBlockRow row{.block = b, .name = {}, .leaked = false};
        for (const auto& [name, address] : snapshot.pointers) {
            if (b.allocated && address == b.payload) row.name = name;
        }
        if (process->program && b.allocated) {
            for (const machine::HeapObject& o : process->program->blocks) {
                if (o.payload != b.payload) continue;
                row.name = o.type;
                row.leaked = machine::is_lost(o.reach);
            }
        }
        if (process->glibc && !b.allocated && !b.mapped) row.name = glibc_chunk_label(*process->glibc, b.block);
        view.blocks.push_back(std::move(row));
        if (b.mapped) {
            view.mapped.push_back(index);
            continue;
        }
        const std::uint64_t end = b.block + b.size;
        if (!b.allocated) {
            view.segments.push_back({b.block, end, HeapPart::Free, index});
            continue;
        }
        const std::uint64_t payload_end = std::min(end, b.payload + b.requested);
        if (b.payload > b.block) view.segments.push_back({b.block, b.payload, HeapPart::Overhead, index});
        view.segments.push_back({b.payload, payload_end, HeapPart::Payload, index});
        if (payload_end < end) view.segments.push_back({payload_end, end, HeapPart::Overhead, index});
    }
    const heap::HeapMetrics& m = view.metrics;
    view.utilisation = m.heap_size ? static_cast<double>(m.live_payload) / static_cast<double>(m.heap_size) : 0.0;
    view.external_fragmentation =
        m.free_bytes ? 1.0 - static_cast<double>(m.largest_free) / static_cast<double>(m.free_bytes) : 0.0;
    const std::uint64_t live = m.live_payload + m.internal_fragmentation;
    view.internal_fragmentation = live ? static_cast<double>(m.internal_fragmentation) / static_cast<double>(live) : 0.0;
    return view;
}

std::vector<int> heap_bar_columns(const HeapView& view, int pixels) {
    const auto n = static_cast<std::size_t>(std::max(pixels, 1));
    std::vector<std::array<std::uint64_t, 3>> bytes(n, {0, 0, 0});
    const std::uint64_t span = std::max<std::uint64_t>(view.end - view.start, 1);
    for (const HeapSegment& s : view.segments) {
        // Spread the segment's bytes over the columns it covers.
        std::uint64_t at = s.start;
        while (at < s.end) {
            const auto column = static_cast<std::size_t>(static_cast<double>(at - view.start) / static_cast<double>(span) * static_cast<double>(n));
            const std::size_t c = std::min(column, n - 1);
            const auto column_end = view.start + static_cast<std::uint64_t>(std::ceil(static_cast<double>(c + 1) * static_cast<double>(span) / static_cast<double>(n)));
            const std::uint64_t until = std::min(s.end, std::max(column_end, at + 1));
            bytes[c][static_cast<std::size_t>(s.part)] += until - at;
            at = until;
        }
    }
    std::vector<int> columns(n, -1);
    for (std::size_t c = 0; c < n; ++c) {
        const auto& b = bytes[c];
        const std::size_t overhead = static_cast<std::size_t>(HeapPart::Overhead);
        const std::size_t payload = static_cast<std::size_t>(HeapPart::Payload);
        if (b[overhead] + b[payload] > 0) {
            columns[c] = static_cast<int>(b[payload] >= b[overhead] ? HeapPart::Payload : HeapPart::Overhead);
        } else if (b[static_cast<std::size_t>(HeapPart::Free)] > 0) {
            columns[c] = static_cast<int>(HeapPart::Free);
        }
    }
    return columns;
}

HeapBarScale make_bar_scale(const HeapView& view, float width, float min_pixels) {
    HeapBarScale scale;
    scale.end = std::max(view.end, view.start + 1);
    // Pieces: every brk block, and any gap between them, in address order.
    std::vector<std::uint64_t> sizes;
    std::uint64_t at = view.start;
    for (const HeapSegment& s : view.segments) {
        if (s.start != view.blocks[s.block].block.block) continue;  // a block's first segment only
        const std::uint64_t block_end = s.start + view.blocks[s.block].block.size;
        if (s.start > at) {
            scale.starts.push_back(at);
            sizes.push_back(s.start - at);
        }
        scale.starts.push_back(s.start);
        sizes.push_back(block_end - s.start);
        at = block_end;
    }
    if (at < scale.end) {
        scale.starts.push_back(at);
        sizes.push_back(scale.end - at);
    }
    const double span = static_cast<double>(scale.end - view.start);
    std::vector<float> widths(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) widths[i] = static_cast<float>(static_cast<double>(sizes[i]) / span * width);
    const bool room = static_cast<float>(sizes.size()) * min_pixels < width * 0.5f;
    if (room && std::any_of(widths.begin(), widths.end(), [&](float w) { return w < min_pixels; })) {
        scale.to_scale = false;
        // Small pieces get the minimum; the others share what is left by size (a few rounds,
        // as shrinking the large ones can make another one small).
        std::vector<bool> fixed(sizes.size(), false);
        for (int round = 0; round < 4; ++round) {
            float fixed_width = 0;
            double free_bytes = 0;
            for (std::size_t i = 0; i < sizes.size(); ++i) {
                if (fixed[i]) fixed_width += min_pixels;
                else free_bytes += static_cast<double>(sizes[i]);
            }
            bool changed = false;
            for (std::size_t i = 0; i < sizes.size(); ++i) {
                widths[i] = fixed[i] ? min_pixels
                                     : static_cast<float>(static_cast<double>(sizes[i]) / std::max(free_bytes, 1.0) *
                                                          static_cast<double>(width - fixed_width));
                if (!fixed[i] && widths[i] < min_pixels) changed = fixed[i] = true;
            }
            if (!changed) break;
        }
    }
    float x = 0;
    for (float w : widths) {
        scale.xs.push_back(x);
        x += w;
    }
    scale.xs.push_back(x);
    return scale;
}

float HeapBarScale::x_of(std::uint64_t address) const {
    if (starts.empty()) return 0;
    const auto it = std::upper_bound(starts.begin(), starts.end(), address);
    const std::size_t i = it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin() - 1);
    const std::uint64_t piece_end = i + 1 < starts.size() ? starts[i + 1] : end;
    const double into = static_cast<double>(std::min(address, piece_end) - std::min(address, starts[i])) /
                        static_cast<double>(std::max<std::uint64_t>(piece_end - starts[i], 1));
    return xs[i] + static_cast<float>(into) * (xs[i + 1] - xs[i]);
}

std::uint64_t HeapBarScale::address_of(float x) const {
    if (starts.empty()) return end;
    const auto it = std::upper_bound(xs.begin(), xs.end() - 1, x);
    const std::size_t i = it == xs.begin() ? 0 : static_cast<std::size_t>(it - xs.begin() - 1);
    const std::uint64_t piece_end = i + 1 < starts.size() ? starts[i + 1] : end;
    const float w = std::max(xs[i + 1] - xs[i], 0.001f);
    const double into = std::clamp(static_cast<double>((x - xs[i]) / w), 0.0, 1.0);
    return starts[i] + static_cast<std::uint64_t>(into * static_cast<double>(piece_end - starts[i]));
}

std::string scenario_allocator(const Controller& controller) {
    const auto* sim = controller.simulator();
    if (sim == nullptr || !sim->scenario().front_matter) return {};
    const toml::table& table = *sim->scenario().front_matter;
    return table["heap"]["allocator"].value_or(std::string("implicit-first"));
}

ImU32 part_colour(HeapPart part, bool mapped, const Palette& palette) {
    if (mapped) return palette.mapped;
    switch (part) {
        case HeapPart::Payload: return palette.payload;
        case HeapPart::Overhead: return palette.overhead;
        case HeapPart::Free: return palette.free;
    }
    return palette.free;
}

namespace {

// The free-list links of `view`, rebuilt when `version` changes (a map over the free blocks).
const FreeLinks& cached_free_links(const HeapView& view, std::uint64_t version) {
    return cached_for_version<FreeLinks>(version, [&] { return make_free_links(view); });
}

// `version` changes whenever `view` does. A crowded bar goes through `grids` when there is one.
void draw_bar(const HeapView& view, std::uint64_t version, const Palette& palette, GridRenderer* grids,
              const MemorySelection* selection) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetTextLineHeight() * 2.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), palette.unmapped);
    const bool crowded = static_cast<float>(view.segments.size()) > w;
    const double span = static_cast<double>(std::max<std::uint64_t>(view.end - view.start, 1));
    const HeapBarScale scale = crowded ? HeapBarScale{} : make_bar_scale(view, w, ImGui::GetTextLineHeight() * 0.4f);
    const auto x_of = [&](std::uint64_t a) { return p.x + scale.x_of(a); };
    const HeapSegment* hovered = nullptr;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (mouse.x >= p.x && mouse.x < p.x + w && mouse.y >= p.y && mouse.y < p.y + h) {
        // The segment under the mouse by binary search: a heap may hold 100,000 blocks.
        const auto address = crowded ? view.start + static_cast<std::uint64_t>(static_cast<double>(mouse.x - p.x) / static_cast<double>(w) * span)
                                     : scale.address_of(mouse.x - p.x);
        const auto it = std::upper_bound(view.segments.begin(), view.segments.end(), address,
                                         [](std::uint64_t a, const HeapSegment& s) { return a < s.start; });
        if (it != view.segments.begin() && address < std::prev(it)->end) hovered = &*std::prev(it);
    }
    if (crowded) {
        // More pieces than pixels: one rectangle per pixel column, whatever the block count,
        // recomputed only when the heap or the bar's width changes.
        static std::vector<int> columns;
        static std::vector<std::uint8_t> cells;  // the columns as cell states: 0 none, 1 + HeapPart
        static std::uint64_t shown_version = ~0ull, cells_version = 0;
        if (shown_version != version || columns.size() != static_cast<std::size_t>(std::max(static_cast<int>(w), 1))) {
            columns = heap_bar_columns(view, static_cast<int>(w));
            shown_version = version;
            cells.assign(columns.size(), 0);
            for (std::size_t c = 0; c < columns.size(); ++c) cells[c] = static_cast<std::uint8_t>(columns[c] + 1);
            ++cells_version;
        }
        if (grids != nullptr) {
            // One texture row drawn by the cell-grid shader: one draw call for any block count.
            std::array<ImU32, 16> colours{};
            colours.fill(palette.unmapped);
            for (const HeapPart part : {HeapPart::Overhead, HeapPart::Payload, HeapPart::Free}) {
                colours[static_cast<std::size_t>(part) + 1] = part_colour(part, false, palette);
            }
            const CellGridView grid{.states = &cells, .columns = static_cast<int>(cells.size()), .rows = 1,
                                    .version = cells_version, .highlight = -1, .palette = colours};
            grids->draw(2, grid, p, ImVec2(p.x + static_cast<float>(cells.size()), p.y + h));
        }
        for (std::size_t c = 0; grids == nullptr && c < columns.size(); ++c) {
            if (columns[c] < 0) continue;
            const float x0 = p.x + static_cast<float>(c);
            draw->AddRectFilled(ImVec2(x0, p.y), ImVec2(x0 + 1.0f, p.y + h),
                                part_colour(static_cast<HeapPart>(columns[c]), false, palette));
        }
    } else {
        for (const HeapSegment& s : view.segments) {
            const float x0 = x_of(s.start), x1 = std::max(x_of(s.end), x0 + 1.0f);
            draw->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1, p.y + h), part_colour(s.part, false, palette));
            // Block boundaries, so neighbouring blocks of one kind stay apart.
            if (s.start == view.blocks[s.block].block.block) {
                draw->AddLine(ImVec2(x0, p.y), ImVec2(x0, p.y + h), palette.outline, 1.5f);
            }
        }
        // Leaked blocks (nothing points to them) and the diagram's pick, outlined.
        for (const HeapBlockRow& row : view.blocks) {
            const heap::BlockView& b = row.block;
            if (b.mapped) continue;
            const bool picked = selection && b.allocated && selection->overlaps(b.payload, b.requested);
            if (!row.leaked && !picked) continue;
            const float x0 = x_of(b.block), x1 = std::max(x_of(b.block + b.size), x0 + 2.0f);
            draw->AddRect(ImVec2(x0, p.y - 2), ImVec2(x1, p.y + h + 2), picked ? palette.current : palette.guard, 0, 0, 2.5f);
        }
    }
    draw->AddRect(p, ImVec2(p.x + w, p.y + h), palette.outline);
    ImGui::Dummy(ImVec2(w, h));
    const std::function<float(std::uint64_t)> placed = crowded ? std::function<float(std::uint64_t)>{}
                                                               : [&scale](std::uint64_t a) { return scale.x_of(a); };
    draw_free_links(cached_free_links(view, version), view.start, view.end, p, w, h, palette, 256, placed);
    ImGui::TextDisabled("%s", hex_text(view.start));
    ImGui::SameLine(std::max(0.0f, w - ImGui::CalcTextSize(hex_text(view.end)).x));
    ImGui::TextDisabled("%s", hex_text(view.end));
    if (!scale.to_scale) {
        ImGui::TextDisabled("not to scale: small blocks are widened");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Blocks too small to see at this width are drawn a few pixels wide.");
    }
    if (hovered != nullptr) block_tooltip(view.blocks[hovered->block]);
}

void gauge(const char* label, double fraction, float width, const char* tip) {
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, "%s %s", label, percent_text(fraction).c_str());
    ImGui::ProgressBar(static_cast<float>(fraction), ImVec2(width, 0), overlay);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    note_item(std::string("heap.gauge.") + label);
}

}  // namespace

void draw_heap_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Heap", rect, context.place)) {
        // Rebuilt when the run or the step changes (a heap may hold 100,000 blocks).
        static HeapView view;
        static GlibcBinsView bins;
        static std::uint64_t key_generation = ~0ull, key_step = ~0ull, version = 0;
        if (key_generation != context.controller.generation() || key_step != context.controller.step()) {
            view = make_heap_view(context.controller.snapshot(), scenario_allocator(context.controller));
            bins = view.glibc ? make_glibc_bins_view(*view.glibc) : GlibcBinsView{};
            key_generation = context.controller.generation();
            key_step = context.controller.step();
            ++version;
        }
        const Palette& palette = context.palette;
        if (is_heap_problem(context.controller.snapshot())) {
            draw_ostep_problem(*context.controller.snapshot().ostep, context);
        } else if (!view.has_heap) {
            ImGui::TextWrapped("%s", context.controller.loaded() ? "This scenario has no heap (it is a paging trace)."
                                                                 : "Load a scenario to see the heap.");
        } else {
            const heap::HeapMetrics& m = view.metrics;
            draw_heap_settings(view.allocator, context);
            char totals[128];
            std::snprintf(totals, sizeof totals, "heap %llu bytes   %llu live blocks   %llu free",
                          static_cast<unsigned long long>(m.heap_size), static_cast<unsigned long long>(m.live_blocks),
                          static_cast<unsigned long long>(m.free_blocks));
            // Beside the allocator where it fits on one line, else under it (not wrapped word by word).
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(totals).x) ImGui::NewLine();
            ImGui::TextWrapped("%s", totals);
            legend_item(palette.payload, "payload");
            legend_item(palette.overhead, "header/padding");
            legend_item(palette.free, "free");
            legend_item(palette.mapped, "mmap");
            ImGui::NewLine();
            if (view.end > view.start) {
                draw_bar(view, version, palette, context.grids, context.selection);
            } else {
                ImGui::TextDisabled("The brk heap is empty: nothing allocated yet.");
            }
            // Three gauges side by side, else two and one (a narrow column: the rows saved go to
            // the block table), else one under another, so no label ("external frag. 100%") clips.
            const float row = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.x;
            const float label = ImGui::CalcTextSize("external frag. 100%").x + ImGui::GetStyle().FramePadding.x * 2.0f;
            const float third = (row - spacing * 2.0f) / 3.0f, half = (row - spacing) / 2.0f;
            const int per_row = third >= label ? 3 : half >= label ? 2 : 1;
            const float width = per_row == 3 ? third : per_row == 2 ? half : row;
            gauge("used", view.utilisation, width, "Utilisation: bytes the program asked for, over the heap's size");
            if (per_row > 1) ImGui::SameLine();
            gauge("external frag.", view.external_fragmentation, width,
                  "External fragmentation: 1 - largest free block / all free bytes");
            if (per_row > 2) ImGui::SameLine();
            gauge("internal frag.", view.internal_fragmentation, per_row == 2 ? row : width,
                  "Internal fragmentation: headers and padding in live blocks");
            if (!view.free_lists.empty()) {
                const FreeLinks& links = cached_free_links(view, version);
                ImGui::TextWrapped("free list%s (%zu blocks, search order): %s", links.lists > 1 ? "s" : "", links.blocks,
                                   links.text.c_str());
            }
            if (view.glibc) draw_glibc_bins(bins, ImGui::GetContentRegionAvail().y * 0.5f);
            ImGui::TextWrapped("mallocs %llu  frees %llu  failures %llu  errors %llu  brk %llu", static_cast<unsigned long long>(m.mallocs),
                        static_cast<unsigned long long>(m.frees), static_cast<unsigned long long>(m.failures),
                        static_cast<unsigned long long>(m.errors), static_cast<unsigned long long>(m.brk_calls));
            draw_block_table(view, version, palette);
        }
    }
    ImGui::End();
}

}  // namespace memsim::ui
