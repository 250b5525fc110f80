// read_program_view: a C program's variables, heap blocks and pointers, read from memory.
#include "memsim/machine/program_view.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "memsim/core/text.hpp"
#include "memsim/machine/machine.hpp"
#include "memsim/minic/float_bits.hpp"
#include "memsim/minic/interpreter.hpp"
#include "memsim/minic/value_text.hpp"

namespace memsim::machine {
namespace {

using minic::TypeId;
using minic::TypeKind;
using minic::TypeTable;
using memsim::hex;
using minic::char_text;
using minic::floating_text;

// "char [6]" -> "char[6]": the spelling people write in declarations and diagrams.
std::string type_name(const TypeTable& types, TypeId id) {
    std::string name = types.name(id);
    for (std::size_t at = name.find(" ["); at != std::string::npos; at = name.find(" [", at)) name.erase(at, 1);
    return name;
}

// Reads values of C types from a process's memory, within a budget of members so that
// a huge array costs no more than a small one.
class ValueReader {
public:
    ValueReader(const PageStore& memory, const TypeTable& types, const minic::Interpreter& program)
        : memory_(memory), types_(types), program_(program) {}

    ValueView read(TypeId type, std::uint64_t address, std::string name, std::uint64_t offset = 0) {
        ValueView v;
        v.name = std::move(name);
        v.type = type_name(types_, type);
        v.address = address;
        v.size = types_.size_of(type);
        v.offset = offset;
        if (types_.is_struct(type) && types_.is_complete(type)) {
            read_struct(type, v);
        } else if (types_.is_array(type)) {
            read_array(types_.element(type), types_.get(type).count, v);
        } else if (types_.is_scalar(type)) {
            read_scalar(type, v);
        }
        return v;
    }

    // A heap block of `bytes` as an array of `element` (a C string for char).
    ValueView read_block(TypeId element, std::uint64_t address, std::uint64_t bytes) {
        const std::uint64_t element_size = std::max<std::uint64_t>(types_.size_of(element), 1);
        const std::uint64_t count = bytes / element_size;
        if (count == 1 && element_size == bytes && types_.get(element).kind != TypeKind::Char) {
            return read(element, address, hex(address));
        }
        ValueView v;
        v.name = hex(address);
        v.type = type_name(types_, element) +
                 (types_.get(element).kind == TypeKind::Char ? "[]" : "[" + std::to_string(count) + "]");
        v.address = address;
        v.size = bytes;
        read_array(element, count, v);
        return v;
    }

private:
    void read_scalar(TypeId type, ValueView& v) {
        const auto size = static_cast<std::uint32_t>(std::min<std::uint64_t>(v.size, 8));
        v.value = memory_.read(v.address, size);
        v.initialized = memory_.initialized(v.address, size);
        v.is_pointer = types_.is_pointer(type);
        v.is_signed = !types_.is_unsigned(type);
        if (v.is_signed && size < 8 && (v.value >> (size * 8 - 1)) != 0) v.value |= ~0ull << (size * 8);
        if (types_.is_floating(type)) {
            v.is_signed = false;
            v.value = memory_.read(v.address, size);
            const bool is_float = size == 4;
            v.text = floating_text(is_float ? minic::bits_float(v.value) : minic::bits_double(v.value), is_float);
        } else if (v.is_pointer && types_.is_function_pointer(type) && program_.function_at(v.value) >= 0) {
            // A function pointer shows the function it points to, as C writes its address.
            v.text = "&" + program_.program().program.functions[static_cast<std::size_t>(program_.function_at(v.value))].name;
        } else if (v.is_pointer) {
            v.text = v.value == 0 ? "NULL" : hex(v.value);
        } else if (types_.get(type).kind == TypeKind::Char) {
            v.text = char_text(v.value);
        } else {
            v.text = v.is_signed ? std::to_string(static_cast<std::int64_t>(v.value)) : std::to_string(v.value);
        }
    }

    void read_struct(TypeId type, ValueView& v) {
        v.initialized = true;
        for (const minic::Field& f : types_.struct_of(type).fields) {
            if (budget_ == 0) break;
            --budget_;
            v.fields.push_back(read(f.type, v.address + f.offset, f.name, f.offset));
            v.initialized = v.initialized && v.fields.back().initialized;
        }
    }

    void read_array(TypeId element, std::uint64_t count, ValueView& v) {
        const std::uint64_t element_size = types_.size_of(element);
        const std::uint64_t shown = std::min({count, max_elements, budget_});
        budget_ -= shown;
        v.initialized = true;
        for (std::uint64_t i = 0; i < shown; ++i) {
            v.elements.push_back(read(element, v.address + i * element_size, "[" + std::to_string(i) + "]", i * element_size));
            v.initialized = v.initialized && v.elements.back().initialized;
        }
        v.elements_omitted = count - shown;
        if (types_.get(element).kind == TypeKind::Char) v.text = string_text(v.address, count);
    }

