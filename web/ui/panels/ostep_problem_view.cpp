#include "ui/panels/ostep_problem_view.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>

#include "imgui.h"
#include "ui/widget_rects.hpp"

namespace memsim::ui {
namespace {

using ostep::CacheAccess;
using ostep::HeapChunk;
using ostep::HeapOp;
using ostep::OstepProblem;
using ostep::ProblemScript;
using ostep::Translation;

std::string number_text(std::int64_t v) {
    char text[48];
    std::snprintf(text, sizeof text, "0x%" PRIx64 " (%" PRId64 ")", static_cast<std::uint64_t>(v), v);
    return text;
}

// A stretch of a bar: [start, end) in the bar's units, filled, with a label inside.
struct Span {
    std::int64_t start = 0, end = 0;
    ImU32 fill = 0;
    std::string label;
};

// A tick on a bar at one address, labelled below it.
struct Mark {
    std::int64_t at = 0;
    ImU32 colour = 0;
    std::string label;
};

// A horizontal bar for [0, total) with spans and marks, to scale; a span too thin to see
// keeps 2 pixels so it never vanishes.
void draw_bar(const char* title, std::int64_t total, const std::vector<Span>& spans, const std::vector<Mark>& marks,
              const Palette& palette) {
    ImGui::TextUnformatted(title);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = std::max(ImGui::GetContentRegionAvail().x - 2.0f, 40.0f);
    const float line = ImGui::GetTextLineHeight();
    const float h = line * 1.6f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto x_of = [&](std::int64_t v) {
        const double share = total > 0 ? static_cast<double>(std::clamp<std::int64_t>(v, 0, total)) / static_cast<double>(total) : 0.0;
        return p.x + static_cast<float>(share * w);
    };
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), palette.unmapped);
    for (const Span& s : spans) {
        const float x0 = x_of(s.start), x1 = std::max(x_of(s.end), x0 + 2.0f);
        draw->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1, p.y + h), s.fill);
        draw->AddRect(ImVec2(x0, p.y), ImVec2(x1, p.y + h), palette.outline);
        if (ImGui::CalcTextSize(s.label.c_str()).x + 6 < x1 - x0) {
            draw->AddText(ImVec2(x0 + 3, p.y + (h - line) / 2), readable_text(s.fill), s.label.c_str());
        }
    }
    draw->AddRect(p, ImVec2(p.x + w, p.y + h), palette.outline);
    float label_x = p.x;  // labels left to right, never over each other
    for (const Mark& m : marks) {
        const float x = x_of(m.at);
        draw->AddLine(ImVec2(x, p.y - 3), ImVec2(x, p.y + h + 3), m.colour, 3.0f);
        const float tw = ImGui::CalcTextSize(m.label.c_str()).x;
        const float lx = std::max(std::clamp(x - tw / 2, p.x, p.x + w - tw), label_x);
        draw->AddText(ImVec2(lx, p.y + h + 4), m.colour, m.label.c_str());
        label_x = lx + tw + 8;
    }
    ImGui::Dummy(ImVec2(w, h + line + 8));
}

void draw_relocation(const OstepProblem& p, const Translation* t, const Palette& palette) {
    ImGui::Text("Base register %s   Limit (bounds) register %" PRId64, number_text(p.base).c_str(), p.limit);
    std::vector<Mark> virtual_marks, physical_marks;
    if (t) {
        virtual_marks.push_back({t->vaddr, t->paddr ? palette.current : palette.guard, "VA " + std::to_string(t->vaddr)});
        if (t->paddr) physical_marks.push_back({*t->paddr, palette.current, "PA " + std::to_string(*t->paddr)});
    }
    draw_bar(("Virtual address space: 0 .. " + std::to_string(p.asize - 1)).c_str(), p.asize,
             {{0, p.limit, palette.payload, "valid: below the limit"}}, virtual_marks, palette);
    draw_bar(("Physical memory: 0 .. " + std::to_string(p.psize - 1)).c_str(), p.psize,
             {{p.base, p.base + p.limit, palette.payload, "the address space"}}, physical_marks, palette);
}

