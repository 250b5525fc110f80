#pragma once
// Errors as values. The engine never throws (in the web build a throw aborts), so every
// operation on outside input returns Result<T>: the value, or an Error that says where
// (line and column, 1-based; 0 when not tied to a text) and what was expected.
//
//   Result<int> r = parse_something(text);
//   if (!r) report(r.error().line, r.error().message);
#include <string>
#include <utility>
#include <tl/expected.hpp>

namespace memsim {

// What went wrong with an input, and where in it.
struct Error {
    int line = 0;         // 1-based line in the input; 0 = not tied to a line
    int column = 0;       // 1-based column; 0 = whole line or unknown
    std::string message;  // what was found and what was expected, in plain words

    // "3:8: message", "3: message" or just "message".
    std::string to_string() const;
};

template <class T>
using Result = tl::expected<T, Error>;

// Shorthand for returning an error: `return fail("frames must be at least 1");`
inline tl::unexpected<Error> fail(std::string message, int line = 0, int column = 0) {
    return tl::unexpected<Error>(Error{line, column, std::move(message)});
}

}  // namespace memsim