    // A char array as a C string literal, up to its NUL (or its end).
    std::string string_text(std::uint64_t address, std::uint64_t count) const {
        std::string text = "\"";
        for (std::uint64_t i = 0; i < std::min<std::uint64_t>(count, 256); ++i) {
            const auto c = static_cast<char>(memory_.read(address + i, 1));
            if (c == 0) break;
            if (c == '\n') text += "\\n";
            else if (c == '"' || c == '\\') (text += '\\') += c;
            else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) text += '?';
            else text += c;
        }
        return text + "\"";
    }

    const PageStore& memory_;
    const TypeTable& types_;
    const minic::Interpreter& program_;
    std::uint64_t budget_ = 20000;  // members read in all, for one view
};

// Decides what kind of memory an address lands in.
class TargetClassifier {
public:
    TargetClassifier(const Machine& machine, const Process& process, const std::vector<heap::BlockView>& live)
        : layout_(machine.layout()), process_(process), live_(live) {}

    PointerTarget classify(std::uint64_t to) const {
        if (to == 0) return PointerTarget::Null;
        if (live_block(to)) return PointerTarget::Heap;
        const stack::CallStack& stack = process_.stack;
        if (stack.is_live(to)) return PointerTarget::Stack;
        if (to >= stack.limit_floor() && to < stack.config().top) return PointerTarget::Popped;
        const Region* region = layout_.region_of(to);
        if (region == nullptr) {
            const heap::Region& heap = process_.heap.region();
            return to >= heap.base && to < heap.brk ? PointerTarget::Freed : PointerTarget::Wild;
        }
        switch (region->kind) {
            case RegionKind::Text: return PointerTarget::Code;
            case RegionKind::ReadOnlyData: return PointerTarget::String;
            case RegionKind::Data:
            case RegionKind::Bss: return PointerTarget::Global;
            case RegionKind::Heap:
            case RegionKind::Mmap: return PointerTarget::Freed;
            default: return PointerTarget::Wild;
        }
    }

