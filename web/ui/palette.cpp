#include "ui/palette.hpp"

namespace memsim::ui {

const Palette& palette_for(Theme theme) {
    static const Palette dark{
        .payload = IM_COL32(0, 114, 178, 255),   .overhead = IM_COL32(86, 180, 233, 255),
        .free = IM_COL32(0, 158, 115, 255),      .mapped = IM_COL32(204, 121, 167, 255),
        .resident = IM_COL32(0, 158, 115, 255),  .not_resident = IM_COL32(86, 180, 233, 255),
        .swapped = IM_COL32(204, 121, 167, 255),
        .cow = IM_COL32(0, 114, 178, 255),
        .unmapped = IM_COL32(58, 62, 70, 255),   .guard = IM_COL32(213, 94, 0, 255),
        .current = IM_COL32(230, 159, 0, 255),   .pointer = IM_COL32(240, 228, 66, 255),
        .outline = IM_COL32(20, 20, 24, 255),
        .muted = IM_COL32(150, 156, 166, 255)};
    static const Palette light{
        .payload = IM_COL32(0, 114, 178, 255),   .overhead = IM_COL32(86, 180, 233, 255),
        .free = IM_COL32(0, 158, 115, 255),      .mapped = IM_COL32(204, 121, 167, 255),
        .resident = IM_COL32(0, 158, 115, 255),  .not_resident = IM_COL32(86, 180, 233, 255),
        .swapped = IM_COL32(204, 121, 167, 255),
        .cow = IM_COL32(0, 114, 178, 255),
        .unmapped = IM_COL32(215, 218, 224, 255), .guard = IM_COL32(213, 94, 0, 255),
        .current = IM_COL32(230, 159, 0, 255),   .pointer = IM_COL32(180, 110, 0, 255),
        .outline = IM_COL32(90, 90, 100, 255),
        .muted = IM_COL32(100, 104, 112, 255)};
    return theme == Theme::Dark ? dark : light;
}

ImU32 readable_text(ImU32 fill) {
    const float r = static_cast<float>((fill >> IM_COL32_R_SHIFT) & 0xFFu) / 255.0f;
    const float g = static_cast<float>((fill >> IM_COL32_G_SHIFT) & 0xFFu) / 255.0f;
    const float b = static_cast<float>((fill >> IM_COL32_B_SHIFT) & 0xFFu) / 255.0f;
    const float luminance = 0.2126f * r + 0.7152f * g + 0.0722f * b;
    return luminance > 0.5f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

void legend_item(ImU32 colour, const char* label) {
    const float box = ImGui::GetTextLineHeight() * 0.8f;
    // A legend wraps item by item in a narrow panel rather than running past its edge.
    const float width = box + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    const bool line_start = ImGui::GetCursorPosX() <= ImGui::GetStyle().WindowPadding.x + 1.0f;
    if (!line_start && ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float pad = (ImGui::GetTextLineHeight() - box) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + pad), ImVec2(p.x + box, p.y + pad + box), colour, 2.0f);
    ImGui::Dummy(ImVec2(box, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
}

}  // namespace memsim::ui
