#include "ui/panels/heap_block_table.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/widget_rects.hpp"
#include "ui/panels/version_cache.hpp"

namespace memsim::ui {
namespace {

// The longest text of each column over every block: with digits of one width, the
// longest is the widest (within a pixel or two, which the table's spare room absorbs).
struct LongestTexts {
    std::string block, size, payload, asked, state;
};

void keep_longer(std::string& longest, std::string text) {
    if (text.size() > longest.size()) longest = std::move(text);
}

LongestTexts longest_texts(const HeapView& view) {
    LongestTexts longest;
    for (const HeapBlockRow& row : view.blocks) {
        const heap::BlockView& b = row.block;
        keep_longer(longest.block, hex_text(b.block));
        keep_longer(longest.size, std::to_string(b.size));
        keep_longer(longest.payload, b.allocated ? hex_text(b.payload) : "-");
        keep_longer(longest.asked, std::to_string(b.requested));
        keep_longer(longest.state, block_state_text(row));
    }
    return longest;
}

const LongestTexts& cached_longest_texts(const HeapView& view, std::uint64_t version) {
    return cached_for_version<LongestTexts>(version, [&] { return longest_texts(view); });
}

float text_width(const char* header, const std::string& text) {
    return std::max(ImGui::CalcTextSize(header).x, ImGui::CalcTextSize(text.c_str()).x);
}

}  // namespace

BlockColumns choose_block_columns(const BlockColumnWidths& widths, float cell_padding, float available) {
    const float all = widths.block + widths.size + widths.payload + widths.asked + widths.state + cell_padding * 5.0f;
    if (all <= available) return BlockColumns::All;
    const float three = widths.block + widths.size + widths.state + cell_padding * 3.0f;
    return three <= available ? BlockColumns::NoPayload : BlockColumns::NoPayloadScrolling;
}

std::string block_state_text(const HeapBlockRow& row) {
    const heap::BlockView& b = row.block;
    std::string text = row.leaked ? "LEAKED" : b.allocated ? "allocated" : "free";
    if (b.mapped) text += " (mmap)";
    if (!row.name.empty()) text += " " + row.name;
    return text;
}

void block_tooltip(const HeapBlockRow& row) {
    const heap::BlockView& b = row.block;
    ImGui::BeginTooltip();
    ImGui::Text("%s block%s%s", b.allocated ? "allocated" : "free", row.name.empty() ? "" : " ", row.name.c_str());
    ImGui::Text("block %s, %llu bytes", hex_text(b.block), static_cast<unsigned long long>(b.size));
    if (b.allocated) {
        ImGui::Text("payload %s, %llu bytes asked for", hex_text(b.payload), static_cast<unsigned long long>(b.requested));
        ImGui::Text("overhead (header, padding): %llu bytes", static_cast<unsigned long long>(b.size - b.requested));
    }
    if (b.mapped) ImGui::TextUnformatted("in its own mmap region");
    ImGui::EndTooltip();
}

void draw_block_table(const HeapView& view, std::uint64_t version, const Palette& palette) {
    const LongestTexts& longest = cached_longest_texts(view, version);
    const BlockColumnWidths widths{.block = text_width("block", longest.block),
                                   .size = text_width("size", longest.size),
                                   .payload = text_width("payload", longest.payload),
                                   .asked = text_width("asked", longest.asked),
                                   .state = text_width("state", longest.state)};
    const ImGuiStyle& style = ImGui::GetStyle();
    // A cell's padding on both sides and the border between columns; the room a vertical
    // scrollbar would take is kept free.
    const BlockColumns columns = choose_block_columns(widths, style.CellPadding.x * 2.0f + 1.0f,
                                                      ImGui::GetContentRegionAvail().x - style.ScrollbarSize);
    const bool all = columns == BlockColumns::All, scrolling = columns == BlockColumns::NoPayloadScrolling;
    if (!all) ImGui::TextDisabled("payload and bytes asked: hover a block");
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
    if (scrolling) flags |= ImGuiTableFlags_ScrollX;
    // At least the header and five rows: where the panel has less room left, the table keeps
    // that height and the panel scrolls, rather than show a table two rows tall.
    const float row_height = ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0f;
    const float height = std::max(ImGui::GetContentRegionAvail().y, row_height * 6.0f + (scrolling ? style.ScrollbarSize : 0.0f));
    if (!ImGui::BeginTable("##blocks", all ? 5 : 3, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Stretch weights in proportion to each column's widest text: where the texts fit
    // together, every column gets at least its own text's width.
    const ImGuiTableColumnFlags sizing = scrolling ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
    ImGui::TableSetupColumn("block", sizing, widths.block);
    ImGui::TableSetupColumn("size", sizing, widths.size);
    if (all) {
        ImGui::TableSetupColumn("payload", sizing, widths.payload);
        ImGui::TableSetupColumn("asked", sizing, widths.asked);
    }
    ImGui::TableSetupColumn("state", sizing, widths.state);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.blocks.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const HeapBlockRow& row = view.blocks[static_cast<std::size_t>(i)];
            const heap::BlockView& b = row.block;
            int column = 0;
            const auto cell = [&](const std::string& text) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(text.c_str());
                if (ImGui::IsItemHovered()) block_tooltip(row);
                // The first rows' cells, for tests that no text runs past its column.
                if (i < 4) note_item("heap.cell." + std::to_string(i) + "." + std::to_string(column++));
            };
            ImGui::TableNextRow();
            cell(hex_text(b.block));
            cell(std::to_string(b.size));
            if (all) {
                cell(b.allocated ? hex_text(b.payload) : "-");
                cell(std::to_string(b.requested));
            }
            ImGui::PushStyleColor(ImGuiCol_Text, part_colour(b.allocated ? HeapPart::Payload : HeapPart::Free, b.mapped, palette));
            cell(block_state_text(row));
            ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
    note_item("heap.blocks");
}

}  // namespace memsim::ui