    // The allocated block whose payload holds `address`.
    const heap::BlockView* live_block(std::uint64_t address) const {
        const auto after = std::upper_bound(live_.begin(), live_.end(), address,
                                            [](std::uint64_t a, const heap::BlockView& b) { return a < b.payload; });
        if (after == live_.begin()) return nullptr;
        const heap::BlockView& b = *(after - 1);
        return address < b.payload + std::max<std::uint64_t>(b.requested, 1) ? &b : nullptr;
    }

private:
    const AddressSpaceLayout& layout_;
    const Process& process_;
    const std::vector<heap::BlockView>& live_;  // allocated, by payload
};

// Adds an edge for every initialised pointer in `v` and its members.
void collect_edges(const ValueView& v, const std::string& name, const TargetClassifier& where, std::vector<DiagramEdge>& out) {
    if (v.is_pointer && v.initialized) {
        out.push_back(DiagramEdge{.from = v.address, .from_name = name, .to = v.value, .target = where.classify(v.value)});
    }
    for (const ValueView& f : v.fields) collect_edges(f, name + "." + f.name, where, out);
    for (const ValueView& e : v.elements) collect_edges(e, name + e.name, where, out);
}

std::vector<ValueView> read_globals(ValueReader& reader, const minic::Interpreter& program) {
    std::vector<ValueView> globals;
    const minic::Program& p = program.program().program;
    if (program.status() == minic::Status::NotStarted) return globals;
    for (std::size_t i = 0; i < p.globals.size(); ++i) {
        globals.push_back(reader.read(p.globals[i].type, program.global_address(i), p.globals[i].name));
    }
    return globals;
}

// A variable-length array as its elements, flattened (`int m[rows][cols]` as rows x cols
// ints), once its declaration has placed it.
ValueView read_variable_array(ValueReader& reader, const minic::TypeTable& types, minic::TypeId type, const minic::PlacedArray* placed,
                              std::uint64_t address, const std::string& name) {
    minic::TypeId element = type;
    while (types.is_array(element)) element = types.element(element);
    ValueView v = placed ? reader.read_block(element, address, placed->bytes[0]) : ValueView{};
    v.name = name;
    v.type = type_name(types, type);
    if (!placed) v.text = "(placed when its declaration runs)";
    return v;
}

std::vector<FrameVariables> read_frames(ValueReader& reader, const Process& process, const minic::Interpreter& program) {
    std::vector<FrameVariables> frames;
    const minic::Program& p = program.program().program;
    const auto& calls = program.active_calls();
    // The interpreter's calls and the stack's frames are the same calls, oldest first.
    const std::size_t count = std::min(calls.size(), process.stack.frames().size());
    for (std::size_t c = calls.size() - count; c < calls.size(); ++c) {
        const minic::Function& f = p.functions[static_cast<std::size_t>(calls[c].function)];
        FrameVariables frame{.function = f.name, .variables = {}};
        for (std::size_t i = 0; i < f.locals.size(); ++i) {
            const minic::TypeId type = f.locals[i].type;
            if (p.types.is_variable_array(type)) {
                frame.variables.push_back(read_variable_array(reader, p.types, type, program.placed_array(c, i), program.local_address(c, i),
                                                              f.locals[i].name));
                continue;
            }
            frame.variables.push_back(reader.read(type, program.local_address(c, i), f.locals[i].name));
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

// The allocated blocks, by payload address.
std::vector<heap::BlockView> live_blocks(const Process& process) {
    std::vector<heap::BlockView> live;
    for (const heap::BlockView& b : process.heap.blocks()) {
        if (b.allocated) live.push_back(b);
    }
    std::sort(live.begin(), live.end(), [](const auto& a, const auto& b) { return a.payload < b.payload; });
    return live;
}

std::vector<HeapObject> read_blocks(ValueReader& reader, const std::vector<heap::BlockView>& live, const minic::Interpreter& program) {
    std::vector<HeapObject> blocks;
    const auto& types = program.allocation_types();
    for (const heap::BlockView& b : live) {
        HeapObject object{.payload = b.payload, .size = b.requested, .type = {}, .value = {}, .names = {}, .reach = Reach::Reachable};
        const auto typed = types.find(b.payload);
        if (typed != types.end() && typed->second != 0) {
            object.value = reader.read_block(typed->second, b.payload, b.requested);
            object.type = object.value.type;
        } else {
            object.value.name = hex(b.payload);
            object.value.address = b.payload;
            object.value.size = b.requested;
        }
        blocks.push_back(std::move(object));
    }
    return blocks;
}

}  // namespace

ProgramView read_program_view(const Machine& machine, const Process& process, const minic::Interpreter& program) {
    ProgramView view;
    const minic::Program& p = program.program().program;
    ValueReader reader(process.memory, p.types, program);
    view.globals = read_globals(reader, program);
    view.frames = read_frames(reader, process, program);
    const std::vector<heap::BlockView> live = live_blocks(process);
    view.blocks = read_blocks(reader, live, program);
    if (program.status() != minic::Status::NotStarted) {
        for (std::size_t i = 0; i < p.strings.size(); ++i) view.strings.push_back({program.string_address(i), valid_utf8(p.strings[i])});
    }

    const TargetClassifier where(machine, process, live);
    for (const ValueView& g : view.globals) collect_edges(g, g.name, where, view.edges);
    for (const FrameVariables& f : view.frames) {
        for (const ValueView& v : f.variables) collect_edges(v, f.function + "." + v.name, where, view.edges);
    }
    for (const HeapObject& b : view.blocks) collect_edges(b.value, b.value.name, where, view.edges);
    for (const DiagramEdge& e : view.edges) {
        if (e.target != PointerTarget::Heap) continue;
        const std::uint64_t payload = where.live_block(e.to)->payload;
        const auto b = std::lower_bound(view.blocks.begin(), view.blocks.end(), payload,
                                        [](const HeapObject& o, std::uint64_t a) { return o.payload < a; });
        if (b != view.blocks.end() && b->payload == payload && b->names.size() < 8) b->names.push_back(e.from_name);
    }

    const auto reach = classify_blocks(live, program_roots(machine.layout(), process.stack.stack_pointer(), process.stack.config().top),
                                       process.memory, process.stack.config().word_size, program.operands());
    for (std::size_t i = 0; i < view.blocks.size() && i < reach.size(); ++i) view.blocks[i].reach = reach[i];
    return view;
}

ValueView read_value(const Process& process, const minic::Interpreter& program, std::uint32_t type, std::uint64_t address) {
    ValueReader reader(process.memory, program.program().program.types, program);
    return reader.read(type, address, "");
}

std::string value_summary(const ValueView& v, std::size_t max_members) {
    const bool is_struct = !v.fields.empty();
    const std::vector<ValueView>& members = is_struct ? v.fields : v.elements;
    if (members.empty()) return v.text.empty() ? "{}" : v.initialized ? v.text : "?";
    if (!is_struct && !v.text.empty()) return v.text;  // a char array as its string
    // Each level down shows one member fewer, so a nested value stays one short line.
    const std::size_t inner = std::max<std::size_t>(max_members, 2) - 1;
    std::string out = "{";
    for (std::size_t i = 0; i < members.size() && i < max_members; ++i) {
        out += (i == 0 ? "" : ", ") + (is_struct ? members[i].name + " = " : std::string()) + value_summary(members[i], inner);
    }
    const bool more = members.size() > max_members || v.elements_omitted > 0;
    return out + (more ? ", ...}" : "}");
}

const char* pointer_target_name(PointerTarget target) {
    switch (target) {
        case PointerTarget::Heap: return "heap";
        case PointerTarget::Stack: return "stack";
        case PointerTarget::Global: return "global";
        case PointerTarget::String: return "string";
        case PointerTarget::Code: return "code";
        case PointerTarget::Freed: return "freed";
        case PointerTarget::Popped: return "popped";
        case PointerTarget::Null: return "null";
        case PointerTarget::Wild: return "wild";
    }
    return "wild";
}

}  // namespace memsim::machine
