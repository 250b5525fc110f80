// Reads lines "FORMAT<TAB>BITS" (BITS: a double's 64 bits in hex) and prints each formatted
// by memsim's printf between brackets, one per line: the memsim side of
// tests/cli/printf_doubles_compare.py, whose other side is glibc's printf.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

#include "memsim/minic/format.hpp"

namespace {

class OneArgument final : public memsim::minic::FormatSource {
public:
    explicit OneArgument(std::uint64_t bits) : bits_(bits) {}
    bool next(std::uint64_t& value) override {
        value = bits_;
        return !std::exchange(used_, true);
    }
    bool string(std::uint64_t, std::uint64_t, std::string&) override { return false; }
    bool store_count(std::uint64_t, std::uint32_t, std::uint64_t) override { return false; }

private:
    std::uint64_t bits_;
    bool used_ = false;
};

}  // namespace

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) return 2;
        OneArgument argument(std::strtoull(line.c_str() + tab + 1, nullptr, 16));
        const memsim::minic::FormatResult r = memsim::minic::format_printf(line.substr(0, tab), argument);
        std::cout << '[' << r.text << "]\n";
    }
    return 0;
}
