#include "library_impl.hpp"

#include "memsim/core/text.hpp"

namespace memsim::minic::library {

void Call::merge(const Report& from) {
    Report& into = out.report;
    if (from.stop || (!from.problem.empty() && into.problem.empty())) {
        into.stop = from.stop;
        into.problem = from.problem;
        into.host_explained = from.host_explained;
    }
    if (from.end_step) into.end_step = true;
}

void Call::problem(std::string text) { merge(Report{.stop = false, .problem = std::move(text)}); }

void Call::fatal(std::string text) { merge(Report{.stop = true, .problem = std::move(text)}); }

bool Call::load_byte(std::uint64_t vaddr, std::uint8_t& byte) {
    LoadResult r = host.load(vaddr, 1);
    merge(r.report);
    byte = static_cast<std::uint8_t>(r.value);
    return ok();
}

bool Call::store_byte(std::uint64_t vaddr, std::uint8_t byte) {
    merge(host.store(vaddr, 1, byte));
    return ok();
}

bool Call::read_string(std::uint64_t vaddr, std::string& text, std::uint64_t limit) {
    for (std::uint64_t i = 0; i < limit; ++i) {
        if (i == max_string) {
            fatal("the string at " + hex(vaddr) + " has no terminating NUL byte in its first " + std::to_string(max_string) +
                  " bytes (MiniC's library reads at most that far, so a missing NUL cannot walk all of memory)");
            return false;
        }
        std::uint8_t byte = 0;
        if (!load_byte(vaddr + i, byte)) return false;
        if (byte == 0) return true;
        text.push_back(static_cast<char>(byte));
    }
    return true;
}

bool Call::write_bytes(std::uint64_t vaddr, std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (!store_byte(vaddr + i, static_cast<std::uint8_t>(bytes[i]))) return false;
    }
    return true;
}

bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }

}  // namespace memsim::minic::library