void draw_segmentation(const OstepProblem& p, const Translation* t, const Palette& palette) {
    ImGui::Text("Segment 0: base %s, limit %" PRId64 " (grows up)", number_text(p.base0).c_str(), p.limit0);
    ImGui::Text("Segment 1: base %s, limit %" PRId64 " (grows down)", number_text(p.base1).c_str(), p.limit1);
    std::vector<Mark> virtual_marks, physical_marks;
    if (t) {
        virtual_marks.push_back({t->vaddr, t->paddr ? palette.current : palette.guard, "VA " + std::to_string(t->vaddr)});
        if (t->paddr) physical_marks.push_back({*t->paddr, palette.current, "PA " + std::to_string(*t->paddr)});
    }
    draw_bar(("Virtual address space: 0 .. " + std::to_string(p.asize - 1)).c_str(), p.asize,
             {{0, p.limit0, palette.payload, "seg 0"}, {p.asize - p.limit1, p.asize, palette.mapped, "seg 1"}}, virtual_marks,
             palette);
    draw_bar(("Physical memory: 0 .. " + std::to_string(p.psize - 1)).c_str(), p.psize,
             {{p.base0, p.base0 + p.limit0, palette.payload, "seg 0"}, {p.base1 - p.limit1, p.base1, palette.mapped, "seg 1"}},
             physical_marks, palette);
}

// Bit fields of the current address as boxes: | VPN | offset | or | PDE | PTE | offset |.
void draw_fields(const std::vector<std::pair<std::string, std::int64_t>>& fields, const Palette& palette) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x - 2.0f;
    const float h = ImGui::GetTextLineHeight() * 1.5f;
    const float fw = w / static_cast<float>(fields.size());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const float x = p.x + fw * static_cast<float>(i);
        const ImU32 fill = i + 1 == fields.size() ? palette.overhead : i % 2 == 0 ? palette.payload : palette.mapped;
        draw->AddRectFilled(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), fill);
        draw->AddRect(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), palette.outline);
        const std::string label = fields[i].first + " " + std::to_string(fields[i].second);
        draw->PushClipRect(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), true);
        draw->AddText(ImVec2(x + 4, p.y + h * 0.17f), readable_text(fill), label.c_str());
        draw->PopClipRect();
    }
    ImGui::Dummy(ImVec2(w, h + 4));
}

void draw_linear(const OstepProblem& p, const Translation* t, const Palette& palette, const Fonts& fonts) {
    ImGui::Text("Page size %" PRId64 " bytes, %zu virtual pages, physical memory %" PRId64 " bytes", p.page_size,
                p.page_table.size(), p.psize);
    if (t) draw_fields({{"VPN", t->vpn}, {"offset", t->vaddr % p.page_size}}, palette);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
    const float height = std::max(ImGui::GetContentRegionAvail().y * 0.45f, ImGui::GetTextLineHeightWithSpacing() * 5);
    if (!ImGui::BeginTable("##ostep-page-table", 3, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("VPN");
    ImGui::TableSetupColumn("entry");
    ImGui::TableSetupColumn("meaning");
    ImGui::TableHeadersRow();
    // The lit row scrolls into view once per step.
    static const Translation* scrolled = nullptr;
    ImGui::PushFont(fonts.mono);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(p.page_table.size()));
    if (t && t->vpn >= 0) clipper.ForceDisplayRangeByIndices(static_cast<int>(t->vpn), static_cast<int>(t->vpn) + 1);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::int64_t pfn = p.page_table[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            const bool lit = t && t->vpn == row;
            if (lit) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(palette.current, 110));
            ImGui::TableNextColumn();
            ImGui::Text("%d", row);
            if (lit && scrolled != t) {
                ImGui::SetScrollHereY(0.5f);
                scrolled = t;
            }
            ImGui::TableNextColumn();
            ImGui::Text("0x%08" PRIx64, pfn < 0 ? std::uint64_t{0} : (std::uint64_t{0x80000000} | static_cast<std::uint64_t>(pfn)));
            ImGui::TableNextColumn();
            if (pfn < 0) ImGui::TextDisabled("not valid");
            else ImGui::Text("valid, PFN %" PRId64, pfn);
        }
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

// One 32-byte page as 32 cells of hex; `lit` is the entry the walk reads there.
void draw_page_cells(const char* title, const OstepProblem& p, int page, int lit, const Palette& palette, const Fonts& fonts) {
    ImGui::Text("%s: page %d", title, page);
    ImGui::PushFont(fonts.mono);
    const float cell = ImGui::CalcTextSize("00").x + 8.0f;
    const int per_row = std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / cell), 8, 32);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight() + 4.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < 32; ++i) {
        const int byte = p.memory[static_cast<std::size_t>(page * 32 + i)];
        const ImVec2 at(origin.x + cell * static_cast<float>(i % per_row), origin.y + line * static_cast<float>(i / per_row));
        const bool valid = (byte & 0x80) != 0;
        const ImU32 fill = i == lit ? palette.current : valid ? with_alpha(palette.payload, 90) : with_alpha(palette.unmapped, 60);
        draw->AddRectFilled(at, ImVec2(at.x + cell - 2, at.y + line - 2), fill);
        char text[4];
        std::snprintf(text, sizeof text, "%02x", byte);
        draw->AddText(ImVec2(at.x + 4, at.y + 1), i == lit ? readable_text(fill) : ImGui::GetColorU32(ImGuiCol_Text), text);
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(cell * static_cast<float>(per_row), line * static_cast<float>((32 + per_row - 1) / per_row)));
}

