#pragma once
// Errors as values. The engine never throws (in the web build a throw aborts), so every
// operation on outside input returns Result<T>: the value, or an Error that says where
// (line and column, 1-based; 0 when not tied to a text) and what was expected.
//
//   Result<int> r = parse_something(text);
//   if (!r) report(r.error().line, r.error().message);
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <tl/expected.hpp>

namespace memsim {

// What went wrong with an input, and where in it.
struct Error {
    int line = 0;         // 1-based line in the input; 0 = not tied to a line
    int column = 0;       // 1-based column; 0 = whole line or unknown
    std::string message;  // what was found and what was expected, in plain words
    // The errors found after this one in the same input, in order, when the reader went on
    // (the C compiler lists every error it can, as gcc does). Empty for most inputs.
    // (Shared and immutable: Error stays cheap to copy, and no container of Error sits
    // inside Error itself.)
    std::shared_ptr<const std::vector<Error>> also{};

    // "3:8: message", "3: message" or just "message".
    std::string to_string() const;
};

// This error and every one in `also`, in order, as a flat list.
std::vector<Error> all_errors(const Error& first);
// The first of `errors` (not empty) carrying the rest in `also`.
Error joined_errors(std::vector<Error> errors);

template <class T>
using Result = tl::expected<T, Error>;

// Shorthand for returning an error: `return fail("frames must be at least 1");`
inline tl::unexpected<Error> fail(std::string message, int line = 0, int column = 0) {
    return tl::unexpected<Error>(Error{line, column, std::move(message)});
}

}  // namespace memsim
