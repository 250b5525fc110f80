#include "ui/panels/diagram_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>

#include "memsim/core/text.hpp"

namespace memsim::ui {
namespace {

using machine::PointerTarget;
using machine::ValueView;
using memsim::hex;

constexpr std::size_t max_rows_per_box = 24;      // the rest is counted in a last row
constexpr std::size_t max_elements_per_array = 12;
constexpr std::size_t max_boxes = 240;            // a diagram past this many boxes is unreadable anyway

std::string elide(std::string text, std::size_t max_chars) {
    if (text.size() <= max_chars || max_chars < 4) return text;
    text.resize(max_chars - 3);
    return text + "...";
}

// Rows for one value and its members; false once the box is full.
class RowBuilder {
public:
    explicit RowBuilder(const DiagramMetrics& m) : m_(m) {}

    void add(const ValueView& v, int depth) {
        if (full()) return;
        const bool is_string = !v.elements.empty() && v.text.starts_with("\"");
        if (is_string || (v.fields.empty() && v.elements.empty())) {
            push(v, depth, is_string ? v.text : (v.initialized ? v.text : "?"));
            return;
        }
        if (depth >= 0) push(v, depth, v.type);
        members(v, depth + 1);
    }

    // A value's members as the box's own rows (a heap block's fields).
    void members(const ValueView& v, int depth) {
        for (const ValueView& f : v.fields) add(f, depth);
        const std::size_t shown = std::min(v.elements.size(), max_elements_per_array);
        for (std::size_t i = 0; i < shown; ++i) add(v.elements[i], depth);
        const std::uint64_t more = v.elements.size() - shown + v.elements_omitted;
        if (more > 0) note("... " + std::to_string(more) + " more", depth);
    }

    void note(const std::string& text, int depth) {
        if (rows_.size() >= max_rows_per_box + 1) return;
        rows_.push_back(DiagramRow{.name = text, .value = "", .depth = depth});
    }

    std::vector<DiagramRow> finish(std::size_t total_hint) {
        if (dropped_ > 0 || total_hint > rows_.size() + dropped_) note("... " + std::to_string(dropped_) + " more rows", 0);
        return std::move(rows_);
    }

private:
    bool full() {
        if (rows_.size() < max_rows_per_box) return false;
        ++dropped_;
        return true;
    }
    void push(const ValueView& v, int depth, const std::string& value) {
        DiagramRow row{.name = v.name, .value = elide(value, m_.max_value_chars), .address = v.address, .size = v.size,
                       .pointer = v.is_pointer && v.initialized && v.value != 0,
                       .null = v.is_pointer && v.initialized && v.value == 0, .initialized = v.initialized,
                       .depth = std::max(depth, 0)};
        rows_.push_back(std::move(row));
    }

