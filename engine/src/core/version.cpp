#include "memsim/version.hpp"

namespace memsim {

const char* version() { return MEMSIM_VERSION; }

}  // namespace memsim
