#include "memsim/minic/format.hpp"

#include <algorithm>

#include "memsim/core/text.hpp"

namespace memsim::minic {
namespace {


// Bytes the argument of a length modifier holds (integers).
std::uint32_t argument_size(char length, const FormatModel& model) {
    switch (length) {
        case 'H': return 1;
        case 'h': return 2;
        case 'l': return model.long_size;
        case 'q': case 'j': return 8;
        case 'z': case 't': return model.pointer_size;
        default: return 4;
    }
}

std::uint64_t truncated(std::uint64_t v, std::uint32_t size) {
    return size >= 8 ? v : v & ((std::uint64_t{1} << (8 * size)) - 1);
}

std::int64_t sign_extended(std::uint64_t v, std::uint32_t size) {
    if (size >= 8) return static_cast<std::int64_t>(v);
    const std::uint64_t sign = std::uint64_t{1} << (8 * size - 1);
    const std::uint64_t t = truncated(v, size);
    return static_cast<std::int64_t>((t ^ sign) - sign);
}

std::string digits_of(std::uint64_t v, unsigned base, bool upper) {
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string d;
    do {
        d.push_back(set[v % base]);
        v /= base;
    } while (v != 0);
    std::reverse(d.begin(), d.end());
    return d;
}

// d i u o x X p: sign or prefix, digits with precision's zeros, then the width.
std::string integer_text(const FormatSpec& spec, std::uint64_t magnitude, bool negative, unsigned base) {
    const bool upper = spec.letter == 'X';
    std::string digits = digits_of(magnitude, base, upper);
    if (spec.precision == 0 && magnitude == 0) digits.clear();  // "%.0d" of 0 prints nothing
    if (spec.precision > 0 && digits.size() < static_cast<std::size_t>(spec.precision)) {
        digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
    }
    if (spec.alternate && spec.letter == 'o' && (digits.empty() || digits[0] != '0')) digits.insert(0, "0");
    std::string prefix;
    if (spec.letter == 'd' || spec.letter == 'i') prefix = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    if (spec.letter == 'p' || (spec.alternate && magnitude != 0 && (spec.letter == 'x' || spec.letter == 'X'))) {
        prefix = upper ? "0X" : "0x";
    }
    return pad_field(spec, prefix + digits, prefix.size(), spec.precision < 0);
}

// Reads flags, width, precision and length at `format[i]` (just past the '%'). A '*'
// takes an int argument; false when none is left.
bool parse_spec(std::string_view format, std::size_t& i, FormatSpec& spec, FormatSource& source, std::string& problem) {
    for (; i < format.size(); ++i) {
        const char c = format[i];
        if (c == '-') spec.left = true;
        else if (c == '+') spec.plus = true;
        else if (c == ' ') spec.space = true;
        else if (c == '#') spec.alternate = true;
        else if (c == '0') spec.zeros = true;
        else break;
    }
    auto number = [&](int& into) {
        long long n = 0;
        for (; i < format.size() && is_decimal_digit(format[i]); ++i) n = std::min<long long>(n * 10 + (format[i] - '0'), 1LL << 40);
        into = static_cast<int>(std::min<long long>(n, max_format_field + 1LL));
    };
    auto star = [&](int& into) {
        std::uint64_t v = 0;
        ++i;
        if (!source.next(v)) {
            problem = "printf's '*' asks for an int argument, but the call passed no more arguments";
            return false;
        }
        into = static_cast<int>(sign_extended(v, 4));
        return true;
    };
    if (i < format.size() && format[i] == '*') {
        if (!star(spec.width)) return false;
        if (spec.width < 0) {  // C: a negative width is the '-' flag and its size
            spec.left = true;
            spec.width = spec.width == INT32_MIN ? max_format_field + 1 : -spec.width;
        }
    } else {
        number(spec.width);
    }
    if (i < format.size() && format[i] == '.') {
        ++i;
        if (i < format.size() && format[i] == '*') {
            if (!star(spec.precision)) return false;
            if (spec.precision < 0) spec.precision = -1;  // C: as if none was given
        } else {
            number(spec.precision);
        }
    }
    if (i + 1 < format.size() && format[i] == 'h' && format[i + 1] == 'h') { spec.length = 'H'; i += 2; }
    else if (i + 1 < format.size() && format[i] == 'l' && format[i + 1] == 'l') { spec.length = 'q'; i += 2; }
    else if (i < format.size() && std::string_view("hlqjztL").find(format[i]) != std::string_view::npos) spec.length = format[i++];
    if (i < format.size()) spec.letter = format[i];
    return true;
}

// The text of %s: at most `precision` bytes when one is given; glibc's "(null)" for NULL.
bool string_text(const FormatSpec& spec, std::uint64_t vaddr, FormatSource& source, std::string& text) {
    if (vaddr == 0) {
        text = spec.precision < 0 || spec.precision >= 6 ? "(null)" : "";
    } else if (!source.string(vaddr, spec.precision < 0 ? UINT64_MAX : static_cast<std::uint64_t>(spec.precision), text)) {
        return false;
    }
    text = pad_field(spec, std::move(text), 0, false);
    return true;
}

std::string refusal(std::string_view spec, const std::string& why) {
    return "printf cannot print '" + std::string(spec) + "': " + why;
}

// Why a parsed conversion cannot run, or "" when it can.
std::string unsupported(const FormatSpec& spec) {
    if (spec.width > max_format_field || spec.precision > max_format_field) {
        return "widths and precisions above " + std::to_string(max_format_field) + " are beyond MiniC's limit";
    }
    if (spec.length == 'L') {
        const bool floating = spec.letter != 0 && std::string_view("fFeEgGaA").find(spec.letter) != std::string_view::npos;
        const std::string letter(1, floating ? spec.letter : 'f');
        return "%L" + letter + " prints a long double, which MiniC does not have; print a double with %" + letter;
    }
    if (spec.letter == 0) return "the format ends in the middle of the conversion";
    if (std::string_view("diuoxXcspnfFeEgGaA").find(spec.letter) == std::string_view::npos) {
        return std::string("'") + spec.letter + "' is not a conversion printf knows";
    }
    if (spec.length == 'l' && spec.letter == 's') return "wide strings (%ls) are not part of MiniC";
    return "";
}

}  // namespace

std::string pad_field(const FormatSpec& spec, std::string body, std::size_t prefix_length, bool zero_pad) {
    const auto width = static_cast<std::size_t>(std::max(spec.width, 0));
    if (body.size() >= width) return body;
    const std::size_t pad = width - body.size();
    if (spec.left) body.append(pad, ' ');
    else if (spec.zeros && zero_pad) body.insert(prefix_length, pad, '0');
    else body.insert(0, pad, ' ');
    return body;
}

std::string format_integer(const FormatSpec& spec, std::uint64_t raw, const FormatModel& model) {
    const std::uint32_t size = argument_size(spec.length, model);
    switch (spec.letter) {
        case 'd': case 'i': {
            const std::int64_t v = sign_extended(raw, size);
            const std::uint64_t magnitude = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
            return integer_text(spec, magnitude, v < 0, 10);
        }
        case 'u': return integer_text(spec, truncated(raw, size), false, 10);
        case 'o': return integer_text(spec, truncated(raw, size), false, 8);
        case 'x': case 'X': return integer_text(spec, truncated(raw, size), false, 16);
        case 'p': {
            const std::uint64_t address = truncated(raw, model.pointer_size);
            if (address == 0) return pad_field(spec, "(nil)", 0, false);
            return integer_text(spec, address, false, 16);
        }
        case 'c': return pad_field(spec, std::string(1, static_cast<char>(raw)), 0, false);
        default: return "";
    }
}

FormatResult format_printf(std::string_view format, FormatSource& source, const FormatModel& model) {
    FormatResult out;
    auto note = [&out](std::string problem) {
        if (out.problem.empty()) out.problem = std::move(problem);
    };
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out.text.push_back(format[i]);
            continue;
        }
        const std::size_t start = i++;
        FormatSpec spec;
        std::string problem;
        if (!parse_spec(format, i, spec, source, problem)) {
            note(problem);
            out.text += format.substr(start);
            return out;
        }
        const std::string_view written = format.substr(start, std::min(i + 1, format.size()) - start);
        if (spec.letter == '%') {
            out.text.push_back('%');
            continue;
        }
        if (const std::string why = unsupported(spec); !why.empty()) {
            note(refusal(written, why));
            out.text += written;
            continue;
        }
        std::uint64_t value = 0;
        if (!source.next(value)) {
            note("printf has more conversions than arguments: '" + std::string(written) + "' has no value");
            out.text += written;
            continue;
        }
        const char c = spec.letter;
        if (c == 's') {
            std::string text;
            if (!string_text(spec, value, source, text)) {
                out.stopped = true;
                return out;
            }
            out.text += text;
        } else if (c == 'n') {
            if (!source.store_count(value, argument_size(spec.length, model), out.text.size())) {
                out.stopped = true;
                return out;
            }
        } else if (std::string_view("fFeEgGaA").find(c) != std::string_view::npos) {
            out.text += format_double(spec, value);
        } else if (c == 'c' && spec.length == 'l' && (value & 0xFFFFFFFFu) > 127) {
            note(refusal(written, "the C locale has no wide character " + std::to_string(value & 0xFFFFFFFFu)));
            return out;  // glibc fails the whole call here (EILSEQ)
        } else {
            out.text += format_integer(spec, value, model);
        }
    }
    return out;
}

}  // namespace memsim::minic