    const DiagramMetrics& m_;
    std::vector<DiagramRow> rows_;
    std::size_t dropped_ = 0;
};

float header_height(const DiagramMetrics& m) { return m.line_height + m.padding; }

// Sizes a box to its rows and title.
void size_box(DiagramBox& box, const DiagramMetrics& m) {
    std::size_t name_chars = 4, value_chars = 4;
    for (const DiagramRow& r : box.rows) {
        name_chars = std::max(name_chars, r.name.size() + static_cast<std::size_t>(r.depth) * 2);
        value_chars = std::max(value_chars, r.value.size());
    }
    const std::size_t title_chars = box.title.size() + (box.type.empty() ? 0 : box.type.size() + 2) + (box.leaked ? 8 : 0);
    const float rows_width = static_cast<float>(name_chars + value_chars + 4) * m.char_width;
    box.width = std::max({rows_width, static_cast<float>(title_chars + 2) * m.char_width, 10.0f * m.char_width}) + 2 * m.padding;
    float y = header_height(m);
    for (DiagramRow& r : box.rows) {
        r.y = y;
        y += m.line_height;
    }
    box.height = y + m.padding * 0.5f;
}

// Where each box is; finds the box and row holding an address.
class BoxIndex {
public:
    explicit BoxIndex(const std::vector<DiagramBox>& boxes) : boxes_(boxes) {}
    // The box whose bytes hold `address` among boxes of `kind`, or -1.
    int box_of(std::uint64_t address, DiagramBoxKind kind) const {
        for (std::size_t i = 0; i < boxes_.size(); ++i) {
            const DiagramBox& b = boxes_[i];
            if (b.kind != kind) continue;
            if (b.kind == DiagramBoxKind::Heap || b.kind == DiagramBoxKind::Frame) {
                if (address >= b.address && address < b.address + std::max<std::uint64_t>(b.size, 1)) return static_cast<int>(i);
            } else if (row_of(static_cast<int>(i), address) >= 0) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }
    // The deepest row of a box whose bytes hold `address`, or -1.
    int row_of(int box, std::uint64_t address) const {
        int found = -1;
        const auto& rows = boxes_[static_cast<std::size_t>(box)].rows;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (rows[r].size > 0 && address >= rows[r].address && address < rows[r].address + rows[r].size) found = static_cast<int>(r);
        }
        return found;
    }

private:
    const std::vector<DiagramBox>& boxes_;
};

DiagramBox frame_box(const stack::Frame& frame, const machine::FrameVariables& vars, bool newest, const DiagramMetrics& m) {
    DiagramBox box{.kind = DiagramBoxKind::Frame, .title = frame.function + "()", .type = {}, .address = frame.stack_pointer,
                   .size = frame.caller_stack_pointer - frame.stack_pointer, .newest = newest};
    RowBuilder rows(m);
    for (const ValueView& v : vars.variables) rows.add(v, 0);
    box.rows = rows.finish(0);
    if (box.rows.empty()) box.rows.push_back(DiagramRow{.name = "(no variables)", .value = ""});
    return box;
}

DiagramBox heap_box(const machine::HeapObject& object, const DiagramMetrics& m) {
    DiagramBox box{.kind = DiagramBoxKind::Heap, .title = hex(object.payload), .type = object.type, .address = object.payload,
                   .size = object.size, .leaked = machine::is_lost(object.reach), .reach = machine::reach_name(object.reach)};
    RowBuilder rows(m);
    const ValueView& v = object.value;
    if (object.type.empty()) {
        rows.note(std::to_string(object.size) + " bytes, not yet typed", 0);
    } else if (v.fields.empty() && v.elements.empty()) {
        rows.add(v, 0);
    } else if (!v.elements.empty() && v.text.starts_with("\"")) {
        ValueView text = v;
        text.name = "text";
        rows.add(text, 0);
    } else {
        rows.members(v, 0);
    }
    box.rows = rows.finish(0);
    return box;
}

// Heap boxes by pointer hops from the stack: a list lies along a row, a tree sideways.
std::vector<int> heap_depths(const std::vector<DiagramBox>& boxes, const std::vector<machine::DiagramEdge>& edges,
                             const BoxIndex& index) {
    std::vector<int> depth(boxes.size(), 0);
    std::map<std::uint64_t, std::vector<int>> from_block;  // heap box -> heap boxes its pointers reach
    std::deque<int> queue;
    for (const machine::DiagramEdge& e : edges) {
        if (e.target != PointerTarget::Heap) continue;
        const int to = index.box_of(e.to, DiagramBoxKind::Heap);
        if (to < 0) continue;
        const int from = index.box_of(e.from, DiagramBoxKind::Heap);
        if (from >= 0) {
            from_block[static_cast<std::uint64_t>(from)].push_back(to);
        } else if (depth[static_cast<std::size_t>(to)] == 0) {
            depth[static_cast<std::size_t>(to)] = 1;
            queue.push_back(to);
        }
    }
    auto flood = [&]() {
        while (!queue.empty()) {
            const int b = queue.front();
            queue.pop_front();
            for (int next : from_block[static_cast<std::uint64_t>(b)]) {
                if (depth[static_cast<std::size_t>(next)] != 0) continue;
                depth[static_cast<std::size_t>(next)] = depth[static_cast<std::size_t>(b)] + 1;
                queue.push_back(next);
            }
        }
    };
    flood();
    // Blocks nothing on the stack reaches (leaked ones, say) start their own chains.
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].kind != DiagramBoxKind::Heap || depth[i] != 0) continue;
        depth[i] = 1;
        queue.push_back(static_cast<int>(i));
        flood();
    }
    return depth;
}

