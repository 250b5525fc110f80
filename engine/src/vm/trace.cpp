#include "memsim/vm/trace.hpp"

#include <algorithm>
#include <bit>
#include <string>

#include "memsim/core/text.hpp"
#include "trace_parse.hpp"

namespace memsim::vm {
namespace {

bool is_separator(char c) { return c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int column_of(std::string_view line, std::string_view part) {
    return static_cast<int>(part.data() - line.data()) + 1;
}

// The lines of a text as split_lines() cuts them ('\r' dropped, no empty last line), one
// at a time: a piece of a long trace holds half a million lines, not worth a vector.
class LineCursor {
public:
    explicit LineCursor(std::string_view text) : text_(text) {}
    bool next(std::string_view& line) {
        if (start_ >= text_.size()) return false;
        std::size_t end = text_.find('\n', start_);
        if (end == std::string_view::npos) end = text_.size();
        line = text_.substr(start_, end - start_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (end == text_.size() && line.empty()) return false;
        start_ = end + 1;
        ++count_;
        return true;
    }
    // The 0-based index of the line next() gave last.
    std::size_t index() const { return count_ - 1; }

private:
    std::string_view text_;
    std::size_t start_ = 0, count_ = 0;
};

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

tl::unexpected<Error> too_long(int line, int column) {
    return fail("the trace is too long: at most " + std::to_string(max_trace_references) + " references", line, column);
}

// Appends the pages an access of `size` bytes at `addr` touches.
Result<bool> add_access(detail::PageSink& sink, std::uint64_t addr, std::uint64_t size, bool write,
                        const TraceOptions& options, int line, int column, std::uint32_t process = 0) {
    if (options.va_bits < 64 && (addr >> options.va_bits) != 0) {
        return fail("address " + hex(addr) + " does not fit in " + std::to_string(options.va_bits) + " bits",
                    line, column);
    }
    // Real accesses are a few bytes; a huge size would expand into millions of pages.
    constexpr std::uint64_t max_access = 65536;
    if (size > max_access || addr + size < addr) {
        return fail("an access of " + std::to_string(size) + " bytes is too large; expected at most " +
                        std::to_string(max_access) + " bytes",
                    line, column);
    }
    if (sink.references() >= max_trace_references) return too_long(line, column);
    const std::uint64_t first = addr / options.page_size;
    const std::uint64_t last = (addr + (size == 0 ? 0 : size - 1)) / options.page_size;
    for (std::uint64_t page = first; page <= last; ++page) sink.add(page, write, process);
    return true;
}

// Collects a whole Trace (the small-input API: scenarios, --refs, tests).
class TraceSink final : public detail::PageSink {
public:
    void add(std::uint64_t page, bool write, std::uint32_t process) override {
        trace.pages.push_back(page);
        trace.writes.push_back(write ? 1 : 0);
        trace.processes.push_back(process);
    }
    std::uint64_t references() const override { return trace.pages.size(); }
    Trace trace;
};

Result<Trace> non_empty(Trace trace) {
    if (trace.pages.empty()) return fail("the trace has no references");
    bool named = false;
    for (auto p : trace.processes) named = named || p != 0;
    if (!named) trace.processes.clear();
    return trace;
}

// The first word of `rest` (up to a space or tab) and what follows it.
std::string_view take_word(std::string_view& rest) {
    rest = rest.substr(std::min(rest.size(), rest.find_first_not_of(" \t")));
    const std::size_t end = std::min(rest.size(), rest.find_first_of(" \t"));
    const std::string_view word = rest.substr(0, end);
    rest = rest.substr(end);
    return word;
}

}  // namespace

Result<TraceFormat> parse_trace_format(std::string_view name) {
    if (name == "refs") return TraceFormat::Refs;
    if (name == "rw") return TraceFormat::ReadWrite;
    if (name == "lackey") return TraceFormat::Lackey;
    return fail("unknown trace format '" + std::string(name) + "' (expected refs, rw or lackey)");
}

Result<std::uint64_t> check_page_size(std::uint64_t page_size) {
    if (!std::has_single_bit(page_size)) {
        return fail("page size " + std::to_string(page_size) + " is not a power of two");
    }
    return page_size;
}


namespace detail {

Result<bool> parse_references_into(std::string_view text, int first_line, PageSink& sink) {
    std::string_view line;
    for (LineCursor lines(text); lines.next(line);) {
        const std::size_t l = lines.index();
        if (trim(line).starts_with('#')) continue;
        std::size_t i = 0;
        while (i < line.size()) {
            if (is_separator(line[i])) { ++i; continue; }
            std::size_t end = i;
            while (end < line.size() && !is_separator(line[end])) ++end;
            std::string_view word = line.substr(i, end - i);
            bool write = false;
            if (word.size() > 1 && (word.back() == 'w' || word.back() == 'W')) {
                write = true;
                word.remove_suffix(1);
            }
            const auto page = parse_u64(word);
            if (!page) {
                return fail("expected a page number (decimal or 0x hex, w after it for a write), found " +
                                quoted(line.substr(i, end - i)),
                            first_line + static_cast<int>(l + 1), static_cast<int>(i + 1));
            }
            if (sink.references() >= max_trace_references) {
                return too_long(first_line + static_cast<int>(l + 1), static_cast<int>(i + 1));
            }
            sink.add(*page, write, 0);
            i = end;
        }
    }
    return true;
}

Result<bool> parse_rw_into(std::string_view text, const TraceOptions& options, int first_line, PageSink& sink) {
    std::string_view line;
    for (LineCursor lines(text); lines.next(line);) {
        const int line_no = first_line + static_cast<int>(lines.index() + 1);
        if (trim(line).empty() || trim(line).starts_with('#')) continue;
        std::string_view rest = line;
        std::string_view kind = take_word(rest);
        std::uint32_t process = 0;
        if (kind.size() > 1 && (kind[0] == 'P' || kind[0] == 'p')) {
            const auto id = parse_u64(kind.substr(1));
            if (!id || *id > 65535) {
                return fail("expected a process id such as P1, found " + quoted(kind), line_no, column_of(line, kind));
            }
            process = static_cast<std::uint32_t>(*id);
            kind = take_word(rest);
        }
        if (kind != "R" && kind != "W" && kind != "r" && kind != "w") {
            return fail("expected R or W, found " + quoted(kind), line_no, column_of(line, kind));
        }
        const std::string_view addr_text = take_word(rest);
        const auto addr = parse_u64(addr_text);
        if (!addr) {
            return fail("expected an address such as 0x1a2b, found " + quoted(addr_text), line_no,
                        addr_text.empty() ? static_cast<int>(line.size() + 1) : column_of(line, addr_text));
        }
        if (!trim(rest).empty()) {
            return fail("unexpected " + quoted(trim(rest)) + " after the address", line_no,
                        column_of(line, trim(rest)));
        }
        const auto added = add_access(sink, *addr, 1, kind == "W" || kind == "w", options, line_no,
                                      column_of(line, addr_text), process);
        if (!added) return tl::unexpected(added.error());
    }
    return true;
}

Result<bool> parse_lackey_into(std::string_view text, const TraceOptions& options, int first_line, PageSink& sink) {
    std::string_view line;
    for (LineCursor lines(text); lines.next(line);) {
        const int line_no = first_line + static_cast<int>(lines.index() + 1);
        if (trim(line).empty() || trim(line).starts_with("==") || trim(line).starts_with("--")) continue;
        std::string_view rest = line;
        const std::string_view kind = take_word(rest);
        if (kind != "I" && kind != "L" && kind != "S" && kind != "M") {
            return fail("expected I, L, S or M, found " + quoted(kind), line_no, column_of(line, kind));
        }
        const std::string_view operand = take_word(rest);
        const std::size_t comma = operand.find(',');
        const std::string_view addr_text = operand.substr(0, comma);
        std::string with_prefix = "0x" + std::string(addr_text);
        if (addr_text.starts_with("0x") || addr_text.starts_with("0X")) with_prefix = std::string(addr_text);
        const auto addr = parse_u64(with_prefix);
        const int addr_column = operand.empty() ? static_cast<int>(line.size() + 1) : column_of(line, operand);
        if (!addr || addr_text.empty()) {
            return fail("expected a hex address, found " + quoted(addr_text), line_no, addr_column);
        }
        const auto size = comma == std::string_view::npos ? std::optional<std::uint64_t>{}
                                                           : parse_u64(operand.substr(comma + 1));
        if (!size) {
            return fail("expected ',size' after the address in " + quoted(operand), line_no,
                        addr_column + static_cast<int>(std::min(comma, operand.size())));
        }
        const auto added = add_access(sink, *addr, *size, kind == "S" || kind == "M", options, line_no,
                                      addr_column);
        if (!added) return tl::unexpected(added.error());
    }
    return true;
}

Result<bool> parse_into(std::string_view text, TraceFormat format, const TraceOptions& options, int first_line,
                        PageSink& sink) {
    switch (format) {
        case TraceFormat::Refs: return parse_references_into(text, first_line, sink);
        case TraceFormat::ReadWrite: return parse_rw_into(text, options, first_line, sink);
        case TraceFormat::Lackey: return parse_lackey_into(text, options, first_line, sink);
    }
    return fail("unknown trace format");
}

}  // namespace detail

namespace {

Result<Trace> parse_whole(std::string_view text, TraceFormat format, const TraceOptions& options) {
    TraceSink sink;
    const auto parsed = detail::parse_into(text, format, options, 0, sink);
    if (!parsed) return tl::unexpected(parsed.error());
    return non_empty(std::move(sink.trace));
}

}  // namespace

Result<Trace> parse_reference_string(std::string_view text) { return parse_whole(text, TraceFormat::Refs, {}); }

Result<Trace> parse_rw_trace(std::string_view text, const TraceOptions& options) {
    return parse_whole(text, TraceFormat::ReadWrite, options);
}

Result<Trace> parse_lackey_trace(std::string_view text, const TraceOptions& options) {
    return parse_whole(text, TraceFormat::Lackey, options);
}

Result<Trace> parse_trace(std::string_view text, TraceFormat format, const TraceOptions& options) {
    const auto size = check_page_size(options.page_size);
    if (!size) return tl::unexpected(size.error());
    return parse_whole(text, format, options);
}

DenseTrace densify(const Trace& trace) {
    DenseTrace dense;
    dense.writes = trace.writes;
    dense.ids.reserve(trace.pages.size());
    const std::uint64_t max_page =
        trace.pages.empty() ? 0 : *std::max_element(trace.pages.begin(), trace.pages.end());
    if (max_page < (std::uint64_t{1} << 20) || max_page < 2 * trace.pages.size()) {
        dense.pages.resize(static_cast<std::size_t>(max_page + 1));
        for (std::size_t p = 0; p < dense.pages.size(); ++p) dense.pages[p] = p;
        for (auto p : trace.pages) dense.ids.push_back(static_cast<std::uint32_t>(p));
        return dense;
    }
    dense.pages = trace.pages;
    std::sort(dense.pages.begin(), dense.pages.end());
    dense.pages.erase(std::unique(dense.pages.begin(), dense.pages.end()), dense.pages.end());
    for (auto p : trace.pages) {
        const auto it = std::lower_bound(dense.pages.begin(), dense.pages.end(), p);
        dense.ids.push_back(static_cast<std::uint32_t>(it - dense.pages.begin()));
    }
    return dense;
}

}  // namespace memsim::vm
