#include "memsim/core/result.hpp"

namespace memsim {

std::string Error::to_string() const {
    if (line <= 0) return message;
    std::string where = std::to_string(line);
    if (column > 0) where += ":" + std::to_string(column);
    return where + ": " + message;
}

}  // namespace memsim
