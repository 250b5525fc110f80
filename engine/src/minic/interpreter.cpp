#include "memsim/minic/interpreter.hpp"

#include <algorithm>

#include "memsim/core/assert.hpp"
#include "memsim/core/text.hpp"
#include "memsim/minic/library.hpp"
#include "memsim/minic/value_text.hpp"
#include "interpreter_floating.hpp"

namespace memsim::minic {
namespace {

// A value cut to `size` bytes: sign-extended when signed, zero-extended otherwise.
std::uint64_t normalize(std::uint64_t v, std::uint8_t size, bool is_signed) {
    switch (size) {
        case 1: return is_signed ? static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int8_t>(v))) : (v & 0xFFu);
        case 2: return is_signed ? static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int16_t>(v))) : (v & 0xFFFFu);
        case 4: return is_signed ? static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(v))) : (v & 0xFFFFFFFFu);
        default: return v;
    }
}

std::int64_t as_signed(std::uint64_t v) { return static_cast<std::int64_t>(v); }

// An argument or returned value as C shows it, for the explanations: "-3", "0x7ffe0010",
// "NULL", "2.5", "&compare"; a struct (passed or returned by value) by its type.
std::string shown_value(const Interpreter& run, TypeId type, std::uint64_t bits) {
    const Program& p = run.program().program;
    if (p.types.is_struct(type)) return p.types.name(type);
    if (p.types.is_function_pointer(type) && run.function_at(bits) >= 0) {
        return "&" + p.functions[static_cast<std::size_t>(run.function_at(bits))].name;
    }
    return scalar_text(p.types, type, bits);
}

// Signed division without the one overflow C++ leaves undefined (INT64_MIN / -1).
std::uint64_t divide(std::uint64_t a, std::uint64_t b, bool is_signed, bool remainder) {
    if (!is_signed) return remainder ? a % b : a / b;
    if (as_signed(b) == -1) return remainder ? 0 : 0 - a;
    return static_cast<std::uint64_t>(remainder ? as_signed(a) % as_signed(b) : as_signed(a) / as_signed(b));
}

// Whether the report needs handling beyond the plain result.
bool notable(const Report& r) { return r.stop || r.end_step || !r.problem.empty(); }

// Instructions that reach the host: a step asked to end stops before the next of these.
bool touches_memory(Op op) {
    return op == Op::Load || op == Op::Store || op == Op::Copy || op == Op::IncDec || op == Op::Call ||
           op == Op::Builtin || op == Op::Ret || op == Op::CallIndirect || op == Op::Resume;
}

bool compare(Op op, std::uint64_t a, std::uint64_t b, bool is_signed) {
    if (is_signed) {
        const std::int64_t x = as_signed(a), y = as_signed(b);
        switch (op) {
            case Op::Lt: return x < y;
            case Op::Le: return x <= y;
            case Op::Gt: return x > y;
            case Op::Ge: return x >= y;
            default: break;
        }
    }
    switch (op) {
        case Op::Lt: return a < b;
        case Op::Le: return a <= b;
        case Op::Gt: return a > b;
        case Op::Ge: return a >= b;
        case Op::Eq: return a == b;
        default: return a != b;
    }
}

// Builds an event field by field (designated initializers would have to name every field).
struct EventBuilder {
    Event event;
    EventBuilder& with_line(int line) { event.line = line; return *this; }
    EventBuilder& with_function(std::string function) { event.function = std::move(function); return *this; }
    EventBuilder& with_value(std::int64_t value) { event.value = value; return *this; }
    EventBuilder& with_address(std::uint64_t address) { event.address = address; return *this; }
    EventBuilder& with_text(std::string text) { event.text = std::move(text); return *this; }
    EventBuilder& with_fatal(bool fatal) { event.fatal = fatal; return *this; }
    EventBuilder& with_host_explained(bool explained) { event.host_explained = explained; return *this; }
    operator Event() const { return event; }
};

EventBuilder make_event(EventKind kind) {
    EventBuilder b;
    b.event.kind = kind;
    return b;
}


}  // namespace

Event Interpreter::statement_event() const {
    Event e = make_event(EventKind::Statement).with_line(line_).with_text(std::string(program_->line_text(line_)));
    if (const MacroLine* macros = program_->macro_line(line_)) {
        e.macros = macros->macros;
        e.expanded = macros->expanded;
    }
    return e;
}

Event Interpreter::switch_choice(const Instr& in, std::uint64_t value) const {
    // The promoted value: an int, a long or their unsigned kinds (shown as they print).
    std::int64_t shown = static_cast<std::int64_t>(value);
    if (in.size == 4) shown = in.flag != 0 ? static_cast<std::int32_t>(value) : static_cast<std::int64_t>(static_cast<std::uint32_t>(value));
    EventBuilder e = make_event(EventKind::SwitchCase).with_value(shown);
    if (in.a >= 0) {
        const Stmt& label = program_->program.stmts[static_cast<std::size_t>(in.a)];
        e.with_text(label.kind == StmtKind::Default ? "default" : label.label);
        e.event.to_line = label.line;
    }
    e.event.is_char = in.b != 0;
    return e;
}

