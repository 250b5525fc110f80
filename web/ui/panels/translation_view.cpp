#include "ui/panels/translation_view.hpp"

#include <algorithm>
#include <iterator>

#include "imgui.h"
#include "memsim/vm/address.hpp"

namespace memsim::ui {
namespace {

// The address of the step's last memory access: an event of the MMU's (a TLB hit or
// miss, a page fault, a copy-on-write, a refused access) or a touch of the stack's guard
// page. Other events that name an address (a malloc's result, a leak report, a return
// address) are not accesses and are never explained as one.
bool is_access(const machine::Event& e) {
    using enum machine::EventKind;
    static constexpr machine::EventKind kinds[] = {
        // the MMU's
        TlbHit, TlbMiss, PageFault, Translated, CopyOnWrite, Segfault, ProtectionFault,
        // a program's reads and writes, and the errors found on the way
        Read, Write, TouchRead, TouchWrite, UninitialisedRead, UninitializedRead, MemoryProblem, StackOverflow,
        UseAfterFree, HeapOverflow};
    return std::find(std::begin(kinds), std::end(kinds), e.kind) != std::end(kinds);
}

const machine::Event* touched(const std::vector<machine::Event>& events) {
    const machine::Event* last = nullptr;
    for (const machine::Event& e : events) {
        if (e.address != 0 && is_access(e)) last = &e;
    }
    return last;
}

}  // namespace

TranslationView make_translation_view(const machine::Simulator& simulator) {
    TranslationView view;
    // Ops bodies and MiniC programs run on a machine with an MMU; traces have no addresses.
    const machine::Machine* machine = nullptr;
    if (const auto* ops = std::get_if<machine::OpsSession>(&simulator.session())) machine = &ops->machine();
    if (const auto* program = std::get_if<machine::ProgramSession>(&simulator.session())) machine = &program->machine();
    if (machine == nullptr) {
        view.why_not = "Translation is shown for programs: this scenario's references are pages, not addresses.";
        return view;
    }
    const machine::Event* event = touched(simulator.events());
    if (event == nullptr) {
        view.why_not = "No memory access of this step needs explaining: TLB hits are not listed one by one, and a malloc's answer, a return or a leak report name addresses without reading or writing them.";
        return view;
    }
    const vm::AddressLayout& layout = machine->config().mmu.layout;
    const auto parts = vm::split_address(layout, event->address);
    if (!parts) {
        view.why_not = parts.error().message;
        return view;
    }
    view.available = true;
    view.vaddr = event->address;
    view.vpn = parts->vpn;
    view.offset = parts->offset;
    view.pid = event->process;
    view.what = event->kind;
    view.failed = event->is_error;
    view.layout = layout.name + " (" + vm::describe_split(layout) + ")";
    std::uint32_t high = layout.va_bits;
    for (std::uint32_t level = 0; level < parts->levels; ++level) {
        const std::uint32_t bits = layout.level_bits[level];
        const std::string name = parts->levels == 1 ? "page index" : "level " + std::to_string(level + 1) + " index";
        view.fields.push_back({name, high - 1, high - bits, parts->index[level]});
        high -= bits;
    }
    view.fields.push_back({"offset", layout.offset_bits - 1, 0, parts->offset});
    for (const machine::Event& e : simulator.events()) {
        // Page-fault events may carry no address (0): they follow the access that missed.
        const bool same_page = e.address / layout.page_size() == view.vaddr / layout.page_size();
        if (e.kind == machine::EventKind::TlbMiss && same_page) view.tlb_miss = true;
        if (e.kind == machine::EventKind::PageFault && (same_page || e.address == 0)) view.page_fault = true;
    }
    const machine::Snapshot snapshot = simulator.snapshot();
    if (snapshot.vm) {
        for (std::uint32_t f = 0; f < snapshot.vm->frames.size(); ++f) {
            const machine::FrameView& frame = snapshot.vm->frames[f];
            if (frame.used && frame.owner == view.pid && frame.page == view.vpn) view.pfn = f;
        }
    }
    if (view.pfn) view.paddr = vm::physical_address(layout, *view.pfn, view.offset);
    return view;
}

TranslationStage translation_stage(const TranslationView& view, double seconds) {
    if (!view.available || seconds < 0) return {};
    auto index = static_cast<std::size_t>(seconds / translation_stage_seconds);
    if (index == 0) return {TranslationPart::Fields, 0};
    if (view.failed) return {};  // a refused access stops at its fields
    if (index == 1) return {TranslationPart::Tlb, 0};
    index -= 2;
    const std::size_t levels = view.tlb_miss && !view.fields.empty() ? view.fields.size() - 1 : 0;
    if (index < levels) return {TranslationPart::Level, index};
    if (index == levels && view.pfn) return {TranslationPart::Physical, 0};
    return {};
}

namespace {

// An outline around the last item: the part the animation lights now.
void light_last_item(const Palette& palette) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 1), ImVec2(max.x + 3, max.y + 1), palette.current, 3.0f, 0,
                                        2.0f);
}

}  // namespace

