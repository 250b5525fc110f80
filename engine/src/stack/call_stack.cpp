#include "memsim/stack/call_stack.hpp"

#include <algorithm>
#include <bit>

#include "memsim/core/arithmetic.hpp"

namespace memsim::stack {
namespace {

constexpr const char* sysv_argument_registers[] = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
constexpr std::size_t sysv_register_count = 6;

std::uint64_t align_down(std::uint64_t value, std::uint64_t alignment) { return value & ~(alignment - 1); }

std::uint32_t word_size_of(const StackConfig& config) {
    switch (config.convention) {
        case Convention::Cdecl32: return 4;
        case Convention::SysV64: return 8;
        case Convention::Simple: return config.word_size == 8 ? 8u : 4u;
    }
    return 4;
}

// Alignment of the stack pointer at a call: 16 bytes for the real ABIs, a word otherwise.
std::uint64_t call_alignment(const StackConfig& config) {
    return config.convention == Convention::Simple ? word_size_of(config) : 16;
}

std::uint64_t natural_alignment(const Variable& v, std::uint32_t word) {
    if (v.align != 0) return std::bit_ceil(std::uint64_t{v.align});
    if (v.size >= 16) return 16;
    // The largest power of two dividing the size: 4 for int[3], 1 for char[3].
    const std::uint64_t size = std::max(v.size, 1u);
    return std::min<std::uint64_t>(size & (~size + 1), word);
}

// Lays out slots downwards from a starting stack pointer.
struct FrameBuilder {
    std::uint64_t sp;
    std::vector<Slot> slots;