Interpreter::Interpreter(std::shared_ptr<const CompiledProgram> program, InterpreterConfig config)
    : program_(std::move(program)), config_(config) {
    MEMSIM_ASSERT(program_ && program_->main >= 0);
    values_.reserve(64);
}

std::string Interpreter::current_function() const {
    if (calls_.empty()) return "";
    return program_->program.functions[static_cast<std::size_t>(calls_.back().function)].name;
}

const PlacedArray* Interpreter::placed_array(std::size_t call, std::size_t index) const {
    // arrays_ is ordered by call: only the newest call places arrays, and a return drops
    // its own. So a deep recursion with an array per frame costs a binary search here.
    auto it = std::lower_bound(arrays_.begin(), arrays_.end(), call,
                               [](const PlacedArray& a, std::size_t c) { return a.call < c; });
    for (; it != arrays_.end() && it->call == call; ++it) {
        if (it->local == static_cast<std::int32_t>(index)) return &*it;
    }
    return nullptr;
}

bool Interpreter::push_array(const Instr& in, Host& host, std::vector<Event>* sink) {
    const auto dims = static_cast<std::size_t>(in.b);
    std::vector<std::uint64_t> counts(values_.end() - static_cast<std::ptrdiff_t>(dims), values_.end());
    values_.resize(values_.size() - dims);
    const std::string& name = program_->program.functions[static_cast<std::size_t>(calls_.back().function)]
                                  .locals[static_cast<std::size_t>(in.a)].name;
    // The bytes of each dimension, innermost first, refusing a size that is not positive or
    // that no address space holds (C leaves both undefined; gcc's program would crash).
    constexpr std::uint64_t max_bytes = 1ull << 48;
    std::vector<std::uint64_t> bytes(dims + 1, static_cast<std::uint64_t>(in.imm));
    for (std::size_t d = dims; d-- > 0;) {
        const auto count = static_cast<std::int64_t>(counts[d]);
        if (count <= 0) {
            stop(EventKind::MemoryProblem, "the array '" + name + "' would have " +
                                               std::to_string(count) + " elements: a variable-length array needs a size above 0",
                 sink);
            return false;
        }
        if (bytes[d + 1] != 0 && static_cast<std::uint64_t>(count) > max_bytes / bytes[d + 1]) {
            stop(EventKind::MemoryProblem, "the array '" + name +
                                               "' would be larger than any address space (more than 2^48 bytes)",
                 sink);
            return false;
        }
        bytes[d] = static_cast<std::uint64_t>(count) * bytes[d + 1];
    }
    // Declared again (a loop runs it once per pass): the old one is released first.
    if (placed_array(calls_.size() - 1, static_cast<std::size_t>(in.a)) != nullptr) pop_array(in.a, host);
    ValueResult placed = host.push_array(name, bytes[0]);
    if (!take(std::move(placed.report), sink)) return false;
    addresses_[calls_.back().addresses_base + static_cast<std::uint32_t>(in.a)] = placed.value;
    bytes.pop_back();
    arrays_.push_back(PlacedArray{.call = static_cast<std::uint32_t>(calls_.size() - 1), .local = in.a, .bytes = std::move(bytes),
                                  .counts = std::move(counts)});
    return true;
}

void Interpreter::keep_arrays(std::size_t count, Host& host) {
    const std::size_t call = calls_.size() - 1;
    auto first = std::lower_bound(arrays_.begin(), arrays_.end(), call,
                                  [](const PlacedArray& a, std::size_t c) { return a.call < c; });
    if (static_cast<std::size_t>(arrays_.end() - first) > count) pop_array(first[static_cast<std::ptrdiff_t>(count)].local, host);
}

void Interpreter::pop_array(std::int32_t local, Host& host) {
    const std::size_t call = calls_.size() - 1;
    for (std::size_t i = arrays_.size(); i-- > 0 && arrays_[i].call == call;) {  // the newest call's are last
        if (arrays_[i].local != local) continue;
        std::uint64_t& address = addresses_[calls_.back().addresses_base + static_cast<std::uint32_t>(local)];
        (void)host.pop_array(address);
        address = 0;
        // Those placed after it sit below it on the stack and go with it.
        for (std::size_t j = i; j < arrays_.size(); ++j) {
            addresses_[calls_.back().addresses_base + static_cast<std::uint32_t>(arrays_[j].local)] = 0;
        }
        arrays_.resize(i);
        return;
    }
}

