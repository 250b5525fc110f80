#include "ui/panels/diagram_panel.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/widget_rects.hpp"

namespace memsim::ui {
namespace {

using machine::PointerTarget;

bool dangling(PointerTarget t) { return t == PointerTarget::Freed || t == PointerTarget::Popped || t == PointerTarget::Wild; }

// A dashed polyline: ImGui draws only solid ones.
void dashed_polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 colour, float thickness, float dash) {
    bool on = true;
    float left = dash;
    for (std::size_t i = 1; i < points.size(); ++i) {
        ImVec2 a = points[i - 1];
        const ImVec2 b = points[i];
        float length = std::hypot(b.x - a.x, b.y - a.y);
        while (length > 0.0f) {
            const float step = std::min(left, length);
            const ImVec2 c(a.x + (b.x - a.x) * step / length, a.y + (b.y - a.y) * step / length);
            if (on) draw->AddLine(a, c, colour, thickness);
            length -= step;
            left -= step;
            a = c;
            if (left <= 0.0f) {
                on = !on;
                left = dash;
            }
        }
    }
}

void dashed_rect(ImDrawList* draw, ImVec2 lo, ImVec2 hi, ImU32 colour, float thickness) {
    dashed_polyline(draw, {lo, ImVec2(hi.x, lo.y), hi, ImVec2(lo.x, hi.y), lo}, colour, thickness, 6.0f);
}

ImU32 box_fill(const DiagramBox& box, const Palette& palette) {
    switch (box.kind) {
        case DiagramBoxKind::Frame: return with_alpha(box.newest ? palette.current : palette.resident, 0x38);
        case DiagramBoxKind::Heap: return with_alpha(palette.payload, 0x40);
        case DiagramBoxKind::Globals: return with_alpha(palette.overhead, 0x30);
        case DiagramBoxKind::Strings: return with_alpha(palette.unmapped, 0x40);
    }
    return palette.unmapped;
}

void draw_box(const DiagramBox& box, ImVec2 origin, const DiagramMetrics& m, const Palette& palette, const Fonts& fonts, bool selected) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 lo(origin.x + box.x, origin.y + box.y), hi(lo.x + box.width, lo.y + box.height);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    draw->AddRectFilled(lo, hi, box_fill(box, palette), 3.0f);
    draw->AddRectFilled(lo, ImVec2(hi.x, lo.y + m.line_height + m.padding * 0.5f), with_alpha(box_fill(box, palette), 0x70), 3.0f);
    if (box.leaked) {
        dashed_rect(draw, ImVec2(lo.x - 2, lo.y - 2), ImVec2(hi.x + 2, hi.y + 2), palette.guard, 2.5f);
    } else {
        draw->AddRect(lo, hi, palette.outline, 3.0f);
    }
    if (selected) draw->AddRect(ImVec2(lo.x - 4, lo.y - 4), ImVec2(hi.x + 4, hi.y + 4), palette.current, 3.0f, 0, 2.0f);
    draw->PushClipRect(lo, hi, true);
    ImGui::PushFont(fonts.mono);
    std::string title = box.title;
    if (!box.type.empty()) title += "  " + box.type;
    if (box.leaked) title += "  LEAKED";
    draw->AddText(ImVec2(lo.x + m.padding, lo.y + m.padding * 0.25f), box.leaked ? palette.guard : text, title.c_str());
    for (const DiagramRow& row : box.rows) {
        const float y = lo.y + row.y;
        const float name_x = lo.x + m.padding + static_cast<float>(row.depth) * 2.0f * m.char_width;
        draw->AddText(ImVec2(name_x, y), row.value.empty() ? palette.muted : text, row.name.c_str());
        const float right = hi.x - m.padding;
        if (row.pointer) {
            draw->AddCircleFilled(ImVec2(right - 4.0f, y + m.line_height * 0.5f), 3.5f, palette.pointer);
        } else if (row.null) {
            // A crossed slot, as textbooks draw NULL.
            const ImVec2 a(right - 12.0f, y + 3.0f), b(right, y + m.line_height - 3.0f);
            draw->AddRect(a, b, palette.muted);
            draw->AddLine(a, b, palette.muted);
            draw->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, a.y), palette.muted);
        }
        if (!row.pointer) {
            const float reserve = row.null ? 16.0f : 0.0f;
            const float w = ImGui::CalcTextSize(row.value.c_str()).x;
            draw->AddText(ImVec2(right - reserve - w, y), row.initialized ? text : palette.muted, row.value.c_str());
        }
    }
    ImGui::PopFont();
    draw->PopClipRect();
}

