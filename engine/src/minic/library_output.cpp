// stdio.h output: the printf family and the character and string writers.
#include <algorithm>
#include <optional>

#include "library_impl.hpp"
#include "memsim/core/text.hpp"
#include "memsim/minic/format.hpp"

namespace memsim::minic::library {
namespace {

// printf's arguments: the call's arguments from `first` on; strings and %n through the host.
class CallArguments final : public FormatSource {
public:
    CallArguments(Call& call, std::size_t first) : call_(call), next_(first) {}
    bool next(std::uint64_t& value) override {
        if (next_ >= call_.args.size()) return false;
        value = call_.args[next_++];
        return true;
    }
    bool string(std::uint64_t vaddr, std::uint64_t limit, std::string& text) override {
        return call_.read_string(vaddr, text, std::min(limit, max_string + 1));
    }
    bool store_count(std::uint64_t vaddr, std::uint32_t size, std::uint64_t count) override {
        call_.merge(call_.host.store(vaddr, size, count));
        return call_.ok();
    }

private:
    Call& call_;
    std::size_t next_;
};

// Formats with the format string at argument `format_index`; false when the call must end.
bool format_call(Call& call, std::size_t format_index, std::string& text) {
    std::string format;
    if (!call.read_string(call.args[format_index], format)) return false;
    CallArguments arguments(call, format_index + 1);
    FormatResult r = format_printf(format, arguments,
                                   FormatModel{.long_size = call.context.long_size, .pointer_size = call.context.pointer_size});
    if (!r.problem.empty()) call.problem(std::move(r.problem));
    text = std::move(r.text);
    return !r.stopped && call.ok();
}

// The text buffer a stream writes to; nullptr (and a report) for stdin or a bad FILE *.
std::string* stream_text(Call& call, std::uint64_t stream, const char* function) {
    if (stream == stdout_handle) return &call.out.output;
    if (stream == stderr_handle) return &call.out.error_output;
    if (stream == stdin_handle) {
        call.problem(std::string(function) + " cannot write to stdin: it is open for reading only, so the call fails and returns EOF");
        return nullptr;
    }
    call.fatal(std::string(function) + " is given the stream " + hex(stream) +
               ", which is not a FILE: MiniC has no fopen, so the streams are stdin, stdout and stderr");
    return nullptr;
}

// snprintf: at most size - 1 bytes and a NUL; sprintf: all of it (size = none).
void store_formatted(Call& call, std::uint64_t buffer, const std::string& text, std::optional<std::uint64_t> size) {
    call.out.value = text.size();
    if (size && *size == 0) return;
    const std::size_t kept = size ? static_cast<std::size_t>(std::min<std::uint64_t>(text.size(), *size - 1)) : text.size();
    if (call.write_bytes(buffer, std::string_view(text).substr(0, kept))) call.store_byte(buffer + kept, 0);
}

void put_character(Call& call, std::uint64_t c, std::string* to) {
    if (!to) {
        call.out.value = eof;
        return;
    }
    to->push_back(static_cast<char>(c));
    call.out.value = c & 0xFF;
}

}  // namespace

void run_output(Call& call) {
    const auto& a = call.args;
    BuiltinOutcome& out = call.out;
    std::string text;
    switch (call.id) {
        case Builtin::Printf:
            format_call(call, 0, text);
            out.output = text;
            out.value = text.size();
            break;
        case Builtin::Fprintf: {
            std::string* to = stream_text(call, a[0], "fprintf");
            if (!to) {
                out.value = eof;
                break;
            }
            format_call(call, 1, text);
            *to = text;
            out.value = text.size();
            break;
        }
        case Builtin::Sprintf:
            if (format_call(call, 1, text)) store_formatted(call, a[0], text, std::nullopt);
            break;
        case Builtin::Snprintf:
            if (format_call(call, 2, text)) store_formatted(call, a[0], text, a[1]);
            break;
        case Builtin::Putchar: put_character(call, a[0], &out.output); break;
        case Builtin::Fputc:
        case Builtin::Putc: put_character(call, a[0], stream_text(call, a[1], call.id == Builtin::Putc ? "putc" : "fputc")); break;
        case Builtin::Puts:
            // glibc's puts returns the bytes written, newline included.
            if (call.read_string(a[0], out.output)) out.output.push_back('\n');
            out.value = out.output.size();
            break;
        case Builtin::Fputs: {
            std::string* to = stream_text(call, a[1], "fputs");
            out.value = eof;
            if (to && call.read_string(a[0], *to)) out.value = 1;  // glibc returns 1
            break;
        }
        default: break;
    }
}

}  // namespace memsim::minic::library