std::uint64_t Interpreter::array_bytes(std::int32_t local, std::int32_t depth) const {
    const PlacedArray* a = placed_array(calls_.size() - 1, static_cast<std::size_t>(local));
    MEMSIM_ASSERT(a != nullptr && static_cast<std::size_t>(depth) < a->bytes.size());
    return a->bytes[static_cast<std::size_t>(depth)];
}

std::uint64_t Interpreter::local_address(std::size_t call, std::size_t index) const {
    return addresses_[calls_[call].addresses_base + index];
}

void Interpreter::set_step_limit(std::uint64_t limit) {
    config_.step_limit = limit;
    if (status_ == Status::Paused && steps_ < limit) {
        status_ = Status::Running;
        stop_reason_.clear();
    }
}

bool Interpreter::operator==(const Interpreter& o) const {
    return program_ == o.program_ && status_ == o.status_ && pc_ == o.pc_ && line_ == o.line_ && values_ == o.values_ &&
           calls_ == o.calls_ && addresses_ == o.addresses_ && arrays_ == o.arrays_ && global_addresses_ == o.global_addresses_ &&
           string_addresses_ == o.string_addresses_ && steps_ == o.steps_ && calls_made_ == o.calls_made_ &&
           max_depth_ == o.max_depth_ && learner_errors_ == o.learner_errors_ && exit_code_ == o.exit_code_ &&
           stop_reason_ == o.stop_reason_ && config_.step_limit == o.config_.step_limit &&
           allocation_types_ == o.allocation_types_ && library_ == o.library_ &&
           function_addresses_ == o.function_addresses_ && callbacks_ == o.callbacks_ && library_data_ == o.library_data_;
}

void Interpreter::emit(std::vector<Event>* sink, Event event) const {
    if (!sink) return;
    if (event.line == 0) event.line = line_;
    sink->push_back(std::move(event));
}

void Interpreter::stop(EventKind kind, std::string reason, std::vector<Event>* sink) {
    status_ = Status::Stopped;
    ++learner_errors_;
    stop_reason_ = reason;
    emit(sink, make_event(kind).with_text(std::move(reason)).with_fatal(true));
}

bool Interpreter::take(Report report, std::vector<Event>* sink) {
    if (report.end_step) end_step_ = true;
    if (report.end_step_now) end_now_ = true;
    if (report.problem.empty() && !report.stop) return true;
    if (report.problem.empty()) report.problem = "the machine stopped the program";
    ++learner_errors_;
    if (report.stop) {
        status_ = Status::Stopped;
        stop_reason_ = report.problem;
    }
    emit(sink, make_event(EventKind::MemoryProblem).with_text(std::move(report.problem)).with_fatal(report.stop)
                   .with_host_explained(report.host_explained));
    return !report.stop;
}

void Interpreter::run(Host& host, std::vector<Event>* sink) {
    while (running()) step(host, sink);
}

void Interpreter::step(Host& host, std::vector<Event>* sink) {
    if (!running()) return;
    if (steps_ >= config_.step_limit) {
        status_ = Status::Paused;
        stop_reason_ = "still running after " + std::to_string(steps_) + " steps: paused";
        emit(sink, make_event(EventKind::StepLimit).with_value(static_cast<std::int64_t>(steps_)).with_text(stop_reason_));
        return;
    }
    ++steps_;
    if (status_ == Status::NotStarted) {
        start(host, sink);
        return;
    }
    execute(host, sink);
}

