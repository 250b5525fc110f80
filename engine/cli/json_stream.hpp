#pragma once
// Writes one JSON object field by field, so an array of a million rows goes out row by
// row instead of being built in memory first. The text is exactly what
// nlohmann::json::dump(2) prints for the same object, provided the caller gives the
// fields in sorted order (nlohmann's objects are sorted by key): goldens written from a
// whole document stay valid.
//
//   JsonObjectStream json(out);
//   json.field("faults", 15);
//   json.begin_array("steps");
//   for (...) json.element(step);          // or json.raw_element("[7,0,1]")
//   json.end_array();
//   json.finish();
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace memsim::cli {

class JsonObjectStream {
public:
    explicit JsonObjectStream(std::ostream& out) : out_(out) { out_ << "{"; }

    // A field whose value is small enough to build whole.
    void field(std::string_view key, const nlohmann::json& value) {
        start_field(key);
        out_ << indented(value, 1);
    }
    // Opens an array field; elements follow.
    void begin_array(std::string_view key) {
        start_field(key);
        out_ << "[";
        elements_ = 0;
    }
    // One element of the open array.
    void element(const nlohmann::json& value) { raw_element(indented(value, 2)); }
    // One element already written as JSON text (on one line).
    void raw_element(std::string_view text) {
        out_ << (elements_++ == 0 ? "\n    " : ",\n    ") << text;
    }
    void end_array() { out_ << (elements_ == 0 ? "]" : "\n  ]"); }
    // Closes the object and ends the line.
    void finish() { out_ << (fields_ == 0 ? "}\n" : "\n}\n"); }

private:
    void start_field(std::string_view key) {
        out_ << (fields_++ == 0 ? "\n  " : ",\n  ") << nlohmann::json(std::string(key)).dump() << ": ";
    }
    // dump(2) of a value nested `depth` levels deep: every line after the first moves right.
    static std::string indented(const nlohmann::json& value, int depth) {
        const std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
        std::string out;
        out.reserve(text.size());
        for (const char c : text) {
            out += c;
            if (c == '\n') out += pad;
        }
        return out;
    }

    std::ostream& out_;
    int fields_ = 0;
    std::uint64_t elements_ = 0;
};

}  // namespace memsim::cli