void draw_arrow(const DiagramArrow& arrow, ImVec2 origin, const Palette& palette, bool selected) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::vector<ImVec2> points;
    for (const auto& [x, y] : diagram_arrow_route(arrow, 20)) points.emplace_back(origin.x + x, origin.y + y);
    const bool bad = dangling(arrow.target);
    const ImU32 colour = selected ? palette.current : bad ? palette.guard : palette.pointer;
    const float thickness = selected ? 2.5f : 1.6f;
    if (bad) {
        dashed_polyline(draw, points, colour, thickness, 5.0f);
    } else {
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, thickness);
    }
    // The arrowhead, along the curve's last piece.
    const ImVec2 tip = points.back(), before = points[points.size() - 2];
    const float dx = tip.x - before.x, dy = tip.y - before.y, length = std::max(std::hypot(dx, dy), 0.001f);
    const float ux = dx / length, uy = dy / length;
    draw->AddTriangleFilled(tip, ImVec2(tip.x - ux * 9 - uy * 4.5f, tip.y - uy * 9 + ux * 4.5f),
                            ImVec2(tip.x - ux * 9 + uy * 4.5f, tip.y - uy * 9 - ux * 4.5f), colour);
    if (!arrow.label.empty()) draw->AddText(ImVec2(tip.x + 4, tip.y - ImGui::GetTextLineHeight() * 0.5f), colour, arrow.label.c_str());
}

void legend(const Palette& palette) {
    legend_item(with_alpha(palette.current, 0x90), "running frame");
    legend_item(with_alpha(palette.payload, 0x90), "heap block");
    legend_item(palette.guard, "leaked / dangling (dashed)");
}

constexpr float min_zoom = 0.5f, max_zoom = 2.5f, zoom_step = 1.25f;

float clamped_zoom(float zoom) { return std::clamp(zoom, min_zoom, max_zoom); }

// "-  100%  +" at the end of the legend line: the diagram's own zoom (Ctrl+wheel too), for
// a big structure on a small screen or a projector.
void zoom_buttons(float& zoom) {
    ImGui::SameLine();
    if (ImGui::SmallButton("-")) zoom = clamped_zoom(zoom / zoom_step);
    note_item("diagram.zoom_out");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom out (Ctrl+wheel)");
    ImGui::SameLine();
    if (ImGui::SmallButton((std::to_string(static_cast<int>(std::lround(zoom * 100.0f))) + "%").c_str())) zoom = 1.0f;
    note_item("diagram.zoom_reset");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to 100%%");
    ImGui::SameLine();
    if (ImGui::SmallButton("+")) zoom = clamped_zoom(zoom * zoom_step);
    note_item("diagram.zoom_in");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom in (Ctrl+wheel)");
}

// What a click picked: a box's bytes, or a pointer and the bytes it points at.
MemorySelection selection_for(const DiagramModel& model, int box, int arrow) {
    MemorySelection s;
    if (arrow >= 0) {
        const DiagramArrow& a = model.arrows[static_cast<std::size_t>(arrow)];
        const DiagramRow& row = model.boxes[a.from_box].rows[a.from_row];
        s.start = row.address;
        s.end = row.address + row.size;
        if (a.to_box >= 0) {
            const DiagramBox& target = model.boxes[static_cast<std::size_t>(a.to_box)];
            s.also_start = target.address;
            s.also_end = target.address + target.size;
        }
    } else if (box >= 0) {
        const DiagramBox& b = model.boxes[static_cast<std::size_t>(box)];
        s.start = b.address;
        s.end = b.address + b.size;
        if (b.kind == DiagramBoxKind::Globals || b.kind == DiagramBoxKind::Strings) {
            for (const DiagramRow& r : b.rows) {
                if (r.size == 0) continue;
                s.start = s.start == 0 ? r.address : std::min(s.start, r.address);
                s.end = std::max(s.end, r.address + r.size);
            }
        }
    }
    return s;
}

void box_tooltip(const DiagramBox& box) {
    ImGui::BeginTooltip();
    ImGui::Text("%s %s", box.title.c_str(), box.type.c_str());
    ImGui::Text("%s .. %s (%llu bytes)", hex_text(box.address), hex_text(box.address + box.size),
                static_cast<unsigned long long>(box.size));
    if (box.kind == DiagramBoxKind::Heap) {
        ImGui::Text("%s", box.leaked ? "Leaked: no pointer from the globals, the stack or a reachable block reaches it."
                                     : ("Valgrind would call it " + box.reach + ".").c_str());
    }
    ImGui::TextDisabled("Click to outline these bytes in the Stack, Heap and Virtual memory panels.");
    ImGui::EndTooltip();
}

}  // namespace