// Places string literals, then globals (with string addresses patched in), then calls main.
void Interpreter::start(Host& host, std::vector<Event>* sink) {
    status_ = Status::Running;
    const CompiledProgram& p = *program_;
    for (const std::string& s : p.program.strings) string_addresses_.push_back(host.place_string(s));
    // A function's address is the code address of its first line (two functions on one
    // line get the next bytes), so a function pointer points into the text segment.
    for (const Function& f : p.program.functions) {
        std::uint64_t address = host.code_address(f.line);
        while (std::find(function_addresses_.begin(), function_addresses_.end(), address) != function_addresses_.end()) ++address;
        function_addresses_.push_back(address);
    }
    for (std::size_t i = 0; i < p.globals.size(); ++i) {
        const VarDecl& g = p.program.globals[i];
        StaticData data{.name = g.name, .size = p.program.types.size_of(g.type),
                        .align = p.program.types.align_of(g.type), .bytes = p.globals[i].bytes};
        for (const GlobalImage::StringPatch& patch : p.globals[i].patches) {
            const std::uint64_t address = patch.function >= 0 ? function_addresses_[static_cast<std::size_t>(patch.function)]
                                                              : string_addresses_[static_cast<std::size_t>(patch.string)];
            data.bytes.resize(std::max(data.bytes.size(), static_cast<std::size_t>(patch.offset + patch.size)), 0);
            for (std::uint32_t b = 0; b < patch.size; ++b) data.bytes[static_cast<std::size_t>(patch.offset + b)] = static_cast<std::uint8_t>(address >> (8 * b));
        }
        global_addresses_.push_back(host.place_global(data));
    }
    place_library_data(host);
    const Function& main_function = p.program.functions[static_cast<std::size_t>(p.main)];
    if (main_function.param_count == 2) {
        // int main(int argc, char *argv[]): argv = {"prog", args..., NULL}, at the top of the
        // stack where the host models it, else in static data.
        std::vector<std::string> arguments{"prog"};
        arguments.insert(arguments.end(), config_.args.begin(), config_.args.end());
        if (auto argv = host.place_arguments(arguments)) {
            if (!take(std::move(argv->report), sink)) return;  // they overflowed the stack: main never runs
            values_.push_back(arguments.size());
            values_.push_back(argv->value);
        } else {
            place_static_arguments(host);
        }
    }
    line_ = main_function.line;
    emit(sink, make_event(EventKind::Started));
    if (!enter(p.main, host, sink)) return;
    const Instr& first = p.code[pc_];
    line_ = first.op == Op::Stmt ? first.a : p.program.functions[static_cast<std::size_t>(p.main)].line;
}

void Interpreter::place_static_arguments(Host& host) {
    const std::uint32_t pointer_size = program_->program.types.pointer_size();
    std::vector<std::uint64_t> strings{host.place_string("prog")};
    for (const std::string& arg : config_.args) strings.push_back(host.place_string(arg));
    strings.push_back(0);
    StaticData argv{.name = "argv", .size = strings.size() * pointer_size, .align = pointer_size,
                    .bytes = std::vector<std::uint8_t>(strings.size() * pointer_size, 0)};
    for (std::size_t i = 0; i < strings.size(); ++i) {
        for (std::uint32_t b = 0; b < pointer_size; ++b) argv.bytes[i * pointer_size + b] = static_cast<std::uint8_t>(strings[i] >> (8 * b));
    }
    values_.push_back(strings.size() - 1);
    values_.push_back(host.place_global(argv));
}

LibraryUse library_use(const CompiledProgram& program) {
    LibraryUse use;
    for (const Instr& in : program.code) {
        if (in.op != Op::Builtin) continue;
        const auto id = static_cast<Builtin>(in.a);
        use.errno_value = use.errno_value || id == Builtin::ErrnoLocation || id == Builtin::Perror || id == Builtin::Strerror;
        use.strerror = use.strerror || id == Builtin::Strerror;
    }
    return use;
}

std::uint64_t LibraryUse::static_bytes() const {
    return (errno_value ? 16 : 0) + (strerror ? LibraryData::strerror_buffer_size + 16 : 0);
}

std::uint64_t LibraryUse::string_bytes() const {
    if (!strerror) return 0;
    std::uint64_t bytes = 0;
    for (int code = 0; code < error_message_count; ++code) {
        if (!error_message(code).empty()) bytes += error_message(code).size() + 1;
    }
    return bytes;
}

void Interpreter::place_library_data(Host& host) {
    const LibraryUse use = library_use(*program_);
    if (!use.errno_value) return;
    library_data_.errno_address = host.place_global(StaticData{.name = "errno", .size = 4, .align = 4, .bytes = {}});
    if (!use.strerror) return;
    library_data_.error_messages.assign(error_message_count, 0);
    for (int code = 0; code < error_message_count; ++code) {
        const std::string_view text = error_message(code);
        if (!text.empty()) library_data_.error_messages[static_cast<std::size_t>(code)] = host.place_string(std::string(text));
    }
    library_data_.strerror_buffer = host.place_global(StaticData{
        .name = "strerror's buffer", .size = LibraryData::strerror_buffer_size, .align = 16,
        .bytes = {}});
}

std::int32_t Interpreter::function_at(std::uint64_t address) const {
    for (std::size_t i = 0; i < function_addresses_.size(); ++i) {
        if (function_addresses_[i] == address && program_->program.functions[i].body >= 0) return static_cast<std::int32_t>(i);
    }
    return -1;
}

