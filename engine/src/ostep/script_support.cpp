#include "script_support.hpp"

#include <cstdarg>
#include <cstdio>

namespace memsim::ostep {

int ScriptIo::crash(std::string_view python_error) {
    io.err("memsim ostep: " + std::string(script) + " stops here: Python raises " + std::string(python_error) +
           " (the script prints a traceback and exits 1)\n");
    return 1;
}

int ScriptIo::endless(std::string_view what) {
    io.err("memsim ostep: " + std::string(script) + " would loop for ever here: " + std::string(what) + "\n");
    return 1;
}

namespace {

// Appends `item` to a problem's list unless it already holds `limit` (then reports `what`).
template <typename T>
bool add_bounded(ScriptIo& io, std::vector<T>& list, std::size_t limit, const std::string& what, T item) {
    if (list.size() >= limit) {
        io.too_large("more than " + std::to_string(limit) + " " + what);
        return false;
    }
    list.push_back(std::move(item));
    return true;
}

}  // namespace

bool ScriptIo::add(Translation t) {
    return problem == nullptr ||
           add_bounded(*this, problem->translations, max_problem_translations, "addresses to translate (-n)", std::move(t));
}

bool ScriptIo::add(HeapOp op) {
    return problem == nullptr ||
           add_bounded(*this, problem->heap_ops, max_problem_heap_ops, "mallocs and frees (-n or -A)", std::move(op));
}

bool ScriptIo::add(CacheAccess access) {
    return problem == nullptr ||
           add_bounded(*this, problem->accesses, max_problem_accesses, "references (-n or -a)", std::move(access));
}

int ScriptIo::too_large(std::string_view what) {
    io.err("this problem is too large for a scenario: " + std::string(what) + "\n");
    return 1;
}

Result<std::int64_t> py_small(const PyInt& value) {
    if (const auto v = value.to_i64()) return *v;
    return fail("OverflowError: memsim keeps the scripts' numbers within 64 bits, not " + value.str());
}

Result<std::int64_t> py_int(std::string_view text) {
    auto parsed = parse_python_int(text, 10);
    if (!parsed) return tl::unexpected(parsed.error());
    return py_small(*parsed);
}

Result<std::int64_t> py_convert(std::string_view size) {
    if (size.empty()) return fail("IndexError: string index out of range");
    std::int64_t unit = 1;
    switch (size.back()) {
        case 'k': case 'K': unit = 1024; break;
        case 'm': case 'M': unit = 1024 * 1024; break;
        case 'g': case 'G': unit = 1024 * 1024 * 1024; break;
        default: return py_int(size);
    }
    auto number = py_int(size.substr(0, size.size() - 1));
    if (!number) return number;
    std::int64_t bytes = 0;
    if (__builtin_mul_overflow(*number, unit, &bytes)) {
        return fail("OverflowError: memsim keeps the scripts' numbers within 64 bits, not " + std::string(size));
    }
    return bytes;
}

std::string cformat(const char* pattern, ...) {
    char buffer[512];
    va_list args;
    va_start(args, pattern);
    const int n = std::vsnprintf(buffer, sizeof buffer, pattern, args);
    va_end(args);
    if (n < 0) return {};
    if (static_cast<std::size_t>(n) < sizeof buffer) return std::string(buffer, static_cast<std::size_t>(n));
    std::string big(static_cast<std::size_t>(n) + 1, '\0');
    va_start(args, pattern);
    std::vsnprintf(big.data(), big.size(), pattern, args);
    va_end(args);
    big.pop_back();
    return big;
}

std::string py_hex(std::int64_t value, int width, bool zero_pad) {
    const bool negative = value < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string digits = cformat("%llx", static_cast<unsigned long long>(magnitude));
    const auto w = static_cast<std::size_t>(width < 0 ? 0 : width);
    const std::size_t sign = negative ? 1 : 0;
    if (zero_pad && digits.size() + sign < w) digits.insert(0, w - sign - digits.size(), '0');
    if (negative) digits.insert(0, 1, '-');
    if (digits.size() < w) digits.insert(0, w - digits.size(), ' ');
    return digits;
}

std::string py_list(const std::vector<std::int64_t>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ", ";
        out += std::to_string(values[i]);
    }
    return out + "]";
}

std::vector<std::string> split_commas(std::string_view text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        parts.emplace_back(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) return parts;
        start = comma + 1;
    }
}

}  // namespace memsim::ostep