void draw_multilevel(const OstepProblem& p, const Translation* t, const Palette& palette, const Fonts& fonts) {
    ImGui::Text("32-byte pages, 128 physical pages; PDBR = page %d (the page directory)", p.pdbr);
    if (!t) {
        draw_page_cells("Page directory", p, p.pdbr, -1, palette, fonts);
        return;
    }
    draw_fields({{"PDE", (t->vaddr >> 10) & 0x1f}, {"PTE", (t->vaddr >> 5) & 0x1f}, {"offset", t->vaddr & 0x1f}}, palette);
    if (t->pde) draw_page_cells("Page directory", p, t->pde->page, t->pde->index, palette, fonts);
    if (t->pte) draw_page_cells("Page table", p, t->pte->page, t->pte->index, palette, fonts);
    if (t->paddr) draw_page_cells("Data page", p, t->pte->pfn(), static_cast<int>(*t->paddr & 0x1f), palette, fonts);
}

// malloc.py: the heap to scale, chunks in use named by their pointer, free-list entries
// numbered in list order (the order the policy searches), and the list as the script prints it.
void draw_malloc(const OstepProblem& p, std::size_t answered, const Palette& palette, const Fonts& fonts) {
    const char* coalescing = p.coalesce ? "merged (-C)" : "not merged";
    ImGui::TextWrapped("Heap of %" PRId64 " bytes at %" PRId64 ", header %" PRId64 ", alignment %s; %s fit, %s list, neighbours %s",
                       p.heap_size, p.heap_base, p.header, p.align > 0 ? std::to_string(p.align).c_str() : "none",
                       p.policy.c_str(), p.order.c_str(), coalescing);
    std::map<std::int64_t, std::int64_t> owner;  // chunk address -> pointer number, as of this step
    for (std::size_t i = 0; i < answered && i < p.heap_ops.size(); ++i) {
        const HeapOp& op = p.heap_ops[i];
        if (op.kind == HeapOp::Kind::Alloc && op.chunk) owner[op.chunk->addr] = op.ptr;
        if (op.kind == HeapOp::Kind::Free && op.chunk) owner.erase(op.chunk->addr);
    }
    const HeapOp* current = answered > 0 && answered <= p.heap_ops.size() ? &p.heap_ops[answered - 1] : nullptr;
    const std::vector<HeapChunk> whole{{p.heap_base, p.heap_size}};
    const std::vector<HeapChunk>& free_list = current ? current->free_list : whole;
    std::vector<Span> spans;
    if (current) {
        for (const HeapChunk& c : current->used) {
            const auto who = owner.find(c.addr);
            spans.push_back({c.addr - p.heap_base, c.addr - p.heap_base + c.size, palette.payload,
                             who == owner.end() ? "used" : "ptr[" + std::to_string(who->second) + "]"});
        }
    }
    for (std::size_t i = 0; i < free_list.size(); ++i) {
        const HeapChunk& c = free_list[i];
        spans.push_back({c.addr - p.heap_base, c.addr - p.heap_base + c.size, palette.free, "free #" + std::to_string(i)});
    }
    std::vector<Mark> marks;
    if (current && current->chunk) {
        marks.push_back({current->chunk->addr - p.heap_base, palette.current,
                         (current->kind == HeapOp::Kind::Alloc ? "took " : "gave back ") + std::to_string(current->chunk->addr)});
    }
    draw_bar(("Heap: " + std::to_string(p.heap_base) + " .. " + std::to_string(p.heap_base + p.heap_size - 1) +
              " (free chunks numbered in list order)").c_str(),
             p.heap_size, spans, marks, palette);
    ImGui::PushFont(fonts.mono);
    ImGui::TextWrapped("%s", ostep::free_list_text(free_list).c_str());
    ImGui::PopFont();
    note_item("ostep.free_list");
}