bool Interpreter::call_indirect(std::uint64_t pointer, std::size_t argc, std::uint64_t struct_result, Host& host,
                                std::vector<Event>* sink) {
    const std::int32_t target = function_at(pointer);
    if (target < 0) {
        stop(EventKind::MemoryProblem,
             pointer == 0 ? "line " + std::to_string(line_) + " calls through a NULL function pointer: segmentation fault"
                          : "line " + std::to_string(line_) + " calls through a function pointer holding " + hex(pointer) +
                                ", which is not the address of a function: segmentation fault",
             sink);
        return false;
    }
    const Function& f = program_->program.functions[static_cast<std::size_t>(target)];
    if (f.param_count != argc) {
        stop(EventKind::MemoryProblem, "line " + std::to_string(line_) + " calls '" + f.name + "' through a pointer with " +
                                           std::to_string(argc) + " arguments, but '" + f.name + "' takes " +
                                           std::to_string(f.param_count) + ": the pointer's type does not match the function",
             sink);
        return false;
    }
    if (program_->functions[static_cast<std::size_t>(target)].return_struct != struct_result) {
        stop(EventKind::MemoryProblem, "line " + std::to_string(line_) + " calls '" + f.name +
                                           "' through a pointer whose type returns another kind of value than '" + f.name +
                                           "' does: the pointer's type does not match the function",
             sink);
        return false;
    }
    return enter(target, host, sink);
}

bool Interpreter::copy_bytes(Host& host, std::uint64_t from, std::uint64_t to, std::uint64_t bytes, std::vector<Event>* sink) {
    for (std::uint64_t i = 0; i < bytes; ++i) {
        // Copying a struct copies its padding too: like Valgrind, no uninitialised-read
        // report for bytes that are only moved.
        LoadResult byte = host.load(from + i, 1);
        if (notable(byte.report) && !take(std::move(byte.report), sink)) return false;
        if (!store(host, to + i, 1, byte.value, sink)) return false;
    }
    return true;
}

bool Interpreter::enter(std::int32_t function, Host& host, std::vector<Event>* sink) {
    return enter(function, pc_ + 1, host, sink);
}

bool Interpreter::enter(std::int32_t function, std::uint32_t return_pc, Host& host, std::vector<Event>* sink) {
    const CompiledFunction& f = program_->functions[static_cast<std::size_t>(function)];
    const std::string& name = program_->program.functions[static_cast<std::size_t>(function)].name;
    CallRequest request{.function = name, .arguments = f.params, .locals = f.locals,
                        .return_address = host.code_address(calls_.empty() ? 0 : line_)};
    const std::size_t first_arg = values_.size() - f.params.size();
    std::vector<std::uint64_t> sources(f.params.size(), 0);  // the caller's structs passed by value
    for (std::size_t i = 0; i < f.params.size(); ++i) {
        if (f.struct_copies[i] != 0) sources[i] = values_[first_arg + i];
        else request.arguments[i].value = values_[first_arg + i];
        if (sink != nullptr) {
            const TypeId type = program_->program.functions[static_cast<std::size_t>(function)].locals[i].type;
            request.arguments[i].text = f.struct_copies[i] != 0 ? "a copy of the caller's " + shown_value(*this, type, 0)
                                                                : shown_value(*this, type, values_[first_arg + i]);
        }
    }
    values_.resize(first_arg);
    std::uint64_t return_slot = 0;  // below the arguments: where a struct result goes
    if (f.return_struct != 0) {
        return_slot = values_.back();
        values_.pop_back();
    }
    CallResult result = host.call(request);
    if (!take(std::move(result.report), sink)) return false;
    // A struct argument is a copy: its bytes go into the parameter's slot, one by one.
    for (std::size_t i = 0; i < f.params.size(); ++i) {
        if (f.struct_copies[i] != 0 && !copy_bytes(host, sources[i], result.argument_addresses[i], f.struct_copies[i], sink)) return false;
    }
    calls_.push_back(ActiveCall{.function = function, .return_pc = return_pc,
                                .addresses_base = static_cast<std::uint32_t>(addresses_.size()), .call_line = line_,
                                .return_slot = return_slot});
    addresses_.insert(addresses_.end(), result.argument_addresses.begin(), result.argument_addresses.end());
    // A variable-length array has no slot until its declaration runs: 0 until then.
    std::size_t next_local = 0;
    for (std::size_t i = f.params.size(); i < f.variable_arrays.size(); ++i) {
        addresses_.push_back(f.variable_arrays[i] ? 0 : result.local_addresses[next_local++]);
    }
    MEMSIM_ASSERT(next_local == result.local_addresses.size());
    MEMSIM_ASSERT(addresses_.size() - calls_.back().addresses_base == f.variable_arrays.size());
    ++calls_made_;
    max_depth_ = std::max(max_depth_, calls_.size());
    emit(sink, make_event(EventKind::Call).with_function(name).with_value(static_cast<std::int64_t>(calls_.size())));
    pc_ = f.entry;
    return true;
}

