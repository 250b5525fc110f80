#include "machine_host.hpp"

#include <algorithm>
#include <map>

#include "memsim/core/text.hpp"

namespace memsim::machine {
namespace {

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
    return alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
}

}  // namespace

minic::Report MachineHost::report_since(std::uint64_t faults_before, std::size_t events_before) const {
    minic::Report report;
    report.end_step = machine_.mmu().stats().page_faults > faults_before;
    if (!machine_.running()) {
        report.stop = true;
        report.problem = std::string(process_end_name(machine_.current().end));
        if (sink_ != nullptr) {
            for (std::size_t i = events_before; i < sink_->size(); ++i) {
                if (!(*sink_)[i].is_error) continue;
                report.problem = (*sink_)[i].text;
                report.host_explained = true;  // that event is in the step's list already
            }
        }
    }
    return report;
}

minic::LoadResult MachineHost::load(std::uint64_t vaddr, std::uint32_t size) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    const Machine::LoadOutcome loaded = machine_.load_quiet(vaddr, size, sink_);
    return minic::LoadResult{loaded.value, loaded.ok && !loaded.initialized, report_since(faults, before)};
}

minic::Report MachineHost::store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    machine_.store_quiet(vaddr, size, value, sink_);
    return report_since(faults, before);
}

minic::CallResult MachineHost::call(const minic::CallRequest& request) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    minic::CallResult result;
    if (!machine_.call(request.function, request.arguments, request.locals, request.return_address, sink_)) {
        result.report = report_since(faults, before);
        result.report.stop = true;
        return result;
    }
    // Match each argument and local to its slot, by name, each slot used once (shadowed
    // names in inner blocks appear twice).
    const stack::Frame& frame = machine_.current().stack.frames().back();
    std::vector<bool> used(frame.slots.size(), false);
    const auto address_of = [&](const std::string& name, bool argument) -> std::uint64_t {
        for (std::size_t i = 0; i < frame.slots.size(); ++i) {
            const stack::Slot& slot = frame.slots[i];
            const bool is_argument = slot.kind == stack::SlotKind::Argument || slot.kind == stack::SlotKind::RegisterArgument;
            const bool is_local = slot.kind == stack::SlotKind::Local;
            if (!used[i] && slot.name == name && ((argument && is_argument) || (!argument && is_local))) {
                used[i] = true;
                return slot.address;
            }
        }
        return 0;
    };
    for (const auto& a : request.arguments) result.argument_addresses.push_back(address_of(a.name, true));
    for (const auto& l : request.locals) result.local_addresses.push_back(address_of(l.name, false));
    result.report = report_since(faults, before);
    return result;
}

minic::Report MachineHost::ret() {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    machine_.ret(sink_);
    return report_since(faults, before);
}

minic::ValueResult MachineHost::push_array(const std::string& name, std::uint64_t bytes) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    const std::optional<std::uint64_t> address = machine_.push_array(name, bytes, sink_);
    minic::ValueResult result{address.value_or(0), report_since(faults, before)};
    if (!address) result.report.stop = true;
    return result;
}

minic::Report MachineHost::pop_array(std::uint64_t address) {
    machine_.pop_array(address);
    return {};
}

minic::ValueResult MachineHost::malloc(std::uint64_t size) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    const std::uint64_t p = machine_.malloc(size, sink_);
    return {p, report_since(faults, before)};
}

minic::ValueResult MachineHost::calloc(std::uint64_t count, std::uint64_t size) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    const std::uint64_t p = machine_.calloc(count, size, sink_);
    return {p, report_since(faults, before)};
}

minic::ValueResult MachineHost::realloc(std::uint64_t vaddr, std::uint64_t size) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    const std::uint64_t p = machine_.realloc(vaddr, size, sink_);
    return {p, report_since(faults, before)};
}

minic::Report MachineHost::free(std::uint64_t vaddr) {
    const auto faults = machine_.mmu().stats().page_faults;
    const auto errors_before = machine_.errors().heap_errors;
    std::vector<Event>* sink = sink_ ? sink_ : &scratch_;
    const std::size_t before = sink->size();
    machine_.free(vaddr, sink);
    if (machine_.errors().heap_errors > errors_before) {
        // glibc checks its lists on free and aborts the program on a double or invalid free.
        std::string what = "free() found a bad pointer";
        for (std::size_t i = before; i < sink->size(); ++i) {
            if ((*sink)[i].is_error) what = (*sink)[i].text;
        }
        machine_.abort(what + "; like glibc, the C library aborts the program here.", sink_);
    }
    scratch_.clear();
    return report_since(faults, before);
}

std::optional<minic::ValueResult> MachineHost::place_arguments(const std::vector<std::string>& arguments) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    const std::optional<std::uint64_t> argv = machine_.place_arguments(arguments, sink_);
    minic::ValueResult result{.value = argv.value_or(0), .report = report_since(faults, before)};
    if (!argv) result.report.stop = true;  // the stack overflowed before main
    return result;
}

std::uint64_t MachineHost::place_global(const minic::StaticData& data) {
    const bool zero = std::all_of(data.bytes.begin(), data.bytes.end(), [](std::uint8_t b) { return b == 0; });
    std::uint64_t& cursor = zero ? image_.bss_next : image_.data_next;
    cursor = align_up(cursor, data.align);
    const std::uint64_t address = cursor;
    cursor += std::max<std::uint64_t>(data.size, 1);
    std::vector<std::uint8_t> bytes = data.bytes;
    bytes.resize(static_cast<std::size_t>(data.size), 0);
    // bss is zero-filled by the OS; data comes from the program file.
    machine_.load_image(address, bytes);
    return address;
}

std::uint64_t MachineHost::place_string(const std::string& bytes) {
    const std::uint64_t address = image_.rodata_next;
    std::vector<std::uint8_t> image(bytes.begin(), bytes.end());
    image.push_back(0);
    machine_.load_image(address, image);
    image_.rodata_next += image.size();
    return address;
}

minic::ValueResult MachineHost::fork() {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    forked_child_ = machine_.fork(sink_);
    minic::ValueResult result;
    result.report = report_since(faults, before);
    result.value = forked_child_ ? *forked_child_ : ~std::uint64_t{0};  // -1: fork failed
    // The session copies this interpreter for the child right after this call.
    result.report.end_step_now = forked_child_.has_value();
    return result;
}

minic::Report MachineHost::yield() {
    yielded_ = true;
    minic::Report report;
    report.end_step_now = true;
    return report;
}

void MachineHost::output(std::string_view text) {
    // Once there are several processes, each printed line says which one printed it.
    const std::uint32_t pid = machine_.current_pid();
    const bool tagged = machine_.processes().size() > 1;
    for (const char c : text) {
        const bool line_start = image_.output.empty() || image_.output.back() == '\n';
        if (tagged && !line_start && image_.last_writer != pid) image_.output += '\n';
        if (tagged && (line_start || image_.last_writer != pid)) image_.output += "[pid " + std::to_string(pid) + "] ";
        image_.output += c;
        image_.last_writer = pid;
    }
}

minic::Report MachineHost::touch(std::uint64_t vaddr, std::uint64_t bytes) {
    const auto faults = machine_.mmu().stats().page_faults;
    const std::size_t before = sink_ ? sink_->size() : 0;
    machine_.touch(vaddr, bytes, false, sink_);
    return report_since(faults, before);
}

minic::Report MachineHost::exit(int /*code*/) {
    // The machine scans data, bss and the stack as Valgrind does; nothing is in registers.
    machine_.exit({}, sink_);
    return {};
}

}  // namespace memsim::machine