void place_boxes(std::vector<DiagramBox>& boxes, const std::vector<int>& depth, const DiagramMetrics& m, float stub_room,
                 DiagramModel& model) {
    float left_width = 0, y = 0;
    for (DiagramBox& b : boxes) {
        if (b.kind == DiagramBoxKind::Heap) continue;
        b.x = 0;
        b.y = y;
        y += b.height + m.row_gap;
        left_width = std::max(left_width, b.width);
    }
    float column_width = 0;
    int columns = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].kind != DiagramBoxKind::Heap) continue;
        column_width = std::max(column_width, boxes[i].width);
        columns = std::max(columns, depth[i]);
    }
    float heap_x = left_width > 0 ? left_width + m.column_gap + stub_room : 0;
    float heap_top = 0;
    if (left_width > 0 && heap_x + column_width > m.available_width) {
        // Too narrow for the heap beside the frames: it goes below them.
        heap_x = 2.0f * m.char_width;
        heap_top = y + m.row_gap * 2;
    }
    const int per_band = std::max(1, static_cast<int>((m.available_width - heap_x + m.column_gap) / (column_width + m.column_gap)));
    const int bands = columns == 0 ? 0 : (columns + per_band - 1) / per_band;
    // Each band's columns fill downwards; the next band starts below the tallest.
    std::vector<std::vector<float>> fill(static_cast<std::size_t>(bands), std::vector<float>(static_cast<std::size_t>(per_band), 0.0f));
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].kind != DiagramBoxKind::Heap) continue;
        const int c = depth[i] - 1;
        auto& used = fill[static_cast<std::size_t>(c / per_band)][static_cast<std::size_t>(c % per_band)];
        boxes[i].x = heap_x + static_cast<float>(c % per_band) * (column_width + m.column_gap);
        boxes[i].y = used;  // made absolute below
        used += boxes[i].height + m.row_gap;
    }
    std::vector<float> band_top(static_cast<std::size_t>(bands) + 1, heap_top);
    for (int b = 0; b < bands; ++b) {
        const auto& used = fill[static_cast<std::size_t>(b)];
        band_top[static_cast<std::size_t>(b) + 1] = band_top[static_cast<std::size_t>(b)] + *std::max_element(used.begin(), used.end()) + m.row_gap * 2;
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].kind == DiagramBoxKind::Heap) boxes[i].y += band_top[static_cast<std::size_t>((depth[i] - 1) / per_band)];
    }
    for (const DiagramBox& b : boxes) {
        model.width = std::max(model.width, b.x + b.width);
        model.height = std::max(model.height, b.y + b.height);
    }
}

const char* stub_label(PointerTarget target) {
    switch (target) {
        case PointerTarget::Freed: return "freed block";
        case PointerTarget::Popped: return "popped frame";
        case PointerTarget::Code: return "function";
        // A live target with no box of its own: the stack above main holds argv and its
        // strings; a heap block or global may be past the boxes drawn.
        case PointerTarget::Stack: return "stack top (argv)";
        case PointerTarget::Heap: return "heap block";
        case PointerTarget::Global: return "global";
        case PointerTarget::String: return "string";
        default: return "wild";
    }
}