void Interpreter::leave(bool has_value, Host& host, std::vector<Event>* sink) {
    std::uint64_t value = 0;
    if (has_value) {
        value = values_.back();
        values_.pop_back();
    }
    const ActiveCall call = calls_.back();
    const CompiledFunction& f = program_->functions[static_cast<std::size_t>(call.function)];
    std::string returned{};
    if (f.return_struct != 0) {
        // `return s;` copies s into the caller's slot while the callee's frame still holds it.
        if (has_value && !copy_bytes(host, value, call.return_slot, f.return_struct, sink)) return;
        value = call.return_slot;
        if (sink != nullptr) {
            const TypeId type = program_->program.functions[static_cast<std::size_t>(call.function)].return_type;
            returned = "the " + program_->program.types.name(type) + " (" + std::to_string(f.return_struct) +
                       " bytes), copied into the caller's frame at " + hex(value);
        }
    } else if (f.returns_value) {
        value = normalize(value, f.return_size, f.return_signed);
        if (sink != nullptr) returned = shown_value(*this, program_->program.functions[static_cast<std::size_t>(call.function)].return_type, value);
    }
    const Report report = host.ret();
    calls_.pop_back();
    addresses_.resize(call.addresses_base);
    while (!arrays_.empty() && arrays_.back().call >= calls_.size()) arrays_.pop_back();  // gone with the frame
    emit(sink, make_event(EventKind::Return).with_function(program_->program.functions[static_cast<std::size_t>(call.function)].name).with_value(as_signed(value)).with_text(std::move(returned)));
    if (!take(report, sink)) return;
    if (calls_.empty()) {
        finish(static_cast<int>(value), host, sink);
        return;
    }
    pc_ = call.return_pc;
    line_ = call.call_line;
    values_.push_back(value);
}

void Interpreter::finish(int code, Host& host, std::vector<Event>* sink) {
    status_ = Status::Exited;
    exit_code_ = code;
    emit(sink, make_event(EventKind::Exited).with_value(code));
    Report report = host.exit(code);
    if (!report.problem.empty()) {
        ++learner_errors_;
        emit(sink, make_event(EventKind::MemoryProblem).with_text(std::move(report.problem))
                       .with_host_explained(report.host_explained));
    }
}

void Interpreter::builtin(const Instr& in, Host& host, std::vector<Event>* sink) {
    const std::size_t argc = static_cast<std::size_t>(in.b);
    const std::size_t first = values_.size() - argc;
    const TypeTable& types = program_->program.types;
    const LibraryContext context{.long_size = static_cast<std::uint32_t>(types.size_of(types.long_type())),
                                 .pointer_size = types.pointer_size(),
                                 .stdin_text = config_.stdin_text ? std::string_view(*config_.stdin_text) : std::string_view(),
                                 .data = &library_data_};
    const std::span<const std::uint64_t> args(values_.data() + first, argc);
    BuiltinOutcome out = run_builtin(static_cast<Builtin>(in.a), args, host, library_, context);
    // glibc's functions store into errno as they return (only observable when the program has errno).
    if (out.set_errno != 0 && library_data_.errno_address != 0 && !out.report.stop &&
        !store(host, library_data_.errno_address, 4, static_cast<std::uint32_t>(out.set_errno), sink)) {
        values_.resize(first);
        return;
    }
    if (!out.report.stop) track_allocation(static_cast<Builtin>(in.a), args, out.value);
    values_.resize(first);
    if (!out.output.empty()) emit(sink, make_event(EventKind::Output).with_text(std::move(out.output)));
    if (!out.error_output.empty()) emit(sink, make_event(EventKind::Output).with_text(std::move(out.error_output)).with_value(2));
    if (!take(std::move(out.report), sink)) return;
    if (out.abort) {
        exit_code_ = 134;  // 128 + SIGABRT, as a shell reports it
        stop(EventKind::Aborted, std::move(out.abort_text), sink);
        return;
    }
    if (out.exit) {
        finish(static_cast<int>(static_cast<std::int32_t>(out.value)), host, sink);
        return;
    }
    values_.push_back(out.value);
    ++pc_;
}

void Interpreter::track_allocation(Builtin id, std::span<const std::uint64_t> args, std::uint64_t result) {
    TypeId type = 0;
    if (id == Builtin::Realloc && result != 0 && args[0] != 0) {
        if (const auto old = allocation_types_.find(args[0]); old != allocation_types_.end()) type = old->second;
    }
    if ((id == Builtin::Free || id == Builtin::Realloc) && (id == Builtin::Free || result != 0)) allocation_types_.erase(args[0]);
    const bool allocates = id == Builtin::Malloc || id == Builtin::Calloc || id == Builtin::Realloc ||
                           id == Builtin::Strdup || id == Builtin::Strndup;
    if (allocates && result != 0) {
        allocation_types_[result] = type;
    }
}

void Interpreter::type_allocation(std::uint64_t value, TypeId pointer_type) {
    const auto it = allocation_types_.find(value);
    if (it == allocation_types_.end() || it->second != 0) return;
    const TypeTable& types = program_->program.types;
    const TypeId target = types.element(pointer_type);
    if (!types.is_void(target) && types.is_complete(target)) it->second = target;
}