    void push(SlotKind kind, std::string name, std::uint64_t size, std::uint64_t value, bool initialized,
              std::string register_name = {}) {
        sp = size > sp ? 0 : sp - size;  // a frame larger than the space below saturates at 0: an overflow, never a wrap
        slots.push_back(Slot{.kind = kind, .name = std::move(name), .address = sp,
                             .size = static_cast<std::uint32_t>(size), .value = value,
                             .initialized = initialized, .register_name = std::move(register_name), .type = {}});
    }
    void pad_down_to(std::uint64_t new_sp) {
        if (new_sp < sp) push(SlotKind::Padding, "", sp - new_sp, 0, false);
    }
    // Places a variable at its natural alignment below the current SP.
    void place(SlotKind kind, const Variable& v, std::uint32_t word, bool initialized, std::string reg = {}) {
        const std::uint64_t address = align_down(v.size > sp ? 0 : sp - v.size, natural_alignment(v, word));
        pad_down_to(address + v.size);
        push(kind, v.name, v.size, v.value, initialized, std::move(reg));
    }
};

bool writes_memory(SlotKind kind) { return kind != SlotKind::Padding && kind != SlotKind::Local; }

}  // namespace

const Slot* Frame::find(const std::string& name) const {
    for (const Slot& slot : slots) {
        if (!name.empty() && slot.name == name &&
            (slot.kind == SlotKind::Local || slot.kind == SlotKind::Argument || slot.kind == SlotKind::RegisterArgument)) {
            return &slot;
        }
    }
    return nullptr;
}

CallStack::CallStack(StackConfig config) : config_(config), sp_(config.top), fp_(0) {
    config_.word_size = word_size_of(config_);
}

bool CallStack::place_start_block(std::vector<Slot> slots, std::uint64_t bytes) {
    if (!frames_.empty() || !start_block_.empty() || bytes > config_.top - limit_floor()) return false;
    sp_ = config_.top - bytes;
    start_block_ = std::move(slots);
    return true;
}

CallOutcome CallStack::call(const std::string& function, const std::vector<Variable>& arguments,
                            const std::vector<Variable>& locals, std::uint64_t return_address) {
    const std::uint32_t word = config_.word_size;
    const std::uint64_t alignment = call_alignment(config_);
    const bool registers = config_.convention == Convention::SysV64;
    const std::size_t first_stack_argument = registers ? std::min(arguments.size(), sysv_register_count) : 0;

    FrameBuilder b{sp_, {}};
    // The caller pads so that SP is aligned once the stack arguments are pushed.
    std::uint64_t argument_bytes = 0;
    for (std::size_t i = first_stack_argument; i < arguments.size(); ++i) argument_bytes += round_up_to_multiple(arguments[i].size, word);
    b.pad_down_to(align_down(b.sp - argument_bytes, alignment) + argument_bytes);
    for (std::size_t i = arguments.size(); i-- > first_stack_argument;) {
        b.push(SlotKind::Argument, arguments[i].name, round_up_to_multiple(arguments[i].size, word), arguments[i].value, true);
    }
    b.push(SlotKind::ReturnAddress, "return address", word, return_address, true);
    b.push(SlotKind::SavedFramePointer, "saved frame pointer", word, fp_, true);
    const std::uint64_t new_fp = b.sp;
    for (std::size_t i = 0; i < first_stack_argument; ++i) {
        b.place(SlotKind::RegisterArgument, arguments[i], word, true, sysv_argument_registers[i]);
    }
    for (const Variable& local : locals) b.place(SlotKind::Local, local, word, false);
    b.pad_down_to(align_down(b.sp, alignment));

    CallOutcome outcome;
    if (b.sp < limit_floor()) {
        outcome.overflow = true;
        outcome.fault_address = b.sp;
        outcome.fault_slot = "stack pointer";
        for (const Slot& slot : b.slots) {
            if (slot.kind != SlotKind::Padding && slot.address < limit_floor()) {
                outcome.fault_address = slot.address;
                outcome.fault_slot = slot.name.empty() ? slot_kind_name(slot.kind) : slot.name;
                break;
            }
        }
        return outcome;
    }
    for (const Slot& slot : b.slots) {
        if (writes_memory(slot.kind)) {
            outcome.accesses.push_back(StackAccess{.address = slot.address, .size = slot.size, .is_write = true,
                                                   .value = slot.value, .kind = slot.kind, .name = slot.name});
        }
    }
    frames_.push_back(Frame{.function = function, .caller_stack_pointer = sp_, .return_address = return_address,
                            .frame_pointer = new_fp, .stack_pointer = b.sp, .slots = std::move(b.slots)});
    sp_ = frames_.back().stack_pointer;
    fp_ = new_fp;
    return outcome;
}

LocalOutcome CallStack::add_local(const Variable& local) {
    LocalOutcome outcome;
    if (frames_.empty()) return outcome;
    FrameBuilder b{sp_, {}};
    b.place(SlotKind::Local, local, config_.word_size, false);
    const std::uint64_t address = b.sp;
    b.pad_down_to(align_down(b.sp, call_alignment(config_)));
    if (b.sp < limit_floor()) {
        outcome.overflow = true;
        outcome.fault_address = address < limit_floor() ? address : b.sp;
        return outcome;
    }
    Frame& frame = frames_.back();
    frame.slots.insert(frame.slots.end(), b.slots.begin(), b.slots.end());
    frame.stack_pointer = b.sp;
    sp_ = b.sp;
    outcome.address = address;
    return outcome;
}

LocalOutcome CallStack::push_array(const std::string& name, std::uint64_t bytes) {
    LocalOutcome outcome;
    if (frames_.empty()) return outcome;
    // gcc -O0 computes (bytes + 15) / 16 * 16, subtracts it from rsp and puts the array at
    // rsp (aligned up to the element, which a 16-aligned rsp already is).
    const std::uint64_t room = sp_ - std::min(sp_, limit_floor());
    if (bytes > room || round_up_to_multiple(bytes, 16) > room) {
        outcome.overflow = true;
        outcome.fault_address = bytes > sp_ ? 0 : align_down(sp_ - bytes, 16);
        return outcome;
    }
    const std::uint64_t rounded = round_up_to_multiple(bytes, 16);
    const std::uint64_t address = sp_ - rounded;
    Frame& frame = frames_.back();
    if (rounded > bytes) {
        frame.slots.push_back(Slot{.kind = SlotKind::Padding, .name = {}, .address = address + bytes,
                                   .size = static_cast<std::uint32_t>(rounded - bytes), .value = 0,
                                   .initialized = false, .register_name = {}, .type = {}});
    }
    frame.slots.push_back(Slot{.kind = SlotKind::Local, .name = name, .address = address,
                               .size = static_cast<std::uint32_t>(bytes), .value = 0, .initialized = false,
                               .register_name = {}, .type = {}});
    frame.stack_pointer = address;
    sp_ = address;
    outcome.address = address;
    return outcome;
}

bool CallStack::pop_array(std::uint64_t address) {
    if (frames_.empty() || address < sp_) return false;
    Frame& frame = frames_.back();
    // Arrays are pushed last, so the one at `address` (the latest there: a fixed local may
    // start where an empty array does) and all pushed after it end the slot list.
    std::size_t i = frame.slots.size();
    while (i > 0 && !(frame.slots[i - 1].kind == SlotKind::Local && frame.slots[i - 1].address == address)) --i;
    if (i == 0) return false;
    const Slot& slot = frame.slots[i - 1];
    const std::uint64_t before = address + round_up_to_multiple(slot.size, 16);
    std::size_t first = i - 1;
    if (slot.size % 16 != 0 && first > 0 && frame.slots[first - 1].kind == SlotKind::Padding) {
        --first;  // the padding pushed with it
    }
    frame.slots.resize(first);
    frame.stack_pointer = before;
    sp_ = before;
    return true;
}

std::optional<ReturnOutcome> CallStack::ret() {
    if (frames_.empty()) return std::nullopt;
    ReturnOutcome outcome;
    outcome.frame = std::move(frames_.back());
    frames_.pop_back();
    const std::uint32_t word = config_.word_size;
    const Frame& f = outcome.frame;
    const std::uint64_t saved_fp = frames_.empty() ? 0 : frames_.back().frame_pointer;
    outcome.accesses.push_back(StackAccess{.address = f.frame_pointer, .size = word, .is_write = false,
                                           .value = saved_fp, .kind = SlotKind::SavedFramePointer,
                                           .name = "saved frame pointer"});
    outcome.accesses.push_back(StackAccess{.address = f.frame_pointer + word, .size = word, .is_write = false,
                                           .value = f.return_address, .kind = SlotKind::ReturnAddress,
                                           .name = "return address"});
    outcome.return_address = f.return_address;
    sp_ = f.caller_stack_pointer;
    fp_ = saved_fp;
    return outcome;
}

bool CallStack::set_value(const std::string& name, std::uint64_t value) {
    if (frames_.empty()) return false;
    for (Slot& slot : frames_.back().slots) {
        if (slot.name == name && slot.kind != SlotKind::Padding) {
            slot.value = value;
            slot.initialized = true;
            return true;
        }
    }
    return false;
}

bool CallStack::in_guard_page(std::uint64_t address) const {
    return address < limit_floor() && address >= limit_floor() - std::min(config_.guard_size, limit_floor());
}

std::optional<std::size_t> CallStack::frame_index_of(std::uint64_t address) const {
    for (std::size_t i = 0; i < frames_.size(); ++i) {
        if (address >= frames_[i].stack_pointer && address < frames_[i].caller_stack_pointer) return i;
    }
    return std::nullopt;
}

const char* convention_name(Convention convention) {
    switch (convention) {
        case Convention::Simple: return "simple (all arguments on the stack)";
        case Convention::Cdecl32: return "cdecl (x86-32)";
        case Convention::SysV64: return "System V (x86-64)";
    }
    return "unknown";
}

const char* slot_kind_name(SlotKind kind) {
    switch (kind) {
        case SlotKind::Argument: return "argument";
        case SlotKind::RegisterArgument: return "register argument";
        case SlotKind::ReturnAddress: return "return address";
        case SlotKind::SavedFramePointer: return "saved frame pointer";
        case SlotKind::Local: return "local";
        case SlotKind::Padding: return "padding";
    }
    return "unknown";
}

}  // namespace memsim::stack
