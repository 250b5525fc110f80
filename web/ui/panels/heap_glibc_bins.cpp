#include "ui/panels/heap_glibc_bins.hpp"

#include <algorithm>

#include "imgui.h"
#include "memsim/core/text.hpp"

namespace memsim::ui {

namespace {

std::string bytes(std::uint64_t n) {
    if (n >= 1024 && n % 1024 == 0) return std::to_string(n / 1024) + " KiB";
    return std::to_string(n) + " bytes";
}

std::string bin_name(const heap::GlibcBinView& b) {
    switch (b.kind) {
        case heap::GlibcBinKind::Tcache: return "tcache " + std::to_string(b.index);
        case heap::GlibcBinKind::Fastbin: return "fastbin " + std::to_string(b.index);
        case heap::GlibcBinKind::Unsorted: return "unsorted";
        case heap::GlibcBinKind::Small: return "small " + std::to_string(b.index);
        case heap::GlibcBinKind::Large: return "large " + std::to_string(b.index);
    }
    return "?";
}

std::string sizes(const heap::GlibcBinView& b) {
    if (b.kind == heap::GlibcBinKind::Unsorted) return "any";
    if (b.min_size == b.max_size) return hex(b.min_size);
    if (b.max_size == ~0ull) return std::to_string(b.min_size) + "+";
    return std::to_string(b.min_size) + "-" + std::to_string(b.max_size);
}

}  // namespace

std::string glibc_chunk_label(const heap::GlibcArenaView& a, std::uint64_t chunk) {
    if (chunk == a.tcache_struct) return "glibc's tcache struct";
    if (chunk == a.top) return "top chunk";
    for (const auto& b : a.bins)
        for (std::uint64_t c : b.chunks)
            if (c == chunk) return "in " + bin_name(b);
    return {};
}

GlibcBinsView make_glibc_bins_view(const heap::GlibcArenaView& a, std::size_t max_chunks) {
    GlibcBinsView view;
    view.summary = a.top ? "top " + hex(a.top) + " (" + std::to_string(a.top_size) + " bytes)" : "no top yet";
    view.summary += "   brk " + hex(a.brk) + "   mmap threshold " + bytes(a.mmap_threshold) + "   trim threshold " +
                    bytes(a.trim_threshold);
    if (a.last_remainder) view.summary += "   last remainder " + hex(a.last_remainder);
    if (a.mappings) view.summary += "   " + std::to_string(a.mappings) + " mmapped chunk" + (a.mappings == 1 ? "" : "s");
    if (a.tcache_struct) view.summary += "   tcache struct " + hex(a.tcache_struct);
    for (const auto& b : a.bins) {
        GlibcBinRow row{.bin = bin_name(b), .sizes = sizes(b), .count = b.chunks.size(), .chunks = {}};
        const std::size_t shown = std::min(b.chunks.size(), max_chunks);
        for (std::size_t i = 0; i < shown; ++i) row.chunks += (i ? " -> " : "") + hex(b.chunks[i]);
        if (shown < b.chunks.size()) row.chunks += " ... (+" + std::to_string(b.chunks.size() - shown) + ")";
        view.rows.push_back(std::move(row));
    }
    return view;
}

void draw_glibc_bins(const GlibcBinsView& view, float max_height) {
    ImGui::TextWrapped("%s", view.summary.c_str());
    if (view.rows.empty()) {
        ImGui::TextDisabled("Every bin is empty: free chunks would be listed here, tcache first.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    const float rows_height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(view.rows.size() + 1) + 4.0f;
    if (!ImGui::BeginTable("##glibc-bins", 4, flags, ImVec2(0, std::min(rows_height, max_height)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("bin", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("sizes", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthStretch, 0.4f);
    ImGui::TableSetupColumn("chunks (list order)", ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableHeadersRow();
    for (const auto& row : view.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.bin.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.sizes.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%zu", row.count);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.chunks.c_str());
    }
    ImGui::EndTable();
}

}  // namespace memsim::ui
