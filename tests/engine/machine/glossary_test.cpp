#include <catch2/catch.hpp>

#include <cctype>

#include "memsim/machine/glossary.hpp"

using namespace memsim::machine;

TEST_CASE("The glossary defines every term the issue names, in sorted order", "[machine][glossary]") {
    for (const char* term : {"stack frame", "return address", "heap", "free list", "external fragmentation", "page fault",
                             "TLB", "thrashing", "working set", "copy-on-write", "guard page"}) {
        INFO(term);
        CHECK_FALSE(define(term).empty());
    }
    CHECK(define("tlb") == define("TLB"));
    CHECK(define("no such term").empty());
    const auto& all = glossary();
    const auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(lower(all[i - 1].term) < lower(all[i].term));
}
