#include "ui/panels/stack_panel.hpp"

#include <algorithm>

#include "imgui.h"

namespace memsim::ui {

const char* slot_kind_label(stack::SlotKind kind) {
    switch (kind) {
        case stack::SlotKind::Argument: return "argument";
        case stack::SlotKind::RegisterArgument: return "register argument";
        case stack::SlotKind::ReturnAddress: return "return address";
        case stack::SlotKind::SavedFramePointer: return "saved frame pointer";
        case stack::SlotKind::Local: return "local";
        case stack::SlotKind::Padding: return "padding";
    }
    return "?";
}

namespace {

// A program variable's value as C prints it ("-3", "NULL", "'a'"), when the snapshot read one.
const machine::ValueView* program_value(const stack::Slot& slot, const machine::FrameVariables* variables) {
    if (variables == nullptr) return nullptr;
    for (const machine::ValueView& v : variables->variables) {
        if (v.address == slot.address && v.name == slot.name) return &v;
    }
    return nullptr;
}

StackSlotRow slot_row(const stack::Slot& slot, const machine::ProcessView& process, const machine::FrameVariables* variables) {
    StackSlotRow row{.address = slot.address, .size = slot.size, .slot_kind = slot.kind,
                     .kind = slot_kind_label(slot.kind),
                     .name = slot.name, .value = {}, .is_padding = slot.kind == stack::SlotKind::Padding,
                     .at_sp = slot.address == process.stack_pointer,
                     .at_fp = slot.address == process.frame_pointer && slot.kind == stack::SlotKind::SavedFramePointer};
    if (slot.kind == stack::SlotKind::RegisterArgument && !slot.register_name.empty()) {
        row.name += " (" + slot.register_name + ")";
    }
    if (row.is_padding) return row;
    if (slot.kind == stack::SlotKind::ReturnAddress || slot.kind == stack::SlotKind::SavedFramePointer) {
        row.value = hex_text(slot.value);
    } else {
        row.value = slot.initialized ? std::to_string(slot.value) : "?";
    }
    if (const machine::ValueView* v = program_value(slot, variables)) {
        row.type = v->type;
        const bool composite = !v->fields.empty() || !v->elements.empty();
        row.value = !v->initialized && !composite ? "?" : composite && v->text.empty() ? "{...}" : v->text;
    }
    return row;
}

// A slot of the block above the first frame: a string shows no number, a pointer its address.
StackSlotRow argument_row(const stack::Slot& slot, const machine::ProcessView& process) {
    StackSlotRow row = slot_row(slot, process, nullptr);
    row.kind = slot.kind == stack::SlotKind::Padding ? "padding" : slot.type.starts_with("char[") ? "string" : slot.name;
    if (row.kind == slot.name) row.name.clear();
    row.type = slot.type;
    if (slot.type == "char *") row.value = slot.value == 0 ? "NULL" : hex_text(slot.value);
    else if (slot.type.starts_with("char[")) row.value.clear();
    return row;
}

}  // namespace

StackView make_stack_view(const machine::Snapshot& snapshot, std::uint64_t guard_size) {
    StackView view;
    const machine::ProcessView* process = current_process(snapshot);
    if (process == nullptr || process->stack_top == 0) return view;
    view.has_stack = true;
    view.pid = process->pid;
    view.process_state = process->state;
    view.top = process->stack_top;
    view.sp = process->stack_pointer;
    view.fp = process->frame_pointer;
    view.floor = process->stack_floor;
    view.guard_low = process->stack_floor >= guard_size ? process->stack_floor - guard_size : 0;
    view.used = process->stack_top - process->stack_pointer;
    view.limit = process->stack_top - process->stack_floor;
    if (!process->start_block.empty()) {
        const std::uint64_t low = process->start_block.back().address;
        StackFrameBox box{.function = "argc, argv and their strings (written by the kernel at exec)", .high = process->stack_top,
                          .low = low, .slots = {}, .newest = false, .arguments = true};
        for (const stack::Slot& slot : process->start_block) box.slots.push_back(argument_row(slot, *process));
        view.frames.push_back(std::move(box));
    }
    for (std::size_t i = 0; i < process->frames.size(); ++i) {
        const stack::Frame& frame = process->frames[i];
        StackFrameBox box{.function = frame.function, .high = frame.caller_stack_pointer, .low = frame.stack_pointer,
                          .slots = {}, .newest = i + 1 == process->frames.size()};
        const machine::FrameVariables* variables =
            process->program && i < process->program->frames.size() ? &process->program->frames[i] : nullptr;
        for (const stack::Slot& slot : frame.slots) box.slots.push_back(slot_row(slot, *process, variables));
        std::sort(box.slots.begin(), box.slots.end(),
                  [](const StackSlotRow& a, const StackSlotRow& b) { return a.address > b.address; });
        view.frames.push_back(std::move(box));
    }
    return view;
}

namespace {

ImU32 slot_colour(stack::SlotKind kind, const Palette& palette) {
    switch (kind) {
        case stack::SlotKind::Padding: return palette.unmapped;
        case stack::SlotKind::ReturnAddress:
        case stack::SlotKind::SavedFramePointer: return palette.mapped;
        case stack::SlotKind::Local: return palette.payload;
        case stack::SlotKind::Argument:
        case stack::SlotKind::RegisterArgument: return palette.resident;
    }
    return palette.unmapped;
}

// One slot: a box whose height grows with its size (to scale, within limits).
void draw_slot(const StackSlotRow& slot, const Palette& palette, const Fonts& fonts, float word, float address_width,
               bool selected) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float words = std::clamp(static_cast<float>(slot.size) / word, 1.0f, 4.0f);
    const float height = line * (0.35f + 0.65f * words) + 2.0f;
    const float arrow_w = ImGui::CalcTextSize("SP ->").x + 4.0f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 box_min(p.x + arrow_w, p.y), box_max(p.x + w, p.y + height);
    const ImU32 fill = slot_colour(slot.slot_kind, palette);
    const ImU32 ink = readable_text(fill);
    draw->AddRectFilled(box_min, box_max, fill);
    draw->AddRect(box_min, box_max, palette.outline);
    const float ty = p.y + (height - line) * 0.5f;
    ImGui::PushFont(fonts.mono);
    draw->PushClipRect(box_min, ImVec2(std::min(box_min.x + address_width + 4, box_max.x), box_max.y), true);
    draw->AddText(ImVec2(box_min.x + 4, ty), ink, hex_text(slot.address));
    draw->PopClipRect();
    const float col2 = box_min.x + address_width + 10.0f;
    ImGui::PopFont();
    if (selected) draw->AddRect(ImVec2(box_min.x + 1, box_min.y + 1), ImVec2(box_max.x - 1, box_max.y - 1), palette.current, 0, 0, 2.5f);
    float value_x = box_max.x - 6;
    if (!slot.value.empty()) {
        ImGui::PushFont(fonts.mono);
        // The value keeps at most half of what is left after the address; the rest elides.
        const float room = std::max((box_max.x - col2) * 0.5f, 0.0f);
        const float width = std::min(ImGui::CalcTextSize(slot.value.c_str()).x, room);
        value_x -= width;
        draw->PushClipRect(ImVec2(value_x, box_min.y), ImVec2(box_max.x - 4, box_max.y), true);
        draw->AddText(ImVec2(value_x, ty), ink, slot.value.c_str());
        draw->PopClipRect();
        ImGui::PopFont();
    }
    std::string label = slot.kind;
    if (!slot.name.empty() && slot.name != slot.kind) label += " " + slot.name;
    const float label_end = std::max(col2, value_x - 6);
    const float ellipsis = ImGui::CalcTextSize("...").x;
    if (ImGui::CalcTextSize(label.c_str()).x > label_end - col2) {
        // Too long for the room left: cut it and say so, rather than overprinting.
        while (!label.empty() && ImGui::CalcTextSize(label.c_str()).x + ellipsis > label_end - col2) label.pop_back();
        if (!label.empty()) label += "...";
    }
    draw->PushClipRect(ImVec2(col2, box_min.y), ImVec2(label_end, box_max.y), true);
    draw->AddText(ImVec2(col2, ty), ink, label.c_str());
    draw->PopClipRect();
    if (slot.at_sp) draw->AddText(ImVec2(p.x, ty), palette.pointer, "SP ->");
    if (slot.at_fp) draw->AddText(ImVec2(p.x, slot.at_sp ? ty + line * 0.9f : ty), palette.current, "FP ->");
    ImGui::Dummy(ImVec2(w, height));
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s %s%s%s\naddress %s, %u bytes\nvalue %s", slot.kind.c_str(), slot.name.c_str(),
                          slot.type.empty() ? "" : "\ntype ", slot.type.c_str(), hex_text(slot.address), slot.size,
                          slot.value.empty() ? "-" : slot.value.c_str());
    }
}

}  // namespace

