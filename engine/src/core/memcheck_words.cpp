#include "memsim/core/memcheck_words.hpp"

#include "memsim/core/text.hpp"

namespace memsim {

std::string memcheck_words(const BadAccess& a) {
    std::string where;
    if (a.address < a.block) where = std::to_string(a.block - a.address) + " bytes before";
    else if (a.address >= a.block + a.block_size) where = std::to_string(a.address - (a.block + a.block_size)) + " bytes after";
    else where = std::to_string(a.address - a.block) + " bytes inside";
    return std::string("Valgrind's memcheck says: Invalid ") + (a.write ? "write" : "read") + " of size " + std::to_string(a.size) +
           "; Address " + hex(a.address) + " is " + where + " a block of size " + std::to_string(a.block_size) +
           (a.freed ? " free'd." : " alloc'd.");
}

}  // namespace memsim