// paging-policy.py: the cache as the script's list, left to right, the page just
// referenced lit (a hit) or new (a miss), and the page replaced named beside it.
void draw_cache(const OstepProblem& p, std::size_t answered, const Palette& palette, const Fonts& fonts) {
    if (p.policy_name == "CLOCK") {
        ImGui::TextWrapped("Policy CLOCK as the script runs it (random probes, counters up to %" PRId64 " with -b), a cache of %" PRId64 " pages",
                           p.clock_bits, p.cache_size);
    } else {
        ImGui::TextWrapped("Policy %s, a cache of %" PRId64 " pages", p.policy_name.c_str(), p.cache_size);
    }
    const CacheAccess* a = answered > 0 && answered <= p.accesses.size() ? &p.accesses[answered - 1] : nullptr;
    ImGui::TextUnformatted("The cache, left to right:");
    ImGui::PushFont(fonts.mono);
    const float cell = ImGui::CalcTextSize("0000").x + 12.0f;
    const float h = ImGui::GetTextLineHeight() * 1.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const int per_row = std::max(1, static_cast<int>(w / cell));
    const auto slots = static_cast<int>(std::clamp<std::int64_t>(p.cache_size, 1, 4096));
    const int rows = (slots + per_row - 1) / per_row;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < slots; ++i) {
        const ImVec2 at(origin.x + cell * static_cast<float>(i % per_row), origin.y + (h + 4) * static_cast<float>(i / per_row));
        const bool used = a && static_cast<std::size_t>(i) < a->cache.size();
        const bool lit = used && a->cache[static_cast<std::size_t>(i)] == a->page;
        const ImU32 fill = lit ? (a->hit ? palette.current : palette.guard) : used ? palette.payload : palette.unmapped;
        draw->AddRectFilled(at, ImVec2(at.x + cell - 4, at.y + h), fill);
        draw->AddRect(at, ImVec2(at.x + cell - 4, at.y + h), palette.outline);
        if (used) {
            const std::string text = std::to_string(a->cache[static_cast<std::size_t>(i)]);
            draw->AddText(ImVec2(at.x + 6, at.y + (h - ImGui::GetTextLineHeight()) / 2), readable_text(fill), text.c_str());
        }
    }
    ImGui::Dummy(ImVec2(cell * static_cast<float>(std::min(slots, per_row)), (h + 4) * static_cast<float>(rows)));
    ImGui::PopFont();
    if (a) {
        ImGui::TextWrapped("Access %" PRId64 ": %s%s", a->page, a->hit ? "a hit" : "a miss",
                           a->victim ? (", page " + std::to_string(*a->victim) + " replaced").c_str() : "");
    }
    note_item("ostep.cache");
}

