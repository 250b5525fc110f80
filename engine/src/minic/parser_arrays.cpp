// Array declarators: `a[3][4]`, `s[]`, and the variable-length arrays of a block (`int a[n];`).
#include <algorithm>

#include "parser_impl.hpp"

namespace memsim::minic::parsing {
namespace {

// One `[size]` of a declarator.
struct Dimension {
    std::uint64_t count = 0;      // a constant size (0 for `[]` or a run-time size)
    std::int32_t expr = -1;       // the size expression
    bool variable = false;        // its value is known only when the declaration runs
    std::string spelling{};       // its source text
};

}  // namespace

// `[3][4]` after a name or in a type name; the first size may be empty (`a[]`). A size that
// is no constant makes a variable-length array, allowed where vla_context_ says: a local of
// a block, or the outermost size of a parameter (`int a[n]` there is a pointer anyway).
void Parser::parse_array_suffix(Declarator& d) {
    std::vector<Dimension> dims;
    while (!failed() && is("[")) {
        const Token& open = next();
        if (is("]") && dims.empty()) {
            next();
            d.open_array = true;
            dims.emplace_back();
            continue;
        }
        const std::size_t first = pos_;
        const std::int32_t size = parse_conditional();
        if (failed()) return;
        std::string spelling;
        for (std::size_t i = first; i < pos_; ++i) spelling += (i > first && toks_[i].space_before ? " " : "") + toks_[i].text;
        const auto value = fold_constant(size);
        if (!value) {
            const bool outermost = dims.empty();
            if (vla_context_ == VlaContext::Parameter && !outermost) {
                error_at(open, "a parameter whose array size [" + spelling + "] is known only at run time (a variable-length "
                               "array parameter) is not supported in MiniC; pass a pointer and the sizes, and index "
                               "it as p[i * cols + j]");
                return;
            }
            if (vla_context_ == VlaContext::None) {
                error_at(open, "the array size must be a constant integer here (MiniC has variable-length arrays only as "
                               "local variables of a function, such as int a[n];)");
                return;
            }
            // A parameter's outermost size is dropped: the parameter is a pointer to the element.
            const bool variable = vla_context_ == VlaContext::Local;
            dims.push_back(Dimension{.count = 0, .expr = size, .variable = variable, .spelling = spelling});
            expect("]", "after the array size");
            continue;
        }
        if (*value <= 0) {
            error_at(open, "the array size must be positive, not " + std::to_string(*value));
            return;
        }
        dims.push_back(Dimension{.count = static_cast<std::uint64_t>(*value), .expr = size, .variable = false, .spelling = spelling});
        expect("]", "after the array size");
    }
    bool variable_inside = false;  // an inner size is known only at run time, so this one's bytes are too
    for (std::size_t i = dims.size(); i-- > 0;) {
        if (!prog_.types.is_complete(d.type)) {
            error_at(peek(), "an array of " + prog_.types.name(d.type) + " is not possible: the element type is incomplete");
            return;
        }
        if (dims[i].variable || variable_inside) {
            d.type = prog_.types.variable_array_of(d.type, dims[i].expr, dims[i].spelling);
            variable_inside = true;
            continue;
        }
        // Sizes are computed in 64 bits: refuse an array whose size would wrap round (int
        // a[4611686018427387904] is 2^64 bytes, which wraps to 0) or exceed any address space.
        constexpr std::uint64_t max_object_bytes = 1ull << 48;
        const std::uint64_t element = std::max<std::uint64_t>(prog_.types.size_of(d.type), 1);
        if (dims[i].count > max_object_bytes / element) {
            error_at(peek(), "this array would take " + std::to_string(dims[i].count) + " x " + std::to_string(element) +
                                 " bytes, more than the 2^48 bytes (256 TiB) of the largest address space");
            return;
        }
        d.type = prog_.types.array_of(d.type, dims[i].count);
    }
}

}  // namespace memsim::minic::parsing
