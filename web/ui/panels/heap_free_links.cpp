#include "ui/panels/heap_free_links.hpp"

#include <algorithm>
#include <map>

#include "ui/panels/heap_panel.hpp"

namespace memsim::ui {

FreeLinks make_free_links(const HeapView& view, std::size_t max_text) {
    FreeLinks out;
    std::map<std::uint64_t, std::uint64_t> size_of;  // block address -> size
    for (const HeapBlockRow& row : view.blocks) {
        if (!row.block.allocated) size_of[row.block.block] = row.block.size;
    }
    const auto end_of = [&](std::uint64_t block) {
        const auto it = size_of.find(block);
        return block + (it == size_of.end() ? 0 : it->second);
    };
    out.lists = view.free_lists.size();
    for (std::size_t l = 0; l < view.free_lists.size(); ++l) {
        const std::vector<std::uint64_t>& list = view.free_lists[l];
        out.blocks += list.size();
        for (std::size_t i = 0; i + 1 < list.size(); ++i) {
            out.links.push_back({list[i], list[i + 1], end_of(list[i]), end_of(list[i + 1]), l});
        }
    }
    // Each list's blocks in order, lists apart by "; " (segregated classes, buddy orders),
    // until max_text blocks are written.
    std::size_t written = 0;
    for (const std::vector<std::uint64_t>& list : view.free_lists) {
        if (written >= max_text) {
            out.text += "; ...";
            break;
        }
        if (!out.text.empty()) out.text += "; ";
        std::size_t i = 0;
        for (; i < list.size() && written < max_text; ++i, ++written) {
            out.text += (i ? " -> " : "") + std::string(hex_text(list[i])) + " (" + std::to_string(end_of(list[i]) - list[i]) + ")";
        }
        if (i < list.size()) out.text += " -> ... (" + std::to_string(list.size()) + " blocks)";
    }
    return out;
}

void draw_free_links(const FreeLinks& links, std::uint64_t start, std::uint64_t end, ImVec2 bar_min, float width,
                     float height, const Palette& palette, std::size_t max_links,
                     const std::function<float(std::uint64_t)>& x_of) {
    if (links.links.empty() || links.links.size() > max_links || end <= start) return;
    const float depth = ImGui::GetTextLineHeight() * 1.4f;
    const double span = static_cast<double>(end - start);
    const auto x_mid = [&](std::uint64_t a, std::uint64_t b) {
        if (x_of) return bar_min.x + (x_of(a) + x_of(b)) * 0.5f;
        const double mid = (static_cast<double>(a - start) + static_cast<double>(b - start)) * 0.5;
        return bar_min.x + static_cast<float>(mid / span * static_cast<double>(width));
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float base = bar_min.y + height;
    for (const FreeLink& link : links.links) {
        const float x0 = x_mid(link.from, link.from_end);
        const float x1 = x_mid(link.to, link.to_end);
        // Longer links dip deeper, so nested arcs stay apart.
        const float dip = depth * std::clamp(std::abs(x1 - x0) / std::max(width, 1.0f) * 2.0f + 0.35f, 0.35f, 1.0f);
        const ImU32 colour = link.list % 2 == 0 ? palette.pointer : palette.current;
        draw->AddBezierCubic(ImVec2(x0, base), ImVec2(x0, base + dip), ImVec2(x1, base + dip), ImVec2(x1, base), colour, 2.0f);
        // The arrowhead points up into the next block.
        draw->AddTriangleFilled(ImVec2(x1, base), ImVec2(x1 - 4, base + 7), ImVec2(x1 + 4, base + 7), colour);
    }
    ImGui::Dummy(ImVec2(width, depth));
}

}  // namespace memsim::ui