// The widest text of a column in the monospaced font (every glyph one advance wide).
float widest_mono(const std::vector<OstepRow>& rows, std::string OstepRow::*text) {
    std::size_t longest = 0;
    for (const OstepRow& row : rows) longest = std::max(longest, (row.*text).size());
    return ImGui::CalcTextSize(std::string(longest, '0').c_str()).x;
}

// The addresses (or ops) with their answers: three columns where they fit; on a narrow
// panel (a phone) each answer goes on a line under its address, so no answer is cut off
// at the right edge, and only where even that is too wide does the list scroll sideways.
// The widths count every answer as revealed, so the columns do not jump while stepping.
void draw_rows(const machine::OstepView& view, const Palette& palette, const Fonts& fonts) {
    const std::vector<OstepRow> rows = make_ostep_rows(view);
    const ProblemScript script = view.problem->script;
    const char* what = script == ProblemScript::Malloc ? "op" : script == ProblemScript::PagingPolicy ? "reference" : "virtual address";
    const char* answer_header = "answer (revealed step by step)";
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushFont(fonts.mono);
    const float number_width = ImGui::CalcTextSize(std::to_string(rows.size()).c_str()).x;
    const float what_width = widest_mono(rows, &OstepRow::vaddr);
    const float answer_width = widest_mono(rows, &OstepRow::full_answer);
    const float indent = ImGui::CalcTextSize("00").x;
    ImGui::PopFont();
    const float cell = style.CellPadding.x * 2.0f + 1.0f;  // both sides, and the border between columns
    const float available = ImGui::GetContentRegionAvail().x - style.ScrollbarSize;
    const float side_by_side = number_width + std::max(what_width, ImGui::CalcTextSize(what).x) +
                               std::max(answer_width, ImGui::CalcTextSize(answer_header).x) + cell * 3.0f;
    const bool stacked = side_by_side > available;
    const std::string stacked_header = std::string(what) + " / answer";
    const float stacked_width = std::max({what_width, indent + answer_width, ImGui::CalcTextSize(stacked_header.c_str()).x});
    const bool scroll_x = stacked && number_width + stacked_width + cell * 2.0f > available;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
    if (scroll_x) flags |= ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("##ostep-addresses", stacked ? 2 : 3, flags, ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, 80.0f)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Fixed widths from every row, not only the rows on screen, so scrolling moves no column.
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, std::max(number_width, ImGui::CalcTextSize("#").x));
    if (stacked) {
        ImGui::TableSetupColumn(stacked_header.c_str(), scroll_x ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                stacked_width);
    } else {
        ImGui::TableSetupColumn(what, ImGuiTableColumnFlags_WidthFixed, std::max(what_width, ImGui::CalcTextSize(what).x));
        ImGui::TableSetupColumn(answer_header);
    }
    ImGui::TableHeadersRow();
    ImGui::PushFont(fonts.mono);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const OstepRow& row = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (row.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(palette.current, 110));
            ImGui::TableNextColumn();
            ImGui::Text("%d", i);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.vaddr.c_str());
            if (row.current) note_item("ostep.current_op");
            if (stacked) ImGui::Indent(indent);
            else ImGui::TableNextColumn();
            if (row.fault) ImGui::PushStyleColor(ImGuiCol_Text, palette.guard);
            ImGui::TextUnformatted(row.answer.c_str());
            if (row.fault) ImGui::PopStyleColor();
            if (row.current) note_item("ostep.current_answer");
            if (stacked) ImGui::Unindent(indent);
        }
    }
    ImGui::PopFont();
    ImGui::EndTable();
    note_item("ostep.rows");
}

}  // namespace

bool is_heap_problem(const machine::Snapshot& snapshot) {
    return snapshot.ostep && snapshot.ostep->problem && snapshot.ostep->problem->script == ProblemScript::Malloc;
}

const Translation* current_translation(const machine::OstepView& view) {
    if (!view.problem || view.answered == 0 || view.answered > view.problem->translations.size()) return nullptr;
    return &view.problem->translations[view.answered - 1];
}