void draw_diagram_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Memory diagram", rect, context.place)) {
        const machine::ProcessView* process = current_process(context.controller.snapshot());
        if (process == nullptr || !process->program) {
            ImGui::TextWrapped("The memory diagram draws a C program: each frame and global with its values, each heap "
                               "block with its type, and every pointer as an arrow.");
        } else {
            legend(context.palette);
            float own_zoom = 1.0f;  // (a context without the App's zoom keeps 100%)
            float& zoom = context.diagram_zoom != nullptr ? *context.diagram_zoom : own_zoom;
            zoom_buttons(zoom);
            ImGui::BeginChild("diagram-canvas", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
            if (ImGui::IsWindowHovered() && ImGui::GetIO().KeyCtrl && ImGui::GetIO().MouseWheel != 0.0f) {
                zoom = clamped_zoom(ImGui::GetIO().MouseWheel > 0.0f ? zoom * zoom_step : zoom / zoom_step);
            }
            ImGui::SetWindowFontScale(zoom);  // text, and so every box and gap measured from it
            ImGui::PushFont(context.fonts.mono);
            DiagramMetrics m;
            m.char_width = ImGui::CalcTextSize("M").x;
            m.line_height = ImGui::GetTextLineHeightWithSpacing();
            m.padding = std::round(m.char_width * 0.75f);
            m.column_gap = m.char_width * 7.0f;
            m.row_gap *= zoom;
            m.available_width = ImGui::GetContentRegionAvail().x;
            ImGui::PopFont();
            // Laid out again only when the run, the step, the process or the sizes change.
            static DiagramModel model;
            static std::uint64_t key_generation = ~0ull, key_step = ~0ull;
            static std::uint32_t key_process = ~0u;
            static float key_width = -1.0f, key_char = -1.0f;
            const machine::Snapshot& snapshot = context.controller.snapshot();
            if (key_generation != context.controller.generation() || key_step != snapshot.step ||
                key_process != process->pid || key_width != m.available_width || key_char != m.char_width) {
                model = make_diagram(*process, m);
                key_generation = context.controller.generation();
                key_step = snapshot.step;
                key_process = process->pid;
                key_width = m.available_width;
                key_char = m.char_width;
            }
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            const ImVec2 mouse = ImGui::GetMousePos();
            const float mx = mouse.x - origin.x, my = mouse.y - origin.y;
            const bool hovered = ImGui::IsWindowHovered();
            const int arrow_hit = hovered ? diagram_arrow_at(model, mx, my, 5.0f) : -1;
            const int box_hit = hovered && arrow_hit < 0 ? diagram_box_at(model, mx, my) : -1;
            MemorySelection none;
            const MemorySelection& picked = context.selection ? *context.selection : none;
            for (std::size_t i = 0; i < model.boxes.size(); ++i) {
                const DiagramBox& b = model.boxes[i];
                draw_box(b, origin, m, context.palette, context.fonts, picked.active() && b.size > 0 && picked.overlaps(b.address, b.size) &&
                                                                           picked.start <= b.address && picked.end >= b.address + b.size);
            }
            for (std::size_t i = 0; i < model.arrows.size(); ++i) {
                const DiagramArrow& a = model.arrows[i];
                draw_arrow(a, origin, context.palette, static_cast<int>(i) == arrow_hit || (picked.active() && picked.start == a.from));
            }
            if (model.blocks_omitted > 0) {
                ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + model.height + m.row_gap));
                ImGui::TextDisabled("%zu more heap blocks are not drawn", model.blocks_omitted);
            }
            ImGui::SetCursorScreenPos(origin);
            ImGui::Dummy(ImVec2(model.width, model.height + m.line_height * 2));
            if (arrow_hit >= 0) {
                const DiagramArrow& a = model.arrows[static_cast<std::size_t>(arrow_hit)];
                ImGui::SetTooltip("%s = %s (%s)", a.from_name.c_str(), hex_text(a.to), machine::pointer_target_name(a.target));
            } else if (box_hit >= 0) {
                box_tooltip(model.boxes[static_cast<std::size_t>(box_hit)]);
            }
            if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && context.selection) {
                *context.selection = selection_for(model, box_hit, arrow_hit);
            }
            ImGui::EndChild();
        }
    }
    ImGui::End();
}

}  // namespace memsim::ui
