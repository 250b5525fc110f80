// stdio.h input: the program's standard input (the scenario's `stdin`, --stdin FILE or
// the CLI's own piped input) is a byte string; reading past its end gives EOF, as in C.
#include "library_impl.hpp"
#include "memsim/core/text.hpp"
#include "memsim/minic/scan.hpp"

namespace memsim::minic::library {
namespace {

// Standard input from the library state's offset on, after the bytes ungetc pushed back.
class StdinInput final : public ScanInput {
public:
    StdinInput(std::string_view text, LibraryState& state) : text_(text), state_(state) {}
    int peek() override {
        if (!state_.pushed_back.empty()) return static_cast<unsigned char>(state_.pushed_back.back());
        const std::uint64_t at = state_.stdin_offset;
        return at < text_.size() ? static_cast<unsigned char>(text_[static_cast<std::size_t>(at)]) : -1;
    }
    void advance() override {
        if (!state_.pushed_back.empty()) state_.pushed_back.pop_back();
        else ++state_.stdin_offset;
    }

private:
    std::string_view text_;
    LibraryState& state_;
};

// sscanf's string in simulated memory, loaded one byte at a time; its NUL is the end.
class MemoryInput final : public ScanInput {
public:
    MemoryInput(Call& call, std::uint64_t start) : call_(call), at_(start), end_(start + max_string) {}
    int peek() override {
        if (!loaded_) {
            std::uint8_t byte = 0;
            value_ = at_ < end_ && call_.load_byte(at_, byte) && byte != 0 ? byte : -1;
            loaded_ = true;
        }
        return value_;
    }
    void advance() override {
        ++at_;
        loaded_ = false;
    }

private:
    Call& call_;
    std::uint64_t at_, end_;
    int value_ = -1;
    bool loaded_ = false;
};

// The pointer arguments from `first` on; stores go through the host.
class CallTargets final : public ScanTargets {
public:
    CallTargets(Call& call, std::size_t first) : call_(call), next_(first) {}
    bool next(std::uint64_t& vaddr) override {
        if (next_ >= call_.args.size()) return false;
        vaddr = call_.args[next_++];
        return true;
    }
    bool store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) override {
        call_.merge(call_.host.store(vaddr, size, value));
        return call_.ok();
    }
    bool store_bytes(std::uint64_t vaddr, std::string_view bytes) override { return call_.write_bytes(vaddr, bytes); }

private:
    Call& call_;
    std::size_t next_;
};

void scan_call(Call& call, ScanInput& input, std::size_t format_index) {
    std::string format;
    if (!call.read_string(call.args[format_index], format)) return;
    CallTargets targets(call, format_index + 1);
    const ScanResult r = scan_format(format, input, targets, ScanModel{.long_size = call.context.long_size, .pointer_size = call.context.pointer_size});
    if (!r.problem.empty()) call.problem(r.problem);
    call.out.value = static_cast<std::uint64_t>(std::int64_t{r.assigned});
}

bool reads_stdin(Call& call, std::uint64_t stream, const char* function) {
    if (stream == stdin_handle) return true;
    if (stream == stdout_handle || stream == stderr_handle) {
        call.problem(std::string(function) + " cannot read from " + (stream == stdout_handle ? "stdout" : "stderr") +
                     ": it is open for writing only, so the call fails and returns EOF");
        return false;
    }
    call.fatal(std::string(function) + " is given the stream " + hex(stream) +
               ", which is not a FILE: MiniC has no fopen, so the streams are stdin, stdout and stderr");
    return false;
}

std::uint64_t get_byte(Call& call) {
    StdinInput in(call.context.stdin_text, call.state);
    const int c = in.peek();
    if (c < 0) return eof;
    in.advance();
    return static_cast<std::uint64_t>(c);
}

// fgets: at most n - 1 bytes, up to and including a newline, then a NUL; NULL at EOF.
void get_line(Call& call, std::uint64_t buffer, std::int64_t n) {
    call.out.value = 0;
    if (n <= 0) return;
    StdinInput in(call.context.stdin_text, call.state);
    if (n > 1 && in.peek() < 0) return;
    std::string line;
    while (line.size() + 1 < static_cast<std::uint64_t>(n) && in.peek() >= 0) {
        line.push_back(static_cast<char>(in.peek()));
        in.advance();
        if (line.back() == '\n') break;
    }
    if (call.write_bytes(buffer, line) && call.store_byte(buffer + line.size(), 0)) call.out.value = buffer;
}

}  // namespace

void run_input(Call& call) {
    const auto& a = call.args;
    switch (call.id) {
        case Builtin::Getchar: call.out.value = get_byte(call); break;
        case Builtin::Getc:
        case Builtin::Fgetc:
            call.out.value = reads_stdin(call, a[0], call.id == Builtin::Getc ? "getc" : "fgetc") ? get_byte(call) : eof;
            break;
        case Builtin::Fgets:
            call.out.value = 0;
            if (reads_stdin(call, a[2], "fgets")) get_line(call, a[0], call.int_arg(1));
            break;
        case Builtin::Scanf: {
            StdinInput input(call.context.stdin_text, call.state);
            scan_call(call, input, 0);
            break;
        }
        case Builtin::Ungetc: {
            // glibc: EOF pushes nothing back; any other value is pushed back as an unsigned char.
            const std::int64_t c = call.int_arg(0);
            call.out.value = eof;
            if (!reads_stdin(call, a[1], "ungetc") || c == -1 || call.state.pushed_back.size() >= max_pushed_back) break;
            call.state.pushed_back.push_back(static_cast<char>(static_cast<unsigned char>(c)));
            call.out.value = static_cast<unsigned char>(c);
            break;
        }
        case Builtin::Sscanf: {
            MemoryInput input(call, a[0]);
            scan_call(call, input, 1);
            break;
        }
        default: break;
    }
}

}  // namespace memsim::minic::library
