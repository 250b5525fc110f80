#pragma once
// Valgrind memcheck's words for a bad heap access, so that a student who meets Valgrind
// next reads the same two lines there:
//
//   Invalid write of size 4
//   Address 0x4a4b068 is 0 bytes after a block of size 40 alloc'd
//
// The address is described against one block: "N bytes before", "N bytes inside" or
// "N bytes after" it (N counted from the block's first byte, or from its end), and the
// block is "alloc'd" or "free'd".
#include <cstdint>
#include <string>

namespace memsim {

struct BadAccess {
    bool write = false;              // = false // a store (else a load)
    std::uint32_t size = 0;          // bytes accessed
    std::uint64_t address = 0;       // the first byte accessed
    std::uint64_t block = 0;         // the block's payload (what malloc returned)
    std::uint64_t block_size = 0;    // the bytes the program asked for
    bool freed = false;              // = false // the block was freed already
};

// "Valgrind's memcheck says: Invalid write of size 4; Address 0x... is 0 bytes after a
// block of size 40 alloc'd."
std::string memcheck_words(const BadAccess& access);

}  // namespace memsim
