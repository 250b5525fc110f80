#include <catch2/catch.hpp>

#include "memsim/core/memcheck_words.hpp"

using memsim::BadAccess;
using memsim::memcheck_words;

TEST_CASE("memcheck's words place the address before, inside or after the block", "[core][memcheck]") {
    // A block of 40 bytes at 0x1000 (memcheck: "a block of size 40").
    CHECK(memcheck_words(BadAccess{.write = true, .size = 4, .address = 0x1028, .block = 0x1000, .block_size = 40}) ==
          "Valgrind's memcheck says: Invalid write of size 4; Address 0x1028 is 0 bytes after a block of size 40 alloc'd.");
    CHECK(memcheck_words(BadAccess{.write = false, .size = 1, .address = 0xff8, .block = 0x1000, .block_size = 40}) ==
          "Valgrind's memcheck says: Invalid read of size 1; Address 0xff8 is 8 bytes before a block of size 40 alloc'd.");
    CHECK(memcheck_words(BadAccess{.write = false, .size = 8, .address = 0x1010, .block = 0x1000, .block_size = 40, .freed = true}) ==
          "Valgrind's memcheck says: Invalid read of size 8; Address 0x1010 is 16 bytes inside a block of size 40 free'd.");
}