void Interpreter::uninitialized_read(std::uint64_t address, std::vector<Event>* sink) {
    ++learner_errors_;
    if (!sink) return;
    // Name the variable when the address is one of the current function's locals.
    std::string name;
    const ActiveCall& call = calls_.back();
    const Function& f = program_->program.functions[static_cast<std::size_t>(call.function)];
    for (std::size_t i = 0; i < f.locals.size(); ++i) {
        const std::uint64_t start = addresses_[call.addresses_base + i];
        if (address >= start && address < start + program_->program.types.size_of(f.locals[i].type)) name = f.locals[i].name;
    }
    emit(sink, make_event(EventKind::UninitializedRead).with_address(address).with_text(name));
}

bool Interpreter::load(Host& host, std::uint64_t address, std::uint8_t size, bool is_signed, std::uint64_t& value,
                       std::vector<Event>* sink) {
    LoadResult r = host.load(address, size);
    if (r.uninitialized) uninitialized_read(address, sink);
    if (notable(r.report) && !take(std::move(r.report), sink)) return false;
    value = normalize(r.value, size, is_signed);
    return true;
}

bool Interpreter::store(Host& host, std::uint64_t address, std::uint8_t size, std::uint64_t value, std::vector<Event>* sink) {
    Report r = host.store(address, size, value);
    return !notable(r) || take(std::move(r), sink);
}