void draw_stack_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Stack", rect, context.place)) {
        const StackView view = make_stack_view(context.controller.snapshot());
        const Palette& palette = context.palette;
        if (!view.has_stack) {
            ImGui::TextWrapped("%s", context.controller.loaded()
                                         ? "This scenario has no call stack (it is a trace for paging or the heap)."
                                         : "Load a scenario to see the call stack.");
        } else {
            ImGui::TextWrapped("process %u (%s)   SP %s   FP %s", view.pid, view.process_state.c_str(), hex_text(view.sp),
                        hex_text(view.fp));
            ImGui::Text("top %s   %llu of %llu bytes used", hex_text(view.top),
                        static_cast<unsigned long long>(view.used), static_cast<unsigned long long>(view.limit));
            ImGui::ProgressBar(view.limit ? static_cast<float>(view.used) / static_cast<float>(view.limit) : 0.0f,
                               ImVec2(-1, ImGui::GetTextLineHeight() * 0.6f), "");
            legend_item(slot_colour(stack::SlotKind::Argument, palette), "argument");
            legend_item(slot_colour(stack::SlotKind::Local, palette), "local");
            legend_item(slot_colour(stack::SlotKind::ReturnAddress, palette), "return address, saved FP");
            legend_item(slot_colour(stack::SlotKind::Padding, palette), "padding");
            ImGui::NewLine();
            ImGui::TextDisabled("higher addresses; the stack grows down");
            const float word = 4.0f;
            ImGui::PushFont(context.fonts.mono);
            const float address_width = ImGui::CalcTextSize(hex_text(view.top - 1)).x;
            ImGui::PopFont();
            for (const StackFrameBox& frame : view.frames) {
                ImGui::PushStyleColor(ImGuiCol_Text, frame.newest ? palette.current : ImGui::GetColorU32(ImGuiCol_Text));
                ImGui::TextWrapped("%s%s  %s .. %s  (%llu bytes)", frame.function.c_str(), frame.arguments ? "" : "()",
                                   hex_text(frame.high), hex_text(frame.low), static_cast<unsigned long long>(frame.high - frame.low));
                ImGui::PopStyleColor();
                for (const StackSlotRow& slot : frame.slots) {
                    const bool selected = context.selection && context.selection->overlaps(slot.address, slot.size);
                    draw_slot(slot, palette, context.fonts, word, address_width, selected);
                }
                ImGui::Spacing();
            }
            ImGui::PushStyleColor(ImGuiCol_Text, palette.muted);
            ImGui::TextWrapped("free stack: %llu bytes down to the limit %s",
                                static_cast<unsigned long long>(view.sp - view.floor), hex_text(view.floor));
            ImGui::PopStyleColor();
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            const float h = ImGui::GetTextLineHeight() * 1.5f;
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), palette.guard);
            for (float x = 0; x < w; x += 10.0f) {
                draw->AddLine(ImVec2(p.x + x, p.y + h), ImVec2(p.x + std::min(x + h, w), p.y), palette.outline);
            }
            const std::string guard = std::string("guard page ") + hex_text(view.guard_low) + " .. " + hex_text(view.floor);
            draw->AddText(ImVec2(p.x + 6, p.y + h * 0.2f), readable_text(palette.guard), guard.c_str());
            ImGui::Dummy(ImVec2(w, h));
        }
    }
    ImGui::End();
}

}  // namespace memsim::ui