DiagramBoxKind box_kind_for(PointerTarget target) {
    switch (target) {
        case PointerTarget::Heap: return DiagramBoxKind::Heap;
        case PointerTarget::Stack: return DiagramBoxKind::Frame;
        case PointerTarget::Global: return DiagramBoxKind::Globals;
        default: return DiagramBoxKind::Strings;
    }
}

void add_arrows(const machine::ProgramView& program, const BoxIndex& index, const DiagramMetrics& m, DiagramModel& model) {
    std::map<std::uint64_t, std::pair<std::size_t, std::size_t>> pointer_rows;  // pointer address -> box, row
    for (std::size_t b = 0; b < model.boxes.size(); ++b) {
        for (std::size_t r = 0; r < model.boxes[b].rows.size(); ++r) {
            if (model.boxes[b].rows[r].pointer) pointer_rows.emplace(model.boxes[b].rows[r].address, std::make_pair(b, r));
        }
    }
    for (const machine::DiagramEdge& e : program.edges) {
        const auto source = pointer_rows.find(e.from);
        if (e.target == PointerTarget::Null || source == pointer_rows.end()) continue;
        const auto [b, r] = source->second;
        const DiagramBox& from = model.boxes[b];
        DiagramArrow arrow{.from_box = b, .from_row = r, .target = e.target, .from_name = e.from_name, .from = e.from, .to = e.to};
        arrow.x0 = from.x + from.width - m.padding - 4.0f;
        arrow.y0 = from.y + from.rows[r].y + m.line_height * 0.5f;
        const bool boxed = e.target == PointerTarget::Heap || e.target == PointerTarget::Stack ||
                           e.target == PointerTarget::Global || e.target == PointerTarget::String;
        const int to = boxed ? index.box_of(e.to, box_kind_for(e.target)) : -1;
        if (to < 0) {
            arrow.x1 = from.x + from.width + m.column_gap * 0.6f;
            arrow.y1 = arrow.y0;
            arrow.label = stub_label(e.target);
        } else {
            const DiagramBox& target = model.boxes[static_cast<std::size_t>(to)];
            arrow.to_box = to;
            arrow.to_row = e.to == target.address && target.kind == DiagramBoxKind::Heap ? -1 : index.row_of(to, e.to);
            // Heap boxes are entered from the left; the left column's boxes from the right; a
            // box in the source's own column (a list wrapped into bands) from above or below.
            arrow.x1 = target.kind == DiagramBoxKind::Heap ? target.x : target.x + target.width;
            arrow.y1 = target.y + (arrow.to_row < 0 ? header_height(m) * 0.5f
                                                    : target.rows[static_cast<std::size_t>(arrow.to_row)].y + m.line_height * 0.5f);
            const bool same_column = target.kind == DiagramBoxKind::Heap && static_cast<std::size_t>(to) != b &&
                                     target.x < arrow.x0 && arrow.x0 < target.x + target.width;
            if (same_column) {
                arrow.vertical = true;
                arrow.x1 = target.x + target.width - 3.0f * m.padding;
                arrow.y1 = target.y > from.y ? target.y : target.y + target.height;
            }
        }
        model.arrows.push_back(std::move(arrow));
    }
}

}  // namespace