void draw_translation(const TranslationView& view, PanelContext& context) {
    const Palette& palette = context.palette;
    if (!view.available) {
        ImGui::TextDisabled("%s", view.why_not.c_str());
        return;
    }
    // A new access (another step or address) restarts the animation.
    static std::uint64_t shown_step = ~0ull, shown_vaddr = ~0ull;
    static double started = 0;
    const double now = ImGui::GetTime();
    if (shown_step != context.controller.step() || shown_vaddr != view.vaddr) {
        shown_step = context.controller.step();
        shown_vaddr = view.vaddr;
        started = now;
    }
    const TranslationStage stage = context.reduce_motion ? TranslationStage{} : translation_stage(view, now - started);
    const std::string what(machine::event_kind_name(view.what));
    ImGui::TextWrapped("%s touched %s in process %u, layout %s", what.c_str(), hex_text(view.vaddr), view.pid,
                       view.layout.c_str());
    // The fields as boxes whose widths follow their bit counts.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeight();
    const float h = line * 2.2f;
    const float total_bits = static_cast<float>(view.fields.front().high + 1);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float x = p.x;
    for (std::size_t i = 0; i < view.fields.size(); ++i) {
        const AddressField& f = view.fields[i];
        const float fw = w * static_cast<float>(f.high - f.low + 1) / total_bits;
        const ImU32 fill = f.name == "offset" ? palette.overhead : i % 2 == 0 ? palette.payload : palette.mapped;
        const ImU32 ink = readable_text(fill);
        draw->AddRectFilled(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), fill);
        draw->AddRect(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), palette.outline);
        const std::string label = f.name + " " + hex_text(f.value);
        const std::string bits = std::to_string(f.high) + ".." + std::to_string(f.low);
        draw->PushClipRect(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), true);
        draw->AddText(ImVec2(x + 4, p.y + 2), ink, label.c_str());
        draw->AddText(ImVec2(x + 4, p.y + line + 2), ink, bits.c_str());
        draw->PopClipRect();
        x += fw;
    }
    ImGui::Dummy(ImVec2(w, h));
    if (stage.part == TranslationPart::Fields) light_last_item(palette);
    if (stage.part == TranslationPart::Level) {
        // The level's index field in the address: the walk reads it now.
        float lx = p.x;
        for (std::size_t i = 0; i < stage.level && i < view.fields.size(); ++i) {
            lx += w * static_cast<float>(view.fields[i].high - view.fields[i].low + 1) / total_bits;
        }
        const AddressField& f = view.fields[std::min(stage.level, view.fields.size() - 1)];
        const float fw = w * static_cast<float>(f.high - f.low + 1) / total_bits;
        draw->AddRect(ImVec2(lx, p.y), ImVec2(lx + fw, p.y + h), palette.current, 0.0f, 0, 3.0f);
    }
    ImGui::Text("VPN %s, offset %s", hex_text(view.vpn), hex_text(view.offset));
    if (view.failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette.guard);
        ImGui::TextWrapped("The access was refused (%s): no page may be mapped there, so the MMU raises a fault and "
                           "the OS ends the program.", what.c_str());
        ImGui::PopStyleColor();
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, view.tlb_miss ? palette.guard : palette.resident);
    ImGui::Text("1. TLB: %s", view.tlb_miss ? "miss, so the MMU walks the page table" : "hit, no walk needed");
    ImGui::PopStyleColor();
    if (stage.part == TranslationPart::Tlb) light_last_item(palette);
    if (view.tlb_miss) {
        std::string walk = "2. walk:";
        for (std::size_t i = 0; i + 1 < view.fields.size(); ++i) {
            walk += " " + view.fields[i].name + " " + hex_text(view.fields[i].value) + (i + 2 < view.fields.size() ? " ->" : "");
        }
        ImGui::TextUnformatted(walk.c_str());
        if (stage.part == TranslationPart::Level) light_last_item(palette);
    }
    if (view.page_fault) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette.guard);
        ImGui::TextUnformatted("   the page was not in memory: page fault, the OS loads it");
        ImGui::PopStyleColor();
    }
    if (view.pfn) {
        ImGui::TextWrapped("%s frame %u: physical address %s = %u x page size + %s", view.tlb_miss ? "3." : "2.",
                           *view.pfn, hex_text(view.paddr), *view.pfn, hex_text(view.offset));
        if (stage.part == TranslationPart::Physical) light_last_item(palette);
    } else {
        ImGui::TextDisabled("The page is not in a frame now (the access failed or it was evicted).");
    }
}

}  // namespace memsim::ui