// One switch over the instructions, in one function: the hot loop of every run.
void Interpreter::execute(Host& host, std::vector<Event>* sink) {
    const Instr* code = program_->code.data();
    // A step starts at a statement, or in the middle of one when the last step ended with
    // a return (each return is a step of its own, so a recursion unwinds frame by frame).
    if (code[pc_].op == Op::Stmt) {
        line_ = code[pc_].a;
        ++pc_;
    }
    if (sink && config_.statement_events) sink->push_back(statement_event());
    std::vector<std::uint64_t>& v = values_;
    auto pop = [&v]() {
        const std::uint64_t x = v.back();
        v.pop_back();
        return x;
    };
    end_step_ = false;
    while (status_ == Status::Running) {
        if (end_now_) {
            end_now_ = false;
            return;
        }
        const Instr& in = code[pc_];
        if (end_step_ && touches_memory(in.op)) return;  // the host asked for a step per memory event
        switch (in.op) {
            case Op::Stmt:
                line_ = in.a;  // the next step runs this statement
                return;
            case Op::Const: v.push_back(static_cast<std::uint64_t>(in.imm)); break;
            case Op::LocalAddr: v.push_back(addresses_[calls_.back().addresses_base + static_cast<std::uint32_t>(in.a)]); break;
            case Op::GlobalAddr: v.push_back(global_addresses_[static_cast<std::size_t>(in.a)]); break;
            case Op::StringAddr: v.push_back(string_addresses_[static_cast<std::size_t>(in.a)]); break;
            case Op::Load:
                if (!load(host, v.back(), in.size, in.flag != 0, v.back(), sink)) return;
                break;
            case Op::Store: {
                const std::uint64_t value = pop();
                if (!store(host, v.back(), in.size, value, sink)) return;
                if (in.b > 0 && value != 0) type_allocation(value, static_cast<TypeId>(in.b));
                v.back() = value;
                break;
            }
            case Op::Copy: {
                const std::uint64_t source = pop();
                if (!copy_bytes(host, source, v.back(), static_cast<std::uint64_t>(in.imm), sink)) return;
                break;
            }
            case Op::Pop: v.pop_back(); break;
            case Op::Dup: v.push_back(v.back()); break;
            case Op::Add: { const std::uint64_t b = pop(); v.back() += b; break; }
            case Op::Sub: { const std::uint64_t b = pop(); v.back() -= b; break; }
            case Op::Mul: { const std::uint64_t b = pop(); v.back() *= b; break; }
            case Op::Div:
            case Op::Mod: {
                const std::uint64_t b = pop();
                if (b == 0) {
                    stop(EventKind::DivisionByZero, "line " + std::to_string(line_) + (in.op == Op::Div ? " divides" : " takes a remainder") +
                                                        " by zero: integer division by zero stops the program", sink);
                    return;
                }
                v.back() = divide(v.back(), b, in.flag != 0, in.op == Op::Mod);
                break;
            }
            case Op::Shl: case Op::Shr: {
                const unsigned bits = in.size == 8 ? 63u : 31u;
                const unsigned count = static_cast<unsigned>(pop()) & bits;
                if (in.op == Op::Shl) v.back() <<= count;
                else if (in.flag) v.back() = static_cast<std::uint64_t>(as_signed(v.back()) >> count);
                else v.back() >>= count;
                break;
            }
            case Op::BitAnd: { const std::uint64_t b = pop(); v.back() &= b; break; }
            case Op::BitOr: { const std::uint64_t b = pop(); v.back() |= b; break; }
            case Op::BitXor: { const std::uint64_t b = pop(); v.back() ^= b; break; }
            case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne: {
                const std::uint64_t b = pop();
                v.back() = compare(in.op, v.back(), b, in.flag != 0) ? 1 : 0;
                break;
            }
            case Op::Neg: v.back() = 0 - v.back(); break;
            case Op::BitNot: v.back() = ~v.back(); break;
            case Op::Not: v.back() = v.back() == 0 ? 1 : 0; break;
            case Op::Conv: v.back() = normalize(v.back(), in.size, in.flag != 0); break;
            case Op::Jump: pc_ = static_cast<std::uint32_t>(in.a); continue;
            case Op::JumpIfZero:
                if (pop() == 0) {
                    pc_ = static_cast<std::uint32_t>(in.a);
                    continue;
                }
                break;
            case Op::JumpIfNonZero:
                if (pop() != 0) {
                    pc_ = static_cast<std::uint32_t>(in.a);
                    continue;
                }
                break;
            case Op::IncDec: {
                const std::uint64_t address = v.back();
                const bool is_signed = (in.flag & 1) != 0;
                std::uint64_t old_value = 0;
                if (!load(host, address, in.size, is_signed, old_value, sink)) return;
                const std::uint64_t new_value = (in.flag & 4) ? floating_step(old_value, in.size, in.imm)
                                                              : normalize(old_value + static_cast<std::uint64_t>(in.imm), in.size, is_signed);
                if (!store(host, address, in.size, new_value, sink)) return;
                v.back() = (in.flag & 2) ? old_value : new_value;
                break;
            }
            case Op::Call:
                if (!enter(in.a, host, sink)) return;
                continue;
            case Op::Builtin:
                if (in.a == static_cast<std::int32_t>(Builtin::Qsort) || in.a == static_cast<std::int32_t>(Builtin::Bsearch)) {
                    start_callback(in, host, sink);
                } else {
                    builtin(in, host, sink);
                }
                continue;
            case Op::FAdd: case Op::FSub: case Op::FMul: case Op::FDiv: case Op::FLt: case Op::FLe: case Op::FGt:
            case Op::FGe: case Op::FEq: case Op::FNe: case Op::FNeg: case Op::IntToFloat: case Op::FloatToInt:
            case Op::FloatToFloat:
                run_floating(in, v);
                break;
            case Op::FunctionAddr: v.push_back(function_addresses_[static_cast<std::size_t>(in.a)]); break;
            case Op::CallIndirect:
                if (!call_indirect(pop(), static_cast<std::size_t>(in.b), static_cast<std::uint64_t>(in.imm), host, sink)) return;
                continue;
            case Op::Resume:
                resume_callback(host, sink);
                continue;
            case Op::ArrayPush:
                if (!push_array(in, host, sink)) return;
                break;
            case Op::ArrayPop: pop_array(in.a, host); break;
            case Op::ArrayKeep: keep_arrays(static_cast<std::size_t>(in.a), host); break;
            case Op::ArraySize: v.push_back(array_bytes(in.a, in.b)); break;
            case Op::SwitchCase:
                if (sink) emit(sink, switch_choice(in, v.back()));
                break;
            case Op::Ret:
                leave(in.flag != 0, host, sink);
                if (status_ == Status::Running && code[pc_].op == Op::Stmt) line_ = code[pc_].a;
                return;
        }
        ++pc_;
    }
}

std::string check_program_input(const std::vector<std::string>& args, std::size_t stdin_bytes) {
    std::size_t bytes = 0;
    for (const std::string& a : args) bytes += a.size() + 1;
    if (args.size() > max_program_args) {
        return "a program takes at most " + std::to_string(max_program_args) + " arguments, not " + std::to_string(args.size());
    }
    if (bytes > max_program_arg_bytes) {
        return "the arguments take " + std::to_string(bytes) + " bytes; a program takes at most " + std::to_string(max_program_arg_bytes);
    }
    if (stdin_bytes > max_stdin_bytes) {
        return "the standard input has " + std::to_string(stdin_bytes) + " bytes; a program takes at most " +
               std::to_string(max_stdin_bytes) + " (16 MiB)";
    }
    return "";
}

const char* status_name(Status status) {
    switch (status) {
        case Status::NotStarted: return "not started";
        case Status::Running: return "running";
        case Status::Exited: return "exited";
        case Status::Stopped: return "stopped";
        case Status::Paused: return "paused";
    }
    return "?";
}

}  // namespace memsim::minic