std::vector<OstepRow> make_ostep_rows(const machine::OstepView& view) {
    std::vector<OstepRow> rows;
    if (!view.problem) return rows;
    const OstepProblem& p = *view.problem;
    for (std::size_t i = 0; i < p.accesses.size(); ++i) {
        const CacheAccess& a = p.accesses[i];
        const bool revealed = i < view.answered;
        std::string text = ostep::cache_answer_text(a);
        rows.push_back(OstepRow{.vaddr = "Access: " + std::to_string(a.page),
                                .answer = revealed ? text : "?",
                                .full_answer = std::move(text),
                                .current = i + 1 == view.answered,
                                .fault = revealed && !a.hit});
    }
    for (std::size_t i = 0; i < p.heap_ops.size(); ++i) {
        const HeapOp& op = p.heap_ops[i];
        const bool revealed = i < view.answered;
        const bool refused = op.kind == HeapOp::Kind::SkippedFree || (op.kind == HeapOp::Kind::Alloc && !op.chunk) ||
                             (op.kind == HeapOp::Kind::Free && op.result != 0);
        std::string text = ostep::heap_answer_text(op);
        rows.push_back(OstepRow{.vaddr = ostep::heap_op_text(op),
                                .answer = revealed ? text : "?",
                                .full_answer = std::move(text),
                                .current = i + 1 == view.answered,
                                .fault = revealed && refused});
    }
    for (std::size_t i = 0; i < p.translations.size(); ++i) {
        const Translation& t = p.translations[i];
        const bool revealed = i < view.answered;
        std::string text = ostep::answer_text(p, t);
        rows.push_back(OstepRow{.vaddr = number_text(t.vaddr),
                                .answer = revealed ? text : "?",
                                .full_answer = std::move(text),
                                .current = i + 1 == view.answered,
                                .fault = revealed && !t.paddr});
    }
    return rows;
}

void draw_ostep_problem(const machine::OstepView& view, PanelContext& context) {
    if (!view.problem) return;
    const OstepProblem& p = *view.problem;
    const Translation* t = current_translation(view);
    ImGui::TextWrapped("OSTEP homework: %s", p.command.c_str());
    note_item("ostep.command");
    if (p.script == ProblemScript::PagingPolicy) {
        if (view.answered == 0) ImGui::TextDisabled("Step forward to make the first reference; each step reveals one answer.");
    } else if (p.script == ProblemScript::Malloc) {
        if (view.answered > 0 && view.answered <= p.heap_ops.size()) {
            const HeapOp& op = p.heap_ops[view.answered - 1];
            ImGui::TextWrapped("%s %s", ostep::heap_op_text(op).c_str(), ostep::heap_answer_text(op).c_str());
            note_item("ostep.answer");
        } else {
            ImGui::TextDisabled("Step forward to do the first malloc or free; each step reveals one answer.");
        }
    } else if (t) {
        ImGui::PushStyleColor(ImGuiCol_Text, t->paddr ? context.palette.resident : context.palette.guard);
        ImGui::TextWrapped("Address %zu: %s", view.answered - 1, ostep::answer_text(p, *t).c_str());
        ImGui::PopStyleColor();
        note_item("ostep.answer");
    } else {
        ImGui::TextDisabled("Step forward to translate the first address; each step reveals one answer.");
    }
    switch (p.script) {
        case ProblemScript::Relocation: draw_relocation(p, t, context.palette); break;
        case ProblemScript::Segmentation: draw_segmentation(p, t, context.palette); break;
        case ProblemScript::PagingLinear: draw_linear(p, t, context.palette, context.fonts); break;
        case ProblemScript::PagingMultilevel: draw_multilevel(p, t, context.palette, context.fonts); break;
        case ProblemScript::Malloc: draw_malloc(p, view.answered, context.palette, context.fonts); break;
        case ProblemScript::PagingPolicy: draw_cache(p, view.answered, context.palette, context.fonts); break;
    }
    draw_rows(view, context.palette, context.fonts);
}

}  // namespace memsim::ui