DiagramModel make_diagram(const machine::ProcessView& process, const DiagramMetrics& m) {
    DiagramModel model;
    if (!process.program) return model;
    const machine::ProgramView& program = *process.program;
    model.has_program = true;
    std::vector<DiagramBox>& boxes = model.boxes;
    if (!program.globals.empty()) {
        DiagramBox globals{.kind = DiagramBoxKind::Globals, .title = "globals"};
        RowBuilder rows(m);
        for (const ValueView& g : program.globals) rows.add(g, 0);
        globals.rows = rows.finish(0);
        boxes.push_back(std::move(globals));
    }
    for (std::size_t i = 0; i < process.frames.size() && i < program.frames.size(); ++i) {
        boxes.push_back(frame_box(process.frames[i], program.frames[i], i + 1 == process.frames.size(), m));
    }
    if (!program.strings.empty()) {
        DiagramBox strings{.kind = DiagramBoxKind::Strings, .title = "string literals"};
        for (const machine::StringLiteral& s : program.strings) {
            if (strings.rows.size() >= max_rows_per_box) break;
            std::string text = "\"" + s.text + "\"";
            for (char& c : text) c = (c == '\n' || static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
            strings.rows.push_back(DiagramRow{.name = hex(s.address), .value = elide(text, m.max_value_chars), .address = s.address,
                                              .size = s.text.size() + 1});
        }
        boxes.push_back(std::move(strings));
    }
    for (const machine::HeapObject& o : program.blocks) {
        if (model.blocks_omitted > 0 || boxes.size() >= max_boxes) {
            ++model.blocks_omitted;
            continue;
        }
        boxes.push_back(heap_box(o, m));
    }
    for (DiagramBox& b : boxes) size_box(b, m);
    const BoxIndex index(boxes);
    // Room for the labels of dangling pointers leaving the left column ("freed block").
    float stub_room = 0;
    for (const machine::DiagramEdge& e : program.edges) {
        const bool boxed = e.target == PointerTarget::Heap || e.target == PointerTarget::Stack ||
                           e.target == PointerTarget::Global || e.target == PointerTarget::String;
        const bool stub = e.target == PointerTarget::Freed || e.target == PointerTarget::Popped ||
                          e.target == PointerTarget::Wild || e.target == PointerTarget::Code ||
                          (boxed && index.box_of(e.to, box_kind_for(e.target)) < 0);
        if (stub && index.box_of(e.from, DiagramBoxKind::Heap) < 0) stub_room = 14.0f * m.char_width;
    }
    place_boxes(boxes, heap_depths(boxes, program.edges, index), m, stub_room, model);
    add_arrows(program, index, m, model);
    for (const DiagramArrow& a : model.arrows) model.width = std::max(model.width, std::max(a.x0, a.x1) + m.column_gap);
    return model;
}

std::vector<std::pair<float, float>> diagram_arrow_route(const DiagramArrow& a, int segments) {
    // A cubic curve leaving the dot to the right and entering the target from its side:
    // left for heap boxes (from the left), right for the left column (a loop back).
    const float reach = std::max(36.0f, std::fabs(a.x1 - a.x0) * 0.4f);
    const bool enters_from_right = a.to_box >= 0 && a.x1 <= a.x0 + 1.0f && a.label.empty() && a.target != machine::PointerTarget::Heap;
    const float c1x = a.x0 + reach, c1y = a.y0;
    float c2x = enters_from_right ? a.x1 + reach : a.x1 - reach, c2y = a.y1;
    if (a.vertical) {
        c2x = a.x1;
        c2y = a.y1 > a.y0 ? a.y1 - reach : a.y1 + reach;
    }
    std::vector<std::pair<float, float>> points;
    for (int i = 0; i <= segments; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(segments), u = 1 - t;
        points.emplace_back(u * u * u * a.x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * a.x1,
                            u * u * u * a.y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * a.y1);
    }
    return points;
}

int diagram_box_at(const DiagramModel& model, float x, float y) {
    for (std::size_t i = 0; i < model.boxes.size(); ++i) {
        const DiagramBox& b = model.boxes[i];
        if (x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height) return static_cast<int>(i);
    }
    return -1;
}

int diagram_arrow_at(const DiagramModel& model, float x, float y, float tolerance) {
    for (std::size_t i = 0; i < model.arrows.size(); ++i) {
        for (const auto& [px, py] : diagram_arrow_route(model.arrows[i], 16)) {
            if (std::fabs(px - x) <= tolerance && std::fabs(py - y) <= tolerance) return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace memsim::ui
