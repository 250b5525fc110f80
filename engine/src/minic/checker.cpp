#include "checker_impl.hpp"

namespace memsim::minic {

tl::expected<void, Error> check(Program& program) { return checking::Checker(program).run(); }

}  // namespace memsim::minic
